//! The view in the address (see [`view_url`](crate::view_url)): restored when the page
//! opens and when the browser goes back or forward, and written as the view changes, each
//! chosen view a history entry of its own and a word typed one entry.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::loading::yield_now;
use crate::state::{Action, State, ViewState};
use crate::view_url::{self, History, Step};

/// Keeps the address and `state`'s view together while the page is mounted.
#[hook]
pub fn use_view_url(state: &UseReducerHandle<State>) {
    let history = use_mut_ref(History::default);
    // Until the page has rendered the view of the address it opened with, the address is not
    // written: the first render shows the default view, not a view the user chose.
    let started = use_mut_ref(|| false);
    {
        let dispatcher = state.dispatcher();
        let history = Rc::clone(&history);
        use_effect_with((), move |_| {
            let restore = move || restore_from_address(&history, &dispatcher);
            restore();
            let listener = browser::on_history_change(restore);
            move || drop(listener)
        });
    }
    let view = ViewState::of(state);
    use_effect_with(view, move |view| {
        if !std::mem::replace(&mut *started.borrow_mut(), true) {
            return;
        }
        let (fragment, push) = match history.borrow_mut().follow(view) {
            Some(Step::Push(fragment)) => (fragment, true),
            Some(Step::Replace(fragment)) => (fragment, false),
            None => return,
        };
        // Written in a task of its own: Chromium's pushState took 17 ms of the task that
        // showed a query's results over a whole programme. Writes keep their order (timeouts
        // of no delay run in the order set).
        spawn_local(async move {
            yield_now().await;
            browser::set_location_hash(&fragment, push);
        });
    });
}

/// Shows the view the address holds: the page opened with a link, or went back or forward.
/// An anchor within the page (the skip link's `#main`) is no view and changes nothing.
fn restore_from_address(history: &RefCell<History>, dispatcher: &UseReducerDispatcher<State>) {
    let fragment = browser::location_hash();
    if !view_url::is_view(&fragment) {
        return;
    }
    let view = view_url::parse(&fragment);
    history.borrow_mut().restored(&view);
    dispatcher.dispatch(Action::RestoreView(Box::new(view)));
}
