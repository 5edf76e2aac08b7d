//! Words and their index terms: tokenizing, case folding and Finnish stemming.
//!
//! A word is a run of alphanumeric characters; everything else (spaces, punctuation, the
//! hyphens of "EU-rahoitus" and "0600598-8") separates words. Indexing and querying share
//! these functions, so a query word is cut and folded exactly as the text it should find.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};

/// Words longer than this (in bytes) are cut: nothing readable is that long, and a
/// pathological input must not grow the term dictionary without bound.
const MAX_WORD_BYTES: usize = 64;

/// The words of `text` with their byte ranges, in order.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        // Each character is classed once: the one that ends a word is stepped over too.
        let start = loop {
            let (alphanumeric, len) = class(text, at)?;
            at += len;
            if alphanumeric {
                break at - len;
            }
        };
        let end = loop {
            match class(text, at) {
                Some((true, len)) => at += len,
                Some((false, len)) => {
                    at += len;
                    break at - len;
                }
                None => break at,
            }
        };
        Some((start..end, &text[start..end]))
    })
}

/// Whether the character at byte `at` of `text` (a character boundary) is alphanumeric,
/// and its length; `None` at the end. ASCII, most of every description, is decided from
/// the byte: indexing spends much of its time here.
#[inline]
fn class(text: &str, at: usize) -> Option<(bool, usize)> {
    let &byte = text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some((byte.is_ascii_alphanumeric(), 1));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((c.is_alphanumeric(), c.len_utf8()))
}

/// Turns words into index terms: lower case (å, ä and ö kept as they are), then the
/// Snowball Finnish stem.
pub(crate) struct Analyzer {
    stemmer: Stemmer,
    /// Reused buffer for the lower-cased word.
    folded: String,
}

impl Analyzer {
    pub(crate) fn new() -> Analyzer {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::Finnish),
            folded: String::new(),
        }
    }

    /// The index term of one word (as cut by [`words`]).
    pub(crate) fn term<'a>(&'a mut self, word: &str) -> std::borrow::Cow<'a, str> {
        fold_into(word, &mut self.folded);
        // Codes, Y-tunnus parts and numbers are not Finnish words: keep them whole.
        if self.folded.bytes().any(|b| b.is_ascii_digit()) {
            return std::borrow::Cow::Borrowed(&self.folded);
        }
        self.stemmer.stem(&self.folded)
    }
}

/// Lower-cases `word` into `out`, cut at [`MAX_WORD_BYTES`] on a character boundary.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    out.clear();
    // Most words are ASCII: lower-cased in place, without `char::to_lowercase`.
    if word.is_ascii() {
        out.push_str(&word[..word.len().min(MAX_WORD_BYTES)]);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            if out.len() == MAX_WORD_BYTES {
                return;
            }
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            if out.len() + l.len_utf8() > MAX_WORD_BYTES {
                return;
            }
            out.push(l);
        }
    }
}

/// `word` lower-cased, as [`fold_into`] makes it.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::new();
    fold_into(word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_punctuation_and_hyphens() {
        let text = "EU-rahoitus, 0600598-8 (Mikkelissä) å!";
        let got: Vec<_> = words(text).collect();
        assert_eq!(
            got,
            vec![
                (0..2, "EU"),
                (3..11, "rahoitus"),
                (13..20, "0600598"),
                (21..22, "8"),
                (24..35, "Mikkelissä"),
                (37..39, "å"),
            ]
        );
    }

    #[test]
    fn terms_are_folded_stems_and_codes_stay_whole() {
        let mut a = Analyzer::new();
        assert_eq!(a.term("MAAHANMUUTTAJIEN"), "maahanmuuttaj");
        assert_eq!(a.term("Mikkelissä"), "mikkel");
        assert_eq!(a.term("S21498"), "s21498");
        // ä and ö stay: "työ" (work) is not "tyo".
        assert_eq!(a.term("Työ"), "työ");
    }

    /// The plain definitions the fast paths must agree with.
    fn words_by_chars(text: &str) -> Vec<(Range<usize>, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (c.is_alphanumeric() && i < text.len(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s..i, &text[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    fn fold_by_chars(word: &str) -> String {
        let mut out = String::new();
        for l in word.chars().flat_map(char::to_lowercase) {
            if out.len() + l.len_utf8() > MAX_WORD_BYTES {
                break;
            }
            out.push(l);
        }
        out
    }

    #[test]
    fn fast_paths_agree_with_the_definitions() {
        let pieces = [
            "a",
            "Ö",
            "ä",
            "Z9",
            " ",
            "-",
            "İ",
            "ß",
            "ǅ",
            "\u{200b}",
            "١٢",
            "日本",
            "x".repeat(70).leak(),
            "É".repeat(40).leak(),
            ",",
            "\n",
            "ﬁ",
            "Ⅻ",
            "😀",
            "ΣΑΣ",
        ];
        // Every sequence of three pieces, and a few long mixes.
        let mut texts: Vec<String> = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        texts.push(pieces.concat());
        texts.push(pieces.iter().rev().copied().collect());
        for text in &texts {
            assert_eq!(
                words(text).collect::<Vec<_>>(),
                words_by_chars(text),
                "{text:?}"
            );
            for (_, word) in words(text) {
                assert_eq!(fold(word), fold_by_chars(word), "{word:?}");
            }
        }
    }

    #[test]
    fn long_words_are_cut_on_a_character_boundary() {
        let long = "ä".repeat(100);
        assert_eq!(fold(&long).len(), MAX_WORD_BYTES);
    }
}
