//! The overview's search beyond its filters: the funding range and organisation, the query's
//! help, how many documents are still being indexed, and, while searching, the facets next
//! to the results.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::search_facets::SearchFacets;
use crate::components::search_refine::SearchRefine;
use crate::components::search_results::SearchResults;
use crate::hooks::SearchHandle;
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

/// `div.search-panel`.
#[component]
pub fn SearchPanel(props: &SearchPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let s = lang.s();
    let searching = props.found.is_some() || props.chosen.is_active();
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
                    <SearchFacets rows={props.rows.clone()} shown={props.shown.clone()}
                        chosen={props.chosen.clone()} on_overview={props.on_overview.clone()} />
                    if let Some(found) = &props.found {
                        <SearchResults rows={props.rows.clone()} shown={props.shown.clone()}
                            found={Rc::clone(found)} query={props.query.clone()}
                            search={props.search.clone()} on_open={props.on_open.clone()} />
                    }
                </div>
            }
        </div>
    }
}
