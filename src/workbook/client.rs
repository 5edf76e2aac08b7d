//! The page's side of the workbook worker: started from its loader script on the first
//! request, kept for the later ones, and replaced after it failed to load or stopped.

use hankekuvaus_workbook::{Answer, Request, LOADER_URL};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;
use web_sys::{Blob, BlobPropertyBag};
use yew::Callback;

use super::{Failure, XLSX_MIME};
use crate::worker_port::{PortEvent, WorkerPort};

/// What the worker answered a request.
pub type Answered = Result<Uint8Array, Failure>;

/// A running (or starting) workbook worker; ended when dropped.
pub struct Client {
    port: WorkerPort,
}

impl Client {
    /// Starts the worker (its files are fetched now, not before); every answer, and a
    /// failure to load, goes to `on_answer`.
    pub fn start(on_answer: Callback<Answered>) -> Result<Client, JsValue> {
        let port = WorkerPort::start(LOADER_URL, move |event| match event {
            PortEvent::Message(data) => match Answer::from_js(&data) {
                Some(Answer::Workbook(bytes)) => on_answer.emit(Ok(bytes)),
                Some(Answer::Failed(message)) => on_answer.emit(Err(Failure::Writer(message))),
                _ => {}
            },
            // Told to the user beside the button.
            PortEvent::Broken { .. } => on_answer.emit(Err(Failure::Unavailable)),
        })?;
        Ok(Client { port })
    }

    /// Sends a request now, or once the worker is ready.
    pub fn send(&self, request: &Request) -> Result<(), JsValue> {
        self.port.post(request.to_js(), Array::new())
    }

    /// Whether the worker failed to load or stopped.
    pub fn is_broken(&self) -> bool {
        self.port.broken().is_some()
    }
}

/// The workbook's bytes as a `Blob` to download, without a copy into the page's wasm memory.
pub fn workbook_blob(bytes: &Uint8Array) -> Result<Blob, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(XLSX_MIME);
    Blob::new_with_u8_array_sequence_and_options(&Array::of1(bytes), &options)
}
