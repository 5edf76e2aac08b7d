//! Sorting the rows shown by a column, fast enough for a whole programme (44,000 rows) in
//! the page's size-optimised WebAssembly, in the order of [`compare`](super::compare).

use std::cmp::Ordering;

use super::{Column, Row, RowData, Sort};

/// Sorts the row indices `shown` by `sort`, in the order of [`compare`](super::compare):
/// missing values last in either direction, ties in list order.
///
/// Each row's key is read once into a list beside its index and the list is sorted:
/// comparing rows directly follows three pointers per row per comparison, and sorting a
/// programme's rows that way took a main-thread task of 104 ms in the browser. Text columns
/// go further ([`by_text`]).
pub fn sort_shown(rows: &[Row], shown: &mut [usize], sort: Sort) {
    let d = sort.descending;
    match sort.column {
        Column::Code => by(rows, shown, d, |r| {
            let (letters, number, code) = r.keys.code.as_ref()?;
            Some((prefix(letters), letters, *number, prefix(code), code))
        }),
        Column::Name => by_text(rows, shown, d, |r| r.keys.name.as_deref()),
        Column::Fund => by(rows, shown, d, |r| r.fund),
        Column::Period => by(rows, shown, d, |r| r.period),
        Column::Status => by_text(rows, shown, d, |r| r.keys.status.as_deref()),
        Column::Start => by_text(rows, shown, d, |r| r.start_date.as_deref()),
        Column::End => by_text(rows, shown, d, |r| r.end_date.as_deref()),
        Column::Regions => by_text(rows, shown, d, |r| r.keys.region.as_deref()),
        Column::RealizedVsGranted => by(rows, shown, d, |r| r.realized_vs_granted),
        amount => by(rows, shown, d, |r| r.amount(amount)),
    }
}

/// Sorts by any key: missing keys last, ties by list entry.
fn by<'a, K: PartialOrd + 'a>(
    rows: &'a [Row],
    shown: &mut [usize],
    descending: bool,
    key: impl Fn(&'a RowData) -> Option<K>,
) {
    let mut keyed: Vec<(Option<K>, usize, usize)> = shown
        .iter()
        .map(|&i| (key(&rows[i].data), rows[i].entry, i))
        .collect();
    // No two rows are equal (ties go by list entry), so an unstable sort gives the one
    // order.
    keyed.sort_unstable_by(|(a, ea, _), (b, eb, _)| {
        let ord = match (a, b) {
            (Some(a), Some(b)) => directed(a.partial_cmp(b).unwrap_or(Ordering::Equal), descending),
            // Missing values last in either direction.
            _ => a.is_none().cmp(&b.is_none()),
        };
        ord.then(ea.cmp(eb))
    });
    for (slot, (_, _, i)) in shown.iter_mut().zip(keyed) {
        *slot = i;
    }
}

/// Sorts by a text key, eight bytes at a time. Each row becomes one 128-bit number: eight
/// bytes of its text ([`chunk`], inverted when descending) above its row index. Those
/// numbers sort as plain integers, with no comparison function; rows whose eight bytes are
/// the same and whose texts differ are then sorted by the next eight, and so on. Rows are
/// in list order, so the index below breaks ties as the list entry does. (By a comparison
/// function, sorting a programme's names took 40–50 ms of a task in the browser: the
/// app is built for size, and the function is not inlined.)
fn by_text<'a>(
    rows: &'a [Row],
    shown: &mut [usize],
    descending: bool,
    key: impl Fn(&'a RowData) -> Option<&'a str>,
) {
    let text = |i: usize| key(&rows[i].data).unwrap_or_default();
    let mut missing: Vec<usize> = Vec::new();
    let mut present: Vec<usize> = Vec::with_capacity(shown.len());
    for &i in shown.iter() {
        match key(&rows[i].data) {
            Some(_) => present.push(i),
            None => missing.push(i),
        }
    }
    sort_texts(rows, &mut present, 0, descending, &text);
    missing.sort_unstable();
    shown[..present.len()].copy_from_slice(&present);
    shown[present.len()..].copy_from_slice(&missing);
}

/// Sorts the rows `run`, whose texts agree on their first `at` bytes, by their texts from
/// byte `at` on (see [`by_text`]).
fn sort_texts<'t>(
    rows: &[Row],
    run: &mut [usize],
    at: usize,
    descending: bool,
    text: &impl Fn(usize) -> &'t str,
) {
    if run.len() < 2 {
        return;
    }
    let first = text(run[0]);
    if run.iter().all(|&i| text(i) == first) {
        run.sort_unstable();
        return;
    }
    if run.iter().all(|&i| text(i).len() <= at) {
        // Texts that differ only in trailing zero bytes, which the numbers cannot tell.
        run.sort_unstable_by(|&a, &b| {
            directed(text(a).cmp(text(b)), descending).then(rows[a].entry.cmp(&rows[b].entry))
        });
        return;
    }
    let flip = if descending { u64::MAX } else { 0 };
    let mut packed: Vec<u128> = run
        .iter()
        .map(|&i| u128::from(chunk(text(i), at) ^ flip) << 64 | i as u128)
        .collect();
    packed.sort_unstable();
    for (slot, &p) in run.iter_mut().zip(&packed) {
        *slot = p as u64 as usize;
    }
    let mut start = 0;
    for same in packed.chunk_by(|a, b| a >> 64 == b >> 64) {
        let end = start + same.len();
        sort_texts(rows, &mut run[start..end], at + 8, descending, text);
        start = end;
    }
}

fn directed(ord: Ordering, descending: bool) -> Ordering {
    if descending {
        ord.reverse()
    } else {
        ord
    }
}

/// The first eight bytes of `s` as a big-endian number, zeros after a shorter text: two
/// texts whose numbers differ are in the order of their numbers.
fn prefix(s: &str) -> u64 {
    chunk(s, 0)
}

/// Bytes `at..at + 8` of `s` as a big-endian number, zeros past its end: of two texts that
/// agree before `at`, the one with the smaller number comes first.
fn chunk(s: &str, at: usize) -> u64 {
    let tail = s.as_bytes().get(at..).unwrap_or_default();
    let mut bytes = [0u8; 8];
    let n = tail.len().min(8);
    bytes[..n].copy_from_slice(&tail[..n]);
    u64::from_be_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::EXAMPLES;
    use crate::ingest::ingest;
    use crate::overview::{build_rows, compare};

    /// Seed 000 under names that share their first eight bytes and differ after them, that
    /// repeat, and that are missing, given in reverse list order.
    #[test]
    fn text_columns_sort_as_compare_orders_them() {
        let seed = String::from_utf8(EXAMPLES[0].1.to_vec()).unwrap();
        let name = "FeelSafe - asiakaspalveluturvallisuuden kehittämishanke";
        let names = [
            "Kehittämishanke B",
            "kehittämishanke a",
            "Kehittämishanke B",
            "Kehittäm",
            "",
            "Äes",
            "kehittämishanke ä",
            "Aaa",
            "",
            "Kehittämishanke B",
            "kehittämishankeet",
        ];
        let mut entries = Vec::new();
        for (k, n) in names.iter().enumerate() {
            let text = seed
                .replace("S21498", &format!("S3{k:04}"))
                .replace(name, n);
            entries.extend(ingest(&format!("{k}.txt"), text.as_bytes()));
        }
        let rows = build_rows(&[], &entries);
        for column in [
            Column::Name,
            Column::Start,
            Column::Regions,
            Column::Status,
            Column::Code,
        ] {
            for descending in [false, true] {
                let sort = Sort { column, descending };
                let mut shown: Vec<usize> = (0..rows.len()).rev().collect();
                sort_shown(&rows, &mut shown, sort);
                let mut expected: Vec<usize> = (0..rows.len()).collect();
                expected.sort_by(|&i, &j| compare(&rows, sort, i, j));
                assert_eq!(shown, expected, "{sort:?}");
            }
        }
        // The names in order, the missing ones last.
        let mut by_name: Vec<usize> = (0..rows.len()).collect();
        sort_shown(
            &rows,
            &mut by_name,
            Sort {
                column: Column::Name,
                descending: false,
            },
        );
        let first = &rows[by_name[0]].doc().project.name;
        assert_eq!(first.as_deref(), Some("Aaa"));
        assert!(rows[*by_name.last().unwrap()].doc().project.name.is_none());
    }

    #[test]
    fn a_text_and_its_prefix_number_order_as_the_text() {
        let texts = [
            "",
            "a",
            "ab",
            "ab\0",
            "abcdefgh",
            "abcdefgh1",
            "abcdefgi",
            "abcdefg",
            "hanke ä",
            "hanke å",
            "hanke z",
            "hankeäää",
            "hankeä",
            "s21498",
            "s9",
            "Ö",
        ];
        for a in texts {
            for b in texts {
                let by_prefix = (prefix(a), a).cmp(&(prefix(b), b));
                assert_eq!(by_prefix, a.cmp(b), "{a:?} {b:?}");
            }
        }
    }
}
