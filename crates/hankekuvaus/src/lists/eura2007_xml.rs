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

use crate::lists::xml::{unescape, LineCounter, Token, Tokens};
use crate::lists::{ListFile, Row};
use crate::{codes, Document, ListKind, Severity, SourceFormat};

/// Every `<projekti>` of the list.
pub(crate) fn read(bytes: &[u8], file_name: &str) -> Vec<Document> {
    let (file, text) = ListFile::decode(bytes, file_name, ListKind::Eura2007Xml, SourceFormat::Xml);
    let text = text.as_ref();
    let mut lines = LineCounter::new(text);
    let mut docs = Vec::new();
    // The project being read, the child element being read and its text so far.
    let mut current: Option<Row> = None;
    let mut child: Option<(String, String)> = None;
    for (pos, token) in Tokens::new(text) {
        match token {
            Token::Start {
                name: "projekti", ..
            } => {
                if let Some(row) = current.take() {
                    docs.push(row.finish());
                }
                current = Some(file.row(lines.line_at(pos)));
            }
            Token::Start { name, empty, .. } if current.is_some() => {
                if empty {
                    child = None;
                } else if child.is_none() {
                    child = Some((name.to_owned(), String::new()));
                }
            }
            Token::Text(t) => {
                if let Some((_, value)) = child.as_mut() {
                    value.push_str(&unescape(t));
                }
            }
            Token::End { name: "projekti" } => {
                if let Some(row) = current.take() {
                    docs.push(row.finish());
                }
                child = None;
            }
            Token::End { name } => {
                if let (Some(row), Some((open, value))) = (current.as_mut(), child.as_ref()) {
                    if open == name {
                        set(row, name, value);
                        child = None;
                    }
                }
            }
            Token::Start { .. } => {}
        }
    }
    if let Some(row) = current.take() {
        docs.push(row.finish());
    }
    docs
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
