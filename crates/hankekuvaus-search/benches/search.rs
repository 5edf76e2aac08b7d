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
use hankekuvaus::{Document, Kind, Source, SourceFormat, TextEncoding};
use hankekuvaus_search::{Index, Query};

const DESCRIPTIONS: usize = 8_000;
const LIST_ROWS: usize = 40_000;

/// The 20 queries: single words, inflected forms, phrases, OR, exclusions, fields, words
/// being typed (one and two letters), and a word found in nearly every document.
const QUERIES: [&str; 20] = [
    "maahanmuuttaja",
    "nuori",
    "kunta",
    "työllisyys",
    "\"etelä-savo\"",
    "\"Mikkelin kaupunki\"",
    "nuoret työttömät",
    "maahanmuuttajat OR nuoret",
    "kehittämishanke -mikkeli",
    "kunta:Mikkeli",
    "toteuttaja:kaupunki",
    "y-tunnus:0600598-8",
    "tiivistelmä:pilotointi",
    "rahasto:ESR vuosi:2019",
    "hanke",
    "ja",
    "m",
    "ma",
    "maahan",
    "yrit OR palv",
];

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

/// A deterministic pseudo-random sequence (64-bit LCG), so every run indexes the same text.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// The descriptions' texts: seed `i % 5` with code `S9xxxxx` and a paragraph of 120
/// words drawn from the seeds' vocabulary, a third of them made into new compounds, so
/// the dictionary grows as a real programme's does.
fn descriptions() -> Vec<String> {
    let seeds = seeds();
    let mut vocabulary: Vec<&str> = seeds
        .iter()
        .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() > 3)
        .collect();
    vocabulary.sort_unstable();
    vocabulary.dedup();
    let mut rng = Lcg(7);
    (0..DESCRIPTIONS)
        .map(|i| {
            let seed = &seeds[i % seeds.len()];
            let mut words = Vec::with_capacity(120);
            for k in 0..120 {
                let w = vocabulary[rng.next(vocabulary.len())].to_lowercase();
                if k % 3 == 0 {
                    let tail = vocabulary[rng.next(vocabulary.len())].to_lowercase();
                    words.push(format!("{w}{tail}"));
                } else {
                    words.push(w);
                }
            }
            let code_line = seed.lines().find(|l| l.starts_with("Hankekoodi:")).unwrap();
            let heading = "3 Suunnitelman mukainen tiivistelmä toteutuksesta\n";
            seed.replacen(code_line, &format!("Hankekoodi: S9{i:05}"), 1)
                .replacen(heading, &format!("{heading}\n{}.\n", words.join(" ")), 1)
        })
        .collect()
}

/// List rows: code, name, applicant, authority and (in a third of them, as 2021–2027
/// exports carry one) a summary, cut from the seeds' texts.
fn list_rows(descriptions: &[Document]) -> Vec<Document> {
    let mut rng = Lcg(11);
    (0..LIST_ROWS)
        .map(|i| {
            let from = &descriptions[rng.next(descriptions.len())];
            let source = Source {
                file_name: "projektilista.csv".into(),
                format: SourceFormat::Text,
                encoding: TextEncoding::Utf8,
                line_count: 0,
                byte_count: 0,
                fingerprint: String::new(),
            };
            let mut row = Document::new(
                source,
                Kind {
                    fund: from.kind.fund,
                    period: from.kind.period,
                },
            );
            row.project.code = Some(format!("A{i:06}"));
            row.project.name = from.project.name.clone();
            row.project.responsible_authority = from.project.responsible_authority.clone();
            row.applicant.name = from.applicant.name.clone();
            row.funding = from.funding;
            if i % 3 == 0 {
                row.summary = from.summary.clone();
            }
            row
        })
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
    let texts = descriptions();
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let docs: Vec<Document> = texts
        .iter()
        .map(|t| hankekuvaus::parse(t.as_bytes(), "bench.txt").unwrap())
        .collect();
    let rows = list_rows(&docs);

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
