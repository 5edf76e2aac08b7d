//! # hankekuvaus-workbook
//!
//! The web app's "Download workbook". The `.xlsx` writer (rust_xlsxwriter through
//! `hankekuvaus-tables`) adds about 263 KB gzipped, so it is not in the page's wasm: it is
//! this crate's binary `workbook_worker`, a dedicated Web Worker that Trunk builds from the
//! app's `index.html` and that the page starts from [`LOADER_URL`] on the first click only.
//!
//! The page depends on this crate without its `writer` feature, for the messages only:
//!
//! 1. the worker, once its wasm runs, posts [`Answer::Ready`] (a message posted before
//!    then would be lost: the worker has no `onmessage` until its wasm is instantiated);
//! 2. the page posts a [`Request`]: the documents as the app's JSON export (the contract
//!    that `hankekuvaus::import` reads back exactly) and the language of the headers;
//! 3. the worker answers [`Answer::Workbook`] with the file's bytes (their buffer
//!    transferred, not copied) or [`Answer::Failed`].
//!
//! If the worker's wasm cannot be fetched or compiled, its loader (`workbook_worker_loader.js`,
//! copied into the site) posts [`Answer::Unavailable`] instead of "ready". The messages are
//! plain JS objects built with `Reflect` (through `hankekuvaus-worker-messages`), so the page
//! needs no serialiser.

use hankekuvaus_worker_messages::{get, set, Status};
use js_sys::{Object, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

#[cfg(feature = "writer")]
mod writer;
#[cfg(feature = "writer")]
pub use writer::{serve, write};

/// The worker's loader script (this crate's `workbook_worker_loader.js`), relative to the
/// page: a same-origin script, because the site's CSP (`worker-src 'self'`) refuses `blob:`
/// workers.
pub const LOADER_URL: &str = "./workbook_worker_loader.js";

const JSON: &str = "json";
const LANG: &str = "lang";
const BYTES: &str = "bytes";
const ERROR: &str = "error";

/// From the page to the worker: what to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The documents (and failures) as one JSON export (`export::outcomes_json`).
    pub json: String,
    /// The language of sheet names and headers: `fi`, `en` or `sv`.
    pub lang: String,
}

impl Request {
    /// The message: `{json, lang}`.
    pub fn to_js(&self) -> JsValue {
        let object = Object::new();
        set(&object, JSON, &JsValue::from_str(&self.json));
        set(&object, LANG, &JsValue::from_str(&self.lang));
        object.into()
    }

    /// The request in a message; `None` for anything else.
    pub fn from_js(value: &JsValue) -> Option<Request> {
        Some(Request {
            json: get(value, JSON)?.as_string()?,
            lang: get(value, LANG)?.as_string()?,
        })
    }
}

/// From the worker to the page.
#[derive(Debug, Clone)]
pub enum Answer {
    /// The worker's wasm runs: requests may be posted.
    Ready,
    /// The worker's wasm could not be fetched or compiled (said by the loader script).
    Unavailable,
    /// The workbook's bytes.
    Workbook(Uint8Array),
    /// No workbook: why.
    Failed(String),
}

impl Answer {
    /// The message: `"ready"`, `"unavailable"`, `{bytes}` or `{error}`.
    pub fn to_js(&self) -> JsValue {
        let object = Object::new();
        match self {
            Answer::Ready => return Status::Ready.to_js(),
            Answer::Unavailable => return Status::Unavailable.to_js(),
            Answer::Workbook(bytes) => set(&object, BYTES, bytes),
            Answer::Failed(message) => set(&object, ERROR, &JsValue::from_str(message)),
        }
        object.into()
    }

    /// The answer in a message; `None` for anything else.
    pub fn from_js(value: &JsValue) -> Option<Answer> {
        match Status::from_js(value) {
            Some(Status::Ready) => return Some(Answer::Ready),
            Some(Status::Unavailable) => return Some(Answer::Unavailable),
            None => {}
        }
        if let Some(bytes) = get(value, BYTES).and_then(|b| b.dyn_into::<Uint8Array>().ok()) {
            return Some(Answer::Workbook(bytes));
        }
        get(value, ERROR)?.as_string().map(Answer::Failed)
    }
}
