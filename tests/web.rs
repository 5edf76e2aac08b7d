#![cfg(target_arch = "wasm32")]
//! Browser tests of what needs a browser: reading blobs as bytes, building download blobs,
//! and the mounted app reacting to "Open examples". Run with `cargo xtask test` (headless
//! Chromium through chromedriver).

use hankekatselin::browser::{bytes_blob, download, read_blob_bytes, LANG_KEY};
use hankekatselin::ingest::ingest;
use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{File, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the browser and Yew's scheduler run.
async fn tick(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// The first element under `root` matching `selector`, waited for up to five seconds: on a
/// busy machine a debug build takes more than a fixed pause to render what a click asked.
async fn appears(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..250 {
        if let Some(element) = root.query_selector(selector).unwrap() {
            return element;
        }
        tick(20).await;
    }
    panic!("`{selector}` did not appear within 5 s");
}

/// Waits up to five seconds for `read()` to give `expected`, then asserts it. Yew 0.23 yields
/// to the browser between components every ~16 ms, so the parts one click renders (the
/// document view, the list's entries, each field) can arrive frames apart on a busy machine.
async fn settles<T: PartialEq + std::fmt::Debug>(expected: T, read: impl Fn() -> T) {
    for _ in 0..250 {
        if read() == expected {
            return;
        }
        tick(20).await;
    }
    assert_eq!(read(), expected);
}

#[wasm_bindgen_test]
async fn a_blob_reads_back_as_the_same_bytes() {
    // Windows-1252 "Päättyy" and bytes that are not UTF-8: no text decoding on the way.
    let bytes: Vec<u8> = b"P\xE4\xE4ttyy \x80\xFF\x00\r\n".to_vec();
    let blob = bytes_blob(&bytes, "text/plain").unwrap();
    assert_eq!(blob.size() as usize, bytes.len());
    assert_eq!(blob.type_(), "text/plain");
    assert_eq!(read_blob_bytes(&blob).await.unwrap(), bytes);
}

#[wasm_bindgen_test]
async fn a_file_read_in_the_browser_parses_like_natively() {
    let seed = hankekatselin::examples::EXAMPLES[0].1;
    let parts = Array::of1(&Uint8Array::from(seed));
    let file = File::new_with_u8_array_sequence(&parts, "S21498.txt").unwrap();
    let bytes = read_blob_bytes(&file).await.unwrap();
    assert_eq!(bytes.len(), seed.len());
    let entries = ingest(&file.name(), &bytes);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].code(), "S21498");
    let doc = &entries[0].loaded().unwrap().doc;
    assert_eq!(
        doc.funding.granted_eu_state,
        Some(hankekuvaus::Amount::euros(48_724))
    );
}

#[wasm_bindgen_test]
fn a_download_blob_has_the_size_of_its_bytes_and_leaves_no_link_behind() {
    let json = "{\"ä\": 1}\n";
    let blob = bytes_blob(json.as_bytes(), "application/json").unwrap();
    assert_eq!(blob.size() as usize, json.len());
    let document = web_sys::window().unwrap().document().unwrap();
    let links_before = document.query_selector_all("a[download]").unwrap().length();
    download("S21498.json", json.as_bytes(), "application/json").unwrap();
    let links_after = document.query_selector_all("a[download]").unwrap().length();
    assert_eq!(links_before, links_after);
}

#[wasm_bindgen_test]
async fn open_examples_shows_the_first_example() {
    let window = web_sys::window().unwrap();
    // The remembered language decides, not the browser's: the amount below is Finnish.
    let storage = window.local_storage().unwrap().unwrap();
    storage.set_item(LANG_KEY, "fi").unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<hankekatselin::app::App>::with_root(root.clone()).render();
    let button: HtmlElement = appears(&root, "#open-examples").await.dyn_into().unwrap();
    button.click();
    let view = appears(&root, "#document-view[data-code]").await;
    let entries = || root.query_selector_all("li.doc-entry").unwrap().length();
    settles(5, entries).await;
    assert_eq!(view.get_attribute("data-code").as_deref(), Some("S21498"));
    let granted = appears(&root, "#funding [data-field=\"funding.granted_eu_state\"]").await;
    assert_eq!(granted.text_content().unwrap(), "48\u{a0}724\u{a0}€");

    // A click on a field opens the Source tab at its line.
    granted.dyn_into::<HtmlElement>().unwrap().click();
    let current = appears(&root, ".src-line.current").await;
    let tab = appears(&root, "#tab-source").await;
    settles(Some("true".to_owned()), || {
        tab.get_attribute("aria-selected")
    })
    .await;
    assert_eq!(current.id(), "src-line-75");
    assert!(current.text_content().unwrap().contains("48 724"));
}

#[wasm_bindgen_test]
async fn a_remembered_swedish_shows_swedish_terms_and_formats() {
    let window = web_sys::window().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.set_item(LANG_KEY, "sv").unwrap();
    // The tests share one page: an earlier test's view in the address (its `lang=fi`) would
    // win over the remembered language, as a shared link does.
    window.location().set_hash("").unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<hankekatselin::app::App>::with_root(root.clone()).render();
    let select: web_sys::HtmlSelectElement =
        appears(&root, "#lang-select").await.dyn_into().unwrap();
    // The page's language is set by an effect after the render.
    let html = document.document_element().unwrap();
    settles(Some("sv".to_owned()), || html.get_attribute("lang")).await;
    assert_eq!(select.value(), "sv");
    // Another component than the selector: it may render a frame later.
    let button: HtmlElement = appears(&root, "#open-examples").await.dyn_into().unwrap();
    assert_eq!(button.text_content().unwrap(), "Öppna exempel");
    button.click();
    let granted = appears(&root, "#funding [data-field=\"funding.granted_eu_state\"]").await;
    assert_eq!(granted.text_content().unwrap(), "48\u{a0}724\u{a0}€");
    let label = "Beviljad EU- och statlig finansiering (Myönnetty EU- ja valtion rahoitus)";
    let has_label = || {
        let dts = root.query_selector_all("#funding dt").unwrap();
        (0..dts.length())
            .any(|i| dts.get(i).and_then(|dt| dt.text_content()).as_deref() == Some(label))
    };
    settles(true, has_label).await;
    let share = appears(&root, "#funding [data-figure=\"eu_state_share\"]").await;
    assert_eq!(share.text_content().unwrap(), "70,0\u{a0}%");
    storage.remove_item(LANG_KEY).unwrap();
    root.remove();
}
