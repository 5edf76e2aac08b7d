//! The results of the overview's query: each found project with its hit count and one or two
//! snippets with the hits in `<mark>`, best first (or in the table's order), ten at a
//! time.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::SearchHandle;
use crate::i18n::Lang;
use crate::overview::live::Rows;
use crate::search::results::{result_items, Found, Part};

/// Results shown at first, and added by "Show more". Snippets of a common word's hits in
/// 20 long descriptions took up to 114 ms in Chromium (`?bench=search`); 10 keep a
/// keystroke's task at about half that.
const PAGE: usize = 10;

/// Properties of [`SearchResults`].
#[derive(Properties, PartialEq)]
pub struct SearchResultsProps {
    /// Every row.
    pub rows: Rows,
    /// The rows shown, in order.
    pub shown: Rc<Vec<usize>>,
    /// What the query found.
    pub found: Rc<Found>,
    /// The query as typed.
    pub query: AttrValue,
    /// The engine, for the snippets.
    pub search: SearchHandle,
    /// A result was opened: its list index.
    pub on_open: Callback<usize>,
}

fn parts(parts: &[Part]) -> Html {
    parts
        .iter()
        .map(|p| match p.mark {
            true => html! { <mark>{ p.text.clone() }</mark> },
            false => html! { { p.text.clone() } },
        })
        .collect()
}

/// `section#search-results`: `ol` of `li.search-result[data-entry][data-code]`.
#[component]
pub fn SearchResults(props: &SearchResultsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let s = lang.s();
    let limit = use_state(|| PAGE);
    let items = {
        let (rows, shown, found) = (props.rows.clone(), props.shown.clone(), props.found.clone());
        let (query, follower) = (props.query.clone(), props.search.follower.clone());
        use_memo(
            (rows, shown, found, query, props.search.version, *limit),
            move |(rows, shown, found, query, _, limit)| {
                let f = follower.borrow();
                result_items(&f.engine, query, found, &rows.all, shown, *limit)
            },
        )
    };
    if let Some(error) = &props.found.error {
        return html! {
            <p id="search-error" class="search-error" role="status">
                { format!("{} {error}", s.query_error) }
            </p>
        };
    }
    let more = props.shown.len() > items.len();
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };
    html! {
        <section id="search-results" class="search-results" aria-labelledby="search-results-heading">
            <h3 id="search-results-heading">{ s.results }</h3>
            <ol>
                { for items.iter().map(|item| {
                    let entry = item.entry;
                    let onclick = props.on_open.reform(move |_: MouseEvent| entry);
                    html! {
                        <li class="search-result" data-entry={entry.to_string()} data-code={item.code.clone()}>
                            <button type="button" class="search-result-open" {onclick}>
                                <span class="code">{ item.code.clone() }</span>{ " " }
                                <span class="name">{ item.name.clone() }</span>
                            </button>
                            <span class="hit-count" data-hits={item.hits.to_string()}>{ s.hits(item.hits) }</span>
                            { for item.snippets.iter().map(|snippet| html! {
                                <p class="snippet">{ parts(snippet) }</p>
                            }) }
                        </li>
                    }
                }) }
            </ol>
            if more {
                <button id="search-more" type="button" class="button subtle" onclick={on_more}>
                    { s.show_more }
                </button>
            }
        </section>
    }
}
