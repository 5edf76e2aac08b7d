//! The overview under a search, as pure functions: the rows a query and the search filter
//! leave (ranked by BM25, or in the chosen column order) with their totals and aggregates,
//! the result items with their snippets cut into marked and plain parts, and the facet
//! counts of the rows shown.

use std::rc::Rc;

use hankekuvaus_search::{Facet, Filter as SearchCrateFilter};

use super::facet_ids;
use super::filter::SearchFilter;
use super::{Answer, DocId, Engine, Snippet};
use crate::i18n::Lang;
use crate::matcher::Query;
use crate::overview::live::View;
use crate::overview::{
    sort_shown, status_of_key, Dimension, Filter, FilterOptions, Row, Sort, Sums,
};
use crate::view_model::status_label;

/// A list index without a hit.
const NO_HIT: u32 = u32::MAX;

/// One document a query found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FoundHit {
    /// Its list index.
    pub entry: usize,
    /// Its id in the engine.
    pub id: DocId,
    /// Its BM25 score.
    pub score: f32,
    /// Word matches of the query in it.
    pub hits: u32,
}

/// What a query found among the listed documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Why the query cannot be read, when it cannot.
    pub error: Option<String>,
    /// The documents found, best first.
    pub hits: Vec<FoundHit>,
    /// For each list index, its place in `hits` (`NO_HIT` for none).
    rank: Vec<u32>,
}

impl Found {
    /// The answer's hits placed in the list: `entry_of` maps ids to list indices of a list of
    /// `entries` entries.
    pub(super) fn new(answer: Answer, entry_of: &[u32], entries: usize) -> Found {
        let mut rank = vec![NO_HIT; entries];
        let hits: Vec<FoundHit> = answer
            .hits
            .iter()
            .filter_map(|h| {
                let entry = *entry_of.get(h.doc as usize)?;
                (entry != NO_HIT).then_some(FoundHit {
                    entry: entry as usize,
                    id: h.doc,
                    score: h.score,
                    hits: h.hits,
                })
            })
            .collect();
        for (i, h) in hits.iter().enumerate() {
            rank[h.entry] = i as u32;
        }
        Found {
            error: answer.error,
            hits,
            rank,
        }
    }

    /// The hit of the entry at list index `entry`, when the query found it.
    pub fn hit(&self, entry: usize) -> Option<&FoundHit> {
        let at = *self.rank.get(entry)?;
        self.hits.get(at as usize)
    }

    /// The best hit of an overview row: a row that merges a description with its list row
    /// is found through either of the two.
    pub fn row_hit(&self, row: &Row) -> Option<&FoundHit> {
        let rank = |entry: usize| self.rank.get(entry).copied().unwrap_or(NO_HIT);
        let best = rank(row.entry).min(rank(row.opens));
        self.hits.get(best as usize)
    }
}

/// The overview's view under a search: the rows passing `filter` (its text left to the
/// query), `search` and, with a query, found by it; ranked when `relevance`, otherwise in
/// `sort` order; with their totals and aggregates, and the filter choices `options` (those
/// of all rows, which the caller keeps: they do not change with the query).
pub fn search_view(
    rows: &[Row],
    filter: &Filter,
    search: &SearchCrateFilter,
    sort: Sort,
    relevance: bool,
    found: Option<&Found>,
    options: Rc<FilterOptions>,
) -> View {
    let plain = Filter {
        text: String::new(),
        ..filter.clone()
    };
    let unfiltered = *search == SearchCrateFilter::default();
    let query = Query::new(&plain.text);
    let mut shown: Vec<usize> = match found {
        // Only the rows found are visited: a query finds a part of a programme's 44,000.
        Some(f) => found_rows(rows, f),
        None => (0..rows.len()).collect(),
    };
    shown.retain(|&i| {
        plain.matches(&rows[i], &query) && (unfiltered || search.matches(rows[i].header()))
    });
    match found {
        Some(f) if relevance => shown.sort_unstable_by_key(|&i| {
            let rank = |entry: usize| f.rank.get(entry).copied().unwrap_or(NO_HIT);
            (rank(rows[i].entry).min(rank(rows[i].opens)), i)
        }),
        _ => sort_shown(rows, &mut shown, sort),
    }
    let sums = Sums::of(rows, &shown);
    View {
        shown: Rc::new(shown),
        totals: sums.totals(),
        aggregates: Dimension::ALL.map(|d| Rc::new(sums.groups(d))),
        options,
    }
}

/// The rows `found` has a hit in, in list order: the row of each document found, or, for a
/// list row merged into a description's row (or the other way round), the row they share.
fn found_rows(rows: &[Row], found: &Found) -> Vec<usize> {
    // Rows are in list order, so a list index is found by a binary search.
    let row_of = |entry: usize| {
        let at = rows.partition_point(|r| r.entry < entry);
        rows.get(at).is_some_and(|r| r.entry == entry).then_some(at)
    };
    let mut out: Vec<usize> = found
        .hits
        .iter()
        .filter_map(|h| {
            let at = row_of(h.entry)?;
            match rows[at].merged_into {
                Some(first) => row_of(first),
                None => Some(at),
            }
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A piece of a snippet: text, marked when it is a hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The text.
    pub text: String,
    /// Whether it is a hit (`<mark>`).
    pub mark: bool,
}

/// A snippet cut into plain and marked parts, in order.
pub fn snippet_parts(snippet: &Snippet) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut at = 0;
    let text = &snippet.text;
    for mark in &snippet.marks {
        if mark.start > at {
            parts.push(Part {
                text: text[at..mark.start].to_owned(),
                mark: false,
            });
        }
        parts.push(Part {
            text: text[mark.clone()].to_owned(),
            mark: true,
        });
        at = mark.end;
    }
    if at < text.len() {
        parts.push(Part {
            text: text[at..].to_owned(),
            mark: false,
        });
    }
    parts
}

/// One result of the list of results.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultItem {
    /// Its list index.
    pub entry: usize,
    /// The project code ("" without one).
    pub code: String,
    /// The project name ("" without one).
    pub name: String,
    /// Word matches of the query.
    pub hits: u32,
    /// One or two snippets, as parts.
    pub snippets: Vec<Vec<Part>>,
}

/// The first `max` rows of `shown` that the query found, with two snippets each.
pub fn result_items(
    engine: &Engine,
    query: &str,
    found: &Found,
    rows: &[Row],
    shown: &[usize],
    max: usize,
) -> Vec<ResultItem> {
    shown
        .iter()
        .filter_map(|&i| {
            let row = &rows[i];
            let hit = found.row_hit(row)?;
            let doc = row.doc();
            Some(ResultItem {
                entry: hit.entry,
                code: doc.project.code.as_deref().unwrap_or_default().to_owned(),
                name: doc.project.name.as_deref().unwrap_or_default().to_owned(),
                hits: hit.hits,
                snippets: engine
                    .snippets(query, hit.id, 2)
                    .iter()
                    .map(snippet_parts)
                    .collect(),
            })
        })
        .take(max)
        .collect()
}

/// One value of a facet with its count among the rows shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// The value as filtered ("active", "Etelä-Savo").
    pub value: String,
    /// The value as shown ("Käynnissä").
    pub label: String,
    /// Rows shown that have it.
    pub count: usize,
    /// Whether it is chosen.
    pub chosen: bool,
}

/// The values of one facet, most rows first, chosen values always among them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetGroup {
    /// The facet.
    pub facet: Facet,
    /// Its values shown.
    pub values: Vec<FacetValue>,
    /// How many values were left out.
    pub more: usize,
}

/// The facet counts of the rows `shown`: at most `max` values per facet besides the chosen
/// ones (a chosen value no row shown has counts 0).
pub fn facet_groups(
    lang: Lang,
    rows: &[Row],
    shown: &[usize],
    chosen: &SearchFilter,
    max: usize,
) -> Vec<FacetGroup> {
    let mut counts = facet_ids::count(shown.iter().map(|&i| &*rows[i].data.facets));
    Facet::ALL
        .into_iter()
        .filter_map(|facet| {
            let all = counts.remove(&facet).unwrap_or_default();
            let picked = chosen.facets.get(&facet);
            let mut values: Vec<FacetValue> = Vec::new();
            for (value, count) in &all {
                let is_chosen = picked.is_some_and(|p| p.contains(value));
                if values.len() < max || is_chosen {
                    values.push(value_of(lang, facet, value, *count, is_chosen));
                }
            }
            for value in picked.into_iter().flatten() {
                if !all.iter().any(|(v, _)| v == value) {
                    values.push(value_of(lang, facet, value, 0, true));
                }
            }
            let more = all.len() + values.iter().filter(|v| v.count == 0).count() - values.len();
            (!values.is_empty()).then_some(FacetGroup {
                facet,
                values,
                more,
            })
        })
        .collect()
}

fn value_of(lang: Lang, facet: Facet, value: &str, count: usize, chosen: bool) -> FacetValue {
    let label = match (facet, status_of_key(value)) {
        (Facet::Status, Some(status)) => status_label(lang, Some(status), None),
        _ => value.to_owned(),
    };
    FacetValue {
        value: value.to_owned(),
        label,
        count,
        chosen,
    }
}

#[cfg(test)]
#[path = "results_tests.rs"]
mod tests;
