//! What the index keeps after a long document: its postings, not its list of words.

mod common;

use common::{ids, long_description, seeds};
use hankekuvaus_search::Index;

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
