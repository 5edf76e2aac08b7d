//! The sidebar list's view model: which entries render, how many match the filter, and
//! whether the list is cut short.

use crate::ingest::Entry;
use crate::matcher::{entry_matches, Query};

/// At most this many entries are rendered in the list. Rendering every one of 8,000 entries
/// on each loading batch made main-thread tasks of a second; the overview table (virtualised)
/// and the filter reach the rest.
pub const LIST_LIMIT: usize = 500;

/// Which entries the list renders: all of them (the filtered-out ones hidden, so the list
/// keeps one `<li>` per entry) up to [`LIST_LIMIT`] entries; beyond that only the first
/// [`LIST_LIMIT`] matching ones, plus the selected entry wherever it is.
pub fn rendered_entries(
    entries: &[Entry],
    selected: Option<usize>,
    matches: impl Fn(&Entry) -> bool,
) -> Vec<(usize, bool)> {
    if entries.len() <= LIST_LIMIT {
        return entries
            .iter()
            .enumerate()
            .map(|(i, e)| (i, matches(e)))
            .collect();
    }
    let mut out: Vec<(usize, bool)> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| matches(e))
        .take(LIST_LIMIT)
        .map(|(i, _)| (i, true))
        .collect();
    if let Some(s) = selected.filter(|s| *s < entries.len() && !out.iter().any(|(i, _)| i == s)) {
        out.push((s, true));
    }
    out
}

/// What the list shows under a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListView {
    /// The entries to render, each with whether it matches (see [`rendered_entries`]).
    pub rendered: Vec<(usize, bool)>,
    /// How many entries match.
    pub shown: usize,
    /// Whether more match than are rendered.
    pub cut: bool,
}

/// The list of `entries` filtered by `filter` (as typed), keeping `selected` in view.
pub fn list_view(entries: &[Entry], selected: Option<usize>, filter: &str) -> ListView {
    let query = Query::new(filter);
    let shown = entries.iter().filter(|e| entry_matches(e, &query)).count();
    ListView {
        rendered: rendered_entries(entries, selected, |e| entry_matches(e, &query)),
        shown,
        cut: entries.len() > LIST_LIMIT && shown > LIST_LIMIT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest;

    fn entries(n: usize) -> Vec<Entry> {
        let seed = include_bytes!("../testdata/seeds/000_2f4bdf7767fd6a31.txt");
        let one = ingest("s.txt", seed).remove(0);
        vec![one; n]
    }

    #[test]
    fn short_lists_render_every_entry_and_hide_the_filtered() {
        let list = entries(10);
        let rendered = rendered_entries(&list, None, |_| false);
        assert_eq!(rendered.len(), 10);
        assert!(rendered.iter().all(|&(_, matching)| !matching));
    }

    #[test]
    fn long_lists_render_the_first_matching_and_the_selected() {
        let list = entries(LIST_LIMIT + 300);
        let rendered = rendered_entries(&list, Some(LIST_LIMIT + 250), |_| true);
        assert_eq!(rendered.len(), LIST_LIMIT + 1);
        assert_eq!(rendered[0], (0, true));
        assert_eq!(rendered.last(), Some(&(LIST_LIMIT + 250, true)));
        let none = rendered_entries(&list, None, |_| false);
        assert!(none.is_empty());
    }

    #[test]
    fn the_filter_counts_matches_and_cuts_long_lists() {
        let list = entries(LIST_LIMIT + 1);
        let all = list_view(&list, None, "");
        assert_eq!((all.shown, all.cut), (LIST_LIMIT + 1, true));
        assert_eq!(all.rendered.len(), LIST_LIMIT);
        let none = list_view(&list, Some(3), "lappi");
        assert_eq!((none.shown, none.cut), (0, false));
        assert_eq!(none.rendered, [(3, true)], "the selected entry stays");
    }
}
