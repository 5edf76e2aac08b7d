//! The overview kept up to date while files arrive, at a cost in proportion to what arrived.
//!
//! A whole programme (8,000 files) arrives in a few dozen batches, and each batch re-renders
//! the overview in one main-thread task. Deriving the rows, the rows shown, the totals, the
//! aggregates and the filter choices afresh from every row made that task longer the more
//! had arrived. While the list only grows, [`RowLog`] makes rows for the new entries only,
//! and [`Derived`] filters, sorts and adds up only the new rows, merging them into what it
//! had. Anything else (a removal, another filter or sort) derives from scratch with the
//! functions of [`super`]; the tests check that both ways give the same.

use std::collections::HashMap;
use std::rc::Rc;

use super::{
    append_rows, compare, filter_options, known_data, matching, sort_shown, Dimension, Filter,
    FilterOptions, Group, Row, Sort, Sums, Totals,
};
use crate::ingest::Entry;
use crate::matcher::Query;

/// The overview rows, in list order; compared by identity (new rows make a new list).
#[derive(Debug, Clone, Default)]
pub struct Rows {
    /// The rows.
    pub all: Rc<Vec<Row>>,
    /// Rows of the same epoch extend one another: a later one holds an earlier one's rows
    /// first. A new epoch starts when the rows are rebuilt.
    pub epoch: u64,
    /// The positions of rows replaced in place during the epoch (a description and a list
    /// row merged, each hiding the later row of the two), in order: a later list of the
    /// epoch extends an earlier one's.
    pub changes: Rc<Vec<usize>>,
}

impl Rows {
    /// The number of projects the rows show: every row but those merged into another's
    /// (one per change).
    pub fn projects(&self) -> usize {
        self.all.len() - self.changes.len()
    }
}

impl PartialEq for Rows {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.all, &other.all)
    }
}

/// Makes the overview rows of the document list, appending while the list grows.
#[derive(Debug, Default)]
pub struct RowLog {
    rows: Rows,
    /// The list's generation and length the rows were made for.
    generation: u64,
    entries: usize,
    /// The list index of the first document of each project code.
    first_of_code: HashMap<String, usize>,
}

impl RowLog {
    /// The rows of `entries`. `generation` must change whenever the list changes other than
    /// by entries added at its end (`State::generation`); then the rows are rebuilt, reusing
    /// the row data of documents still listed. Otherwise only the added entries are read.
    pub fn update(&mut self, entries: &[Entry], generation: u64) -> Rows {
        let grown = generation == self.generation && entries.len() >= self.entries;
        if grown && entries.len() == self.entries {
            return self.rows.clone();
        }
        let mut rows = Vec::with_capacity(entries.len());
        let mut changed = Vec::new();
        if grown {
            rows.extend(self.rows.all.iter().cloned());
            append_rows(
                &mut rows,
                &mut self.first_of_code,
                entries,
                self.entries,
                &HashMap::new(),
                &mut changed,
            );
            if !changed.is_empty() {
                let mut changes = Vec::clone(&self.rows.changes);
                changes.extend(changed);
                self.rows.changes = Rc::new(changes);
            }
        } else {
            // Rebuilt from the first entry, reusing the row data of documents still listed.
            self.first_of_code.clear();
            let known = known_data(&self.rows.all);
            append_rows(
                &mut rows,
                &mut self.first_of_code,
                entries,
                0,
                &known,
                &mut changed,
            );
            self.rows.epoch += 1;
            // Merges made while rebuilding: one hidden row each (see `Rows::projects`).
            self.rows.changes = Rc::new(changed);
        }
        self.rows.all = Rc::new(rows);
        self.generation = generation;
        self.entries = entries.len();
        self.rows.clone()
    }
}

/// What the overview shows for one filter and sort.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    /// The rows shown, in order, as indices into the rows.
    pub shown: Rc<Vec<usize>>,
    /// The totals row of the rows shown.
    pub totals: Totals,
    /// The aggregates of the rows shown, in [`Dimension::ALL`] order.
    pub aggregates: [Rc<Vec<Group>>; 4],
    /// The filter choices all rows offer.
    pub options: Rc<FilterOptions>,
}

/// Derives the [`View`] of the rows for a filter and sort, from the previous view where the
/// rows only grew.
#[derive(Debug, Default)]
pub struct Derived {
    /// What the view was derived from: rows (epoch and count), filter and sort.
    from: Option<(Rows, Filter, Sort)>,
    sums: Sums,
    view: View,
    /// The rows the filter choices were gathered from, and the choices: they depend on the
    /// rows only, so another filter, sort or query reuses them (gathering them from 44,000
    /// rows took a fifth of a sort).
    options: Option<(Rows, Rc<FilterOptions>)>,
    /// Every row in the order of a sort, from the last view that showed every row: a filter
    /// chosen or cleared then keeps the rows it passes in that order instead of sorting
    /// them again (sorting a programme by code was most of clearing a filter).
    order: Option<(Rows, Sort, Rc<Vec<usize>>)>,
}

impl Derived {
    /// The view of `rows` filtered by `filter` and sorted by `sort`.
    pub fn update(&mut self, rows: &Rows, filter: &Filter, sort: Sort) -> View {
        let all = &rows.all;
        // Whether filter and sort are those of the last view, and how many of the rows it had
        // when the rows have only grown since.
        let (same_view, grown_from) = match &self.from {
            Some((before, f, s)) => {
                let same_view = f == filter && *s == sort;
                if same_view && before == rows {
                    return self.view.clone();
                }
                if f == filter && before == rows {
                    // Another order of the same rows: their sums stay.
                    self.view.shown = if filter.is_active() {
                        let mut shown = Vec::clone(&self.view.shown);
                        sort_shown(all, &mut shown, sort);
                        Rc::new(shown)
                    } else {
                        self.order(rows, sort)
                    };
                    self.from = Some((rows.clone(), filter.clone(), sort));
                    return self.view.clone();
                }
                let grown = before.epoch == rows.epoch && before.all.len() <= all.len();
                (same_view, grown.then_some(before.all.len()))
            }
            None => (false, None),
        };
        // Rows of the previous view replaced in place since (merged with a later partner).
        let before = self.from.as_ref().map(|(b, _, _)| b.clone());
        let changed: Vec<usize> = match (&before, grown_from) {
            (Some(b), Some(old)) => rows.changes[b.changes.len().min(rows.changes.len())..]
                .iter()
                .copied()
                .filter(|&p| p < old)
                .collect(),
            _ => Vec::new(),
        };
        let options = self.options(rows);
        let shown = match (grown_from, before) {
            (Some(old), Some(before)) if same_view => {
                let kept = self.unshow(&before.all, &changed, sort);
                let query = Query::new(&filter.text);
                let mut new = matching(all, filter, old..all.len());
                new.extend(changed.iter().filter(|&&p| filter.matches(&all[p], &query)));
                sort_shown(all, &mut new, sort);
                for &i in &new {
                    self.sums.add(&all[i]);
                }
                merge(kept.as_deref().unwrap_or(&self.view.shown), &new, |i, j| {
                    compare(all, sort, i, j)
                })
            }
            _ => {
                let shown = match &self.order {
                    Some((r, s, order)) if r == rows && *s == sort => {
                        let query = Query::new(&filter.text);
                        order
                            .iter()
                            .copied()
                            .filter(|&i| filter.matches(&all[i], &query))
                            .collect()
                    }
                    _ if !filter.is_active() => Vec::clone(&self.order(rows, sort)),
                    _ => super::shown_rows(all, filter, sort),
                };
                self.sums = Sums::of(all, &shown);
                shown
            }
        };
        self.view = View {
            shown: Rc::new(shown),
            totals: self.sums.totals(),
            aggregates: Dimension::ALL.map(|d| Rc::new(self.sums.groups(d))),
            options,
        };
        if !filter.is_active() {
            // Every row shown, in order: the order a filter chosen next starts from.
            self.order = Some((rows.clone(), sort, Rc::clone(&self.view.shown)));
        }
        self.from = Some((rows.clone(), filter.clone(), sort));
        self.view.clone()
    }

    /// Every row passing no filter (all but those merged into another), sorted by `sort`;
    /// kept until the rows or the sort change.
    fn order(&mut self, rows: &Rows, sort: Sort) -> Rc<Vec<usize>> {
        if let Some((r, s, order)) = &self.order {
            if r == rows && *s == sort {
                return Rc::clone(order);
            }
        }
        let order = Rc::new(super::shown_rows(&rows.all, &Filter::default(), sort));
        self.order = Some((rows.clone(), sort, Rc::clone(&order)));
        order
    }

    /// The filter choices all of `rows` offer, gathered from the new rows only where the
    /// rows have grown since the last call.
    pub fn options(&mut self, rows: &Rows) -> Rc<FilterOptions> {
        let all = &rows.all;
        let options = match &self.options {
            Some((before, options)) if before == rows => return Rc::clone(options),
            Some((before, options))
                if before.epoch == rows.epoch && before.all.len() <= all.len() =>
            {
                let old = before.all.len();
                // Rows replaced in place since (merged with a later partner).
                let changed = rows.changes[before.changes.len().min(rows.changes.len())..]
                    .iter()
                    .filter(|&&p| p < old)
                    .map(|&p| &all[p]);
                let mut added = FilterOptions::clone(options);
                let new = all[old..]
                    .iter()
                    .chain(changed)
                    .fold(false, |new, row| added.add(&row.data) | new);
                if new {
                    Rc::new(added)
                } else {
                    Rc::clone(options)
                }
            }
            _ => Rc::new(filter_options(all)),
        };
        self.options = Some((rows.clone(), Rc::clone(&options)));
        options
    }

    /// Takes the rows `changed` (positions of rows replaced since the last view, which had
    /// the rows `before`) out of the rows shown and the sums; `None` when there are none.
    /// Each is found by a binary search under the order the view was sorted in.
    fn unshow(&mut self, before: &[Row], changed: &[usize], sort: Sort) -> Option<Vec<usize>> {
        if changed.is_empty() {
            return None;
        }
        let shown = &self.view.shown;
        let mut out = Vec::new();
        for &p in changed {
            let at = shown.partition_point(|&o| compare(before, sort, o, p).is_lt());
            if shown.get(at) == Some(&p) {
                out.push(at);
                self.sums.remove(&before[p]);
            }
        }
        // Taken out in one copy of the list, not one shift of it per row.
        out.sort_unstable();
        let mut out = out.into_iter().peekable();
        let kept = shown
            .iter()
            .enumerate()
            .filter(|&(at, _)| out.next_if_eq(&at).is_none())
            .map(|(_, &i)| i)
            .collect();
        Some(kept)
    }
}

/// Merges `new` into `old`, both sorted by `cmp`, which orders no two indices equal.
/// Each new index is placed by a binary search in what remains of `old`: a batch of new rows
/// costs a few comparisons each, and copying.
fn merge(
    old: &[usize],
    new: &[usize],
    cmp: impl Fn(usize, usize) -> std::cmp::Ordering,
) -> Vec<usize> {
    let mut out = Vec::with_capacity(old.len() + new.len());
    let mut rest = old;
    for &n in new {
        let at = rest.partition_point(|&o| cmp(o, n).is_lt());
        out.extend_from_slice(&rest[..at]);
        out.push(n);
        rest = &rest[at..];
    }
    out.extend_from_slice(rest);
    out
}

#[cfg(test)]
pub(crate) mod tests {
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
}
