//! The app's state and its reducer: the loaded entries, the selection, the open tab, the
//! source line to show, the main view, the list's filter, the overview's filter and sort
//! (`overview`), the projects chosen for the comparison and the hidden columns
//! (`compare`), the language, and (in `view`) the view as a value that a link or a
//! session restores. One [`Action`] is one thing the user (or a file read) did.

mod compare;
mod overview;
mod view;

use std::collections::{hash_map, HashMap};
use std::rc::Rc;

use yew::Reducible;

use crate::i18n::Lang;
use crate::ingest::Entry;
pub use compare::{apply_columns, ColumnsAction, CompareAction, CompareState};
pub use overview::{OverviewAction, OverviewState};
pub use view::{project_id, session_json, ViewState};

use crate::overview::columns::HiddenColumns;

/// What the main area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MainView {
    /// The selected document.
    Document,
    /// The overview table of all documents.
    Overview,
    /// The chosen projects side by side.
    Compare,
}

/// The tabs of the document view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The structured document.
    Document,
    /// The decoded source text with line numbers.
    Source,
    /// The document's JSON.
    Json,
}

impl Tab {
    /// The tabs in order.
    pub const ALL: [Tab; 3] = [Tab::Document, Tab::Source, Tab::Json];

    /// The id suffix: `tab-document`, `panel-document`.
    pub fn id(self) -> &'static str {
        match self {
            Tab::Document => "document",
            Tab::Source => "source",
            Tab::Json => "json",
        }
    }

    /// The tab `step` places away, wrapping around (arrow keys).
    pub fn step(self, step: isize) -> Tab {
        let i = Tab::ALL.iter().position(|&t| t == self).unwrap_or(0) as isize;
        let n = Tab::ALL.len() as isize;
        Tab::ALL[(i + step).rem_euclid(n) as usize]
    }
}

/// Everything the page shows that can change.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Loaded entries in the order they were loaded. Shared: the page hands the list to its
    /// parts on every render, and with thousands of entries a copy each time would add up.
    pub entries: Rc<Vec<Entry>>,
    /// Index of the selected entry.
    pub selected: Option<usize>,
    /// The open tab of the document view.
    pub tab: Tab,
    /// The source line to show and highlight (1-based), set by a jump.
    pub current_line: Option<u32>,
    /// What the main area shows.
    pub view: MainView,
    /// The sidebar list's filter, as typed.
    pub list_filter: String,
    /// The overview's filter and sort.
    pub overview: OverviewState,
    /// The projects chosen for the comparison.
    pub compare: CompareState,
    /// The overview's hidden columns (remembered per browser, not part of the view).
    pub hidden_columns: HiddenColumns,
    /// The UI language.
    pub lang: Lang,
    /// The project a restored view names that is not loaded yet ([`view::project_id`]):
    /// selected when it arrives.
    pub pending_project: Option<String>,
    /// Projects a restored view chose for the comparison that are not loaded yet
    /// ([`view::project_id`]): chosen as they arrive.
    pub pending_compare: Vec<String>,
    /// Whether files are being dragged over the page.
    pub dragging: bool,
    /// Number of file reads under way.
    pub reading: usize,
    /// Counts the changes to `entries` other than entries added at the end (removals and
    /// clears). Views that follow the list as it grows (the overview) start over when it
    /// changes.
    pub generation: u64,
    /// Where each listed file is, to skip files listed already.
    listed: Listed,
}

/// The list index of each listed file by [`kind_key`], kept with the list rather than made
/// per batch: a programme of 8,000 files arrives in dozens of batches. Derived from the
/// entries, so it takes no part in comparing states. Shared like the entries: every action
/// (a key typed in a filter too) copies the state, and the map with it.
#[derive(Debug, Clone, Default)]
struct Listed(Rc<HashMap<FileKey, usize>>);

impl PartialEq for Listed {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Listed {
    fn rebuild(&mut self, entries: &[Entry]) {
        let map = Rc::make_mut(&mut self.0);
        map.clear();
        for (i, e) in entries.iter().enumerate() {
            map.entry(kind_key(e)).or_insert(i);
        }
    }
}

impl Default for State {
    fn default() -> Self {
        State {
            entries: Rc::default(),
            selected: None,
            tab: Tab::Document,
            current_line: None,
            view: MainView::Document,
            list_filter: String::new(),
            overview: OverviewState::default(),
            compare: CompareState::default(),
            hidden_columns: HiddenColumns::default(),
            lang: Lang::En,
            pending_project: None,
            pending_compare: Vec::new(),
            dragging: false,
            reading: 0,
            generation: 0,
            listed: Listed::default(),
        }
    }
}

/// Changes to [`State`].
#[derive(Debug, Clone)]
pub enum Action {
    /// A read of dropped or chosen files started.
    ReadStarted,
    /// A read started with [`Action::ReadStarted`] ended.
    ReadFinished,
    /// Files were read: their entries in order. With `select_first`, the first of them is
    /// selected (examples); otherwise the first new document is selected when none is.
    Add {
        /// The entries, in file order.
        entries: Vec<Entry>,
        /// Select the first entry even when something is selected.
        select_first: bool,
    },
    /// Select the entry at this index.
    Select(usize),
    /// Show the entry at this index in the document view (from the overview).
    Open(usize),
    /// Show the document view or the overview.
    ShowView(MainView),
    /// Filter the sidebar list by these words.
    FilterList(String),
    /// Filter or sort the overview.
    Overview(OverviewAction),
    /// Remove the entry at this index.
    Remove(usize),
    /// Remove every entry.
    Clear,
    /// Open a tab.
    SetTab(Tab),
    /// Open the Source tab at this line.
    JumpToLine(u32),
    /// Files are (or are no longer) dragged over the page.
    SetDragging(bool),
    /// Choose projects for the comparison.
    Compare(CompareAction),
    /// Hide or show overview columns.
    Columns(ColumnsAction),
    /// Switch the UI language.
    SetLang(Lang),
    /// Show a view from the address: a link opened, or back and forward.
    RestoreView(Box<ViewState>),
    /// A session file's view, read before its documents: restored into an empty page.
    OpenSession(Box<ViewState>),
}

impl State {
    /// A page starting in `lang`.
    pub fn starting_in(lang: Lang) -> State {
        State {
            lang,
            ..State::default()
        }
    }

    /// The same state with the overview columns this browser hid last time.
    pub fn with_hidden_columns(self, hidden_columns: HiddenColumns) -> State {
        State {
            hidden_columns,
            ..self
        }
    }

    /// The selected entry.
    pub fn selected_entry(&self) -> Option<&Entry> {
        self.entries.get(self.selected?)
    }

    /// Adds entries, skipping files already listed; returns the list index of each given
    /// entry (its existing index for a duplicate) and whether it was new.
    fn add(&mut self, entries: Vec<Entry>) -> Vec<(usize, bool)> {
        let list = Rc::make_mut(&mut self.entries);
        let listed = Rc::make_mut(&mut self.listed.0);
        entries
            .into_iter()
            .map(|entry| match listed.entry(kind_key(&entry)) {
                hash_map::Entry::Occupied(at) => (*at.get(), false),
                hash_map::Entry::Vacant(slot) => {
                    slot.insert(list.len());
                    list.push(entry);
                    (list.len() - 1, true)
                }
            })
            .collect()
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::ReadStarted => self.reading += 1,
            Action::ReadFinished => self.reading = self.reading.saturating_sub(1),
            Action::Add {
                entries,
                select_first,
            } => {
                let placed = self.add(entries);
                self.choose_pending();
                let pick = if select_first {
                    self.pending_project = None;
                    placed.first().map(|&(i, _)| i)
                } else if self.select_pending(&placed) {
                    None
                } else if self.selected.is_none() {
                    placed
                        .iter()
                        .find(|&&(i, new)| new && self.entries[i].loaded().is_some())
                        .map(|&(i, _)| i)
                } else {
                    None
                };
                if let Some(i) = pick {
                    self.select(i);
                }
            }
            Action::Select(i) if i < self.entries.len() => {
                self.pending_project = None;
                self.select(i);
            }
            Action::Select(_) => {}
            Action::Open(i) if i < self.entries.len() => {
                self.pending_project = None;
                self.select(i);
                self.view = MainView::Document;
            }
            Action::Open(_) => {}
            Action::ShowView(view) => self.view = view,
            Action::FilterList(text) => self.list_filter = text,
            Action::Overview(action) => self.overview.apply(action),
            Action::Remove(i) if i < self.entries.len() => {
                Rc::make_mut(&mut self.entries).remove(i);
                self.compare.entry_removed(i);
                self.generation += 1;
                self.listed.rebuild(&self.entries);
                self.selected = match self.selected {
                    Some(s) if s == i => None,
                    Some(s) if s > i => Some(s - 1),
                    other => other,
                };
                if self.selected.is_none() {
                    self.current_line = None;
                }
            }
            Action::Remove(_) => {}
            Action::Clear => {
                self.entries = Rc::default();
                self.compare.apply(CompareAction::Clear);
                self.generation += 1;
                self.listed.rebuild(&self.entries);
                self.selected = None;
                self.current_line = None;
                self.pending_project = None;
                self.pending_compare.clear();
            }
            Action::SetTab(tab) => self.tab = tab,
            Action::JumpToLine(line) => {
                self.tab = Tab::Source;
                self.current_line = Some(line);
            }
            Action::SetDragging(on) => self.dragging = on,
            Action::Compare(action) => self.compare.apply(action),
            Action::Columns(action) => apply_columns(&mut self.hidden_columns, action),
            Action::SetLang(lang) => self.lang = lang,
            Action::RestoreView(view) => self.restore_view(*view),
            Action::OpenSession(view) => self.open_session(*view),
        }
    }

    fn select(&mut self, i: usize) {
        if self.selected != Some(i) {
            self.selected = Some(i);
            self.current_line = None;
        }
    }
}

/// What makes two entries the same file: the fingerprint, whether it is a document, and for a
/// row of a list export its row (every row has the list's fingerprint). A failure and a
/// document may share a fingerprint only in odd cases (a JSON failure record of a file later
/// parsed); they are different entries.
type FileKey = (Fingerprint, bool, Option<u32>);

/// A fingerprint as a number when it is one (16 hex digits, as the parser writes them), so
/// that copying the index with the state copies no strings; imported JSON may hold any text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Fingerprint {
    Hex(u64),
    Text(String),
}

fn kind_key(e: &Entry) -> FileKey {
    let text = e.fingerprint();
    let lower_hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
    let fingerprint = match u64::from_str_radix(text, 16) {
        Ok(n) if text.len() == 16 && text.bytes().all(lower_hex) => Fingerprint::Hex(n),
        _ => Fingerprint::Text(text.to_owned()),
    };
    let row = e.loaded().and_then(|l| l.doc.source.row);
    (fingerprint, e.loaded().is_some(), row)
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Drag events come many times a second: an unchanged flag costs no copy.
        if matches!(action, Action::SetDragging(on) if on == self.dragging) {
            return self;
        }
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::EXAMPLES;
    use crate::ingest::ingest;

    /// The entries of the bundled example `i` (also for `view`'s tests).
    pub(super) fn example(i: usize) -> Vec<Entry> {
        ingest(EXAMPLES[i].0, EXAMPLES[i].1)
    }

    /// Adds `entries` as a file read does.
    pub(super) fn add(state: &mut State, entries: Vec<Entry>) {
        state.apply(Action::Add {
            entries,
            select_first: false,
        });
    }

    #[test]
    fn first_new_document_is_selected_and_duplicates_are_skipped() {
        let mut s = State::default();
        let mut batch = ingest("roska.bin", b"\0\x01\x02\x03binary\0\0");
        batch.extend(example(2));
        add(&mut s, batch);
        assert_eq!(s.entries.len(), 2);
        assert_eq!(
            s.selected,
            Some(1),
            "the failure is listed but not selected"
        );
        add(&mut s, example(0));
        assert_eq!(s.selected, Some(1), "a selection stays");
        add(&mut s, example(2));
        add(&mut s, ingest("roska.bin", b"\0\x01\x02\x03binary\0\0"));
        assert_eq!(
            s.entries.len(),
            3,
            "the same files again are not listed twice"
        );
    }

    #[test]
    fn examples_select_the_first_example_even_when_loaded_before() {
        let mut s = State::default();
        add(&mut s, example(3));
        let all: Vec<Entry> = (0..EXAMPLES.len()).flat_map(example).collect();
        s.apply(Action::Add {
            entries: all,
            select_first: true,
        });
        assert_eq!(s.entries.len(), 5);
        assert_eq!(s.selected_entry().unwrap().code(), "S21498");
    }

    #[test]
    fn jumping_opens_the_source_and_selection_resets_the_line() {
        let mut s = State::default();
        add(&mut s, example(0));
        add(&mut s, example(1));
        s.apply(Action::JumpToLine(7));
        assert_eq!((s.tab, s.current_line), (Tab::Source, Some(7)));
        s.apply(Action::Select(1));
        assert_eq!((s.tab, s.current_line), (Tab::Source, None));
        s.apply(Action::Remove(0));
        assert_eq!(s.selected, Some(0));
        s.apply(Action::Remove(0));
        assert_eq!(s.selected, None);
        assert!(s.entries.is_empty());
    }

    #[test]
    fn files_read_one_by_one_select_the_first_description() {
        let mut s = State::default();
        s.apply(Action::ReadStarted);
        assert_eq!(s.reading, 1);
        add(&mut s, ingest("kuva.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert_eq!(s.selected, None);
        add(&mut s, example(4));
        add(&mut s, example(1));
        s.apply(Action::ReadFinished);
        assert_eq!(s.reading, 0);
        assert_eq!(s.selected_entry().unwrap().code(), "S22257");
    }

    #[test]
    fn removing_and_clearing_keep_the_file_index_and_count_generations() {
        let mut s = State::default();
        add(&mut s, example(0));
        add(&mut s, example(1));
        add(&mut s, example(2));
        assert_eq!(s.generation, 0, "additions keep the generation");
        s.apply(Action::Remove(0));
        assert_eq!(s.generation, 1);
        add(&mut s, example(2));
        assert_eq!(
            s.entries.len(),
            2,
            "a listed file stays listed once after a removal"
        );
        add(&mut s, example(0));
        assert_eq!(s.entries.len(), 3, "a removed file can be added again");
        assert_eq!(s.entries[2].code(), "S21498");
        s.apply(Action::Clear);
        assert_eq!(s.generation, 2);
        add(&mut s, example(1));
        assert_eq!(s.entries.len(), 1, "a cleared file can be added again");
    }

    #[test]
    fn opening_from_the_overview_selects_and_shows_the_document() {
        let mut s = State::default();
        add(&mut s, example(0));
        add(&mut s, example(1));
        s.apply(Action::ShowView(MainView::Overview));
        s.apply(Action::Overview(OverviewAction::Search("lappi".into())));
        s.apply(Action::Open(1));
        assert_eq!((s.selected, s.view), (Some(1), MainView::Document));
        assert_eq!(
            s.overview.filter.text, "lappi",
            "the overview keeps its filter"
        );
        s.apply(Action::Open(9));
        assert_eq!(s.selected, Some(1));
        s.apply(Action::FilterList("S2".into()));
        assert_eq!(s.list_filter, "S2");
    }

    #[test]
    fn every_row_of_a_list_export_is_listed_once() {
        let bytes = include_bytes!("../testdata/lists/eura2014_projektilista_2016_sample.csv");
        let mut s = State::default();
        add(&mut s, ingest("projektilista", bytes));
        let rows = s.entries.len();
        assert_eq!(rows, 144, "the rows share the list's fingerprint");
        add(&mut s, ingest("projektilista", bytes));
        assert_eq!(s.entries.len(), 144, "the same list again adds nothing");
    }

    #[test]
    fn the_comparison_follows_removals_and_clears() {
        let mut s = State::default();
        add(&mut s, example(0));
        add(&mut s, example(1));
        add(&mut s, example(4));
        s.apply(Action::Compare(CompareAction::Toggle(2)));
        s.apply(Action::Compare(CompareAction::Toggle(0)));
        s.apply(Action::ShowView(MainView::Compare));
        s.apply(Action::Remove(1));
        assert_eq!(s.compare.chosen, [1, 0], "the later entry moved up");
        assert_eq!(s.entries[1].code(), "S22257");
        s.apply(Action::Clear);
        assert!(s.compare.chosen.is_empty());
    }

    #[test]
    fn tabs_wrap_around() {
        assert_eq!(Tab::Document.step(1), Tab::Source);
        assert_eq!(Tab::Document.step(-1), Tab::Json);
        assert_eq!(Tab::Json.step(1), Tab::Document);
    }
}
