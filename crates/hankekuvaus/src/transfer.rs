//! Outcomes as a stream of small JSON lines, for moving them between threads and rebuilding
//! them a line at a time.
//!
//! The web app parses a large description in a Web Worker (the `hankekuvaus-engine` crate),
//! and the page rebuilds the [`Document`] from what the worker sends. A document sent whole,
//! as one JSON value, would be read back in one call, as long for a 50 MB description as
//! parsing it: the page would freeze just the same. So [`write()`] cuts each outcome into
//! pieces, each one JSON line (a field, a paragraph, a section's start or end, a
//! diagnostic), and [`Rebuild`] takes them back one line at a time, so the page can stop
//! between any two lines and go on in its next task. A piece is bounded by what the file
//! adds in one place (one line's field, one paragraph), not by the file.
//!
//! This is not the JSON contract (`export`, `schema/`): it is an internal transport between
//! two builds of the same version, and may change with it.
//!
//! ```
//! use hankekuvaus::transfer::{write, Rebuild};
//! let text = "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n\
//!             1 Hanke\nHankekoodi: S21498\n";
//! let outcomes = hankekuvaus::read(text.as_bytes(), "S21498.txt", &Default::default());
//! let mut lines = Vec::new();
//! write(outcomes.clone(), &mut lines);
//! let mut rebuild = Rebuild::new();
//! for line in lines.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
//!     rebuild.line(line).unwrap();
//! }
//! assert_eq!(rebuild.finish().unwrap(), outcomes);
//! ```

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::parse::labels;
use crate::paths;
use crate::{Diagnostic, Document, Failure, Field, Outcome, Paragraph, Section, Text};

/// Texts longer than this (bytes) are sent in pieces of at most this: a text made of many
/// lines (a summary, a paragraph) grows with the file.
const TEXT_PIECE: usize = 64 * 1024;

/// The most a section's announced text lengths reserve (bytes): more than a description
/// of the size limit holds.
const MAX_RESERVE: usize = 64 << 20;

/// One line of the stream.
#[derive(Serialize, Deserialize)]
enum Piece<'a> {
    /// An outcome that is a failure, whole.
    Failure(Failure),
    /// A document without its sections, diagnostics and field lines, which follow.
    Head(Box<Document>),
    /// A section begins (without its fields, paragraphs and subsections, which follow
    /// until its [`Piece::Close`]), with the length of its paragraphs' texts joined by a
    /// blank line and of its values, so that the strings they are gathered in are made at
    /// their length.
    Open(Box<Section>, usize, usize),
    /// A field of the section open last.
    Field(FieldPiece<'a>),
    /// A paragraph of the section open last.
    Paragraph(ParagraphPiece<'a>),
    /// The section open last ends.
    Close,
    /// The document's text named is the paragraphs of the section closed last, joined by a
    /// blank line (and not sent in its head).
    Span(Named),
    /// A diagnostic of the document.
    Diagnostic(Diagnostic),
    /// An entry of the document's `field_lines`.
    FieldLine(Cow<'a, str>, u32),
    /// More of a long text: appended to the text named.
    Text(Named, Cow<'a, str>),
    /// The document is complete.
    End,
}

/// A field as sent: its texts borrowed when written, owned when read, so that a section's
/// values become one string when the section closes (see [`Open`]).
#[derive(Serialize, Deserialize)]
struct FieldPiece<'a> {
    label: Cow<'a, str>,
    value: Cow<'a, str>,
    line: u32,
}

/// A paragraph as sent (its first piece, if long).
#[derive(Serialize, Deserialize)]
struct ParagraphPiece<'a> {
    text: Cow<'a, str>,
    line: u32,
    end_line: u32,
}

/// The texts that [`Piece::Text`] continues: the document's own, which gather the lines of
/// whole sections, and the last paragraph of the section open last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
enum Named {
    Summary,
    FinalReportSummary,
    PrimaryTargetGroups,
    IndirectTargetGroups,
    GenderAnalysis,
    GenderMainstreaming,
    GenderMainGoal,
    Paragraph,
}

impl Named {
    const OF_DOCUMENT: [Named; 7] = [
        Named::Summary,
        Named::FinalReportSummary,
        Named::PrimaryTargetGroups,
        Named::IndirectTargetGroups,
        Named::GenderAnalysis,
        Named::GenderMainstreaming,
        Named::GenderMainGoal,
    ];

    /// The document's text of this name; `None` for [`Named::Paragraph`].
    fn of(self, doc: &mut Document) -> Option<&mut Option<Text>> {
        Some(match self {
            Named::Summary => &mut doc.summary,
            Named::FinalReportSummary => &mut doc.final_report_summary,
            Named::PrimaryTargetGroups => &mut doc.target_groups.primary,
            Named::IndirectTargetGroups => &mut doc.target_groups.indirect,
            Named::GenderAnalysis => &mut doc.gender_equality.analysis_text,
            Named::GenderMainstreaming => &mut doc.gender_equality.mainstreaming_text,
            Named::GenderMainGoal => &mut doc.gender_equality.main_goal_text,
            Named::Paragraph => return None,
        })
    }
}

/// Cuts `text` after its first piece (which shares its bytes), giving the rest when there
/// is any.
fn cut(text: &mut Text) -> Option<String> {
    if text.len() <= TEXT_PIECE {
        return None;
    }
    let at = text.floor_char_boundary(TEXT_PIECE);
    let rest = text[at..].to_owned();
    *text = text.slice_of(&text[..at]).expect("a slice of the text");
    Some(rest)
}

/// Writes `rest` as pieces continuing `text`.
fn put_rest(out: &mut Vec<u8>, text: Named, rest: &str) {
    let mut rest = rest;
    while !rest.is_empty() {
        let at = if rest.len() <= TEXT_PIECE {
            rest.len()
        } else {
            rest.floor_char_boundary(TEXT_PIECE)
        };
        let (piece, after) = rest.split_at(at);
        put(out, &Piece::Text(text, Cow::Borrowed(piece)));
        rest = after;
    }
}

/// Appends `outcomes` to `out` as JSON lines, each ended by `\n` (see the module docs).
pub fn write(outcomes: Vec<Outcome>, out: &mut Vec<u8>) {
    for outcome in outcomes {
        match outcome {
            Outcome::Failure(failure) => put(out, &Piece::Failure(failure)),
            Outcome::Document(mut doc) => {
                let sections = std::mem::take(&mut doc.sections);
                let diagnostics = std::mem::take(&mut doc.diagnostics);
                let field_lines = std::mem::take(&mut doc.field_lines);
                // The texts that are a section's paragraphs are sent as that (a span), not
                // again: a summary can be most of a large file.
                let mut spans: Vec<(Named, Text)> = Vec::new();
                for name in Named::OF_DOCUMENT {
                    if let Some(slot) = name.of(&mut doc) {
                        if slot.as_ref().is_some_and(|t| is_span(&sections, t)) {
                            spans.extend(slot.take().map(|t| (name, t)));
                        }
                    }
                }
                let rests: Vec<(Named, String)> = Named::OF_DOCUMENT
                    .into_iter()
                    .filter_map(|t| Some((t, cut(t.of(&mut doc)?.as_mut()?)?)))
                    .collect();
                put(out, &Piece::Head(doc));
                for (text, rest) in rests {
                    put_rest(out, text, &rest);
                }
                for section in sections {
                    write_section(section, &spans, out);
                }
                for diagnostic in diagnostics {
                    put(out, &Piece::Diagnostic(diagnostic));
                }
                for (path, line) in &field_lines {
                    put(out, &Piece::FieldLine(Cow::Borrowed(path), line));
                }
                put(out, &Piece::End);
            }
        }
    }
}

/// Whether `text` is the paragraphs of one of `sections` joined by a blank line, sharing
/// their string.
fn is_span(sections: &[Section], text: &Text) -> bool {
    sections.iter().any(|s| {
        let first = s.paragraphs.first();
        first.is_some_and(|p| p.text.shares_bytes_with(text) && span(s) == *text)
            || is_span(&s.subsections, text)
    })
}

/// A section's paragraphs joined by a blank line.
fn span(section: &Section) -> Text {
    Text::joined(section.paragraphs.iter().map(|p| &p.text), "\n\n")
}

fn write_section(mut section: Section, spans: &[(Named, Text)], out: &mut Vec<u8>) {
    let joined = (!section.paragraphs.is_empty()).then(|| span(&section));
    let fields = std::mem::take(&mut section.fields);
    let paragraphs = std::mem::take(&mut section.paragraphs);
    let subsections = std::mem::take(&mut section.subsections);
    let prose = paragraphs.iter().map(|p| p.text.len() + 2).sum::<usize>();
    let values = fields.iter().map(|f| f.value.len()).sum();
    put(
        out,
        &Piece::Open(Box::new(section), prose.saturating_sub(2), values),
    );
    for f in &fields {
        put(
            out,
            &Piece::Field(FieldPiece {
                label: Cow::Borrowed(&f.label),
                value: Cow::Borrowed(&f.value),
                line: f.line,
            }),
        );
    }
    for p in &paragraphs {
        let at = p.text.floor_char_boundary(TEXT_PIECE);
        let (first, rest) = p.text.split_at(at);
        put(
            out,
            &Piece::Paragraph(ParagraphPiece {
                text: Cow::Borrowed(first),
                line: p.line,
                end_line: p.end_line,
            }),
        );
        put_rest(out, Named::Paragraph, rest);
    }
    // Nesting is as deep as the section numbers ("1.2.3"), which the parser bounds.
    for subsection in subsections {
        write_section(subsection, spans, out);
    }
    put(out, &Piece::Close);
    if let Some(joined) = joined {
        for (name, _) in spans
            .iter()
            .filter(|(_, t)| t.shares_bytes_with(&joined) && *t == joined)
        {
            put(out, &Piece::Span(*name));
        }
    }
}

fn put(out: &mut Vec<u8>, piece: &Piece) {
    // Compact JSON escapes every control character, so a piece never holds a raw newline.
    serde_json::to_writer(&mut *out, piece).expect("the model serialises to JSON");
    out.push(b'\n');
}

/// Puts a continued text of the document in its place.
fn put_back(continued: Option<(Named, String)>, doc: &mut Document) {
    if let Some((name, text)) = continued {
        if let Some(target) = name.of(doc) {
            *target = Some(Text::from(text));
        }
    }
}

/// A section being rebuilt: its paragraphs' texts and its fields' values gathered as one
/// string each, as the parser makes them, and made ranges of it when the section closes.
struct Open {
    section: Section,
    prose: String,
    paragraphs: Vec<(Range<usize>, (u32, u32))>,
    values: String,
    fields: Vec<(Cow<'static, str>, Range<usize>, u32)>,
}

impl Open {
    /// A section whose paragraphs' texts and values are said to take `prose` and `values`
    /// bytes (reserved up to [`MAX_RESERVE`], a stream being only trusted so far).
    fn new(section: Section, prose: usize, values: usize) -> Open {
        Open {
            section,
            prose: String::with_capacity(prose.min(MAX_RESERVE)),
            paragraphs: Vec::new(),
            values: String::with_capacity(values.min(MAX_RESERVE)),
            fields: Vec::new(),
        }
    }

    fn field(&mut self, f: FieldPiece<'_>) {
        let start = self.values.len();
        self.values.push_str(&f.value);
        let label = labels::field_label(f.label);
        self.fields.push((label, start..self.values.len(), f.line));
    }

    fn paragraph(&mut self, p: ParagraphPiece<'_>) {
        if !self.paragraphs.is_empty() {
            self.prose.push_str("\n\n");
        }
        let start = self.prose.len();
        self.prose.push_str(&p.text);
        self.paragraphs
            .push((start..self.prose.len(), (p.line, p.end_line)));
    }

    /// Continues the last paragraph; `false` if there is none.
    fn more(&mut self, text: &str) -> bool {
        let Some((range, _)) = self.paragraphs.last_mut() else {
            return false;
        };
        self.prose.push_str(text);
        range.end = self.prose.len();
        true
    }

    fn close(self) -> Section {
        let Open {
            mut section,
            mut prose,
            paragraphs,
            mut values,
            fields,
        } = self;
        prose.shrink_to_fit();
        values.shrink_to_fit();
        let texts = Text::ranges(prose, paragraphs.iter().map(|(r, _)| r.clone()));
        section.paragraphs = texts
            .unwrap_or_default()
            .into_iter()
            .zip(paragraphs)
            .map(|(text, (_, (line, end_line)))| Paragraph {
                text,
                line,
                end_line,
            })
            .collect();
        let texts = Text::ranges(values, fields.iter().map(|(_, r, _)| r.clone()));
        section.fields = texts
            .unwrap_or_default()
            .into_iter()
            .zip(fields)
            .map(|(value, (label, _, line))| Field { label, value, line })
            .collect();
        section
    }
}

/// Why a stream could not be rebuilt: a line that is not a piece, or pieces out of order.
/// Only a stream not written by [`write()`] (of the same version) gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RebuildError {
    /// The 1-based number of the line at fault.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for RebuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} of the stream: {}", self.line, self.message)
    }
}

impl std::error::Error for RebuildError {}

/// Rebuilds the outcomes of a stream written by [`write()`], one line at a time.
#[derive(Default)]
pub struct Rebuild {
    outcomes: Vec<Outcome>,
    /// The document being rebuilt and its sections open, outermost first.
    doc: Option<(Box<Document>, Vec<Open>)>,
    /// The document's text being continued by [`Piece::Text`] lines, gathered here and
    /// put in its place at the next other line (a `Text` cannot grow, and copying it at
    /// each piece would be quadratic).
    continued: Option<(Named, String)>,
    /// The paragraphs of the section closed last, joined by a blank line, for a
    /// [`Piece::Span`].
    last_span: Option<Text>,
    lines: usize,
}

impl Rebuild {
    /// Nothing rebuilt yet.
    pub fn new() -> Rebuild {
        Rebuild::default()
    }

    /// Takes the next line (without its `\n`).
    pub fn line(&mut self, line: &[u8]) -> Result<(), RebuildError> {
        self.lines += 1;
        // Through a `Value`, as `import` reads documents: the model's deserialisers are then
        // the ones the page already has (read straight from the bytes, they were made again
        // for that reader: +48 KB gzipped of the page's wasm).
        let piece: Piece = serde_json::from_slice::<serde_json::Value>(line)
            .and_then(serde_json::from_value)
            .map_err(|e| self.error(e.to_string()))?;
        if !matches!(piece, Piece::Text(..)) {
            if let Some((doc, _)) = &mut self.doc {
                put_back(self.continued.take(), doc);
            }
        }
        match (piece, &mut self.doc) {
            (Piece::Failure(failure), None) => self.outcomes.push(Outcome::Failure(failure)),
            (Piece::Head(doc), None) => self.doc = Some((doc, Vec::new())),
            (Piece::Open(section, prose, values), Some((_, open))) => {
                open.push(Open::new(*section, prose, values))
            }
            (Piece::Field(field), Some((_, open))) if !open.is_empty() => {
                open.last_mut().unwrap().field(field)
            }
            (Piece::Paragraph(paragraph), Some((_, open))) if !open.is_empty() => {
                open.last_mut().unwrap().paragraph(paragraph)
            }
            (Piece::Close, Some((doc, open))) if !open.is_empty() => {
                let section = open.pop().unwrap().close();
                self.last_span = (!section.paragraphs.is_empty()).then(|| span(&section));
                match open.last_mut() {
                    Some(parent) => parent.section.subsections.push(section),
                    None => doc.sections.push(section),
                }
            }
            (Piece::Span(name), Some((doc, _))) if self.last_span.is_some() => match name.of(doc) {
                Some(slot) => *slot = self.last_span.clone(),
                None => return Err(self.error("a span of no text".to_owned())),
            },
            (Piece::Diagnostic(diagnostic), Some((doc, open))) if open.is_empty() => {
                doc.diagnostics.push(diagnostic)
            }
            (Piece::FieldLine(path, line), Some((doc, open))) if open.is_empty() => {
                doc.field_lines.insert(paths::key(path.into_owned()), line);
            }
            (Piece::Text(Named::Paragraph, more), Some((_, open))) => {
                if !open.last_mut().is_some_and(|o| o.more(&more)) {
                    return Err(self.error("no paragraph to continue".to_owned()));
                }
            }
            (Piece::Text(name, more), Some((doc, _))) => {
                let continued = match self.continued.take() {
                    Some((named, mut text)) if named == name => {
                        text.push_str(&more);
                        text
                    }
                    earlier => {
                        put_back(earlier, doc);
                        let Some(Some(target)) = name.of(doc) else {
                            return Err(self.error(format!("no {name:?} to continue")));
                        };
                        let mut text = String::from(target.as_str());
                        text.push_str(&more);
                        text
                    }
                };
                self.continued = Some((name, continued));
            }
            (Piece::End, Some((_, open))) if open.is_empty() => {
                let (mut doc, _) = self.doc.take().unwrap();
                // The sections share as parsed; the typed texts that repeat them are sent
                // as strings of their own, and share again here.
                crate::share_typed(&mut doc);
                self.outcomes.push(Outcome::Document(doc));
            }
            _ => return Err(self.error("a piece out of order".to_owned())),
        }
        Ok(())
    }

    /// The outcomes rebuilt; an error when a document was left incomplete.
    pub fn finish(self) -> Result<Vec<Outcome>, RebuildError> {
        if self.doc.is_some() {
            return Err(RebuildError {
                line: self.lines,
                message: "the stream ends inside a document".to_owned(),
            });
        }
        Ok(self.outcomes)
    }

    fn error(&self, message: String) -> RebuildError {
        RebuildError {
            line: self.lines,
            message,
        }
    }
}

#[cfg(test)]
mod tests;
