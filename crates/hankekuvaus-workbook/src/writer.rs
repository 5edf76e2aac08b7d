//! The worker's side: the request's JSON imported, the six tables built and written.

use hankekuvaus::import::import_json;
use hankekuvaus_tables::{build_all, items, workbook, Lang};
use js_sys::{Array, Uint8Array};

use crate::{Answer, Request};

/// The workbook of a request: the same cells as the CLI's
/// `hankekuvaus --format xlsx --lang LANG` writes for the same files, because the JSON export
/// re-imports to equal documents. Errors name the cause (JSON that is not an export, an
/// unknown language).
pub fn write(request: &Request) -> Result<Vec<u8>, String> {
    let lang = Lang::from_code(&request.lang)
        .ok_or_else(|| format!("no such language: {:?}", request.lang))?;
    let outcomes = import_json(&request.json).map_err(|e| e.message)?;
    let tables = build_all(&items(&outcomes));
    workbook(&tables, lang).map_err(|e| e.to_string())
}

/// Runs the worker: answers every request posted to it, after saying it is ready.
pub fn serve() {
    hankekuvaus_worker_messages::serve(|message| {
        let answer = match Request::from_js(&message) {
            Some(request) => match write(&request) {
                Ok(bytes) => Answer::Workbook(Uint8Array::from(&bytes[..])),
                Err(message) => Answer::Failed(message),
            },
            None => Answer::Failed("not a workbook request".into()),
        };
        let transfer = match &answer {
            // The bytes' buffer moves to the page instead of being copied.
            Answer::Workbook(bytes) => Array::of1(&bytes.buffer()),
            _ => Array::new(),
        };
        Some((answer.to_js(), transfer))
    });
}
