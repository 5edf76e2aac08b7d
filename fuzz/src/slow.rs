//! The slow-input check behind the `slow_input` target and its regression test: a pattern
//! repeated into a file of about [`SIZE`] bytes must parse at [`FLOOR_BYTES_PER_SECOND`] or
//! faster.
//!
//! Times are wall-clock, so a run on a busy machine could look slow. A run over the floor
//! is therefore measured again, and only the fastest of [`REMEASURE`] runs counts: noise
//! only ever adds time, while a superlinear path is slow every time, by far (the
//! `<br>`/`<div>` page of issue 13 parsed at 0.05 MB/s).

use std::time::{Duration, Instant};

/// The size the pattern is repeated to. Large enough that a path quadratic in lines, tags
/// or fields takes many times the floor; small enough for hundreds of runs a second.
pub const SIZE: usize = 256 * 1024;

/// The slowest acceptable throughput: 10 MB/s natively (real descriptions parse at
/// 150–200 MB/s without instrumentation).
pub const FLOOR_BYTES_PER_SECOND: f64 = 10.0e6;

/// Fixed costs that do not grow with the input (allocation of the first buffers, the
/// instrumented build's overhead on tiny files).
const SLACK: Duration = Duration::from_millis(2);

/// How many runs decide when the first is over the floor.
const REMEASURE: usize = 5;

/// What the repeated pattern becomes, chosen by the input's first byte (modulo the count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A description: the title line and section 1, then the pattern.
    Text,
    /// Any bytes as a file, no header: the sniffing and refusals.
    Raw,
    /// A saved page: `<html><body>`, the title and section 1, then the pattern.
    Html,
    /// The pattern after a doctype: the tokenizer on broken markup.
    HtmlRaw,
    /// A JSON array of the repeated pattern, through `import_json`.
    Json,
    /// The same array through `json_items`, item by item.
    JsonItems,
}

const FORMATS: [Format; 6] = [
    Format::Text,
    Format::Raw,
    Format::Html,
    Format::HtmlRaw,
    Format::Json,
    Format::JsonItems,
];

const TITLE: &[u8] = b"Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n1 Hanke\n";
const PAGE: &[u8] = b"<html><body><p>Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen \
kuvaus</p><h2>1 Hanke</h2>";

/// Builds the file for a fuzz input: the format byte, then an optional prefix ended by
/// `0xFF` (written once, after the format's header), then the pattern (repeated to
/// [`SIZE`]). `None` when there is no pattern.
pub fn build(data: &[u8]) -> Option<(Format, Vec<u8>)> {
    let (&selector, rest) = data.split_first()?;
    let format = FORMATS[usize::from(selector) % FORMATS.len()];
    let (prefix, pattern) = match rest.iter().position(|&b| b == 0xFF) {
        Some(k) => (&rest[..k], &rest[k + 1..]),
        None => (&[][..], rest),
    };
    if pattern.is_empty() || pattern.len() > 512 || prefix.len() > 4096 {
        return None;
    }
    let (head, tail): (&[u8], &[u8]) = match format {
        Format::Text => (TITLE, b""),
        Format::Raw => (b"", b""),
        Format::Html => (PAGE, b"</body></html>"),
        Format::HtmlRaw => (b"<!DOCTYPE html>", b""),
        Format::Json | Format::JsonItems => (b"[", b"]"),
    };
    let mut file = Vec::with_capacity(SIZE + pattern.len() + prefix.len() + head.len());
    file.extend_from_slice(head);
    file.extend_from_slice(prefix);
    while file.len() < SIZE {
        file.extend_from_slice(pattern);
    }
    file.extend_from_slice(tail);
    Some((format, file))
}

/// Reads `file` as `format` does, the way the CLI and the app would.
pub fn read(format: Format, file: &[u8]) {
    match format {
        Format::Text | Format::Raw => drop(hankekuvaus::parse(file, "slow.txt")),
        Format::Html | Format::HtmlRaw => drop(hankekuvaus::parse(file, "slow.html")),
        Format::Json => drop(hankekuvaus::import::import_json(
            &String::from_utf8_lossy(file),
        )),
        Format::JsonItems => {
            for item in hankekuvaus::import::json_items(file) {
                if item.is_err() {
                    break;
                }
            }
        }
    }
}

/// The time `file` may take at the floor.
pub fn allowed(file: &[u8]) -> Duration {
    SLACK + Duration::from_secs_f64(file.len() as f64 / FLOOR_BYTES_PER_SECOND)
}

/// The fastest of `runs` reads of `file`.
pub fn fastest(format: Format, file: &[u8], runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            read(format, file);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The fuzz target's check: panics when the file built from `data` reads slower than the
/// floor in the fastest of [`REMEASURE`] runs.
pub fn check(data: &[u8]) {
    let Some((format, file)) = build(data) else {
        return;
    };
    let limit = allowed(&file);
    if fastest(format, &file, 1) <= limit {
        return;
    }
    let best = fastest(format, &file, REMEASURE);
    assert!(
        best <= limit,
        "slow input: {format:?}, {} bytes in {best:?} ({:.2} MB/s; the floor is {:.0} MB/s)",
        file.len(),
        file.len() as f64 / best.as_secs_f64() / 1e6,
        FLOOR_BYTES_PER_SECOND / 1e6,
    );
}
