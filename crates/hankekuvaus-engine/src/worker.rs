//! The worker's side: a request's bytes parsed, the outcomes written as transfer lines.

use hankekuvaus::transfer::write;
use hankekuvaus::{read, Options};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::{Answer, Request, CHUNK_BYTES};

/// The outcomes of `bytes` (`hankekuvaus::read`, default options) as
/// [`hankekuvaus::transfer`] lines, cut into chunks of about [`CHUNK_BYTES`] at line ends.
pub fn parse_in_chunks(bytes: &[u8], name: &str) -> Vec<Vec<u8>> {
    let outcomes = read(bytes, name, &Options::default());
    let mut lines = Vec::new();
    write(outcomes, &mut lines);
    let mut chunks = Vec::new();
    let mut rest = &lines[..];
    while !rest.is_empty() {
        // The end of the line that crosses CHUNK_BYTES, or of the last.
        let end = match rest.get(CHUNK_BYTES..) {
            Some(after) => after
                .iter()
                .position(|&b| b == b'\n')
                .map_or(rest.len(), |i| CHUNK_BYTES + i + 1),
            None => rest.len(),
        };
        chunks.push(rest[..end].to_vec());
        rest = &rest[end..];
    }
    chunks
}

/// Runs the worker: answers every request posted to it, after saying it is ready. A message
/// that is not a request is ignored: only the page posts here.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(request) = Request::from_js(&event.data()) else {
            return;
        };
        let bytes = Uint8Array::new(&request.bytes).to_vec();
        let chunks: Vec<Uint8Array> = parse_in_chunks(&bytes, &request.name)
            .iter()
            .map(|c| Uint8Array::from(&c[..]))
            .collect();
        let buffers: Array = chunks.iter().map(|c| c.buffer()).collect();
        let answer = Answer::Parsed {
            id: request.id,
            chunks,
        };
        // The chunks' buffers move to the page instead of being copied.
        if let Err(error) = post.post_message_with_transfer(&answer.to_js(), &buffers) {
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
