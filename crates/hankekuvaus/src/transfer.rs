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

use serde::{Deserialize, Serialize};

use crate::paths;
use crate::{Diagnostic, Document, Failure, Field, Outcome, Paragraph, Section, Text};

/// Texts longer than this (bytes) are sent in pieces of at most this: a text made of many
/// lines (a summary, a paragraph) grows with the file.
const TEXT_PIECE: usize = 64 * 1024;

/// One line of the stream.
#[derive(Serialize, Deserialize)]
enum Piece<'a> {
    /// An outcome that is a failure, whole.
    Failure(Failure),
    /// A document without its sections, diagnostics and field lines, which follow.
    Head(Box<Document>),
    /// A section begins (without its fields, paragraphs and subsections, which follow
    /// until its [`Piece::Close`]).
    Open(Box<Section>),
    /// A field of the section open last.
    Field(Field),
    /// A paragraph of the section open last.
    Paragraph(Paragraph),
    /// The section open last ends.
    Close,
    /// A diagnostic of the document.
    Diagnostic(Diagnostic),
    /// An entry of the document's `field_lines`.
    FieldLine(Cow<'a, str>, u32),
    /// More of a long text: appended to the text named.
    Text(Named, Cow<'a, str>),
    /// The document is complete.
    End,
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
                let rests: Vec<(Named, String)> = Named::OF_DOCUMENT
                    .into_iter()
                    .filter_map(|t| Some((t, cut(t.of(&mut doc)?.as_mut()?)?)))
                    .collect();
                put(out, &Piece::Head(doc));
                for (text, rest) in rests {
                    put_rest(out, text, &rest);
                }
                for section in sections {
                    write_section(section, out);
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

fn write_section(mut section: Section, out: &mut Vec<u8>) {
    let fields = std::mem::take(&mut section.fields);
    let paragraphs = std::mem::take(&mut section.paragraphs);
    let subsections = std::mem::take(&mut section.subsections);
    put(out, &Piece::Open(Box::new(section)));
    for field in fields {
        put(out, &Piece::Field(field));
    }
    for mut paragraph in paragraphs {
        let rest = cut(&mut paragraph.text);
        put(out, &Piece::Paragraph(paragraph));
        if let Some(rest) = rest {
            put_rest(out, Named::Paragraph, &rest);
        }
    }
    // Nesting is as deep as the section numbers ("1.2.3"), which the parser bounds.
    for subsection in subsections {
        write_section(subsection, out);
    }
    put(out, &Piece::Close);
}

fn put(out: &mut Vec<u8>, piece: &Piece) {
    // Compact JSON escapes every control character, so a piece never holds a raw newline.
    serde_json::to_writer(&mut *out, piece).expect("the model serialises to JSON");
    out.push(b'\n');
}

/// The text a [`Piece::Text`] of `name` continues: one of the document's, or the last
/// paragraph of the section open last.
fn continued_text<'a>(
    name: Named,
    doc: &'a mut Document,
    open: &'a mut [Section],
) -> Option<&'a mut Text> {
    match name {
        Named::Paragraph => open.last_mut()?.paragraphs.last_mut().map(|p| &mut p.text),
        _ => name.of(doc)?.as_mut(),
    }
}

/// Puts a continued text in its place.
fn put_back(continued: Option<(Named, String)>, doc: &mut Document, open: &mut [Section]) {
    if let Some((name, text)) = continued {
        if let Some(target) = continued_text(name, doc, open) {
            *target = Text::from(text);
        }
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
    doc: Option<(Box<Document>, Vec<Section>)>,
    /// The text being continued by [`Piece::Text`] lines, gathered here and put in its
    /// place at the next other line (a `Text` cannot grow, and copying it at each piece
    /// would be quadratic).
    continued: Option<(Named, String)>,
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
            if let Some((doc, open)) = &mut self.doc {
                put_back(self.continued.take(), doc, open);
            }
        }
        match (piece, &mut self.doc) {
            (Piece::Failure(failure), None) => self.outcomes.push(Outcome::Failure(failure)),
            (Piece::Head(doc), None) => self.doc = Some((doc, Vec::new())),
            (Piece::Open(section), Some((_, open))) => open.push(*section),
            (Piece::Field(field), Some((_, open))) if !open.is_empty() => {
                open.last_mut().unwrap().fields.push(field)
            }
            (Piece::Paragraph(paragraph), Some((_, open))) if !open.is_empty() => {
                open.last_mut().unwrap().paragraphs.push(paragraph)
            }
            (Piece::Close, Some((doc, open))) if !open.is_empty() => {
                let section = open.pop().unwrap();
                match open.last_mut() {
                    Some(parent) => parent.subsections.push(section),
                    None => doc.sections.push(section),
                }
            }
            (Piece::Diagnostic(diagnostic), Some((doc, open))) if open.is_empty() => {
                doc.diagnostics.push(diagnostic)
            }
            (Piece::FieldLine(path, line), Some((doc, open))) if open.is_empty() => {
                doc.field_lines.insert(paths::key(path.into_owned()), line);
            }
            (Piece::Text(name, more), Some((doc, open))) => {
                let continued = match self.continued.take() {
                    Some((named, mut text)) if named == name => {
                        text.push_str(&more);
                        text
                    }
                    earlier => {
                        put_back(earlier, doc, open);
                        let Some(target) = continued_text(name, doc, open) else {
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
                // Sent, each text is a string of its own: shared again as parsed.
                crate::share_prose(&mut doc);
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
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
        bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty())
    }

    fn round_trip(outcomes: &[Outcome]) -> Vec<Outcome> {
        let mut out = Vec::new();
        write(outcomes.to_vec(), &mut out);
        let mut rebuild = Rebuild::new();
        for line in lines(&out) {
            rebuild.line(line).unwrap();
        }
        rebuild.finish().unwrap()
    }

    #[test]
    fn nested_sections_diagnostics_and_failures_come_back_equal() {
        let seed = include_bytes!("../../../testdata/seeds/000_2f4bdf7767fd6a31.txt");
        let mut outcomes = crate::read(seed, "seed.txt", &Default::default());
        let Outcome::Document(doc) = &outcomes[0] else {
            panic!("the seed parses")
        };
        assert!(doc.sections.iter().any(|s| !s.subsections.is_empty()));
        assert!(!doc.field_lines.is_empty());
        // Cut short, with a bad amount: diagnostics.
        let cut = "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n1 Hanke\n\
                   Hankekoodi: S21498\n5 Projektin julkinen rahoitus, euroa\n\
                   Myönnetty EU- ja valtion rahoitus: kaksi\n";
        let cut = crate::read(cut.as_bytes(), "cut.txt", &Default::default());
        assert!(matches!(&cut[0], Outcome::Document(d) if d.diagnostics.len() > 1));
        outcomes.extend(cut);
        outcomes.extend(crate::read(b"\x89PNG\r\n", "kuva.png", &Default::default()));
        outcomes.push(outcomes[0].clone());
        assert_eq!(round_trip(&outcomes), outcomes);
    }

    #[test]
    fn a_stream_out_of_order_or_cut_short_is_an_error_not_a_panic() {
        let doc = crate::parse(
            "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n1 Hanke\nA: b\n"
                .as_bytes(),
            "a.txt",
        )
        .unwrap();
        let mut out = Vec::new();
        write(vec![Outcome::Document(Box::new(doc))], &mut out);
        let all: Vec<&[u8]> = lines(&out).collect();
        // Without the head, the section's start is out of order.
        let mut rebuild = Rebuild::new();
        let err = rebuild.line(all[1]).unwrap_err();
        assert_eq!(err.line, 1);
        // Cut short inside the document.
        let mut rebuild = Rebuild::new();
        for line in &all[..all.len() - 1] {
            rebuild.line(line).unwrap();
        }
        assert_eq!(rebuild.finish().unwrap_err().line, all.len() - 1);
        // Not JSON.
        let mut rebuild = Rebuild::new();
        assert!(rebuild.line(b"{not json").is_err());
        // A field with no section open.
        let mut rebuild = Rebuild::new();
        rebuild.line(all[0]).unwrap();
        let field = all.iter().find(|l| l.starts_with(b"{\"Field\"")).unwrap();
        assert!(rebuild.line(field).is_err());
    }

    /// Texts longer than a piece come back whole and equal, and shared as parsed: the
    /// summary a range of its section's string.
    #[test]
    fn long_texts_come_back_in_pieces_and_shared() {
        let long = "pitkä rivi äöå ".repeat(TEXT_PIECE / 8);
        let text = format!(
            "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n\
             3 Suunnitelman mukainen tiivistelmä toteutuksesta\n{long}\n\n{long}\n\nloppu\n\
             9 Loppuraportin tiivistelmä\n{long}\n"
        );
        let outcomes = crate::read(text.as_bytes(), "pitkä.txt", &Default::default());
        let mut out = Vec::new();
        write(outcomes.clone(), &mut out);
        let pieces = lines(&out).filter(|l| l.starts_with(b"{\"Text\"")).count();
        assert!(pieces >= 6, "{pieces} continuation pieces");
        let back = round_trip(&outcomes);
        assert_eq!(back, outcomes);
        let Outcome::Document(doc) = &back[0] else {
            panic!("a document")
        };
        let section = doc
            .sections
            .iter()
            .find(|s| s.number.as_deref() == Some("3"));
        let paragraphs = &section.unwrap().paragraphs;
        assert_eq!(paragraphs.len(), 3);
        let summary = doc.summary.as_ref().unwrap();
        assert!(summary.shares_bytes_with(&paragraphs[2].text));
        assert!(summary.len() > 2 * TEXT_PIECE);
    }
}
