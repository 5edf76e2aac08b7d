//! Arbitrary bytes as a file: `parse` must not panic, and every document it returns must
//! satisfy the invariants in `hankekuvaus_fuzz::check_parsed`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = hankekuvaus::parse(data, "fuzz.txt") {
        hankekuvaus_fuzz::check_parsed(&doc, data);
    }
});
