//! The overview of all loaded documents as a pure view model: one row per document,
//! duplicate codes, filters and the choices they offer, sorting by any column, totals of the
//! rows shown, aggregates by region, priority axis, status and start year, the visible
//! window of a virtualised table, and the exports of the rows shown.
//!
//! Nothing here touches the DOM; the overview components only render what these functions
//! return, and the tests below run natively.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::rc::Rc;

use hankekuvaus::export::{self, CsvDialect};
use hankekuvaus::{Amount, Document, Fund, Outcome, Status};

use crate::ingest::{Entry, Loaded};

pub mod live;

/// What of a document the overview needs, computed once per document (rows are rebuilt on
/// every change of the list, these are reused).
///
/// Filtering, sorting, the filter choices, the totals and the aggregates read only these
/// fields, never the document: they pass over every row on each batch of a long load, and
/// thousands of documents spread over hundreds of megabytes of memory make each visit to a
/// document a cache miss (measured natively with 8,000 documents: the passes took 55 ms
/// reading the documents, a fraction of that reading these).
#[derive(Debug)]
pub struct RowData {
    /// The document.
    pub loaded: Rc<Loaded>,
    /// The project code as written; "" without one.
    pub code: String,
    /// ESR or EAKR.
    pub fund: Option<Fund>,
    /// Maakunnat.
    pub regions: Vec<String>,
    /// Planned start and end dates (ISO).
    pub start_date: Option<String>,
    /// Planned end date (ISO).
    pub end_date: Option<String>,
    /// The four amounts, in [`AMOUNT_COLUMNS`] order.
    pub amounts: [Option<Amount>; 4],
    /// Lower-case code, name, applicant, regions and file name, for the text filter.
    haystack: String,
    /// The priority axis as written: "3. Työllisyys ja työvoiman liikkuvuus".
    pub axis: Option<String>,
    /// The year the project starts.
    pub start_year: Option<i32>,
    /// The filter key of the status (see [`status_key`]).
    pub status_key: String,
    /// Realised EU and state funding of granted, in percent.
    pub realized_vs_granted: Option<f64>,
    /// Sort keys made once: sorting thousands of rows compares each row many times.
    keys: SortKeys,
}

/// The keys of the text columns (see [`text_key`] and [`code_key`]).
#[derive(Debug)]
struct SortKeys {
    code: Option<(String, u64, String)>,
    name: Option<String>,
    status: Option<String>,
    region: Option<String>,
}

impl RowData {
    fn new(loaded: &Rc<Loaded>) -> RowData {
        let doc = &loaded.doc;
        let mut haystack = String::new();
        for part in [
            doc.project.code.as_deref(),
            doc.project.name.as_deref(),
            doc.applicant.name.as_deref(),
            Some(doc.source.file_name.as_str()),
        ]
        .into_iter()
        .flatten()
        .chain(doc.area.regions.iter().map(String::as_str))
        {
            haystack.push_str(&part.to_lowercase());
            haystack.push('\n');
        }
        let f = &doc.funding;
        RowData {
            loaded: Rc::clone(loaded),
            code: doc.project.code.clone().unwrap_or_default(),
            fund: doc.kind.fund,
            regions: doc.area.regions.clone(),
            start_date: doc.project.start_date.clone(),
            end_date: doc.project.end_date.clone(),
            amounts: [
                f.granted_eu_state,
                f.realized_eu_state,
                f.planned_public_total,
                f.realized_public_total,
            ],
            haystack,
            axis: doc.project.priority_axis.as_ref().map(|a| match &a.number {
                Some(n) => format!("{n}. {}", a.name),
                None => a.name.clone(),
            }),
            start_year: doc.start_year(),
            status_key: status_key(doc),
            realized_vs_granted: doc.funding.realized_vs_granted_pct(),
            keys: SortKeys {
                code: code_key(doc.project.code.as_deref()),
                name: text_key(doc.project.name.as_deref()),
                status: text_key(Some(&status_key(doc))),
                region: text_key(doc.area.regions.first().map(String::as_str)),
            },
        }
    }

    /// The document.
    pub fn doc(&self) -> &Document {
        &self.loaded.doc
    }

    /// The amount of an amount column; `None` for the other columns.
    pub fn amount(&self, column: Column) -> Option<Amount> {
        let i = AMOUNT_COLUMNS.iter().position(|&c| c == column)?;
        self.amounts[i]
    }
}

/// The filter key of a document's status: "ended", "active", the status as written when it
/// is neither, or "" without one.
pub fn status_key(doc: &Document) -> String {
    match (doc.project.status, doc.project.status_text.as_deref()) {
        (Some(s), _) => s.as_str().to_owned(),
        (None, Some(w)) => w.trim().to_owned(),
        (None, None) => String::new(),
    }
}

/// The status of a filter key, for its label (`None` for a status as written).
pub fn status_of_key(key: &str) -> Option<Status> {
    match key {
        "ended" => Some(Status::Ended),
        "active" => Some(Status::Active),
        _ => None,
    }
}

/// One row of the overview: a loaded document at its place in the list.
#[derive(Debug, Clone)]
pub struct Row {
    /// Index of the entry in the document list.
    pub entry: usize,
    /// For a document whose code an earlier document already has: that document's index.
    /// Such a row is shown and marked but not counted in totals and aggregates.
    pub duplicate_of: Option<usize>,
    /// The document and its precomputed keys.
    pub data: Rc<RowData>,
}

impl Row {
    /// The document.
    pub fn doc(&self) -> &Document {
        self.data.doc()
    }
}

/// The overview rows of the list's documents made in one go, in list order (failures have
/// none), reusing the row data of `previous`: what the app's [`live::RowLog`] makes step by
/// step, for the tests to check it and the view model against.
#[cfg(test)]
pub(crate) fn build_rows(previous: &[Row], entries: &[Entry]) -> Vec<Row> {
    let mut rows = Vec::with_capacity(entries.len());
    append_rows(
        &mut rows,
        &mut HashMap::new(),
        entries,
        0,
        &known_data(previous),
    );
    rows
}

/// The row data of `rows` by document, for [`append_rows`] to reuse.
pub(crate) fn known_data(rows: &[Row]) -> HashMap<*const Loaded, Rc<RowData>> {
    rows.iter()
        .map(|r| (Rc::as_ptr(&r.data.loaded), Rc::clone(&r.data)))
        .collect()
}

/// Appends to `rows` the rows of the documents among `entries[from..]`, with row data from
/// `known` where the document had a row and made otherwise. `first_of_code` holds the list
/// index of the first document of each code among the rows so far, and grows with them: a
/// later document with the same code is marked a duplicate of it.
pub(crate) fn append_rows(
    rows: &mut Vec<Row>,
    first_of_code: &mut HashMap<String, usize>,
    entries: &[Entry],
    from: usize,
    known: &HashMap<*const Loaded, Rc<RowData>>,
) {
    for (i, entry) in entries.iter().enumerate().skip(from) {
        let Some(loaded) = entry.loaded() else {
            continue;
        };
        let data = match known.get(&Rc::as_ptr(loaded)) {
            Some(data) => Rc::clone(data),
            None => Rc::new(RowData::new(loaded)),
        };
        let duplicate_of = if data.code.is_empty() {
            None
        } else {
            let first = *first_of_code.entry(data.code.clone()).or_insert(i);
            (first != i).then_some(first)
        };
        rows.push(Row {
            entry: i,
            duplicate_of,
            data,
        });
    }
}

/// A document listed after another with the same project code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The project code.
    pub code: String,
    /// The list index of the duplicate.
    pub entry: usize,
    /// Its file name.
    pub file_name: String,
    /// The list index of the first document with the code, the one that counts.
    pub first: usize,
    /// The first document's file name.
    pub first_file_name: String,
}

/// The duplicates among the rows, in list order.
pub fn duplicates(rows: &[Row], entries: &[Entry]) -> Vec<Duplicate> {
    rows.iter()
        .filter_map(|r| {
            let first = r.duplicate_of?;
            Some(Duplicate {
                code: r.data.code.clone(),
                entry: r.entry,
                file_name: r.doc().source.file_name.clone(),
                first,
                first_file_name: entries.get(first)?.file_name().to_owned(),
            })
        })
        .collect()
}

/// The columns of the overview table, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Hankekoodi.
    Code,
    /// Hankkeen nimi.
    Name,
    /// ESR or EAKR.
    Fund,
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
    pub const ALL: [Column; 12] = [
        Column::Code,
        Column::Name,
        Column::Fund,
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

/// Text keys compare case-insensitively; Finnish å, ä and ö come after z, as they do
/// by code point once lower-cased.
fn text_key(s: Option<&str>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty()).map(str::to_lowercase)
}

/// Compares two rows by a column. Missing values compare as `None`; the caller puts them
/// last in either direction.
fn column_key_cmp(column: Column, a: &Row, b: &Row) -> (Option<Ordering>, bool, bool) {
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
        Column::Status => cmp_opt(ka.status.as_ref(), kb.status.as_ref()),
        Column::Start => cmp_opt(da.start_date.as_deref(), db.start_date.as_deref()),
        Column::End => cmp_opt(da.end_date.as_deref(), db.end_date.as_deref()),
        Column::Regions => cmp_opt(ka.region.as_ref(), kb.region.as_ref()),
        Column::RealizedVsGranted => cmp_opt(da.realized_vs_granted, db.realized_vs_granted),
        amount => cmp_opt(da.amount(amount), db.amount(amount)),
    }
}

/// A code sorts by its letter, then by its number as a number (S9 before S10).
fn code_key(code: Option<&str>) -> Option<(String, u64, String)> {
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
    /// A status key ([`status_key`]).
    pub status: String,
    /// "ESR" or "EAKR".
    pub fund: String,
    /// A priority axis as written.
    pub axis: String,
    /// A start year.
    pub year: Option<i32>,
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
    }

    /// Whether a row passes every filter.
    pub fn matches(&self, row: &Row, words: &[String]) -> bool {
        let d = &row.data;
        words.iter().all(|w| d.haystack.contains(w.as_str()))
            && (self.region.is_empty() || d.regions.contains(&self.region))
            && (self.status.is_empty() || d.status_key == self.status)
            && (self.fund.is_empty() || d.fund.map(|f| f.as_str()) == Some(&self.fund))
            && (self.axis.is_empty() || d.axis.as_deref() == Some(&self.axis))
            && (self.year.is_none() || d.start_year == self.year)
    }
}

/// The rows shown: those passing `filter`, sorted by `sort`, as indices into `rows`. Missing
/// values go last in either direction; ties keep list order.
pub fn shown_rows(rows: &[Row], filter: &Filter, sort: Sort) -> Vec<usize> {
    let mut shown = matching(rows, filter, 0..rows.len());
    shown.sort_by(|&i, &j| compare(rows, sort, i, j));
    shown
}

/// Those of the rows `range` that pass `filter`.
pub fn matching(rows: &[Row], filter: &Filter, range: Range<usize>) -> Vec<usize> {
    let words: Vec<String> = filter
        .text
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    range
        .filter(|&i| filter.matches(&rows[i], &words))
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

/// Sums of the rows shown, duplicates not counted.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Totals {
    /// Number of rows counted.
    pub count: usize,
    /// Sums of the four amounts, in [`AMOUNT_COLUMNS`] order (missing amounts count 0).
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
    amounts: [i128; 4],
    /// Granted and realised EU and state funding of the rows that have both.
    granted_with_realized: i128,
    realized_with_granted: i128,
    /// Regions, axes and statuses ("" for none).
    by_text: [HashMap<String, GroupSums>; 3],
    by_year: HashMap<Option<i32>, GroupSums>,
}

/// The count and three sums of one group.
#[derive(Debug, Clone, Copy, Default)]
struct GroupSums {
    count: usize,
    granted: i128,
    realized: i128,
    planned: i128,
}

impl GroupSums {
    fn add(&mut self, d: &RowData) {
        let [granted, realized, planned, _] = d.amounts.map(cents);
        self.count += 1;
        self.granted += granted;
        self.realized += realized;
        self.planned += planned;
    }

    fn group(&self, key: String) -> Group {
        Group {
            key,
            count: self.count,
            granted: clamp(self.granted),
            realized: clamp(self.realized),
            planned: clamp(self.planned),
        }
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

    /// Adds one row (nothing for a duplicate).
    pub fn add(&mut self, row: &Row) {
        if row.duplicate_of.is_some() {
            return;
        }
        let d = &row.data;
        self.count += 1;
        for (sum, amount) in self.amounts.iter_mut().zip(d.amounts) {
            *sum += cents(amount);
        }
        if let [g @ Some(_), r @ Some(_), ..] = d.amounts {
            self.granted_with_realized += cents(g);
            self.realized_with_granted += cents(r);
        }
        let [regions, axes, statuses] = &mut self.by_text;
        // A project with several regions counts in each (once, however often listed).
        let mut counted = 0;
        for (k, region) in d.regions.iter().enumerate() {
            if region.is_empty() || d.regions[..k].contains(region) {
                continue;
            }
            group(regions, region).add(d);
            counted += 1;
        }
        if counted == 0 {
            group(regions, "").add(d);
        }
        group(axes, d.axis.as_deref().unwrap_or("")).add(d);
        group(statuses, &d.status_key).add(d);
        self.by_year.entry(d.start_year).or_default().add(d);
    }

    /// The totals row.
    pub fn totals(&self) -> Totals {
        let ratio = (self.granted_with_realized != 0)
            .then(|| self.realized_with_granted as f64 * 100.0 / self.granted_with_realized as f64);
        Totals {
            count: self.count,
            sums: self.amounts.map(clamp),
            realized_vs_granted: ratio,
        }
    }

    /// The groups of one aggregate. Years and axes come in their order, regions and statuses
    /// by granted funding, the largest first; the group of projects without a value comes
    /// last.
    pub fn groups(&self, dimension: Dimension) -> Vec<Group> {
        let mut groups: Vec<Group> = match dimension {
            Dimension::StartYear => self
                .by_year
                .iter()
                .map(|(year, g)| g.group(year.map(|y| y.to_string()).unwrap_or_default()))
                .collect(),
            text => {
                let index = match text {
                    Dimension::Region => 0,
                    Dimension::Axis => 1,
                    _ => 2,
                };
                self.by_text[index]
                    .iter()
                    .map(|(key, g)| g.group(key.clone()))
                    .collect()
            }
        };
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

/// The group of `key`, made when first met (looked up by the borrowed key: most rows add to
/// a group that exists).
fn group<'a>(groups: &'a mut HashMap<String, GroupSums>, key: &str) -> &'a mut GroupSums {
    if !groups.contains_key(key) {
        groups.insert(key.to_owned(), GroupSums::default());
    }
    groups.get_mut(key).expect("inserted above")
}

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

/// The documents of the rows shown, in the order shown.
pub fn shown_docs<'a>(rows: &'a [Row], shown: &'a [usize]) -> impl Iterator<Item = &'a Document> {
    shown.iter().map(move |&i| rows[i].doc())
}

/// The summary CSV of the rows shown: the same columns as the CLI's `--format csv`
/// (`csv-fi` for [`CsvDialect::ExcelFi`]: semicolons, decimal comma and a UTF-8 BOM).
pub fn export_csv(rows: &[Row], shown: &[usize], dialect: CsvDialect) -> String {
    export::summary_csv(shown_docs(rows, shown), dialect)
}

/// The documents of the rows shown as one JSON array, as "Download all" and the CLI's
/// `--format json` write it.
pub fn export_json(rows: &[Row], shown: &[usize]) -> String {
    let outcomes: Vec<Outcome> = shown_docs(rows, shown)
        .map(|d| Outcome::Document(Box::new(d.clone())))
        .collect();
    export::outcomes_json(&outcomes)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::EXAMPLES;
    use crate::ingest::ingest;

    fn examples() -> Vec<Entry> {
        EXAMPLES
            .iter()
            .flat_map(|(name, bytes)| ingest(name, bytes))
            .collect()
    }

    fn codes(rows: &[Row], shown: &[usize]) -> Vec<String> {
        shown
            .iter()
            .map(|&i| rows[i].doc().project.code.clone().unwrap_or_default())
            .collect()
    }

    /// Seed 000 with another code, name, region and amounts.
    fn variant(code: &str, region: &str, granted: u32) -> Vec<Entry> {
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

    #[test]
    fn rows_of_documents_only_and_reused() {
        let mut entries = examples();
        entries.extend(ingest("kuva.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        let rows = build_rows(&[], &entries);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[4].entry, 4);
        entries.insert(0, ingest("roska.bin", b"\0\x01\x02binary\0\0").remove(0));
        let again = build_rows(&rows, &entries);
        assert_eq!(again[0].entry, 1, "indices follow the list");
        assert!(
            Rc::ptr_eq(&again[2].data, &rows[2].data),
            "a listed document's row data is reused"
        );
    }

    #[test]
    fn duplicates_keep_the_first() {
        let mut entries = examples();
        entries.extend(variant("S20516", "Lappi", 1000));
        entries.extend(variant("S99999", "Lappi", 1000));
        entries.extend(variant("S20516", "Kainuu", 5));
        let rows = build_rows(&[], &entries);
        let dups = duplicates(&rows, &entries);
        assert_eq!(dups.len(), 2);
        assert_eq!(dups[0].code, "S20516");
        assert_eq!((dups[0].entry, dups[0].first), (5, 1));
        assert_eq!(dups[0].first_file_name, "001_d1fd5f1036f524e3.txt");
        assert_eq!(dups[1].entry, 7);
        assert!(rows[1].duplicate_of.is_none(), "the first is kept");
        let all: Vec<usize> = (0..rows.len()).collect();
        let t = Sums::of(&rows, &all).totals();
        assert_eq!(t.count, 6, "duplicates are not counted");
    }

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
    fn the_visible_window() {
        assert_eq!(visible_window(0.0, 400.0, 40.0, 8000, 5), 0..16);
        assert_eq!(visible_window(4000.0, 400.0, 40.0, 8000, 5), 95..116);
        assert_eq!(visible_window(1e9, 400.0, 40.0, 8000, 5), 8000..8000);
        assert_eq!(visible_window(319_800.0, 400.0, 40.0, 8000, 5), 7990..8000);
        assert_eq!(visible_window(0.0, 400.0, 40.0, 3, 5), 0..3);
        assert_eq!(visible_window(-50.0, 400.0, 40.0, 0, 5), 0..0);
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

    #[test]
    fn exports_of_the_rows_shown() {
        let entries = examples();
        let rows = build_rows(&[], &entries);
        let shown = shown_rows(
            &rows,
            &Filter::default(),
            Sort {
                column: Column::Code,
                descending: true,
            },
        );
        let csv = export_csv(&rows, &shown[..2], CsvDialect::Plain);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].starts_with("file_name,code,name"));
        assert_eq!(lines.len(), 4, "header, two rows, final empty");
        assert!(lines[1].contains(",S22257,"));
        let fi = export_csv(&rows, &shown, CsvDialect::ExcelFi);
        assert!(fi.starts_with("\u{FEFF}file_name;code;"));
        assert!(fi.contains(";29,8\r\n"), "decimal comma: {fi}");
        let json = export_json(&rows, &shown[..1]);
        let back = hankekuvaus::import::import_json(&json).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(
            back[0],
            Outcome::Document(Box::new(rows[shown[0]].doc().clone()))
        );
    }

    #[test]
    fn labels_are_shortened() {
        assert_eq!(shorten("Lappi", 10), "Lappi");
        assert_eq!(shorten("Pohjois-Pohjanmaa", 8), "Pohjois…");
    }
}
