//! The worker's side: the request's JSON imported, the six tables built and written.

use hankekuvaus::import::import_json;
use hankekuvaus_tables::{build_all, items, workbook, Lang};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

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
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let answer = match Request::from_js(&event.data()) {
            Some(request) => match write(&request) {
                Ok(bytes) => Answer::Workbook(Uint8Array::from(&bytes[..])),
                Err(message) => Answer::Failed(message),
            },
            None => Answer::Failed("not a workbook request".into()),
        };
        let sent = match &answer {
            // The bytes' buffer moves to the page instead of being copied.
            Answer::Workbook(bytes) => {
                post.post_message_with_transfer(&answer.to_js(), &Array::of1(&bytes.buffer()))
            }
            _ => post.post_message(&answer.to_js()),
        };
        if let Err(error) = sent {
            wasm_bindgen::throw_val(error);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    if let Err(error) = scope.post_message(&Answer::Ready.to_js()) {
        wasm_bindgen::throw_val(error);
    }
}
