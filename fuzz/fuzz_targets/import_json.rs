//! Arbitrary bytes (read as UTF-8, lossily) as JSON to re-import: `import_json` must not
//! panic, and what it accepts must survive the views and export-then-import unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(outcomes) = hankekuvaus::import::import_json(&text) {
        hankekuvaus_fuzz::check_imported(&outcomes);
    }
});
