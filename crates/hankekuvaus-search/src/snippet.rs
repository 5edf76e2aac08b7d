//! Where a hit is in its document, and snippets of text around the hits.
//!
//! The index keeps word positions, not text: walking the document the same way the index
//! did ([`crate::walk::visit`], [`crate::text::words`]) turns positions back into lines
//! and byte ranges.

use std::ops::Range;

use hankekuvaus::Document;

use crate::search::HitWords;
use crate::text::words;
use crate::units::Field;
use crate::walk::visit;

/// Bytes of text a snippet aims at; it is cut at word boundaries, so a little more or less.
const SNIPPET_BYTES: usize = 160;
/// Bytes of context kept before the first hit of a snippet.
const CONTEXT_BEFORE: usize = 50;
/// What marks text cut off at either end of a snippet.
const ELLIPSIS: &str = "…";

/// One hit word in its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The field it counts for.
    pub field: Field,
    /// The JSON path of the text it is in: `"sections.2.paragraphs.0"`,
    /// `"sections.0.fields.1.value"`, `"sections.6.subsections.0.title"` in a document with
    /// a section tree; `"summary"`, `"area.municipalities.1"` in one without.
    pub path: String,
    /// The line within that text (texts of several lines are joined by `\n`), 0-based.
    pub line_in_text: u32,
    /// The 1-based line of the source file, when known.
    pub source_line: Option<u32>,
    /// Byte range of the word within that line.
    pub range: Range<usize>,
}

impl Location {
    /// The typed member this hit's line was read into (`"project.name"`,
    /// `"applicant.co_implementers.1"`, `"summary"` for its first line), from
    /// `doc.field_lines`: for highlighting in the cards that show typed values. `None` for
    /// lines that no typed member records.
    pub fn typed_path<'a>(&self, doc: &'a Document) -> Option<&'a str> {
        let line = self.source_line?;
        // The deepest path wins on a shared line, as in indexing.
        doc.field_lines
            .iter()
            .filter(|&(_, l)| l == line)
            .map(|(path, _)| path)
            .max_by_key(|path| path.len())
    }
}

/// A piece of text around hits, for a result list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The field the text is from.
    pub field: Field,
    /// The JSON path of the text, as in [`Location::path`].
    pub path: String,
    /// The line within that text, 0-based, as in [`Location::line_in_text`].
    pub line_in_text: u32,
    /// The 1-based source line, when known.
    pub source_line: Option<u32>,
    /// Plain text cut at word boundaries, with "…" where it was cut.
    pub text: String,
    /// Byte ranges of the hit words in `text`, ascending.
    pub marks: Vec<Range<usize>>,
}

/// One indexed line with the hits in it.
struct LineHits<'a> {
    field: Field,
    path: String,
    line_in_text: u32,
    source_line: Option<u32>,
    text: &'a str,
    ranges: Vec<Range<usize>>,
}

/// The lines of `doc` that hold hits at `positions` (ascending), in document order.
fn lines_with_hits<'a>(doc: &'a Document, positions: &[u32]) -> Vec<LineHits<'a>> {
    let mut out = Vec::new();
    let mut pos = 0u32;
    let mut next = 0;
    visit(doc, &mut |unit| {
        let mut ranges = Vec::new();
        for (range, _) in words(unit.text) {
            while next < positions.len() && positions[next] < pos {
                next += 1;
            }
            if positions.get(next) == Some(&pos) {
                ranges.push(range);
            }
            pos += 1;
        }
        pos += 1;
        if !ranges.is_empty() {
            out.push(LineHits {
                field: unit.field,
                path: unit.place.path(),
                line_in_text: unit.line_in_text,
                source_line: unit.source_line,
                text: unit.text,
                ranges,
            });
        }
    });
    out
}

impl HitWords {
    /// Every hit word in `doc` (the document these are for, unchanged since it was
    /// added), in document order: for highlighting and "next / previous hit".
    pub fn locations(&self, doc: &Document) -> Vec<Location> {
        lines_with_hits(doc, &self.positions)
            .into_iter()
            .flat_map(|l| {
                let LineHits {
                    field,
                    path,
                    line_in_text,
                    source_line,
                    ranges,
                    ..
                } = l;
                ranges.into_iter().map(move |range| Location {
                    field,
                    path: path.clone(),
                    line_in_text,
                    source_line,
                    range,
                })
            })
            .collect()
    }

    /// The distinct hit words of `doc` as written, lower-cased, in order of first
    /// appearance: for marking them wherever a view shows the document's text (cards that
    /// show typed values, a source view), which the index's positions do not reach.
    pub fn words(&self, doc: &Document) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for line in lines_with_hits(doc, &self.positions) {
            for r in &line.ranges {
                let word = crate::text::fold(&line.text[r.clone()]);
                if !out.contains(&word) {
                    out.push(word);
                }
            }
        }
        out
    }

    /// Up to `max` snippets: the lines with the most different hit words (then the most
    /// hits, then the earliest), each cut to about 160 bytes around its hits.
    pub fn snippets(&self, doc: &Document, max: usize) -> Vec<Snippet> {
        let lines = lines_with_hits(doc, &self.positions);
        let rank = |l: &LineHits| {
            let mut distinct: Vec<String> = Vec::new();
            for r in &l.ranges {
                let word = crate::text::fold(&l.text[r.clone()]);
                if !distinct.contains(&word) {
                    distinct.push(word);
                }
            }
            (distinct.len(), l.ranges.len())
        };
        let ranks: Vec<(usize, usize)> = lines.iter().map(rank).collect();
        // The best `max` lines (the earliest among equals), kept in document order.
        let mut chosen = vec![false; lines.len()];
        for _ in 0..max.min(lines.len()) {
            let best =
                (0..lines.len())
                    .filter(|&i| !chosen[i])
                    .fold(None, |best: Option<usize>, i| match best {
                        Some(b) if ranks[b] >= ranks[i] => Some(b),
                        _ => Some(i),
                    });
            if let Some(b) = best {
                chosen[b] = true;
            }
        }
        lines
            .into_iter()
            .zip(chosen)
            .filter_map(|(line, keep)| keep.then(|| cut(line)))
            .collect()
    }
}

/// The snippet of one line: about [`SNIPPET_BYTES`] from a little before its first hit.
fn cut(line: LineHits) -> Snippet {
    let text = line.text;
    let first = line.ranges[0].start;
    let mut start = 0;
    if text.len() > SNIPPET_BYTES && first > CONTEXT_BEFORE {
        // Start after the first space at or after the wanted start, before the hit.
        let wanted = floor_char(text, first - CONTEXT_BEFORE);
        start = text[wanted..first]
            .find(char::is_whitespace)
            .map_or(first, |i| wanted + i)
            .min(first);
        start += text[start..].len() - text[start..].trim_start().len();
    }
    let mut end = text.len();
    if end - start > SNIPPET_BYTES {
        let wanted = floor_char(text, start + SNIPPET_BYTES).max(line.ranges[0].end);
        // End at the last space before the wanted end, or after the word running over it.
        end = match text[line.ranges[0].end..wanted].rfind(char::is_whitespace) {
            Some(i) => line.ranges[0].end + i,
            None => text[wanted..]
                .find(char::is_whitespace)
                .map_or(text.len(), |i| wanted + i),
        };
    }
    let mut out = String::new();
    let lead = if start > 0 { ELLIPSIS } else { "" };
    out.push_str(lead);
    out.push_str(text[start..end].trim_end());
    let body_end = lead.len() + text[start..end].trim_end().len();
    if end < text.len() {
        out.push_str(ELLIPSIS);
    }
    let shift = lead.len();
    let marks = line
        .ranges
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start + shift..r.end - start + shift)
        .filter(|r| r.end <= body_end)
        .collect();
    Snippet {
        field: line.field,
        path: line.path,
        line_in_text: line.line_in_text,
        source_line: line.source_line,
        text: out,
        marks,
    }
}

/// The largest character boundary of `text` at or below `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
