//! The Source tab's text. A document from a file the user gave keeps no text: the file is
//! read again when the tab is first shown, and the hook's state changes when it has been.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::ingest::{Loaded, SourceText};

/// The text of `loaded`, or `None` while its file is being read again.
#[hook]
pub fn use_source_text(loaded: &Rc<Loaded>) -> Option<SourceText> {
    // The document whose file has been read again; setting it re-renders the tab.
    let read = use_state(|| None::<usize>);
    {
        let loaded = Rc::clone(loaded);
        let read = read.setter();
        use_effect_with(Rc::as_ptr(&loaded) as usize, move |&key| {
            if let Some(file) = loaded.file_to_read().cloned() {
                spawn_local(async move {
                    let bytes = browser::read_blob_bytes(&file).await.ok();
                    loaded.reread(bytes.as_deref());
                    read.set(Some(key));
                });
            }
        });
    }
    loaded.source().cloned()
}
