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
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::codes::Code;
use crate::lines::{self, Line};
use crate::paths::{FieldPath, PathKey};
use crate::swar;
use crate::{
    decode, html, sniff, Diagnostic, Document, FingerprintAlong, Fund, Kind, NotADescription,
    Options, Period, Severity, Source, SourceFormat,
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
    doc.field_lines = parser.field_lines_map();
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
    /// The first line of each item of a list and its indexed path, in the order found:
    /// sorted once at the end rather than kept in a map, for the same reason.
    indexed_lines: Vec<(PathKey, u32)>,
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
            indexed_lines: Vec::new(),
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

    /// Records the first line of an item of a list by its indexed path.
    fn line_at(&mut self, path: PathKey, line: u32) {
        self.indexed_lines.push((path, line));
    }

    fn field_line(&self, path: FieldPath) -> Option<u32> {
        self.fixed_lines[path as usize]
    }

    /// The document's `field_lines`: the fixed fields' lines, in the order of their paths,
    /// and the indexed paths' (no fixed path is an indexed one), sorted here. Two sorted
    /// runs, which the map's construction merges rather than sorting them afresh.
    fn field_lines_map(&mut self) -> BTreeMap<PathKey, u32> {
        static SORTED: OnceLock<Vec<FieldPath>> = OnceLock::new();
        let sorted = SORTED.get_or_init(|| {
            let mut paths = FieldPath::ALL.to_vec();
            paths.sort_by_key(|p| p.as_str());
            paths
        });
        let mut fixed = sorted
            .iter()
            .filter_map(|&p| Some((Cow::Borrowed(p.as_str()), self.fixed_lines[p as usize]?)))
            .peekable();
        let mut indexed = std::mem::take(&mut self.indexed_lines);
        // A stable sort keeps a repeated path's first line first, and the dedup keeps it.
        indexed.sort_by(|a, b| swar::order(a.0.as_bytes(), b.0.as_bytes()));
        indexed.dedup_by(|later, first| later.0 == first.0);
        // Merged here, so that the map's own sort finds one run.
        let mut all = Vec::with_capacity(FieldPath::ALL.len() + indexed.len());
        for item in indexed {
            while let Some(f) =
                fixed.next_if(|f| swar::order(f.0.as_bytes(), item.0.as_bytes()).is_lt())
            {
                all.push(f);
            }
            all.push(item);
        }
        all.extend(fixed);
        all.into_iter().collect()
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
