//! Parsing is linear: a 10× larger input may cost at most 15× the allocations and allocated
//! bytes. Counted with a counting allocator, not timed, so the test does not flake.

mod common;

#[path = "common/counting.rs"]
mod counting;

#[global_allocator]
static GLOBAL: counting::Counting = counting::Counting;

fn cost(bytes: &[u8]) -> (u64, u64) {
    counting::cost(|| {
        let doc = hankekuvaus::parse(bytes, "x.txt").expect("a description");
        let json = hankekuvaus::export::document_json(&doc);
        assert!(json.len() > bytes.len() / 2);
        drop(doc);
    })
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
            // The parser's shared tables (labels as written, section numbers) are made at
            // first use: once per process, not per input, so not counted.
            cost(small);
            let (once, tenfold) = (cost(small), cost(large));
            counting::assert_tenfold(&format!("{name} ({kind})"), once, tenfold);
            // Allocations grow too (appended copies fold into fewer, longer paragraphs, so
            // less than bytes).
            assert!(
                tenfold.0 > 2 * once.0,
                "{name} ({kind}): {once:?} {tenfold:?}"
            );
        }
    }
}
