//! # hankekatselin
//!
//! The viewer: a Yew single-page application that reads project descriptions dropped into
//! the page and shows them as structured documents, entirely in the browser.
//!
//! Code map (data flows down the list: File → loading → ingest → Action → State → overview
//! rows → components; see `ARCHITECTURE.md`):
//! - [`app`]: the root component; the reducer, the language, and the page's parts wired to
//!   the hooks.
//! - [`state`]: the reducer: the loaded entries, the selection, the tab and line, the main
//!   view, the list's filter, (in `state::overview`) the overview's filter and sort, the
//!   language, and (in `state::view`) the view as a value a link or a session restores. One
//!   [`state::Action`] per user intent.
//! - [`hooks`]: custom hooks (file loading, drops on the page, exports, overview rows, the
//!   Source tab's re-read, a scrolling box's viewport, one callback per action, the view in
//!   the address, "Save session").
//! - [`loading`]: many files read and parsed in time-boxed batches, with progress and cancel.
//! - [`folders`]: every file of dropped folders, at any depth (the entries API).
//! - [`archives`]: ZIP archives' members read as files, hostile ones refused member by member.
//! - [`ingest`]: bytes of one file to list entries (descriptions, JSON re-imports, failures).
//! - [`extras`]: the sections and fields a page has beyond the known layout.
//! - [`source_text`]: the source text rebuilt from a document's sections (imported JSON, or
//!   a file that changed after loading).
//! - [`matcher`]: the one text matcher of the sidebar filter.
//! - [`numbering`]: texts numbered per kind, for counting facets and aggregates by number.
//! - [`search`]: the full-text search of the overview (`hankekuvaus-search`): the engine
//!   behind a small API, the index following the list, results, facets, hit highlighting.
//! - [`list_view`]: which entries the sidebar list renders under its filter.
//! - [`view_model`]: pure formatting (`view_model::format`, compact sums in
//!   `view_model::compact`), chart geometry and the comparison of projects side by side
//!   (`view_model::compare`), unit-tested natively.
//! - [`overview`]: the overview of many documents, pure and unit-tested natively: `rows`
//!   (and duplicates), `filter` (columns, sort, filter choices), `sums` (totals and
//!   aggregates), `exports`, `cells` (a row as text), `merge` (a description and a list
//!   row of one project as one); [`overview::live`] keeps it up to date
//!   in proportion to what arrives.
//! - [`i18n`]: every UI string, Finnish and English; `i18n::tables` holds the field labels
//!   (keyed by `hankekuvaus::paths::FieldPath`), terms and code summaries.
//! - [`browser`]: the few calls into browser APIs (reading blobs, downloads, clipboard, storage).
//! - [`components`]: one component per file; they render and never parse or compute.
//!   `components::field::DocContext` hands the shown document and the jump callback to the
//!   field values of the cards.
//! - [`workbook`]: "Download workbook": the buttons' state, and the page's side of the
//!   workbook worker (the writer is a second wasm binary, `crates/hankekuvaus-workbook`).
//! - [`engine`]: which files the loader gives to the engine worker (large descriptions,
//!   parsed off this thread: `crates/hankekuvaus-engine`), and the page's side of it.
//! - [`worker_port`]: the page's side of any worker: started from its loader, messages held
//!   until it is ready, its failure to load or its stop noticed.
//! - [`view_url`]: the view in the address's fragment (and a session file's view): one key
//!   per part of [`state::ViewState`], pure and unit-tested; `hooks::use_view_url` is the
//!   browser's side.
//! - [`examples`]: the five seeds built in, for "Open examples"; [`parse_bench`]: the
//!   `?bench=parse` page of `cargo xtask bench`; [`search_bench`]: its `?bench=search` page.
//!
//! Architecture invariant: nothing leaves the page. There is no network code at all: files
//! are read with `Blob.arrayBuffer()` and results leave only as downloads the user starts.

pub mod app;
pub mod archives;
pub mod browser;
pub mod components;
pub mod engine;
pub mod examples;
pub mod extras;
pub mod folders;
pub mod hooks;
pub mod i18n;
pub mod ingest;
pub mod list_view;
pub mod loading;
pub mod matcher;
pub mod numbering;
pub mod overview;
pub mod parse_bench;
pub mod search;
pub mod search_bench;
pub mod source_text;
pub mod state;
pub mod view_model;
pub mod view_url;
pub mod workbook;
pub mod worker_port;
