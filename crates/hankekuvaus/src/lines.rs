//! Splitting text into numbered lines and recognising the shapes of single lines:
//! section headings and `Label: value` fields.

use std::borrow::Cow;

use crate::{codes::Code, swar, FingerprintAlong, NotADescription};

mod find;
mod normalize;

pub(crate) use find::{contains, split_lf};
pub(crate) use normalize::{normalize, normalized_starts_with, with_normalized};

/// One input line: its 1-based number and its text, trimmed, with tabs turned into spaces
/// except where a tab separates a label from its value (see [`split_field`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    pub no: u32,
    pub text: Cow<'a, str>,
    /// Whether `text` holds a tab. Most lines hold none, and knowing it spares a search
    /// for one in [`Line::field`] and [`Line::display`].
    pub tab: bool,
}

impl Line<'_> {
    /// [`split_field`] of the line's text.
    pub(crate) fn field(&self) -> Option<(&str, &str)> {
        split_field(&self.text, self.tab)
    }

    /// [`display`] of a part of the line's text (all of it, or a label or value of it).
    pub(crate) fn display<'t>(&self, part: &'t str) -> Cow<'t, str> {
        if self.tab {
            display(part)
        } else {
            Cow::Borrowed(part)
        }
    }
}

/// Splits on CRLF, CR or LF. Blank lines are kept (they end paragraphs) as empty text.
/// Refuses a line longer than `max_line_bytes`. Takes a step of `fingerprint` for every
/// word it scans.
pub(crate) fn split<'t>(
    text: &'t str,
    max_line_bytes: usize,
    fingerprint: &mut FingerprintAlong<'_>,
) -> Result<Vec<Line<'t>>, NotADescription> {
    let mut lines = Vec::with_capacity(text.len() / 40 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut no: u32 = 1;
    loop {
        let (end, suspect) = scan_line(bytes, start, fingerprint);
        let raw = &text[start..end];
        if raw.len() > max_line_bytes {
            return Err(NotADescription {
                code: Code::LineTooLong.as_str().to_owned(),
                message: format!(
                    "Line {no} is {} KB long; the limit is {} KB. This does not look like a project description.",
                    raw.len() / 1024,
                    max_line_bytes / 1024
                ),
            });
        }
        let text = if suspect {
            clean(raw)
        } else {
            Cow::Borrowed(trim(raw))
        };
        let tab = matches!(text, Cow::Owned(_)) && text.contains('\t');
        lines.push(Line { no, text, tab });
        if end == bytes.len() {
            break;
        }
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
        no = no.saturating_add(1);
    }
    // A final line end does not start another line.
    if text.ends_with(['\n', '\r']) {
        lines.pop();
    }
    Ok(lines)
}

/// Trims a line and folds its inner white space the way a browser renders it: runs of
/// spaces and no-break spaces (U+00A0, U+202F: thousands separators) become one space, so a
/// page saved as text and as HTML read the same. Tabs (text copied from a browser) are kept
/// as one tab where they separate a label from its value ("Hankekoodi\tS21498"), and become
/// a space after a colon ("Label:\tvalue").
fn clean(raw: &str) -> Cow<'_, str> {
    let trimmed = trim(raw);
    if !needs_folding(trimmed.as_bytes()) {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut chars = trimmed.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\t' {
            while chars.peek().is_some_and(|&n| n.is_whitespace()) {
                chars.next();
            }
            if out.ends_with(':') {
                out.push(' ');
            } else if !out.ends_with(' ') {
                out.push('\t');
            }
        } else if c.is_whitespace() {
            if chars.peek() == Some(&'\t') {
                continue;
            }
            if !out.ends_with([' ', '\t']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A line without the white space and byte-order marks around it.
fn trim(raw: &str) -> &str {
    // Most lines begin and end with a visible ASCII character: nothing to trim.
    let visible = |b: Option<&u8>| b.is_some_and(|b| (b'!'..=b'~').contains(b));
    if visible(raw.as_bytes().first()) && visible(raw.as_bytes().last()) {
        return raw;
    }
    raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
}

/// The lines of `text` as the parser numbers them: split on CRLF, CR or LF, untrimmed; a
/// final line end does not start another line. The n-th item is line n of every line
/// number the core reports, so a viewer that shows the text with these lines lands on the
/// right line for every line end the core reads.
///
/// ```
/// let lines: Vec<&str> = hankekuvaus::source_lines("a\rb\r\nc\n\nd\r").collect();
/// assert_eq!(lines, ["a", "b", "c", "", "d"]);
/// ```
pub fn source_lines(text: &str) -> SourceLines<'_> {
    SourceLines { text, start: 0 }
}

/// The iterator of [`source_lines`].
#[derive(Debug, Clone)]
pub struct SourceLines<'a> {
    text: &'a str,
    start: usize,
}

impl<'a> Iterator for SourceLines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        if self.start >= bytes.len() {
            return None;
        }
        let end = line_end(bytes, self.start);
        let line = &self.text[self.start..end];
        self.start = if bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
        Some(line)
    }
}

/// The index of the first CR or LF at or after `from`, or the end of `bytes`.
fn line_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(w) = swar::load(bytes, i) {
        let hits = swar::eq(w, b'\n') | swar::eq(w, b'\r');
        if hits != 0 {
            return i + swar::first(hits);
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |k| i + k)
}

/// The end of the line starting at `from` (as [`line_end`]), and whether [`clean`] might
/// change the line: false only if [`needs_folding`] would be false for every part of it,
/// the trimmed line included. One pass for both, eight bytes at a time: the test for
/// folded bytes catches line ends too (bytes below 0x20), so only the rare word that
/// holds one of those bytes is looked at further.
fn scan_line(bytes: &[u8], from: usize, fingerprint: &mut FingerprintAlong<'_>) -> (usize, bool) {
    let mut i = from;
    let mut suspect = false;
    while let Some(w) = swar::load(bytes, i) {
        fingerprint.step();
        if folding_suspects(w) != 0 {
            let ends = swar::eq(w, b'\n') | swar::eq(w, b'\r');
            let end = if ends == 0 {
                i + 8
            } else {
                i + swar::first(ends)
            };
            // `folds_at` may look past `end`, at the line end: never a reason to fold.
            suspect = suspect || (i..end).any(|k| folds_at(bytes, k));
            if ends != 0 {
                return (end, suspect);
            }
        }
        i += 8;
    }
    let end = bytes[i..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |k| i + k);
    (end, suspect || (i..end).any(|k| folds_at(bytes, k)))
}

/// A fast byte scan for what [`clean`] changes: tabs and other ASCII white space but the
/// space, double spaces, and non-ASCII white space (U+0085, U+00A0, U+1680, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000), recognised by their UTF-8 bytes. Eight bytes
/// are tested at a time; only a word holding a byte that might start one of those is looked
/// at byte by byte ([`folds_at`]), and most words of prose hold none.
fn needs_folding(b: &[u8]) -> bool {
    let mut i = 0;
    while let Some(w) = swar::load(b, i) {
        if folding_suspects(w) != 0 && (i..i + 8).any(|k| folds_at(b, k)) {
            return true;
        }
        i += 8;
    }
    (i..b.len()).any(|k| folds_at(b, k))
}

/// The bytes of a word that might start what [`clean`] changes (see [`needs_folding`]).
#[inline]
fn folding_suspects(w: u64) -> u64 {
    const LAST: u64 = 0x80 << 56;
    let space = swar::eq(w, b' ');
    swar::below(w, 0x20)
        | swar::eq(w, 0xC2)
        | swar::in_e0_to_e3(w)
        // A space before a space, and a last space whose successor is the next word's.
        | (space & (space >> 8))
        | (space & LAST)
}

/// Whether [`clean`] changes something starting at byte `i` of `b`. Printable ASCII, the
/// bulk of any line, takes the first arm.
fn folds_at(b: &[u8], i: usize) -> bool {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    match at(i) {
        b'!'..=0x7F => false,
        b' ' => at(i + 1) == b' ',
        b'\t' | 0x0B | 0x0C => true,
        0xC2 => matches!(at(i + 1), 0x85 | 0xA0),
        0xE1 => at(i + 1) == 0x9A && at(i + 2) == 0x80,
        0xE2 => match at(i + 1) {
            0x80 => matches!(at(i + 2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            0x81 => at(i + 2) == 0x9F,
            _ => false,
        },
        0xE3 => at(i + 1) == 0x80 && at(i + 2) == 0x80,
        _ => false,
    }
}

/// Text of a line as it goes into paragraphs: remaining tabs become spaces.
pub(crate) fn display(text: &str) -> Cow<'_, str> {
    if text.contains('\t') {
        Cow::Owned(text.replace('\t', " "))
    } else {
        Cow::Borrowed(text)
    }
}

/// A possible section heading: "4.1 Varsinaiset kohderyhmät", "1. Projekti".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading<'a> {
    /// The number's parts: [4, 1].
    pub parts: Parts,
    /// Whether the number ended in a dot ("1." or "3.1.").
    pub trailing_dot: bool,
    pub title: &'a str,
}

/// A section number's parts, one to three of 1–99, kept without an allocation (every
/// line that starts with a digit is read as a possible heading). Derefs to the slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parts {
    parts: [u32; 3],
    len: usize,
}

impl Parts {
    /// The parts as a slice.
    pub fn as_slice(&self) -> &[u32] {
        &self.parts[..self.len]
    }
}

impl std::ops::Deref for Parts {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        self.as_slice()
    }
}

/// Reads a heading-shaped line: a number of at most three levels, then a title that starts
/// with a capital letter and is short enough to be a heading.
pub(crate) fn heading(text: &str) -> Option<Heading<'_>> {
    let first = text.as_bytes().first()?;
    if !first.is_ascii_digit() {
        return None;
    }
    let end = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map(|(i, _)| i)?;
    let (num, rest) = text.split_at(end);
    if !rest.starts_with([' ', '\t', '\u{A0}']) {
        return None;
    }
    let trailing_dot = num.ends_with('.');
    let mut parts = Parts {
        parts: [0; 3],
        len: 0,
    };
    for p in num.trim_end_matches('.').split('.') {
        // One or two digits (`num` holds only digits and dots), not zero, three at most.
        if p.is_empty() || p.len() > 2 || parts.len == 3 {
            return None;
        }
        let value: u32 = p.parse().ok()?;
        if value == 0 {
            return None;
        }
        parts.parts[parts.len] = value;
        parts.len += 1;
    }
    let title = rest.trim_start_matches([' ', '\t', '\u{A0}']).trim_end();
    let starts_upper = title.chars().next().is_some_and(char::is_uppercase);
    if !starts_upper || !chars_at_most(title, 160) {
        return None;
    }
    Some(Heading {
        parts,
        trailing_dot,
        title,
    })
}

/// Splits a `Label: value` line (or `Label<TAB>value`). The label is short, starts with a
/// capital letter and holds no sentence end; a colon counts only when followed by a space
/// or the line's end (so "http://" and "12:30" do not split).
/// `tab` says whether `text` may hold a tab (see [`Line::tab`]); without one, the
/// search for a tab is left out.
pub(crate) fn split_field(text: &str, tab: bool) -> Option<(&str, &str)> {
    let (label, value) = match colon_split(text) {
        Some(pair) => pair,
        None if tab => {
            let (l, v) = text.split_once('\t')?;
            (l.trim_end(), v.trim())
        }
        None => return None,
    };
    label_like(label).then_some((label, value))
}

fn colon_split(text: &str) -> Option<(&str, &str)> {
    let mut search = 0;
    while let Some(pos) = memchr::memchr(b':', &text.as_bytes()[search..]) {
        let at = search + pos;
        let after = &text[at + 1..];
        if after.is_empty() || after.starts_with([' ', '\t', '\u{A0}']) {
            return Some((text[..at].trim_end(), after.trim()));
        }
        search = at + 1;
    }
    None
}

/// Whether `s` has at most `n` characters, counted only when its bytes are more: every
/// line with a colon asks this of its label.
pub(crate) fn chars_at_most(s: &str, n: usize) -> bool {
    s.len() <= n || s.chars().count() <= n
}

fn label_like(label: &str) -> bool {
    // Cheapest first: most lines that reach here are prose with a colon somewhere.
    label.chars().next().is_some_and(char::is_uppercase)
        && !label.ends_with(['.', ','])
        && chars_at_most(label, 120)
        // No sentence end inside, and no tab: one byte pass (rather than a substring search
        // per pattern, whose set-up costs more than these short labels).
        && !label
            .as_bytes()
            .windows(2)
            .any(|w| matches!(w, [b'.' | b'?' | b'!', b' ']) || w[0] == b'\t')
        && !label.ends_with('\t')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::labels::section_number;

    fn texts(s: &str) -> Vec<(u32, String)> {
        split(s, 1 << 20, &mut FingerprintAlong::new(b""))
            .unwrap()
            .into_iter()
            .map(|l| (l.no, l.text.into_owned()))
            .collect()
    }

    #[test]
    fn line_ends() {
        let expected = vec![(1, "a".to_owned()), (2, String::new()), (3, "b".to_owned())];
        assert_eq!(texts("a\n\nb\n"), expected);
        assert_eq!(texts("a\r\n\r\nb\r\n"), expected);
        assert_eq!(texts("a\r\rb\r"), expected);
        assert_eq!(texts("a\n\nb"), expected);
        assert_eq!(texts("  a  \n\t\nb \u{A0}"), expected);
    }

    #[test]
    fn source_lines_number_lines_as_split_does() {
        // Every mix of line ends, at every length up to 9 characters over "a", CR and LF.
        let alphabet = ['a', '\r', '\n'];
        for len in 1..=9u32 {
            for k in 0..3usize.pow(len) {
                let text: String = (0..len).map(|i| alphabet[k / 3usize.pow(i) % 3]).collect();
                let from_split: Vec<String> =
                    split(&text, usize::MAX, &mut FingerprintAlong::new(b""))
                        .unwrap()
                        .into_iter()
                        .map(|l| l.text.into_owned())
                        .collect();
                let shown: Vec<&str> = source_lines(&text).collect();
                assert_eq!(shown.len(), from_split.len(), "{text:?}");
                for (raw, cleaned) in shown.iter().zip(&from_split) {
                    assert_eq!(raw.trim(), cleaned, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn long_lines_are_refused() {
        let err = split(&"x".repeat(2000), 1000, &mut FingerprintAlong::new(b"")).unwrap_err();
        assert_eq!(err.code, Code::LineTooLong);
        assert!(err.message.contains("Line 1"));
    }

    /// The word-at-a-time scans give what a byte-by-byte scan gives, wherever in a line (and
    /// across word boundaries) a line end or a folded white space falls.
    #[test]
    fn word_scans_agree_with_byte_scans() {
        let pieces: [&[u8]; 14] = [
            b"\n",
            b"\r",
            b"\t",
            b"  ",
            b" ",
            b"\x0B",
            b"\x0C",
            "\u{85}".as_bytes(),
            "\u{A0}".as_bytes(),
            "\u{1680}".as_bytes(),
            "\u{2009}".as_bytes(),
            "\u{202F}".as_bytes(),
            "\u{3000}".as_bytes(),
            "ä–”".as_bytes(),
        ];
        for piece in pieces {
            for before in 0..20 {
                for after in [0, 1, 7, 8, 9] {
                    let mut line = vec![b'a'; before];
                    line.extend_from_slice(piece);
                    line.extend(std::iter::repeat_n(b'b', after));
                    let bytewise = (0..line.len()).any(|k| folds_at(&line, k));
                    assert_eq!(needs_folding(&line), bytewise, "{line:?}");
                    for from in 0..=line.len() {
                        let expected = line[from..]
                            .iter()
                            .position(|&b| b == b'\n' || b == b'\r')
                            .map_or(line.len(), |k| from + k);
                        assert_eq!(line_end(&line, from), expected, "{line:?} from {from}");
                        let (end, suspect) =
                            scan_line(&line, from, &mut FingerprintAlong::new(b""));
                        assert_eq!(end, expected, "{line:?} from {from}");
                        let folds = needs_folding(&line[from..end]);
                        assert!(suspect || !folds, "{line:?} from {from}");
                    }
                }
            }
        }
    }

    #[test]
    fn folding_scan_agrees_with_char_classes() {
        for c in [
            '\t', '\u{B}', '\u{C}', '\u{85}', '\u{A0}', '\u{1680}', '\u{2000}', '\u{200A}',
            '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}',
        ] {
            assert!(c.is_whitespace(), "{c:?}");
            assert!(needs_folding(format!("a{c}b").as_bytes()), "{c:?}");
        }
        for s in ["a b", "Etelä-Savo – 48 724 €", "”quoted”", "ä ö å"] {
            assert!(!needs_folding(s.as_bytes()), "{s:?}");
        }
        assert!(needs_folding(b"a  b"));
    }

    #[test]
    fn tabs_from_browser_copies() {
        assert_eq!(texts("Hankekoodi:\tS21498")[0].1, "Hankekoodi: S21498");
        let t = &texts("Hankekoodi\t\tS21498")[0].1;
        assert_eq!(split_field(t, true), Some(("Hankekoodi", "S21498")));
        assert_eq!(display("Natura\t0\t0"), "Natura 0 0");
    }

    #[test]
    fn headings() {
        let h = heading("4.1 Varsinaiset kohderyhmät").unwrap();
        assert_eq!(
            (h.parts.to_vec(), h.trailing_dot, h.title),
            (vec![4, 1], false, "Varsinaiset kohderyhmät")
        );
        assert_eq!(section_number(&h.parts), "4.1");
        let h = heading("1. Projekti").unwrap();
        assert!(h.trailing_dot);
        assert_eq!(section_number(&h.parts), "1");
        assert_eq!(
            section_number(&heading("12.05.3 Otsikko").unwrap().parts),
            "12.5.3"
        );
        assert!(heading("1.2.3.4 Otsikko").is_none());
        assert!(heading("1..2 Otsikko").is_none());
        assert!(heading("1.0 Otsikko").is_none());
        assert!(heading("1. ja 2. kyselyssä").is_none(), "lowercase title");
        assert!(heading("2020 ").is_none());
        assert!(heading("48 724").is_none());
        assert!(heading("Hanke").is_none());
        assert!(
            heading("7.1.2019 Alkoi").is_none(),
            "a date is not a number of 2-digit parts"
        );
    }

    #[test]
    fn fields() {
        assert_eq!(
            split_field("Hankekoodi: S21498", true),
            Some(("Hankekoodi", "S21498"))
        );
        assert_eq!(
            split_field("Jakeluosoite:", true),
            Some(("Jakeluosoite", ""))
        );
        assert_eq!(
            split_field("WWW-osoite: http://www.turku.fi", true),
            Some(("WWW-osoite", "http://www.turku.fi"))
        );
        assert_eq!(split_field("Klo 12:30 alkaen", true), None);
        assert_eq!(split_field("Tämä on lause. Ja toinen: arvo", true), None);
        assert_eq!(split_field("pieni: arvo", true), None);
        assert_eq!(split_field("Ei kaksoispistettä", true), None);
    }
}
