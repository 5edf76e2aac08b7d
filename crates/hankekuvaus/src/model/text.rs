//! [`Text`]: prose that shares its bytes. A section's paragraphs are ranges of one string
//! made for the section, and the typed prose that repeats them (a summary is its section's
//! paragraphs joined by a blank line) is a range of the same string, not a copy: the
//! documents of 8,000 descriptions kept 50 MB of such copies in the page's wasm memory,
//! 0.64× the input (BENCHMARKS.md, "seventh round").

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::{Document, Field, Section};
use std::borrow::Cow;

/// An immutable text: a range of a shared string. It reads, compares, hashes and
/// serializes as the `str` it spells (a JSON string in the contract), wherever its bytes
/// live; cloning it copies a pointer.
///
/// The string is behind a thin pointer (`Arc<String>`, not `Arc<str>`): a `Text` is then
/// 12 bytes in wasm32, as a `String` is, where a fat pointer made it 16 (over 8,000
/// descriptions, 600,000 texts).
#[derive(Clone)]
pub struct Text {
    whole: Arc<String>,
    start: usize,
    end: usize,
}

impl Text {
    /// The text as a `str`.
    pub fn as_str(&self) -> &str {
        // `start..end` is a range of `whole` on character boundaries (every constructor
        // checks it), so the slice cannot fail.
        &self.whole[self.start..self.end]
    }

    /// Whether `self` and `other` are the same range of the same string.
    pub(crate) fn is(&self, other: &Text) -> bool {
        self.shares_bytes_with(other) && (self.start, self.end) == (other.start, other.end)
    }

    /// Whether `self` and `other` are ranges of one string (for tests of what is shared).
    pub fn shares_bytes_with(&self, other: &Text) -> bool {
        Arc::ptr_eq(&self.whole, &other.whole)
    }

    /// Ranges of `whole`; `None` if a range is out of bounds or off a character boundary.
    pub(crate) fn ranges(
        whole: String,
        ranges: impl Iterator<Item = Range<usize>> + Clone,
    ) -> Option<Vec<Text>> {
        let ok = ranges.clone().all(|r| {
            r.start <= r.end && whole.is_char_boundary(r.start) && whole.is_char_boundary(r.end)
        });
        if !ok {
            return None;
        }
        // No string for no ranges (most sections of fields have no paragraph).
        if ranges.clone().next().is_none() {
            return Some(Vec::new());
        }
        let whole = Arc::new(whole);
        Some(
            ranges
                .map(|r| Text {
                    whole: whole.clone(),
                    start: r.start,
                    end: r.end,
                })
                .collect(),
        )
    }

    /// `parts` joined by `separator`: a range of their string when they are consecutive
    /// ranges of one string with exactly `separator` between them, else a new string.
    pub(crate) fn joined<'a>(
        parts: impl Iterator<Item = &'a Text> + Clone,
        separator: &str,
    ) -> Text {
        if let Some(range) = Text::spanned(parts.clone(), separator) {
            return range;
        }
        let mut text = String::new();
        for (i, part) in parts.enumerate() {
            if i > 0 {
                text.push_str(separator);
            }
            text.push_str(part);
        }
        Text::from(text)
    }

    /// The range from the first part's start to the last one's end, if the parts are
    /// consecutive ranges of one string separated by exactly `separator`.
    fn spanned<'a>(mut parts: impl Iterator<Item = &'a Text>, separator: &str) -> Option<Text> {
        let first = parts.next()?;
        let mut end = first.end;
        for part in parts {
            let between = first.whole.get(end..part.start)?;
            if !first.shares_bytes_with(part) || between != separator {
                return None;
            }
            end = part.end;
        }
        Some(Text {
            whole: first.whole.clone(),
            start: first.start,
            end,
        })
    }

    /// The part of `self` that `sub` is, if `sub` is a slice of `self`'s bytes (as a line
    /// of a paragraph is), sharing them.
    pub(crate) fn slice_of(&self, sub: &str) -> Option<Text> {
        let base = self.as_str().as_ptr() as usize;
        let at = (sub.as_ptr() as usize).checked_sub(base)?;
        if at + sub.len() > self.len() {
            return None;
        }
        Some(Text {
            whole: self.whole.clone(),
            start: self.start + at,
            end: self.start + at + sub.len(),
        })
    }

    /// `self` extended to the end of `next`, if `next` follows it in the same string with
    /// exactly `separator` between them.
    pub(crate) fn extended(&self, separator: &str, next: &Text) -> Option<Text> {
        Text::spanned([self, next].into_iter(), separator)
    }
}

/// Makes the texts of `doc` share their bytes as a parsed document's do, for documents read
/// another way (JSON, the worker's transfer), where every text is a string of its own: each
/// section's paragraphs become ranges of one string and its field values of another, and
/// the typed texts that spell them ranges of the same ([`share_typed`]). The texts read the
/// same before and after.
pub(crate) fn share_prose(doc: &mut Document) {
    fn each(sections: &mut [Section]) {
        for s in sections {
            if let Some(texts) = one_string(s.paragraphs.iter().map(|p| &*p.text), "\n\n") {
                for (p, text) in s.paragraphs.iter_mut().zip(texts) {
                    p.text = text;
                }
            }
            if let Some(texts) = one_string(s.fields.iter().map(|f| &*f.value), "") {
                for (f, text) in s.fields.iter_mut().zip(texts) {
                    f.value = text;
                }
            }
            each(&mut s.subsections);
        }
    }
    each(&mut doc.sections);
    share_typed(doc);
}

/// `parts` written one after another with `separator` between them into one string, as
/// ranges of it; `None` for no parts.
fn one_string<'a>(
    parts: impl Iterator<Item = &'a str> + Clone,
    separator: &str,
) -> Option<Vec<Text>> {
    let mut whole = String::with_capacity(parts.clone().map(|p| p.len() + separator.len()).sum());
    let mut ranges = Vec::new();
    for (i, p) in parts.enumerate() {
        if i > 0 {
            whole.push_str(separator);
        }
        ranges.push(whole.len()..whole.len() + p.len());
        whole.push_str(p);
    }
    if ranges.is_empty() {
        return None;
    }
    Text::ranges(whole, ranges.into_iter())
}

/// Fields of one line (a list row's cells), their values ranges of one string.
pub(crate) fn fields_sharing_values(
    cells: Vec<(Cow<'static, str>, String)>,
    line: u32,
) -> Vec<Field> {
    let values = one_string(cells.iter().map(|(_, v)| v.as_str()), "").unwrap_or_default();
    cells
        .into_iter()
        .zip(values)
        .map(|((label, _), value)| Field { label, value, line })
        .collect()
}

/// Makes the typed texts of `doc` (the summary and target groups, and the project's,
/// applicant's and site's texts) that spell a section's paragraphs joined by a blank line,
/// or a field's value, ranges of that string rather than strings of their own.
pub(crate) fn share_typed(doc: &mut Document) {
    let Document {
        sections,
        summary,
        final_report_summary,
        target_groups,
        project: p,
        applicant: a,
        area,
        ..
    } = doc;
    let mut sources: Vec<Text> = Vec::new();
    fn gather(sections: &[Section], out: &mut Vec<Text>) {
        for s in sections {
            if !s.paragraphs.is_empty() {
                out.push(Text::joined(s.paragraphs.iter().map(|p| &p.text), "\n\n"));
            }
            out.extend(s.fields.iter().map(|f| f.value.clone()));
            gather(&s.subsections, out);
        }
    }
    gather(sections, &mut sources);
    let c = &mut a.contact;
    let mut typed: Vec<&mut Option<Text>> = vec![
        summary,
        final_report_summary,
        &mut target_groups.primary,
        &mut target_groups.indirect,
        &mut p.code,
        &mut p.name,
        &mut p.status_text,
        &mut p.responsible_authority,
        &mut p.programme,
        &mut p.group_code,
        &mut p.card_url,
        &mut p.home_page,
        &mut a.name,
        &mut a.organisation_type,
        &mut a.business_id,
        &mut a.street_address,
        &mut a.postal_code,
        &mut a.city,
        &mut a.phone,
        &mut a.website,
        &mut c.name,
        &mut c.position,
        &mut c.email,
        &mut c.phone,
        &mut area.site.street_address,
        &mut area.site.postal_code,
        &mut area.site.city,
    ];
    for t in typed.iter_mut() {
        let Some(text) = t.as_ref() else { continue };
        // Already one of them (as parsed, or sent as a span): not compared, which for a
        // summary of a large file is tens of megabytes.
        if sources.iter().any(|s| s.is(text)) {
            continue;
        }
        if let Some(source) = sources
            .iter()
            .find(|s| s.len() == text.len() && **s == *text)
        {
            **t = Some(source.clone());
        }
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::from(String::new())
    }
}

impl From<String> for Text {
    /// The string itself, not a copy.
    fn from(text: String) -> Text {
        let end = text.len();
        Text {
            whole: Arc::new(text),
            start: 0,
            end,
        }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::from(text.to_owned())
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.as_str().to_owned()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        String::deserialize(deserializer).map(Text::from)
    }
}

#[cfg(test)]
mod tests {
    use super::Text;

    fn paragraphs(whole: &str, ranges: &[std::ops::Range<usize>]) -> Vec<Text> {
        Text::ranges(whole.to_owned(), ranges.iter().cloned()).unwrap()
    }

    #[test]
    fn consecutive_ranges_join_without_a_copy() {
        let p = paragraphs("eka\n\ntoka\n\nkolmas", &[0..3, 5..9, 11..17]);
        let all = Text::joined(p.iter(), "\n\n");
        assert_eq!(all, "eka\n\ntoka\n\nkolmas");
        assert!(all.shares_bytes_with(&p[0]));
        // Another separator, or a gap, is a new string of the same text.
        let lines = Text::joined(p.iter(), "\n");
        assert_eq!(lines, "eka\ntoka\nkolmas");
        assert!(!lines.shares_bytes_with(&p[0]));
        let gap = Text::joined([&p[0], &p[2]].into_iter(), "\n\n");
        assert_eq!(gap, "eka\n\nkolmas");
        assert!(!gap.shares_bytes_with(&p[0]));
        // Texts of other strings are copied too.
        let other = Text::from("eka");
        let mixed = Text::joined([&other, &p[1]].into_iter(), "\n\n");
        assert_eq!(mixed, "eka\n\ntoka");
        assert!(!mixed.shares_bytes_with(&p[0]));
        assert_eq!(Text::joined(std::iter::empty(), "\n\n"), "");
    }

    #[test]
    fn slices_and_extensions_share() {
        let p = paragraphs("ä rivi\nkaksi\n\nx", &[0..13, 15..16]);
        let line = p[0].split('\n').nth(1).unwrap();
        let sub = p[0].slice_of(line).unwrap();
        assert_eq!(sub, "kaksi");
        assert!(sub.shares_bytes_with(&p[0]));
        assert!(p[0].slice_of("kaksi").is_none());
        let first = p[0].slice_of(p[0].split('\n').next().unwrap()).unwrap();
        assert_eq!(first.extended("\n", &sub).unwrap(), "ä rivi\nkaksi");
        assert!(sub.extended("\n", &first).is_none());
        assert!(Text::ranges("ä".to_owned(), std::iter::once(0..1)).is_none());
    }

    #[test]
    fn reads_and_writes_as_a_string() {
        let p = paragraphs("xx \"lainaus\" yy", &[3..12, 13..15]);
        assert_eq!(serde_json::to_string(&p[0]).unwrap(), r#""\"lainaus\"""#);
        let back: Text = serde_json::from_str(r#""\"lainaus\"""#).unwrap();
        assert_eq!(back, p[0]);
        assert_eq!(format!("{:?} {}", p[0], p[0]), r#""\"lainaus\"" "lainaus""#);
    }
}
