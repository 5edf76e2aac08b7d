//! Arbitrary bytes inside an HTML page, twice: as the body of a page that already has the
//! title line and section 1 (so the HTML path reaches the section tree and the typed
//! fields), and raw after a doctype (so the tokenizer sees unbalanced tags, comments and
//! character references at any position).
#![no_main]

use libfuzzer_sys::fuzz_target;

const HEAD: &[u8] =
    b"<html><body><p>Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus</p>\
<h2>1 Hanke</h2><p>";
const TAIL: &[u8] = b"</p></body></html>";

fuzz_target!(|data: &[u8]| {
    let mut page = Vec::with_capacity(HEAD.len() + data.len() + TAIL.len());
    page.extend_from_slice(HEAD);
    page.extend_from_slice(data);
    page.extend_from_slice(TAIL);
    if let Ok(doc) = hankekuvaus::parse(&page, "fuzz.html") {
        hankekuvaus_fuzz::check_parsed(&doc, &page);
    }

    let mut raw = b"<!DOCTYPE html>".to_vec();
    raw.extend_from_slice(data);
    if let Ok(doc) = hankekuvaus::parse(&raw, "fuzz.html") {
        hankekuvaus_fuzz::check_parsed(&doc, &raw);
    }
});
