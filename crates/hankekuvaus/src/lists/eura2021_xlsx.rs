//! EURA 2021's project list (2021–2027): an Excel workbook (`.xlsx`), one sheet, one header
//! row of 35 columns, the projects, and two footer rows that are not projects.
//!
//! No export has been seen; this follows LISTS.md and is tested with workbooks made in the
//! tests. Assumed:
//! - the sheet is the workbook's first worksheet part (`xl/worksheets/sheet1.xml`, or else
//!   the first by name), its strings shared (`xl/sharedStrings.xml`) or inline;
//! - columns are found by their header text, trimmed (`Hankekoodi ` has a trailing space),
//!   so their order does not matter and an unknown column is kept in the tree only;
//! - dates are Excel serial numbers (1900 date system) or text `d.m.yyyy`;
//!   amounts are numbers, read to the nearest cent (Excel holds doubles), or text;
//! - the footer is the last rows (at most two) whose `Hankekoodi` is not a project code
//!   (a letter and digits); such rows are left out. A row without a code elsewhere is a
//!   document with an error, its cells kept;
//! - `Sijainti` holds one or more "FI193 Keski-Suomi" separated by `,` or `;`: the region
//!   is the name after the NUTS 3 code.
//!
//! The ZIP is read with `rawzip` and inflated with `miniz_oxide`, each part at most
//! [`MAX_PART_BYTES`]; the XML with the list readers' own tokenizer ([`sheet`]).

mod sheet;

use std::borrow::Cow;
use std::collections::VecDeque;

use crate::lists::{ListFile, Row};
use crate::{codes, Document, ListKind, Severity, SourceFormat, TextEncoding};
use sheet::Sheet;

/// The largest part of a workbook that is inflated: far above a whole programme's sheet
/// (8,700 rows are a few MB), far below what would exhaust memory.
pub(crate) const MAX_PART_BYTES: usize = 256 * 1024 * 1024;

/// The header cell that identifies the list, trimmed.
const CODE_COLUMN: &str = "Hankekoodi";

/// `true` when `bytes` are a workbook whose first row has the `Hankekoodi` column. Reads
/// the workbook's parts and its first row only.
pub(crate) fn is_list(bytes: &[u8]) -> bool {
    Sheet::open(bytes).is_ok_and(|mut s| s.header().is_some())
}

/// The project rows of the workbook read one at a time. Up front: the parts inflated, the
/// shared strings, the header, and the number of the last row (every row's
/// [`crate::Source::line_count`]); each call to [`Reader::next`] then reads on in the
/// sheet's XML.
pub(crate) struct Reader {
    sheet: Sheet,
    /// The header's columns: index and name, trimmed.
    names: Vec<(usize, String)>,
    code_col: Option<usize>,
    /// Rows after the header that are finished (a later row has begun) and not yet given
    /// out: two are held back until the end is known, as they may be the footer.
    queue: VecDeque<(u32, Vec<(usize, Cell)>)>,
    /// The sheet has no more rows: the footer is gone from `queue`.
    ended: bool,
}

impl Reader {
    /// The reader and the shared part of its rows' source; `None` when `bytes` are not
    /// EURA 2021's list (not a readable workbook, or no `Hankekoodi` in its first row).
    pub(crate) fn open(bytes: &[u8], file_name: &str) -> Option<(ListFile, Reader)> {
        let mut sheet = Sheet::open(bytes).ok()?;
        let header = sheet.header()?;
        let file = ListFile::new(
            bytes,
            file_name,
            ListKind::Eura2021Xlsx,
            SourceFormat::Xlsx,
            TextEncoding::Utf8,
            sheet.last_row().unwrap_or(1),
        );
        let names: Vec<(usize, String)> = header
            .iter()
            .map(|(c, v)| (*c, v.trim().to_owned()))
            .collect();
        let code_col = names
            .iter()
            .find(|(_, n)| n == CODE_COLUMN)
            .map(|(c, _)| *c);
        let reader = Reader {
            sheet,
            names,
            code_col,
            queue: VecDeque::new(),
            ended: false,
        };
        Some((file, reader))
    }

    /// Bytes of the sheet's XML read, and in all.
    pub(crate) fn consumed(&self) -> (usize, usize) {
        (self.sheet.pos, self.sheet.xml.len())
    }

    /// The next project row, in sheet order.
    pub(crate) fn next(&mut self, file: &ListFile) -> Option<Document> {
        loop {
            // A row followed by two more is not the footer.
            while self.queue.len() < 3 && !self.ended {
                match self.sheet.next_row() {
                    Some(row) => self.queue.push_back(row),
                    None => {
                        self.ended = true;
                        self.drop_footer();
                    }
                }
            }
            let (line, cells) = self.queue.pop_front()?;
            if cells.iter().any(|(_, v)| !v.trim().is_empty()) {
                return Some(read_row(file, line, &self.names, &cells));
            }
        }
    }

    /// The footer: trailing rows, at most two, without a project code.
    fn drop_footer(&mut self) {
        let code_of = |cells: &[(usize, Cell)]| -> Option<String> {
            let col = self.code_col?;
            cells
                .iter()
                .find(|(c, _)| *c == col)
                .map(|(_, v)| v.trim().to_owned())
        };
        let rows = &self.queue;
        let mut end = rows.len();
        while end > 0
            && rows.len() - end < 2
            && !code_of(&rows[end - 1].1).is_some_and(|c| is_code(&c))
        {
            end -= 1;
        }
        self.queue.truncate(end);
    }
}

/// A project code: a letter, then letters and digits with at least one digit ("S30123").
fn is_code(s: &str) -> bool {
    s.len() <= 20
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.bytes().all(|b| b.is_ascii_alphanumeric())
        && s.bytes().any(|b| b.is_ascii_digit())
}

fn read_row(
    file: &ListFile,
    line: u32,
    names: &[(usize, String)],
    cells: &[(usize, Cell)],
) -> Document {
    let mut row = file.row(line);
    let mut has_code = false;
    for (col, value) in cells {
        let name = names.iter().find(|(c, _)| c == col).map_or_else(
            || Cow::Owned(column_letters(*col)),
            |(_, n)| Cow::Borrowed(n.as_str()),
        );
        row.cell(&name, value.text());
        has_code |= name == CODE_COLUMN && !value.trim().is_empty();
        set(&mut row, &name, value);
    }
    if !has_code {
        row.diag(
            Severity::Error,
            codes::LIST_ROW_UNREADABLE,
            format!("Row {line} has no Hankekoodi; its cells are kept as they are."),
        );
    }
    row.finish()
}

fn set(row: &mut Row, column: &str, value: &Cell) {
    let v = value.text();
    match column {
        "Hankekoodi" => row.doc.project.code = row.text("project.code", v),
        "Ryhmähanketunnus" => row.doc.project.group_code = row.text("project.group_code", v),
        "Rahasto" => row.fund(v),
        "Tl" => {
            row.doc.project.priority_axis =
                row.numbered("project.priority_axis", &value.number_text())
        }
        "Et" => {
            row.doc.project.specific_objective =
                row.numbered("project.specific_objective", &value.number_text());
        }
        "Hankkeen nimi" => row.doc.project.name = row.text("project.name", v),
        "Toteuttajan nimi" => row.doc.applicant.name = row.text("applicant.name", v),
        "Toteuttajan Y-tunnus" => row.business_id(v),
        "Rahoittava viranomainen" => {
            row.doc.project.responsible_authority = row.text("project.responsible_authority", v);
        }
        "Toiminnan tila" => row.status(v),
        "Aloituspvm" => {
            row.doc.project.start_date = row.date("project.start_date", &value.date_text())
        }
        "Päättymispvm" => {
            row.doc.project.end_date = row.date("project.end_date", &value.date_text())
        }
        "Suunniteltu EU- ja valtion rahoitus" => {
            row.doc.funding.granted_eu_state =
                row.amount("funding.granted_eu_state", &value.amount_text());
        }
        "Suunniteltu julkinen rahoitus" => {
            row.doc.funding.planned_public_total =
                row.amount("funding.planned_public_total", &value.amount_text());
        }
        "Suunniteltu rahoitus yhteensä" => {
            row.doc.funding.planned_total =
                row.amount("funding.planned_total", &value.amount_text());
        }
        "Toteutunut EU- ja valtion rahoitus" => {
            row.doc.funding.realized_eu_state =
                row.amount("funding.realized_eu_state", &value.amount_text());
        }
        "Toteutunut julkinen rahoitus" => {
            row.doc.funding.realized_public_total =
                row.amount("funding.realized_public_total", &value.amount_text());
        }
        "Toteutunut rahoitus yhteensä" => {
            row.doc.funding.realized_total =
                row.amount("funding.realized_total", &value.amount_text());
        }
        "Toteutunut EU-rahoituksen määrä" => {
            row.doc.funding.realized_eu = row.amount("funding.realized_eu", &value.amount_text());
        }
        "Sijainti" => {
            let regions = regions(v);
            if !regions.is_empty() {
                row.text("area.regions", v);
                row.doc.area.regions = regions;
            }
        }
        "Toteutuspaikan postinumero" => {
            row.doc.area.site.postal_code = row.text("area.site.postal_code", &value.number_text())
        }
        "Toteutuspaikan postitoimipaikka" => row.doc.area.site.city = row.text("area.site.city", v),
        "Tuensaajan postinumero" => {
            row.doc.applicant.postal_code = row.text("applicant.postal_code", &value.number_text())
        }
        "Tuensaajan postitoimipaikka" => row.doc.applicant.city = row.text("applicant.city", v),
        "Suunnitelman mukainen tiivistelmä hankkeen toteutuksesta" => {
            row.doc.summary = row.text("summary", v)
        }
        "Hankekuvauksen osoite" => row.doc.project.card_url = row.text("project.card_url", v),
        "Hankkeen kotisivun osoite" => row.doc.project.home_page = row.text("project.home_page", v),
        // The other columns (Tukitoimen ala, Tukimuoto, …) are kept in the tree only.
        _ => {}
    }
}

/// The regions of `Sijainti`: "FI193 Keski-Suomi" → "Keski-Suomi", several separated by
/// `,` or `;`; a value without a NUTS code is kept as it is.
fn regions(s: &str) -> Vec<String> {
    s.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once(' ') {
            Some((code, name))
                if code.len() >= 3
                    && code.starts_with("FI")
                    && code[2..].bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                name.trim().to_owned()
            }
            _ => p.to_owned(),
        })
        .collect()
}

/// A cell's value: text, or a number as the sheet writes it.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Number(String),
}

impl Cell {
    fn text(&self) -> &str {
        match self {
            Cell::Text(s) | Cell::Number(s) => s,
        }
    }

    fn trim(&self) -> &str {
        self.text().trim()
    }

    /// A number as a person writes it: "2", "1.1", "40100" (not "2.0" or "4.01E4").
    fn number_text(&self) -> String {
        match self {
            Cell::Number(s) => match s.parse::<f64>() {
                Ok(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
                _ => s.clone(),
            },
            Cell::Text(s) => s.clone(),
        }
    }

    /// An amount as a decimal with at most two decimals: Excel holds doubles, so
    /// 99355.990000000005 is the cent amount 99355.99.
    fn amount_text(&self) -> String {
        match self {
            Cell::Number(s) => match s.parse::<f64>() {
                Ok(x) if x.is_finite() && x.abs() < 1e13 => {
                    let cents = (x * 100.0).round() as i64;
                    crate::Amount::from_cents(cents).to_string()
                }
                _ => s.clone(),
            },
            Cell::Text(s) => s.clone(),
        }
    }

    /// A date as `d.m.yyyy`: an Excel serial number (1900 date system) or text.
    fn date_text(&self) -> String {
        match self {
            Cell::Number(s) => match s.parse::<f64>() {
                Ok(x) if (1.0..2_958_466.0).contains(&x) => {
                    let (y, m, d) = excel_date(x.floor() as i64);
                    format!("{d}.{m}.{y}")
                }
                _ => s.clone(),
            },
            Cell::Text(s) => s.clone(),
        }
    }
}

/// The calendar date of an Excel serial day (1900 date system, where day 60 is the
/// 29 February 1900 that did not exist): days since 1899-12-30 from day 61 on.
fn excel_date(serial: i64) -> (i64, i64, i64) {
    let days = if serial < 61 { serial + 1 } else { serial };
    // Days since 1899-12-30 to days since 1970-01-01, then the civil date (H. Hinnant).
    let z = days - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The letters of a 0-based column index: 0 → "A", 26 → "AA".
fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The 0-based column of a cell reference such as "AB12".
fn column_of(reference: &str) -> Option<usize> {
    let letters = reference.bytes().take_while(u8::is_ascii_alphabetic);
    let mut col = 0usize;
    let mut any = false;
    for b in letters {
        col = col
            .checked_mul(26)?
            .checked_add(usize::from(b.to_ascii_uppercase() - b'A' + 1))?;
        any = true;
    }
    any.then(|| col - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_dates() {
        assert_eq!(excel_date(1), (1900, 1, 1));
        assert_eq!(excel_date(59), (1900, 2, 28));
        assert_eq!(excel_date(61), (1900, 3, 1));
        assert_eq!(excel_date(44_927), (2023, 1, 1));
        assert_eq!(excel_date(46_022), (2025, 12, 31));
    }

    #[test]
    fn columns_and_regions() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("AI2"), Some(34));
        assert_eq!(column_of("12"), None);
        assert_eq!(column_letters(34), "AI");
        assert_eq!(column_letters(0), "A");
        assert_eq!(regions("FI193 Keski-Suomi"), ["Keski-Suomi"]);
        assert_eq!(
            regions("FI193 Keski-Suomi; FI1D1 Etelä-Savo"),
            ["Keski-Suomi", "Etelä-Savo"]
        );
        assert_eq!(regions("Koko Suomi"), ["Koko Suomi"]);
        assert!(regions("").is_empty());
    }
}
