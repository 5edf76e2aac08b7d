//! Adding in steps (`Index::start_add`, `Index::add_step`) indexes exactly what `Index::add`
//! does, whatever the step, and removals during a stepped add leave a sound index.

mod common;

use common::{long_description, search, seeds};
use hankekuvaus::Document;
use hankekuvaus_search::{corpus, Index};

/// Queries touching every kind of match: words, phrases, OR, NOT, fields,
/// attributes.
const QUERIES: [&str; 9] = [
    "maahanmuuttaja",
    "nuori kunta",
    "\"hankkeen tavoitteena\"",
    "yritys OR yhdistys",
    "hanke -maahanmuuttaja",
    "nimi:kehittämishanke",
    "kunta:mikkeli",
    "rahasto:esr",
    "\"6aika\" OR pielavesi",
];

/// The seeds, some list rows (documents without a section tree) and one long description:
/// the seeds' text over and over, about 1 MB.
fn documents() -> Vec<Document> {
    let mut docs = seeds();
    docs.extend(corpus::list_rows(&docs.clone(), 3));
    docs.push(long_description(1_000_000));
    docs
}

/// Adds `doc` under `id` in steps of `step` words; returns the number of steps.
fn add_in_steps(index: &mut Index, id: u32, doc: &Document, step: usize) -> usize {
    index.start_add(id, doc);
    let mut steps = 1;
    while !index.add_step(doc, step) {
        assert_eq!(index.adding(), Some(id));
        assert!(!index.contains(id), "not in the index before its last step");
        steps += 1;
    }
    assert_eq!(index.adding(), None);
    steps
}

/// Everything the queries give: hits with scores and counts, hit words, snippets.
fn answers(index: &Index, docs: &[Document]) -> Vec<String> {
    QUERIES
        .iter()
        .flat_map(|q| {
            search(index, q).into_iter().map(move |h| {
                let doc = &docs[h.doc as usize];
                format!(
                    "{q}: {} {} {} {:?} {:?}",
                    h.doc,
                    h.score,
                    h.hits,
                    h.words,
                    h.snippets(doc, 3)
                )
            })
        })
        .collect()
}

#[test]
fn steps_of_any_size_index_what_one_add_does() {
    let docs = documents();
    let whole = common::index(&docs);
    let expected = answers(&whole, &docs);
    let none: Vec<&str> = QUERIES
        .into_iter()
        .filter(|q| search(&whole, q).is_empty())
        .collect();
    assert!(none.is_empty(), "every query finds something: {none:?}");
    let long = docs.len() - 1;
    for step in [1, 7, 1000] {
        let mut index = Index::new();
        for (i, doc) in docs.iter().enumerate() {
            // One word at a time through a million-byte document would be slow here.
            let step = if i == long { step.max(7) } else { step };
            let steps = add_in_steps(&mut index, i as u32, doc, step);
            if i == long {
                assert!(steps > 100, "the long one in many steps: {steps}");
            }
        }
        assert_eq!(index.len(), docs.len());
        assert_eq!(index.term_count(), whole.term_count());
        assert_eq!(answers(&index, &docs), expected, "steps of {step}");
    }
}

#[test]
fn a_removal_while_a_document_is_half_added_leaves_a_sound_index() {
    let docs = documents();
    let long = docs.len() - 1;
    // Enough small documents that removing them calls for compacting, which must wait for
    // the add to finish.
    let rows = corpus::list_rows(&docs[..5], 80);
    let mut all: Vec<Document> = docs[..5].to_vec();
    all.extend(rows);
    all.push(docs[long].clone());
    let last = all.len() - 1;
    let mut index = Index::new();
    for (i, doc) in all[..last].iter().enumerate() {
        index.add(i as u32, doc);
    }
    index.start_add(last as u32, &all[last]);
    for _ in 0..50 {
        assert!(!index.add_step(&all[last], 1000));
    }
    assert!(search(&index, "maahanmuuttaja")
        .iter()
        .all(|h| h.doc != last as u32));
    for id in 1..last as u32 {
        assert!(index.remove(id));
    }
    while !index.add_step(&all[last], 1000) {}
    let mut reference = Index::new();
    reference.add(0, &all[0]);
    reference.add(last as u32, &all[last]);
    assert_eq!(index.len(), 2);
    assert_eq!(answers(&index, &all), answers(&reference, &all));

    // Removing the document being added drops it; the next add is whole.
    index.start_add(1, &all[1]);
    assert!(!index.add_step(&all[1], 10));
    assert!(index.remove(1));
    assert_eq!(index.adding(), None);
    assert!(!index.contains(1) && !index.remove(1));
    assert!(search(&index, "rahasto:esr").iter().all(|h| h.doc != 1));
    add_in_steps(&mut index, 2, &all[2], 100);
    reference.add(2, &all[2]);
    assert_eq!(answers(&index, &all), answers(&reference, &all));
}
