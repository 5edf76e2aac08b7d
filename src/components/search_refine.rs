//! The search filters typed rather than clicked: granted EU and state funding between two
//! amounts, and an organisation (applicant or co-implementer) by name or Y-tunnus.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::search::filter::{is_invalid_amount, SearchFilter};
use crate::state::OverviewAction;

/// Properties of [`SearchRefine`].
#[derive(Properties, PartialEq)]
pub struct SearchRefineProps {
    /// What is set.
    pub filter: SearchFilter,
    /// A field was changed.
    pub on_overview: Callback<OverviewAction>,
}

/// `div.search-refine`: `#search-min-granted`, `#search-max-granted`, `#search-organisation`.
#[component]
pub fn SearchRefine(props: &SearchRefineProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let s = lang.s();
    let on = |make: fn(String) -> OverviewAction| {
        props.on_overview.reform(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            make(input.value())
        })
    };
    let amount = |id: &'static str,
                  label: &'static str,
                  value: &String,
                  oninput: Callback<InputEvent>| {
        let invalid = is_invalid_amount(value);
        let error = format!("{id}-error");
        html! {
            <div class="overview-filter">
                <label for={id}>{ label }</label>
                <input {id} type="text" inputmode="decimal" autocomplete="off" value={value.clone()}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={invalid.then(|| error.clone())} {oninput} />
                if invalid {
                    <span id={error.clone()} class="field-error">{ s.not_an_amount }</span>
                }
            </div>
        }
    };
    let f = &props.filter;
    html! {
        <div class="search-refine">
            <fieldset class="search-range">
                <legend>{ s.granted_range }</legend>
                { amount("search-min-granted", s.at_least, &f.min_granted, on(OverviewAction::MinGranted)) }
                { amount("search-max-granted", s.at_most, &f.max_granted, on(OverviewAction::MaxGranted)) }
            </fieldset>
            <div class="overview-filter">
                <label for="search-organisation">{ s.organisation }</label>
                <input id="search-organisation" type="search" autocomplete="off"
                    value={f.organisation.clone()} placeholder={s.organisation_hint}
                    oninput={on(OverviewAction::Organisation)} />
            </div>
        </div>
    }
}
