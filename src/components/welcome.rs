//! What the main area shows before anything is selected.

use yew::prelude::*;

use crate::i18n::Lang;

/// The welcome text.
#[component]
pub fn Welcome() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let t = lang.t();
    html! {
        <section class="welcome" aria-labelledby="welcome-title">
            <h2 id="welcome-title">{ t.welcome_title }</h2>
            <p>{ t.welcome_text }</p>
            <p class="privacy">{ t.privacy_note }</p>
        </section>
    }
}
