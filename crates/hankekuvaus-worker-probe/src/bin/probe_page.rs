//! The measuring page: on the file input's `change`, either reads every file's bytes on the
//! main thread (`?mode=main-read`, the floor: `Blob.arrayBuffer()` 48 files at a time, as
//! the app's loader reads), or deals the files out in chunks to one or two workers
//! (`&workers=N`) that only read them (`worker-read`) or read, parse and keep them (`parse`,
//! the default), keeping at most two chunks in flight per worker. Workers read with
//! `FileReaderSync`, or with `Blob.arrayBuffer()` for a whole chunk at once (`&read=async`);
//! or the page reads each chunk (`Blob.arrayBuffer()`) and posts the bytes (`&feed=bytes`), so
//! no `File` crosses to a worker. The page keeps the rows
//! (summaries) it receives. When all is done, `#status` gets `data-state="finished"`, the
//! number of rows in `data-total` and the figures as JSON in `data-result`.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_worker::{Spawnable, WorkerBridge};
use hankekuvaus_worker_probe::{Input, Output, ParseWorker, Summary, Swb};
use js_sys::{Array, ArrayBuffer, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, HtmlElement, HtmlInputElement};

/// Files read together on the main thread (the app's `READ_AHEAD`).
const READ_AHEAD: u32 = 48;
/// Chunks a worker is given ahead of the one it works on.
const IN_FLIGHT: usize = 2;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    MainRead,
    WorkerRead,
    Parse,
}

struct Run {
    mode: Mode,
    /// Workers read with `Blob.arrayBuffer()` (`&read=async`) rather than `FileReaderSync`.
    read_async: bool,
    /// The page reads the files (`Blob.arrayBuffer()`) and posts their bytes (`&feed=bytes`).
    feed_bytes: bool,
    chunk_files: u32,
    files: Vec<File>,
    next: usize,
    chunk: u32,
    /// Chunks sent and not answered, per worker.
    in_flight: Vec<usize>,
    files_done: u32,
    bytes: f64,
    read_ms: f64,
    parse_ms: f64,
    /// What the overview would show.
    rows: Vec<Summary>,
    started: f64,
    finished: Option<f64>,
    stats: Vec<Option<(f64, u32)>>,
    bridges: Vec<Rc<WorkerBridge<ParseWorker>>>,
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn status() -> HtmlElement {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .get_element_by_id("status")
        .unwrap()
        .unchecked_into()
}

fn page_memory() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<ArrayBuffer>()
        .byte_length() as f64
}

impl Run {
    /// Sends `worker` its next chunk, if any is left.
    fn feed(&mut self, worker: usize) {
        while self.in_flight[worker] < IN_FLIGHT && self.next < self.files.len() {
            let end = (self.next + self.chunk_files as usize).min(self.files.len());
            if self.feed_bytes {
                let files = self.files[self.next..end].to_vec();
                self.next = end;
                let chunk = self.chunk;
                self.chunk += 1;
                self.in_flight[worker] += 1;
                let bridge = Rc::clone(&self.bridges[worker]);
                wasm_bindgen_futures::spawn_local(async move {
                    let reads: Array = files
                        .iter()
                        .map(|f| JsValue::from(f.array_buffer()))
                        .collect();
                    let buffers: Array = JsFuture::from(Promise::all(&reads))
                        .await
                        .unwrap()
                        .unchecked_into();
                    let names = files.iter().map(File::name).collect();
                    bridge.send(Input::Bytes {
                        chunk,
                        names,
                        buffers,
                    });
                });
                continue;
            }
            let files: Array = self.files[self.next..end].iter().collect();
            self.next = end;
            let chunk = self.chunk;
            self.chunk += 1;
            self.in_flight[worker] += 1;
            self.bridges[worker].send(match self.mode {
                Mode::WorkerRead => Input::ReadOnly {
                    chunk,
                    files,
                    read_async: self.read_async,
                },
                _ => Input::Load {
                    chunk,
                    files,
                    read_async: self.read_async,
                },
            });
        }
    }

    fn answered(&mut self, worker: usize, out: Output) {
        match out {
            Output::Loaded {
                files,
                bytes,
                read_ms,
                parse_ms,
                rows,
                ..
            } => {
                self.files_done += files;
                self.bytes += bytes;
                self.read_ms += read_ms;
                self.parse_ms += parse_ms;
                self.rows.extend(rows);
            }
            Output::Read {
                files,
                bytes,
                read_ms,
                ..
            } => {
                self.files_done += files;
                self.bytes += bytes;
                self.read_ms += read_ms;
            }
            Output::Stats {
                wasm_memory,
                entries,
            } => {
                self.stats[worker] = Some((wasm_memory, entries));
                if self.stats.iter().all(Option::is_some) {
                    self.report();
                }
                return;
            }
            Output::Rows { rows } => {
                self.rows.extend(rows);
                return;
            }
            Output::Source { .. } => return,
        }
        self.in_flight[worker] -= 1;
        status().set_text_content(Some(&format!(
            "{} of {} files",
            self.files_done,
            self.files.len()
        )));
        if self.files_done as usize == self.files.len() {
            self.finished = Some(now());
            for bridge in &self.bridges {
                bridge.send(Input::Stats);
            }
        } else {
            self.feed(worker);
        }
    }

    fn report(&self) {
        let finished = self.finished.unwrap_or_else(now);
        let workers: Vec<String> = self
            .stats
            .iter()
            .map(|s| {
                let (memory, entries) = s.unwrap_or_default();
                format!("{{\"wasm_memory\":{memory},\"entries\":{entries}}}")
            })
            .collect();
        let result = format!(
            "{{\"files\":{},\"rows\":{},\"bytes\":{},\"ms\":{},\"worker_read_ms\":{},\
             \"worker_parse_ms\":{},\"page_wasm_memory\":{},\"workers\":[{}]}}",
            self.files_done,
            self.rows.len(),
            self.bytes,
            finished - self.started,
            self.read_ms,
            self.parse_ms,
            page_memory(),
            workers.join(",")
        );
        let el = status();
        let data = el.dataset();
        data.set("result", &result).unwrap();
        data.set("total", &self.rows.len().to_string()).unwrap();
        data.set("state", "finished").unwrap();
        el.set_text_content(Some(&result));
    }
}

/// The main-thread floor: every file's bytes through `Blob.arrayBuffer()`, 48 at a time.
async fn main_read(files: Vec<File>) {
    let started = now();
    let mut bytes = 0.0;
    for chunk in files.chunks(READ_AHEAD as usize) {
        let reads: Array = chunk
            .iter()
            .map(|f| JsValue::from(f.array_buffer()))
            .collect();
        let all = JsFuture::from(Promise::all(&reads)).await.unwrap();
        for buffer in all.unchecked_into::<Array>().iter() {
            bytes += buffer.unchecked_into::<ArrayBuffer>().byte_length() as f64;
        }
    }
    let result = format!(
        "{{\"files\":{},\"rows\":0,\"bytes\":{bytes},\"ms\":{},\"page_wasm_memory\":{},\"workers\":[]}}",
        files.len(),
        now() - started,
        page_memory()
    );
    let el = status();
    let data = el.dataset();
    data.set("result", &result).unwrap();
    data.set("total", &files.len().to_string()).unwrap();
    data.set("state", "finished").unwrap();
}

fn main() {
    let window = web_sys::window().unwrap();
    let query = window.location().search().unwrap_or_default();
    let param = |key: &str| {
        query
            .trim_start_matches('?')
            .split('&')
            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
            .map(str::to_owned)
    };
    let mode = match param("mode").as_deref() {
        Some("main-read") => Mode::MainRead,
        Some("worker-read") => Mode::WorkerRead,
        _ => Mode::Parse,
    };
    let workers: usize = param("workers").and_then(|n| n.parse().ok()).unwrap_or(1);
    let chunk_files: u32 = param("chunk").and_then(|n| n.parse().ok()).unwrap_or(100);
    let workers = if mode == Mode::MainRead { 0 } else { workers };
    let read_async = param("read").as_deref() == Some("async");
    let feed_bytes = param("feed").as_deref() == Some("bytes");

    let run = Rc::new(RefCell::new(Run {
        mode,
        read_async,
        feed_bytes,
        chunk_files,
        files: Vec::new(),
        next: 0,
        chunk: 0,
        in_flight: vec![0; workers],
        files_done: 0,
        bytes: 0.0,
        read_ms: 0.0,
        parse_ms: 0.0,
        rows: Vec::new(),
        started: 0.0,
        finished: None,
        stats: vec![None; workers],
        bridges: Vec::new(),
    }));
    // Workers start with the page, so they are ready when files come.
    for index in 0..workers {
        let run2 = Rc::clone(&run);
        let mut spawner = ParseWorker::spawner();
        let mut spawner = spawner.encoding::<Swb>();
        spawner.callback(move |out| run2.borrow_mut().answered(index, out));
        let bridge = spawner.spawn_with_loader("./probe_worker_loader.js");
        run.borrow_mut().bridges.push(Rc::new(bridge));
    }
    status().dataset().set("state", "ready").unwrap();

    let input: HtmlInputElement = window
        .document()
        .unwrap()
        .get_element_by_id("file-input")
        .unwrap()
        .unchecked_into();
    let input2 = input.clone();
    let on_change = Closure::<dyn Fn()>::new(move || {
        let started = now();
        let list = input2.files().unwrap();
        let files: Vec<File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if mode == Mode::MainRead {
            wasm_bindgen_futures::spawn_local(main_read(files));
            return;
        }
        let mut run = run.borrow_mut();
        run.started = started;
        run.files = files;
        status().dataset().set("state", "running").unwrap();
        for worker in 0..run.bridges.len() {
            run.feed(worker);
        }
    });
    input
        .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())
        .unwrap();
    on_change.forget();
}
