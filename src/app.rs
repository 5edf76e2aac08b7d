//! The root component: the reducer, the language, and the page's parts wired to the hooks
//! that read files in and send results out.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::components::app_header::AppHeader;
use crate::components::compare_view::CompareView;
use crate::components::document_list::DocumentList;
use crate::components::document_view::DocumentView;
use crate::components::drop_overlay::DropOverlay;
use crate::components::failure_view::FailureView;
use crate::components::file_controls::FileControls;
use crate::components::find_bar::FindBar;
use crate::components::load_progress::LoadProgress;
use crate::components::overview_duplicates::OverviewDuplicates;
use crate::components::overview_switch::OverviewSwitch;
use crate::components::overview_view::OverviewView;
use crate::components::session_save::SessionSave;
use crate::components::update_notice::UpdateNotice;
use crate::components::welcome::Welcome;
use crate::examples::EXAMPLES;
use crate::hooks::{
    use_actions, use_body_drop, use_choices, use_document_exports, use_file_loading, use_hit_words,
    use_overview, use_save_session, use_search, use_view_url, use_workbook, Choices,
};
use crate::i18n::Lang;
use crate::ingest::{ingest, Entry};
use crate::state::{Action, MainView, State};

/// The whole page.
#[component]
pub fn App() -> Html {
    // `_eq`: repeated dragover events then cost no re-render.
    let state = use_reducer_eq(|| {
        State::starting_in(browser::initial_lang())
            .with_hidden_columns(browser::stored_hidden_columns())
    });
    let actions = use_actions(&state);
    let choices = use_choices(&state);
    use_view_url(&state);
    let lang = &state.lang;
    use_effect_with(*lang, |lang| browser::apply_lang(*lang));
    // On a narrow screen the list sits above the document: bring a newly selected
    // document into view.
    use_effect_with(state.selected, |selected| {
        if selected.is_some() {
            browser::reveal_on_narrow_screen("main");
        }
    });
    let on_lang = {
        let dispatcher = state.dispatcher();
        Callback::from(move |l: Lang| {
            browser::remember_lang(l);
            dispatcher.dispatch(Action::SetLang(l));
        })
    };

    let loading = use_file_loading(&state);
    use_body_drop(&state, &loading.on_files);
    let overview = use_overview(&state.entries, state.generation);
    let query = &state.overview.filter.text;
    let search = use_search(&state.entries, state.generation, query, state.reading > 0);
    let hit_words = use_hit_words(&search.handle, query, state.selected);
    let search = Rc::new(search);
    let selected = state.selected_entry().cloned();
    let on_save_session = use_save_session(&state);
    let exports = use_document_exports(&state.entries, selected.clone(), state.selected, *lang);
    let workbooks = use_workbook(&state.entries, *lang);
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

    // The find bar over a document shown while the overview has a query.
    let find_bar = match (&selected, state.selected) {
        (Some(Entry::Document(_)), Some(entry)) if !query.trim().is_empty() => html! {
            <FindBar words={hit_words} query={query.clone()} tab={state.tab} {entry}
                on_overview={actions.on_overview.clone()} />
        },
        _ => Html::default(),
    };
    let main = match &selected {
        Some(Entry::Document(loaded)) => html! {
            <DocumentView
                loaded={Rc::clone(loaded)}
                tab={state.tab}
                current_line={state.current_line}
                notice={exports.notice.clone()}
                on_tab={actions.on_tab.clone()}
                on_jump={actions.on_jump.clone()}
                on_download={exports.on_download.clone()}
                on_copy={exports.on_copy.clone()}
            />
        },
        Some(Entry::Failure(failure)) => html! { <FailureView failure={Rc::clone(failure)} /> },
        None => html! { <Welcome /> },
    };

    let t = lang.t();
    let view = state.view;
    html! {
        <ContextProvider<Lang> context={*lang}>
        <ContextProvider<Choices> context={choices}>
            <DropOverlay visible={state.dragging} />
            <a class="skip-link" href="#main">{ t.skip_to_content }</a>
            <AppHeader lang={*lang} {on_lang} />
            <div class="layout">
                <aside class="sidebar">
                    <FileControls on_files={loading.on_files.clone()} {on_examples}
                        reading={state.reading > 0} />
                    <LoadProgress progress={loading.progress.clone()} refused={loading.refused}
                        on_cancel={loading.on_cancel.clone()} on_dismiss={loading.on_dismiss.clone()} />
                    <OverviewDuplicates duplicates={Rc::clone(&overview.duplicates)}
                        on_open={actions.on_open.clone()} />
                    <DocumentList
                        entries={state.entries.clone()}
                        selected={state.selected}
                        filter={state.list_filter.clone()}
                        duplicates={Rc::clone(&overview.duplicate_entries)}
                        on_select={actions.on_select.clone()}
                        on_remove={actions.on_remove.clone()}
                        on_clear={actions.on_clear.clone()}
                        on_filter={actions.on_list_filter.clone()}
                        on_download_all={exports.on_download_all.clone()}
                        workbook={workbooks.status.clone()}
                        on_workbook={workbooks.on_all.clone()}
                    />
                    <SessionSave empty={state.entries.is_empty()} on_save={on_save_session} />
                </aside>
                <main id="main" class="content" tabindex="-1">
                    <OverviewSwitch {view} on_view={actions.on_view.clone()} />
                    <div class="overview-pane" hidden={view != MainView::Overview}>
                        <OverviewView rows={overview.rows.clone()} state={state.overview.clone()}
                            on_overview={actions.on_overview.clone()} on_open={actions.on_open.clone()}
                            search={Rc::clone(&search)}
                            workbook={workbooks.status.clone()} on_workbook={workbooks.on_shown.clone()} />
                    </div>
                    if view == MainView::Document {
                        { find_bar }
                        { main }
                    }
                    if view == MainView::Compare {
                        <CompareView entries={state.entries.clone()} />
                    }
                </main>
            </div>
            <footer class="app-footer">
                <p>{ t.footer }</p>
            </footer>
            <UpdateNotice />
        </ContextProvider<Choices>>
        </ContextProvider<Lang>>
    }
}
