//! The page's side of the engine worker (`crates/hankekuvaus-engine`): a large description
//! is parsed there, off the page's thread, and its outcomes come back as transfer lines that
//! the loader rebuilds a few at a time ([`rebuild_in_slices`](crate::loading)).
//!
//! Which files go there is decided here ([`wanted`]), as plain Rust with native tests; the
//! worker itself is started by the loader for a load that has such a file, and ended with
//! that load, which gives its memory back (the page's own wasm memory never shrinks).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use hankekuvaus_engine::{Answer, Request, LOADER_URL};
use hankekuvaus_worker_messages::UNAVAILABLE;
use js_sys::{Array, ArrayBuffer, Function, Promise, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::ingest::is_json;
use crate::worker_port::{PortEvent, WorkerPort};

/// Files of at least this many bytes are parsed in the engine: smaller ones parse on the
/// page within the loader's budget (4 MB take ~20 ms there), and for them the round trip
/// would cost more than it saves.
pub const MIN_BYTES: u32 = 4 << 20;

/// How much of a file's start [`wanted`] looks at: what `lists::detect` reads.
pub const HEAD_BYTES: u32 = 4096;

/// Whether a file of `size` bytes, named `name`, whose first bytes are `head`, is parsed in
/// the engine: a large file that is a description (or not readable at all), not this
/// project's JSON (imported item by item), not an archive or a workbook (read member by
/// member), not a list export (read row by row): those are already read in slices.
pub fn wanted(name: &str, size: u32, head: &[u8]) -> bool {
    size >= MIN_BYTES
        && !is_json(name, head)
        // An archive or a workbook: both ZIP files.
        && !head.starts_with(b"PK")
        && hankekuvaus::lists::detect(head).is_none()
}

/// What the engine gave for a file.
pub enum Parsed {
    /// The outcomes, as transfer lines in chunks.
    Chunks(Vec<Uint8Array>),
    /// No engine could be started (the one-file edition, a worker file that cannot be
    /// fetched): the page parses the file itself.
    Unavailable,
    /// The engine stopped while parsing (a panic): the file is not read.
    Stopped,
}

/// A running (or starting) engine worker; ended when dropped.
pub struct Engine {
    port: WorkerPort,
    inner: Rc<RefCell<Inner>>,
}

#[derive(Default)]
struct Inner {
    /// Each request's `resolve`, by id.
    waiting: HashMap<u32, Function>,
    next_id: u32,
}

/// What a waiting request is resolved with when the engine stopped.
const STOPPED: &str = "stopped";

impl Engine {
    /// Starts the worker (its files are fetched now); `None` when the page cannot start one
    /// (the one-file edition, opened from disk).
    pub fn start() -> Option<Engine> {
        if crate::browser::is_file_page() {
            return None;
        }
        let inner = Rc::new(RefCell::new(Inner::default()));
        let port = {
            let inner = inner.clone();
            WorkerPort::start(LOADER_URL, move |event| match event {
                PortEvent::Message(data) => {
                    if let Some(Answer::Parsed { id, .. }) = Answer::from_js(&data) {
                        let resolve = inner.borrow_mut().waiting.remove(&id);
                        if let Some(resolve) = resolve {
                            let _ = resolve.call1(&JsValue::NULL, &data);
                        }
                    }
                }
                // Said in the entries of the files it had.
                PortEvent::Broken { stopped } => answer_all(&inner, stopped),
            })
            .ok()?
        };
        Some(Engine { port, inner })
    }

    /// Parses the file `name` of bytes `bytes` (the buffer is moved to the worker and is
    /// empty afterwards).
    pub async fn parse(&self, name: &str, bytes: ArrayBuffer) -> Parsed {
        match self.port.broken() {
            Some(false) => return Parsed::Unavailable,
            Some(true) => return Parsed::Stopped,
            None => {}
        }
        let id = {
            let mut inner = self.inner.borrow_mut();
            inner.next_id += 1;
            inner.next_id
        };
        let transfer = Array::of1(&bytes);
        let message = Request {
            id,
            name: name.to_owned(),
            bytes,
        }
        .to_js();
        let answered = Promise::new(&mut |resolve, _| {
            self.inner.borrow_mut().waiting.insert(id, resolve);
            if self.port.post(message.clone(), transfer.clone()).is_err() {
                let resolve = self.inner.borrow_mut().waiting.remove(&id);
                if let Some(resolve) = resolve {
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(UNAVAILABLE));
                }
            }
        });
        let answer = JsFuture::from(answered).await.unwrap_or(JsValue::NULL);
        match (answer.as_string().as_deref(), Answer::from_js(&answer)) {
            (_, Some(Answer::Parsed { chunks, .. })) => Parsed::Chunks(chunks),
            (Some(STOPPED), _) => Parsed::Stopped,
            _ => Parsed::Unavailable,
        }
    }
}

/// Every request waiting is answered "unavailable" (never ready) or "stopped"; the port
/// refuses later ones, which [`Engine::parse`] answers the same way.
fn answer_all(inner: &RefCell<Inner>, stopped: bool) {
    let waiting: Vec<Function> = inner
        .borrow_mut()
        .waiting
        .drain()
        .map(|(_, resolve)| resolve)
        .collect();
    let why = JsValue::from_str(if stopped { STOPPED } else { UNAVAILABLE });
    for resolve in waiting {
        let _ = resolve.call1(&JsValue::NULL, &why);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_large_descriptions_go_to_the_engine() {
        let text = b"Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n";
        assert!(wanted("iso.txt", MIN_BYTES, text));
        assert!(
            !wanted("iso.txt", MIN_BYTES - 1, text),
            "small: on the page"
        );
        assert!(!wanted("kaikki.json", MIN_BYTES, text), "JSON by name");
        assert!(!wanted("vienti", MIN_BYTES, b" [{\"schema_version\":2"));
        assert!(!wanted("a.zip", MIN_BYTES, b"PK\x03\x04rest"));
        let list = b"Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila\n";
        assert!(!wanted("lista.csv", MIN_BYTES, list), "a list: row by row");
        // Anything else large goes, to be parsed or refused there.
        assert!(wanted("kuva.png", MIN_BYTES, b"\x89PNG\r\n"));
    }
}
