//! A list export read a row at a time, so that a caller with a time budget (the viewer's
//! main thread) can stop between rows: only the per-file work is done up front.

use std::borrow::Cow;

#[cfg(feature = "xlsx")]
use crate::lists::eura2021_xlsx;
use crate::lists::{detect, eura2007_csv, eura2007_xml, eura2014_csv, ListFile};
use crate::{codes, Document, Failure, FailureSource, ListKind, NotADescription, SourceFormat};

/// The project rows of a list export, read one at a time, in file order: each is the
/// [`Document`] that [`crate::read`] gives for it (which is built on this reader).
///
/// [`Rows::new`] does only what the whole file needs: recognising it, decoding its text
/// and counting its lines (for a workbook: inflating its parts, reading the shared strings
/// and the header, finding the last row). Each call to [`Iterator::next`] then reads one
/// more row, so a caller can stop after any row and go on later.
///
/// ```
/// use hankekuvaus::{lists::Rows, ListKind};
/// let list = "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,\
///             Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion \
///             rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus \
///             yhteensä\n\
///             A70054,EAKR,Kasvua,2,Pirkanmaan liitto,Toiminnassa,1.1.2015,30.6.2017,\
///             Oy Esimerkki Ab,61467,30067.49,216778,42954.01\n\
///             S21498,ESR,Osaajat,3,Keski-Suomen ELY-keskus,Päättynyt,1.9.2015,31.8.2018,\
///             Jyväskylän kaupunki,48724,48724,97448,97448\n";
/// let mut rows = Rows::new(list.as_bytes(), "lista.csv").expect("a list export");
/// assert_eq!(rows.kind(), ListKind::Eura2014Csv);
/// let first = rows.next().unwrap();
/// assert_eq!(first.project.code.as_deref(), Some("A70054"));
/// assert_eq!(first.source.row, Some(2));
/// // The second row is read only now.
/// assert_eq!(rows.rows_read(), 1);
/// assert_eq!(rows.next().unwrap().source.row, Some(3));
/// assert!(rows.next().is_none());
/// // Not a list: no reader.
/// assert!(Rows::new(b"Hankekoodi: S21498", "kuvaus.txt").is_none());
/// ```
pub struct Rows<'a> {
    file: ListFile,
    reader: Reader<'a>,
    read: usize,
}

/// The reader of each format, each keeping where it stopped (the larger ones boxed).
enum Reader<'a> {
    Csv(CsvReader<'a>),
    Xml(Box<eura2007_xml::Reader<'a>>),
    #[cfg(feature = "xlsx")]
    Xlsx(Box<eura2021_xlsx::Reader>),
}

impl<'a> Rows<'a> {
    /// The rows of `bytes` when they are a list export (see [`crate::lists::detect`]),
    /// `None` otherwise. `file_name` goes into every row's [`crate::Source`]. A workbook is
    /// opened once: recognising it is most of the up-front work.
    pub fn new(bytes: &'a [u8], file_name: &str) -> Option<Rows<'a>> {
        let (file, reader) = if bytes.starts_with(b"PK\x03\x04") {
            #[cfg(feature = "xlsx")]
            {
                let (file, reader) = eura2021_xlsx::Reader::open(bytes, file_name)?;
                (file, Reader::Xlsx(Box::new(reader)))
            }
            #[cfg(not(feature = "xlsx"))]
            return None;
        } else {
            match detect(bytes)? {
                ListKind::Eura2007Csv => {
                    let (file, reader) = eura2007_csv::reader(bytes, file_name);
                    (file, Reader::Csv(reader))
                }
                ListKind::Eura2014Csv => {
                    let (file, reader) = eura2014_csv::reader(bytes, file_name);
                    (file, Reader::Csv(reader))
                }
                ListKind::Eura2007Xml => {
                    let (file, reader) = eura2007_xml::Reader::new(bytes, file_name);
                    (file, Reader::Xml(Box::new(reader)))
                }
                // A workbook starts with a ZIP header, handled above.
                ListKind::Eura2021Xlsx => return None,
            }
        };
        Some(Rows {
            file,
            reader,
            read: 0,
        })
    }

    /// Which list this is.
    pub fn kind(&self) -> ListKind {
        self.file.kind
    }

    /// How many rows have been given out so far.
    pub fn rows_read(&self) -> usize {
        self.read
    }

    /// How far the reading is: bytes of the decoded text (of a workbook, of its sheet's
    /// XML) read, and in all.
    pub fn progress(&self) -> (usize, usize) {
        match &self.reader {
            Reader::Csv(r) => r.consumed(),
            Reader::Xml(r) => r.consumed(),
            #[cfg(feature = "xlsx")]
            Reader::Xlsx(r) => r.consumed(),
        }
    }

    /// The failure [`crate::read`] gives for a list that has no project rows (the reader
    /// gave none): a list is recognised, but there is nothing to show.
    pub fn no_rows(&self) -> Failure {
        let source = &self.file.source;
        Failure {
            source: FailureSource {
                file_name: source.file_name.clone(),
                byte_count: source.byte_count,
                fingerprint: source.fingerprint.clone(),
            },
            error: NotADescription {
                code: codes::Code::Empty.as_str().to_owned(),
                message: format!(
                    "This is a project list ({}), but it has no project rows.",
                    self.file.kind.as_str()
                ),
            },
        }
    }
}

impl Iterator for Rows<'_> {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        let doc = match &mut self.reader {
            Reader::Csv(r) => r.next(&self.file),
            Reader::Xml(r) => r.next(&self.file),
            #[cfg(feature = "xlsx")]
            Reader::Xlsx(r) => r.next(&self.file),
        }?;
        self.read += 1;
        Some(doc)
    }
}

/// A CSV list read a line at a time after its header line, each line read by `read_row`
/// (the file, the row's line and its raw text).
pub(crate) struct CsvReader<'a> {
    text: Cow<'a, str>,
    lines: LineCursor,
    read_row: fn(&ListFile, u32, &str) -> Document,
}

impl<'a> CsvReader<'a> {
    /// The list decoded, its header line skipped.
    pub(crate) fn new(
        bytes: &'a [u8],
        file_name: &str,
        kind: ListKind,
        read_row: fn(&ListFile, u32, &str) -> Document,
    ) -> (ListFile, CsvReader<'a>) {
        let (file, text) = ListFile::decode(bytes, file_name, kind, SourceFormat::Csv);
        let mut lines = LineCursor::default();
        // The header: the first line that is not blank.
        lines.next(&text);
        let reader = CsvReader {
            text,
            lines,
            read_row,
        };
        (file, reader)
    }

    /// Bytes of the decoded text read, and in all.
    fn consumed(&self) -> (usize, usize) {
        (self.lines.pos, self.text.len())
    }

    /// The next row.
    fn next(&mut self, file: &ListFile) -> Option<Document> {
        let (line, raw) = self.lines.next(&self.text)?;
        Some((self.read_row)(file, line, raw))
    }
}

/// Where a pass over the lines of a text stands. It keeps no reference to the text, so a
/// reader that owns its text can keep one.
struct LineCursor {
    /// Where the next line starts.
    pos: usize,
    /// The next line's 1-based number.
    line: u32,
    /// The last line (the one without a line end) was passed.
    done: bool,
}

impl Default for LineCursor {
    fn default() -> Self {
        LineCursor {
            pos: 0,
            line: 1,
            done: false,
        }
    }
}

impl LineCursor {
    /// The next line of `text` (always the same text) that is not blank: its number and
    /// its text without the line end (`\n` or `\r\n`).
    fn next<'t>(&mut self, text: &'t str) -> Option<(u32, &'t str)> {
        while !self.done {
            let rest = &text[self.pos..];
            let (piece, next) = match rest.find('\n') {
                Some(i) => (&rest[..i], self.pos + i + 1),
                None => {
                    self.done = true;
                    (rest, text.len())
                }
            };
            let line = self.line;
            self.line = self.line.saturating_add(1);
            self.pos = next;
            let piece = piece.trim_end_matches('\r');
            if !piece.trim().is_empty() {
                return Some((line, piece));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_and_blank_ones_left_out() {
        let text = "a\r\n\n  \nb\nc";
        let mut cursor = LineCursor::default();
        let mut lines = Vec::new();
        while let Some(l) = cursor.next(text) {
            lines.push(l);
        }
        assert_eq!(lines, [(1, "a"), (4, "b"), (5, "c")]);
        assert_eq!(cursor.pos, text.len());
        let mut cursor = LineCursor::default();
        assert_eq!(cursor.next("x\n"), Some((1, "x")));
        assert_eq!(cursor.next("x\n"), None);
        assert_eq!(cursor.next(""), None);
    }
}
