//! A load's use of the engine worker ([`crate::engine`]): large descriptions are parsed
//! there and rebuilt here a few lines at a time, within the loader's budget.

use js_sys::{ArrayBuffer, Uint8Array};
use web_sys::File;

use hankekuvaus::transfer::Rebuild;
use hankekuvaus::{fingerprint, NotADescription};

use super::yield_when_spent;
use crate::engine::{wanted, Engine, Parsed, HEAD_BYTES, MIN_BYTES};
use crate::ingest::{failure, parsed_entries, Entry};

/// The engine of one load: started for its first large description, ended with the load.
#[derive(Default)]
pub(super) struct EngineSlot {
    engine: Option<Engine>,
    /// No engine can be had: every file is parsed on the page.
    unavailable: bool,
}

/// What became of a file given to the engine.
pub(super) enum InEngine {
    /// Its entries.
    Entries(Vec<Entry>),
    /// The load was cancelled meanwhile.
    Cancelled,
    /// No engine: the file is to be parsed on the page (its buffer is gone: read it again).
    Unavailable,
}

impl EngineSlot {
    /// Whether the file `name` with bytes `buffer` goes to the engine ([`wanted`]).
    pub(super) fn wants(&self, name: &str, buffer: &ArrayBuffer) -> bool {
        let size = buffer.byte_length();
        // Most files are small: their first bytes are not copied to be looked at.
        if self.unavailable || size < MIN_BYTES {
            return false;
        }
        let head = Uint8Array::new_with_byte_offset_and_length(buffer, 0, size.min(HEAD_BYTES));
        wanted(name, size, &head.to_vec())
    }

    /// Parses `file` (its bytes `buffer`, moved to the engine) there and rebuilds its entries
    /// within the budget that began at `task_start`.
    pub(super) async fn entries(
        &mut self,
        file: &File,
        buffer: ArrayBuffer,
        task_start: &mut f64,
        cancelled: &dyn Fn() -> bool,
    ) -> InEngine {
        if self.engine.is_none() {
            self.engine = Engine::start();
        }
        let Some(engine) = &self.engine else {
            self.unavailable = true;
            return InEngine::Unavailable;
        };
        let name = file.name();
        let size = buffer.byte_length();
        let chunks = match engine.parse(&name, buffer).await {
            Parsed::Chunks(chunks) => chunks,
            Parsed::Unavailable => {
                self.unavailable = true;
                self.engine = None;
                return InEngine::Unavailable;
            }
            Parsed::Stopped => {
                // A new engine for the next file: this one is gone.
                self.engine = None;
                return InEngine::Entries(vec![not_read(
                    &name,
                    size,
                    "engine-stopped",
                    "The parser stopped while reading this file (an error in Hankekatselin); \
                     it was not read."
                        .to_owned(),
                )]);
            }
        };
        // A new task's budget after the await.
        *task_start = js_sys::Date::now();
        let mut rebuild = Rebuild::new();
        for chunk in chunks {
            let bytes = chunk.to_vec();
            for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                if let Err(e) = rebuild.line(line) {
                    return InEngine::Entries(vec![answer_unreadable(&name, size, e)]);
                }
                if yield_when_spent(task_start).await && cancelled() {
                    return InEngine::Cancelled;
                }
            }
        }
        match rebuild.finish() {
            Ok(outcomes) => InEngine::Entries(parsed_entries(file, outcomes)),
            Err(e) => InEngine::Entries(vec![answer_unreadable(&name, size, e)]),
        }
    }
}

fn answer_unreadable(name: &str, size: u32, e: impl std::fmt::Display) -> Entry {
    not_read(
        name,
        size,
        "engine-answer",
        format!("The parser's answer for this file could not be read ({e}); it was not read."),
    )
}

/// A failure entry for a file the engine did not read. Its fingerprint is of its name and
/// size, as for a file too large: its bytes are not at hand.
fn not_read(name: &str, size: u32, code: &str, message: String) -> Entry {
    let error = NotADescription {
        code: code.to_owned(),
        message,
    };
    let fingerprint = fingerprint(format!("{name}\0{size}").as_bytes());
    failure(name, u64::from(size), fingerprint, error)
}
