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

    /// Whether these rows extend `before`: the same epoch and no fewer rows.
    fn extends(&self, before: &Rows) -> bool {
        before.epoch == self.epoch && before.all.len() <= self.all.len()
    }

    /// The positions of `before`'s rows replaced in place since (merged with a later
    /// partner), where these rows extend `before`.
    fn replaced_since<'a>(&'a self, before: &Rows) -> impl Iterator<Item = usize> + 'a {
        let old = before.all.len();
        self.changes[before.changes.len().min(self.changes.len())..]
            .iter()
            .copied()
            .filter(move |&p| p < old)
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
                (same_view, rows.extends(before).then_some(before.all.len()))
            }
            None => (false, None),
        };
        // Rows of the previous view replaced in place since (merged with a later partner).
        let before = self.from.as_ref().map(|(b, _, _)| b.clone());
        let changed: Vec<usize> = match (&before, grown_from) {
            (Some(b), Some(_)) => rows.replaced_since(b).collect(),
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
            Some((before, options)) if rows.extends(before) => {
                let old = before.all.len();
                let changed = rows.replaced_since(before).map(|p| &all[p]);
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
#[path = "live_tests.rs"]
pub(crate) mod tests;
