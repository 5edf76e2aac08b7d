//! Standard output in each format, written item by item: rendering one outcome (done on the
//! worker threads) and the framing around the items (the JSON array's brackets and commas,
//! the CSV header), so nothing waits for the last file and nothing is held for it.
//!
//! Architecture invariant: the bytes equal what the core's whole-list functions
//! (`export::outcomes_json`, `export::summary_csv`) write for the same outcomes, because the
//! viewer writes those and the two must read each other's files. Each item is cut from the
//! core's own output for a list of one, so formatting stays the core's.

use std::io::{self, Write};

use hankekuvaus::export::{self, CsvDialect};
use hankekuvaus::Outcome;
use hankekuvaus_tables::{Item, Labels, TableKind};

use crate::cli::Format;

/// How each outcome becomes output: the format and, for CSV, which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Render {
    /// The output format.
    pub format: Format,
    /// With CSV: a tidy table of the tables crate instead of the summary.
    pub table: Option<TableKind>,
    /// The headers of that table.
    pub labels: Labels,
}

impl Render {
    /// One outcome rendered as an item, for [`ItemWriter::item`], or `None` when it adds
    /// nothing to this output (a workbook is written at the end from the outcomes).
    pub fn item(&self, outcome: &Outcome) -> Option<String> {
        match (self.format, self.table) {
            (Format::Csv | Format::CsvFi, Some(kind)) => {
                let table = hankekuvaus_tables::build(kind, &[Item::from(outcome)]);
                let rows =
                    hankekuvaus_tables::csv_rows(&table, self.format.csv_dialect(), self.labels);
                (!rows.is_empty()).then_some(rows)
            }
            (Format::Xlsx, _) => None,
            (format, _) => format.render(outcome),
        }
    }

    /// What comes before the items: the CSV header (with the byte-order mark in Finnish
    /// Excel's dialect), so a run without documents still gives a table.
    fn header(&self) -> Option<String> {
        match (self.format, self.table) {
            (Format::Csv | Format::CsvFi, Some(kind)) => {
                let empty = hankekuvaus_tables::build(kind, &[]);
                Some(hankekuvaus_tables::csv_header(
                    &empty,
                    self.format.csv_dialect(),
                    self.labels,
                ))
            }
            (Format::Csv | Format::CsvFi, None) => Some(csv_header(self.format.csv_dialect())),
            _ => None,
        }
    }
}

impl Format {
    /// One outcome rendered as an item of this format, for [`ItemWriter::item`], or `None`
    /// when the format leaves it out (CSV has rows for documents only; failures go to
    /// standard error).
    pub fn render(self, outcome: &Outcome) -> Option<String> {
        match self {
            // The writer cuts the item out of the array (see `json_item`); cutting here
            // would copy every item once more.
            Format::Json => Some(export::outcomes_json(std::slice::from_ref(outcome))),
            Format::Ndjson => Some(export::outcome_ndjson_line(outcome)),
            Format::Csv | Format::CsvFi => match outcome {
                Outcome::Document(doc) => Some(export::summary_csv_row(doc, self.csv_dialect())),
                Outcome::Failure(_) => None,
            },
            Format::Xlsx => None,
        }
    }

    fn csv_dialect(self) -> CsvDialect {
        match self {
            Format::CsvFi => CsvDialect::ExcelFi,
            _ => CsvDialect::Plain,
        }
    }
}

/// A JSON array of one item is `[\n` + the item indented one level + `\n]\n`: the middle is
/// the item as it stands in any longer array.
fn json_item(array: &str) -> &str {
    array
        .strip_prefix("[\n")
        .and_then(|rest| rest.strip_suffix("\n]\n"))
        .expect("a pretty JSON array of one item")
}

fn csv_header(dialect: CsvDialect) -> String {
    export::summary_csv(std::iter::empty(), dialect)
}

/// Writes rendered items to `out` inside the framing of `format`.
pub struct ItemWriter<W: Write> {
    out: W,
    format: Format,
    items: u64,
}

impl<W: Write> ItemWriter<W> {
    /// Starts the output: the CSV header is written at once, so a run without documents
    /// still gives a table.
    pub fn start(mut out: W, render: &Render) -> io::Result<Self> {
        if let Some(header) = render.header() {
            out.write_all(header.as_bytes())?;
        }
        Ok(ItemWriter {
            out,
            format: render.format,
            items: 0,
        })
    }

    /// Writes one item rendered by [`Format::render`].
    pub fn item(&mut self, item: &str) -> io::Result<()> {
        let item = match self.format {
            Format::Json => {
                // `[` waits for the first item: an empty array is written `[]`.
                let separator: &[u8] = if self.items == 0 { b"[\n" } else { b",\n" };
                self.out.write_all(separator)?;
                json_item(item)
            }
            _ => item,
        };
        self.items += 1;
        self.out.write_all(item.as_bytes())
    }

    /// Writes bytes made outside the item framing (a workbook).
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    /// Delivers what is buffered, e.g. while the next item is still being converted.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Closes the framing and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Json {
            let end: &[u8] = if self.items == 0 { b"[]\n" } else { b"\n]\n" };
            self.out.write_all(end)?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// Outcomes of the seeds, the breadth files and two files that are not descriptions.
    fn outcomes() -> Vec<Outcome> {
        let testdata = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
        let mut paths: Vec<_> = ["seeds", "breadth"]
            .iter()
            .flat_map(|dir| std::fs::read_dir(testdata.join(dir)).unwrap())
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        let mut inputs: Vec<(String, Vec<u8>)> = paths
            .iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(p).unwrap())
            })
            .collect();
        inputs.insert(1, ("empty.txt".into(), Vec::new()));
        inputs.push(("x.pdf".into(), b"%PDF-1.7\n".to_vec()));
        let options = hankekuvaus::Options::default();
        let outcomes: Vec<Outcome> = inputs
            .iter()
            .map(|(name, bytes)| hankekuvaus::parse_outcome(bytes, name, &options))
            .collect();
        assert!(outcomes.iter().filter(|o| is_document(o)).count() >= 9);
        outcomes
    }

    fn is_document(outcome: &Outcome) -> bool {
        matches!(outcome, Outcome::Document(_))
    }

    fn render(format: Format, table: Option<TableKind>) -> Render {
        Render {
            format,
            table,
            labels: Labels::Keys,
        }
    }

    fn streamed_table(format: Format, table: Option<TableKind>, outcomes: &[Outcome]) -> Vec<u8> {
        let render = render(format, table);
        let mut buf = Vec::new();
        let mut writer = ItemWriter::start(&mut buf, &render).unwrap();
        for outcome in outcomes {
            if let Some(item) = render.item(outcome) {
                writer.item(&item).unwrap();
            }
        }
        writer.finish().unwrap();
        buf
    }

    fn streamed(format: Format, outcomes: &[Outcome]) -> Vec<u8> {
        let mut buf = Vec::new();
        let mut writer = ItemWriter::start(&mut buf, &render(format, None)).unwrap();
        for outcome in outcomes {
            if let Some(item) = format.render(outcome) {
                writer.item(&item).unwrap();
            }
        }
        writer.finish().unwrap();
        buf
    }

    fn summary(outcomes: &[Outcome], dialect: CsvDialect) -> String {
        let docs = outcomes.iter().filter_map(|o| match o {
            Outcome::Document(doc) => Some(&**doc),
            Outcome::Failure(_) => None,
        });
        export::summary_csv(docs, dialect)
    }

    #[test]
    fn streamed_bytes_equal_the_core_export() {
        let outcomes = outcomes();
        for n in [0, 1, 2, outcomes.len()] {
            let some = &outcomes[..n];
            let json = String::from_utf8(streamed(Format::Json, some)).unwrap();
            assert_eq!(json, export::outcomes_json(some), "json of {n}");
            let ndjson: String = some.iter().map(export::outcome_ndjson_line).collect();
            assert_eq!(streamed(Format::Ndjson, some), ndjson.as_bytes());
            assert_eq!(
                streamed(Format::Csv, some),
                summary(some, CsvDialect::Plain).as_bytes()
            );
            assert_eq!(
                streamed(Format::CsvFi, some),
                summary(some, CsvDialect::ExcelFi).as_bytes()
            );
        }
    }

    #[test]
    fn streamed_tables_equal_the_tables_crate() {
        let outcomes = outcomes();
        let items = hankekuvaus_tables::items(&outcomes);
        for kind in TableKind::ALL {
            for (format, dialect) in [
                (Format::Csv, CsvDialect::Plain),
                (Format::CsvFi, CsvDialect::ExcelFi),
            ] {
                let whole = hankekuvaus_tables::build(kind, &items);
                let expected = hankekuvaus_tables::csv(&whole, dialect, Labels::Keys);
                let streamed = String::from_utf8(streamed_table(format, Some(kind), &outcomes));
                assert_eq!(streamed.unwrap(), expected, "{kind:?} {format:?}");
                assert!(whole.rows.len() >= 5, "{kind:?} has rows");
            }
        }
    }

    #[test]
    fn csv_leaves_failures_out() {
        let outcomes = outcomes();
        let failure = outcomes.iter().find(|o| !is_document(o)).unwrap();
        assert_eq!(Format::Csv.render(failure), None);
        assert!(Format::Json.render(failure).is_some());
    }
}
