//! The notice listing documents whose project code an earlier document already has.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::overview::Duplicate;

/// Properties of [`OverviewDuplicates`].
#[derive(Properties, PartialEq)]
pub struct OverviewDuplicatesProps {
    /// The duplicates, in list order.
    pub duplicates: Rc<Vec<Duplicate>>,
    /// A duplicate was chosen: its list index.
    pub on_open: Callback<usize>,
}

/// Lists at most this many duplicates; the rest are counted.
const MAX_LISTED: usize = 100;

/// `#duplicates-notice`, one `li[data-code]` per duplicate; nothing without duplicates.
#[component]
pub fn OverviewDuplicates(props: &OverviewDuplicatesProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let o = lang.o();
    if props.duplicates.is_empty() {
        return html! {};
    }
    let items = props.duplicates.iter().take(MAX_LISTED).map(|d| {
        let entry = d.entry;
        let onclick = props.on_open.reform(move |_: MouseEvent| entry);
        html! {
            <li data-code={d.code.clone()} data-file={d.file_name.clone()}>
                <strong>{ &d.code }</strong>{ ": " }
                <button type="button" class="link-button" {onclick}>{ &d.file_name }</button>
                { format!(" ({} {})", o.same_code_as, d.first_file_name) }
            </li>
        }
    });
    let more = props.duplicates.len().saturating_sub(MAX_LISTED);
    html! {
        <section id="duplicates-notice" class="ov-notice warning" aria-labelledby="duplicates-heading"
            data-count={props.duplicates.len().to_string()}>
            <h2 id="duplicates-heading">
                { format!("{} ({})", o.duplicates_title, props.duplicates.len()) }
            </h2>
            <p>{ o.duplicates_text }</p>
            <ul class="duplicates-list">{ for items }</ul>
            if more > 0 {
                <p class="muted">{ format!("+ {more}") }</p>
            }
        </section>
    }
}
