//! A small HTML tokenizer that turns a saved project page into the text the same page gives
//! when saved as text: one line per block (`<h2>`, `<h3>`, `<p>`, table row), blank lines
//! around paragraphs, table header cells run together ("VälitönVälillinen") and data cells
//! separated by a space ("Natura 2000 -ohjelman kohteet 0 0").
//!
//! Written by hand (no dependency): it handles tags, attributes with quotes, comments,
//! `<script>`/`<style>`/`<head>` contents, character references and white-space folding,
//! which is all a saved page needs, and it costs little in the wasm bundle.

/// Whether decoded text is an HTML page rather than saved text.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start_matches('\u{FEFF}').trim_start();
    // Every HTML start below begins with '<'; saved text (nearly every file) stops here,
    // before its first kilobyte is copied and lower-cased.
    if !text.starts_with('<') {
        return false;
    }
    let mut end = text.len().min(1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || (head.starts_with('<')
            && (head.contains("<body") || head.contains("<h2") || head.contains("<p>")))
}

/// How a tag affects the lines of the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Break {
    /// Inline: no break.
    None,
    /// Ends the current line.
    Line,
    /// Ends the current line and leaves a blank line.
    Paragraph,
}

fn break_of(name: &str) -> Break {
    match name {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "ul" | "ol" | "dl"
        | "blockquote" | "pre" | "section" | "article" | "header" | "footer" | "main" | "nav"
        | "aside" | "form" | "address" | "figure" | "hr" | "body" => Break::Paragraph,
        "div" | "li" | "tr" | "dt" | "dd" | "caption" | "legend" | "fieldset" | "thead"
        | "tbody" | "tfoot" | "figcaption" | "center" => Break::Line,
        _ => Break::None,
    }
}

/// Elements whose content is not page text.
fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "head" | "template" | "noscript" | "title" | "svg" | "object"
    )
}

struct Writer {
    out: String,
    /// The current line has text (so a space or a cell separator may follow).
    line_has_text: bool,
    /// A space is pending: white space was seen after text on this line.
    pending_space: bool,
    /// Number of line breaks at the end of `out`.
    trailing_breaks: u8,
    /// `out` holds something other than line breaks. Kept as a flag because asking `out`
    /// on every block tag made a page of many `<br>`s followed by many `<div>`s quadratic
    /// (160,000 of each: 30–50 s).
    has_text: bool,
}

impl Writer {
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{A0}' && c != '\u{202F}' {
                if self.line_has_text {
                    self.pending_space = true;
                }
                continue;
            }
            if self.pending_space {
                self.out.push(' ');
                self.pending_space = false;
            }
            self.out.push(c);
            self.line_has_text = true;
            self.has_text = true;
            self.trailing_breaks = 0;
        }
    }

    fn brk(&mut self, b: Break) {
        let want = match b {
            Break::None => return,
            Break::Line => 1,
            Break::Paragraph => 2,
        };
        // Before any text, only explicit `<br>`s make lines (see `line_break`).
        if !self.has_text {
            return;
        }
        while self.trailing_breaks < want {
            self.out.push('\n');
            self.trailing_breaks += 1;
        }
        self.line_has_text = false;
        self.pending_space = false;
    }

    /// `<br>`: ends a line with text, and on an empty line makes a blank one, as a browser
    /// renders `<p>A</p><br><p>B</p>` with an empty line between.
    fn line_break(&mut self) {
        if self.line_has_text {
            self.brk(Break::Line);
        } else {
            self.out.push('\n');
            self.trailing_breaks = self.trailing_breaks.saturating_add(1);
        }
    }

    /// A table data cell starts: separate it from the previous cell by one space.
    fn cell(&mut self) {
        if self.line_has_text {
            self.pending_space = true;
        }
    }
}

/// Extracts the page's text as lines (see the module docs).
pub(crate) fn to_text(html: &str) -> String {
    let mut w = Writer {
        out: String::with_capacity(html.len() / 2),
        line_has_text: false,
        pending_space: false,
        trailing_breaks: 0,
        has_text: false,
    };
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut hidden: Option<String> = None;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let end = html[i..].find('<').map_or(html.len(), |k| i + k);
            if hidden.is_none() {
                w.text(&decode_entities(&html[i..end]));
            }
            i = end;
            continue;
        }
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |k| k + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i += rest.find('>').map_or(rest.len(), |k| k + 1);
            continue;
        }
        let Some((name, closing, len)) = tag(rest) else {
            // A lone "<" is text.
            if hidden.is_none() {
                w.text("<");
            }
            i += 1;
            continue;
        };
        i += len;
        if let Some(h) = &hidden {
            if closing && *h == name {
                hidden = None;
            }
            continue;
        }
        if !closing && is_hidden(&name) {
            hidden = Some(name);
            continue;
        }
        match name.as_str() {
            "td" if !closing => w.cell(),
            "br" => w.line_break(),
            _ => w.brk(break_of(&name)),
        }
    }
    let mut text = w.out;
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    text.push('\n');
    text
}

/// Reads a tag at the start of `s` ("<p class=x>", "</h2>", "<br/>"): its lowercased name,
/// whether it closes, and its length in bytes. Quoted attribute values may contain `>`.
fn tag(s: &str) -> Option<(String, bool, usize)> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    if i == name_start || !b[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut quote: Option<u8> = None;
    while i < b.len() {
        match (quote, b[i]) {
            (None, b'"' | b'\'') => quote = Some(b[i]),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return Some((name, closing, i + 1)),
            _ => {}
        }
        i += 1;
    }
    Some((name, closing, b.len()))
}

/// Replaces character references (`&amp;`, `&auml;`, `&#228;`, `&#xE4;`) with characters.
/// Unknown references stay as written. A soft hyphen (`&shy;`) disappears.
fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |k| k + 1);
        let name = &rest[1..end];
        let has_semi = rest[end..].starts_with(';');
        match entity(name) {
            Some(c) => {
                if c != '\u{AD}' {
                    out.push(c);
                }
                rest = &rest[end + usize::from(has_semi)..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "shy" => '\u{AD}',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "aring" => 'å',
        "Aring" => 'Å',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "aacute" => 'á',
        "scaron" => 'š',
        "Scaron" => 'Š',
        "zcaron" => 'ž',
        "Zcaron" => 'Ž',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "euro" => '€',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "deg" => '°',
        "bull" => '•',
        "middot" => '·',
        "times" => '×',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_pages() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("\u{FEFF}  <html lang=fi>"));
        assert!(!looks_like_html("Euroopan unioni Vipuvoimaa EU:lta"));
        assert!(!looks_like_html("<3 this project"));
    }

    #[test]
    fn blocks_cells_and_entities() {
        let html = "<html><head><title>X</title><style>p{}</style></head><body>\
            <h2>1 Hanke</h2><p>Hankekoodi: S1</p><p>Nimi:  A &amp; B&nbsp;Oy</p>\
            <!-- note --><script>var x = '<p>';</script>\
            <table><tr><th></th><th>Välitön</th><th>Välillinen</th></tr>\
            <tr><th colspan=\"3\">Ekologinen kestävyys</th></tr>\
            <tr><td>Natura 2000 -ohjelman kohteet</td><td>0</td><td>1</td></tr>\
            <tr><td colspan='3'>Selitys &auml;&#228;&#xE4; rivi<br>toinen</td></tr></table>\
            <p>a &unknown; b</p></body></html>";
        assert_eq!(
            to_text(html),
            "1 Hanke\n\nHankekoodi: S1\n\nNimi: A & B\u{A0}Oy\n\nVälitönVälillinen\n\
             Ekologinen kestävyys\nNatura 2000 -ohjelman kohteet 0 1\nSelitys äää rivi\ntoinen\n\n\
             a &unknown; b\n"
        );
    }

    #[test]
    fn attributes_with_angle_brackets_and_broken_tags() {
        assert_eq!(to_text("<p title=\"a>b\">x</p>"), "x\n");
        assert_eq!(to_text("<p>1 < 2</p><p>end"), "1 < 2\n\nend\n");
        assert_eq!(to_text("<p>unterminated <b"), "unterminated\n");
    }
}
