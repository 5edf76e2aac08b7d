//! The JSON tab: exactly the bytes "Download JSON" writes.

use yew::prelude::*;

/// Properties of [`JsonView`].
#[derive(Properties, PartialEq)]
pub struct JsonViewProps {
    /// `export::document_json` of the document.
    pub json: AttrValue,
}

/// `pre#json-output`.
#[component]
pub fn JsonView(props: &JsonViewProps) -> Html {
    html! {
        <pre id="json-output" class="json" translate="no">{ props.json.clone() }</pre>
    }
}
