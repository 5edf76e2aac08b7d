//! The services' list exports: one file with every project of a programme, one document per
//! project row.
//!
//! Each reader turns a row into a [`Document`] holding what the list has (the rest null),
//! with [`Source::list`] and [`Source::row`] saying where it came from. A row's cells are
//! also kept in the section tree (one node per row: column name and value as fields), and a
//! row that cannot be read keeps its raw text there, so nothing in the file is lost. Rows
//! that were repaired or could not be read get a diagnostic with their line.
//!
//! The formats are recognised by content ([`detect`]), never by the file name. [`Rows`]
//! reads a list a row at a time (what [`crate::read`] collects), so that a caller can stop
//! between rows.

pub(crate) mod eura2007_csv;
pub(crate) mod eura2007_xml;
pub(crate) mod eura2014_csv;
#[cfg(feature = "xlsx")]
pub(crate) mod eura2021_xlsx;
mod rows;
mod xml;

pub(crate) use rows::CsvReader;
pub use rows::Rows;

use std::borrow::Cow;

use crate::{
    codes, fields, fingerprint, Amount, Diagnostic, Document, Fund, Kind, ListKind, Numbered,
    Paragraph, Section, Severity, Source, SourceFormat, Text, TextEncoding,
};

/// Recognises a list export by its first bytes: the header line of a CSV list, the
/// `<projekti>` elements of the XML list, or (with the `xlsx` feature) a workbook whose
/// first row is EURA 2021's header. `None` for anything else.
pub fn detect(bytes: &[u8]) -> Option<ListKind> {
    if bytes.starts_with(b"PK\x03\x04") {
        #[cfg(feature = "xlsx")]
        return eura2021_xlsx::is_list(bytes).then_some(ListKind::Eura2021Xlsx);
        #[cfg(not(feature = "xlsx"))]
        return None;
    }
    // The header is ASCII up to the first column names that tell the lists apart, so the
    // raw bytes can be compared whatever the encoding (a UTF-8 BOM aside).
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &head[..head.len().min(4096)];
    // Only as much as the longest header compared below: this runs on every file a user
    // gives, and lowering 4 KB each time was 3 % of loading 8,000 descriptions in the page.
    let lower: Vec<u8> = head
        .iter()
        .filter(|&&b| b != b'"')
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    if lower.starts_with(b"koodi,rahasto,projektin nimi,ohjelma") {
        Some(ListKind::Eura2007Csv)
    } else if lower.starts_with(b"koodi,rahasto,hankkeen nimi,tl") {
        Some(ListKind::Eura2014Csv)
    } else if xml::looks_like_project_list(head) {
        Some(ListKind::Eura2007Xml)
    } else {
        None
    }
}

/// What every row of one file shares: its [`Source`] but for the row.
pub(crate) struct ListFile {
    source: Source,
    kind: ListKind,
}

impl ListFile {
    pub(crate) fn new(
        bytes: &[u8],
        file_name: &str,
        kind: ListKind,
        format: SourceFormat,
        encoding: TextEncoding,
        line_count: u32,
    ) -> ListFile {
        ListFile {
            source: Source {
                file_name: file_name.to_owned(),
                format,
                encoding,
                line_count,
                byte_count: bytes.len() as u64,
                fingerprint: fingerprint(bytes),
                list: Some(kind),
                row: None,
            },
            kind,
        }
    }

    /// A text list decoded: the shared part of its rows' source (its line count from the
    /// decoded text) and the text.
    pub(crate) fn decode<'a>(
        bytes: &'a [u8],
        file_name: &str,
        kind: ListKind,
        format: SourceFormat,
    ) -> (ListFile, std::borrow::Cow<'a, str>) {
        let decoded = crate::decode(bytes);
        let file = ListFile::new(
            bytes,
            file_name,
            kind,
            format,
            decoded.encoding,
            line_count(&decoded.text),
        );
        (file, decoded.text)
    }

    /// An empty document for the project on `line` (for a workbook: the worksheet row).
    pub(crate) fn row(&self, line: u32) -> Row {
        let source = Source {
            row: Some(line),
            ..self.source.clone()
        };
        let kind = Kind {
            fund: None,
            period: Some(self.kind.period()),
        };
        Row {
            doc: Document::new(source, kind),
            line,
            cells: Vec::new(),
        }
    }
}

/// Where the four amounts of a CSV row of `fields` start (they are its last four fields),
/// checked with `is_amount`; why the row cannot be read when it has fewer fields than the
/// list's `columns` or a last field is not an amount.
pub(crate) fn csv_amounts(
    fields: &[&str],
    columns: usize,
    is_amount: impl Fn(&str) -> bool,
) -> Result<usize, String> {
    let n = fields.len();
    if n < columns {
        return Err(format!("it has {n} fields; the list has {columns} columns"));
    }
    let amounts = n - 4;
    if let Some(bad) = fields[amounts..].iter().find(|a| !is_amount(a)) {
        return Err(format!(
            "its last four fields should be the amounts, but \"{}\" is not one",
            bad.trim()
        ));
    }
    Ok(amounts)
}

/// Why a CSV row of `n` fields that fit the columns in several ways is not read.
pub(crate) fn ambiguous_row(n: usize) -> String {
    format!(
        "its {n} fields fit the columns in more than one way, so where the commas inside \
         values belong is not certain"
    )
}

/// One row being read into a document. Every setter records the row's line for the member's
/// path, so `field_lines` points at the row.
pub(crate) struct Row {
    pub(crate) doc: Document,
    line: u32,
    /// The row's cells as `column: value`, made the fields of its section-tree node when
    /// the row is finished, their values then ranges of one string.
    cells: Vec<(Cow<'static, str>, String)>,
}

impl Row {
    /// Keeps a cell in the section tree.
    pub(crate) fn cell(&mut self, column: &str, value: &str) {
        self.cells.push((
            Cow::Owned(column.trim().to_owned()),
            value.trim().to_owned(),
        ));
    }

    /// A text value: trimmed, `None` when empty; records the line of `path`. It shares
    /// its cell's string once the row is finished.
    pub(crate) fn text(&mut self, path: &'static str, value: &str) -> Option<Text> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        self.doc.field_lines.insert(Cow::Borrowed(path), self.line);
        Some(Text::from(value))
    }

    /// The first two columns of a CSV list, the project code and the fund, where the row
    /// has them.
    pub(crate) fn code_and_fund(&mut self, code: Option<&str>, fund: Option<&str>) {
        if let Some(code) = code {
            if let Some(code) = self.text("project.code", code) {
                self.doc.project.code = Some(code);
            }
        }
        if let Some(fund) = fund {
            self.fund(fund);
        }
    }

    /// The fund ("ESR", "EAKR", "ESR+", "JTF"); another value is reported.
    pub(crate) fn fund(&mut self, value: &str) {
        if value.trim().is_empty() {
            return;
        }
        match Fund::from_code(value) {
            Some(f) => {
                self.doc.kind.fund = Some(f);
                let path = crate::paths::FieldPath::KindFund.as_str();
                self.doc.field_lines.insert(Cow::Borrowed(path), self.line);
            }
            None => self.diag(
                Severity::Info,
                codes::UNKNOWN_VALUE,
                format!(
                    "The fund \"{}\" is not ESR, EAKR, ESR+ or JTF.",
                    value.trim()
                ),
            ),
        }
    }

    /// The status as written and interpreted.
    pub(crate) fn status(&mut self, value: &str) {
        let Some(text) = self.text("project.status", value) else {
            return;
        };
        self.doc.project.status = fields::status(&text);
        if self.doc.project.status.is_none() {
            self.diag(
                Severity::Info,
                codes::UNKNOWN_VALUE,
                format!("The status \"{text}\" is not a known one."),
            );
        }
        self.doc.project.status_text = Some(text);
    }

    /// The columns both CSV lists have after the priority axis, in their order: the
    /// authority, status, start and end, implementer and the four amounts (granted and
    /// realised EU and state funding, planned and realised public funding).
    pub(crate) fn csv_tail(
        &mut self,
        authority: &str,
        status: &str,
        (start, end): (&str, &str),
        implementer: &str,
        amounts: [&str; 4],
    ) {
        self.doc.project.responsible_authority =
            self.text("project.responsible_authority", authority);
        self.status(status);
        self.doc.project.start_date = self.date("project.start_date", start);
        self.doc.project.end_date = self.date("project.end_date", end);
        self.doc.applicant.name = self.text("applicant.name", implementer);
        let [granted, realized, planned, realized_public] = amounts;
        self.doc.funding.granted_eu_state = self.amount("funding.granted_eu_state", granted);
        self.doc.funding.realized_eu_state = self.amount("funding.realized_eu_state", realized);
        self.doc.funding.planned_public_total =
            self.amount("funding.planned_public_total", planned);
        self.doc.funding.realized_public_total =
            self.amount("funding.realized_public_total", realized_public);
    }

    /// A number such as the priority axis ("2") or specific objective ("1.1"), with an
    /// empty name: the lists give only the number.
    pub(crate) fn numbered(&mut self, path: &'static str, value: &str) -> Option<Numbered> {
        let value = self.text(path, value)?;
        let numeric = value.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        Some(if numeric {
            Numbered {
                number: Some(value.trim_end_matches('.').to_owned()),
                name: String::new(),
            }
        } else {
            fields::numbered(&value)
        })
    }

    /// A Finnish date `d.m.yyyy` as ISO; a bad one is reported.
    pub(crate) fn date(&mut self, path: &'static str, value: &str) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        // ISO yyyy-mm-dd (assumed possible in the XML list) is read as the same date.
        let finnish = match value.split('-').collect::<Vec<_>>().as_slice() {
            [y, m, d] if y.len() == 4 => format!("{d}.{m}.{y}"),
            _ => value.to_owned(),
        };
        match fields::finnish_date(&finnish) {
            Ok(iso) => {
                self.doc.field_lines.insert(Cow::Borrowed(path), self.line);
                Some(iso)
            }
            Err(why) => {
                self.diag(
                    Severity::Error,
                    codes::BAD_DATE,
                    format!("\"{value}\" of {path} cannot be read as a date: {why}."),
                );
                None
            }
        }
    }

    /// An amount: a plain decimal ("99355.99") or as a page writes it ("48 724,50").
    pub(crate) fn amount(&mut self, path: &'static str, value: &str) -> Option<Amount> {
        let value = value.trim();
        let read = Amount::parse_decimal(value)
            .map(Some)
            .ok_or(())
            .or_else(|()| {
                fields::amount(value).map_err(|why| {
                    format!("\"{value}\" of {path} cannot be read as an amount: {why}.")
                })
            });
        match read {
            Ok(Some(a)) => {
                self.doc.field_lines.insert(Cow::Borrowed(path), self.line);
                Some(a)
            }
            Ok(None) => None,
            Err(message) => {
                self.diag(Severity::Error, codes::BAD_AMOUNT, message);
                None
            }
        }
    }

    /// The implementer's Y-tunnus, checked.
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
    pub(crate) fn business_id(&mut self, value: &str) {
        if let Some(id) = self.text("applicant.business_id", value) {
            let valid = fields::business_id_valid(&id);
            if !valid {
                self.diag(
                    Severity::Warning,
                    codes::BAD_BUSINESS_ID,
                    format!("The implementer's Y-tunnus \"{id}\" is not valid: expected seven digits, a hyphen and the right check digit."),
                );
            }
            self.doc.applicant.business_id_valid = Some(valid);
            self.doc.applicant.business_id = Some(id);
        }
    }

    /// A diagnostic on this row's line.
    pub(crate) fn diag(&mut self, severity: Severity, code: &str, message: String) {
        self.doc.diagnostics.push(Diagnostic {
            severity,
            code: code.to_owned(),
            message,
            line: Some(self.line),
        });
    }

    /// The row could not be read: an error, and its raw text in the tree.
    pub(crate) fn unreadable(&mut self, raw: &str, why: &str) {
        self.diag(
            Severity::Error,
            codes::LIST_ROW_UNREADABLE,
            format!(
                "Row {} cannot be read: {why}. Its text is kept as it is.",
                self.line
            ),
        );
        self.doc.sections.push(Section {
            number: None,
            title: None,
            line: self.line,
            end_line: self.line,
            fields: Vec::new(),
            paragraphs: vec![Paragraph {
                text: raw.into(),
                line: self.line,
                end_line: self.line,
            }],
            subsections: Vec::new(),
        });
    }

    /// The finished document: the cells become the row's node of the section tree, their
    /// values one string that the typed texts share.
    pub(crate) fn finish(mut self) -> Document {
        if !self.cells.is_empty() {
            let fields =
                crate::model::fields_sharing_values(std::mem::take(&mut self.cells), self.line);
            self.doc.sections.insert(
                0,
                Section {
                    number: None,
                    title: None,
                    line: self.line,
                    end_line: self.line,
                    fields,
                    paragraphs: Vec::new(),
                    subsections: Vec::new(),
                },
            );
            crate::model::share_typed(&mut self.doc);
        }
        self.doc
    }
}

/// Number of lines of a text, as [`Source::line_count`] counts them.
pub(crate) fn line_count(text: &str) -> u32 {
    let n = text.bytes().filter(|&b| b == b'\n').count() + usize::from(!text.ends_with('\n'));
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `true` for a Finnish date `d.m.yyyy`.
pub(crate) fn is_date(s: &str) -> bool {
    fields::finnish_date(s).is_ok()
}

/// `true` for an amount a list writes ("48724", "99355.99") or an empty cell.
pub(crate) fn is_amount(s: &str) -> bool {
    let s = s.trim();
    s.is_empty() || Amount::parse_decimal(s).is_some()
}

/// `true` for a small whole number: a priority axis ("Tl").
pub(crate) fn is_axis(s: &str) -> bool {
    !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The one pair `(i, j)` of a candidate in `firsts` and one in `seconds` with
/// `i + gap <= j`, if there is exactly one; in time linear in the candidates (both sorted).
pub(crate) fn unique_pair(firsts: &[usize], seconds: &[usize], gap: usize) -> Pair {
    let mut count = 0usize;
    let mut found = None;
    let mut k = 0;
    for &j in seconds {
        while k < firsts.len() && firsts[k] + gap <= j {
            k += 1;
        }
        // firsts[..k] all pair with j.
        if k > 0 {
            count += k;
            found = Some((firsts[k - 1], j));
        }
        if count > 1 {
            return Pair::Many;
        }
    }
    found.map_or(Pair::None, |p| Pair::One(p.0, p.1))
}

/// What [`unique_pair`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pair {
    /// No pair.
    None,
    /// Exactly one.
    One(usize, usize),
    /// More than one: the row is ambiguous.
    Many,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs() {
        assert_eq!(unique_pair(&[3], &[7], 3), Pair::One(3, 7));
        assert_eq!(unique_pair(&[3, 4], &[7], 3), Pair::Many);
        assert_eq!(unique_pair(&[3, 5], &[7], 3), Pair::One(3, 7));
        assert_eq!(unique_pair(&[3, 6], &[7], 3), Pair::One(3, 7));
        assert_eq!(unique_pair(&[3], &[4, 9], 3), Pair::One(3, 9));
        assert_eq!(unique_pair(&[3], &[6, 9], 3), Pair::Many);
        assert_eq!(unique_pair(&[8], &[7], 3), Pair::None);
        assert_eq!(unique_pair(&[], &[7], 3), Pair::None);
    }

    /// A row's cells are one string, and its typed texts ranges of it, in every list
    /// format; read back from JSON, the same.
    #[test]
    fn a_rows_texts_share_its_cells_string() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/lists/");
        for file in [
            "eura2007_projektilista_sample.csv",
            "eura2007_projektilista_test.xml",
            "eura2014_projektilista_2016_sample.csv",
            "eura2021_projektilista_test.xlsx",
        ] {
            let bytes = std::fs::read(format!("{dir}{file}")).unwrap();
            for outcome in crate::read(&bytes, file, &Default::default()) {
                let crate::Outcome::Document(doc) = outcome else {
                    continue;
                };
                let json = crate::export::document_json(&doc);
                let Some(crate::Outcome::Document(back)) =
                    crate::import::import_json(&json).unwrap().pop()
                else {
                    panic!("{file}: the row reads back")
                };
                for doc in [&*doc, &*back] {
                    let cells = &doc.sections[0].fields;
                    assert!(cells.len() > 3, "{file}");
                    assert!(cells
                        .iter()
                        .all(|c| c.value.shares_bytes_with(&cells[0].value)));
                    let name = doc.project.name.as_ref().unwrap();
                    assert!(name.shares_bytes_with(&cells[0].value), "{file}: {name}");
                }
            }
        }
    }
}
