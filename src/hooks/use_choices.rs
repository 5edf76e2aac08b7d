//! The overview's choices that outlive a filter: the projects chosen for the comparison
//! and the hidden columns, handed to the table and its controls through a context so that
//! the overview's other components need not pass them on. The hidden columns are
//! remembered in this browser whenever they change.

use yew::prelude::*;

use crate::browser;
use crate::overview::columns::HiddenColumns;
use crate::state::{Action, ColumnsAction, CompareAction, CompareState, MainView, State};

/// The context value: the choices and the callbacks that change them (one action each).
#[derive(Clone, PartialEq)]
pub struct Choices {
    /// The projects chosen for the comparison.
    pub compare: CompareState,
    /// The overview's hidden columns.
    pub hidden: HiddenColumns,
    /// Choose or drop a project.
    pub on_compare: Callback<CompareAction>,
    /// Hide or show columns.
    pub on_columns: Callback<ColumnsAction>,
    /// Show a view (the comparison, or back to the overview).
    pub on_view: Callback<MainView>,
}

/// The [`Choices`] of `state`; remembers the hidden columns when they change.
#[hook]
pub fn use_choices(state: &UseReducerHandle<State>) -> Choices {
    use_effect_with(state.hidden_columns.clone(), |hidden| {
        browser::remember_hidden_columns(hidden)
    });
    let callbacks = {
        let d = state.dispatcher();
        use_memo((), move |_| {
            let (c, k, v) = (d.clone(), d.clone(), d);
            (
                Callback::from(move |a| c.dispatch(Action::Compare(a))),
                Callback::from(move |a| k.dispatch(Action::Columns(a))),
                Callback::from(move |view| v.dispatch(Action::ShowView(view))),
            )
        })
    };
    Choices {
        compare: state.compare.clone(),
        hidden: state.hidden_columns.clone(),
        on_compare: callbacks.0.clone(),
        on_columns: callbacks.1.clone(),
        on_view: callbacks.2.clone(),
    }
}
