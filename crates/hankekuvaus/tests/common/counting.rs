//! A counting allocator for the linearity tests: it forwards to the system allocator and
//! counts the allocations and allocated bytes. A test binary includes this file with
//! `#[path = "common/counting.rs"] mod counting;` and installs it with its own
//! `#[global_allocator] static GLOBAL: counting::Counting = counting::Counting;` (the
//! counters are global, so each such test is a binary of its own).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

pub struct Counting;

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

/// The allocations and allocated bytes that `work` costs.
pub fn cost(work: impl FnOnce()) -> (u64, u64) {
    let (a0, b0) = (
        ALLOCATIONS.load(Ordering::Relaxed),
        BYTES.load(Ordering::Relaxed),
    );
    work();
    (
        ALLOCATIONS.load(Ordering::Relaxed) - a0,
        BYTES.load(Ordering::Relaxed) - b0,
    )
}

/// Asserts that work on ten times the input, costing `tenfold` (allocations, bytes), cost
/// at most 15 times what `once` cost, and more than 3 times the bytes: the input did grow,
/// so the measure is not blind.
pub fn assert_tenfold(what: &str, once: (u64, u64), tenfold: (u64, u64)) {
    let ((a1, b1), (a10, b10)) = (once, tenfold);
    assert!(
        a10 <= 15 * a1 && b10 <= 15 * b1,
        "{what}: 1× {a1} allocations / {b1} bytes, 10× {a10} / {b10}"
    );
    assert!(b10 > 3 * b1, "{what}: {b1} bytes, 10× {b10}");
}
