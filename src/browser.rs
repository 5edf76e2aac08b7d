//! The few calls into browser APIs: reading files as bytes, downloads, the clipboard, the
//! remembered language and scrolling. Everything else in the app is plain Rust.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::i18n::Lang;

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
    let blob = bytes_blob(bytes, mime)?;
    let url = Url::create_object_url_with_blob(&blob)?;
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

/// The language to start in: `?lang=` wins, then localStorage, then `navigator.language`.
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
    let browser = window.navigator().language();
    Lang::choose(query.as_deref(), stored.as_deref(), browser.as_deref())
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
