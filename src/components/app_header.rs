//! The page header: the app's name and the language selector.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::Lang;

/// Properties of [`AppHeader`].
#[derive(Properties, PartialEq)]
pub struct AppHeaderProps {
    /// The UI language.
    pub lang: Lang,
    /// A language was chosen.
    pub on_lang: Callback<Lang>,
}

/// The page header.
#[component]
pub fn AppHeader(props: &AppHeaderProps) -> Html {
    let t = props.lang.t();
    let onchange = props.on_lang.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Lang::from_code(&select.value()).unwrap_or(Lang::Fi)
    });
    html! {
        <header class="app-header">
            <div class="brand">
                <h1>{ t.app_name }</h1>
                <p class="tagline">{ t.tagline }</p>
            </div>
            <div class="lang-choice">
                <label for="lang-select">{ t.language }</label>
                <select id="lang-select" {onchange}>
                    { for Lang::ALL.iter().map(|&l| html! {
                        <option value={l.code()} lang={l.code()} selected={l == props.lang}>
                            { l.native_name() }
                        </option>
                    }) }
                </select>
            </div>
        </header>
    }
}
