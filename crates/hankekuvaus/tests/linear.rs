//! Parsing is linear: a 10× larger input may cost at most 15× the allocations and allocated
//! bytes. Counted with a counting allocator, not timed, so the test does not flake.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size as u64, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn cost(bytes: &[u8]) -> (u64, u64) {
    let (a0, b0) = (
        ALLOCATIONS.load(Ordering::Relaxed),
        BYTES.load(Ordering::Relaxed),
    );
    let doc = hankekuvaus::parse(bytes, "x.txt").expect("a description");
    let json = hankekuvaus::export::document_json(&doc);
    assert!(json.len() > bytes.len() / 2);
    drop(doc);
    (
        ALLOCATIONS.load(Ordering::Relaxed) - a0,
        BYTES.load(Ordering::Relaxed) - b0,
    )
}

/// The seed, then nine more copies of it as appended unknown sections "10 Liite 10" … so
/// that every kind of line (fields, prose, scores, headings out of sequence) grows tenfold.
fn tenfold(seed: &str) -> String {
    let mut big = seed.to_owned();
    for k in 10..19 {
        big.push_str(&format!("\n\n{k} Liite {k}\n\n"));
        big.push_str(seed);
    }
    big
}

#[test]
fn ten_times_the_input_costs_at_most_fifteen_times() {
    for (name, bytes) in common::seeds() {
        let seed = String::from_utf8(bytes).unwrap();
        let big = tenfold(&seed);
        assert!(big.len() >= 10 * seed.len());
        // The same HTML path too: the tokenizer must be linear as well.
        let html_small = common::to_service_html(&seed, true);
        let html_big = common::to_service_html(&big, true);
        for (kind, small, large) in [
            ("text", seed.as_bytes(), big.as_bytes()),
            ("html", html_small.as_bytes(), html_big.as_bytes()),
        ] {
            let (a1, b1) = cost(small);
            let (a10, b10) = cost(large);
            assert!(
                a10 <= 15 * a1 && b10 <= 15 * b1,
                "{name} ({kind}): 1× {a1} allocations / {b1} bytes, 10× {a10} / {b10}"
            );
            // And it does grow (appended copies fold into fewer, longer paragraphs, so
            // allocations grow less than bytes): the measure is not blind.
            assert!(
                a10 > 2 * a1 && b10 > 3 * b1,
                "{name} ({kind}): {a1}/{a10} {b1}/{b10}"
            );
        }
    }
}
