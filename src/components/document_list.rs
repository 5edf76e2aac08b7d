//! The list of loaded entries, with its filter, in a `<nav>`.

use std::collections::BTreeSet;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::document_entry::DocumentEntry;
use crate::components::workbook_button::WorkbookButton;
use crate::i18n::Lang;
use crate::ingest::Entry;
use crate::list_view::{list_view, LIST_LIMIT};
use crate::workbook::{Scope, Status};

/// Properties of [`DocumentList`].
#[derive(Properties, PartialEq)]
pub struct DocumentListProps {
    /// The entries in load order.
    pub entries: Rc<Vec<Entry>>,
    /// The selected index.
    pub selected: Option<usize>,
    /// The list's filter, as typed.
    pub filter: String,
    /// Indices of documents whose project code an earlier document has (marked).
    #[prop_or_default]
    pub duplicates: Rc<BTreeSet<usize>>,
    /// An entry was selected.
    pub on_select: Callback<usize>,
    /// An entry was removed.
    pub on_remove: Callback<usize>,
    /// The list was cleared.
    pub on_clear: Callback<()>,
    /// The filter was edited.
    pub on_filter: Callback<String>,
    /// "Download all as JSON" was pressed.
    pub on_download_all: Callback<()>,
    /// The workbooks' state.
    #[prop_or_default]
    pub workbook: Status,
    /// "Download all as Excel workbook" was pressed.
    #[prop_or_default]
    pub on_workbook: Callback<()>,
}

/// The document list: selecting an entry shows it.
#[component]
pub fn DocumentList(props: &DocumentListProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let t = lang.t();
    let empty = props.entries.is_empty();
    let filter = &props.filter;
    let view = list_view(&props.entries, props.selected, filter);
    let (shown, cut) = (view.shown, view.cut);
    let on_filter = props.on_filter.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.value()
    });
    let items = view.rendered.iter().map(|&(i, matching)| {
        html! {
            <DocumentEntry key={i} entry={props.entries[i].clone()} index={i}
                selected={props.selected == Some(i)} hidden={!matching}
                duplicate={props.duplicates.contains(&i)}
                on_select={props.on_select.clone()} on_remove={props.on_remove.clone()} />
        }
    });
    let on_download_all = props.on_download_all.reform(|_: MouseEvent| ());
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <nav class="documents" aria-labelledby="documents-heading">
            <h2 id="documents-heading">
                { t.documents }
                if !empty {
                    <span class="count">{ format!(" ({})", props.entries.len()) }</span>
                }
            </h2>
            if props.entries.len() > 1 || !filter.is_empty() {
                <div class="list-filter">
                    <label for="document-filter">{ t.filter }</label>
                    <input id="document-filter" type="search" value={filter.clone()}
                        placeholder={t.filter_hint} oninput={on_filter} autocomplete="off" />
                    if shown != props.entries.len() {
                        <span class="muted" role="status">
                            { format!("{shown} {} {}", t.shown_of, props.entries.len()) }
                        </span>
                    }
                </div>
            }
            <ul id="document-list">{ for items }</ul>
            if cut {
                <p class="muted list-cut" role="status">
                    { format!("{} {LIST_LIMIT} / {shown}. {}", t.list_cut, t.list_cut_hint) }
                </p>
            }
            if empty {
                <p class="muted">{ t.no_documents }</p>
            }
            <div class="list-actions">
                <button id="download-all-json" type="button" class="button"
                    disabled={empty} onclick={on_download_all}>
                    { t.download_all_json }
                </button>
                <WorkbookButton scope={Scope::All} status={props.workbook.clone()} {empty}
                    on_click={props.on_workbook.clone()} />
                if !empty {
                    <button type="button" class="button subtle" onclick={on_clear}>
                        { t.clear_all }
                    </button>
                }
            </div>
        </nav>
    }
}
