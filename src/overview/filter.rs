//! What the rows are filtered and sorted by: the columns, the sort, the filter and the
//! choices it offers.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::ops::Range;

use super::sorting::sort_shown;
use super::{Row, RowData};
use crate::matcher::Query;

/// The columns of the overview table, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Hankekoodi.
    Code,
    /// Hankkeen nimi.
    Name,
    /// ESR or EAKR.
    Fund,
    /// The programme period.
    Period,
    /// Toiminnan tila.
    Status,
    /// Planned start.
    Start,
    /// Planned end.
    End,
    /// Maakunnat.
    Regions,
    /// Granted EU and state funding.
    Granted,
    /// Realised EU and state funding.
    RealizedEuState,
    /// Planned public funding.
    PlannedPublic,
    /// Realised public funding.
    RealizedPublic,
    /// Realised of granted, percent.
    RealizedVsGranted,
}

impl Column {
    /// Every column, in display order.
    pub const ALL: [Column; 13] = [
        Column::Code,
        Column::Name,
        Column::Fund,
        Column::Period,
        Column::Status,
        Column::Start,
        Column::End,
        Column::Regions,
        Column::Granted,
        Column::RealizedEuState,
        Column::PlannedPublic,
        Column::RealizedPublic,
        Column::RealizedVsGranted,
    ];

    /// The stable key, as in the summary CSV's header: `data-column`.
    pub fn key(self) -> &'static str {
        match self {
            Column::Code => "code",
            Column::Name => "name",
            Column::Fund => "fund",
            Column::Period => "period",
            Column::Status => "status",
            Column::Start => "start_date",
            Column::End => "end_date",
            Column::Regions => "regions",
            Column::Granted => "granted_eu_state",
            Column::RealizedEuState => "realized_eu_state",
            Column::PlannedPublic => "planned_public_total",
            Column::RealizedPublic => "realized_public_total",
            Column::RealizedVsGranted => "realized_vs_granted_pct",
        }
    }

    /// Whether the column holds numbers (right-aligned, first sorted largest first).
    pub fn numeric(self) -> bool {
        matches!(
            self,
            Column::Granted
                | Column::RealizedEuState
                | Column::PlannedPublic
                | Column::RealizedPublic
                | Column::RealizedVsGranted
        )
    }
}

/// The four amount columns.
pub const AMOUNT_COLUMNS: [Column; 4] = [
    Column::Granted,
    Column::RealizedEuState,
    Column::PlannedPublic,
    Column::RealizedPublic,
];

/// How the rows are sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The column.
    pub column: Column,
    /// Largest (or last) first.
    pub descending: bool,
}

impl Default for Sort {
    /// List order of codes: by code, ascending.
    fn default() -> Self {
        Sort {
            column: Column::Code,
            descending: false,
        }
    }
}

impl Sort {
    /// The sort after the header button of `column` is pressed: the same column flips, a new
    /// one starts ascending (text) or descending (numbers, the largest first).
    pub fn toggled(self, column: Column) -> Sort {
        if self.column == column {
            Sort {
                column,
                descending: !self.descending,
            }
        } else {
            Sort {
                column,
                descending: column.numeric(),
            }
        }
    }

    /// `aria-sort` of a column header.
    pub fn aria(self, column: Column) -> &'static str {
        match (self.column == column, self.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }
}

/// The keys of the text columns (see [`text_key`] and [`code_key`]).
#[derive(Debug)]
pub(super) struct SortKeys {
    pub(super) code: Option<(String, u64, String)>,
    pub(super) name: Option<String>,
    pub(super) status: Option<String>,
    pub(super) region: Option<String>,
}

/// Text keys compare case-insensitively; Finnish å, ä and ö come after z, as they do
/// by code point once lower-cased.
pub(super) fn text_key(s: Option<&str>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty()).map(str::to_lowercase)
}

/// Compares two rows by a column. Missing values compare as `None`; the caller puts them
/// last in either direction.
pub(super) fn column_key_cmp(column: Column, a: &Row, b: &Row) -> (Option<Ordering>, bool, bool) {
    fn cmp_opt<T: PartialOrd>(a: Option<T>, b: Option<T>) -> (Option<Ordering>, bool, bool) {
        let (an, bn) = (a.is_none(), b.is_none());
        match (a, b) {
            (Some(a), Some(b)) => (a.partial_cmp(&b), false, false),
            _ => (None, an, bn),
        }
    }
    let (da, db) = (&a.data, &b.data);
    let (ka, kb) = (&da.keys, &db.keys);
    match column {
        Column::Code => cmp_opt(ka.code.as_ref(), kb.code.as_ref()),
        Column::Name => cmp_opt(ka.name.as_ref(), kb.name.as_ref()),
        Column::Fund => cmp_opt(da.fund, db.fund),
        Column::Period => cmp_opt(da.period, db.period),
        Column::Status => cmp_opt(ka.status.as_ref(), kb.status.as_ref()),
        Column::Start => cmp_opt(da.start_date.as_deref(), db.start_date.as_deref()),
        Column::End => cmp_opt(da.end_date.as_deref(), db.end_date.as_deref()),
        Column::Regions => cmp_opt(ka.region.as_ref(), kb.region.as_ref()),
        Column::RealizedVsGranted => cmp_opt(da.realized_vs_granted, db.realized_vs_granted),
        amount => cmp_opt(da.amount(amount), db.amount(amount)),
    }
}

/// A code sorts by its letter, then by its number as a number (S9 before S10).
pub(super) fn code_key(code: Option<&str>) -> Option<(String, u64, String)> {
    let code = code?.trim();
    if code.is_empty() {
        return None;
    }
    let split = code
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(code.len());
    let (prefix, rest) = code.split_at(split);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((
        prefix.to_uppercase(),
        digits.parse().unwrap_or(u64::MAX),
        code.to_uppercase(),
    ))
}

/// What the rows are filtered by. Empty strings and `None` filter nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words that must all appear in the code, name, applicant, regions or file name.
    pub text: String,
    /// A region (maakunta) the project covers.
    pub region: String,
    /// A status key ([`status_key`](super::rows::status_key)).
    pub status: String,
    /// "ESR" or "EAKR".
    pub fund: String,
    /// A priority axis as written.
    pub axis: String,
    /// A start year.
    pub year: Option<i32>,
    /// A programme period ("2014-2020").
    pub period: String,
}

impl Filter {
    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty()
            || !self.region.is_empty()
            || !self.status.is_empty()
            || !self.fund.is_empty()
            || !self.axis.is_empty()
            || self.year.is_some()
            || !self.period.is_empty()
    }

    /// Whether a row passes every filter (never a row merged into another's).
    pub fn matches(&self, row: &Row, query: &Query) -> bool {
        let d = &row.data;
        row.merged_into.is_none()
            && query.matches(&d.haystack)
            && (self.region.is_empty() || d.regions.contains(&self.region))
            && (self.status.is_empty() || d.status_key == self.status)
            && (self.fund.is_empty() || d.fund.map(|f| f.as_str()) == Some(&self.fund))
            && (self.axis.is_empty() || d.axis.as_deref() == Some(&self.axis))
            && (self.year.is_none() || d.start_year == self.year)
            && (self.period.is_empty() || d.period.map(|p| p.as_str()) == Some(&self.period))
    }
}

/// The rows shown: those passing `filter`, sorted by `sort`, as indices into `rows`. Missing
/// values go last in either direction; ties keep list order.
pub fn shown_rows(rows: &[Row], filter: &Filter, sort: Sort) -> Vec<usize> {
    let mut shown = matching(rows, filter, 0..rows.len());
    sort_shown(rows, &mut shown, sort);
    shown
}

/// Those of the rows `range` that pass `filter`.
pub fn matching(rows: &[Row], filter: &Filter, range: Range<usize>) -> Vec<usize> {
    let query = Query::new(&filter.text);
    range
        .filter(|&i| filter.matches(&rows[i], &query))
        .collect()
}

/// The order of rows `i` and `j` under `sort`: missing values last in either direction,
/// ties in list order (so no two rows are equal).
pub fn compare(rows: &[Row], sort: Sort, i: usize, j: usize) -> Ordering {
    let (a, b) = (&rows[i], &rows[j]);
    let (ord, a_missing, b_missing) = column_key_cmp(sort.column, a, b);
    let ord = match ord {
        Some(o) if sort.descending => o.reverse(),
        Some(o) => o,
        None => a_missing.cmp(&b_missing),
    };
    ord.then(a.entry.cmp(&b.entry))
}

/// The choices of the filter selects, from every row (not only those shown), sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterOptions {
    /// Regions (maakunnat).
    pub regions: BTreeSet<String>,
    /// Status keys.
    pub statuses: BTreeSet<String>,
    /// Funds ("ESR", "EAKR").
    pub funds: BTreeSet<String>,
    /// Priority axes as written.
    pub axes: BTreeSet<String>,
    /// Start years.
    pub years: BTreeSet<i32>,
    /// Programme periods ("2014-2020").
    pub periods: BTreeSet<String>,
}

impl FilterOptions {
    /// Adds the choices one row offers; returns whether any is new.
    pub fn add(&mut self, d: &RowData) -> bool {
        fn insert(set: &mut BTreeSet<String>, value: &str) -> bool {
            // Looked up before copied: nearly every row offers choices already there.
            !value.is_empty() && !set.contains(value) && set.insert(value.to_owned())
        }
        let mut new = false;
        for region in &d.regions {
            new |= insert(&mut self.regions, region);
        }
        new |= insert(&mut self.statuses, &d.status_key);
        if let Some(f) = d.fund {
            new |= insert(&mut self.funds, f.as_str());
        }
        if let Some(a) = &d.axis {
            new |= insert(&mut self.axes, a);
        }
        if let Some(y) = d.start_year {
            new |= self.years.insert(y);
        }
        if let Some(p) = d.period {
            new |= insert(&mut self.periods, p.as_str());
        }
        if let Some(replaced) = &d.replaced {
            new |= self.add(replaced);
        }
        new
    }
}

/// The filter choices the loaded documents offer.
pub fn filter_options(rows: &[Row]) -> FilterOptions {
    let mut options = FilterOptions::default();
    for row in rows {
        options.add(&row.data);
    }
    options
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::examples::EXAMPLES;
    use crate::ingest::ingest;
    use crate::overview::*;

    #[test]
    fn sorting_by_each_column_with_missing_values_last() {
        let entries = examples();
        let mut rows = build_rows(&[], &entries);
        let by = |rows: &[Row], column, descending| {
            codes(
                rows,
                &shown_rows(rows, &Filter::default(), Sort { column, descending }),
            )
        };
        assert_eq!(
            by(&rows, Column::Code, false),
            ["S20516", "S20884", "S21498", "S22084", "S22257"]
        );
        assert_eq!(
            by(&rows, Column::Code, true),
            ["S22257", "S22084", "S21498", "S20884", "S20516"]
        );
        // S22257 granted 309 800, S21498 48 724 (smallest).
        let granted = by(&rows, Column::Granted, true);
        assert_eq!(granted.last().map(String::as_str), Some("S21498"));
        for column in Column::ALL {
            for descending in [false, true] {
                assert_eq!(by(&rows, column, descending).len(), 5, "{column:?}");
            }
        }
        // A document without a granted amount sorts last both ways.
        let mut entries = entries;
        let text = String::from_utf8(EXAMPLES[1].1.to_vec())
            .unwrap()
            .replace("S20516", "S10000");
        let text = text
            .lines()
            .filter(|l| !l.starts_with("Myönnetty EU- ja valtion rahoitus"))
            .collect::<Vec<_>>()
            .join("\n");
        entries.extend(ingest("puuttuu.txt", text.as_bytes()));
        rows = build_rows(&rows, &entries);
        assert_eq!(by(&rows, Column::Granted, true).last().unwrap(), "S10000");
        assert_eq!(by(&rows, Column::Granted, false).last().unwrap(), "S10000");
        assert_eq!(
            by(&rows, Column::RealizedVsGranted, false).last().unwrap(),
            "S10000"
        );
    }

    #[test]
    fn codes_sort_by_number() {
        assert!(code_key(Some("S9")) < code_key(Some("S10")));
        assert!(code_key(Some("A99999")) < code_key(Some("S1")));
        assert_eq!(code_key(Some(" ")), None);
    }

    #[test]
    fn toggling_a_header() {
        let s = Sort::default();
        assert_eq!(s.aria(Column::Code), "ascending");
        assert_eq!(s.aria(Column::Name), "none");
        let s = s.toggled(Column::Code);
        assert_eq!(s.aria(Column::Code), "descending");
        let s = s.toggled(Column::Granted);
        assert_eq!((s.column, s.descending), (Column::Granted, true));
        let s = s.toggled(Column::Name);
        assert_eq!((s.column, s.descending), (Column::Name, false));
    }

    #[test]
    fn filters_and_their_choices() {
        let mut entries = examples();
        entries.extend(variant("S30000", "Lappi, Kainuu", 1000));
        let rows = build_rows(&[], &entries);
        let options = filter_options(&rows);
        assert!(options.regions.contains("Lappi"));
        assert!(options.regions.contains("Kainuu"));
        assert_eq!(options.funds.iter().collect::<Vec<_>>(), ["ESR"]);
        assert!(options.statuses.contains("ended"));
        let mut again = options.clone();
        assert!(!again.add(&rows[0].data), "a row offers nothing new twice");
        let shown = |f: &Filter| codes(&rows, &shown_rows(&rows, f, Sort::default()));
        let region = Filter {
            region: "Kainuu".into(),
            ..Filter::default()
        };
        assert_eq!(shown(&region), ["S30000"]);
        let text = Filter {
            text: "FEELSAFE  s21498".into(),
            ..Filter::default()
        };
        assert_eq!(shown(&text), ["S21498"]);
        let active = Filter {
            status: "active".into(),
            ..Filter::default()
        };
        let active_codes = shown(&active);
        assert!(active_codes.contains(&"S22257".to_owned()));
        assert!(!active_codes.contains(&"S21498".to_owned()));
        let year = Filter {
            year: Some(2019),
            ..Filter::default()
        };
        assert!(shown(&year).contains(&"S21498".to_owned()));
        let axis = Filter {
            axis: options.axes.first().unwrap().clone(),
            ..Filter::default()
        };
        assert!(!shown(&axis).is_empty());
        let none = Filter {
            fund: "EAKR".into(),
            ..Filter::default()
        };
        assert!(shown(&none).is_empty());
        assert!(!Filter::default().is_active());
        assert!(!Filter {
            text: "  ".into(),
            ..Filter::default()
        }
        .is_active());
        assert!(none.is_active());
    }
}
