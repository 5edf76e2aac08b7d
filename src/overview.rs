//! The overview of all loaded documents as a pure view model: one row per document,
//! duplicate codes, filters and the choices they offer, sorting by any column, totals of the
//! rows shown, aggregates by region, priority axis, status and start year, the visible
//! window of a virtualised table, and the exports of the rows shown.
//!
//! Nothing here touches the DOM; the overview components only render what these functions
//! return, and the tests below run natively.
//!
//! Modules: [`rows`] (one row per document, duplicates), [`filter`] (columns, sort, filter
//! and its choices), [`sorting`] (the rows shown in a column's order), [`sums`] (totals and
//! aggregates), [`group_ids`] (their groups numbered per row), [`exports`] (CSV and JSON of
//! the rows shown), [`cells`] (a row's cells as text), [`merge`] (a description and a list
//! row of one project as one) and [`live`] (keeping it all up to date as files arrive).

use std::ops::Range;

pub mod cells;
pub mod columns;
pub mod exports;
pub mod filter;
pub mod group_ids;
pub mod live;
pub mod merge;
pub mod rows;
pub mod sorting;
pub mod sums;

pub use exports::*;
pub use filter::*;
pub use rows::*;
pub use sorting::sort_shown;
pub use sums::*;

/// The rows of the virtualised table to put in the DOM: those that intersect the viewport
/// (`scroll_top` and `viewport` in pixels, rows `row_height` high) and `buffer` more on each
/// side, clamped to `count`.
pub fn visible_window(
    scroll_top: f64,
    viewport: f64,
    row_height: f64,
    count: usize,
    buffer: usize,
) -> Range<usize> {
    if count == 0 || row_height <= 0.0 {
        return 0..0;
    }
    let first = (scroll_top.max(0.0) / row_height).floor() as usize;
    let visible = (viewport.max(0.0) / row_height).ceil() as usize + 1;
    let start = first.saturating_sub(buffer).min(count);
    let end = first
        .saturating_add(visible)
        .saturating_add(buffer)
        .min(count);
    start..end.max(start)
}

/// Shortens a label to `max` characters with an ellipsis (chart labels).
pub fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Entries the tests of the overview's modules share.
#[cfg(test)]
pub(crate) mod test_support {
    use super::Row;
    use crate::examples::EXAMPLES;
    use crate::ingest::{ingest, Entry};

    pub(crate) fn examples() -> Vec<Entry> {
        EXAMPLES
            .iter()
            .flat_map(|(name, bytes)| ingest(name, bytes))
            .collect()
    }

    /// The examples and their rows.
    pub(crate) fn example_rows() -> (Vec<Entry>, Vec<Row>) {
        let entries = examples();
        let rows = super::build_rows(&[], &entries);
        (entries, rows)
    }

    pub(crate) fn codes(rows: &[Row], shown: &[usize]) -> Vec<String> {
        shown
            .iter()
            .map(|&i| {
                rows[i]
                    .doc()
                    .project
                    .code
                    .as_deref()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    }

    /// Seed 000 with another code, name, region and amounts.
    pub(crate) fn variant(code: &str, region: &str, granted: u32) -> Vec<Entry> {
        let text = String::from_utf8(EXAMPLES[0].1.to_vec()).unwrap();
        let text = text
            .replace("S21498", code)
            .replace("Maakunnat: Etelä-Savo", &format!("Maakunnat: {region}"))
            .replace(
                "Myönnetty EU- ja valtion rahoitus: 48 724",
                &format!("Myönnetty EU- ja valtion rahoitus: {granted}"),
            );
        ingest(&format!("{code}.txt"), text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_visible_window() {
        assert_eq!(visible_window(0.0, 400.0, 40.0, 8000, 5), 0..16);
        assert_eq!(visible_window(4000.0, 400.0, 40.0, 8000, 5), 95..116);
        assert_eq!(visible_window(1e9, 400.0, 40.0, 8000, 5), 8000..8000);
        assert_eq!(visible_window(319_800.0, 400.0, 40.0, 8000, 5), 7990..8000);
        assert_eq!(visible_window(0.0, 400.0, 40.0, 3, 5), 0..3);
        assert_eq!(visible_window(-50.0, 400.0, 40.0, 0, 5), 0..0);
    }

    #[test]
    fn labels_are_shortened() {
        assert_eq!(shorten("Lappi", 10), "Lappi");
        assert_eq!(shorten("Pohjois-Pohjanmaa", 8), "Pohjois…");
    }
}
