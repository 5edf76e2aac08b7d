//! The summary table: one row per document, as the CLI's `--format csv` and the viewer's
//! overview export write it.

use crate::{Amount, Document};

/// Column names of the summary table, in order.
pub const SUMMARY_COLUMNS: [&str; 13] = [
    "file_name",
    "code",
    "name",
    "fund",
    "period",
    "status",
    "start_date",
    "end_date",
    "regions",
    "granted_eu_state",
    "realized_eu_state",
    "planned_public_total",
    "realized_public_total",
];

/// Column name of the realised-vs-granted percentage, the last column.
pub const REALIZED_VS_GRANTED_COLUMN: &str = "realized_vs_granted_pct";

/// A cell of the summary table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text; empty when the value is absent.
    Text(String),
    /// An amount of euros: whole euros as an integer, others with two decimals.
    Amount(Amount),
    /// A percentage with one decimal.
    Percent(f64),
    /// No value.
    Empty,
}

/// The summary row of a document: the values of [`SUMMARY_COLUMNS`] and then
/// [`REALIZED_VS_GRANTED_COLUMN`]. Regions are joined with ", ".
pub fn summary_row(doc: &Document) -> Vec<Cell> {
    let text = |s: Option<&str>| s.map_or(Cell::Empty, |s| Cell::Text(s.to_owned()));
    let amount = |n: Option<Amount>| n.map_or(Cell::Empty, Cell::Amount);
    let f = &doc.funding;
    vec![
        Cell::Text(doc.source.file_name.clone()),
        text(doc.project.code.as_deref()),
        text(doc.project.name.as_deref()),
        text(doc.kind.fund.map(|k| k.as_str())),
        text(doc.kind.period.map(|p| p.as_str())),
        text(doc.project.status.map(|s| s.as_str())),
        text(doc.project.start_date.as_deref()),
        text(doc.project.end_date.as_deref()),
        Cell::Text(doc.area.regions.join(", ")),
        amount(f.granted_eu_state),
        amount(f.realized_eu_state),
        amount(f.planned_public_total),
        amount(f.realized_public_total),
        f.realized_vs_granted_pct()
            .map_or(Cell::Empty, Cell::Percent),
    ]
}

/// CSV dialects: plain (comma, decimal point) and Excel in Finnish locale
/// (semicolon, decimal comma; the caller adds the UTF-8 BOM).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// RFC 4180: comma separator, decimal point.
    Plain,
    /// Semicolon separator and decimal comma, as Excel with Finnish settings expects.
    ExcelFi,
}

impl CsvDialect {
    /// The field separator: `,` plain, `;` for Excel in Finnish.
    pub fn separator(self) -> char {
        match self {
            CsvDialect::Plain => ',',
            CsvDialect::ExcelFi => ';',
        }
    }
}

/// Writes the header and one row per document as CSV with CRLF line ends.
/// [`CsvDialect::ExcelFi`] output starts with a UTF-8 BOM so Excel reads it as UTF-8.
pub fn summary_csv<'a>(
    docs: impl IntoIterator<Item = &'a Document>,
    dialect: CsvDialect,
) -> String {
    let mut out = String::new();
    if dialect == CsvDialect::ExcelFi {
        out.push('\u{FEFF}');
    }
    let header: Vec<Cell> = SUMMARY_COLUMNS
        .iter()
        .chain(std::iter::once(&REALIZED_VS_GRANTED_COLUMN))
        .map(|c| Cell::Text((*c).to_owned()))
        .collect();
    write_row(&mut out, &header, dialect);
    for doc in docs {
        write_row(&mut out, &summary_row(doc), dialect);
    }
    out
}

/// One document's line of [`summary_csv`], without the header: for writers that stream
/// the table row by row.
pub fn summary_csv_row(doc: &Document, dialect: CsvDialect) -> String {
    let mut out = String::new();
    write_row(&mut out, &summary_row(doc), dialect);
    out
}

fn write_row(out: &mut String, cells: &[Cell], dialect: CsvDialect) {
    let sep = dialect.separator();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        match cell {
            Cell::Text(s) => push_csv_text(out, s, sep),
            Cell::Amount(a) => push_decimal(out, &a.to_string(), dialect),
            Cell::Percent(p) => push_decimal(out, &format!("{p:.1}"), dialect),
            Cell::Empty => {}
        }
    }
    out.push_str("\r\n");
}

/// A number written with a decimal point, with the dialect's decimal separator.
fn push_decimal(out: &mut String, s: &str, dialect: CsvDialect) {
    match dialect {
        CsvDialect::Plain => out.push_str(s),
        CsvDialect::ExcelFi => out.push_str(&s.replace('.', ",")),
    }
}

/// Appends the text `s` as one CSV field with the separator `sep`: quoted (its quotes
/// doubled) when it holds the separator, a quote or a line break. A text starting with
/// `=`, `+`, `-` or `@` (and longer than that character) would make Excel evaluate the cell
/// as a formula; it is quoted and an apostrophe put before it, which keeps it text (CSV
/// injection). The summary CSV and the tables' CSV write text with this.
pub fn push_csv_text(out: &mut String, s: &str, sep: char) {
    let formula = s.starts_with(['=', '+', '-', '@']) && s.len() > 1;
    if s.contains([sep, '"', '\n', '\r']) || formula {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The JSON of one document, pretty-printed, as the viewer downloads it (`<code>.json`).
pub fn document_json(doc: &crate::Document) -> String {
    let mut s = serde_json::to_string_pretty(doc).expect("a document always serializes");
    s.push('\n');
    s
}

/// A JSON array of results, pretty-printed: the CLI's `--format json` and the viewer's
/// "Download all" write exactly these bytes.
pub fn outcomes_json(outcomes: &[crate::Outcome]) -> String {
    let mut s = serde_json::to_string_pretty(outcomes).expect("outcomes always serialize");
    s.push('\n');
    s
}

/// The viewer's "Save session": `view` (key and value pairs, in order) and the documents,
/// `{"session_version": 1, "view": {…}, "documents": […]}`. The documents' array is the
/// bytes [`outcomes_json`] writes (only its final newline left for the wrapper's), and the
/// last member, so that [`crate::import::json_items`] reads a large session item by item.
pub fn session_json(view: &[(String, String)], outcomes: &[crate::Outcome]) -> String {
    let quoted = |s: &String| serde_json::to_string(s).expect("strings always serialize");
    let members: Vec<String> = view
        .iter()
        .map(|(k, v)| format!("{}: {}", quoted(k), quoted(v)))
        .collect();
    let view = format!("{{{}}}", members.join(", "));
    let documents = outcomes_json(outcomes);
    format!(
        "{{\"session_version\": {}, \"view\": {view}, \"documents\": {}}}\n",
        crate::import::SESSION_VERSION,
        documents.trim_end_matches('\n')
    )
}

/// One result as a single line of JSON with its newline: the CLI's `--format ndjson`.
pub fn outcome_ndjson_line(outcome: &crate::Outcome) -> String {
    let mut s = serde_json::to_string(outcome).expect("an outcome always serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        let mut s = String::new();
        push_csv_text(&mut s, "a, \"b\"", ',');
        assert_eq!(s, "\"a, \"\"b\"\"\"");
        let mut s = String::new();
        push_csv_text(&mut s, "=HYPERLINK(1)", ';');
        assert_eq!(s, "\"'=HYPERLINK(1)\"");
        let mut s = String::new();
        push_csv_text(&mut s, "a, b", ';');
        assert_eq!(s, "a, b");
    }

    #[test]
    fn amounts_keep_their_cents() {
        let cells = [
            Cell::Amount(Amount::from_cents(9_935_599)),
            Cell::Amount(Amount::euros(48_724)),
            Cell::Percent(69.94),
        ];
        let mut plain = String::new();
        write_row(&mut plain, &cells, CsvDialect::Plain);
        assert_eq!(plain, "99355.99,48724,69.9\r\n");
        let mut excel = String::new();
        write_row(&mut excel, &cells, CsvDialect::ExcelFi);
        assert_eq!(excel, "99355,99;48724;69,9\r\n");
    }
}
