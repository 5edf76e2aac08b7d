//! Full-text search in the page, on `hankekuvaus-search`: every text of every listed
//! document, the query language (words ANDed, `"phrase"`, `OR`, `-word`, `field:`), BM25
//! ranking, snippets, facets and filters.
//!
//! [`Engine`] is the search itself, behind calls that take and return plain data (ids,
//! query texts, hits, snippets, words), apart from [`Engine::start_add`], which takes the
//! document: a Web Worker that owns the documents it parsed could answer the same calls as
//! messages. The page side is [`follow::Follower`], which follows the list of entries
//! (additions indexed in time-boxed slices, removals and clearing at once) and maps the
//! engine's ids to list indices; `hooks::use_search` drives it.
//!
//! Modules: [`follow`] (the list followed), [`facet_ids`] (facet values numbered per row), [`filter`] (facet choices, funding range and
//! organisation as the overview's state holds them), [`results`] (the overview's rows under
//! a query and the search filter, result items with snippets, facet groups), [`highlight`]
//! (hit words marked in the shown document through the CSS Custom Highlight API).

pub mod facet_ids;
pub mod filter;
pub mod follow;
pub mod highlight;
pub mod results;

use std::collections::HashMap;
use std::rc::Rc;

pub use hankekuvaus_search::{DocId, Facet, Hit, Snippet};
use hankekuvaus_search::{Index, Query};

use crate::ingest::Loaded;

/// What a query found: the matching documents, best first, or why the query cannot be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    /// The hits, ranked by BM25, best first.
    pub hits: Vec<Hit>,
    /// The query's error ("OR needs a word on both sides (at 7–9)"), with no hits.
    pub error: Option<String>,
}

/// The index of the documents added and the documents themselves, for snippets and hit
/// words.
#[derive(Default)]
pub struct Engine {
    index: Index,
    docs: HashMap<DocId, Rc<Loaded>>,
    /// The document being added in steps.
    adding: Option<Rc<Loaded>>,
    /// Counts the changes of the index, so that answers can be kept until it changes.
    version: u64,
}

impl Engine {
    /// Starts indexing a document under `id` (replacing what `id` had), dropping an add not
    /// finished; [`Engine::add_step`] does the work.
    pub fn start_add(&mut self, id: DocId, loaded: Rc<Loaded>) {
        self.index.start_add(id, &loaded.doc);
        self.adding = Some(loaded);
    }

    /// One step of the add going on, of at most `max_words` words (see
    /// `hankekuvaus_search::Index::add_step`); returns whether no add is left going on.
    pub fn add_step(&mut self, max_words: usize) -> bool {
        let (Some(id), Some(loaded)) = (self.index.adding(), &self.adding) else {
            return true;
        };
        if !self.index.add_step(&loaded.doc, max_words) {
            return false;
        }
        self.docs.extend(self.adding.take().map(|l| (id, l)));
        self.version += 1;
        true
    }

    /// Whether a document is being added in steps.
    pub fn is_adding(&self) -> bool {
        self.index.adding().is_some()
    }

    /// Takes the documents `ids` out, also the one being added.
    pub fn remove(&mut self, ids: &[DocId]) {
        for id in ids {
            self.index.remove(*id);
            self.docs.remove(id);
        }
        if self.index.adding().is_none() {
            self.adding = None;
        }
        self.version += 1;
    }

    /// Takes every document out.
    pub fn clear(&mut self) {
        self.index.clear();
        self.docs.clear();
        self.adding = None;
        self.version += 1;
    }

    /// Documents in the index.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether the index has no documents.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// A number that changes whenever the index does.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The documents `text` finds, as typed: the last word also finds the words it begins
    /// unless the text ends in a space.
    pub fn query(&self, text: &str) -> Answer {
        match Query::parse(text, true) {
            Ok(query) => Answer {
                hits: self.index.search(&query),
                error: None,
            },
            Err(e) => Answer {
                hits: Vec::new(),
                error: Some(e.to_string()),
            },
        }
    }

    /// Up to `max` snippets of document `id` with the hits of `text` marked.
    pub fn snippets(&self, text: &str, id: DocId, max: usize) -> Vec<Snippet> {
        self.with_hits(text, id, |words, doc| words.snippets(doc, max))
    }

    /// The distinct words of document `id` that `text` finds, lower-cased as written.
    pub fn hit_words(&self, text: &str, id: DocId) -> Vec<String> {
        self.with_hits(text, id, |words, doc| words.words(doc))
    }

    fn with_hits<T: Default>(
        &self,
        text: &str,
        id: DocId,
        f: impl FnOnce(&hankekuvaus_search::HitWords, &hankekuvaus::Document) -> T,
    ) -> T {
        let (Ok(query), Some(loaded)) = (Query::parse(text, true), self.docs.get(&id)) else {
            return T::default();
        };
        f(&self.index.hit_words(&query, id), &loaded.doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overview::test_support::examples;

    fn engine() -> Engine {
        let mut engine = Engine::default();
        for (i, e) in examples().iter().enumerate() {
            engine.start_add(i as u32, Rc::clone(e.loaded().unwrap()));
            assert!(engine.add_step(usize::MAX));
        }
        engine
    }

    #[test]
    fn a_query_finds_the_seeds_with_inflected_forms_and_reports_errors() {
        let mut engine = engine();
        let ids = |e: &Engine, q: &str| {
            let mut ids: Vec<u32> = e.query(q).hits.iter().map(|h| h.doc).collect();
            ids.sort();
            ids
        };
        // Seeds 000, 002 and 003 speak of "maahanmuuttajat".
        assert_eq!(ids(&engine, "maahanmuuttaja "), [0, 2, 3]);
        assert_eq!(ids(&engine, "maahanmuuttaja -kotoutuminen ").len(), 3);
        let words = engine.hit_words("maahanmuuttaja ", 2);
        assert_eq!(words, ["maahanmuuttajat"]);
        let snippets = engine.snippets("maahanmuuttaja ", 2, 2);
        assert!(!snippets.is_empty() && snippets.len() <= 2);
        assert!(!snippets[0].marks.is_empty());
        let bad = engine.query("nuoret OR");
        assert!(bad.hits.is_empty());
        assert_eq!(
            bad.error.as_deref(),
            Some("OR needs a word on both sides (at 7–9)")
        );
        let before = engine.version();
        engine.remove(&[2]);
        assert_eq!(ids(&engine, "maahanmuuttaja "), [0, 3]);
        assert!(engine.hit_words("maahanmuuttaja ", 2).is_empty());
        assert!(engine.version() > before);
        engine.clear();
        assert!(engine.is_empty());
        assert!(ids(&engine, "maahanmuuttaja ").is_empty());
    }
}
