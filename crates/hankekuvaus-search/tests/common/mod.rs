//! Shared by the tests: the seed descriptions, parsed, and small hand-made documents.

#![allow(dead_code)] // Each test file uses its own part of this module.

use std::path::Path;

use hankekuvaus::Document;
use hankekuvaus_search::{HitWords, Index, Location, Query, Snippet};

/// The five seed descriptions of `testdata/seeds/`, parsed, sorted by file name.
pub fn seeds() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5, "five seeds in {}", dir.display());
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            hankekuvaus::parse(&bytes, &p.file_name().unwrap().to_string_lossy()).unwrap()
        })
        .collect()
}

/// The seeds' text over and over, `bytes` long at least, as one description.
pub fn long_description(bytes: usize) -> Document {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let once: String = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let long = once.repeat(bytes / once.len() + 1);
    hankekuvaus::parse(long.as_bytes(), "long.txt").unwrap()
}

/// An index of `docs`, document `i` under id `i`.
pub fn index(docs: &[Document]) -> Index {
    let mut index = Index::new();
    for (i, doc) in docs.iter().enumerate() {
        index.add(i as u32, doc);
    }
    index
}

/// The ids of the documents `q` finds, best first.
pub fn ids(index: &Index, q: &str) -> Vec<u32> {
    search(index, q).iter().map(|h| h.doc).collect()
}

/// A hit with its hit words.
pub struct Found {
    pub doc: u32,
    pub score: f32,
    pub hits: u32,
    pub words: HitWords,
}

impl Found {
    pub fn locations(&self, doc: &Document) -> Vec<Location> {
        self.words.locations(doc)
    }

    pub fn snippets(&self, doc: &Document, max: usize) -> Vec<Snippet> {
        self.words.snippets(doc, max)
    }

    pub fn hit_count(&self) -> usize {
        self.hits as usize
    }
}

/// The hits of `q`, with their hit words.
pub fn search(index: &Index, q: &str) -> Vec<Found> {
    let query = Query::parse(q, false).unwrap();
    index
        .search(&query)
        .into_iter()
        .map(|h| Found {
            doc: h.doc,
            score: h.score,
            hits: h.hits,
            words: index.hit_words(&query, h.doc),
        })
        .collect()
}

/// The words of `doc` that `hit` marks, lower-cased, sorted, once each.
pub fn hit_words(hit: &Found, doc: &Document) -> Vec<String> {
    let mut words: Vec<String> = hit
        .locations(doc)
        .iter()
        .map(|l| line_text(doc, &l.path, l.line_in_text)[l.range.clone()].to_lowercase())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The text a location's path and line name, read through the document's JSON, so the
/// paths are checked against the real document structure.
pub fn line_text(doc: &Document, path: &str, line: u32) -> String {
    let mut v = serde_json::to_value(doc).unwrap();
    for part in path.split('.') {
        v = match part.parse::<usize>() {
            Ok(i) => v[i].take(),
            Err(_) => v[part].take(),
        };
    }
    let text = v.as_str().unwrap_or_else(|| panic!("{path} is not a text"));
    text.split('\n').nth(line as usize).unwrap().to_owned()
}

/// A small description with the given code, name, municipality and summary.
pub fn description(code: &str, name: &str, municipality: &str, summary: &str) -> Document {
    let text = format!(
        "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n\
         1 Hanke\n\
         Hankekoodi: {code}\n\
         Hankkeen nimi: {name}\n\
         3 Suunnitelman mukainen tiivistelmä toteutuksesta\n\
         {summary}\n\
         6 Maantieteellinen kohdealue\n\
         Kunnat: {municipality}\n"
    );
    hankekuvaus::parse(text.as_bytes(), &format!("{code}.txt")).unwrap()
}
