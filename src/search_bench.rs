//! `?bench=search`: a page that only measures the search, for `cargo xtask bench`
//! (`tests/e2e/measure-search.mjs`). Instead of mounting the app it generates a programme
//! from the bundled seeds (`hankekuvaus_search::corpus`: 8,000 descriptions and 40,000 list
//! rows unless `&descriptions=` and `&rows=` say otherwise), indexes it as the app does,
//! times the 20 fixed queries and writes the figures into `<pre id="bench-result">` as JSON.
//! The app's interface has no way to reach it.

use hankekuvaus::Document;
use hankekuvaus_search::{corpus, Index, Query};

use crate::examples::EXAMPLES;
use crate::loading::yield_now;

/// Timed runs of each query; its time is the median of them.
const RUNS: usize = 5;

/// Results whose snippets are made in the "query + snippets" figure, as a result list does.
const SNIPPET_RESULTS: usize = 20;

/// Whether the page was opened with `?bench=search`.
pub fn requested() -> bool {
    param("bench").as_deref() == Some("search")
}

fn param(name: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get(name))
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// The median and the largest of `times` (sorted in place).
fn median_and_worst(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let n = times.len();
    ((times[(n - 1) / 2] + times[n / 2]) / 2.0, times[n - 1])
}

/// Generates, indexes and queries (see the module docs); yields between the slices of
/// generating and parsing so that the page stays responsive.
pub async fn run() {
    let count =
        |name: &str, default: usize| param(name).and_then(|v| v.parse().ok()).unwrap_or(default);
    let descriptions = count("descriptions", 8_000);
    let list_rows = count("rows", 40_000);
    let seeds: Vec<String> = EXAMPLES
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    let mut docs: Vec<Document> = Vec::with_capacity(descriptions + list_rows);
    let mut bytes = 0usize;
    for chunk in corpus::descriptions(&seeds, descriptions).chunks(200) {
        for text in chunk {
            bytes += text.len();
            if let Ok(doc) = hankekuvaus::parse(text.as_bytes(), "bench.txt") {
                docs.push(doc);
            }
        }
        yield_now().await;
    }
    let rows = corpus::list_rows(&docs, list_rows);
    let described = docs.len();
    docs.extend(rows);

    // Indexing as the app does: one document at a time; the slowest single description is
    // what a slice can overrun its budget by. The rows (a fraction of a millisecond each)
    // are timed together.
    let mut index = Index::new();
    let mut slowest_add = 0.0f64;
    let mut build = [0.0f64; 2];
    for (i, doc) in docs[..described].iter().enumerate() {
        let start = now();
        index.add(i as u32, doc);
        let took = now() - start;
        slowest_add = slowest_add.max(took);
        build[0] += took;
    }
    let start = now();
    for (i, doc) in docs.iter().enumerate().skip(described) {
        index.add(i as u32, doc);
    }
    build[1] = now() - start;

    let mut query_times = Vec::new();
    let mut snippet_times = Vec::new();
    for text in corpus::QUERIES {
        let query = Query::parse(text, true).expect("the bench's queries parse");
        let mut runs = Vec::new();
        let mut with_snippets = Vec::new();
        for _ in 0..RUNS {
            let start = now();
            let hits = index.search(&query);
            runs.push(now() - start);
            for hit in hits.iter().take(SNIPPET_RESULTS) {
                let words = index.hit_words(&query, hit.doc);
                std::hint::black_box(words.snippets(&docs[hit.doc as usize], 2));
            }
            with_snippets.push(now() - start);
        }
        query_times.push(median_and_worst(&mut runs).0);
        snippet_times.push(median_and_worst(&mut with_snippets).0);
    }
    let (q_median, q_worst) = median_and_worst(&mut query_times);
    let (s_median, s_worst) = median_and_worst(&mut snippet_times);
    let json = format!(
        "{{\"descriptions\":{described},\"list_rows\":{list_rows},\"bytes\":{bytes},\
         \"build_descriptions_ms\":{},\"build_rows_ms\":{},\"slowest_add_ms\":{slowest_add},\
         \"query_median_ms\":{q_median},\"query_worst_ms\":{q_worst},\
         \"snippets_median_ms\":{s_median},\"snippets_worst_ms\":{s_worst},\
         \"terms\":{},\"index_bytes\":{}}}",
        build[0],
        build[1],
        index.term_count(),
        index.heap_bytes()
    );
    crate::browser::show_bench_result(&json);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_worst_of_times() {
        assert_eq!(median_and_worst(&mut [3.0, 1.0, 2.0]), (2.0, 3.0));
        assert_eq!(median_and_worst(&mut [4.0, 1.0, 2.0, 3.0]), (2.5, 4.0));
    }
}
