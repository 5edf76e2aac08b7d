//! From decoded lines to a [`Document`]: finding the header, building the section tree,
//! reading typed fields out of the known sections, and checking them against each other.
//!
//! Two passes. The first ([`tree`]) recognises headings and puts every non-blank line into
//! the tree (fields and paragraphs). The second ([`extract`], with [`horizontal`] for
//! section 8) reads the typed fields from the tree's known sections, so the tree is the
//! single place where lines are classified. [`check`] then adds the cross-field
//! diagnostics. The words recognised are data in [`labels`].

mod check;
mod extract;
mod horizontal;
pub(crate) mod labels;
mod tree;

use std::borrow::Cow;

use crate::codes::Code;
use crate::lines::{self, Line};
use crate::paths::{self, FieldPath, List};
use crate::swar;
use crate::{
    decode, html, sniff, Diagnostic, Document, FieldLines, FingerprintAlong, Fund, Kind,
    NotADescription, Options, Period, Severity, Source, SourceFormat,
};
use tree::Scratch;

pub(crate) fn parse_bytes(
    bytes: &[u8],
    file_name: &str,
    options: &Options,
) -> Result<Document, NotADescription> {
    sniff::check_bytes(bytes, options)?;
    let decoded = decode(bytes);
    sniff::check_text(&decoded.text)?;
    let (format, text): (SourceFormat, Cow<'_, str>) = if html::looks_like_html(&decoded.text) {
        (SourceFormat::Html, Cow::Owned(html::to_text(&decoded.text)))
    } else {
        (SourceFormat::Text, Cow::Borrowed(decoded.text.as_ref()))
    };
    let mut fingerprint = FingerprintAlong::new(bytes);
    let lines = lines::split(&text, options.max_line_bytes, &mut fingerprint)?;
    let kind = detect_kind(&lines, format)?;

    let mut parser = Parser::new(kind.period);
    if decoded.had_errors {
        parser.diag(
            Severity::Warning,
            Code::Decoding,
            format!(
                "Some bytes are not valid {}; they were replaced with \u{FFFD}.",
                decoded.encoding.as_str()
            ),
            None,
        );
    }
    let sections = parser.build_tree(&lines);
    let mut doc = Document::new(
        Source {
            file_name: file_name.to_owned(),
            format,
            encoding: decoded.encoding,
            line_count: u32::try_from(lines.len()).unwrap_or(u32::MAX),
            byte_count: bytes.len() as u64,
            fingerprint: fingerprint.finish(),
            list: None,
            row: None,
        },
        kind,
    );
    parser.extract(&sections, &mut doc);
    parser.check(&mut doc, &sections);
    // Into a vector of its own length: collected in place, it would keep the room of the
    // larger `Parsed`s (a quarter of the tree's vectors over 8,000 files).
    doc.sections = Vec::with_capacity(sections.len());
    doc.sections.extend(sections.into_iter().map(|s| s.section));
    parser
        .diagnostics
        .sort_by_key(|d| (d.line.is_none(), d.line.unwrap_or(0)));
    doc.field_lines = parser.field_lines();
    doc.diagnostics = parser.diagnostics;
    Ok(doc)
}

/// Finds the title line ("…rahoittaman hankkeen kuvaus") and the project code, which decide
/// fund and period. Without either, the text is not a description.
fn detect_kind(lines: &[Line<'_>], format: SourceFormat) -> Result<Kind, NotADescription> {
    let mut fund = None;
    let mut period = None;
    let mut code_label_period = None;
    let mut code_prefix_fund = None;
    let mut found = false;
    for line in lines.iter().take(400) {
        // Cheap byte checks first: most lines are long prose that is neither.
        if line.text.len() < 300 && lines::contains(&line.text, "rahoittaman") {
            let norm = lines::normalize(&line.text);
            if lines::contains(&norm, "rahoittaman hankkeen kuvaus")
                || lines::contains(&norm, "rahoittaman projektin kuvaus")
            {
                found = true;
                period = Some(if lines::contains(&norm, "projektin kuvaus") {
                    Period::P2007_2013
                } else {
                    Period::P2014_2020
                });
                if lines::contains(&norm, "(esr)") || lines::contains(&norm, "sosiaalirahasto") {
                    fund = Some(Fund::Esr);
                } else if lines::contains(&norm, "(eakr)")
                    || lines::contains(&norm, "aluekehitysrahasto")
                {
                    fund = Some(Fund::Eakr);
                }
            }
        }
        if !lines::contains(&line.text, "koodi") {
            continue;
        }
        if let Some((label, value)) = line.field() {
            let period = lines::with_normalized(label, |label| match label {
                "hankekoodi" => Some(Period::P2014_2020),
                "projektikoodi" => Some(Period::P2007_2013),
                _ => None,
            });
            if let Some(period) = period {
                found = true;
                code_label_period.get_or_insert(period);
                code_prefix_fund = code_prefix_fund.or(match value.trim().chars().next() {
                    Some('S' | 's') => Some(Fund::Esr),
                    Some('A' | 'a') => Some(Fund::Eakr),
                    _ => None,
                });
                // The code comes after the title line: nothing more to look for.
                break;
            }
        }
    }
    if !found {
        let start: String = lines
            .iter()
            .find(|l| !l.text.is_empty())
            .map(|l| l.text.chars().take(60).collect())
            .unwrap_or_default();
        let what = match format {
            SourceFormat::Html => "This HTML page is not a project description",
            _ => "This text is not a project description",
        };
        return Err(NotADescription {
            code: Code::NotADescription.as_str().to_owned(),
            message: format!(
                "{what}: it has neither the title line \"… rahoittaman hankkeen kuvaus\" nor a \
                 \"Hankekoodi:\" line. It begins: \"{start}\"."
            ),
        });
    }
    Ok(Kind {
        fund: fund.or(code_prefix_fund),
        period: period.or(code_label_period),
    })
}

/// The state both passes share: the period (it decides the heading style), the diagnostics
/// so far and the first line of each typed field.
struct Parser {
    period: Option<Period>,
    diagnostics: Vec<Diagnostic>,
    /// The first line of each fixed field, by [`FieldPath`]: kept in an array rather than
    /// in the document's map, whose insertions compare a path with several others, a
    /// string comparison each. The map is made at the end ([`Parser::field_lines_map`]).
    fixed_lines: [Option<u32>; FieldPath::ALL.len()],
    /// The first line of each item of a list, in the order found, by the number of its
    /// shared path (the first items of each list): sorted once at the end rather than kept
    /// in a map, for the same reason.
    item_lines: Vec<(u16, u32)>,
    /// The same for items past the shared ones, by their paths.
    later_item_lines: Vec<(String, u32)>,
    /// The body being read: its fields, and its paragraphs as their text (joined by a
    /// blank line) and each one's range of it with its first and last line. Gathered here,
    /// then moved into vectors of their exact length and one shared string: grown by
    /// doubling in each section, they had been a sixth of the parse's allocations.
    scratch: Scratch,
}

impl Parser {
    fn new(period: Option<Period>) -> Parser {
        Parser {
            period,
            diagnostics: Vec::new(),
            fixed_lines: [None; FieldPath::ALL.len()],
            item_lines: Vec::new(),
            later_item_lines: Vec::new(),
            scratch: Scratch::default(),
        }
    }

    fn diag(&mut self, severity: Severity, code: Code, message: String, line: Option<u32>) {
        self.diagnostics.push(Diagnostic {
            severity,
            code: code.as_str().to_owned(),
            message,
            line,
        });
    }

    /// Records the first line of a fixed field.
    fn line(&mut self, path: FieldPath, line: u32) {
        self.fixed_lines[path as usize].get_or_insert(line);
    }

    /// Records the first line of the `index`th item of `list`.
    fn item_line(&mut self, list: List, index: usize, line: u32) {
        match paths::item_key(list, index) {
            Ok(number) => self.item_lines.push((number, line)),
            Err(path) => self.later_item_lines.push((path, line)),
        }
    }

    fn field_line(&self, path: FieldPath) -> Option<u32> {
        self.fixed_lines[path as usize]
    }

    /// The document's `field_lines`: the fixed fields' lines and the items', each kept
    /// at its first line.
    fn field_lines(&mut self) -> FieldLines {
        let mut shared = std::mem::take(&mut self.item_lines);
        let owned = std::mem::take(&mut self.later_item_lines);
        shared.extend(
            FieldPath::ALL
                .iter()
                .filter_map(|&p| Some((paths::fixed_number(p), self.fixed_lines[p as usize]?))),
        );
        // Stable sorts keep a repeated path's first line first, and the dedups keep it.
        shared.sort_by_key(|&(number, _)| number);
        shared.dedup_by_key(|&mut (number, _)| number);
        let mut owned: Vec<(Box<str>, u32)> = owned
            .into_iter()
            .map(|(p, l)| (p.into_boxed_str(), l))
            .collect();
        owned.sort_by(|a, b| swar::order(a.0.as_bytes(), b.0.as_bytes()));
        owned.dedup_by(|later, first| later.0 == first.0);
        FieldLines::from_sorted(shared, owned)
    }
}

/// Minimal inputs for the unit tests of the passes.
#[cfg(test)]
mod test_support {
    use super::tree::Parsed;
    use super::Parser;
    use crate::{lines, Document, FingerprintAlong, Period};

    /// The first pass over `text` (2014–2020 style headings).
    pub(super) fn tree(text: &str) -> (Parser, Vec<Parsed>) {
        let lines = lines::split(text, 1 << 20, &mut FingerprintAlong::new(b"")).unwrap();
        let mut parser = Parser::new(Some(Period::P2014_2020));
        let sections = parser.build_tree(&lines);
        (parser, sections)
    }

    /// The whole parse of an ESF 2014–2020 description whose body is `body`, from line 2.
    pub(super) fn parse(body: &str) -> Document {
        let text = format!("Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n{body}");
        crate::parse(text.as_bytes(), "t.txt").unwrap()
    }

    /// `doc` exported as JSON and imported again.
    pub(super) fn reimport(doc: &Document) -> Document {
        let json = crate::export::document_json(doc);
        match crate::import::import_json(&json).unwrap().pop() {
            Some(crate::Outcome::Document(d)) => *d,
            other => panic!("{other:?}"),
        }
    }

    /// The (code, line) of each diagnostic.
    pub(super) fn codes(doc: &Document) -> Vec<(&str, Option<u32>)> {
        doc.diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.line))
            .collect()
    }
}
