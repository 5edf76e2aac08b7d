//! Ranking on a small fixed corpus, inflected forms the seeds lack, and incremental
//! building: adding, removing and re-adding in any order equals building from scratch.

mod common;

use common::{description, hit_words, ids, index, search, seeds};
use hankekuvaus::Document;
use hankekuvaus_search::{Index, Query};

fn corpus() -> Vec<Document> {
    vec![
        // 0: the word once, deep in the summary of a long text.
        description(
            "S1",
            "Työllisyyden kehittäminen",
            "Kuopio",
            "Hanke kehittää työllisyyspalveluja alueen yrityksille ja kunnille monin tavoin \
             koko toimintansa ajan ja kouluttaa ohjaajia sekä kokoaa verkostoja; lisäksi \
             hanke tukee maahanmuuttajien ohjausta.",
        ),
        // 1: the word in the name.
        description(
            "S2",
            "Maahanmuuttajat töihin",
            "Kuopio",
            "Hanke ohjaa työnhakijoita.",
        ),
        // 2: the word twice in a short summary.
        description(
            "S3",
            "Osaamisen polut",
            "Iisalmi",
            "Koulutusta maahanmuuttajille ja maahanmuuttajan perheelle.",
        ),
        // 3: not at all.
        description("S4", "Nuorten työpajat", "Kuopio", "Työpajoja nuorille."),
    ]
}

#[test]
fn name_beats_repeated_prose_beats_one_mention() {
    let index = index(&corpus());
    let hits = search(&index, "maahanmuuttaja");
    let order: Vec<u32> = hits.iter().map(|h| h.doc).collect();
    assert_eq!(order, vec![1, 2, 0]);
    assert!(hits[0].score > hits[1].score && hits[1].score > hits[2].score);
    assert_eq!(
        hits.iter().map(|h| h.hit_count()).collect::<Vec<_>>(),
        vec![1, 2, 1]
    );
}

#[test]
fn inflected_forms_the_seeds_lack() {
    let docs = corpus();
    let index = index(&docs);
    let mut forms: Vec<String> = search(&index, "maahanmuuttaja")
        .iter()
        .flat_map(|h| hit_words(h, &docs[h.doc as usize]))
        .collect();
    forms.sort();
    assert_eq!(
        forms,
        [
            "maahanmuuttajan",
            "maahanmuuttajat",
            "maahanmuuttajien",
            "maahanmuuttajille"
        ]
    );
    // "nuori" finds "nuorten" and "nuorille"; "työpaja" finds "työpajat" and "työpajoja".
    assert_eq!(ids(&index, "nuori"), vec![3]);
    assert_eq!(ids(&index, "työpaja"), vec![3]);
}

#[test]
fn rarer_words_weigh_more() {
    let index = index(&corpus());
    // "Kuopio" is in three documents, "Iisalmi" in one: a document with the rare word
    // ranks above one with the common word.
    let hits = search(&index, "kuopio OR iisalmi");
    assert_eq!(hits[0].doc, 2);
    assert_eq!(hits.len(), 4);
}

/// Everything a search shows, for comparing two indexes.
fn results(index: &Index, docs: &[Document]) -> Vec<Vec<(u32, String, String)>> {
    let queries = [
        "maahanmuuttaja",
        "nuori työ",
        "\"etelä-savo\"",
        "kunta OR kaupunki",
        "kunta:mikkeli",
        "hanke -nuoret",
        "kehittämishanke",
        "-rahasto:EAKR",
        "maahanmu",
    ];
    queries
        .iter()
        .map(|q| {
            let query = Query::parse(q, true).unwrap();
            index
                .search(&query)
                .into_iter()
                .map(|h| {
                    let words = index.hit_words(&query, h.doc);
                    let snippets = format!("{:?}", words.snippets(&docs[h.doc as usize], 2));
                    let locations = format!("{:?}", words.locations(&docs[h.doc as usize]));
                    (
                        h.doc,
                        format!("{:.5} {} {snippets}", h.score, h.hits),
                        locations,
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn adding_in_any_order_and_removing_equals_building_from_scratch() {
    let mut docs = seeds();
    docs.extend(corpus());
    let scratch = index(&docs);
    let expected = results(&scratch, &docs);
    assert!(expected.iter().all(|r| !r.is_empty()));

    // Reverse order, with a document added twice (replaced) and extras removed again.
    let mut incremental = Index::new();
    for (i, doc) in docs.iter().enumerate().rev() {
        incremental.add(i as u32, doc);
        incremental.add(100 + i as u32, &docs[0]);
    }
    incremental.add(3, &docs[3]);
    for i in 0..docs.len() {
        assert!(incremental.remove(100 + i as u32));
    }
    assert!(!incremental.remove(100));
    assert_eq!(incremental.len(), docs.len());
    assert_eq!(results(&incremental, &docs), expected);

    // Removing enough to compact the postings, then adding back, changes nothing either.
    let mut churned = index(&docs);
    for round in 0..20u32 {
        for (i, doc) in docs.iter().enumerate() {
            churned.add(1000 + round * 100 + i as u32, doc);
        }
        for i in 0..docs.len() {
            churned.remove(1000 + round * 100 + i as u32);
        }
    }
    for i in (0..docs.len()).step_by(2) {
        churned.remove(i as u32);
    }
    for i in (0..docs.len()).step_by(2) {
        churned.add(i as u32, &docs[i]);
    }
    assert_eq!(results(&churned, &docs), expected);

    churned.clear();
    assert!(churned.is_empty());
    assert!(search(&churned, "maahanmuuttaja").is_empty());
}
