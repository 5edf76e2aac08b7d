//! The JSON tab: exactly the bytes "Download JSON" writes.

use yew::prelude::*;

use crate::i18n::Lang;

/// Properties of [`JsonView`].
#[derive(Properties, PartialEq)]
pub struct JsonViewProps {
    /// `export::document_json` of the document.
    pub json: AttrValue,
}

/// `pre#json-output`.
#[component]
pub fn JsonView(props: &JsonViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    // Focusable so that keyboard users can scroll it.
    html! {
        <pre id="json-output" class="json" translate="no" tabindex="0"
            aria-label={lang.t().tab_json}>{ props.json.clone() }</pre>
    }
}
