//! The `.xlsx` workbook: one sheet per table, typed cells, frozen header row with filters.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

use crate::{Cell, Lang, Table};

/// Excel's limit on the characters of one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// The workbook could not be written (not expected for tables this crate builds; the
/// message names the cause).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxError(String);

impl std::fmt::Display for XlsxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the workbook could not be written: {}", self.0)
    }
}

impl std::error::Error for XlsxError {}

impl From<rust_xlsxwriter::XlsxError> for XlsxError {
    fn from(e: rust_xlsxwriter::XlsxError) -> XlsxError {
        XlsxError(e.to_string())
    }
}

/// The number formats of one workbook, made once and shared by every sheet.
struct Formats {
    header: Format,
    euros: Format,
    percent: Format,
    date: Format,
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        // Excel localises the separators itself; the formats only place the sign.
        let (euros, percent) = match lang {
            Lang::Fi | Lang::Sv => ("#,##0.00 \"€\"", "0.0 %"),
            Lang::En => ("\"€\"#,##0.00", "0.0%"),
        };
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            euros: Format::new().set_num_format(euros),
            percent: Format::new().set_num_format(percent),
            // Built-in format 14 is the reader's short date: 1.1.2019 in Finland.
            date: Format::new().set_num_format_index(14),
        }
    }
}

/// Writes the tables as an `.xlsx` workbook, one sheet per table in the given order, with
/// sheet names and headers in `lang`, and returns its bytes.
///
/// Amounts are numbers in euros with a currency format, percentages are fractions with a
/// percent format, dates are dates, yes/no are booleans; the header row is frozen and has
/// filters; columns are as wide as their contents (within limits).
pub fn workbook(tables: &[Table], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new(lang);
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title("Hankekatselin"));
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.kind.sheet_name(lang))?;
        write_sheet(sheet, table, lang, &formats)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn write_sheet(
    sheet: &mut Worksheet,
    table: &Table,
    lang: Lang,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let columns = table.kind.columns();
    let mut widths: Vec<usize> = columns
        .iter()
        .map(|c| header_width(c.label(lang)))
        .collect();
    for (col, column) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, column.label(lang), &formats.header)?;
    }
    for (r, cells) in table.rows.iter().enumerate() {
        // Row 0 is the header; a sheet holds 1,048,576 rows, far more than any programme.
        let row = u32::try_from(r + 1).map_err(|_| XlsxError("too many rows".into()))?;
        for (col, cell) in cells.iter().enumerate() {
            widths[col] = widths[col].max(cell_width(cell, lang));
            write_cell(sheet, row, col as u16, cell, lang, formats)?;
        }
    }
    for (col, width) in widths.into_iter().enumerate() {
        sheet.set_column_width(col as u16, width.clamp(8, 60) as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last_row, columns.len() as u16 - 1)?;
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    lang: Lang,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        // Written as strings, never as formulas: a name starting with "=" stays a name.
        Cell::Text(s) => {
            sheet.write_string(row, col, excel_text(s))?;
        }
        Cell::Term(t) => {
            sheet.write_string(row, col, t.label(lang))?;
        }
        Cell::Int(n) => {
            sheet.write_number(row, col, *n as f64)?;
        }
        Cell::Number(n) => {
            sheet.write_number(row, col, *n)?;
        }
        Cell::Euros(c) => {
            sheet.write_number_with_format(row, col, c.euros(), &formats.euros)?;
        }
        Cell::Percent(p) => {
            sheet.write_number_with_format(row, col, p / 100.0, &formats.percent)?;
        }
        Cell::Date(d) => {
            // The builders make date cells of calendar dates from 1900 to 9999 only.
            let date = ExcelDateTime::from_ymd(d.year as u16, d.month as u8, d.day as u8)?;
            sheet.write_datetime_with_format(row, col, &date, &formats.date)?;
        }
        Cell::Bool(b) => {
            sheet.write_boolean(row, col, *b)?;
        }
    }
    Ok(())
}

/// At most [`MAX_CELL_CHARS`] characters: Excel refuses a longer cell.
fn excel_text(s: &str) -> &str {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

/// A header wraps, so its column needs only its longest word, plus room for the filter
/// button.
fn header_width(label: &str) -> usize {
    label
        .split(' ')
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
        + 3
}

/// About how many characters the cell shows.
fn cell_width(cell: &Cell, lang: Lang) -> usize {
    let digits = |n: i64| n.unsigned_abs().checked_ilog10().unwrap_or(0) as usize + 1;
    let width = match cell {
        Cell::Empty => 0,
        Cell::Text(s) => s.chars().count(),
        Cell::Term(t) => t.label(lang).chars().count(),
        Cell::Int(n) => digits(*n) + 1,
        Cell::Number(n) => n.to_string().len(),
        // Digits, thousands separators, cents, the sign and " €".
        Cell::Euros(c) => {
            let d = digits(c.0 / 100);
            d + d / 3 + 6
        }
        Cell::Percent(_) => 7,
        Cell::Date(_) => 10,
        Cell::Bool(_) => 7,
    };
    width + 2
}
