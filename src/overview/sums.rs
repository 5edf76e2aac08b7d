//! Totals of the rows shown and the aggregates by region, priority axis, status and start
//! year; later documents with an already loaded code are left out.

use hankekuvaus::Amount;

use super::filter::code_key;
use super::group_ids;
use super::{Row, RowData};

/// Sums of the rows shown, duplicates not counted.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Totals {
    /// Number of rows counted.
    pub count: usize,
    /// Of those, the projects with their full description (not only a list row).
    pub described: usize,
    /// Sums of the four amounts, in [`AMOUNT_COLUMNS`](super::AMOUNT_COLUMNS) order (missing amounts count 0).
    pub sums: [Amount; 4],
    /// Realised of granted EU and state funding over the rows that have both, in percent.
    pub realized_vs_granted: Option<f64>,
}

/// Count and sums of rows, for the totals row and the aggregates, added up one row at a
/// time: from scratch for the rows shown, or the rows shown so far plus the rows that arrive.
/// Duplicates are left out so that a project loaded twice is not counted twice. Sums are kept
/// in 128 bits and clamped to 64 when read, so the order rows are added in does not matter and
/// nothing overflows (imported JSON may hold any amounts).
#[derive(Debug, Clone, Default)]
pub struct Sums {
    count: usize,
    described: usize,
    amounts: [i128; 4],
    /// Granted and realised EU and state funding of the rows that have both.
    granted_with_realized: i128,
    realized_with_granted: i128,
    /// The groups by their numbers ([`group_ids`]): regions, axes, statuses and years.
    by_group: Vec<GroupSums>,
}

/// The count and three sums of one group.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct GroupSums {
    count: isize,
    granted: i128,
    realized: i128,
    planned: i128,
}

impl GroupSums {
    /// Adds a row's figures (`add`) or takes them away.
    fn add(&mut self, d: &RowData, add: bool) {
        let [granted, realized, planned, _] = d.amounts.map(|a| signed(cents(a), add));
        self.count += if add { 1 } else { -1 };
        self.granted += granted;
        self.realized += realized;
        self.planned += planned;
    }

    fn group(&self, key: String) -> Group {
        Group {
            key,
            count: self.count.max(0) as usize,
            granted: clamp(self.granted),
            realized: clamp(self.realized),
            planned: clamp(self.planned),
        }
    }
}

/// `cents` to add (`add`) or to take away. Not a multiplication by ±1: 128-bit products
/// are calls to a library routine in WebAssembly, six or more per row added.
fn signed(cents: i128, add: bool) -> i128 {
    if add {
        cents
    } else {
        -cents
    }
}

/// An amount in cents, a missing one as 0.
fn cents(amount: Option<Amount>) -> i128 {
    i128::from(amount.unwrap_or(Amount::ZERO).cents())
}

/// A sum of cents as an amount, clamped to the largest one.
fn clamp(sum: i128) -> Amount {
    Amount::from_cents(i64::try_from(sum).unwrap_or(if sum < 0 { i64::MIN } else { i64::MAX }))
}

impl Sums {
    /// The sums of the rows `shown` of `rows`.
    pub fn of(rows: &[Row], shown: &[usize]) -> Sums {
        let mut sums = Sums::default();
        for &i in shown {
            sums.add(&rows[i]);
        }
        sums
    }

    /// Adds one row (nothing for a duplicate or a row merged into another).
    pub fn add(&mut self, row: &Row) {
        self.apply(row, true);
    }

    /// Takes away one row added before (a row replaced in place by a merge).
    pub fn remove(&mut self, row: &Row) {
        self.apply(row, false);
    }

    fn apply(&mut self, row: &Row, add: bool) {
        if row.duplicate_of.is_some() || row.merged_into.is_some() {
            return;
        }
        let d = &row.data;
        let one = if add { 1 } else { -1 };
        self.count = self.count.wrapping_add_signed(one);
        if d.described {
            self.described = self.described.wrapping_add_signed(one);
        }
        for (sum, amount) in self.amounts.iter_mut().zip(d.amounts) {
            *sum += signed(cents(amount), add);
        }
        if let [g @ Some(_), r @ Some(_), ..] = d.amounts {
            self.granted_with_realized += signed(cents(g), add);
            self.realized_with_granted += signed(cents(r), add);
        }
        // Numbered groups rather than maps by text: hashing four texts per row made most of
        // the time of adding up a programme's 44,000 rows.
        for &id in d.group_ids.iter() {
            let id = id as usize;
            if id >= self.by_group.len() {
                self.by_group.resize(id + 1, GroupSums::default());
            }
            self.by_group[id].add(d, add);
        }
    }

    /// The totals row.
    pub fn totals(&self) -> Totals {
        let ratio = (self.granted_with_realized != 0)
            .then(|| self.realized_with_granted as f64 * 100.0 / self.granted_with_realized as f64);
        Totals {
            count: self.count,
            described: self.described,
            sums: self.amounts.map(clamp),
            realized_vs_granted: ratio,
        }
    }

    /// The groups of one aggregate. Years and axes come in their order, regions and statuses
    /// by granted funding, the largest first; the group of projects without a value comes
    /// last.
    pub fn groups(&self, dimension: Dimension) -> Vec<Group> {
        // A group whose rows were all taken away is left out, as if never met.
        let mut groups: Vec<Group> = group_ids::keys(|id, of, key| {
            let g = self.by_group.get(id as usize).filter(|g| g.count != 0)?;
            (of == dimension).then(|| g.group(key.to_owned()))
        });
        groups.sort_by(|a, b| {
            let empty = a.key.is_empty().cmp(&b.key.is_empty());
            let by_value = match dimension {
                Dimension::StartYear => a
                    .key
                    .parse::<i32>()
                    .unwrap_or(i32::MAX)
                    .cmp(&b.key.parse().unwrap_or(i32::MAX)),
                Dimension::Axis => code_key(Some(&a.key)).cmp(&code_key(Some(&b.key))),
                Dimension::Region | Dimension::Status => b.granted.cmp(&a.granted),
            };
            empty.then(by_value).then_with(|| a.key.cmp(&b.key))
        });
        groups
    }
}

/// The dimensions the aggregates group by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Maakunta: a project with several regions counts in each.
    Region,
    /// Toimintalinja.
    Axis,
    /// Toiminnan tila.
    Status,
    /// The year the project starts.
    StartYear,
}

impl Dimension {
    /// Every dimension, in display order.
    pub const ALL: [Dimension; 4] = [
        Dimension::Region,
        Dimension::Axis,
        Dimension::Status,
        Dimension::StartYear,
    ];

    /// The stable key: `data-dimension`.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Region => "region",
            Dimension::Axis => "axis",
            Dimension::Status => "status",
            Dimension::StartYear => "start_year",
        }
    }
}

/// One group of an aggregate: its key and the count and sums of its projects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The region, axis as written, status key or year; "" for projects without one.
    pub key: String,
    /// Number of projects.
    pub count: usize,
    /// Granted EU and state funding.
    pub granted: Amount,
    /// Realised EU and state funding.
    pub realized: Amount,
    /// Planned public funding.
    pub planned: Amount,
}

/// The largest of the three sums over all groups: the scale of a chart.
pub fn aggregate_max(groups: &[Group]) -> Amount {
    groups
        .iter()
        .flat_map(|g| [g.granted, g.realized, g.planned])
        .max()
        .unwrap_or(Amount::ZERO)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{examples, variant};
    use super::*;
    use crate::overview::{build_rows, shown_rows, Filter, Sort};

    #[test]
    fn totals_of_the_rows_shown() {
        let entries = examples();
        let rows = build_rows(&[], &entries);
        let all = shown_rows(&rows, &Filter::default(), Sort::default());
        let t = Sums::of(&rows, &all).totals();
        assert_eq!(t.count, 5);
        let sum: i64 = rows
            .iter()
            .map(|r| r.doc().funding.granted_eu_state.map_or(0, Amount::cents))
            .sum();
        assert_eq!(t.sums[0], Amount::from_cents(sum));
        let one = shown_rows(
            &rows,
            &Filter {
                text: "S21498".into(),
                ..Filter::default()
            },
            Sort::default(),
        );
        let t = Sums::of(&rows, &one).totals();
        assert_eq!(t.count, 1);
        assert_eq!(t.sums, [48_724, 48_724, 69_606, 69_606].map(Amount::euros));
        assert_eq!(t.realized_vs_granted, Some(100.0));
        assert_eq!(Sums::of(&rows, &[]).totals().realized_vs_granted, None);
    }

    #[test]
    fn aggregates_count_a_project_in_each_of_its_regions() {
        let mut entries = examples();
        entries.extend(variant("S30000", "Ahvenanmaa, Kainuu", 1000));
        entries.extend(variant("S30001", "Ahvenanmaa", 500));
        entries.extend(variant("S30001", "Ahvenanmaa", 500));
        let rows = build_rows(&[], &entries);
        let all: Vec<usize> = (0..rows.len()).collect();
        let regions = Sums::of(&rows, &all).groups(Dimension::Region);
        let aland = regions.iter().find(|g| g.key == "Ahvenanmaa").unwrap();
        assert_eq!(
            (aland.count, aland.granted),
            (2, Amount::euros(1500)),
            "the duplicate is not counted"
        );
        let kainuu = regions.iter().find(|g| g.key == "Kainuu").unwrap();
        assert_eq!((kainuu.count, kainuu.granted), (1, Amount::euros(1000)));
        assert!(regions
            .windows(2)
            .all(|w| w[0].granted >= w[1].granted || w[1].key.is_empty()));
        let years = Sums::of(&rows, &all).groups(Dimension::StartYear);
        assert!(years.windows(2).all(|w| w[0].key < w[1].key));
        assert_eq!(years.iter().map(|g| g.count).sum::<usize>(), 7);
        let statuses = Sums::of(&rows, &all).groups(Dimension::Status);
        assert_eq!(statuses.iter().map(|g| g.count).sum::<usize>(), 7);
        let axes = Sums::of(&rows, &all).groups(Dimension::Axis);
        assert_eq!(axes.iter().map(|g| g.count).sum::<usize>(), 7);
        let total_granted: i64 = statuses.iter().map(|g| g.granted.cents()).sum();
        assert_eq!(
            Amount::from_cents(total_granted),
            Sums::of(&rows, &all).totals().sums[0]
        );
        assert!(aggregate_max(&regions) >= aland.granted);
    }
}
