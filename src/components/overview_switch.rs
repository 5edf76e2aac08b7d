//! The switch between the overview of all loaded documents and the single-document view.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::MainView;

/// Properties of [`OverviewSwitch`].
#[derive(Properties, PartialEq)]
pub struct OverviewSwitchProps {
    /// The view shown.
    pub view: MainView,
    /// A view was chosen.
    pub on_view: Callback<MainView>,
}

/// Two toggle buttons, `#view-document` and `#view-overview` (`aria-pressed`).
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
        </div>
    }
}
