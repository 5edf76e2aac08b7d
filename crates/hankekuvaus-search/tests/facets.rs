//! Facet counts and filters on the seeds.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{index, search, seeds};
use hankekuvaus_search::{facets, organisation_matches, organisations, Facet, Filter};

fn counts(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
    pairs.iter().map(|(v, n)| (v.to_string(), *n)).collect()
}

#[test]
fn facet_counts_follow_the_result_set() {
    let docs = seeds();
    let all = facets(&docs);
    assert_eq!(
        all[&Facet::Region],
        counts(&[
            ("Etelä-Savo", 2),
            ("Lappi", 1),
            ("Pirkanmaa", 1),
            ("Pohjois-Savo", 1),
            ("Varsinais-Suomi", 1)
        ])
    );
    assert_eq!(all[&Facet::OrganisationType][0], ("Kunta".to_string(), 4));
    assert_eq!(all[&Facet::Fund], counts(&[("ESR", 5)]));
    assert_eq!(all[&Facet::Period], counts(&[("2014-2020", 5)]));
    let total: usize = all[&Facet::StartYear].iter().map(|c| c.1).sum();
    assert_eq!(total, 5);

    // Over the results of a query: only the documents found count.
    let index = index(&docs);
    let found: Vec<_> = search(&index, "maahanmuuttaja")
        .iter()
        .map(|h| &docs[h.doc as usize])
        .collect();
    let narrowed = facets(found);
    assert_eq!(
        narrowed[&Facet::Region],
        counts(&[("Etelä-Savo", 2), ("Lappi", 1)])
    );
    assert_eq!(
        narrowed[&Facet::Municipality],
        counts(&[
            ("Mikkeli", 2),
            ("Kangasniemi", 1),
            ("Kemi", 1),
            ("Kemijärvi", 1),
            ("Savonlinna", 1)
        ])
    );
    assert!(facets(Vec::new()).is_empty());
}

#[test]
fn filters_by_facet_funding_and_organisation() {
    let docs = seeds();
    let pass =
        |f: &Filter| -> Vec<usize> { (0..docs.len()).filter(|&i| f.matches(&docs[i])).collect() };
    assert_eq!(pass(&Filter::default()), vec![0, 1, 2, 3, 4]);

    let mut f = Filter {
        facets: BTreeMap::from([(
            Facet::Region,
            BTreeSet::from(["Etelä-Savo".to_string(), "Lappi".to_string()]),
        )]),
        ..Filter::default()
    };
    assert_eq!(pass(&f), vec![0, 2, 3]);
    f.facets
        .insert(Facet::Municipality, BTreeSet::from(["Kemi".to_string()]));
    assert_eq!(pass(&f), vec![3]);

    // Granted EU and state funding, inclusive bounds.
    let granted: Vec<hankekuvaus::Amount> = docs
        .iter()
        .map(|d| d.funding.granted_eu_state.unwrap())
        .collect();
    let mut sorted = granted.clone();
    sorted.sort();
    let f = Filter {
        min_granted: Some(sorted[1]),
        max_granted: Some(sorted[3]),
        ..Filter::default()
    };
    let expected: Vec<usize> = (0..5)
        .filter(|&i| granted[i] >= sorted[1] && granted[i] <= sorted[3])
        .collect();
    assert_eq!(expected.len(), 3);
    assert_eq!(pass(&f), expected);

    // An organisation by Y-tunnus or name, as applicant or co-implementer.
    let org = |o: &str| Filter {
        organisation: Some(o.to_string()),
        ..Filter::default()
    };
    assert_eq!(pass(&org("0164690-3")), vec![2]); // Kangasniemen kunta, co-implementer
    assert_eq!(pass(&org("01646903")), vec![2]);
    assert_eq!(pass(&org("mikkelin")), vec![0, 2]);
    assert_eq!(pass(&org("TURUN  ammattikorkeakoulu")), vec![1]);
    assert!(organisation_matches("", &docs[0]));
    assert!(!organisation_matches("0600598-9", &docs[0]));
    assert!(organisation_matches("0600598-8", &docs[0]));
    // The organisations of a document, for a picker: applicant first.
    let parties = organisations(&docs[2]);
    assert_eq!(
        parties[..2],
        [
            (
                "Mikkelin kaupunki".to_string(),
                Some("0165116-3".to_string())
            ),
            (
                "Kangasniemen kunta".to_string(),
                Some("0164690-3".to_string())
            )
        ]
    );
}

#[test]
fn a_value_held_twice_counts_once_and_written_values_match_values() {
    let mut docs = seeds();
    // Seed 000 lists its region twice; another document holds it once.
    let region = docs[0].area.regions[0].clone();
    docs[0].area.regions.push(region.clone());
    let all = facets(&docs);
    let count =
        |facet: Facet, value: &str| all[&facet].iter().find(|(v, _)| v == value).map(|c| c.1);
    assert_eq!(count(Facet::Region, &region), Some(2));
    // Values written from parts (numbered axes, years) count under the text `values` gives.
    for doc in &docs {
        for facet in [Facet::PriorityAxis, Facet::StartYear, Facet::Status] {
            for value in facet.values(doc) {
                assert!(
                    count(facet, &value).is_some_and(|n| n >= 1),
                    "{facet:?} {value}"
                );
            }
        }
    }
    assert!(Facet::PriorityAxis.values(&docs[0])[0].starts_with(char::is_numeric));
}
