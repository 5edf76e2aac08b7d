//! The list of loaded entries: code, name, status and a warning or error marker.

use std::collections::BTreeSet;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::ingest::{Entry, EntryState};
use crate::view_model::{entry_matches, status_label};

/// Properties of [`DocumentList`].
#[derive(Properties, PartialEq)]
pub struct DocumentListProps {
    /// The entries in load order.
    pub entries: Rc<Vec<Entry>>,
    /// The selected index.
    pub selected: Option<usize>,
    /// Indices of documents whose project code an earlier document has (marked).
    #[prop_or_default]
    pub duplicates: Rc<BTreeSet<usize>>,
    /// An entry was selected.
    pub on_select: Callback<usize>,
    /// An entry was removed.
    pub on_remove: Callback<usize>,
    /// The list was cleared.
    pub on_clear: Callback<()>,
    /// "Download all as JSON" was pressed.
    pub on_download_all: Callback<()>,
}

/// At most this many entries are rendered in the list. Rendering every one of 8,000 entries
/// on each loading batch made main-thread tasks of a second; the overview table (virtualised)
/// and the filter reach the rest.
pub const LIST_LIMIT: usize = 500;

/// Which entries the list renders: all of them (the filtered-out ones hidden, so the list
/// keeps one `<li>` per entry) up to [`LIST_LIMIT`] entries; beyond that only the first
/// [`LIST_LIMIT`] matching ones, plus the selected entry wherever it is.
pub fn rendered_entries(
    entries: &[Entry],
    selected: Option<usize>,
    matches: impl Fn(&Entry) -> bool,
) -> Vec<(usize, bool)> {
    if entries.len() <= LIST_LIMIT {
        return entries
            .iter()
            .enumerate()
            .map(|(i, e)| (i, matches(e)))
            .collect();
    }
    let mut out: Vec<(usize, bool)> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| matches(e))
        .take(LIST_LIMIT)
        .map(|(i, _)| (i, true))
        .collect();
    if let Some(s) = selected.filter(|s| *s < entries.len() && !out.iter().any(|(i, _)| i == s)) {
        out.push((s, true));
    }
    out
}

/// The document list, in a `<nav>`: selecting an entry shows it.
#[component]
pub fn DocumentList(props: &DocumentListProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let t = lang.t();
    let filter = use_state(String::new);
    let empty = props.entries.is_empty();
    let shown = props
        .entries
        .iter()
        .filter(|e| entry_matches(e, &filter))
        .count();
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let rendered = rendered_entries(&props.entries, props.selected, |e| {
        entry_matches(e, &filter)
    });
    let cut = props.entries.len() > LIST_LIMIT && shown > LIST_LIMIT;
    let items = rendered.iter().map(|&(i, matching)| {
        let entry = &props.entries[i];
        let selected = props.selected == Some(i);
        let hidden = !matching;
        let state = entry.state();
        let onclick = props.on_select.reform(move |_: MouseEvent| i);
        let on_remove = props.on_remove.reform(move |_: MouseEvent| i);
        let (title, status) = match entry {
            Entry::Document(l) => (
                l.doc
                    .project
                    .name
                    .clone()
                    .unwrap_or_else(|| l.doc.source.file_name.clone()),
                status_label(lang, l.doc.project.status, l.doc.project.status_text.as_deref()),
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
        let duplicate = props.duplicates.contains(&i);
        let o = lang.o();
        html! {
            <li key={i} class={li_class} {hidden} data-code={entry.code().to_owned()}
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
                    <input id="document-filter" type="search" value={(*filter).clone()}
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
                if !empty {
                    <button type="button" class="button subtle" onclick={on_clear}>
                        { t.clear_all }
                    </button>
                }
            </div>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest;

    fn entries(n: usize) -> Vec<Entry> {
        let seed = include_bytes!("../../testdata/seeds/000_2f4bdf7767fd6a31.txt");
        let one = ingest("s.txt", seed).remove(0);
        vec![one; n]
    }

    #[test]
    fn short_lists_render_every_entry_and_hide_the_filtered() {
        let list = entries(10);
        let rendered = rendered_entries(&list, None, |_| false);
        assert_eq!(rendered.len(), 10);
        assert!(rendered.iter().all(|&(_, matching)| !matching));
    }

    #[test]
    fn long_lists_render_the_first_matching_and_the_selected() {
        let list = entries(LIST_LIMIT + 300);
        let rendered = rendered_entries(&list, Some(LIST_LIMIT + 250), |_| true);
        assert_eq!(rendered.len(), LIST_LIMIT + 1);
        assert_eq!(rendered[0], (0, true));
        assert_eq!(rendered.last(), Some(&(LIST_LIMIT + 250, true)));
        let none = rendered_entries(&list, None, |_| false);
        assert!(none.is_empty());
    }
}
