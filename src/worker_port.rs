//! The page's side of a dedicated Web Worker (the engine, the workbook writer): started from
//! its loader script, messages held until it says it is ready, and its failure noticed,
//! whether its wasm could not be loaded (its loader's "unavailable", or the worker's
//! `error` event before "ready") or it stopped later (an `error` event after "ready": a
//! panic). The worker is ended when its port is dropped.
//!
//! The messages themselves are each worker crate's; the words "ready" and "unavailable" are
//! `hankekuvaus_worker_messages::Status`.

use std::cell::RefCell;
use std::rc::Rc;

use hankekuvaus_worker_messages::Status;
use js_sys::Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, MessageEvent, Worker};

/// What a port tells its owner.
pub enum PortEvent {
    /// A message from the worker other than its status.
    Message(JsValue),
    /// The worker cannot be used any more: it never became ready (`stopped: false`) or it
    /// stopped after it was (`stopped: true`). Said once; later posts are refused.
    Broken {
        /// Whether it was ready before.
        stopped: bool,
    },
}

/// A running (or starting) worker; ended when dropped.
pub struct WorkerPort {
    worker: Worker,
    state: Rc<RefCell<State>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

#[derive(Default)]
struct State {
    /// The worker said it is ready; before that, messages wait in `queued`.
    ready: bool,
    queued: Vec<(JsValue, Array)>,
    /// `Some(stopped)` once it is broken (see [`PortEvent::Broken`]).
    broken: Option<bool>,
}

impl WorkerPort {
    /// Starts the worker from `loader_url` (its files are fetched now); `on_event` hears
    /// its messages and its failure.
    pub fn start(
        loader_url: &str,
        on_event: impl Fn(PortEvent) + 'static,
    ) -> Result<WorkerPort, JsValue> {
        let worker = Worker::new(loader_url)?;
        let state = Rc::new(RefCell::new(State::default()));
        let on_event = Rc::new(on_event);
        let on_message = {
            let (state, worker, on_event) = (state.clone(), worker.clone(), on_event.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                match Status::from_js(&data) {
                    Some(Status::Ready) => {
                        let queued = {
                            let mut state = state.borrow_mut();
                            state.ready = true;
                            std::mem::take(&mut state.queued)
                        };
                        for (message, transfer) in queued {
                            if worker
                                .post_message_with_transfer(&message, &transfer)
                                .is_err()
                            {
                                break_once(&state, &*on_event, false);
                                return;
                            }
                        }
                    }
                    Some(Status::Unavailable) => break_once(&state, &*on_event, false),
                    None => on_event(PortEvent::Message(data)),
                }
            })
        };
        let on_error = {
            let state = state.clone();
            Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                // Said by the owner where the user looks; the browser logs the error itself.
                event.prevent_default();
                let ready = state.borrow().ready;
                break_once(&state, &*on_event, ready);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(WorkerPort {
            worker,
            state,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Posts `message`, moving the buffers in `transfer` (they are empty here afterwards),
    /// now or once the worker is ready. An error when the worker is broken or refuses it.
    pub fn post(&self, message: JsValue, transfer: Array) -> Result<(), JsValue> {
        let mut state = self.state.borrow_mut();
        if state.broken.is_some() {
            Err(JsValue::from_str("the worker is not available"))
        } else if state.ready {
            self.worker.post_message_with_transfer(&message, &transfer)
        } else {
            state.queued.push((message, transfer));
            Ok(())
        }
    }

    /// `Some(stopped)` once the worker is broken (see [`PortEvent::Broken`]).
    pub fn broken(&self) -> Option<bool> {
        self.state.borrow().broken
    }
}

/// Marks the port broken and tells the owner, the first time only.
fn break_once(state: &RefCell<State>, on_event: &dyn Fn(PortEvent), stopped: bool) {
    {
        let mut state = state.borrow_mut();
        if state.broken.is_some() {
            return;
        }
        state.broken = Some(stopped);
        state.queued.clear();
    }
    on_event(PortEvent::Broken { stopped });
}

impl Drop for WorkerPort {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
