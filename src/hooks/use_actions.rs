//! One stable callback per user intent, made once: the dispatcher never changes, so a long
//! list and the document view are not re-rendered when only the tab or a line changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Action, MainView, OverviewAction, State, Tab};

/// The callbacks that dispatch one [`Action`] each.
#[derive(Clone, PartialEq)]
pub struct Actions {
    /// Select a list entry.
    pub on_select: Callback<usize>,
    /// Show an entry in the document view (from the overview).
    pub on_open: Callback<usize>,
    /// Remove a list entry.
    pub on_remove: Callback<usize>,
    /// Remove every entry.
    pub on_clear: Callback<()>,
    /// Open a tab of the document view.
    pub on_tab: Callback<Tab>,
    /// Open the Source tab at a line.
    pub on_jump: Callback<u32>,
    /// Show the document view or the overview.
    pub on_view: Callback<MainView>,
    /// Filter the sidebar list.
    pub on_list_filter: Callback<String>,
    /// Filter or sort the overview.
    pub on_overview: Callback<OverviewAction>,
}

/// The [`Actions`] of `state`'s dispatcher.
#[hook]
pub fn use_actions(state: &UseReducerHandle<State>) -> Rc<Actions> {
    let d = state.dispatcher();
    let actions = use_memo((), move |_| Actions {
        on_select: dispatch(&d, Action::Select),
        on_open: dispatch(&d, Action::Open),
        on_remove: dispatch(&d, Action::Remove),
        on_clear: dispatch(&d, |_: ()| Action::Clear),
        on_tab: dispatch(&d, Action::SetTab),
        on_jump: dispatch(&d, Action::JumpToLine),
        on_view: dispatch(&d, Action::ShowView),
        on_list_filter: dispatch(&d, Action::FilterList),
        on_overview: dispatch(&d, Action::Overview),
    });
    actions
}

/// A callback that dispatches the action `make` makes of its argument.
fn dispatch<T: 'static>(
    d: &UseReducerDispatcher<State>,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |value: T| d.dispatch(make(value)))
}
