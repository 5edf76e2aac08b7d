//! Tests of [`super`] on the five seeds (and variants of them).

use super::*;
use crate::ingest::Entry;
use crate::overview::build_rows;
use crate::overview::test_support::{codes, examples, variant};
use crate::search::follow::Follower;

/// The seeds and a variant of S21498 in Lappi with 1,000 € granted, indexed.
fn setup() -> (Vec<Entry>, Vec<Row>, Follower) {
    let mut entries = examples();
    entries.extend(variant("S30000", "Lappi", 1000));
    let rows = build_rows(&[], &entries);
    let mut follower = Follower::default();
    follower.follow(&entries, 0);
    while follower.index_for(40.0, || 0.0) {}
    (entries, rows, follower)
}

/// [`search_view`] with the choices of all `rows`.
fn view_of(
    rows: &[Row],
    filter: &Filter,
    search: &SearchCrateFilter,
    sort: Sort,
    relevance: bool,
    found: Option<&Found>,
) -> View {
    let options = Rc::new(crate::overview::filter_options(rows));
    search_view(rows, filter, search, sort, relevance, found, options)
}

fn sorted(mut codes: Vec<String>) -> Vec<String> {
    codes.sort();
    codes
}

#[test]
fn a_query_narrows_the_rows_and_ranks_them_and_the_totals_follow() {
    let (_, rows, follower) = setup();
    let found = follower.found("maahanmuuttaja ").unwrap();
    let none = SearchCrateFilter::default();
    let all = Filter::default();
    let view = view_of(&rows, &all, &none, Sort::default(), true, Some(&found));
    assert_eq!(
        sorted(codes(&rows, &view.shown)),
        ["S20884", "S21498", "S22084", "S30000"]
    );
    // Ranked: the rows in the order of the hits.
    let ranked: Vec<usize> = found.hits.iter().map(|h| h.entry).collect();
    let shown: Vec<usize> = view.shown.iter().map(|&i| rows[i].entry).collect();
    assert_eq!(shown, ranked);
    for pair in found.hits.windows(2) {
        assert!(pair[0].score >= pair[1].score);
    }
    // S30000 repeats S21498's text under another code: counted, as a row of its own.
    assert_eq!(view.totals.count, 4);
    // In column order when a column was chosen.
    let by_code = view_of(&rows, &all, &none, Sort::default(), false, Some(&found));
    assert_eq!(
        codes(&rows, &by_code.shown),
        ["S20884", "S21498", "S22084", "S30000"]
    );
    // The overview's own filters apply; its text is the query's, not matched again.
    let lappi = Filter {
        region: "Lappi".into(),
        text: "maahanmuuttaja ".into(),
        ..Filter::default()
    };
    let view = view_of(&rows, &lappi, &none, Sort::default(), true, Some(&found));
    assert_eq!(sorted(codes(&rows, &view.shown)), ["S22084", "S30000"]);
    // The search filter too, with or without a query.
    let search = SearchFilter {
        max_granted: "1 000".into(),
        ..SearchFilter::default()
    };
    let view = view_of(
        &rows,
        &lappi,
        &search.filter(),
        Sort::default(),
        true,
        Some(&found),
    );
    assert_eq!(codes(&rows, &view.shown), ["S30000"]);
    assert_eq!(view.totals.sums[0], hankekuvaus::Amount::euros(1000));
    let view = view_of(&rows, &all, &search.filter(), Sort::default(), false, None);
    assert_eq!(codes(&rows, &view.shown), ["S30000"]);
    let bad = follower.found("nuoret OR").unwrap();
    assert!(bad.error.is_some());
    let view = view_of(&rows, &all, &none, Sort::default(), true, Some(&bad));
    assert!(view.shown.is_empty());
}

#[test]
fn snippets_become_plain_and_marked_parts() {
    let (_, rows, follower) = setup();
    let found = follower.found("maahanmuuttaja ").unwrap();
    let hit = found.hits[0];
    let snippets = follower.engine.snippets("maahanmuuttaja ", hit.id, 2);
    assert!(!snippets.is_empty());
    for snippet in &snippets {
        let parts = snippet_parts(snippet);
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, snippet.text);
        let marked: Vec<&str> = parts
            .iter()
            .filter(|p| p.mark)
            .map(|p| p.text.as_str())
            .collect();
        assert!(!marked.is_empty());
        assert!(
            marked.iter().all(|m| m.to_lowercase() == "maahanmuuttajat"),
            "{marked:?}"
        );
        assert!(parts.windows(2).all(|w| w[0].mark || w[1].mark));
    }
    let shown: Vec<usize> = (0..rows.len()).collect();
    let items = result_items(
        &follower.engine,
        "maahanmuuttaja ",
        &found,
        &rows,
        &shown,
        2,
    );
    assert_eq!(items.len(), 2, "at most two, in the order of the rows");
    assert_eq!(items[0].entry, rows[0].entry);
    assert_eq!(items[0].code, "S21498");
    assert!(items
        .iter()
        .all(|i| i.hits > 0 && (1..=2).contains(&i.snippets.len())));
    assert!(items[0].snippets[0].iter().any(|p| p.mark));
}

#[test]
fn facets_count_the_rows_shown_and_keep_chosen_values() {
    let (_, rows, _) = setup();
    let shown: Vec<usize> = (0..rows.len()).collect();
    let mut chosen = SearchFilter::default();
    let groups = facet_groups(Lang::Fi, &rows, &shown, &chosen, 3);
    let region = groups.iter().find(|g| g.facet == Facet::Region).unwrap();
    let lappi = region.values.iter().find(|v| v.value == "Lappi").unwrap();
    assert_eq!(lappi.count, 2, "S22084 and S30000");
    assert!(region.values.len() <= 3);
    let period = groups.iter().find(|g| g.facet == Facet::Period).unwrap();
    assert_eq!(period.values[0].value, "2014-2020");
    assert_eq!(period.values[0].count, 6);
    let status = groups.iter().find(|g| g.facet == Facet::Status).unwrap();
    let ended = status.values.iter().find(|v| v.value == "ended").unwrap();
    assert_eq!(ended.label, "Toiminta päättynyt");
    // A chosen value no row shown has stays, with 0.
    chosen.toggle(Facet::Region, "Ahvenanmaa".into());
    let lappi_only = [rows.len() - 1];
    let groups = facet_groups(Lang::En, &rows, &lappi_only, &chosen, 3);
    let region = groups.iter().find(|g| g.facet == Facet::Region).unwrap();
    let values: Vec<(&str, usize, bool)> = region
        .values
        .iter()
        .map(|v| (v.value.as_str(), v.count, v.chosen))
        .collect();
    assert_eq!(values, [("Lappi", 1, false), ("Ahvenanmaa", 0, true)]);
    assert_eq!(region.more, 0);
    let many = facet_groups(Lang::Fi, &rows, &shown, &SearchFilter::default(), 1);
    let municipalities = many
        .iter()
        .find(|g| g.facet == Facet::Municipality)
        .unwrap();
    assert_eq!(municipalities.values.len(), 1);
    assert!(municipalities.more > 0);
}

#[test]
fn the_rows_found_are_those_with_a_hit_merged_rows_through_either_part() {
    // Seed 000 merged with a list row that came after it, and list row S29999 with a
    // description that came after it; variants repeating codes.
    let entries = crate::overview::live::tests::entries();
    let rows = build_rows(&[], &entries);
    assert!(rows.iter().any(|r| r.merged_into.is_some()), "merged rows");
    let mut follower = Follower::default();
    follower.follow(&entries, 0);
    while follower.index_for(40.0, || 0.0) {}
    let none = SearchCrateFilter::default();
    for query in [
        "maahanmuuttaja ",
        "feelsafe ",
        "listalla ",
        "esimerkki ",
        "s29999 ",
        "mikkeli ",
    ] {
        let found = follower.found(query).unwrap();
        let expected: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].merged_into.is_none() && found.row_hit(&rows[i]).is_some())
            .collect();
        let view = view_of(
            &rows,
            &Filter::default(),
            &none,
            Sort::default(),
            false,
            Some(&found),
        );
        let mut shown = view.shown.to_vec();
        shown.sort_unstable();
        assert_eq!(shown, expected, "{query}");
        assert!(!expected.is_empty(), "{query} finds rows");
    }
}
