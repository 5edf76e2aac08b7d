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
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.find(|&(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start..end, &text[start..end]))
    })
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
    for c in word.chars() {
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

    #[test]
    fn long_words_are_cut_on_a_character_boundary() {
        let long = "ä".repeat(100);
        assert_eq!(fold(&long).len(), MAX_WORD_BYTES);
    }
}
