//! The view as a value: what a link or a session file restores ([`ViewState`]), read from
//! the state and restored into it. The address's keys are in [`crate::view_url`].
//!
//! A project is named by its code (or its file name when it has none), never by its place in
//! the list, so a view restores in another page with the same files. A project not loaded yet
//! waits in [`State::pending_project`] and is selected when it arrives.

use hankekuvaus::{export, Outcome};

use super::{MainView, OverviewState, State, Tab};
use crate::i18n::Lang;
use crate::ingest::Entry;
use crate::view_url;

/// Everything that makes a view: what the address holds after `#` and a session's `view`.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// The UI language; `None` keeps the page's.
    pub lang: Option<Lang>,
    /// The main view.
    pub view: MainView,
    /// The selected project's [`project_id`].
    pub project: Option<String>,
    /// The document view's tab.
    pub tab: Tab,
    /// The sidebar list's filter.
    pub list_filter: String,
    /// The overview's filter and sort.
    pub overview: OverviewState,
    /// The projects chosen for the comparison, by [`project_id`], in the order chosen.
    pub compare: Vec<String>,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            lang: None,
            view: MainView::Document,
            project: None,
            tab: Tab::Document,
            list_filter: String::new(),
            overview: OverviewState::default(),
            compare: Vec::new(),
        }
    }
}

impl ViewState {
    /// The view `state` shows: the selected project, or the one waiting to arrive.
    pub fn of(state: &State) -> ViewState {
        let project = match state.selected_entry() {
            Some(entry) => Some(project_id(entry).to_owned()),
            None => state.pending_project.clone(),
        };
        ViewState {
            lang: Some(state.lang),
            view: state.view,
            project,
            tab: state.tab,
            list_filter: state.list_filter.clone(),
            overview: state.overview.clone(),
            compare: state
                .compare
                .chosen
                .iter()
                .map(|&i| project_id(&state.entries[i]).to_owned())
                .chain(state.pending_compare.iter().cloned())
                .collect(),
        }
    }
}

/// The bytes of "Save session": `state`'s view (the address's keys, unencoded) and every
/// entry exactly as "Download all" writes them.
pub fn session_json(state: &State) -> String {
    let view: Vec<(String, String)> = view_url::pairs(&ViewState::of(state))
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    let outcomes: Vec<Outcome> = state.entries.iter().map(Entry::outcome).collect();
    export::session_json(&view, &outcomes)
}

/// How a view names a project: its code, or its file name when it has none (a failure, a
/// description without a code).
pub fn project_id(entry: &Entry) -> &str {
    match entry.code() {
        "" => entry.file_name(),
        code => code,
    }
}

/// The first entry named `id`.
fn find(entries: &[Entry], id: &str) -> Option<usize> {
    entries.iter().position(|e| project_id(e) == id)
}

impl State {
    /// Shows `view`: the link's or the session's, or the one the browser went back to.
    pub(super) fn restore_view(&mut self, view: ViewState) {
        if let Some(lang) = view.lang {
            self.lang = lang;
        }
        self.view = view.view;
        self.tab = view.tab;
        self.list_filter = view.list_filter;
        self.overview = view.overview;
        self.pending_project = None;
        self.compare.chosen.clear();
        self.pending_compare = view.compare;
        self.choose_pending();
        match view.project {
            Some(id) => match find(&self.entries, &id) {
                Some(i) => self.select(i),
                None => {
                    self.deselect();
                    self.pending_project = Some(id);
                }
            },
            None => self.deselect(),
        }
    }

    /// A session's view is restored into an empty page only: into a page already showing
    /// files, the session only adds its documents.
    pub(super) fn open_session(&mut self, view: ViewState) {
        if self.entries.is_empty() {
            self.restore_view(view);
        }
    }

    /// After entries were placed at `placed`: selects the project waiting for one of them.
    /// Returns whether a project is (still) waiting, when nothing else is to be selected.
    pub(super) fn select_pending(&mut self, placed: &[(usize, bool)]) -> bool {
        let Some(id) = self.pending_project.as_deref() else {
            return false;
        };
        if let Some(&(i, _)) = placed
            .iter()
            .find(|&&(i, _)| project_id(&self.entries[i]) == id)
        {
            self.pending_project = None;
            self.select(i);
        }
        true
    }

    /// Chooses for the comparison the waiting projects that are loaded, in their order; the
    /// others keep waiting.
    pub(super) fn choose_pending(&mut self) {
        if self.pending_compare.is_empty() {
            return;
        }
        let entries = &self.entries;
        let mut waiting = Vec::new();
        for id in std::mem::take(&mut self.pending_compare) {
            match find(entries, &id) {
                Some(i) if !self.compare.chosen.contains(&i) => self.compare.chosen.push(i),
                Some(_) => {}
                None => waiting.push(id),
            }
        }
        self.pending_compare = waiting;
    }

    fn deselect(&mut self) {
        self.selected = None;
        self.current_line = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::EXAMPLES;
    use crate::ingest::ingest;
    use crate::overview::{Column, Sort};
    use crate::state::tests::{add, example};
    use crate::state::{Action, OverviewAction};

    fn view_of_s22257() -> ViewState {
        let mut overview = OverviewState::default();
        overview.apply(OverviewAction::Search("työ".into()));
        overview.apply(OverviewAction::Fund("ESR".into()));
        overview.sort = Sort {
            column: Column::Granted,
            descending: true,
        };
        // Sorted by a column, not ranked by the query.
        overview.relevance = false;
        ViewState {
            lang: Some(Lang::Fi),
            view: MainView::Overview,
            project: Some("S22257".into()),
            tab: Tab::Source,
            list_filter: "S2".into(),
            overview,
            compare: Vec::new(),
        }
    }

    #[test]
    fn a_restored_comparison_waits_for_the_projects_not_loaded_yet() {
        let codes: Vec<String> = (0..3).map(|i| example(i)[0].code().to_owned()).collect();
        let mut s = State::default();
        add(&mut s, example(1));
        let view = ViewState {
            view: MainView::Compare,
            compare: codes.clone(),
            ..ViewState::default()
        };
        s.apply(Action::RestoreView(Box::new(view.clone())));
        assert_eq!(s.compare.chosen, [0], "the loaded one is chosen at once");
        assert_eq!(s.pending_compare, [codes[0].clone(), codes[2].clone()]);
        add(&mut s, example(2));
        add(&mut s, example(0));
        assert_eq!(s.compare.chosen, [0, 1, 2], "the others as they arrive");
        assert!(s.pending_compare.is_empty());
        let shown: Vec<&str> = s
            .compare
            .chosen
            .iter()
            .map(|&i| s.entries[i].code())
            .collect();
        assert_eq!(shown, [&codes[1], &codes[2], &codes[0]]);
        s.apply(Action::Clear);
        assert!(s.compare.chosen.is_empty() && s.pending_compare.is_empty());
    }

    #[test]
    fn a_restored_view_is_the_view_the_state_shows() {
        let mut s = State::default();
        for i in 0..EXAMPLES.len() {
            add(&mut s, example(i));
        }
        let view = view_of_s22257();
        s.apply(Action::RestoreView(Box::new(view.clone())));
        assert_eq!(s.selected_entry().unwrap().code(), "S22257");
        assert_eq!(s.pending_project, None);
        assert_eq!(ViewState::of(&s), view);
        s.apply(Action::RestoreView(Box::default()));
        assert_eq!(s.selected, None, "a view without a project selects none");
        assert_eq!(
            ViewState::of(&s),
            ViewState {
                lang: Some(Lang::Fi),
                ..ViewState::default()
            },
            "a view without a language keeps the page's"
        );
    }

    #[test]
    fn a_project_not_loaded_yet_is_selected_when_it_arrives() {
        let mut s = State::default();
        s.apply(Action::RestoreView(Box::new(view_of_s22257())));
        assert_eq!(s.pending_project.as_deref(), Some("S22257"));
        assert_eq!(ViewState::of(&s), view_of_s22257(), "the link stays whole");
        add(&mut s, example(0));
        assert_eq!(s.selected, None, "no other document is selected meanwhile");
        add(&mut s, [example(1), example(4)].concat());
        assert_eq!(s.selected_entry().unwrap().code(), "S22257");
        assert_eq!(s.pending_project, None);
        assert_eq!(s.tab, Tab::Source, "the tab of the view");

        s.apply(Action::RestoreView(Box::new(ViewState {
            project: Some("S99999".into()),
            ..ViewState::default()
        })));
        s.apply(Action::Select(0));
        assert_eq!(s.pending_project, None, "choosing a project ends the wait");
    }

    #[test]
    fn a_project_without_a_code_is_named_by_its_file() {
        let mut s = State::default();
        add(&mut s, ingest("kuva.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        add(&mut s, example(0));
        s.apply(Action::Select(0));
        let view = ViewState::of(&s);
        assert_eq!(view.project.as_deref(), Some("kuva.png"));
        s.apply(Action::Select(1));
        s.apply(Action::RestoreView(Box::new(view)));
        assert_eq!(s.selected, Some(0));
    }

    #[test]
    fn a_saved_session_gives_back_the_view_and_the_download_all_documents() {
        let mut s = State::default();
        add(&mut s, (0..EXAMPLES.len()).flat_map(example).collect());
        s.apply(Action::RestoreView(Box::new(view_of_s22257())));
        let json = session_json(&s);
        let all = crate::ingest::all_entries_json(&s.entries);
        assert!(json.contains(all.trim_end()));
        let (view, outcomes) = hankekuvaus::import::import_session(&json).unwrap();
        let view = view.expect("a session has a view");
        let view = view_url::from_pairs(view.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(view, view_of_s22257());
        assert_eq!(outcomes.len(), EXAMPLES.len());

        let mut fresh = State::default();
        fresh.apply(Action::OpenSession(Box::new(view)));
        add(
            &mut fresh,
            crate::ingest::ingest("hankekatselin-session.json", json.as_bytes()),
        );
        assert_eq!(ViewState::of(&fresh), ViewState::of(&s));
    }

    #[test]
    fn a_session_view_is_restored_into_an_empty_page_only() {
        let mut s = State::default();
        add(&mut s, example(0));
        s.apply(Action::OpenSession(Box::new(view_of_s22257())));
        assert_eq!(
            s.view,
            MainView::Document,
            "a page with files keeps its view"
        );
        assert_eq!(s.pending_project, None);
        s.apply(Action::Clear);
        s.apply(Action::OpenSession(Box::new(view_of_s22257())));
        assert_eq!(s.view, MainView::Overview);
        assert_eq!(s.lang, Lang::Fi);
        add(&mut s, (0..EXAMPLES.len()).flat_map(example).collect());
        assert_eq!(ViewState::of(&s), view_of_s22257());
    }
}
