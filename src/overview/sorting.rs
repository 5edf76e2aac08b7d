//! Sorting the rows shown by a column, fast enough for a whole programme (44,000 rows) in
//! the page's size-optimised WebAssembly, in the order of [`compare`](super::compare).

use std::cmp::Ordering;

use super::{Column, Row, RowData, Sort};

/// Sorts the row indices `shown` by `sort`, in the order of [`compare`](super::compare):
/// missing values last in either direction, ties in list order.
///
/// Each row's key is read once into a list beside its index and the list is sorted:
/// comparing rows directly follows three pointers per row per comparison, and sorting a
/// programme's rows that way took a main-thread task of 104 ms in the browser. A text key
/// goes into the list with its first eight bytes as a number (`text`).
pub fn sort_shown(rows: &[Row], shown: &mut [usize], sort: Sort) {
    let d = sort.descending;
    match sort.column {
        Column::Code => by(rows, shown, d, |r| {
            let (letters, number, code) = r.keys.code.as_ref()?;
            Some((prefix(letters), letters, *number, prefix(code), code))
        }),
        Column::Name => by(rows, shown, d, |r| text(r.keys.name.as_deref())),
        Column::Fund => by(rows, shown, d, |r| r.fund),
        Column::Period => by(rows, shown, d, |r| r.period),
        Column::Status => by(rows, shown, d, |r| text(r.keys.status.as_deref())),
        Column::Start => by(rows, shown, d, |r| text(r.start_date.as_deref())),
        Column::End => by(rows, shown, d, |r| text(r.end_date.as_deref())),
        Column::Regions => by(rows, shown, d, |r| text(r.keys.region.as_deref())),
        Column::RealizedVsGranted => by(rows, shown, d, |r| r.realized_vs_granted),
        amount => by(rows, shown, d, |r| r.amount(amount)),
    }
}

/// A text key with its first eight bytes as a number before it: most comparisons then read
/// no string (sorting a programme's names as text alone took a task of 122 ms in the
/// browser). The pair orders as the text does.
fn text(s: Option<&str>) -> Option<(u64, &str)> {
    s.map(|s| (prefix(s), s))
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
    let mut bytes = [0u8; 8];
    let n = s.len().min(8);
    bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
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
