//! Reading many files without freezing the page: files are read a few dozen at a time
//! (`Blob.arrayBuffer()` promises settled together; while the files are small, the next
//! few dozen are being read while these are parsed), parsed one by one within a time
//! budget (a programme's list export, JSON export or archive a row, item or member at a
//! time), and between budgets the loop yields to the event loop with a zero-delay timeout,
//! so input, scrolling and rendering go on. What is parsed is added to the list in batches,
//! each in a task of its own, with the progress (files and bytes done, files that are not
//! descriptions). A cancel stops every read under way after the file being parsed.
//!
//! [`Progress`] and the limit check are plain Rust with native tests; [`load`] is the
//! browser loop.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, ArrayBuffer, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;
use yew::{UseReducerDispatcher, UseStateSetter};

use hankekuvaus::import::{json_items, View};
use hankekuvaus::{fingerprint, NotADescription, Options, Outcome};

mod in_engine;

use crate::archives;
use crate::ingest::{
    failure, file_list_entries, imported_entries, ingest_file, ingest_json, is_json, json_by_name,
    Entry,
};
use crate::list_view::LIST_LIMIT;
use crate::state::{Action, State};
use crate::view_url;
use in_engine::{EngineSlot, InEngine};

/// A drop or choice of more files than this is refused as a whole.
pub const MAX_FILES_PER_DROP: usize = 20_000;

/// Parsing stops for a yield once a task has run this long (milliseconds).
const BUDGET_MS: f64 = 40.0;

/// Parsed entries are added to the list at most this often (milliseconds): every batch
/// re-renders the list, so batches are few, but results still appear as they come.
const PUBLISH_MS: f64 = 250.0;

/// The first batch comes sooner: results show early, and the render that first shows
/// results, which makes most of the page's elements (list, table, charts), has fewer files
/// to show (measured with 100 files in one batch: 80–220 ms in one task).
const FIRST_PUBLISH_MS: f64 = 60.0;

/// Batches are also spaced by this many times the time the last one took to show, so that
/// re-rendering a long list takes at most a fifth of the time however long it grows.
const PUBLISH_SPACING: f64 = 4.0;

/// Entries added to the list in one render at most (each in a task of its own), once the
/// sidebar list is full. What a render costs then hardly depends on how many entries it
/// adds, so few large renders beat many small ones: with 8,000 files, 2,500 rather than 250
/// made 11 renders instead of 37, and the overview listed all 0.4-0.6 s sooner (2.6-2.7 s
/// against 3.1-3.5 s) with no task over 71 ms; the 262 MB JSON export 4.5 -> 3.4 s.
const BATCH_MAX: usize = 2500;

/// Fewer while the sidebar list still grows (up to [`LIST_LIMIT`] entries of ten elements
/// each are made; measured: 250 new entries, a task of 94 ms, before the entries out of view
/// were left out of layout; with 230, the longest task of 8,000 files was 57-65 ms)...
const GROWING_BATCH_MAX: usize = 230;

/// ...and fewer still in the render that first shows results, which also makes the
/// overview's table, charts and filters (with 250 entries, a task of 162 ms: a JSON export's
/// thousands of documents come all at once).
const FIRST_BATCH_MAX: usize = 40;

/// Files whose reads are started together.
const READ_AHEAD: usize = 48;

/// While a chunk of files held at most this many bytes, the next chunk's reads start before
/// it is parsed, so the browser reads while the page parses: about half of reading many
/// small files is waiting for the browser's own process, not work on this thread. Chunks
/// of large files are read one at a time, so at most one more small chunk is held.
const READ_AHEAD_BYTES: u64 = 16 << 20;

/// Where a load stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Files are being read.
    Running,
    /// Every file was read.
    Finished,
    /// The user cancelled; the files read until then stay.
    Cancelled,
}

impl Phase {
    /// `data-state` of the progress: "running", "finished" or "cancelled".
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Running => "running",
            Phase::Finished => "finished",
            Phase::Cancelled => "cancelled",
        }
    }
}

/// The progress of the reads under way (all drops since the last idle moment together).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Files given.
    pub files_total: usize,
    /// Files read and parsed.
    pub files_done: usize,
    /// Bytes of the files read.
    pub bytes_done: u64,
    /// Files that are not descriptions (or could not be read) so far.
    pub errors: usize,
    /// Reads under way.
    pub running: usize,
    /// Where it stands.
    pub phase: Phase,
}

impl Progress {
    /// No reads yet.
    pub fn new() -> Progress {
        Progress {
            files_total: 0,
            files_done: 0,
            bytes_done: 0,
            errors: 0,
            running: 0,
            phase: Phase::Finished,
        }
    }

    /// A read of `files` files starts: counted with the reads under way, or from zero when
    /// none is. (No total of bytes: asking thousands of `File`s their size costs the browser
    /// a round trip each, longer than reading them.)
    pub fn begin(&mut self, files: usize) {
        if self.running == 0 {
            *self = Progress::new();
        }
        self.running += 1;
        self.files_total += files;
        self.phase = Phase::Running;
    }

    /// One file was read and parsed into `entries`.
    pub fn file_done(&mut self, bytes: u64, entries: &[Entry]) {
        self.files_done += 1;
        self.bytes_done += bytes;
        if entries.iter().any(|e| e.loaded().is_none()) {
            self.errors += 1;
        }
    }

    /// A read ended, cancelled or not.
    pub fn end(&mut self, cancelled: bool) {
        self.running = self.running.saturating_sub(1);
        if cancelled {
            self.phase = Phase::Cancelled;
        } else if self.running == 0 && self.phase == Phase::Running {
            self.phase = Phase::Finished;
        }
    }

    /// Done of total, 0–1, for the bar.
    pub fn fraction(&self) -> f64 {
        if self.files_total == 0 {
            1.0
        } else {
            self.files_done as f64 / self.files_total as f64
        }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress::new()
    }
}

/// The most entries one render adds when the load has added `added` before it (see
/// `FIRST_BATCH_MAX`, `GROWING_BATCH_MAX`, `BATCH_MAX`).
pub fn batch_max(added: usize) -> usize {
    match added {
        0 => FIRST_BATCH_MAX,
        n if n < LIST_LIMIT => GROWING_BATCH_MAX,
        _ => BATCH_MAX,
    }
}

/// Whether a drop of `count` files is refused: more than [`MAX_FILES_PER_DROP`].
pub fn refuses(count: usize) -> bool {
    count > MAX_FILES_PER_DROP
}

/// Megabytes (10^6 bytes) with one decimal.
pub fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1e6)
}

/// What a load needs from the page: the list's dispatcher, the shared progress and where
/// to publish it, and the cancel counter (a cancel increments it; every load started
/// before stops).
#[derive(Clone)]
pub struct Loader {
    /// Adds entries to the list.
    pub dispatcher: UseReducerDispatcher<State>,
    /// The progress of every load under way.
    pub progress: Rc<RefCell<Progress>>,
    /// Shows the progress.
    pub publish: UseStateSetter<Option<Progress>>,
    /// Incremented by a cancel.
    pub cancel: Rc<Cell<u32>>,
}

impl Loader {
    fn show(&self) {
        self.publish.set(Some(self.progress.borrow().clone()));
    }

    /// Adds the entries parsed so far and shows the progress in a task of its own, so that
    /// the re-render it causes does not add to a parsing task; `added` counts the entries
    /// this load has added. Returns how long that took (milliseconds).
    async fn flush(&self, pending: &mut Vec<Entry>, added: &mut usize) -> f64 {
        yield_now().await;
        let start = now();
        // A bounded number of entries per render: one JSON file can hold thousands.
        while !pending.is_empty() {
            let rest = pending.split_off(pending.len().min(batch_max(*added)));
            *added += pending.len();
            self.dispatcher.dispatch(Action::Add {
                entries: std::mem::replace(pending, rest),
                select_first: false,
            });
            if !pending.is_empty() {
                yield_now().await;
            }
        }
        self.show();
        yield_now().await;
        now() - start
    }
}

/// Reads and parses `files` in order into the list (see the module docs).
pub async fn load(files: Vec<File>, loader: Loader) {
    let epoch = loader.cancel.get();
    let cancelled = || loader.cancel.get() != epoch;
    loader.progress.borrow_mut().begin(files.len());
    loader.dispatcher.dispatch(Action::ReadStarted);
    loader.show();

    let mut pending: Vec<Entry> = Vec::new();
    let mut added = 0;
    // Ended with the load, which gives its memory back.
    let mut engine = EngineSlot::default();
    let mut last_publish = now();
    let mut interval = FIRST_PUBLISH_MS;
    let mut chunks = files.chunks(READ_AHEAD);
    let mut reading = chunks.next().map(Reads::start);
    'chunks: while let Some(reads) = reading.take() {
        if cancelled() {
            break;
        }
        let (chunk, mut buffers) = reads.buffers().await;
        let mut next = chunks.next();
        let bytes: u64 = buffers
            .iter()
            .flatten()
            .map(|b| u64::from(b.byte_length()))
            .sum();
        if bytes <= READ_AHEAD_BYTES {
            reading = next.take().map(Reads::start);
        }
        // A new task begins after the await: its budget starts now.
        let mut task_start = now();
        for (i, file) in chunk.iter().enumerate() {
            if cancelled() {
                break 'chunks;
            }
            let name = file.name();
            let limit = read_limit(&name);
            let (entries, size) = match buffers[i].take() {
                // Refused before its bytes are copied into the page's WebAssembly memory,
                // which would keep the size for good.
                Some(buffer) if u64::from(buffer.byte_length()) > limit => (
                    vec![too_large(&name, f64::from(buffer.byte_length()), limit)],
                    u64::from(buffer.byte_length()),
                ),
                // A large description is parsed in the engine, off this thread.
                Some(buffer) if engine.wants(&name, &buffer) => {
                    let size = u64::from(buffer.byte_length());
                    match engine
                        .entries(file, buffer, &mut task_start, &cancelled)
                        .await
                    {
                        InEngine::Entries(entries) => (entries, size),
                        InEngine::Cancelled => break 'chunks,
                        // Its buffer went to the engine: read again, parsed here.
                        InEngine::Unavailable => match read_again(file).await {
                            Some(buffer) => {
                                let bytes = copy_in_slices(&buffer, &mut task_start).await;
                                (ingest_file(file, &bytes), size)
                            }
                            None => (vec![unreadable(&name)], 0),
                        },
                    }
                }
                Some(buffer) => {
                    let bytes = copy_in_slices(&buffer, &mut task_start).await;
                    let entries = if is_json(&name, &bytes) {
                        match import_in_slices(&bytes, &mut task_start, &cancelled).await {
                            None => break 'chunks,
                            Some(Some((view, outcomes))) => {
                                // A session's view goes before its documents, which a
                                // project it names waits for.
                                if let Some(view) = view {
                                    let view = view_url::from_pairs(
                                        view.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                                    );
                                    loader
                                        .dispatcher
                                        .dispatch(Action::OpenSession(Box::new(view)));
                                }
                                imported_entries(outcomes)
                            }
                            // Other encodings, damaged JSON: read whole, for the message.
                            Some(None) => ingest_json(&name, &bytes),
                        }
                    } else if archives::is_archive(&bytes) {
                        match open_in_slices(file, &bytes, &mut task_start, &cancelled).await {
                            Some(entries) => entries,
                            None => break 'chunks,
                        }
                    } else {
                        // A list's up-front work (decoding, a workbook's parts) starts
                        // a task of its own when this one is spent.
                        yield_when_spent(&mut task_start).await;
                        match file_list_entries(file, &bytes) {
                            Some(list) => {
                                match collect_in_slices(list, &mut task_start, &cancelled).await {
                                    Some(entries) => entries,
                                    None => break 'chunks,
                                }
                            }
                            None => ingest_file(file, &bytes),
                        }
                    };
                    (entries, bytes.len() as u64)
                }
                // A browser refuses to read a file of several gigabytes; say why when that is
                // the reason (the size is asked only here: it costs a round trip per file).
                None if file.size() > limit as f64 => {
                    (vec![too_large(&name, file.size(), limit)], 0)
                }
                None => (vec![unreadable(&name)], 0),
            };
            loader.progress.borrow_mut().file_done(size, &entries);
            pending.extend(entries);
            // Reads in between count towards the publishing interval, parsing towards the
            // task's budget.
            if now() - last_publish >= interval {
                let took = loader.flush(&mut pending, &mut added).await;
                interval = PUBLISH_MS.max(took * PUBLISH_SPACING);
                last_publish = now();
                task_start = now();
            } else {
                yield_when_spent(&mut task_start).await;
            }
        }
        if reading.is_none() {
            reading = next.map(Reads::start);
        }
    }
    let was_cancelled = cancelled();
    drop(engine);
    loader.flush(&mut pending, &mut added).await;
    loader.progress.borrow_mut().end(was_cancelled);
    loader.dispatcher.dispatch(Action::ReadFinished);
    loader.show();
}

/// JSON files (this app's downloads of whole programmes run to hundreds of megabytes) are
/// read up to this size; larger ones are refused.
pub const MAX_JSON_BYTES: u64 = 1 << 30;

/// The largest file accepted: the parser's limit for descriptions
/// ([`Options::max_file_bytes`]), [`MAX_JSON_BYTES`] for a `.json` file and a `.zip`
/// archive (whose members each have the parser's limit).
pub fn read_limit(file_name: &str) -> u64 {
    if json_by_name(file_name) || file_name.to_ascii_lowercase().ends_with(".zip") {
        MAX_JSON_BYTES
    } else {
        Options::default().max_file_bytes
    }
}

/// A failure entry for a file over its [`read_limit`], with its size as the browser gives
/// it. Its fingerprint is of its name and size: its bytes are not looked at.
pub fn too_large(name: &str, size: f64, limit: u64) -> Entry {
    let size = size as u64;
    let fingerprint = fingerprint(format!("{name}\0{size}").as_bytes());
    failure(
        name,
        size,
        fingerprint,
        NotADescription::too_large(size, limit),
    )
}

/// Bytes copied from the browser's buffer into WebAssembly memory this many at a time.
const COPY_SLICE: u32 = 16 << 20;

/// The bytes of `buffer`, copied a slice at a time within the parsing budget: a programme's
/// JSON export (hundreds of megabytes) would otherwise take one long task to copy.
async fn copy_in_slices(buffer: &ArrayBuffer, task_start: &mut f64) -> Vec<u8> {
    let all = Uint8Array::new(buffer);
    let len = all.length();
    // One slice: copied straight into a new vector, without zeroing it first.
    if len <= COPY_SLICE {
        return all.to_vec();
    }
    // Reserved, not zeroed: zeroing hundreds of megabytes at once is itself a long task.
    let mut bytes = Vec::with_capacity(len as usize);
    let mut at = 0;
    while at < len {
        let end = len.min(at.saturating_add(COPY_SLICE));
        bytes.resize(end as usize, 0);
        all.subarray(at, end).copy_to(&mut bytes[at as usize..]);
        at = end;
        if at < len {
            yield_when_spent(task_start).await;
        }
    }
    bytes
}

/// Imports this project's JSON item by item ([`json_items`]) within the parsing budget,
/// yielding between budgets: a programme's export is thousands of documents. Gives a
/// session's view with the documents. `None` when cancelled (the file is left out);
/// `Some(None)` when the item reader stopped, and the file is to be read whole.
async fn import_in_slices(
    bytes: &[u8],
    task_start: &mut f64,
    cancelled: &dyn Fn() -> bool,
) -> Option<Option<(Option<View>, Vec<Outcome>)>> {
    let mut outcomes = Vec::new();
    let items = json_items(bytes);
    let view = items.view().cloned();
    for item in items {
        let Ok(outcome) = item else {
            return Some(None);
        };
        outcomes.push(outcome);
        if yield_when_spent(task_start).await && cancelled() {
            return None;
        }
    }
    Some(Some((view, outcomes)))
}

/// Collects `entries` within the parsing budget, yielding between budgets: a list export's
/// rows or an archive's members, made one at a time as they are asked for. `None` when
/// cancelled (the file is left out).
async fn collect_in_slices(
    entries: impl IntoIterator<Item = Entry>,
    task_start: &mut f64,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Entry>> {
    let mut out = Vec::new();
    for entry in entries {
        out.push(entry);
        if yield_when_spent(task_start).await && cancelled() {
            return None;
        }
    }
    Some(out)
}

/// Reads the members of a ZIP archive one at a time within the parsing budget (see
/// [`archives`]). `None` when cancelled (the archive is left out).
async fn open_in_slices(
    file: &File,
    bytes: &[u8],
    task_start: &mut f64,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Entry>> {
    let name = file.name();
    let archive = match hankekuvaus_archive::open(bytes, &name, &Default::default()) {
        Ok(archive) => archive,
        Err(e) => return Some(vec![archives::archive_failure(&name, bytes, e)]),
    };
    let members = archive
        .into_iter()
        .flat_map(|member| archives::member_entries(member, Some(file)));
    collect_in_slices(members, task_start, cancelled).await
}

/// The bytes of `file` read again.
async fn read_again(file: &File) -> Option<ArrayBuffer> {
    JsFuture::from(file.array_buffer())
        .await
        .ok()
        .map(ArrayBuffer::from)
}

/// The reads of one chunk of files, started together.
struct Reads<'a> {
    chunk: &'a [File],
    settled: JsFuture,
}

impl<'a> Reads<'a> {
    fn start(chunk: &'a [File]) -> Reads<'a> {
        let reads: Array = chunk
            .iter()
            .map(|f| JsValue::from(f.array_buffer()))
            .collect();
        Reads {
            chunk,
            settled: JsFuture::from(Promise::all_settled(&reads)),
        }
    }

    /// The chunk and, for each of its files, the bytes read (`None` when its read failed).
    async fn buffers(self) -> (&'a [File], Vec<Option<ArrayBuffer>>) {
        let settled = self.settled.await.map(|v| Array::from(&v));
        let settled = settled.unwrap_or_default();
        let buffers = (0..self.chunk.len())
            .map(|i| fulfilled_buffer(&settled.get(i as u32)))
            .collect();
        (self.chunk, buffers)
    }
}

/// The buffer of a settled `arrayBuffer()` promise, `None` when it was rejected.
fn fulfilled_buffer(result: &JsValue) -> Option<ArrayBuffer> {
    let status = Reflect::get(result, &JsValue::from_str("status")).ok()?;
    if status.as_string().as_deref() != Some("fulfilled") {
        return None;
    }
    Reflect::get(result, &JsValue::from_str("value"))
        .ok()
        .map(ArrayBuffer::from)
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Yields once the task that began at `task_start` has used its budget ([`BUDGET_MS`]),
/// and starts the next task's budget; returns whether it yielded.
async fn yield_when_spent(task_start: &mut f64) -> bool {
    if now() - *task_start < BUDGET_MS {
        return false;
    }
    yield_now().await;
    *task_start = now();
    true
}

/// Lets the event loop run: resolves from a zero-delay timeout (a new task).
pub async fn yield_now() {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        } else {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// A failure entry for a file the browser could not read at all.
pub fn unreadable(name: &str) -> Entry {
    let error = NotADescription {
        code: "unreadable".to_owned(),
        message: format!("The browser could not read the file {name}."),
    };
    failure(name, 0, fingerprint(name.as_bytes()), error)
}

#[cfg(test)]
mod tests;
