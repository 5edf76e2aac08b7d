//! Facet values as small numbers, so that counting the facets of every row a query leaves
//! (up to a whole programme's 44,000) is array arithmetic instead of string hashing.
//!
//! Each row's values are numbered once, when its row is made ([`of_doc`]); [`count`] then
//! tallies the numbers of the rows shown. Counting the documents themselves
//! ([`hankekuvaus_search::facets`]) visits each document's scattered fields and took
//! 36–41 ms natively for 11,000 rows. The numbering is per thread (the page has one): a
//! value is numbered the first time any row has it and keeps its number.

use std::cell::RefCell;
use std::collections::BTreeMap;

use hankekuvaus::Document;
use hankekuvaus_search::{Counts, Facet};

use crate::numbering::Numbering;

thread_local! {
    static NUMBERING: RefCell<Numbering<Facet>> = RefCell::default();
}

/// The numbers of `doc`'s facet values, each value once.
pub fn of_doc(doc: &Document) -> Box<[u32]> {
    NUMBERING.with_borrow_mut(|n| {
        let mut out: Vec<u32> = Vec::new();
        for facet in Facet::ALL {
            for value in facet.values(doc) {
                let id = n.id(facet, &value);
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out.into_boxed_slice()
    })
}

/// The facet counts of the rows whose numbers `rows` gives, as
/// [`hankekuvaus_search::facets`] counts their documents: per facet, most rows first, then
/// by value.
pub fn count<'a>(rows: impl IntoIterator<Item = &'a [u32]>) -> BTreeMap<Facet, Counts> {
    let mut tally: Vec<usize> = Vec::new();
    for ids in rows {
        for &id in ids {
            let id = id as usize;
            if id >= tally.len() {
                tally.resize(id + 1, 0);
            }
            tally[id] += 1;
        }
    }
    NUMBERING.with_borrow(|n| {
        let mut out: BTreeMap<Facet, Counts> = BTreeMap::new();
        for (id, &times) in tally.iter().enumerate() {
            if times > 0 {
                let (facet, value) = &n.keys()[id];
                out.entry(*facet).or_default().push((value.clone(), times));
            }
        }
        for counts in out.values_mut() {
            counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overview::build_rows;
    use crate::overview::test_support::{example_rows, variant};

    #[test]
    fn counts_as_the_documents_are_counted() {
        let (mut entries, _) = example_rows();
        entries.extend(variant("S30000", "Lappi", 1000));
        entries.extend(variant("S30001", "Lappi, Kainuu, Lappi", 5));
        let rows = build_rows(&[], &entries);
        let by_numbers = count(rows.iter().map(|r| &*r.data.facets));
        let by_documents = hankekuvaus_search::facets(rows.iter().map(|r| r.header()));
        assert_eq!(by_numbers, by_documents);
        assert!(by_numbers[&Facet::Region].contains(&("Lappi".to_owned(), 3)));
        // A subset counts only its own rows.
        let two = count(rows[..2].iter().map(|r| &*r.data.facets));
        assert_eq!(
            two,
            hankekuvaus_search::facets(rows[..2].iter().map(|r| r.header()))
        );
        assert!(count(std::iter::empty()).is_empty());
    }
}
