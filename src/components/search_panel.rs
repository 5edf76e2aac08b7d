//! The overview's search beyond its filters: the funding range and organisation, the query's
//! help, how many documents are still being indexed, and, while searching, the facets next
//! to the results.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::search_facets::SearchFacets;
use crate::components::search_refine::SearchRefine;
use crate::components::search_results::SearchResults;
use crate::hooks::{use_deferred, SearchHandle};
use crate::i18n::Lang;
use crate::overview::live::Rows;
use crate::search::filter::SearchFilter;
use crate::search::results::Found;
use crate::state::OverviewAction;

/// Properties of [`SearchPanel`].
#[derive(Properties, PartialEq)]
pub struct SearchPanelProps {
    /// Every row.
    pub rows: Rows,
    /// The rows shown, in order.
    pub shown: Rc<Vec<usize>>,
    /// What the query found; `None` without a query.
    pub found: Option<Rc<Found>>,
    /// The query as typed.
    pub query: AttrValue,
    /// The engine.
    pub search: SearchHandle,
    /// Documents not yet searchable.
    pub pending: usize,
    /// The search filter.
    pub chosen: SearchFilter,
    /// A control was changed.
    pub on_overview: Callback<OverviewAction>,
    /// A result was opened.
    pub on_open: Callback<usize>,
}

/// What the facets and results show, deferred together.
#[derive(Clone, PartialEq)]
struct Results {
    rows: Rows,
    shown: Rc<Vec<usize>>,
    found: Option<Rc<Found>>,
    query: AttrValue,
    search: SearchHandle,
    chosen: SearchFilter,
}

/// `div.search-panel`.
#[component]
pub fn SearchPanel(props: &SearchPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let s = lang.s();
    // The facets and results follow in a task of their own: with a whole programme the
    // task that showed a query's rows, totals and results together came near 100 ms.
    let results = use_deferred(Results {
        rows: props.rows.clone(),
        shown: Rc::clone(&props.shown),
        found: props.found.clone(),
        query: props.query.clone(),
        search: props.search.clone(),
        chosen: props.chosen.clone(),
    });
    let searching = results.found.is_some() || results.chosen.is_active();
    html! {
        <div class="search-panel">
            <p id="search-help" class="muted search-help">{ s.query_help }</p>
            <SearchRefine filter={props.chosen.clone()} on_overview={props.on_overview.clone()} />
            if props.pending > 0 {
                <p id="search-pending" class="muted" data-pending={props.pending.to_string()}>
                    { format!("{} {}", props.pending, s.indexing) }
                </p>
            }
            if searching {
                <div class="search-layout">
                    <SearchFacets rows={results.rows.clone()} shown={results.shown.clone()}
                        chosen={results.chosen.clone()} on_overview={props.on_overview.clone()} />
                    if let Some(found) = &results.found {
                        <SearchResults rows={results.rows.clone()} shown={results.shown.clone()}
                            found={Rc::clone(found)} query={results.query.clone()}
                            search={results.search.clone()} on_open={props.on_open.clone()} />
                    }
                </div>
            }
        </div>
    }
}
