//! The ⇄ marker of a cell on which a project's description and its list row disagree.

use yew::prelude::*;

use crate::i18n::Lang;

/// Properties of [`MergeMarker`].
#[derive(Properties, PartialEq)]
pub struct MergeMarkerProps {
    /// Both values and where each came from; nothing is shown without one.
    pub text: Option<String>,
}

/// `span.marker.merged` with the disagreement as its title and, for screen readers, as
/// visually hidden text.
#[component]
pub fn MergeMarker(props: &MergeMarkerProps) -> Html {
    let l = use_context::<Lang>().unwrap_or(Lang::Fi).l();
    let Some(text) = &props.text else {
        return Html::default();
    };
    html! {
        <span class="marker merged" title={text.clone()} data-conflict={text.clone()}>
            <span aria-hidden="true">{ " ⇄" }</span>
            <span class="visually-hidden">{ format!(" ({}: {text})", l.differs) }</span>
        </span>
    }
}
