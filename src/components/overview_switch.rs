//! The switch between the overview of all loaded documents, the single-document view and
//! the comparison.

use yew::prelude::*;

use crate::i18n::{compare_texts, Lang};
use crate::state::MainView;

/// Properties of [`OverviewSwitch`].
#[derive(Properties, PartialEq)]
pub struct OverviewSwitchProps {
    /// The view shown.
    pub view: MainView,
    /// A view was chosen.
    pub on_view: Callback<MainView>,
}

/// Three toggle buttons, `#view-document`, `#view-overview` and `#view-compare`
/// (`aria-pressed`).
#[component]
pub fn OverviewSwitch(props: &OverviewSwitchProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let o = lang.o();
    let button = |view: MainView, id: &'static str, label: &'static str| {
        let pressed = props.view == view;
        let onclick = props.on_view.reform(move |_: MouseEvent| view);
        html! {
            <button {id} type="button" class={classes!("view-button", pressed.then_some("pressed"))}
                aria-pressed={if pressed { "true" } else { "false" }} {onclick}>
                { label }
            </button>
        }
    };
    html! {
        <div class="view-switch" role="group" aria-label={o.view}>
            { button(MainView::Document, "view-document", o.document_view) }
            { button(MainView::Overview, "view-overview", o.overview) }
            { button(MainView::Compare, "view-compare", compare_texts(lang).compare) }
        </div>
    }
}
