//! The few calls into browser APIs: reading files as bytes, downloads, the clipboard, the
//! remembered language, scrolling, the address's fragment and history, idle periods and the
//! service worker. Everything else in the app is plain Rust.

use gloo_events::EventListener;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    Blob, BlobPropertyBag, HtmlAnchorElement, RegistrationOptions, ServiceWorker,
    ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState, Url,
};
use yew::Callback;

use crate::i18n::Lang;
use crate::overview::columns::HiddenColumns;

/// An idle period of the page, as `requestIdleCallback` gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IdlePeriod {
    /// Milliseconds left in it.
    pub left_ms: f64,
    /// Called because the timeout passed, not because the page was idle.
    pub timed_out: bool,
}

/// Resolves once the page is idle (`requestIdleCallback`), at the latest after
/// `timeout_ms`, with that idle period; where the browser has no idle callbacks (Safari),
/// after a zero-delay timeout, with `None`.
pub async fn idle_period(timeout_ms: u32) -> Option<IdlePeriod> {
    let window = web_sys::window()?;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(timeout_ms);
        if window
            .request_idle_callback_with_options(&resolve, &options)
            .is_err()
        {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let deadline = JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into::<web_sys::IdleDeadline>()
        .ok()?;
    Some(IdlePeriod {
        left_ms: deadline.time_remaining(),
        timed_out: deadline.did_timeout(),
    })
}

/// The localStorage key of the chosen UI language.
pub const LANG_KEY: &str = "hankekatselin.lang";

/// Reads a blob (a `File`) as bytes with `Blob.arrayBuffer()`; the core decodes them.
pub async fn read_blob_bytes(blob: &Blob) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(blob.array_buffer()).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A blob holding `bytes` with the given MIME type.
pub fn bytes_blob(bytes: &[u8], mime: &str) -> Result<Blob, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options)
}

/// Offers `bytes` as a download named `file_name`: a blob, an object URL and a click on a
/// temporary `<a download>`. Nothing goes to a server.
pub fn download(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    download_blob(file_name, &bytes_blob(bytes, mime)?)
}

/// Offers `blob` as a download named `file_name` (see [`download`]).
pub fn download_blob(file_name: &str, blob: &Blob) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let document = document()?;
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Revoke later: the browser starts the download asynchronously.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}

/// Copies text with `navigator.clipboard.writeText`.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let clipboard = window()?.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ())
}

fn window() -> Result<web_sys::Window, JsValue> {
    web_sys::window().ok_or_else(|| JsValue::from_str("no window"))
}

fn document() -> Result<web_sys::Document, JsValue> {
    window()?
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// Whether the page was opened from disk (`file://`), as the one-file edition is: such a
/// page cannot start a worker from a file.
pub fn is_file_page() -> bool {
    window()
        .and_then(|w| w.location().protocol())
        .is_ok_and(|p| p == "file:")
}

/// The language to start in: `?lang=` wins, then localStorage, then the first of
/// `navigator.languages` that the UI speaks (`sv-FI` and `sv-SE` Swedish, `fi*` Finnish),
/// else English.
pub fn initial_lang() -> Lang {
    let Ok(window) = window() else {
        return Lang::En;
    };
    let query = window
        .location()
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("lang"));
    let stored = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    let tags: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|t| t.as_string())
        .collect();
    let browser = Lang::first_supported_tag(&tags);
    Lang::choose(query.as_deref(), stored.as_deref(), browser)
}

/// Remembers the chosen language (best effort: storage may be disabled).
pub fn remember_lang(lang: Lang) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}

/// Sets `<html lang>` and the page title.
pub fn apply_lang(lang: Lang) {
    if let Ok(document) = document() {
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
        document.set_title(lang.t().app_name);
    }
}

/// The address's fragment, without `#` (`""` when there is none).
pub fn location_hash() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_owned()
}

/// Shows `fragment` (without `#`; `""` for none) in the address, as a new history entry
/// (`push`) or in place of the current one. Nothing is loaded: only the address changes.
pub fn set_location_hash(fragment: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(history)) =
        (location.pathname(), location.search(), window.history())
    else {
        return;
    };
    let url = if fragment.is_empty() {
        format!("{path}{search}")
    } else {
        format!("{path}{search}#{fragment}")
    };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Calls `on_change` when the browser goes back or forward (or the fragment is edited), for
/// as long as the listener is kept.
pub fn on_history_change(on_change: impl Fn() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "popstate", move |_| {
        on_change()
    }))
}

/// Scrolls the element with this id into the middle of the view and focuses it.
pub fn reveal(id: &str) {
    let Ok(document) = document() else {
        return;
    };
    if let Some(el) = document.get_element_by_id(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Scrolls the element with this id to the top of the view when the window is narrower
/// than the two-column layout (56rem at the default 16px).
pub fn reveal_on_narrow_screen(id: &str) {
    let narrow = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= 896.0);
    if !narrow {
        return;
    }
    if let Some(el) = document().ok().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
    }
}

/// Focuses the element with this id (keyboard navigation of the tabs).
pub fn focus(id: &str) {
    if let Some(el) = document()
        .ok()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

// The service worker that makes the app work offline (`sw.js`, written by `cargo xtask dist`):
// registration, and the signal that a new release is ready. The built site names its worker
// in `<meta name="hankekatselin-service-worker">`, relative to the page, so the site works
// under any sub-path. `trunk serve` and the one-file edition have no such `<meta>` and register
// nothing; neither does a page where the browser offers no service workers (`file://`).

/// The `<meta name>` the built page names its service worker in.
const SW_META_NAME: &str = "hankekatselin-service-worker";
/// The message `sw.js` answers with `skipWaiting()`.
const SKIP_WAITING: &str = "skip-waiting";

/// Registers the page's service worker, if it names one. `on_update` gets the registration
/// when a new release has been installed and waits to take over from the running one (never
/// on the first visit, when there is nothing to update).
pub fn register_service_worker(on_update: Callback<ServiceWorkerRegistration>) {
    let Some((url, scope)) = worker_url_and_scope() else {
        return;
    };
    let Some(container) = sw_container() else {
        return;
    };
    spawn_local(async move {
        // Controlled now: whatever installs next is an update, not the first install.
        let updating = container.controller().is_some();
        let options = RegistrationOptions::new();
        options.set_scope(&scope);
        let Ok(registration) = JsFuture::from(container.register_with_options(&url, &options))
            .await
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>())
        else {
            return;
        };
        if updating && registration.waiting().is_some() {
            on_update.emit(registration.clone());
        }
        let found = {
            let registration = registration.clone();
            move |_: &web_sys::Event| {
                let Some(worker) = registration.installing() else {
                    return;
                };
                let registration = registration.clone();
                let on_update = on_update.clone();
                let container = container.clone();
                EventListener::new(&worker.clone(), "statechange", move |_| {
                    if worker.state() == ServiceWorkerState::Installed
                        && container.controller().is_some()
                    {
                        on_update.emit(registration.clone());
                    }
                })
                .forget();
            }
        };
        // Lives as long as the page.
        EventListener::new(&registration, "updatefound", found).forget();
    });
}

/// Lets the waiting release take over and reloads the page once it has.
pub fn apply_service_worker_update(registration: &ServiceWorkerRegistration) {
    let Some(container) = sw_container() else {
        return;
    };
    let Some(waiting) = registration.waiting() else {
        reload_page();
        return;
    };
    EventListener::once(&container, "controllerchange", |_| reload_page()).forget();
    let _ = ServiceWorker::post_message(&waiting, &JsValue::from_str(SKIP_WAITING));
}

fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The worker's absolute URL, from the page's `<meta>` (relative to the page, or absolute
/// when the site was built for a `--public-url`), and its scope: the worker's directory, the
/// site's root, wherever the page itself was opened from.
fn worker_url_and_scope() -> Option<(String, String)> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector(&format!("meta[name=\"{SW_META_NAME}\"]"))
        .ok()??;
    let content = meta.get_attribute("content").filter(|c| !c.is_empty())?;
    let base = document.base_uri().ok()??;
    let script = Url::new_with_base(&content, &base).ok()?.href();
    let scope = Url::new_with_base("./", &script).ok()?.href();
    Some((script, scope))
}

/// `navigator.serviceWorker`, where the browser offers it.
fn sw_container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

/// The localStorage key of the overview's hidden columns.
pub const HIDDEN_COLUMNS_KEY: &str = "hankekatselin.hidden-columns";

/// The overview's hidden columns as this browser remembers them (none when storage is off).
pub fn stored_hidden_columns() -> HiddenColumns {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(HIDDEN_COLUMNS_KEY).ok().flatten())
        .map(|stored| HiddenColumns::from_storage(&stored))
        .unwrap_or_default()
}

/// Remembers the overview's hidden columns (best effort: storage may be disabled).
pub fn remember_hidden_columns(hidden: &HiddenColumns) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(HIDDEN_COLUMNS_KEY, &hidden.to_storage());
    }
}

/// Puts a measuring page's result on the page as `<pre id="bench-result">`, where the bench
/// scripts read it (`?bench=parse`, `?bench=search`).
pub fn show_bench_result(json: &str) {
    let Ok(document) = document() else {
        return;
    };
    if let (Some(body), Ok(pre)) = (document.body(), document.create_element("pre")) {
        pre.set_id("bench-result");
        pre.set_text_content(Some(json));
        let _ = body.append_child(&pre);
    }
}
