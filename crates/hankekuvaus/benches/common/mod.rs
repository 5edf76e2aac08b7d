//! What both parser benchmarks share: the seed descriptions and the benchmark itself.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput};

/// The seed descriptions, `(file name, bytes)`, sorted by name so runs compare.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read the seed directory {}: {e}", dir.display()));
    let mut seeds: Vec<(String, Vec<u8>)> = entries
        .map(|entry| entry.expect("seed directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (name, bytes)
        })
        .collect();
    assert!(!seeds.is_empty(), "no seed files in {}", dir.display());
    seeds.sort();
    seeds
}

/// One benchmark per seed in the group `group`, named by the seed's file stem (`cargo
/// xtask bench` finds the results by `group/stem`).
pub fn parse_seeds(c: &mut Criterion, group: &str) {
    let mut group = c.benchmark_group(group);
    for (name, bytes) in seeds() {
        let id = name.trim_end_matches(".txt").to_owned();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(id, |b| {
            b.iter(|| black_box(hankekuvaus::parse(black_box(&bytes), black_box(&name))))
        });
    }
    group.finish();
}
