//! The overlay shown while files are dragged over the page.

use yew::prelude::*;

use crate::i18n::Lang;

/// Properties of [`DropOverlay`].
#[derive(Properties, PartialEq)]
pub struct DropOverlayProps {
    /// Whether files are being dragged over the page.
    pub visible: bool,
}

/// Always in the DOM; `hidden` unless files are dragged over the page.
#[component]
pub fn DropOverlay(props: &DropOverlayProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    html! {
        <div id="drop-overlay" class="drop-overlay" hidden={!props.visible} aria-hidden="true">
            <div class="drop-box">{ lang.t().drop_here }</div>
        </div>
    }
}
