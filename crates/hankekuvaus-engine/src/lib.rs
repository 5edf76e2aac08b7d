//! # hankekuvaus-engine
//!
//! The web app's engine worker. A parse call cannot be cut into slices, so on the page a
//! 50 MB description is one task of a third of a second to seconds, during which the page
//! is frozen. The page gives such a file to this worker instead: it parses the bytes
//! (`hankekuvaus::read`) on its own thread and sends the outcomes back as
//! [`hankekuvaus::transfer`] lines, which the page rebuilds a few at a time between its
//! other tasks. See ARCHITECTURE.md, "Where parsing and documents live".
//!
//! The page depends on this crate without its `parser` feature, for the messages only:
//!
//! 1. the worker, once its wasm runs, posts [`Answer::Ready`] (a message posted before
//!    then would be lost: the worker has no `onmessage` until its wasm is instantiated);
//! 2. the page posts [`Request`]s: an id, the file's name and its bytes (their buffer
//!    transferred, not copied);
//! 3. the worker answers each with [`Answer::Parsed`]: the transfer lines in chunks of about
//!    [`CHUNK_BYTES`], each ending at a line's end (their buffers transferred).
//!
//! If the worker's wasm cannot be fetched or compiled, its loader (`engine_worker_loader.js`)
//! posts [`Answer::Unavailable`] instead of "ready". The messages are plain JS objects built
//! with `Reflect`, through `hankekuvaus-worker-messages`, as the workbook worker's are. The
//! README shows what the worker answers, natively.

use hankekuvaus_worker_messages::{get, set, Status};
use js_sys::{Array, ArrayBuffer, Object, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// The worker's loader script (this crate's `engine_worker_loader.js`), relative to the page:
/// a same-origin script, because the site's CSP (`worker-src 'self'`) refuses `blob:`
/// workers.
pub const LOADER_URL: &str = "./engine_worker_loader.js";

/// The answer's lines come in chunks of about this many bytes: each chunk is copied into
/// the page's memory in one go, and the page's memory keeps its largest size for good.
pub const CHUNK_BYTES: usize = 1 << 20;

const ID: &str = "id";
const NAME: &str = "name";
const BYTES: &str = "bytes";
const CHUNKS: &str = "chunks";

/// From the page to the worker: a file to parse.
#[derive(Debug, Clone)]
pub struct Request {
    /// The page's number for the request, given back with the answer.
    pub id: u32,
    /// The file's name.
    pub name: String,
    /// The file's bytes.
    pub bytes: ArrayBuffer,
}

impl Request {
    /// The message: `{id, name, bytes}`.
    pub fn to_js(&self) -> JsValue {
        let object = Object::new();
        set(&object, ID, &JsValue::from(self.id));
        set(&object, NAME, &JsValue::from_str(&self.name));
        set(&object, BYTES, &self.bytes);
        object.into()
    }

    /// The request in a message; `None` for anything else.
    pub fn from_js(value: &JsValue) -> Option<Request> {
        Some(Request {
            id: get(value, ID)?.as_f64()? as u32,
            name: get(value, NAME)?.as_string()?,
            bytes: get(value, BYTES)?.dyn_into().ok()?,
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
    /// The outcomes of request `id` as [`hankekuvaus::transfer`] lines, in chunks that each
    /// end at a line's end.
    Parsed {
        /// The request's id.
        id: u32,
        /// The chunks, in order.
        chunks: Vec<Uint8Array>,
    },
}

impl Answer {
    /// The message: `"ready"`, `"unavailable"` or `{id, chunks}`.
    pub fn to_js(&self) -> JsValue {
        match self {
            Answer::Ready => Status::Ready.to_js(),
            Answer::Unavailable => Status::Unavailable.to_js(),
            Answer::Parsed { id, chunks } => {
                let object = Object::new();
                set(&object, ID, &JsValue::from(*id));
                set(&object, CHUNKS, &chunks.iter().collect::<Array>());
                object.into()
            }
        }
    }

    /// The answer in a message; `None` for anything else.
    pub fn from_js(value: &JsValue) -> Option<Answer> {
        match Status::from_js(value) {
            Some(Status::Ready) => return Some(Answer::Ready),
            Some(Status::Unavailable) => return Some(Answer::Unavailable),
            None => {}
        }
        let chunks: Array = get(value, CHUNKS)?.dyn_into().ok()?;
        Some(Answer::Parsed {
            id: get(value, ID)?.as_f64()? as u32,
            chunks: chunks
                .iter()
                .map(|c| c.dyn_into::<Uint8Array>())
                .collect::<Result<_, _>>()
                .ok()?,
        })
    }
}

#[cfg(feature = "parser")]
mod worker;
#[cfg(feature = "parser")]
pub use worker::{parse_in_chunks, serve};

/// The README's example, compiled as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(all(doctest, feature = "parser"))]
pub struct ReadmeDoctests;
