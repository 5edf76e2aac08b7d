//! A list export's entries made a row at a time: the loader takes a few between yields (a
//! programme's list is thousands of rows), [`super::ingest`] all at once, by the same code.

use std::rc::Rc;

use web_sys::File;

use hankekuvaus::lists::Rows;
use hankekuvaus::Options;

use super::{is_json, Entry, Origin};

/// The entries of a list export, made as its rows are read ([`Rows`]): the loader takes
/// them a few at a time between yields, [`super::ingest`] all at once. A list without
/// project rows gives the parser's failure for it, as [`hankekuvaus::read`] does.
pub struct ListEntries<'a> {
    rows: Rows<'a>,
    /// Where each row's Source tab text comes from (the list's).
    origin: Box<dyn Fn() -> Origin + 'a>,
    /// A row or the failure was given.
    any: bool,
}

impl<'a> ListEntries<'a> {
    pub(super) fn new(rows: Rows<'a>, origin: Box<dyn Fn() -> Origin + 'a>) -> ListEntries<'a> {
        ListEntries {
            rows,
            origin,
            any: false,
        }
    }

    /// The rows read so far.
    pub fn rows_read(&self) -> usize {
        self.rows.rows_read()
    }
}

impl Iterator for ListEntries<'_> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        match self.rows.next() {
            Some(doc) => {
                self.any = true;
                Some(Entry::document(doc, (self.origin)()))
            }
            None if !self.any => {
                self.any = true;
                Some(Entry::Failure(Rc::new(self.rows.no_rows())))
            }
            None => None,
        }
    }
}

/// The rows of `bytes` when [`super::ingest`] reads them as a list export (not JSON,
/// within the parser's size limit, and a list); `None` otherwise. Does the list's up-front
/// work only ([`Rows::new`]).
pub(super) fn list_rows<'a>(file_name: &str, bytes: &'a [u8]) -> Option<Rows<'a>> {
    if is_json(file_name, bytes) || bytes.len() as u64 > Options::default().max_file_bytes {
        return None;
    }
    Rows::new(bytes, file_name)
}

/// The entries of a list export given as a file, made as its rows are read: its rows keep
/// the file, as [`super::ingest_file`]'s do. `None` when [`super::ingest_file`] would not
/// read it as a list.
pub fn file_list_entries<'a>(file: &File, bytes: &'a [u8]) -> Option<ListEntries<'a>> {
    let rows = list_rows(&file.name(), bytes)?;
    let file = file.clone();
    Some(ListEntries::new(
        rows,
        Box::new(move || Origin::File(file.clone())),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ingest, EntryState};
    use hankekuvaus::Outcome;

    #[test]
    fn a_list_read_a_few_rows_at_a_time_gives_the_entries_of_ingest() {
        let outcomes = |entries: &[Entry]| -> Vec<(Outcome, EntryState)> {
            entries.iter().map(|e| (e.outcome(), e.state())).collect()
        };
        for name in [
            "eura2007_projektilista_sample.csv",
            "eura2007_projektilista_test.xml",
            "eura2021_projektilista_test.xlsx",
        ] {
            let path = format!("{}/testdata/lists/{name}", env!("CARGO_MANIFEST_DIR"));
            let bytes = std::fs::read(path).unwrap();
            let whole = ingest(name, &bytes);
            let text: Rc<str> = Rc::from(hankekuvaus::source_text(&bytes));
            let rows = list_rows(name, &bytes).expect("a list");
            let mut list = ListEntries::new(rows, Box::new(move || Origin::Text(Rc::clone(&text))));
            let mut sliced = vec![list.next().expect("a first row")];
            assert_eq!(list.rows_read(), 1, "{name}: the other rows wait");
            // A few at a time, as the loader takes them between yields.
            loop {
                let slice: Vec<Entry> = list.by_ref().take(7).collect();
                if slice.is_empty() {
                    break;
                }
                sliced.extend(slice);
            }
            assert_eq!(outcomes(&sliced), outcomes(&whole), "{name}");
            let source = |e: &Entry| e.loaded().unwrap().source().unwrap().text.clone();
            assert_eq!(source(&sliced[1]), source(&whole[1]), "{name}");
        }
        // A list without project rows: the one failure `ingest` gives.
        let header = b"Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,\
                       P\xE4\xE4ttymispvm,Toteuttajan nimi,My\xF6nnetty EU- ja valtion rahoitus,\
                       Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus \
                       yhteens\xE4,Toteutunut julkinen rahoitus yhteens\xE4\n";
        let rows = list_rows("tyhjä.csv", header).expect("a list");
        let empty: Vec<Entry> = ListEntries::new(rows, Box::new(|| Origin::Imported)).collect();
        let whole = ingest("tyhjä.csv", header);
        assert_eq!(outcomes(&empty), outcomes(&whole));
        assert!(matches!(whole.as_slice(), [Entry::Failure(_)]));
        // JSON and descriptions are not lists.
        assert!(list_rows("lista.json", header).is_none());
        assert!(list_rows("000.txt", crate::examples::EXAMPLES[0].1).is_none());
    }
}
