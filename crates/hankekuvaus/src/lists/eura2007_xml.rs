//! EURA 2007's project list as XML (2007–2013, `projektilista.php?…&type=xml`).
//!
//! No sample has been seen. What is known: `<projekti>` elements with the children
//! `projektikoodi, rahasto, projektinnimi, ohjelmaosio, toimintalinjanumero, viranomainen,
//! toiminnantila, aloituspvm, paattymispvm, toteuttajannimi` and the funding amounts, and
//! unescaped `&` in names. Assumed here, and tested with hand-made files:
//! - the amounts' elements are named like the others, after the CSV's headers without
//!   spaces and diacritics (`myonnettyeujavaltionrahoitus`, …); they are recognised by their
//!   first words (myönnetty…, toteutunut…eu…, suunniteltu…, toteutunut…julkinen…), so
//!   small differences in the rest of the name do not matter;
//! - dates are `d.m.yyyy` as in the CSV (ISO `yyyy-mm-dd` is read too), amounts whole
//!   euros or decimals;
//! - an element the reader does not know is kept in the row's tree node and reported
//!   (`unknown-field`), and the `&` that starts no entity is kept as it is.

use std::borrow::Cow;

use crate::lists::xml::{unescape, LineCounter, Token, Tokens};
use crate::lists::{ListFile, Row};
use crate::{codes, Document, ListKind, Severity, SourceFormat};

/// The `<projekti>` elements of the list, read one at a time: the text is decoded up front,
/// each call to [`Reader::next`] goes on tokenizing from where the last stopped.
pub(crate) struct Reader<'a> {
    text: Cow<'a, str>,
    /// Where the next token starts.
    pos: usize,
    lines: LineCounter,
    /// The project being read, and the child element being read with its text so far.
    current: Option<Row>,
    child: Option<(String, String)>,
}

impl<'a> Reader<'a> {
    /// The decoded list and the shared part of its rows' source.
    pub(crate) fn new(bytes: &'a [u8], file_name: &str) -> (ListFile, Reader<'a>) {
        let (file, text) =
            ListFile::decode(bytes, file_name, ListKind::Eura2007Xml, SourceFormat::Xml);
        let reader = Reader {
            text,
            pos: 0,
            lines: LineCounter::new(),
            current: None,
            child: None,
        };
        (file, reader)
    }

    /// Bytes of the decoded text read, and in all.
    pub(crate) fn consumed(&self) -> (usize, usize) {
        (self.pos, self.text.len())
    }

    /// The next `<projekti>`, in file order.
    pub(crate) fn next(&mut self, file: &ListFile) -> Option<Document> {
        let text = self.text.as_ref();
        let mut tokens = Tokens::at(text, self.pos);
        let mut done = None;
        while done.is_none() {
            let Some((pos, token)) = tokens.next() else {
                break;
            };
            match token {
                Token::Start {
                    name: "projekti", ..
                } => {
                    let row = file.row(self.lines.line_at(text, pos));
                    done = self.current.replace(row);
                }
                Token::Start { name, empty, .. } if self.current.is_some() => {
                    if empty {
                        self.child = None;
                    } else if self.child.is_none() {
                        self.child = Some((name.to_owned(), String::new()));
                    }
                }
                Token::Text(t) => {
                    if let Some((_, value)) = self.child.as_mut() {
                        value.push_str(&unescape(t));
                    }
                }
                Token::End { name: "projekti" } => {
                    done = self.current.take();
                    self.child = None;
                }
                Token::End { name } => {
                    if let (Some(row), Some((open, value))) =
                        (self.current.as_mut(), self.child.as_ref())
                    {
                        if open == name {
                            set(row, name, value);
                            self.child = None;
                        }
                    }
                }
                Token::Start { .. } => {}
            }
        }
        self.pos = tokens.pos();
        // At the end of the text, a project left open is finished as it is.
        done.or_else(|| self.current.take()).map(Row::finish)
    }
}

/// The element name folded for matching: lower case, ä → a, ö → o, letters only.
fn fold(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ä' | 'å' => 'a',
            'ö' => 'o',
            c => c,
        })
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

fn set(row: &mut Row, name: &str, value: &str) {
    row.cell(name, value);
    let key = fold(name);
    match key.as_str() {
        "projektikoodi" => row.doc.project.code = row.text("project.code", value),
        "rahasto" => row.fund(value),
        "projektinnimi" => row.doc.project.name = row.text("project.name", value),
        "ohjelmaosio" => row.doc.project.programme = row.text("project.programme", value),
        "toimintalinjanumero" | "toimintalinja" | "tl" => {
            row.doc.project.priority_axis = row.numbered("project.priority_axis", value);
        }
        "viranomainen" => {
            row.doc.project.responsible_authority =
                row.text("project.responsible_authority", value);
        }
        "toiminnantila" => row.status(value),
        "aloituspvm" => row.doc.project.start_date = row.date("project.start_date", value),
        "paattymispvm" => row.doc.project.end_date = row.date("project.end_date", value),
        "toteuttajannimi" => row.doc.applicant.name = row.text("applicant.name", value),
        k if k.starts_with("myonnetty") => {
            row.doc.funding.granted_eu_state = row.amount("funding.granted_eu_state", value);
        }
        k if k.starts_with("suunniteltu") => {
            row.doc.funding.planned_public_total =
                row.amount("funding.planned_public_total", value);
        }
        k if k.starts_with("toteutunutjulkinen") => {
            row.doc.funding.realized_public_total =
                row.amount("funding.realized_public_total", value);
        }
        k if k.starts_with("toteutunut") && k.contains("eu") => {
            row.doc.funding.realized_eu_state = row.amount("funding.realized_eu_state", value);
        }
        _ => row.diag(
            Severity::Info,
            codes::UNKNOWN_FIELD,
            format!("The element <{name}> is not one the list is known to have; it is kept in the tree."),
        ),
    }
}
