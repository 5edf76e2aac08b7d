//! The page's side of the workbook worker: started from its loader script on the first
//! request, kept for the later ones, and replaced after it failed to load or stopped.

use std::cell::RefCell;
use std::rc::Rc;

use hankekuvaus_workbook::{Answer, Request, LOADER_URL};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Event, MessageEvent, Worker};
use yew::Callback;

use super::{Failure, XLSX_MIME};

/// What the worker answered a request.
pub type Answered = Result<Uint8Array, Failure>;

/// A running (or starting) workbook worker.
pub struct Client {
    worker: Worker,
    inner: Rc<RefCell<Inner>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

#[derive(Default)]
struct Inner {
    /// The worker said it is ready; before that a request waits in `queued`.
    ready: bool,
    queued: Option<JsValue>,
    /// It failed to load or stopped: the next request needs a new worker.
    broken: bool,
}

impl Client {
    /// Starts the worker (its files are fetched now, not before); every answer, and a
    /// failure to load, goes to `on_answer`.
    pub fn start(on_answer: Callback<Answered>) -> Result<Client, JsValue> {
        let worker = Worker::new(LOADER_URL)?;
        let inner = Rc::new(RefCell::new(Inner::default()));
        let on_message = {
            let (inner, worker, on_answer) = (inner.clone(), worker.clone(), on_answer.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(
                move |event: MessageEvent| match Answer::from_js(&event.data()) {
                    Some(Answer::Ready) => {
                        let queued = {
                            let mut inner = inner.borrow_mut();
                            inner.ready = true;
                            inner.queued.take()
                        };
                        if let Some(request) = queued {
                            if worker.post_message(&request).is_err() {
                                on_answer.emit(Err(Failure::Unavailable));
                            }
                        }
                    }
                    Some(Answer::Unavailable) => {
                        inner.borrow_mut().broken = true;
                        on_answer.emit(Err(Failure::Unavailable));
                    }
                    Some(Answer::Workbook(bytes)) => on_answer.emit(Ok(bytes)),
                    Some(Answer::Failed(message)) => on_answer.emit(Err(Failure::Writer(message))),
                    None => {}
                },
            )
        };
        let on_error = {
            let inner = inner.clone();
            Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                // Told to the user beside the button; the browser logs the failed fetch itself.
                event.prevent_default();
                inner.borrow_mut().broken = true;
                on_answer.emit(Err(Failure::Unavailable));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Client {
            worker,
            inner,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a request now, or once the worker is ready.
    pub fn send(&self, request: &Request) -> Result<(), JsValue> {
        let message = request.to_js();
        let mut inner = self.inner.borrow_mut();
        if inner.ready {
            self.worker.post_message(&message)
        } else {
            inner.queued = Some(message);
            Ok(())
        }
    }

    /// Whether the worker failed to load or stopped.
    pub fn is_broken(&self) -> bool {
        self.inner.borrow().broken
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The workbook's bytes as a `Blob` to download, without a copy into the page's wasm memory.
pub fn workbook_blob(bytes: &Uint8Array) -> Result<Blob, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(XLSX_MIME);
    Blob::new_with_u8_array_sequence_and_options(&Array::of1(bytes), &options)
}
