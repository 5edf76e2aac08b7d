//! # hankekatselin
//!
//! The viewer: a Yew single-page application that reads project descriptions dropped into
//! the page and shows them as structured documents, entirely in the browser.
//!
//! Code map:
//! - [`app`]: the root component; wires files in, downloads out, language and drag state.
//! - [`state`]: the reducer (the list of loaded entries, the selection, the open tab).
//! - [`ingest`]: bytes of one file to list entries (descriptions, JSON re-imports, failures).
//! - [`extras`]: the sections and fields a page has beyond the known layout.
//! - [`source_text`]: the source text rebuilt from a document's sections (imported JSON, or
//!   a file that changed after loading).
//! - [`view_model`]: pure formatting and chart geometry, unit-tested natively.
//! - [`overview`]: the overview of many documents (rows, filters, sort, totals, duplicates,
//!   aggregates, exports, the virtual window), pure and unit-tested natively;
//!   [`overview::live`] keeps it up to date in proportion to what arrives.
//! - [`loading`]: many files read and parsed in time-boxed batches, with progress and cancel.
//! - [`i18n`]: every UI string, Finnish and English.
//! - [`browser`]: the few calls into browser APIs (reading blobs, downloads, clipboard, storage).
//! - [`components`]: one component per file; they render and never parse or compute.
//!
//! Architecture invariant: nothing leaves the page. There is no network code at all: files
//! are read with `Blob.arrayBuffer()` and results leave only as downloads the user starts.

pub mod app;
pub mod browser;
pub mod components;
pub mod examples;
pub mod extras;
pub mod i18n;
pub mod ingest;
pub mod loading;
pub mod overview;
pub mod parse_bench;
pub mod source_text;
pub mod state;
pub mod view_model;
