//! "A new version is ready": a small notice with a reload button, shown when the service
//! worker has installed a new release in the background. It does not block anything.

use web_sys::ServiceWorkerRegistration;
use yew::prelude::*;

use crate::browser;
use crate::i18n::Lang;

/// `#update-notice`: registers the service worker once, and shows the notice while a new
/// release waits. "Reload" lets it take over and reloads; "Later" hides the notice (the new
/// release then starts the next time the app is opened).
#[component]
pub fn UpdateNotice() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let waiting = use_state(|| None::<ServiceWorkerRegistration>);
    {
        let waiting = waiting.setter();
        use_effect_with((), move |_| {
            browser::register_service_worker(Callback::from(move |r| waiting.set(Some(r))));
        });
    }
    let Some(registration) = (*waiting).clone() else {
        return html! {};
    };
    let t = lang.t();
    let on_reload =
        Callback::from(move |_: MouseEvent| browser::apply_service_worker_update(&registration));
    let on_later = {
        let waiting = waiting.clone();
        Callback::from(move |_: MouseEvent| waiting.set(None))
    };
    html! {
        <div id="update-notice" class="update-notice" role="status">
            <span>{ t.update_ready }</span>
            <button id="update-reload" type="button" class="button primary" onclick={on_reload}>
                { t.update_reload }
            </button>
            <button type="button" class="button subtle" onclick={on_later}>{ t.update_later }</button>
        </div>
    }
}
