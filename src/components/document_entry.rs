//! One entry of the document list: code, name, status, a warning, error or duplicate marker,
//! the refusal of a file that is not a description, and its remove button.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::ingest::{Entry, EntryState};
use crate::view_model::status_label;

/// Properties of [`DocumentEntry`].
#[derive(Properties, PartialEq)]
pub struct DocumentEntryProps {
    /// The entry (compared by identity).
    pub entry: Entry,
    /// Its index in the list.
    pub index: usize,
    /// Whether it is selected.
    pub selected: bool,
    /// Whether the filter hides it.
    pub hidden: bool,
    /// Whether an earlier document has its project code.
    pub duplicate: bool,
    /// The entry was selected.
    pub on_select: Callback<usize>,
    /// The entry was removed.
    pub on_remove: Callback<usize>,
}

/// `li.doc-entry`.
#[component]
pub fn DocumentEntry(props: &DocumentEntryProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let t = lang.t();
    let (i, selected, hidden) = (props.index, props.selected, props.hidden);
    let entry = &props.entry;
    let state = entry.state();
    let onclick = props.on_select.reform(move |_: MouseEvent| i);
    let on_remove = props.on_remove.reform(move |_: MouseEvent| i);
    let (title, status) = match entry {
        Entry::Document(l) => (
            l.doc
                .project
                .name
                .as_deref()
                .unwrap_or(&l.doc.source.file_name)
                .to_owned(),
            status_label(
                lang,
                l.doc.project.status,
                l.doc.project.status_text.as_deref(),
            ),
        ),
        Entry::Failure(_) => (entry.file_name().to_owned(), t.not_a_description.to_owned()),
    };
    let marker = match state {
        EntryState::Ok => html! {},
        EntryState::Warning => html! {
            <span class="marker warning" title={t.has_warnings}>
                <span aria-hidden="true">{ "⚠" }</span>
                <span class="visually-hidden">{ t.has_warnings }</span>
            </span>
        },
        EntryState::Error => html! {
            <span class="marker error" title={t.has_errors}>
                <span aria-hidden="true">{ "✖" }</span>
                <span class="visually-hidden">{ t.has_errors }</span>
            </span>
        },
    };
    let li_class = classes!("doc-entry", selected.then_some("selected"));
    let duplicate = props.duplicate;
    let o = lang.o();
    html! {
        <li class={li_class} {hidden} data-code={entry.code().to_owned()}
            data-file={entry.file_name().to_owned()} data-state={state.as_str()}
            data-duplicate={duplicate.then_some("true")}>
            <button type="button" class="doc-select"
                aria-current={selected.then_some("true")} {onclick}>
                <span class="doc-line">
                    <span class="doc-code">{ entry.code() }</span>
                    { marker }
                    if duplicate {
                        <span class="marker duplicate" title={o.duplicate}>
                            <span aria-hidden="true">{ "⧉" }</span>
                            <span class="visually-hidden">{ o.duplicate }</span>
                        </span>
                    }
                    <span class="doc-status">{ status }</span>
                </span>
                <span class="doc-name">{ title }</span>
                if entry.loaded().is_some() {
                    <span class="doc-file">{ entry.file_name() }</span>
                }
            </button>
            if let Entry::Failure(f) = entry {
                <p class="doc-error">
                    if let Some(summary) = lang.code_summary(&f.error.code) {
                        { summary }{ " " }
                    }
                    <span lang="en">{ &f.error.message }</span>
                </p>
            }
            <button type="button" class="remove" onclick={on_remove}
                title={format!("{} {}", t.remove, entry.file_name())}>
                <span aria-hidden="true">{ "×" }</span>
                <span class="visually-hidden">{ format!("{} {}", t.remove, entry.file_name()) }</span>
            </button>
        </li>
    }
}
