//! The search benchmark as a bare WebAssembly module, to measure in a JavaScript engine.
//!
//! No wasm-bindgen: the module exports plain functions and imports nothing, so Node (V8,
//! the engine of Chromium) or a page can load it as it is. `benches/wasm_bench.mjs` builds
//! the corpus through it, indexes it in slices as the app would and times the queries:
//!
//! ```text
//! cargo build -p hankekuvaus-search --example wasm_bench --release --target wasm32-unknown-unknown
//! node crates/hankekuvaus-search/benches/wasm_bench.mjs target/wasm32-unknown-unknown/release/examples/wasm_bench.wasm
//! ```

use std::cell::RefCell;

use hankekuvaus::Document;
use hankekuvaus_search::corpus::{descriptions, list_rows, QUERIES};
use hankekuvaus_search::{Index, Query};

/// The seeds, built into the module so that it needs no file access.
const SEEDS: [&str; 5] = [
    include_str!("../../../testdata/seeds/000_2f4bdf7767fd6a31.txt"),
    include_str!("../../../testdata/seeds/001_d1fd5f1036f524e3.txt"),
    include_str!("../../../testdata/seeds/002_42d1ac510dc6f05e.txt"),
    include_str!("../../../testdata/seeds/003_c113c283eaad9dcd.txt"),
    include_str!("../../../testdata/seeds/004_c583bbdf69c07adf.txt"),
];

thread_local! {
    static DOCS: RefCell<Vec<Document>> = const { RefCell::new(Vec::new()) };
    static INDEX: RefCell<Index> = RefCell::new(Index::new());
}

/// Generates and parses `descriptions` descriptions and `rows` list rows (not indexed
/// yet); returns the descriptions' text size in KB.
#[no_mangle]
pub extern "C" fn prepare(descriptions_wanted: u32, rows: u32) -> u32 {
    let seeds: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    let texts = descriptions(&seeds, descriptions_wanted as usize);
    let kb = texts.iter().map(String::len).sum::<usize>() / 1000;
    let docs: Vec<Document> = texts
        .iter()
        .filter_map(|t| hankekuvaus::parse(t.as_bytes(), "bench.txt").ok())
        .collect();
    let rows = list_rows(&docs, rows as usize);
    DOCS.with(|d| {
        let mut d = d.borrow_mut();
        d.extend(docs);
        d.extend(rows);
    });
    kb as u32
}

/// Indexes the prepared documents `from..to` under their numbers; returns the index size.
#[no_mangle]
pub extern "C" fn add(from: u32, to: u32) -> u32 {
    DOCS.with(|d| {
        INDEX.with(|i| {
            let d = d.borrow();
            let mut i = i.borrow_mut();
            for k in from..to.min(d.len() as u32) {
                i.add(k, &d[k as usize]);
            }
            i.len() as u32
        })
    })
}

/// Shrinks the index and returns its heap size in KB.
#[no_mangle]
pub extern "C" fn heap_kb() -> u32 {
    INDEX.with(|i| {
        let mut i = i.borrow_mut();
        i.shrink_to_fit();
        (i.heap_bytes() / 1000) as u32
    })
}

/// Number of benchmark queries.
#[no_mangle]
pub extern "C" fn query_count() -> u32 {
    QUERIES.len() as u32
}

/// Runs benchmark query `k` as typed; returns the number of results.
#[no_mangle]
pub extern "C" fn query(k: u32) -> u32 {
    let Ok(q) = Query::parse(QUERIES[k as usize % QUERIES.len()], true) else {
        return 0;
    };
    INDEX.with(|i| i.borrow().search(&q).len() as u32)
}
