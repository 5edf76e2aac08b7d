//! The root component: state, language, files in (chooser, drop, examples) and files out.

use std::collections::BTreeSet;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{DragEvent, File};
use yew::prelude::*;

use crate::browser;
use crate::components::app_header::AppHeader;
use crate::components::document_list::DocumentList;
use crate::components::document_view::DocumentView;
use crate::components::drop_overlay::DropOverlay;
use crate::components::failure_view::FailureView;
use crate::components::file_controls::FileControls;
use crate::components::load_progress::LoadProgress;
use crate::components::overview_duplicates::OverviewDuplicates;
use crate::components::overview_switch::{MainView, OverviewSwitch};
use crate::components::overview_view::{use_overview_rows, OverviewView};
use crate::components::update_notice::UpdateNotice;
use crate::components::welcome::Welcome;
use crate::examples::EXAMPLES;
use crate::i18n::Lang;
use crate::ingest::{all_entries_json, ingest, Entry};
use crate::loading::{self, Loader, Progress};
use crate::overview;
use crate::state::{Action, State, Tab};

const JSON_MIME: &str = "application/json";

/// The whole page.
#[component]
pub fn App() -> Html {
    // `_eq`: repeated dragover events then cost no re-render.
    let state = use_reducer_eq(State::default);
    let lang = use_state(browser::initial_lang);
    let notice = use_state(|| None::<AttrValue>);

    use_effect_with(*lang, |lang| browser::apply_lang(*lang));
    // On a narrow screen the list sits above the document: bring a newly selected
    // document into view.
    use_effect_with(state.selected, |selected| {
        if selected.is_some() {
            browser::reveal_on_narrow_screen("main");
        }
    });
    {
        // "Copied" belongs to the document it was said about.
        let notice = notice.clone();
        use_effect_with(state.selected, move |_| notice.set(None));
    }

    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            browser::remember_lang(l);
            lang.set(l);
        })
    };

    // Many files: read in time-boxed batches with progress and cancel (see `loading`).
    let progress = use_state(|| None::<Progress>);
    let refused = use_state(|| None::<usize>);
    let shared_progress = use_mut_ref(Progress::new);
    let cancel = use_mut_ref(|| Rc::new(std::cell::Cell::new(0u32)));
    let on_files = {
        let loader = Loader {
            dispatcher: state.dispatcher(),
            progress: Rc::clone(&shared_progress),
            publish: progress.setter(),
            cancel: Rc::clone(&cancel.borrow()),
        };
        let refused = refused.setter();
        Callback::from(move |files: Vec<File>| {
            if files.is_empty() {
                return;
            }
            if loading::refuses(files.len()) {
                refused.set(Some(files.len()));
                return;
            }
            refused.set(None);
            spawn_local(loading::load(files, loader.clone()));
        })
    };
    let on_cancel = {
        let cancel = Rc::clone(&cancel.borrow());
        Callback::from(move |_: ()| cancel.set(cancel.get().wrapping_add(1)))
    };
    let on_dismiss = {
        let (progress, refused) = (progress.setter(), refused.setter());
        Callback::from(move |_: ()| {
            progress.set(None);
            refused.set(None);
        })
    };
    let view = use_state(|| MainView::Document);
    let on_view = {
        let view = view.setter();
        Callback::from(move |v: MainView| view.set(v))
    };
    let rows = use_overview_rows(&state.entries, state.generation);
    // The rows change whenever the list does.
    let duplicates = use_memo(rows.clone(), |rows| {
        Rc::new(overview::duplicates(&rows.all, &state.entries))
    });
    let duplicates: Rc<Vec<overview::Duplicate>> = (*duplicates).clone();
    let duplicate_entries: Rc<BTreeSet<usize>> =
        Rc::new(duplicates.iter().map(|d| d.entry).collect());
    let on_open = {
        let dispatcher = state.dispatcher();
        let view = view.setter();
        Callback::from(move |i: usize| {
            dispatcher.dispatch(Action::Select(i));
            view.set(MainView::Document);
        })
    };

    // Drops anywhere on the page: listeners on <body>, where dropped files land.
    {
        let dispatcher = state.dispatcher();
        let on_files = on_files.clone();
        use_effect_with((), move |_| {
            let listeners = body_drop_listeners(dispatcher, on_files);
            move || drop(listeners)
        });
    }

    let on_examples = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: ()| {
            let entries = EXAMPLES
                .iter()
                .flat_map(|(name, bytes)| ingest(name, bytes))
                .collect();
            dispatcher.dispatch(Action::Add {
                entries,
                select_first: true,
            });
        })
    };

    // Stable callbacks (the dispatcher never changes): a long list and the document view
    // are not re-rendered when only the tab or the highlighted line changes.
    let on_select = use_callback(state.dispatcher(), |i: usize, dispatcher| {
        dispatcher.dispatch(Action::Select(i))
    });
    let on_remove = use_callback(state.dispatcher(), |i: usize, dispatcher| {
        dispatcher.dispatch(Action::Remove(i))
    });
    let on_clear = use_callback(state.dispatcher(), |_: (), dispatcher| {
        dispatcher.dispatch(Action::Clear)
    });
    let on_tab = use_callback(state.dispatcher(), |tab: Tab, dispatcher| {
        dispatcher.dispatch(Action::SetTab(tab))
    });
    let on_jump = use_callback(state.dispatcher(), |line: u32, dispatcher| {
        dispatcher.dispatch(Action::JumpToLine(line))
    });

    let on_download_all = use_callback(state.entries.clone(), |_: (), entries| {
        let json = all_entries_json(entries);
        let _ = browser::download("hankekatselin.json", json.as_bytes(), JSON_MIME);
    });

    let selected = state.selected_entry().cloned();

    let on_download = use_callback(selected.clone(), |_: (), selected| {
        if let Some(loaded) = selected.as_ref().and_then(Entry::loaded) {
            let name = download_name(loaded);
            let _ = browser::download(&name, loaded.json().as_bytes(), JSON_MIME);
        }
    });

    let on_copy = {
        let set_notice = notice.setter();
        use_callback((selected.clone(), *lang), move |_: (), (selected, lang)| {
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

    let main = match &selected {
        Some(Entry::Document(loaded)) => html! {
            <DocumentView
                loaded={Rc::clone(loaded)}
                tab={state.tab}
                current_line={state.current_line}
                notice={(*notice).clone()}
                {on_tab}
                {on_jump}
                {on_download}
                {on_copy}
            />
        },
        Some(Entry::Failure(failure)) => html! { <FailureView failure={Rc::clone(failure)} /> },
        None => html! { <Welcome /> },
    };

    let t = lang.t();
    html! {
        <ContextProvider<Lang> context={*lang}>
            <DropOverlay visible={state.dragging} />
            <a class="skip-link" href="#main">{ t.skip_to_content }</a>
            <AppHeader lang={*lang} {on_lang} />
            <div class="layout">
                <aside class="sidebar">
                    <FileControls {on_files} {on_examples} reading={state.reading > 0} />
                    <LoadProgress progress={(*progress).clone()} refused={*refused}
                        {on_cancel} {on_dismiss} />
                    <OverviewDuplicates duplicates={Rc::clone(&duplicates)} on_open={on_open.clone()} />
                    <DocumentList
                        entries={state.entries.clone()}
                        selected={state.selected}
                        duplicates={duplicate_entries}
                        {on_select}
                        {on_remove}
                        {on_clear}
                        {on_download_all}
                    />
                </aside>
                <main id="main" class="content" tabindex="-1">
                    <OverviewSwitch view={*view} {on_view} />
                    <div class="overview-pane" hidden={*view != MainView::Overview}>
                        <OverviewView rows={rows.clone()} {on_open} />
                    </div>
                    if *view == MainView::Document {
                        { main }
                    }
                </main>
            </div>
            <footer class="app-footer">
                <p>{ t.footer }</p>
            </footer>
            <UpdateNotice />
        </ContextProvider<Lang>>
    }
}

/// `<code>.json`, or the file's name with `.json` when the document has no code.
fn download_name(loaded: &crate::ingest::Loaded) -> String {
    match loaded.doc.project.code.as_deref() {
        Some(code) if !code.is_empty() => format!("{code}.json"),
        _ => {
            let name = &loaded.doc.source.file_name;
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            format!("{stem}.json")
        }
    }
}

/// Whether a drag carries files (not text or a link dragged within the page).
fn carries_files(event: &DragEvent) -> bool {
    event.data_transfer().is_some_and(|dt| {
        dt.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

fn body_drop_listeners(
    dispatcher: UseReducerDispatcher<State>,
    on_files: Callback<Vec<File>>,
) -> Vec<EventListener> {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return Vec::new();
    };
    let active = EventListenerOptions::enable_prevent_default();
    let over = {
        let dispatcher = dispatcher.clone();
        move |e: &Event| {
            let Some(e) = e.dyn_ref::<DragEvent>() else {
                return;
            };
            if carries_files(e) {
                // Without this the browser would open the file instead of dropping it here.
                e.prevent_default();
                if let Some(dt) = e.data_transfer() {
                    dt.set_drop_effect("copy");
                }
                dispatcher.dispatch(Action::SetDragging(true));
            }
        }
    };
    let leave = {
        let dispatcher = dispatcher.clone();
        move |e: &Event| {
            let Some(e) = e.dyn_ref::<DragEvent>() else {
                return;
            };
            // Moving between elements fires dragleave too; only leaving the window has no
            // related target.
            if e.related_target().is_none() {
                dispatcher.dispatch(Action::SetDragging(false));
            }
        }
    };
    // A drag cancelled outside the window may end without a dragleave; the first pointer
    // move afterwards (there are none during a drag) hides the overlay.
    let moved = {
        let dispatcher = dispatcher.clone();
        move |_: &Event| dispatcher.dispatch(Action::SetDragging(false))
    };
    let dropped = move |e: &Event| {
        let Some(e) = e.dyn_ref::<DragEvent>() else {
            return;
        };
        e.prevent_default();
        dispatcher.dispatch(Action::SetDragging(false));
        let files: Vec<File> = e
            .data_transfer()
            .and_then(|dt| dt.files())
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        on_files.emit(files);
    };
    vec![
        EventListener::new_with_options(&body, "dragenter", active, over.clone()),
        EventListener::new_with_options(&body, "dragover", active, over),
        EventListener::new_with_options(&body, "dragleave", active, leave),
        EventListener::new_with_options(&body, "drop", active, dropped),
        EventListener::new(&body, "pointermove", moved),
    ]
}
