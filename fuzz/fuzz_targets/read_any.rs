//! Arbitrary bytes through `hankekuvaus::read`, the entry point of the CLI and the viewer:
//! descriptions, and the services' list exports (2007 CSV and XML, 2014 CSV, the 2021
//! workbook) recognised by content. Every document it returns must hold the invariants of
//! a parsed document on the lines of its file.
#![no_main]

use hankekuvaus::Outcome;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for outcome in hankekuvaus::read(data, "projektilista", &Default::default()) {
        if let Outcome::Document(doc) = outcome {
            hankekuvaus_fuzz::check_lines(&doc);
            hankekuvaus_fuzz::check_round_trip(&doc);
            hankekuvaus_fuzz::exercise_views(&doc);
        }
    }
});
