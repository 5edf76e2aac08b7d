//! CSV of a table: RFC 4180 with CRLF line ends, in the dialects of the summary CSV.

use hankekuvaus::export::{push_csv_text, CsvDialect};

use crate::{Cell, Labels, Table};

/// Writes a table as CSV: the header row, then one line per row.
///
/// - [`CsvDialect::Plain`]: comma, decimal point, UTF-8 without BOM: for pandas and R.
/// - [`CsvDialect::ExcelFi`]: semicolon, decimal comma, and a UTF-8 BOM so that Excel with
///   Finnish settings reads it.
///
/// Numbers are written bare: euros with cents only when they have them (`48724`,
/// `99355.99`), percentages with one decimal, dates as ISO `YYYY-MM-DD`, yes/no as
/// `true`/`false`. Text is quoted when it holds the separator, a quote or a line break, and
/// text that Excel would run as a formula (a leading `=`, `+`, `-`, `@`) is quoted with a
/// leading apostrophe, as the summary CSV does.
pub fn csv(table: &Table, dialect: CsvDialect, labels: Labels) -> String {
    let mut out = csv_header(table, dialect, labels);
    push_rows(&mut out, table, dialect, labels);
    out
}

/// The header row alone, with the BOM in [`CsvDialect::ExcelFi`]: what [`csv`] starts with.
pub fn csv_header(table: &Table, dialect: CsvDialect, labels: Labels) -> String {
    let sep = dialect.separator();
    let mut out = String::new();
    if dialect == CsvDialect::ExcelFi {
        out.push('\u{FEFF}');
    }
    for (i, column) in table.kind.columns().iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        let header = match labels {
            Labels::Keys => column.key,
            Labels::Lang(lang) => column.label(lang),
        };
        push_csv_text(&mut out, header, sep);
    }
    out.push_str("\r\n");
    out
}

/// The rows alone, as [`csv`] writes them after the header: for writers that stream a
/// table piece by piece under one header.
pub fn csv_rows(table: &Table, dialect: CsvDialect, labels: Labels) -> String {
    let mut out = String::new();
    push_rows(&mut out, table, dialect, labels);
    out
}

fn push_rows(out: &mut String, table: &Table, dialect: CsvDialect, labels: Labels) {
    let sep = dialect.separator();
    for row in &table.rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(sep);
            }
            push_cell(out, cell, dialect, labels, sep);
        }
        out.push_str("\r\n");
    }
}

fn push_cell(out: &mut String, cell: &Cell, dialect: CsvDialect, labels: Labels, sep: char) {
    let decimal = |s: String| match dialect {
        CsvDialect::Plain => s,
        CsvDialect::ExcelFi => s.replace('.', ","),
    };
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => push_csv_text(out, s, sep),
        Cell::Term(t) => push_csv_text(out, t.text(labels), sep),
        Cell::Int(n) => out.push_str(&n.to_string()),
        // Rust's shortest round-trip form: 30 for 30.0, 0.25 for 0.25.
        Cell::Number(n) => out.push_str(&decimal(n.to_string())),
        Cell::Euros(c) => {
            let (euros, cents) = (c.0 / 100, (c.0 % 100).unsigned_abs());
            if cents == 0 {
                out.push_str(&euros.to_string());
            } else {
                // -0.50 has no euros to carry the sign.
                let sign = if c.0 < 0 && euros == 0 { "-" } else { "" };
                out.push_str(&decimal(format!("{sign}{euros}.{cents:02}")));
            }
        }
        Cell::Percent(p) => out.push_str(&decimal(format!("{p:.1}"))),
        Cell::Date(d) => out.push_str(&format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
        Cell::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cents, Lang, TableKind};

    fn one_cell(cell: Cell, dialect: CsvDialect) -> String {
        let table = Table {
            kind: TableKind::Indicators,
            rows: vec![vec![
                Cell::Text("S1".into()),
                cell,
                Cell::Empty,
                Cell::Empty,
            ]],
        };
        let out = csv(&table, dialect, Labels::Keys);
        // The row is `S1,<cell>,,`: the cell is what lies between the code and the two
        // empty cells.
        let (prefix, suffix) = match dialect {
            CsvDialect::Plain => ("S1,", ",,\r\n"),
            CsvDialect::ExcelFi => ("S1;", ";;\r\n"),
        };
        let row = out.split_once("\r\n").unwrap().1;
        row.strip_prefix(prefix)
            .unwrap()
            .strip_suffix(suffix)
            .unwrap()
            .to_owned()
    }

    #[test]
    fn cells() {
        use CsvDialect::*;
        assert_eq!(one_cell(Cell::Euros(Cents(4_872_400)), Plain), "48724");
        assert_eq!(one_cell(Cell::Euros(Cents(9_935_599)), Plain), "99355.99");
        assert_eq!(one_cell(Cell::Euros(Cents(9_935_599)), ExcelFi), "99355,99");
        assert_eq!(one_cell(Cell::Euros(Cents(-50)), Plain), "-0.50");
        assert_eq!(one_cell(Cell::Euros(Cents(-1_205)), Plain), "-12.05");
        assert_eq!(one_cell(Cell::Percent(95.2768), ExcelFi), "95,3");
        assert_eq!(one_cell(Cell::Number(30.0), Plain), "30");
        assert_eq!(one_cell(Cell::Number(2.5), ExcelFi), "2,5");
        assert_eq!(one_cell(Cell::Bool(false), Plain), "false");
        assert_eq!(
            one_cell(Cell::Text("=SUM(A1)".into()), Plain),
            "\"'=SUM(A1)\""
        );
        assert_eq!(
            one_cell(Cell::Text("a, \"b\"".into()), Plain),
            "\"a, \"\"b\"\"\""
        );
        assert_eq!(one_cell(Cell::Text("a, b".into()), ExcelFi), "a, b");
    }

    #[test]
    fn headers_in_each_language() {
        let table = Table {
            kind: TableKind::Organisations,
            rows: Vec::new(),
        };
        let header = |labels| csv(&table, CsvDialect::Plain, labels);
        assert_eq!(
            header(Labels::Keys),
            "code,role,name,business_id,business_id_valid\r\n"
        );
        assert!(header(Labels::Lang(Lang::Fi)).contains(",Y-tunnus,"));
        assert!(header(Labels::Lang(Lang::Sv)).contains(",FO-nummer,"));
        assert!(csv(&table, CsvDialect::ExcelFi, Labels::Keys).starts_with("\u{FEFF}code;role;"));
    }
}
