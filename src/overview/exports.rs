//! The exports of the rows shown, through the core's `export` (the same CSV and JSON as the
//! CLI writes).

use hankekuvaus::export::{self, CsvDialect};
use hankekuvaus::{Document, Outcome};

use super::Row;

/// The documents of the rows shown, in the order shown.
pub fn shown_docs<'a>(rows: &'a [Row], shown: &'a [usize]) -> impl Iterator<Item = &'a Document> {
    shown.iter().map(move |&i| rows[i].doc())
}

/// The summary CSV of the rows shown: the same columns as the CLI's `--format csv`
/// (`csv-fi` for [`CsvDialect::ExcelFi`]: semicolons, decimal comma and a UTF-8 BOM).
pub fn export_csv(rows: &[Row], shown: &[usize], dialect: CsvDialect) -> String {
    export::summary_csv(shown_docs(rows, shown), dialect)
}

/// The documents of the rows shown as one JSON array, as "Download all" and the CLI's
/// `--format json` write it.
pub fn export_json(rows: &[Row], shown: &[usize]) -> String {
    let outcomes: Vec<Outcome> = shown_docs(rows, shown)
        .map(|d| Outcome::Document(Box::new(d.clone())))
        .collect();
    export::outcomes_json(&outcomes)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::example_rows;
    use super::*;
    use crate::overview::{shown_rows, Column, Filter, Sort};

    #[test]
    fn exports_of_the_rows_shown() {
        let (_, rows) = example_rows();
        let shown = shown_rows(
            &rows,
            &Filter::default(),
            Sort {
                column: Column::Code,
                descending: true,
            },
        );
        let csv = export_csv(&rows, &shown[..2], CsvDialect::Plain);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].starts_with("file_name,code,name"));
        assert_eq!(lines.len(), 4, "header, two rows, final empty");
        assert!(lines[1].contains(",S22257,"));
        let fi = export_csv(&rows, &shown, CsvDialect::ExcelFi);
        assert!(fi.starts_with("\u{FEFF}file_name;code;"));
        assert!(fi.contains(";29,8\r\n"), "decimal comma: {fi}");
        let json = export_json(&rows, &shown[..1]);
        let back = hankekuvaus::import::import_json(&json).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(
            back[0],
            Outcome::Document(Box::new(rows[shown[0]].doc().clone()))
        );
    }
}
