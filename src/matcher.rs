//! The one text matcher of the sidebar filter and the overview's search: every word of the
//! query must appear, in any case, in a document's code, name, applicant, file name or
//! regions.

use hankekuvaus::Document;

use crate::ingest::Entry;

/// A query split into lower-case words. No words match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    /// The words of `text`, split on white space.
    pub fn new(text: &str) -> Query {
        Query {
            words: text.split_whitespace().map(str::to_lowercase).collect(),
        }
    }

    /// Whether the query has no words (and so filters nothing).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word appears in `haystack`, a text made by [`haystack`].
    pub fn matches(&self, haystack: &str) -> bool {
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

/// The lower-case text a query searches: the code, the file name and, for a document, its
/// name, applicant and regions, one per line (no word spans two: words have no white space).
pub fn haystack(code: &str, file_name: &str, doc: Option<&Document>) -> String {
    let mut out = String::new();
    let mut push = |part: &str| {
        out.push_str(&part.to_lowercase());
        out.push('\n');
    };
    push(code);
    push(file_name);
    if let Some(doc) = doc {
        for part in [doc.project.name.as_deref(), doc.applicant.name.as_deref()]
            .into_iter()
            .flatten()
            .chain(doc.area.regions.iter().map(String::as_str))
        {
            push(part);
        }
    }
    out
}

/// Whether a list entry matches `query` (always, for an empty query).
pub fn entry_matches(entry: &Entry, query: &Query) -> bool {
    query.is_empty()
        || query.matches(&haystack(
            entry.code(),
            entry.file_name(),
            entry.loaded().map(|l| &l.doc),
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(entry: &Entry, query: &str) -> bool {
        entry_matches(entry, &Query::new(query))
    }

    #[test]
    fn the_list_filter_matches_code_name_file_and_region() {
        let bytes = std::fs::read(format!(
            "{}/testdata/seeds/000_2f4bdf7767fd6a31.txt",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let entry = crate::ingest::ingest("000.txt", &bytes).remove(0);
        for query in [
            "",
            "s21498",
            "feelsafe",
            "FEELSAFE miksei",
            "etelä-savo",
            "000.txt",
        ] {
            assert!(matches(&entry, query), "{query:?}");
        }
        assert!(!matches(&entry, "S20516"));
        assert!(!matches(&entry, "feelsafe lappi"));
        let failure = crate::ingest::ingest("kuva.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").remove(0);
        assert!(matches(&failure, "kuva"));
    }

    #[test]
    fn every_word_in_any_case_in_any_part() {
        let seed = crate::examples::EXAMPLES[0].1;
        let doc = hankekuvaus::parse(seed, "S21498.txt").unwrap();
        let hay = haystack("S21498", "S21498.txt", Some(&doc));
        assert!(Query::new("").matches(&hay));
        assert!(Query::new("  ").is_empty());
        assert!(Query::new("s21498").matches(&hay));
        assert!(Query::new("ETELÄ-SAVO s214").matches(&hay));
        assert!(!Query::new("etelä-savo uusimaa").matches(&hay));
        // A failure has its file name only.
        let hay = haystack("", "kuva.png", None);
        assert!(Query::new("kuva").matches(&hay));
        assert!(!Query::new("S21498").matches(&hay));
    }
}
