//! "Download workbook": which documents a workbook holds, the two buttons' state and what
//! each shows (pure, tested natively), and [`client`], the page's side of the workbook
//! worker.
//!
//! The writer is not in the page's wasm: it is the second wasm binary of
//! `crates/hankekuvaus-workbook`, started on the first click and kept for later ones. The
//! page sends it the documents as the JSON export it already writes.

pub mod client;

use crate::i18n::WorkbookTexts;

/// The MIME type of an `.xlsx` file.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Which documents a workbook holds: which button was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The projects shown in the overview, in the order shown (`#export-xlsx`).
    Shown,
    /// Every loaded file, failures included (`#download-all-xlsx`).
    All,
}

impl Scope {
    /// The button's element id.
    pub fn button_id(self) -> &'static str {
        match self {
            Scope::Shown => "export-xlsx",
            Scope::All => "download-all-xlsx",
        }
    }

    /// The download's file name, as the CSV and JSON exports of the same documents are named.
    pub fn file_name(self) -> &'static str {
        match self {
            Scope::Shown => "hankkeet.xlsx",
            Scope::All => "hankekatselin.xlsx",
        }
    }
}

/// Why a workbook did not come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The worker could not be loaded (a missing file, offline before it was ever cached) or
    /// stopped: the next click starts a new one.
    Unavailable,
    /// The writer refused; its message.
    Writer(String),
}

/// The state of the two buttons.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Status {
    /// The workbook being written (one at a time: both buttons wait for it).
    pub busy: Option<Scope>,
    /// The last request's failure, shown beside its button until the next request.
    pub failed: Option<(Scope, Failure)>,
    /// The page was opened from disk (the one-file edition), where no worker can start.
    pub single_file: bool,
}

/// What one button shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ButtonView {
    /// The button's id.
    pub id: &'static str,
    /// The button's text.
    pub label: &'static str,
    /// Whether it is disabled.
    pub disabled: bool,
    /// A note beside it that says why it is disabled for good.
    pub note: Option<&'static str>,
    /// The failure of its last request (an alert).
    pub alert: Option<String>,
}

/// The button of `scope` under `status`; `empty` when it has no documents to write.
pub fn button_view(status: &Status, scope: Scope, empty: bool, t: &WorkbookTexts) -> ButtonView {
    let label = match (status.busy, scope) {
        (Some(busy), _) if busy == scope => t.writing,
        (_, Scope::Shown) => t.shown,
        (_, Scope::All) => t.all,
    };
    let alert = match &status.failed {
        Some((failed, failure)) if *failed == scope => Some(match failure {
            Failure::Unavailable => t.unavailable.to_owned(),
            Failure::Writer(message) => format!("{} {message}", t.failed),
        }),
        _ => None,
    };
    ButtonView {
        id: scope.button_id(),
        label,
        disabled: empty || status.busy.is_some() || status.single_file,
        note: status.single_file.then_some(t.single_file),
        alert,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_button_waits_while_any_workbook_is_written() {
        let t = Lang::En.workbook_texts();
        let idle = Status::default();
        let shown = button_view(&idle, Scope::Shown, false, t);
        assert_eq!(
            (shown.id, shown.label, shown.disabled),
            ("export-xlsx", t.shown, false)
        );
        assert!(button_view(&idle, Scope::All, true, t).disabled);
        let busy = Status {
            busy: Some(Scope::All),
            ..Status::default()
        };
        let all = button_view(&busy, Scope::All, false, t);
        assert_eq!((all.label, all.disabled), (t.writing, true));
        let other = button_view(&busy, Scope::Shown, false, t);
        assert_eq!((other.label, other.disabled), (t.shown, true));
    }

    #[test]
    fn a_failure_is_shown_beside_its_own_button_and_the_button_works_again() {
        let t = Lang::Fi.workbook_texts();
        let failed = Status {
            failed: Some((Scope::Shown, Failure::Unavailable)),
            ..Status::default()
        };
        let shown = button_view(&failed, Scope::Shown, false, t);
        assert_eq!(shown.alert.as_deref(), Some(t.unavailable));
        assert!(!shown.disabled);
        assert_eq!(button_view(&failed, Scope::All, false, t).alert, None);
        let refused = Status {
            failed: Some((Scope::All, Failure::Writer("no such language".into()))),
            ..Status::default()
        };
        let all = button_view(&refused, Scope::All, false, t);
        assert_eq!(
            all.alert.as_deref(),
            Some("Työkirjaa ei voitu kirjoittaa: no such language")
        );
    }

    #[test]
    fn the_one_file_edition_disables_both_and_says_why() {
        let t = Lang::En.workbook_texts();
        let single = Status {
            single_file: true,
            ..Status::default()
        };
        for scope in [Scope::Shown, Scope::All] {
            let view = button_view(&single, scope, false, t);
            assert!(view.disabled);
            assert_eq!(view.note, Some(t.single_file));
        }
        assert_ne!(Scope::Shown.file_name(), Scope::All.file_name());
    }
}
