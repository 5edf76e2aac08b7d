//! The full-text search of the listed documents ([`crate::search`]): the index follows the
//! list; new documents are indexed in slices, each in a task of its own when the page is
//! idle (see [`slice_budget`]), so no task grows long and a load is not slowed; a query's
//! answer is kept until the query or the index changes.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::ingest::Entry;
use crate::overview::live::{Rows, View};
use crate::overview::FilterOptions;
use crate::search::follow::{slice_budget, Follower};
use crate::search::results::{search_view, Found};
use crate::state::OverviewState;

/// An idle callback waits at most this long (milliseconds) for the page to be idle.
const IDLE_TIMEOUT_MS: u32 = 1000;

/// While a query is shown, its results follow the indexing at most this often
/// (milliseconds): each refresh re-derives the overview.
const REFRESH_MS: f64 = 500.0;

/// The search shared with the views that make snippets and hit words; equal while the index
/// is unchanged, so a view re-renders when it changed.
#[derive(Clone)]
pub struct SearchHandle {
    /// The engine and the list it follows.
    pub follower: Rc<RefCell<Follower>>,
    /// The engine's version when the handle was made.
    pub version: u64,
}

impl PartialEq for SearchHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.follower, &other.follower) && self.version == other.version
    }
}

/// What the search gives the page.
#[derive(PartialEq)]
pub struct SearchData {
    /// The engine, for snippets and hit words.
    pub handle: SearchHandle,
    /// What the overview's query finds; `None` without a query.
    pub found: Option<Rc<Found>>,
    /// Documents listed and not yet searchable.
    pub pending: usize,
}

/// Follows `entries` (with `generation`, `State::generation`) and answers `query`; while
/// files are `loading`, indexes in short slices only ([`slice_budget`]).
#[hook]
pub fn use_search(
    entries: &Rc<Vec<Entry>>,
    generation: u64,
    query: &str,
    loading: bool,
) -> SearchData {
    let follower = use_mut_ref(Follower::default);
    let running = use_mut_ref(|| false);
    let showing = use_mut_ref(|| false);
    let busy = use_mut_ref(|| false);
    *busy.borrow_mut() = loading;
    let update = use_force_update();
    *showing.borrow_mut() = !query.trim().is_empty();
    follower.borrow_mut().follow(entries, generation);
    if follower.borrow().pending() > 0 && !*running.borrow() {
        *running.borrow_mut() = true;
        let (follower, running, showing, busy) = (
            follower.clone(),
            running.clone(),
            showing.clone(),
            busy.clone(),
        );
        spawn_local(async move {
            let mut refreshed = now();
            loop {
                // Each slice in a task of its own, in an idle period.
                let idle = browser::idle_period(IDLE_TIMEOUT_MS).await;
                let budget = slice_budget(idle, *busy.borrow());
                if !follower.borrow_mut().index_for(budget, now) {
                    break;
                }
                if *showing.borrow() && now() - refreshed >= REFRESH_MS {
                    update.force_update();
                    refreshed = now();
                }
            }
            *running.borrow_mut() = false;
            update.force_update();
        });
    }
    let version = follower.borrow().engine.version();
    let found = {
        let follower = follower.clone();
        use_memo((query.to_owned(), version), move |(query, _)| {
            follower.borrow().found(query).map(Rc::new)
        })
    };
    let pending = follower.borrow().pending();
    SearchData {
        handle: SearchHandle { follower, version },
        found: (*found).clone(),
        pending,
    }
}

/// The overview's view under a query or the search filter, `None` without either (the
/// overview then derives its view as rows arrive); `options` are the filter choices of
/// `rows`.
#[hook]
pub fn use_search_view(
    rows: &Rows,
    state: &OverviewState,
    found: Option<Rc<Found>>,
    options: Rc<FilterOptions>,
) -> Option<View> {
    let searching = found.is_some() || state.search.is_active();
    // `options` are those of `rows`, which the dependencies hold.
    let view = use_memo(
        (rows.clone(), state.clone(), found, searching),
        move |(rows, state, found, searching)| {
            searching.then(|| {
                search_view(
                    &rows.all,
                    &state.filter,
                    &state.search.filter(),
                    state.sort,
                    state.relevance,
                    found.as_deref(),
                    options,
                )
            })
        },
    );
    (*view).clone()
}

/// The hit words of the entry at list index `entry` for `query` (lower case), for the find
/// bar; empty without a query or a hit.
#[hook]
pub fn use_hit_words(handle: &SearchHandle, query: &str, entry: Option<usize>) -> Rc<Vec<String>> {
    let follower = handle.follower.clone();
    let words = use_memo(
        (query.to_owned(), entry, handle.version),
        move |(query, entry, _)| {
            let f = follower.borrow();
            let id = entry.and_then(|e| f.id_of_entry(e));
            match id {
                Some(id) if !query.trim().is_empty() => f.engine.hit_words(query, id),
                _ => Vec::new(),
            }
        },
    );
    words
}

fn now() -> f64 {
    js_sys::Date::now()
}
