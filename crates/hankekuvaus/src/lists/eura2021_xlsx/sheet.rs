//! The first worksheet of a workbook: its part and the shared strings inflated up front,
//! then its rows read one at a time from where the last stopped.

use rawzip::{CompressionMethod, ZipArchive};

use super::{column_of, Cell, CODE_COLUMN, MAX_PART_BYTES};
use crate::lists::xml::{attr, unescape, Token, Tokens};

/// The first worksheet's XML, read a row at a time: worksheet row number and its
/// non-empty cells.
pub(super) struct Sheet {
    pub(super) xml: String,
    strings: Vec<String>,
    /// Where the next token starts.
    pub(super) pos: usize,
    /// The row being read (the last begun: cells after its end still go to it).
    row: Option<(u32, Vec<(usize, Cell)>)>,
    /// The cell being read: column, type, and its value's text.
    cell: Option<(usize, String, String)>,
    in_value: bool,
}

impl Sheet {
    /// The first row, when it has the `Hankekoodi` column.
    pub(super) fn header(&mut self) -> Option<Vec<(usize, Cell)>> {
        let (_, cells) = self.next_row()?;
        cells
            .iter()
            .any(|(_, v)| v.trim() == CODE_COLUMN)
            .then_some(cells)
    }

    pub(super) fn open(bytes: &[u8]) -> Result<Sheet, String> {
        let zip = ZipArchive::from_slice(bytes).map_err(|e| e.to_string())?;
        let mut sheet = None;
        let mut shared = None;
        let mut entries = zip.entries();
        while let Some(entry) = entries.next_entry().map_err(|e| e.to_string())? {
            let path = String::from_utf8_lossy(entry.file_path().as_ref()).into_owned();
            let is_sheet = path.starts_with("xl/worksheets/") && path.ends_with(".xml");
            let found = (entry.wayfinder(), entry.compression_method(), entry.crc32());
            if is_sheet
                && sheet.as_ref().is_none_or(|(p, _): &(String, _)| {
                    path == "xl/worksheets/sheet1.xml"
                        || (p != "xl/worksheets/sheet1.xml" && path < *p)
                })
            {
                sheet = Some((path, found));
            } else if path == "xl/sharedStrings.xml" {
                shared = Some(found);
            }
        }
        let part = |(w, method, crc)| -> Result<String, String> {
            let entry = zip.get_entry(w).map_err(|e| e.to_string())?;
            let data = entry.data();
            let raw = match method {
                CompressionMethod::STORE => data.to_vec(),
                CompressionMethod::DEFLATE => {
                    miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_PART_BYTES)
                        .map_err(|e| format!("a part cannot be inflated ({e})"))?
                }
                other => return Err(format!("compression method {other} is not read")),
            };
            // A damaged part must not be read as a shorter or different sheet.
            if rawzip::crc32(&raw) != crc {
                return Err("a part does not match its checksum".to_owned());
            }
            String::from_utf8(raw).map_err(|e| e.to_string())
        };
        let (_, sheet_way) = sheet.ok_or("the workbook has no worksheet")?;
        let strings = match shared {
            Some(w) => shared_strings(&part(w)?),
            None => Vec::new(),
        };
        Ok(Sheet {
            xml: part(sheet_way)?,
            strings,
            pos: 0,
            row: None,
            cell: None,
            in_value: false,
        })
    }

    /// The number of the sheet's last row with cells, numbered as [`Sheet::next_row`]
    /// numbers them, leaving the reader where it is. Found from the end when that is
    /// certain (it is for what Excel writes), else by a pass over every row tag, which
    /// takes longer than inflating the sheet.
    pub(super) fn last_row(&self) -> Option<u32> {
        self.last_row_from_end()
            .unwrap_or_else(|| self.last_row_by_pass())
    }

    /// The last row's number from the last `<row` tag with cells, when that tag is sure to
    /// be one the tokenizer reads as such and it has its number (`r`); `None` when not sure.
    fn last_row_from_end(&self) -> Option<Option<u32>> {
        let xml = self.xml.as_str();
        // With no comment, CDATA, doctype or processing instruction after the declaration,
        // every `<` starts a tag unless it is inside one: the tokenizer reads `<` to `>`.
        let body_start = match xml.strip_prefix("<?") {
            Some(_) => xml.find("?>")? + 2,
            None => 0,
        };
        let body = &xml[body_start..];
        if body.contains("<!") || body.contains("<?") {
            return None;
        }
        let mut end = xml.len();
        while let Some(at) = xml[..end].rfind("<row") {
            end = at;
            if at < body_start {
                return None;
            }
            let inside_a_tag = xml[body_start..at]
                .rfind(['<', '>'])
                .is_some_and(|i| xml.as_bytes()[body_start + i] == b'<');
            if inside_a_tag {
                continue;
            }
            // `<rows>`, or a row without cells (`<row/>`), which is not counted, is passed.
            if let Some((
                _,
                Token::Start {
                    name: "row",
                    attrs,
                    empty: false,
                },
            )) = Tokens::at(xml, at).next()
            {
                return attr(attrs, "r").and_then(|r| r.parse().ok()).map(Some);
            }
        }
        Some(None)
    }

    /// The last row's number from a pass over every row tag.
    fn last_row_by_pass(&self) -> Option<u32> {
        let mut last = None;
        for (_, token) in Tokens::new(&self.xml) {
            if let Token::Start {
                name: "row",
                attrs,
                empty,
            } = token
            {
                let number = row_number(attrs, last);
                if !empty {
                    last = Some(number);
                }
            }
        }
        last
    }

    /// The next row, once it is finished: a later row has begun, or the sheet ended.
    pub(super) fn next_row(&mut self) -> Option<(u32, Vec<(usize, Cell)>)> {
        let mut tokens = Tokens::at(&self.xml, self.pos);
        let mut finished = None;
        while finished.is_none() {
            let Some((_, token)) = tokens.next() else {
                break;
            };
            match token {
                Token::Start {
                    name: "row",
                    attrs,
                    empty,
                } => {
                    let number = row_number(attrs, self.row.as_ref().map(|(r, _)| *r));
                    if !empty {
                        finished = self.row.replace((number, Vec::new()));
                    }
                }
                Token::Start {
                    name: "c",
                    attrs,
                    empty,
                } => {
                    let next = self
                        .row
                        .as_ref()
                        .and_then(|(_, c)| c.last())
                        .map_or(0, |(col, _)| col + 1);
                    let col = attr(attrs, "r").and_then(column_of).unwrap_or(next);
                    let kind = attr(attrs, "t").unwrap_or("n").to_owned();
                    self.cell = (!empty).then_some((col, kind, String::new()));
                }
                Token::Start {
                    name: "v" | "t",
                    empty: false,
                    ..
                } => self.in_value = true,
                Token::End { name: "v" | "t" } => self.in_value = false,
                Token::Text(t) if self.in_value => {
                    if let Some((_, _, value)) = self.cell.as_mut() {
                        value.push_str(&unescape(t));
                    }
                }
                Token::End { name: "c" } => {
                    if let (Some((col, kind, value)), Some((_, cells))) =
                        (self.cell.take(), self.row.as_mut())
                    {
                        let value = match kind.as_str() {
                            "s" => Cell::Text(
                                value
                                    .trim()
                                    .parse::<usize>()
                                    .ok()
                                    .and_then(|i| self.strings.get(i).cloned())
                                    .unwrap_or_default(),
                            ),
                            "n" => Cell::Number(value),
                            _ => Cell::Text(value),
                        };
                        if !value.text().is_empty() {
                            cells.push((col, value));
                        }
                    }
                }
                _ => {}
            }
        }
        self.pos = tokens.pos();
        finished.or_else(|| self.row.take())
    }
}

/// A row's number: its `r` attribute, or the one after the `previous` row with cells.
fn row_number(attrs: &str, previous: Option<u32>) -> u32 {
    attr(attrs, "r")
        .and_then(|r| r.parse().ok())
        .unwrap_or(previous.unwrap_or(0) + 1)
}

/// The shared strings: each `<si>`'s text runs joined.
fn shared_strings(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_t = false;
    for (_, token) in Tokens::new(xml) {
        match token {
            Token::Start { name: "si", .. } => out.push(String::new()),
            Token::Start {
                name: "t",
                empty: false,
                ..
            } => in_t = true,
            Token::End { name: "t" } => in_t = false,
            Token::Text(t) if in_t => {
                if let Some(s) = out.last_mut() {
                    s.push_str(&unescape(t));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_row_found_from_the_end_is_the_one_a_pass_finds() {
        let sheet = |xml: &str| Sheet {
            xml: xml.to_owned(),
            strings: Vec::new(),
            pos: 0,
            row: None,
            cell: None,
            in_value: false,
        };
        let excel = r#"<?xml version="1.0"?><sheetData><row r="1"><c r="A1"/></row><row r="7" spans="1:2"><c r="A7"/></row><row r="9"/></sheetData>"#;
        assert_eq!(sheet(excel).last_row_from_end(), Some(Some(7)));
        assert_eq!(
            sheet("<sheetData></sheetData>").last_row_from_end(),
            Some(None)
        );
        for (xml, last) in [
            (excel, Some(7)),
            (
                "<sheetData><row><c/></row><row><c/></row></sheetData>",
                Some(2),
            ),
            ("<d><row r=\"3\"></row><!-- <row r=\"99\"> --></d>", Some(3)),
            ("<d><row r=\"3\"></row><c a=\"<row r='8'>\"/></d>", Some(3)),
            ("<d><row r=\"3\"></row><rows r=\"5\"></rows></d>", Some(3)),
            ("<?xml?><row r=\"4\"><row r=\"x\">", Some(5)),
            ("", None),
        ] {
            assert_eq!(sheet(xml).last_row(), last, "{xml}");
            assert_eq!(sheet(xml).last_row_by_pass(), last, "{xml}");
        }
    }
}
