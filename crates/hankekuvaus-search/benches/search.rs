//! Index build cost and query latency over a generated programme: 8,000 descriptions made
//! from the five seeds (each with its own code and a paragraph of its own words) and
//! 40,000 list rows (documents with typed fields only, as a programme export gives).
//!
//! `cargo bench -p hankekuvaus-search --bench search` prints, before criterion's own
//! figures, one line each: the build time per MB of description text, the index's heap
//! bytes per document, and the median and worst of the 20 queries (each the best of five
//! runs, as search-as-you-type repeats them).

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hankekuvaus::Document;
use hankekuvaus_search::corpus::{descriptions, list_rows, QUERIES};
use hankekuvaus_search::{Index, Query};

const DESCRIPTIONS: usize = 8_000;
const LIST_ROWS: usize = 40_000;

/// The seed texts, sorted by file name.
fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the seed directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a seed"))
        .collect()
}

fn build(descriptions: &[Document], rows: &[Document]) -> Index {
    let mut index = Index::new();
    for (i, doc) in descriptions.iter().chain(rows).enumerate() {
        index.add(i as u32, doc);
    }
    index
}

fn search(c: &mut Criterion) {
    let texts = descriptions(&seeds(), DESCRIPTIONS);
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let docs: Vec<Document> = texts
        .iter()
        .map(|t| hankekuvaus::parse(t.as_bytes(), "bench.txt").unwrap())
        .collect();
    let rows = list_rows(&docs, LIST_ROWS);

    let start = Instant::now();
    let descriptions_only = build(&docs, &[]);
    let descriptions_time = start.elapsed();
    let start = Instant::now();
    let index = build(&docs, &rows);
    let all_time = start.elapsed();
    let mb = text_bytes as f64 / 1e6;
    println!(
        "index build: {DESCRIPTIONS} descriptions ({mb:.1} MB of text) in {:.2} s = {:.0} ms/MB; \
         with {LIST_ROWS} list rows {:.2} s",
        descriptions_time.as_secs_f64(),
        descriptions_time.as_secs_f64() * 1e3 / mb,
        all_time.as_secs_f64(),
    );
    let before = index.heap_bytes();
    let mut index = index;
    index.shrink_to_fit();
    let mut descriptions_only = descriptions_only;
    descriptions_only.shrink_to_fit();
    println!(
        "index memory: {:.1} MB while loading, {:.1} MB after shrink_to_fit; {} bytes/description \
         (descriptions only, {} terms), {} bytes/document with the list rows",
        before as f64 / 1e6,
        index.heap_bytes() as f64 / 1e6,
        descriptions_only.heap_bytes() / DESCRIPTIONS,
        descriptions_only.term_count(),
        index.heap_bytes() / (DESCRIPTIONS + LIST_ROWS),
    );
    let mut times: Vec<(Duration, &str, usize)> = QUERIES
        .iter()
        .map(|q| {
            let query = Query::parse(q, true).unwrap();
            let mut best = Duration::MAX;
            let mut found = 0;
            for _ in 0..5 {
                let start = Instant::now();
                let hits = index.search(&query);
                best = best.min(start.elapsed());
                found = hits.len();
            }
            (best, *q, found)
        })
        .collect();
    times.sort();
    let (worst, worst_q, worst_n) = times[times.len() - 1];
    println!(
        "query latency over {} documents: median {:.2} ms, worst {:.2} ms ({worst_q:?}, {worst_n} hits)",
        DESCRIPTIONS + LIST_ROWS,
        times[times.len() / 2].0.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3,
    );

    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    let slice = &docs[..200];
    let slice_bytes: usize = texts[..200].iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(slice_bytes as u64));
    group.bench_function("200 descriptions", |b| {
        b.iter(|| black_box(build(black_box(slice), &[])))
    });
    group.finish();

    let mut group = c.benchmark_group("query");
    group.sample_size(10);
    for q in QUERIES {
        let query = Query::parse(q, true).unwrap();
        group.bench_function(q, |b| b.iter(|| black_box(index.search(black_box(&query)))));
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
