//! A small, forgiving XML tokenizer for the list exports: the 2007–2013 XML list (known to
//! carry unescaped `&` in names, which a conforming parser refuses) and the parts of an
//! `.xlsx` workbook. Elements, attributes as raw text, character data and CDATA; comments,
//! processing instructions and doctypes are skipped. One pass, linear in the input.

use std::borrow::Cow;

/// One token of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// `<name attrs>` or, with `empty`, `<name attrs/>`.
    Start {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    /// `</name>`.
    End { name: &'a str },
    /// Character data, still escaped (see [`unescape`]), or a CDATA section's content.
    Text(&'a str),
}

/// The tokens of `s`, each with the byte offset where it starts.
pub(crate) struct Tokens<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
    pub(crate) fn new(s: &'a str) -> Tokens<'a> {
        Tokens { s, pos: 0 }
    }

    /// The tokens of `s` from byte offset `pos`, where an earlier pass stopped ([`Tokens::pos`]):
    /// a reader that keeps its text and an offset goes on where it left off.
    pub(crate) fn at(s: &'a str, pos: usize) -> Tokens<'a> {
        Tokens { s, pos }
    }

    /// Where the next token starts (offsets are of the whole text).
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Skips to just after `pat` (or to the end), from `from`.
    fn skip_past(&mut self, from: usize, pat: &str) {
        self.pos = self.s[from..]
            .find(pat)
            .map_or(self.s.len(), |i| from + i + pat.len());
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (usize, Token<'a>);

    fn next(&mut self) -> Option<(usize, Token<'a>)> {
        loop {
            let s = self.s;
            let start = self.pos;
            if start >= s.len() {
                return None;
            }
            let rest = &s[start..];
            if !rest.starts_with('<') {
                let end = rest.find('<').map_or(s.len(), |i| start + i);
                self.pos = end;
                return Some((start, Token::Text(&s[start..end])));
            }
            if rest.starts_with("<![CDATA[") {
                let body = start + 9;
                let end = s[body..].find("]]>").map_or(s.len(), |i| body + i);
                self.pos = (end + 3).min(s.len());
                return Some((start, Token::Text(&s[body..end])));
            }
            if rest.starts_with("<!--") {
                self.skip_past(start, "-->");
                continue;
            }
            if rest.starts_with("<?") {
                self.skip_past(start, "?>");
                continue;
            }
            if rest.starts_with("<!") {
                self.skip_past(start, ">");
                continue;
            }
            let close = rest.find('>').map_or(s.len(), |i| start + i);
            self.pos = (close + 1).min(s.len());
            let inner = &s[start + 1..close];
            if let Some(name) = inner.strip_prefix('/') {
                return Some((start, Token::End { name: name.trim() }));
            }
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(i) => (i, true),
                None => (inner, false),
            };
            let name_end = inner
                .find(|c: char| c.is_whitespace())
                .unwrap_or(inner.len());
            return Some((
                start,
                Token::Start {
                    name: &inner[..name_end],
                    attrs: &inner[name_end..],
                    empty,
                },
            ));
        }
    }
}

/// The value of attribute `name` in a start tag's raw attributes.
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
pub(crate) fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let value_end = after[1..].find(quote)? + 1;
        if key == name {
            return Some(&after[1..value_end]);
        }
        rest = &after[value_end + 1..];
    }
    None
}

/// Character data with its entities decoded. An `&` that starts no known entity is kept as
/// it is: the 2007–2013 XML list writes "Oy Ab & Co" unescaped.
pub(crate) fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let entity = rest[1..]
            .find(';')
            .filter(|&e| e <= 10)
            .and_then(|e| decode_entity(&rest[1..=e]).map(|c| (c, e + 2)));
        match entity {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// `true` when the start of a file looks like the 2007–2013 XML list: `<projekti>` elements
/// with a `<projektikoodi>`.
pub(crate) fn looks_like_project_list(head: &[u8]) -> bool {
    let has = |pat: &[u8]| head.windows(pat.len()).any(|w| w == pat);
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
        && (has(b"<projekti>") || has(b"<projekti "))
        && has(b"<projektikoodi")
}

/// Counts lines as a cursor moves forward through a text: each call counts only the bytes
/// since the last, so a whole pass is linear. It keeps no reference to the text, so a
/// reader that owns its text can keep one.
pub(crate) struct LineCounter {
    pos: usize,
    line: u32,
}

impl LineCounter {
    pub(crate) fn new() -> LineCounter {
        LineCounter { pos: 0, line: 1 }
    }

    /// The 1-based line of byte offset `pos` of `s` (never before the previous one asked,
    /// always the same text).
    pub(crate) fn line_at(&mut self, s: &str, pos: usize) -> u32 {
        let bytes = s.as_bytes();
        let pos = pos.min(bytes.len());
        if pos > self.pos {
            let n = bytes[self.pos..pos].iter().filter(|&&b| b == b'\n').count();
            self.line = self
                .line
                .saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
            self.pos = pos;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_entities() {
        let s = "<?xml version=\"1.0\"?><!-- x --><a r=\"A1\" t='s'><b/>Oy & Co &amp; &#228;<![CDATA[<c>]]></a>";
        let tokens: Vec<Token<'_>> = Tokens::new(s).map(|(_, t)| t).collect();
        assert_eq!(
            tokens,
            [
                Token::Start {
                    name: "a",
                    attrs: " r=\"A1\" t='s'",
                    empty: false
                },
                Token::Start {
                    name: "b",
                    attrs: "",
                    empty: true
                },
                Token::Text("Oy & Co &amp; &#228;"),
                Token::Text("<c>"),
                Token::End { name: "a" },
            ]
        );
        assert_eq!(
            unescape("Oy & Co &amp; &#228; &#xE4; &bogus"),
            "Oy & Co & ä ä &bogus"
        );
        assert_eq!(attr(" r=\"A1\" t='s'", "t"), Some("s"));
        assert_eq!(attr(" r=\"A1\" t='s'", "r"), Some("A1"));
        assert_eq!(attr(" r=\"A1\"", "s"), None);
    }
}
