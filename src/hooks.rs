//! Custom hooks: the stateful parts of the page that are not the reducer's, each behind one
//! `use_*` function so that components only render.
//!
//! - [`use_actions`]: stable callbacks, one per [`Action`](crate::state::Action).
//! - [`use_file_loading`]: files read in time-boxed batches, with progress, refusal and cancel.
//! - [`use_choices`]: the projects chosen for the comparison and the hidden columns.
//! - [`use_deferred`]: a value shown a task later, so a part re-renders in a task of its own.
//! - [`use_body_drop`]: files dragged over and dropped anywhere on the page.
//! - [`use_document_exports`]: the selected document downloaded or copied as JSON.
//! - [`use_overview`]: the overview rows, kept up to date as files arrive, and duplicates.
//! - [`use_search`]: the full-text search following the list; [`use_search_view`] the
//!   overview under it; [`use_hit_words`] the hit words of the shown document.
//! - [`use_source_text`]: the Source tab's text, read again from the user's file.
//! - [`use_viewport`]: a scrolling box's scroll position and height.
//! - [`use_workbook`]: "Download workbook" through the workbook worker.
//! - [`use_view_url`]: the view in the address, restored and written; back and forward.
//! - [`use_save_session`]: "Save session", the entries and the view as one file.

mod use_actions;
mod use_body_drop;
mod use_choices;
mod use_deferred;
mod use_document_exports;
mod use_file_loading;
mod use_overview;
mod use_search;
mod use_session;
mod use_source_text;
mod use_view_url;
mod use_viewport;
mod use_workbook;

pub use use_actions::{use_actions, Actions};
pub use use_body_drop::use_body_drop;
pub use use_choices::{use_choices, Choices};
pub use use_deferred::use_deferred;
pub use use_document_exports::{use_document_exports, DocumentExports};
pub use use_file_loading::{use_file_loading, FileLoading};
pub use use_overview::{use_overview, OverviewData};
pub use use_search::{use_hit_words, use_search, use_search_view, SearchData, SearchHandle};
pub use use_session::{use_save_session, SESSION_FILE_NAME};
pub use use_source_text::use_source_text;
pub use use_view_url::use_view_url;
pub use use_viewport::{use_viewport, Viewport};
pub use use_workbook::{use_workbook, Workbooks};
