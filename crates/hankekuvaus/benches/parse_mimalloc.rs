//! The parser benchmark of `parse.rs` with mimalloc, the allocator of the `hankekuvaus`
//! binary: the native figure as the command-line tool parses.
//!
//! A parse makes about two hundred small strings and vectors, and their making and freeing
//! is a fifth of its time with glibc's allocator; the allocator is the program's choice,
//! not the library's, so both figures are measured.
//! Run with `cargo xtask bench` (or `cargo bench -p hankekuvaus --bench parse_mimalloc`).

mod common;

use criterion::{criterion_group, criterion_main, Criterion};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn parse(c: &mut Criterion) {
    common::parse_seeds(c, "parse-mimalloc");
}

criterion_group!(benches, parse);
criterion_main!(benches);
