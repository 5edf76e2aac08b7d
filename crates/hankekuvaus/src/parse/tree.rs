//! The first pass: headings and bodies. Every non-blank line lands in the section tree, as a
//! heading, a field or a paragraph line.

use std::borrow::Cow;
use std::ops::Range;

use super::labels::{
    field_label, gender_question, known_title_normalized, section_number, section_title,
};
use super::Parser;
use crate::lines::{self, Heading, Line, Parts};

use crate::{Field, Paragraph, Period, Section, Text};

/// What a section is, recognised by its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SectionKind {
    Preamble,
    Project,
    Applicant,
    Summary,
    TargetGroups,
    PrimaryTargets,
    IndirectTargets,
    Funding,
    Area,
    /// 2007–2013 "3. Projektin toteutusalue ja kohderyhmän kuvaus".
    AreaAndTargets,
    Indicators,
    Indicator,
    Horizontal,
    Gender,
    Sustainability,
    FinalReport,
    Unknown,
}

impl SectionKind {
    pub(super) fn top_level(title: &str) -> SectionKind {
        with_normalized_title(title, Self::top_level_normalized)
    }

    fn top_level_normalized(t: &str) -> SectionKind {
        match t {
            "hanke" | "projekti" => SectionKind::Project,
            "hakijan perustiedot" | "projektin toteuttaja" | "hakija" | "toteuttaja" => {
                SectionKind::Applicant
            }
            "hankkeen kohderyhmät" | "projektin kohderyhmät" | "kohderyhmät" => {
                SectionKind::TargetGroups
            }
            "maantieteellinen kohdealue" => SectionKind::Area,
            "horisontaaliset periaatteet" => SectionKind::Horizontal,
            _ if t.starts_with("suunnitelman mukainen tiivistelmä") => SectionKind::Summary,
            _ if lines::contains(t, "julkinen rahoitus") => SectionKind::Funding,
            _ if t.starts_with("projektin toteutusalue") => SectionKind::AreaAndTargets,
            _ if t.starts_with("hakemusvaiheessa ilmoitettavat arviot")
                || lines::contains(t, "seurantiedoista")
                || lines::contains(t, "seurantatiedoista") =>
            {
                SectionKind::Indicators
            }
            _ if t.starts_with("loppuraportin tiivistelmä") => SectionKind::FinalReport,
            _ => SectionKind::Unknown,
        }
    }

    pub(super) fn sub(parent: SectionKind, title: &str) -> SectionKind {
        match parent {
            // Every subsection of section 7 is an indicator, whatever its (long) title says.
            SectionKind::Indicators => SectionKind::Indicator,
            SectionKind::TargetGroups | SectionKind::Horizontal | SectionKind::AreaAndTargets => {
                with_normalized_title(title, |t| Self::sub_normalized(parent, t))
            }
            _ => SectionKind::Unknown,
        }
    }

    fn sub_normalized(parent: SectionKind, t: &str) -> SectionKind {
        match parent {
            SectionKind::TargetGroups if t.starts_with("varsinaiset") => {
                SectionKind::PrimaryTargets
            }
            SectionKind::TargetGroups if t.starts_with("välilliset") => {
                SectionKind::IndirectTargets
            }
            SectionKind::Horizontal if t.starts_with("sukupuolten tasa-arvo") => {
                SectionKind::Gender
            }
            SectionKind::Horizontal if t.starts_with("kestävä kehitys") => {
                SectionKind::Sustainability
            }
            SectionKind::AreaAndTargets if t == "maantieteellinen kohdealue" => SectionKind::Area,
            SectionKind::AreaAndTargets if lines::contains(t, "kohderyhm") => {
                SectionKind::PrimaryTargets
            }
            _ => SectionKind::Unknown,
        }
    }

    /// How the lines of the section's own body are read into the tree.
    fn mode(self) -> Mode {
        match self {
            SectionKind::Summary
            | SectionKind::PrimaryTargets
            | SectionKind::IndirectTargets
            | SectionKind::FinalReport
            | SectionKind::Sustainability
            | SectionKind::Preamble => Mode::Prose,
            SectionKind::Gender => Mode::Questions,
            _ => Mode::Fields,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Every line is paragraph text.
    Prose,
    /// `Label: value` lines are fields.
    Fields,
    /// Only the three gender-equality questions are fields.
    Questions,
}

/// Calls `f` with the normalised `title`: the one made once for a title the service writes,
/// else normalised now.
fn with_normalized_title<R>(title: &str, f: impl FnOnce(&str) -> R) -> R {
    match known_title_normalized(title) {
        Some(normalized) => f(normalized),
        None => lines::with_normalized(title, f),
    }
}

/// A top-level section with its recognised kind and its subsections' kinds.
pub(super) struct Parsed {
    pub(super) kind: SectionKind,
    pub(super) sub_kinds: Vec<SectionKind>,
    pub(super) section: Section,
}

/// A heading accepted by [`Parser::accept_heading`].
struct Accepted {
    parts: Parts,
    number: Cow<'static, str>,
    title: Cow<'static, str>,
    kind: SectionKind,
}

impl Parser {
    /// Decides whether a heading-shaped line starts a section, given the sections so far.
    /// Numbers must go forwards; headings with unknown titles must also look like headings
    /// in this period's style, so that numbered list items in prose stay prose.
    fn accept_heading(
        &self,
        h: &Heading<'_>,
        top: Option<(u32, SectionKind)>,
        sub: u32,
    ) -> Option<Accepted> {
        let (top_no, top_kind) = top.unwrap_or((0, SectionKind::Preamble));
        let (kind, in_sequence) = match *h.parts.as_slice() {
            [n] => (SectionKind::top_level(h.title), n > top_no),
            [n, m] if n == top_no => (SectionKind::sub(top_kind, h.title), m > sub),
            _ => return None,
        };
        if !in_sequence {
            return None;
        }
        if kind == SectionKind::Unknown {
            let close = match *h.parts.as_slice() {
                [n] => n <= top_no + 2,
                [_, m] => m <= sub + 2,
                _ => false,
            };
            let style = match (self.period, h.parts.len()) {
                (Some(Period::P2014_2020), _) => !h.trailing_dot,
                (Some(Period::P2007_2013), 1) => h.trailing_dot,
                _ => true,
            };
            let looks = lines::chars_at_most(h.title, 80)
                && h.title.split_whitespace().count() <= 10
                && !h.title.ends_with(['.', ',', ':', ';']);
            if !(close && style && looks) {
                return None;
            }
        }
        Some(Accepted {
            number: section_number(&h.parts),
            parts: h.parts,
            title: section_title(Cow::Borrowed(h.title)),
            kind,
        })
    }

    /// Builds the section tree: a preamble (lines before the first heading), then each
    /// numbered section with its subsections.
    pub(super) fn build_tree(&mut self, lines: &[Line<'_>]) -> Vec<Parsed> {
        // Find the headings first, so each body is a plain slice of lines.
        // Room for a description's headings from the start (about twenty): grown from empty,
        // this and `out` were six allocations a file.
        let mut heads: Vec<(usize, Accepted)> = Vec::with_capacity(32);
        let mut top: Option<(u32, SectionKind)> = None;
        let mut sub = 0;
        for (i, line) in lines.iter().enumerate() {
            let Some(h) = lines::heading(&line.text) else {
                continue;
            };
            if let Some(acc) = self.accept_heading(&h, top, sub) {
                if acc.parts.len() == 1 {
                    top = Some((acc.parts[0], acc.kind));
                    sub = 0;
                } else {
                    sub = acc.parts[1];
                }
                heads.push((i, acc));
            }
        }

        let mut out: Vec<Parsed> = Vec::with_capacity(heads.len() + 1);
        let first_head = heads.first().map_or(lines.len(), |(i, _)| *i);
        if lines[..first_head].iter().any(|l| !l.text.is_empty()) {
            let (fields, paragraphs) = self.read_body(&lines[..first_head], Mode::Prose);
            out.push(Parsed {
                kind: SectionKind::Preamble,
                sub_kinds: Vec::new(),
                section: Section {
                    number: None,
                    title: None,
                    line: first_line_no(&lines[..first_head]),
                    end_line: last_line_no(&lines[..first_head]),
                    fields,
                    paragraphs,
                    subsections: Vec::new(),
                },
            });
        }
        let mut heads = heads.into_iter().peekable();
        while let Some((start, acc)) = heads.next() {
            let end = heads.peek().map_or(lines.len(), |(i, _)| *i);
            let body = &lines[start + 1..end];
            let (fields, paragraphs) = self.read_body(body, acc.kind.mode());
            let section = Section {
                number: Some(acc.number),
                title: Some(acc.title),
                line: lines[start].no,
                end_line: last_line_no(&lines[start..end]),
                fields,
                paragraphs,
                subsections: Vec::new(),
            };
            match (acc.parts.len(), out.last_mut()) {
                (2, Some(parent)) if parent.kind != SectionKind::Preamble => {
                    parent.section.end_line = section.end_line;
                    parent.sub_kinds.push(acc.kind);
                    parent.section.subsections.push(section);
                }
                _ => out.push(Parsed {
                    kind: acc.kind,
                    sub_kinds: Vec::new(),
                    section,
                }),
            }
        }
        for parsed in &mut out {
            parsed.section.subsections.shrink_to_fit();
        }
        out
    }

    /// Reads a body into fields and paragraphs. A blank line or a field ends a paragraph.
    fn read_body(&mut self, body: &[Line<'_>], mode: Mode) -> (Vec<Field>, Vec<Paragraph>) {
        let Scratch {
            fields,
            values,
            prose,
            paragraphs,
        } = &mut self.scratch;
        // The open paragraph's first line (an index into `body`); it runs to the line before
        // the current one. Its text is written when it ends.
        let mut open: Option<usize> = None;
        for (k, line) in body.iter().enumerate() {
            if line.text.is_empty() {
                if let Some(first) = open.take() {
                    paragraphs.push(paragraph(prose, &body[first..k]));
                }
                continue;
            }
            let field = match mode {
                Mode::Prose => None,
                Mode::Fields => line.field(),
                Mode::Questions => line
                    .field()
                    .filter(|(label, _)| gender_question(label).is_some()),
            };
            if let Some((label, value)) = field {
                if let Some(first) = open.take() {
                    paragraphs.push(paragraph(prose, &body[first..k]));
                }
                let start = values.len();
                values.push_str(&line.display(value));
                fields.push((
                    field_label(line.display(label)),
                    start..values.len(),
                    line.no,
                ));
                continue;
            }
            open.get_or_insert(k);
        }
        if let Some(first) = open {
            paragraphs.push(paragraph(prose, &body[first..]));
        }
        // Moved into vectors of their length: the document keeps them for as long as it is
        // shown (grown by doubling, they were a third larger than their items, 16 MB over
        // 8,000 files).
        // A string of its length, `prose` keeping its room for the next body.
        let texts = Text::ranges(
            prose.as_str().to_owned(),
            paragraphs.iter().map(|(range, _)| range.clone()),
        )
        .unwrap_or_default();
        let paragraphs_out = texts
            .into_iter()
            .zip(paragraphs.drain(..))
            .map(|(text, (_, (line, end_line)))| Paragraph {
                text,
                line,
                end_line,
            })
            .collect();
        prose.clear();
        let texts = Text::ranges(
            values.as_str().to_owned(),
            fields.iter().map(|(_, range, _)| range.clone()),
        )
        .unwrap_or_default();
        let fields_out = texts
            .into_iter()
            .zip(fields.drain(..))
            .map(|(value, (label, _, line))| Field { label, value, line })
            .collect();
        values.clear();
        (fields_out, paragraphs_out)
    }
}

/// The body being read (`Parser::scratch`), kept between bodies for its room.
#[derive(Default)]
pub(super) struct Scratch {
    /// The fields: label, range of `values`, line.
    fields: Vec<(Cow<'static, str>, Range<usize>, u32)>,
    /// The fields' values, one after another: one string for the body's values, which
    /// the typed fields share.
    values: String,
    /// The paragraphs' texts, separated by a blank line (`\n\n`), as the typed prose joins
    /// them: a summary is then a range of the same string.
    prose: String,
    /// Each paragraph's range of `prose`, first and last line.
    paragraphs: Vec<(Range<usize>, (u32, u32))>,
}

/// A paragraph of consecutive non-blank lines (at least one): their display text joined
/// by line ends, written to the end of `prose` after a blank line if it is not the first;
/// returns its range and lines.
fn paragraph(prose: &mut String, lines: &[Line<'_>]) -> (Range<usize>, (u32, u32)) {
    if !prose.is_empty() {
        prose.push_str("\n\n");
    }
    let start = prose.len();
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            prose.push('\n');
        }
        prose.push_str(&line.display(&line.text));
    }
    (start..prose.len(), (lines[0].no, lines[lines.len() - 1].no))
}

fn first_line_no(lines: &[Line<'_>]) -> u32 {
    lines
        .iter()
        .find(|l| !l.text.is_empty())
        .or(lines.first())
        .map_or(1, |l| l.no)
}

fn last_line_no(lines: &[Line<'_>]) -> u32 {
    lines
        .iter()
        .rev()
        .find(|l| !l.text.is_empty())
        .or(lines.first())
        .map_or(1, |l| l.no)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::tree;
    use super::SectionKind;

    #[test]
    fn headings_make_sections_and_subsections() {
        let (_, s) = tree("Alku\n1 Hanke\nHankekoodi: S1\n4 Hankkeen kohderyhmät\n4.1 Varsinaiset kohderyhmät\nNuoret\n");
        let kinds: Vec<SectionKind> = s.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::Preamble,
                SectionKind::Project,
                SectionKind::TargetGroups
            ]
        );
        assert_eq!(s[0].section.paragraphs[0].text, "Alku");
        assert_eq!(s[1].section.fields[0].label, "Hankekoodi");
        assert_eq!(s[1].section.fields[0].line, 3);
        assert_eq!(s[2].sub_kinds, [SectionKind::PrimaryTargets]);
        let sub = &s[2].section.subsections[0];
        assert_eq!((sub.line, sub.end_line), (5, 6));
        // Prose sections keep "Label: value"-shaped lines as text.
        assert!(sub.fields.is_empty());
        assert_eq!(s[2].section.end_line, 6);
    }

    #[test]
    fn numbered_prose_stays_prose() {
        // "1 Hanke" is known; "2. kohta…" is not in 2014–2020 heading style (trailing dot)
        // and "9 Kolmas" is too far ahead; "1 Uudestaan" does not go forwards.
        let (_, s) = tree("1 Hanke\n2. kohta, joka on luettelossa\n9 Kolmas\n1 Uudestaan\n");
        assert_eq!(s.len(), 1);
        let p = &s[0].section.paragraphs;
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!((p[0].line, p[0].end_line), (2, 4));
    }

    #[test]
    fn a_blank_line_or_a_field_ends_a_paragraph() {
        let (_, s) = tree("1 Hanke\nyksi\nkaksi\n\nkolme\nTila: x\nneljä\n");
        let p: Vec<(&str, u32, u32)> = s[0]
            .section
            .paragraphs
            .iter()
            .map(|p| (p.text.as_str(), p.line, p.end_line))
            .collect();
        assert_eq!(p, [("yksi\nkaksi", 2, 3), ("kolme", 5, 5), ("neljä", 7, 7)]);
    }

    #[test]
    fn gender_section_reads_only_its_questions_as_fields() {
        let (_, s) = tree(
            "8 Horisontaaliset periaatteet\n8.1 Sukupuolten tasa-arvo\n\
             Sukupuolinäkökulma on huomioitu hankkeen toiminnassa: Kyllä\nHuom: tämä on tekstiä\n",
        );
        assert_eq!(s[0].sub_kinds, [SectionKind::Gender]);
        let g = &s[0].section.subsections[0];
        assert_eq!(g.fields.len(), 1);
        assert_eq!(g.paragraphs[0].text, "Huom: tämä on tekstiä");
    }
}
