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
    let dispatcher = state.dispatcher();
    let actions = use_memo((), move |_| {
        let d = dispatcher;
        let to = |make: fn(usize) -> Action| {
            let d = d.clone();
            Callback::from(move |i: usize| d.dispatch(make(i)))
        };
        Actions {
            on_select: to(Action::Select),
            on_open: to(Action::Open),
            on_remove: to(Action::Remove),
            on_clear: {
                let d = d.clone();
                Callback::from(move |_: ()| d.dispatch(Action::Clear))
            },
            on_tab: {
                let d = d.clone();
                Callback::from(move |tab: Tab| d.dispatch(Action::SetTab(tab)))
            },
            on_jump: {
                let d = d.clone();
                Callback::from(move |line: u32| d.dispatch(Action::JumpToLine(line)))
            },
            on_view: {
                let d = d.clone();
                Callback::from(move |view: MainView| d.dispatch(Action::ShowView(view)))
            },
            on_list_filter: {
                let d = d.clone();
                Callback::from(move |text: String| d.dispatch(Action::FilterList(text)))
            },
            on_overview: Callback::from(move |a: OverviewAction| d.dispatch(Action::Overview(a))),
        }
    });
    actions
}
