//! What the index keeps after a long document: its postings, not its list of words.

mod common;

use common::{ids, seeds};
use hankekuvaus_search::Index;

/// The seeds' text over and over, `bytes` long at least, as one description.
fn long_description(bytes: usize) -> hankekuvaus::Document {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds");
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

#[test]
fn a_long_documents_word_list_is_not_kept_for_the_next() {
    let long = long_description(3_000_000);
    let mut index = Index::new();
    index.add(0, &long);
    let after_long = index.heap_bytes();
    // Its words at 12 bytes each would be more than its text.
    assert!(
        after_long < long.source.byte_count as usize,
        "{after_long} heap bytes after a description of {} bytes",
        long.source.byte_count
    );
    // The next document is indexed as ever, and both are found.
    let seed = &seeds()[0];
    index.add(1, seed);
    assert!(index.heap_bytes() > after_long);
    assert_eq!(ids(&index, "maahanmuuttaja").len(), 2);
}
