//! Slow inputs, as pulldown-cmark's dos-fuzzer looks for them: libFuzzer's input is a short
//! pattern that is repeated into a large file of one format, and the target fails when that
//! file parses slower than a floor. Crashes are found by the other targets; this one finds
//! superlinear paths (a pattern whose repetitions each rescan what came before), which a
//! crash-only fuzzer never reports because each input still finishes.
//!
//! Input: the first byte picks the format (see [`hankekuvaus_fuzz::slow::Format`]: text,
//! HTML, JSON, the three text lists, a workbook two ways and a ZIP archive), then an
//! optional prefix ended by `0xFF`, then the pattern (at most 512 bytes).
//! Run it without the address sanitizer (`-s none`), so the floor measures the parser.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    hankekuvaus_fuzz::slow::check(data);
});
