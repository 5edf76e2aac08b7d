//! The worker's side: a request's bytes parsed, the outcomes written as transfer lines.

use hankekuvaus::transfer::write;
use hankekuvaus::{read, Options};
use js_sys::{Array, Uint8Array};

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
    hankekuvaus_worker_messages::serve(|message| {
        let request = Request::from_js(&message)?;
        let bytes = Uint8Array::new(&request.bytes).to_vec();
        let chunks: Vec<Uint8Array> = parse_in_chunks(&bytes, &request.name)
            .iter()
            .map(|c| Uint8Array::from(&c[..]))
            .collect();
        // The chunks' buffers move to the page instead of being copied.
        let buffers: Array = chunks.iter().map(|c| c.buffer()).collect();
        let answer = Answer::Parsed {
            id: request.id,
            chunks,
        };
        Some((answer.to_js(), buffers))
    });
}
