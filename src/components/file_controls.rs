//! Getting files in: the file and folder choosers, the examples and the privacy note.

use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::i18n::Lang;

/// Properties of [`FileControls`].
#[derive(Properties, PartialEq)]
pub struct FileControlsProps {
    /// Files were chosen.
    pub on_files: Callback<Vec<File>>,
    /// "Open examples" was pressed.
    pub on_examples: Callback<()>,
    /// Files are being read.
    pub reading: bool,
}

/// The file chooser (a real `<input type=file multiple>`, styled through its label) and the
/// examples button.
#[component]
pub fn FileControls(props: &FileControlsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let t = lang.t();
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files: Vec<File> = input
                .files()
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            // Cleared so that choosing the same file again fires `change` again.
            input.set_value("");
            on_files.emit(files);
        })
    };
    let onclick = props.on_examples.reform(|_: MouseEvent| ());
    html! {
        <section class="intake" aria-labelledby="intake-heading">
            <h2 id="intake-heading" class="visually-hidden">{ t.open_files }</h2>
            <div class="intake-buttons">
                <input id="file-input" class="file-input" type="file" multiple=true
                    accept=".txt,.html,.htm,.json,.csv,.xml,.xlsx,.zip,text/plain,text/html,application/json"
                    onchange={onchange.clone()} />
                <label for="file-input" class="button primary">{ t.choose_files }</label>
                <input id="folder-input" class="file-input" type="file" multiple=true
                    webkitdirectory=true onchange={onchange.clone()} />
                <label for="folder-input" class="button">{ lang.l().choose_folder }</label>
                <button id="open-examples" type="button" class="button" {onclick}>
                    { t.open_examples }
                </button>
            </div>
            <p class="hint">{ t.drop_hint }</p>
            <p class="privacy">{ t.privacy_note }</p>
            if props.reading {
                <p class="reading" role="status">{ t.loading }</p>
            }
        </section>
    }
}
