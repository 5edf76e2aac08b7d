//! Over the overview table: how many projects are chosen for the comparison, the button
//! that shows them side by side (two to four), and one that clears the choice.

use yew::prelude::*;

use crate::hooks::Choices;
use crate::i18n::{compare_texts, Lang};
use crate::state::{CompareAction, MainView};

/// `div#compare-bar` with `data-chosen`.
#[component]
pub fn CompareBar() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(choices) = use_context::<Choices>() else {
        return html! {};
    };
    let ct = compare_texts(lang);
    let n = choices.compare.chosen.len();
    let on_show = choices.on_view.reform(|_: MouseEvent| MainView::Compare);
    let on_clear = choices
        .on_compare
        .reform(|_: MouseEvent| CompareAction::Clear);
    html! {
        <div id="compare-bar" class="compare-bar" data-chosen={n.to_string()}>
            <p role="status">
                if n == 0 {
                    { ct.choose_hint }
                } else {
                    { ct.chosen.count(lang, n) }
                }
            </p>
            <button id="compare-show" type="button" class="button" onclick={on_show}
                disabled={n < 2}>{ ct.show }</button>
            <button id="compare-clear" type="button" class="button subtle" onclick={on_clear}
                disabled={n == 0}>{ ct.clear }</button>
        </div>
    }
}
