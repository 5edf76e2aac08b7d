//! Normalised text (lowercase, white space folded), for comparing labels and titles.

use std::cell::RefCell;

/// Lowercases and folds inner white space, for comparing labels and titles.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Whether [`normalize`]`(s)` starts with `prefix`, normalising no more of `s` than the
/// comparison needs (a question's label runs on for a whole sentence).
pub(crate) fn normalized_starts_with(s: &str, prefix: &str) -> bool {
    let mut want = prefix.chars();
    // As in `normalize`: a space only between words, once the next word begins.
    let mut space = false;
    for c in s.chars() {
        if want.as_str().is_empty() {
            return true;
        }
        if c.is_whitespace() {
            space = want.as_str().len() < prefix.len() || space;
            continue;
        }
        if space && want.next() != Some(' ') {
            return false;
        }
        space = false;
        if c.is_ascii() {
            match want.next() {
                None => return true,
                Some(w) if w == c.to_ascii_lowercase() => continue,
                Some(_) => return false,
            }
        }
        // Finnish letters (ä, ö, å) as `push_lowercase` computes them, without a look-up.
        if let Some(l) = latin1_lowercase(c) {
            match want.next() {
                None => return true,
                Some(w) if w == l => continue,
                Some(_) => return false,
            }
        }
        for l in c.to_lowercase() {
            if want.as_str().is_empty() {
                return true;
            }
            if want.next() != Some(l) {
                return false;
            }
        }
    }
    want.as_str().is_empty()
}

/// Calls `f` with the [`normalize`]d `s`, kept in a buffer each thread reuses: labels and
/// titles are compared by their normalised text, and a string allocated and freed for
/// each of them cost more than the comparisons.
pub(crate) fn with_normalized<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUFFER: RefCell<String> = const { RefCell::new(String::new()) };
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut buffer) => {
            normalize_into(s, &mut buffer);
            f(&buffer)
        }
        // Only if `f` itself normalises: it gets a buffer of its own.
        Err(_) => f(&normalize(s)),
    })
}

/// [`normalize`] into `out` (cleared first), so that a caller comparing many labels can
/// reuse one buffer instead of allocating a string per label.
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    out.clear();
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII that stays as it is (no capitals, no white space) is copied whole:
        // most of a label or title after its first letter.
        if bytes.get(i).is_some_and(|&b| keeps(b)) {
            if space {
                out.push(' ');
                space = false;
            }
            // Byte by byte: these runs are short, shorter than a call to copy them pays for.
            while let Some(&b) = bytes.get(i).filter(|&&b| keeps(b)) {
                out.push(char::from(b));
                i += 1;
            }
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let c = if b.is_ascii() {
            i += 1;
            char::from(b)
        } else {
            let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            i += c.len_utf8();
            c
        };
        // `char::is_whitespace` rather than `u8::is_ascii_whitespace`, which leaves out
        // U+000B.
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        push_lowercase(out, c);
    }
}

/// Whether [`normalize`] keeps an ASCII byte as it is: not a capital, not white space.
fn keeps(b: u8) -> bool {
    matches!(b, 0..=8 | 14..=31 | b'!'..=b'@' | b'['..=0x7F)
}

/// Pushes `char::to_lowercase(c)`, with the Latin-1 letters of Finnish text (Ä, Ö, Å)
/// computed rather than looked up: in U+0041–U+005A and U+00C0–U+00DE but U+00D7 (×) the
/// lowercase letter is 0x20 above, and the rest of Latin-1 is its own lowercase.
fn push_lowercase(out: &mut String, c: char) {
    match latin1_lowercase(c) {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

/// `c`'s lowercase, computed, when `c` is in Latin-1 (see [`push_lowercase`]).
fn latin1_lowercase(c: char) -> Option<char> {
    match u32::from(c) {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => char::from_u32(u32::from(c) + 0x20),
        0..=0xFF => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing() {
        assert_eq!(normalize("  Hankkeen   NIMI "), "hankkeen nimi");
        for s in [
            "  Hankkeen   NIMI ",
            "ÄÖÅ\u{B}×\u{212A}İ",
            "\u{A0}a\tB\u{3000}c ",
            "",
        ] {
            let norm = normalize(s);
            let mut prefixes: Vec<String> = (0..=norm.len())
                .filter(|&k| norm.is_char_boundary(k))
                .map(|k| norm[..k].to_owned())
                .collect();
            prefixes.extend(prefixes.clone().into_iter().map(|p| p + " "));
            prefixes.extend(["x".to_owned(), " ".to_owned(), format!("{norm}x")]);
            for p in prefixes {
                assert_eq!(
                    normalized_starts_with(s, &p),
                    norm.starts_with(&p),
                    "{s:?} {p:?}"
                );
            }
        }
        assert_eq!(normalize("ÄÖÅ\u{B}×\u{212A}İ"), "äöå ×ki\u{307}");
    }

    /// The computed Latin-1 lowercase is the standard library's.
    #[test]
    fn lowercase_agrees_with_the_standard_library() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            let mut out = String::new();
            push_lowercase(&mut out, c);
            assert_eq!(out, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }
}
