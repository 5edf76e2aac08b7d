//! The selected document downloaded or copied as JSON, every entry downloaded as one file,
//! and the notice that says whether the copy worked.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::i18n::Lang;
use crate::ingest::{all_entries_json, Entry, Loaded};

const JSON_MIME: &str = "application/json";

/// The export callbacks and the copy notice.
pub struct DocumentExports {
    /// "Copied" or "Copy failed", about the selected document.
    pub notice: Option<AttrValue>,
    /// Download the selected document's JSON.
    pub on_download: Callback<()>,
    /// Copy the selected document's JSON to the clipboard.
    pub on_copy: Callback<()>,
    /// Download every entry as one JSON file.
    pub on_download_all: Callback<()>,
}

/// Exports of `selected` (at list index `index`) and of all `entries`.
#[hook]
pub fn use_document_exports(
    entries: &Rc<Vec<Entry>>,
    selected: Option<Entry>,
    index: Option<usize>,
    lang: Lang,
) -> DocumentExports {
    let notice = use_state(|| None::<AttrValue>);
    {
        // "Copied" belongs to the document it was said about.
        let notice = notice.clone();
        use_effect_with(index, move |_| notice.set(None));
    }
    let on_download_all = use_callback(entries.clone(), |_: (), entries| {
        let json = all_entries_json(entries);
        let _ = browser::download("hankekatselin.json", json.as_bytes(), JSON_MIME);
    });
    let on_download = use_callback(selected.clone(), |_: (), selected| {
        if let Some(loaded) = selected.as_ref().and_then(Entry::loaded) {
            let name = download_name(loaded);
            let _ = browser::download(&name, loaded.json().as_bytes(), JSON_MIME);
        }
    });
    let on_copy = {
        let set_notice = notice.setter();
        use_callback((selected, lang), move |_: (), (selected, lang)| {
            let Some(loaded) = selected.as_ref().and_then(Entry::loaded).cloned() else {
                return;
            };
            let t = lang.t();
            let set_notice = set_notice.clone();
            spawn_local(async move {
                let message = match browser::copy_text(&loaded.json()).await {
                    Ok(()) => t.copied,
                    Err(_) => t.copy_failed,
                };
                set_notice.set(Some(AttrValue::Static(message)));
            });
        })
    };
    DocumentExports {
        notice: (*notice).clone(),
        on_download,
        on_copy,
        on_download_all,
    }
}

/// `<code>.json`, or the file's name with `.json` when the document has no code.
fn download_name(loaded: &Loaded) -> String {
    match loaded.doc.project.code.as_deref() {
        Some(code) if !code.is_empty() => format!("{code}.json"),
        _ => {
            let name = &loaded.doc.source.file_name;
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            format!("{stem}.json")
        }
    }
}
