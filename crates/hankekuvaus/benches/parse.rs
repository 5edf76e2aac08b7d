//! Native parser throughput on the real descriptions in `testdata/seeds/`, with the system's
//! allocator (what a program linking the library gets by default).
//!
//! One benchmark per seed file, measured in bytes per second (`Throughput::Bytes`), so
//! criterion reports MB/s and `cargo xtask bench` can sum the seeds into one figure.
//! `parse_mimalloc` is the same with the allocator the `hankekuvaus` binary uses.
//! Run with `cargo xtask bench` (or `cargo bench -p hankekuvaus --bench parse`).

mod common;

use criterion::{criterion_group, criterion_main, Criterion};

fn parse(c: &mut Criterion) {
    common::parse_seeds(c, "parse");
}

criterion_group!(benches, parse);
criterion_main!(benches);
