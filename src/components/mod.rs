//! One component per file. Components render what view models and the core give them;
//! they neither parse nor compute.

pub mod app_header;
pub mod applicant_card;
pub mod area_card;
pub mod diagnostics_list;
pub mod doc_header;
pub mod document_list;
pub mod document_view;
pub mod drop_overlay;
pub mod extras_card;
pub mod failure_view;
pub mod field;
pub mod file_controls;
pub mod funding_card;
pub mod gender_card;
pub mod indicators_card;
pub mod json_view;
pub mod prose;
pub mod source_view;
pub mod sustainability_card;
pub mod tab_list;
pub mod update_notice;
pub mod welcome;
