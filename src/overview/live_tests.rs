//! Tests of [`super`]: the rows and view kept up to date in batches equal those made at once,
//! through merges, removals, other sorts and filters; and the sort by keys equals `compare`.

use super::*;
use crate::examples::EXAMPLES;
use crate::ingest::ingest;
use crate::overview::merge::tests::SEED_LIST;
use crate::overview::{build_rows, Column, Sort};

#[test]
fn sorting_by_keys_gives_the_order_of_compare() {
    let rows = build_rows(&[], &entries());
    for column in Column::ALL {
        for descending in [false, true] {
            let sort = Sort { column, descending };
            let mut by_keys: Vec<usize> = (0..rows.len()).collect();
            sort_shown(&rows, &mut by_keys, sort);
            let mut by_compare: Vec<usize> = (0..rows.len()).collect();
            by_compare.sort_by(|&i, &j| compare(&rows, sort, i, j));
            assert_eq!(by_keys, by_compare, "{sort:?}");
        }
    }
}

#[test]
fn filter_choices_follow_the_rows_not_the_view() {
    let entries = entries();
    let mut log = RowLog::default();
    let mut derived = Derived::default();
    let half = log.update(&entries[..entries.len() / 2], 1);
    let first = derived.options(&half);
    assert!(
        Rc::ptr_eq(&first, &derived.options(&half)),
        "kept for the same rows"
    );
    let all = log.update(&entries, 1);
    let grown = derived.options(&all);
    assert_eq!(*grown, filter_options(&all.all), "grown with the new rows");
    let by_status = Filter {
        status: "active".into(),
        ..Filter::default()
    };
    let view = derived.update(&all, &by_status, Sort::default());
    assert!(Rc::ptr_eq(&view.options, &grown), "a filter reuses them");
    let rebuilt = log.update(&entries[1..], 2);
    assert_eq!(*derived.options(&rebuilt), filter_options(&rebuilt.all));
}

/// The seeds, and variants of them with other codes, regions, amounts and start years
/// (some repeating a code), interleaved with a file that is not a description.
pub(crate) fn entries() -> Vec<Entry> {
    let base = String::from_utf8(EXAMPLES[0].1.to_vec()).unwrap();
    let mut entries: Vec<Entry> = EXAMPLES
        .iter()
        .flat_map(|(name, bytes)| ingest(name, bytes))
        .collect();
    // A list whose first row merges into seed 000's row (the description came first),
    // and whose second row a description at the end merges into (the list came first).
    entries.extend(ingest("lista.csv", SEED_LIST));
    let regions = ["Lappi", "Kainuu, Lappi", "Etelä-Savo", "Pirkanmaa", ""];
    for k in 0..40u32 {
        let text = base
            .replace("S21498", &format!("S2{:04}", k % 31))
            .replace(
                "Maakunnat: Etelä-Savo",
                &format!("Maakunnat: {}", regions[k as usize % regions.len()]),
            )
            .replace(
                "Myönnetty EU- ja valtion rahoitus: 48 724",
                &format!(
                    "Myönnetty EU- ja valtion rahoitus: {}",
                    1000 + k * 7919 % 5000
                ),
            )
            .replace("2018", &format!("{}", 2015 + k % 6));
        entries.extend(ingest(&format!("v{k}.txt"), text.as_bytes()));
        if k % 9 == 0 {
            entries.extend(ingest(
                &format!("kuva{k}.png"),
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            ));
        }
    }
    entries.extend(ingest(
        "S29999.txt",
        base.replace("S21498", "S29999").as_bytes(),
    ));
    entries
}

fn fresh(entries: &[Entry], filter: &Filter, sort: Sort) -> View {
    let rows = RowLog::default().update(entries, 0);
    Derived::default().update(&rows, filter, sort)
}

/// The figures of a view, without the identity of its parts.
fn figures(v: &View) -> (Vec<usize>, Totals, Vec<Vec<Group>>, FilterOptions) {
    (
        v.shown.to_vec(),
        v.totals,
        v.aggregates.iter().map(|g| g.to_vec()).collect(),
        (*v.options).clone(),
    )
}

#[test]
fn growing_in_batches_gives_what_deriving_once_gives() {
    let entries = entries();
    let filters = [
        Filter::default(),
        Filter {
            region: "Lappi".into(),
            ..Filter::default()
        },
        Filter {
            text: "s2000".into(),
            ..Filter::default()
        },
        // The list says S29999 is active; once its description arrives it is not.
        Filter {
            status: "active".into(),
            ..Filter::default()
        },
        Filter {
            period: "2014-2020".into(),
            ..Filter::default()
        },
    ];
    let sorts = [
        Sort::default(),
        Sort::default().toggled(Column::Granted),
        Sort::default().toggled(Column::Regions),
        Sort::default()
            .toggled(Column::Start)
            .toggled(Column::Start),
    ];
    for filter in &filters {
        for sort in sorts {
            let mut log = RowLog::default();
            let mut derived = Derived::default();
            for batch in [1, 2, 3, 7, 13] {
                let mut end = 0;
                while end < entries.len() {
                    end = (end + batch).min(entries.len());
                    let rows = log.update(&entries[..end], 0);
                    let view = derived.update(&rows, filter, sort);
                    assert_eq!(
                        figures(&view),
                        figures(&fresh(&entries[..end], filter, sort)),
                        "{filter:?} {sort:?} batch {batch} at {end}"
                    );
                }
                // The next batch size starts again from an empty list.
                log.update(&[], 1 + batch as u64);
            }
            assert!(!derived.view.shown.is_empty(), "{filter:?} shows rows");
        }
    }
}

#[test]
fn another_sort_of_the_same_rows_gives_a_fresh_derive() {
    let entries = entries();
    let mut log = RowLog::default();
    let rows = log.update(&entries, 0);
    let lappi = Filter {
        region: "Lappi".into(),
        ..Filter::default()
    };
    // The list says S29999 is active; its description says it is not.
    let by_status = Filter {
        status: "active".into(),
        ..Filter::default()
    };
    for filter in [Filter::default(), lappi] {
        let mut derived = Derived::default();
        derived.update(&rows, &filter, Sort::default());
        for column in Column::ALL {
            for sort in [
                Sort::default().toggled(column),
                Sort::default().toggled(column).toggled(column),
            ] {
                let view = derived.update(&rows, &filter, sort);
                assert_eq!(
                    figures(&view),
                    figures(&fresh(&entries, &filter, sort)),
                    "{filter:?} {sort:?}"
                );
                // Filters chosen and cleared under this sort keep its order.
                for other in [&by_status, &Filter::default(), &filter] {
                    let view = derived.update(&rows, other, sort);
                    assert_eq!(
                        figures(&view),
                        figures(&fresh(&entries, other, sort)),
                        "{other:?} after {filter:?} {sort:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn duplicates_found_while_growing_and_after_a_removal() {
    let entries = entries();
    let dups = |rows: &[Row]| {
        rows.iter()
            .map(|r| (r.entry, r.duplicate_of))
            .collect::<Vec<_>>()
    };
    let mut log = RowLog::default();
    for end in (0..entries.len()).step_by(4) {
        log.update(&entries[..end], 0);
    }
    let grown = log.update(&entries, 0);
    let once = build_rows(&[], &entries);
    assert_eq!(dups(&grown.all), dups(&once));
    let first = once
        .iter()
        .find_map(|r| r.duplicate_of)
        .expect("a repeated code");
    // Removing the first of a code makes the next one the first.
    let mut fewer = entries.clone();
    fewer.remove(first);
    let after = log.update(&fewer, 1);
    assert_ne!(after.epoch, grown.epoch, "a removal starts a new epoch");
    assert_eq!(dups(&after.all), dups(&build_rows(&[], &fewer)));
    // Growing again after the removal goes on from the rebuilt rows.
    let mut more = fewer.clone();
    more.extend(ingest("again.txt", EXAMPLES[1].1));
    let again = log.update(&more, 1);
    assert_eq!(again.epoch, after.epoch);
    assert_eq!(dups(&again.all), dups(&build_rows(&[], &more)));
    assert!(again.all.last().unwrap().duplicate_of.is_some());
}

#[test]
fn what_did_not_change_is_not_made_again() {
    let mut entries = entries();
    let mut log = RowLog::default();
    let mut derived = Derived::default();
    let rows = log.update(&entries, 0);
    let a = derived.update(&rows, &Filter::default(), Sort::default());
    let same = log.update(&entries, 0);
    assert_eq!(same, rows, "no new entries, the same rows");
    let b = derived.update(&same, &Filter::default(), Sort::default());
    assert!(Rc::ptr_eq(&a.shown, &b.shown), "the same view");
    // A row that offers no new filter choice keeps the choices.
    entries.extend(ingest("again.txt", EXAMPLES[0].1));
    let more = log.update(&entries, 0);
    let c = derived.update(&more, &Filter::default(), Sort::default());
    assert_eq!(c.shown.len(), a.shown.len() + 1);
    assert!(Rc::ptr_eq(&a.options, &c.options));
}

#[test]
fn a_description_and_a_list_row_are_one_row_in_either_order() {
    let entries = entries();
    let rows = RowLog::default().update(&entries, 0);
    let shown = |code: &str| {
        rows.all
            .iter()
            .filter(|r| r.data.code == code && r.merged_into.is_none())
            .collect::<Vec<_>>()
    };
    for code in ["S21498", "S29999"] {
        let one = shown(code);
        assert_eq!(one.len(), 1, "{code}: one row");
        let merged = one[0].data.merged.as_ref().expect("merged");
        assert!(!merged.conflicts.is_empty(), "{code}: the list disagrees");
        assert!(one[0].data.described);
        let opened = entries[one[0].opens].loaded().unwrap();
        assert!(
            opened.doc.source.list.is_none(),
            "{code}: opens the description"
        );
    }
    assert_eq!(shown("S29999")[0].data.doc().source.file_name, "S29999.txt");
    let view = fresh(&entries, &Filter::default(), Sort::default());
    assert_eq!(
        view.totals.described, view.totals.count,
        "every project described"
    );
    let only_lists = Filter {
        period: "2014-2020".into(),
        text: "s2999".into(),
        ..Filter::default()
    };
    assert_eq!(fresh(&entries, &only_lists, Sort::default()).shown.len(), 1);
}

#[test]
fn merging_keeps_the_order() {
    let old = [1, 4, 6, 9];
    let merged = merge(&old, &[0, 5, 10, 11], |a, b| a.cmp(&b));
    assert_eq!(merged, [0, 1, 4, 5, 6, 9, 10, 11]);
    assert_eq!(merge(&[], &[2, 3], |a, b| a.cmp(&b)), [2, 3]);
    assert_eq!(merge(&old, &[], |a, b| a.cmp(&b)), old);
}
