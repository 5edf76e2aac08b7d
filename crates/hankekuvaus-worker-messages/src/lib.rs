//! # hankekuvaus-worker-messages
//!
//! What the web app's Web Workers (the engine, `hankekuvaus-engine`, and the workbook
//! writer, `hankekuvaus-workbook`) and the page share about their messages:
//! - the two words a worker says about itself ([`Status`]): [`READY`] once its wasm runs (a
//!   message posted to it before then would be lost, as it has no `onmessage` yet), and
//!   [`UNAVAILABLE`], posted by its loader script when its wasm cannot be fetched or
//!   compiled;
//! - the fields of the plain JS objects the other messages are ([`set`], [`get`]): built
//!   with `Reflect`, so neither side needs a serialiser;
//! - a worker's loop ([`serve`]): answer each message, moving the answer's buffers instead
//!   of copying them.
//!
//! The page's side of a worker (starting it, holding requests until it is ready, noticing
//! that it failed) is the app's `worker_port` module.
//!
//! A worker's `main` (compiled, not run: it needs a JavaScript host), answering each
//! `{n}` with `{twice}`:
//!
//! ```no_run
//! use hankekuvaus_worker_messages::{get, serve, set};
//! use js_sys::{Array, Object};
//! use wasm_bindgen::JsValue;
//!
//! serve(|message| {
//!     let n = get(&message, "n")?.as_f64()?;
//!     let answer = Object::new();
//!     set(&answer, "twice", &JsValue::from(2.0 * n));
//!     Some((answer.into(), Array::new()))
//! });
//! ```

#![warn(missing_docs)]

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// A worker's message once its wasm runs: requests may be posted.
pub const READY: &str = "ready";

/// Its loader script's message when its wasm cannot be fetched or compiled.
pub const UNAVAILABLE: &str = "unavailable";

/// What a worker says about itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// [`READY`].
    Ready,
    /// [`UNAVAILABLE`].
    Unavailable,
}

impl Status {
    /// The message: the word as a string.
    pub fn to_js(self) -> JsValue {
        JsValue::from_str(match self {
            Status::Ready => READY,
            Status::Unavailable => UNAVAILABLE,
        })
    }

    /// The status a message says; `None` for any other message.
    pub fn from_js(value: &JsValue) -> Option<Status> {
        match value.as_string().as_deref() {
            Some(READY) => Some(Status::Ready),
            Some(UNAVAILABLE) => Some(Status::Unavailable),
            _ => None,
        }
    }
}

/// Sets field `key` of a message being built.
pub fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property of a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// Field `key` of a message; `None` when the message is not an object or has no such field.
pub fn get(value: &JsValue, key: &str) -> Option<JsValue> {
    if !value.is_object() {
        return None;
    }
    Reflect::get(value, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined())
}

/// Runs a worker: `answer` turns each message posted to it into the message to post back
/// and the buffers to move with it (transferred, not copied), or `None` to ignore it; then
/// the worker says [`READY`]. Call once, from the worker binary's `main`.
pub fn serve(mut answer: impl FnMut(JsValue) -> Option<(JsValue, Array)> + 'static) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some((message, transfer)) = answer(event.data()) else {
            return;
        };
        if let Err(error) = post.post_message_with_transfer(&message, &transfer) {
            wasm_bindgen::throw_val(error);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    if let Err(error) = scope.post_message(&Status::Ready.to_js()) {
        wasm_bindgen::throw_val(error);
    }
}
