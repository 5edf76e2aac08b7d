//! The tabs of the document view: a `role=tablist` where arrow keys move between tabs.

use yew::prelude::*;

use crate::browser;
use crate::i18n::Lang;
use crate::state::Tab;

/// Properties of [`TabList`].
#[derive(Properties, PartialEq)]
pub struct TabListProps {
    /// The open tab.
    pub tab: Tab,
    /// A tab was chosen.
    pub on_tab: Callback<Tab>,
}

/// `#tab-document`, `#tab-source`, `#tab-json`; only the open tab is in the Tab order, the
/// arrow keys, Home and End move between them (WAI-ARIA tabs pattern, automatic activation).
#[component]
pub fn TabList(props: &TabListProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let t = lang.t();
    let tabs = Tab::ALL.iter().map(|&tab| {
        let selected = tab == props.tab;
        let label = match tab {
            Tab::Document => t.tab_document,
            Tab::Source => t.tab_source,
            Tab::Json => t.tab_json,
        };
        let onclick = props.on_tab.reform(move |_: MouseEvent| tab);
        let onkeydown = {
            let on_tab = props.on_tab.clone();
            Callback::from(move |e: KeyboardEvent| {
                let next = match e.key().as_str() {
                    "ArrowRight" => tab.step(1),
                    "ArrowLeft" => tab.step(-1),
                    "Home" => Tab::ALL[0],
                    "End" => Tab::ALL[Tab::ALL.len() - 1],
                    _ => return,
                };
                e.prevent_default();
                on_tab.emit(next);
                browser::focus(&format!("tab-{}", next.id()));
            })
        };
        html! {
            <button type="button" role="tab" id={format!("tab-{}", tab.id())}
                class={classes!("tab", selected.then_some("active"))}
                aria-selected={selected.to_string()}
                aria-controls={format!("panel-{}", tab.id())}
                tabindex={if selected { "0" } else { "-1" }}
                {onclick} {onkeydown}>
                { label }
            </button>
        }
    });
    html! {
        <div class="tabs" role="tablist" aria-label={t.views}>{ for tabs }</div>
    }
}
