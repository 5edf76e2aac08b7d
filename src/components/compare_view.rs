//! The comparison view: the chosen projects side by side (`CompareTable`), what the marks
//! mean, and the way back to the overview; with fewer than two chosen, how to choose.

use std::rc::Rc;

use yew::prelude::*;

use hankekuvaus::Document;

use crate::browser;
use crate::components::compare_table::CompareTable;
use crate::hooks::Choices;
use crate::i18n::{compare_texts, Lang};
use crate::ingest::Entry;
use crate::state::MainView;
use crate::view_model::compare::compare;

/// Properties of [`CompareView`].
#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    /// Every loaded entry (the chosen are list indices into it).
    pub entries: Rc<Vec<Entry>>,
}

/// `section#compare-view` with `data-count` (the projects compared).
#[component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    // Keyboard users land on the heading, not at the top of the page, when the view opens.
    use_effect_with((), |_| browser::focus("compare-heading"));
    let Some(choices) = use_context::<Choices>() else {
        return html! {};
    };
    let ct = compare_texts(lang);
    let docs: Vec<(usize, &Document)> = choices
        .compare
        .chosen
        .iter()
        .filter_map(|&i| Some((i, &props.entries.get(i)?.loaded()?.doc)))
        .collect();
    let on_back = choices.on_view.reform(|_: MouseEvent| MainView::Overview);
    html! {
        <section id="compare-view" class="compare-view" aria-labelledby="compare-heading"
            data-count={docs.len().to_string()}>
            <div class="compare-toolbar">
                <button id="compare-back" type="button" class="button subtle" onclick={on_back}>
                    { ct.back }
                </button>
            </div>
            <h2 id="compare-heading" tabindex="-1">{ ct.heading }</h2>
            if docs.len() < 2 {
                <p id="compare-too-few" class="muted">{ ct.too_few }</p>
            } else {
                <p class="note compare-legend">{ ct.legend }</p>
                <CompareTable comparison={Rc::new(compare(lang, &docs))}
                    on_compare={choices.on_compare.clone()} />
                <p class="note">{ ct.sustainability_note }</p>
            }
        </section>
    }
}
