//! `?bench=parse`: a page that only measures. Instead of mounting the app, it parses the
//! bundled examples (the five seeds, the same files as the native criterion benchmark) with
//! the parser core compiled to WebAssembly, over and over for a few seconds, and writes the
//! throughput into `<pre id="bench-result">` as JSON for `cargo xtask bench`
//! (`tests/e2e/measure-many.mjs`). The app's interface has no way to reach it.

use std::hint::black_box;

use crate::examples::EXAMPLES;

/// How long to measure, after a warm-up of a tenth of it (milliseconds).
const MEASURE_MS: f64 = 3_000.0;

/// Whether the page was opened with `?bench=parse`.
pub fn requested() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("bench"))
        .as_deref()
        == Some("parse")
}

/// Measures and writes the result into the page.
pub fn run() {
    let bytes_per_round: usize = EXAMPLES.iter().map(|(_, b)| b.len()).sum();
    let round = || {
        for (name, bytes) in EXAMPLES {
            let _ = black_box(hankekuvaus::parse(black_box(bytes), name));
        }
    };
    let timed = |ms: f64| {
        let start = js_sys::Date::now();
        let mut rounds = 0u64;
        while js_sys::Date::now() - start < ms {
            round();
            rounds += 1;
        }
        (rounds, (js_sys::Date::now() - start) / 1e3)
    };
    timed(MEASURE_MS / 10.0);
    let (rounds, seconds) = timed(MEASURE_MS);
    let bytes = bytes_per_round as u64 * rounds;
    let json = format!(
        "{{\"bytes\":{bytes},\"seconds\":{seconds},\"rounds\":{rounds},\"mb_per_s\":{}}}",
        bytes as f64 / seconds / 1e6
    );
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let (Some(body), Ok(pre)) = (document.body(), document.create_element("pre")) {
        pre.set_id("bench-result");
        pre.set_text_content(Some(&json));
        let _ = body.append_child(&pre);
    }
}
