//! A prototype for issue 13 item 2: files read and parsed in Web Workers, which keep the
//! documents and answer the page with small summaries.
//!
//! - [`ParseWorker`] is a `gloo-worker` actor (the worker binary registers it). It receives
//!   chunks of `File`s (structured-cloned by `postMessage`), reads each with
//!   `FileReaderSync`, parses it with the core (or imports this project's JSON item by item),
//!   keeps the outcome with its `File`, and answers with one [`Summary`] per entry: what an
//!   overview row needs. It also answers [`Input::Source`] (the Source tab's text, read again
//!   from the file) and [`Input::ReadOnly`] (the floor: bytes read, nothing parsed).
//! - [`Swb`] is the message codec: `serde-wasm-bindgen`, so that `File`s cross as JS values
//!   (`serde_wasm_bindgen::preserve`) and summaries as plain JS objects, not bincode bytes.
//!
//! The page binary (`probe_page`) spawns one or two workers and deals chunks out to them.

use gloo_worker::{Codec, HandlerId, Worker, WorkerScope};
use hankekuvaus::import::json_items;
use hankekuvaus::{fingerprint, Failure, FailureSource, Options, Outcome, Severity};
use js_sys::{Array, ArrayBuffer, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileReaderSync};

/// Messages as JS values through `serde-wasm-bindgen`.
#[derive(Debug)]
pub struct Swb;

impl Codec for Swb {
    fn encode<I: Serialize>(input: I) -> JsValue {
        serde_wasm_bindgen::to_value(&input).expect("a worker message serialises")
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        serde_wasm_bindgen::from_value(input).expect("a worker message deserialises")
    }
}

/// From the page to a worker.
#[derive(Serialize, Deserialize)]
pub enum Input {
    /// Read and parse these files; their entries are numbered from `first`... in the order
    /// given (an export gives many entries, so the worker numbers its own: `chunk` tells the
    /// page which chunk the answer belongs to).
    Load {
        chunk: u32,
        #[serde(with = "serde_wasm_bindgen::preserve")]
        files: Array,
        /// Read the chunk's files together with `Blob.arrayBuffer()` (promises settled
        /// together) instead of one by one with `FileReaderSync`.
        read_async: bool,
    },
    /// Parse and keep files the page has read: their names and bytes (`ArrayBuffer`s, in
    /// the same order). The page keeps the `File`s.
    Bytes {
        chunk: u32,
        names: Vec<String>,
        #[serde(with = "serde_wasm_bindgen::preserve")]
        buffers: Array,
    },
    /// Only read the files' bytes (the floor), nothing parsed or kept.
    ReadOnly {
        chunk: u32,
        #[serde(with = "serde_wasm_bindgen::preserve")]
        files: Array,
        read_async: bool,
    },
    /// The Source tab's text of the worker's entry `entry`.
    Source { entry: u32 },
    /// Report memory.
    Stats,
}

/// From a worker to the page.
#[derive(Serialize, Deserialize)]
pub enum Output {
    /// A chunk is done: its entries' summaries, and how long the worker took.
    Loaded {
        chunk: u32,
        files: u32,
        bytes: f64,
        read_ms: f64,
        parse_ms: f64,
        rows: Vec<Summary>,
    },
    /// Rows of a chunk still being answered (an export gives thousands of entries: they come
    /// in messages of at most [`ROWS_PER_MESSAGE`], so no one message is long to receive).
    Rows { rows: Vec<Summary> },
    /// A read-only chunk is done.
    Read {
        chunk: u32,
        files: u32,
        bytes: f64,
        read_ms: f64,
    },
    /// The text asked for, or why there is none.
    Source { entry: u32, text: Option<String> },
    /// The worker's memory and how many entries it keeps.
    Stats { wasm_memory: f64, entries: u32 },
}

/// Rows in one message at most.
pub const ROWS_PER_MESSAGE: usize = 500;

/// Answers a chunk: its rows in parts of [`ROWS_PER_MESSAGE`], the figures with the last.
fn respond_loaded(scope: &WorkerScope<ParseWorker>, id: HandlerId, mut out: Output) {
    if let Output::Loaded { rows, .. } = &mut out {
        while rows.len() > ROWS_PER_MESSAGE {
            let rest = rows.split_off(ROWS_PER_MESSAGE);
            let part = std::mem::replace(rows, rest);
            scope.respond(id, Output::Rows { rows: part });
        }
    }
    scope.respond(id, out);
}

/// One overview row: what the table, its filters, sort keys and sums read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The worker's number for the entry (ask for the document by it).
    pub entry: u32,
    pub file_name: String,
    /// "ok", "warning" or "error" (failures are errors).
    pub state: String,
    pub code: Option<String>,
    pub name: Option<String>,
    pub applicant: Option<String>,
    pub regions: Vec<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    /// Granted EU+state, realised EU+state, planned public total, realised public total.
    pub amounts: [Option<hankekuvaus::Amount>; 4],
}

impl Summary {
    /// The row of `outcome`, numbered `entry`.
    pub fn of(entry: u32, outcome: &Outcome) -> Summary {
        match outcome {
            Outcome::Failure(f) => Summary {
                entry,
                file_name: f.source.file_name.clone(),
                state: "error".into(),
                code: None,
                name: None,
                applicant: None,
                regions: Vec::new(),
                start_date: None,
                end_date: None,
                amounts: [None; 4],
            },
            Outcome::Document(doc) => {
                let worst = doc.diagnostics.iter().map(|d| d.severity).max();
                let f = &doc.funding;
                Summary {
                    entry,
                    file_name: doc.source.file_name.clone(),
                    state: match worst {
                        Some(Severity::Error) => "error",
                        Some(Severity::Warning) => "warning",
                        _ => "ok",
                    }
                    .into(),
                    code: doc.project.code.as_deref().map(str::to_owned),
                    name: doc.project.name.as_deref().map(str::to_owned),
                    applicant: doc.applicant.name.as_deref().map(str::to_owned),
                    regions: doc.area.regions.clone(),
                    start_date: doc.project.start_date.clone(),
                    end_date: doc.project.end_date.clone(),
                    amounts: [
                        f.granted_eu_state,
                        f.realized_eu_state,
                        f.planned_public_total,
                        f.realized_public_total,
                    ],
                }
            }
        }
    }
}

/// One kept entry: the outcome, and the file its text can be read from again.
struct Kept {
    outcome: Outcome,
    file: Option<File>,
}

/// A chunk's files read with `Blob.arrayBuffer()`, back in the worker's loop.
pub struct ChunkRead {
    id: HandlerId,
    chunk: u32,
    files: Array,
    /// The `ArrayBuffer`s, or `None` when a read failed (then each is read again with
    /// `FileReaderSync`).
    buffers: Option<Array>,
    read_ms: f64,
    parse: bool,
}

/// Reads `files` with `Blob.arrayBuffer()`, all started together.
async fn read_all(files: &Array) -> Option<Array> {
    let reads: Array = files
        .iter()
        .map(|f| JsValue::from(f.unchecked_into::<File>().array_buffer()))
        .collect();
    let all = JsFuture::from(js_sys::Promise::all(&reads)).await.ok()?;
    Some(all.unchecked_into())
}

/// The worker: reads, parses and keeps.
pub struct ParseWorker {
    entries: Vec<Kept>,
    /// One buffer reused for every file's bytes: wasm memory only grows, so a buffer per
    /// file would leave the largest file's worth behind anyway.
    buffer: Vec<u8>,
}

fn now() -> f64 {
    js_sys::global()
        .unchecked_into::<web_sys::WorkerGlobalScope>()
        .performance()
        .map_or(0.0, |p| p.now())
}

/// A file's bytes through `FileReaderSync`, copied into `buffer`; `None` when unreadable.
fn read_into(reader: &FileReaderSync, file: &File, buffer: &mut Vec<u8>) -> Option<()> {
    let data: ArrayBuffer = reader.read_as_array_buffer(file).ok()?;
    let view = Uint8Array::new(&data);
    buffer.clear();
    buffer.resize(view.length() as usize, 0);
    view.copy_to(buffer);
    Some(())
}

/// Whether the bytes are this project's JSON (as the app's `ingest::is_json` decides).
fn is_json(name: &str, bytes: &[u8]) -> bool {
    if name.to_ascii_lowercase().ends_with(".json") {
        return true;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    matches!(
        body.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{' | b'[')
    )
}

fn failure(name: &str, bytes: &[u8], error: hankekuvaus::NotADescription) -> Outcome {
    Outcome::Failure(Failure {
        source: FailureSource {
            file_name: name.to_owned(),
            byte_count: bytes.len() as u64,
            fingerprint: fingerprint(bytes),
        },
        error,
    })
}

impl ParseWorker {
    /// Parses and keeps `files`: their bytes from `buffers` (same order) when given, else
    /// read with `FileReaderSync`. The answer's `chunk` is 0: the caller sets it.
    fn load(&mut self, files: &Array, buffers: Option<&Array>) -> Output {
        let names: Vec<String> = files
            .iter()
            .map(|f| f.unchecked_into::<File>().name())
            .collect();
        self.load_named(&names, Some(files), buffers)
    }

    /// [`ParseWorker::load`] by name; without `files` the bytes must be in `buffers`, and the
    /// entries keep no file.
    fn load_named(
        &mut self,
        names: &[String],
        files: Option<&Array>,
        buffers: Option<&Array>,
    ) -> Output {
        let reader = FileReaderSync::new().expect("FileReaderSync in a worker");
        let (mut read_ms, mut parse_ms, mut bytes) = (0.0, 0.0, 0.0);
        let mut rows = Vec::new();
        let options = Options::default();
        for (index, name) in names.iter().enumerate() {
            let file: Option<File> = files.map(|f| f.get(index as u32).unchecked_into());
            let t0 = now();
            let readable = match buffers {
                Some(buffers) => {
                    let view = Uint8Array::new(&buffers.get(index as u32));
                    self.buffer.clear();
                    self.buffer.resize(view.length() as usize, 0);
                    view.copy_to(&mut self.buffer);
                    Some(())
                }
                None => file
                    .as_ref()
                    .and_then(|f| read_into(&reader, f, &mut self.buffer)),
            };
            let t1 = now();
            read_ms += t1 - t0;
            bytes += self.buffer.len() as f64;
            let data = &self.buffer[..];
            let json = is_json(name, data);
            let mut outcomes = Vec::new();
            if readable.is_none() {
                outcomes.push(failure(
                    name,
                    &[],
                    hankekuvaus::NotADescription {
                        code: "unreadable".into(),
                        message: "the file could not be read".into(),
                    },
                ));
            } else if json {
                for item in json_items(data) {
                    match item {
                        Ok(outcome) => outcomes.push(outcome),
                        Err(error) => {
                            outcomes.push(failure(name, data, error));
                            break;
                        }
                    }
                }
            } else {
                outcomes.push(hankekuvaus::parse_outcome(data, name, &options));
            }
            for outcome in outcomes {
                let entry = self.entries.len() as u32;
                rows.push(Summary::of(entry, &outcome));
                self.entries.push(Kept {
                    outcome,
                    file: if json { None } else { file.clone() },
                });
            }
            parse_ms += now() - t1;
        }
        Output::Loaded {
            chunk: 0,
            files: names.len() as u32,
            bytes,
            read_ms,
            parse_ms,
            rows,
        }
    }
}

impl Worker for ParseWorker {
    type Message = ChunkRead;
    type Input = Input;
    type Output = Output;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        ParseWorker {
            entries: Vec::new(),
            buffer: Vec::new(),
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, msg: ChunkRead) {
        let ChunkRead {
            id,
            chunk,
            files,
            buffers,
            read_ms,
            parse,
        } = msg;
        if !parse {
            let bytes = buffers.map_or(0.0, |b| {
                b.iter()
                    .map(|b| b.unchecked_into::<ArrayBuffer>().byte_length() as f64)
                    .sum()
            });
            scope.respond(
                id,
                Output::Read {
                    chunk,
                    files: files.length(),
                    bytes,
                    read_ms,
                },
            );
            return;
        }
        let mut out = self.load(&files, buffers.as_ref());
        if let Output::Loaded { read_ms: r, .. } = &mut out {
            *r += read_ms;
        }
        if let Output::Loaded { chunk: c, .. } = &mut out {
            *c = chunk;
        }
        respond_loaded(scope, id, out);
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Input, id: HandlerId) {
        let reader = FileReaderSync::new().expect("FileReaderSync in a worker");
        match msg {
            Input::Load {
                chunk,
                files,
                read_async: true,
            } => {
                let t0 = now();
                scope.send_future(async move {
                    let buffers = read_all(&files).await;
                    ChunkRead {
                        id,
                        chunk,
                        files,
                        buffers,
                        read_ms: now() - t0,
                        parse: true,
                    }
                });
            }
            Input::Load { chunk, files, .. } => {
                let mut out = self.load(&files, None);
                if let Output::Loaded { chunk: c, .. } = &mut out {
                    *c = chunk;
                }
                respond_loaded(scope, id, out);
            }
            Input::Bytes {
                chunk,
                names,
                buffers,
            } => {
                let mut out = self.load_named(&names, None, Some(&buffers));
                if let Output::Loaded { chunk: c, .. } = &mut out {
                    *c = chunk;
                }
                respond_loaded(scope, id, out);
            }
            Input::ReadOnly {
                chunk,
                files,
                read_async: true,
            } => {
                let t0 = now();
                scope.send_future(async move {
                    let buffers = read_all(&files).await;
                    ChunkRead {
                        id,
                        chunk,
                        files,
                        buffers,
                        read_ms: now() - t0,
                        parse: false,
                    }
                });
            }
            Input::ReadOnly { chunk, files, .. } => {
                let t0 = now();
                let mut bytes = 0.0;
                for file in files.iter() {
                    let file: File = file.unchecked_into();
                    if let Ok(data) = reader.read_as_array_buffer(&file) {
                        bytes += data.byte_length() as f64;
                    }
                }
                scope.respond(
                    id,
                    Output::Read {
                        chunk,
                        files: files.length(),
                        bytes,
                        read_ms: now() - t0,
                    },
                );
            }
            Input::Source { entry } => {
                let text = self.entries.get(entry as usize).and_then(|kept| {
                    let file = kept.file.as_ref()?;
                    read_into(&reader, file, &mut self.buffer)?;
                    let same = match &kept.outcome {
                        Outcome::Document(doc) => {
                            doc.source.fingerprint == fingerprint(&self.buffer)
                        }
                        Outcome::Failure(_) => false,
                    };
                    same.then(|| hankekuvaus::source_text(&self.buffer))
                });
                scope.respond(id, Output::Source { entry, text });
            }
            Input::Stats => {
                let memory = wasm_bindgen::memory()
                    .unchecked_into::<js_sys::WebAssembly::Memory>()
                    .buffer()
                    .unchecked_into::<ArrayBuffer>()
                    .byte_length();
                scope.respond(
                    id,
                    Output::Stats {
                        wasm_memory: memory as f64,
                        entries: self.entries.len() as u32,
                    },
                );
            }
        }
    }
}
