//! `?bench=parse`: a page that only measures. Instead of mounting the app, it parses the
//! bundled examples (the five seeds, the same files as the native criterion benchmark) with
//! the parser core compiled to WebAssembly, over and over for a few seconds after a warm-up
//! (as criterion warms up), and writes the throughput into `<pre id="bench-result">` as JSON
//! for `cargo xtask bench`
//! (`tests/e2e/measure-many.mjs`). The app's interface has no way to reach it.

use std::hint::black_box;

use crate::examples::EXAMPLES;

/// Warm-up before measuring (milliseconds): long enough for the engine to compile the hot
/// functions with its optimising tier, which it does in the background after they have run
/// for a while.
const WARM_UP_MS: f64 = 1_500.0;

/// The measurement: this many windows of [`WINDOW_MS`] each.
const WINDOWS: usize = 12;
const WINDOW_MS: f64 = 250.0;

/// Whether the page was opened with `?bench=parse`.
pub fn requested() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("bench"))
        .as_deref()
        == Some("parse")
}

/// Measures and writes the result into the page: the median of the windows' throughputs
/// (`mb_per_s`; a window in which the machine was busy elsewhere does not move it) and the
/// mean over all windows.
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
    timed(WARM_UP_MS);
    let windows: Vec<(u64, f64)> = (0..WINDOWS).map(|_| timed(WINDOW_MS)).collect();
    let rate = |rounds: u64, seconds: f64| (bytes_per_round as u64 * rounds) as f64 / seconds / 1e6;
    let mut rates: Vec<f64> = windows.iter().map(|&(r, s)| rate(r, s)).collect();
    rates.sort_by(f64::total_cmp);
    let median = (rates[(WINDOWS - 1) / 2] + rates[WINDOWS / 2]) / 2.0;
    let rounds: u64 = windows.iter().map(|w| w.0).sum();
    let seconds: f64 = windows.iter().map(|w| w.1).sum();
    let bytes = bytes_per_round as u64 * rounds;
    let json = format!(
        "{{\"bytes\":{bytes},\"seconds\":{seconds},\"rounds\":{rounds},\"windows\":{WINDOWS},\"mb_per_s\":{median},\"mean_mb_per_s\":{}}}",
        rate(rounds, seconds)
    );
    crate::browser::show_bench_result(&json);
}
