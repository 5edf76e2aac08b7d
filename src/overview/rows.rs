//! One row per loaded document, its precomputed data, and the duplicate codes among them.

use std::collections::HashMap;
use std::rc::Rc;

use hankekuvaus::{Amount, Document, Fund, Period, Status};

use super::filter::{code_key, text_key, SortKeys};
use super::group_ids;
use super::merge::{is_list_row, merge, Merged};
use super::{Column, AMOUNT_COLUMNS};
use crate::ingest::{Entry, Loaded};
use crate::matcher;
use crate::search::facet_ids;

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
    pub(super) haystack: String,
    /// The priority axis as written: "3. Työllisyys ja työvoiman liikkuvuus".
    pub axis: Option<String>,
    /// The year the project starts.
    pub start_year: Option<i32>,
    /// The filter key of the status (see [`status_key`]).
    pub status_key: String,
    /// Realised EU and state funding of granted, in percent.
    pub realized_vs_granted: Option<f64>,
    /// Sort keys made once: sorting thousands of rows compares each row many times.
    pub(super) keys: SortKeys,
    /// The numbers of its facet values ([`facet_ids`]), for counting the facets of the
    /// rows a query leaves.
    pub facets: Box<[u32]>,
    /// The numbers of its groups in the aggregates ([`group_ids`]).
    pub(super) group_ids: Box<[u32]>,
    /// The programme period.
    pub period: Option<Period>,
    /// Whether the project has its full description (not only a list row).
    pub described: bool,
    /// A description and a list row of the project as one, with their disagreements.
    pub merged: Option<Box<Merged>>,
    /// For merged data: the data of the row it replaced, whose filter choices stay offered
    /// (so that choices only grow while files arrive, as they do without merges).
    pub(super) replaced: Option<Rc<RowData>>,
}

impl RowData {
    fn new(loaded: &Rc<Loaded>) -> RowData {
        RowData::of(loaded, &loaded.doc)
    }

    /// The row data of a description (`description`) and a list row (`list`) of one
    /// project, replacing `replaced`, the data of the one that arrived first.
    fn merged(description: &Rc<Loaded>, list: &Loaded, replaced: &Rc<RowData>) -> RowData {
        let merged = merge(&description.doc, &list.doc);
        let mut data = RowData::of(description, &merged.header);
        data.merged = Some(Box::new(merged));
        data.replaced = Some(Rc::clone(replaced));
        data
    }

    fn of(loaded: &Rc<Loaded>, doc: &Document) -> RowData {
        let haystack = matcher::haystack(
            doc.project.code.as_deref().unwrap_or(""),
            &doc.source.file_name,
            Some(doc),
        );
        let f = &doc.funding;
        let axis = doc.project.priority_axis.as_ref().map(|a| match &a.number {
            Some(n) => format!("{n}. {}", a.name),
            None => a.name.clone(),
        });
        let status_key = status_key(doc);
        let group_ids = group_ids::of_row(
            &doc.area.regions,
            axis.as_deref(),
            &status_key,
            doc.start_year(),
        );
        RowData {
            loaded: Rc::clone(loaded),
            code: doc.project.code.as_deref().unwrap_or_default().to_owned(),
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
            axis,
            start_year: doc.start_year(),
            realized_vs_granted: doc.funding.realized_vs_granted_pct(),
            keys: SortKeys {
                code: code_key(doc.project.code.as_deref()),
                name: text_key(doc.project.name.as_deref()),
                status: text_key(Some(&status_key)),
                region: text_key(doc.area.regions.first().map(String::as_str)),
            },
            facets: facet_ids::of_doc(doc),
            group_ids,
            status_key,
            period: doc.kind.period,
            described: !is_list_row(doc),
            merged: None,
            replaced: None,
        }
    }

    /// The document: for a description and a list row merged, the merged one.
    pub fn doc(&self) -> &Document {
        match &self.merged {
            Some(m) => m.doc(&self.loaded.doc),
            None => &self.loaded.doc,
        }
    }

    /// The document's header (source, kind, project, applicant, summary, funding, area):
    /// for a description and a list row merged, the merged header, which unlike
    /// [`RowData::doc`] copies none of the description's long parts. What filters and
    /// facet counts over thousands of rows read.
    pub fn header(&self) -> &Document {
        match &self.merged {
            Some(m) => &m.header,
            None => &self.loaded.doc,
        }
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
        "interrupted" => Some(Status::Interrupted),
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
    /// For a description or list row merged into the row of its project that came first:
    /// that row's entry. Such a row is neither shown nor counted.
    pub merged_into: Option<usize>,
    /// The entry a click opens: for a merged pair the description's.
    pub opens: usize,
    /// The document and its precomputed keys.
    pub data: Rc<RowData>,
}

impl Row {
    /// The document.
    pub fn doc(&self) -> &Document {
        self.data.doc()
    }

    /// The document's header ([`RowData::header`]).
    pub fn header(&self) -> &Document {
        self.data.header()
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
        &mut Vec::new(),
    );
    rows
}

/// The row data of `rows` by document, for [`append_rows`] to reuse (not merged data: its
/// partner may be gone).
pub(crate) fn known_data(rows: &[Row]) -> HashMap<*const Loaded, Rc<RowData>> {
    rows.iter()
        .filter(|r| r.data.merged.is_none())
        .map(|r| (Rc::as_ptr(&r.data.loaded), Rc::clone(&r.data)))
        .collect()
}

/// Appends to `rows` the rows of the documents among `entries[from..]`, with row data from
/// `known` where the document had a row and made otherwise. `first_of_code` holds the list
/// index of the first document of each code among the rows so far, and grows with them.
/// A later document with the same code is merged into the first when one of the two is a
/// description and the other a list row and the first has no partner yet: the first's row
/// is replaced in place (its position pushed to `changed`) and the later one's row hidden.
/// Otherwise it is marked a duplicate of the first.
pub(crate) fn append_rows(
    rows: &mut Vec<Row>,
    first_of_code: &mut HashMap<String, usize>,
    entries: &[Entry],
    from: usize,
    known: &HashMap<*const Loaded, Rc<RowData>>,
    changed: &mut Vec<usize>,
) {
    for (i, entry) in entries.iter().enumerate().skip(from) {
        let Some(loaded) = entry.loaded() else {
            continue;
        };
        let data = match known.get(&Rc::as_ptr(loaded)) {
            Some(data) => Rc::clone(data),
            None => Rc::new(RowData::new(loaded)),
        };
        let mut row = Row {
            entry: i,
            duplicate_of: None,
            merged_into: None,
            opens: i,
            data,
        };
        if !row.data.code.is_empty() {
            let first = *first_of_code.entry(row.data.code.clone()).or_insert(i);
            if first != i {
                // Rows are in list order: the first's row is found by its entry.
                let at = rows.partition_point(|r| r.entry < first);
                if !merge_into(&mut rows[at], loaded, i) {
                    row.duplicate_of = Some(first);
                } else {
                    row.merged_into = Some(first);
                    changed.push(at);
                }
            }
        }
        rows.push(row);
    }
}

/// Merges the document `later` (entry `i`) into `first`'s row when one is a description
/// and the other a list row and `first` has no partner yet; returns whether it did.
fn merge_into(first: &mut Row, later: &Rc<Loaded>, i: usize) -> bool {
    let own = &first.data.loaded;
    if first.data.merged.is_some() || is_list_row(&own.doc) == is_list_row(&later.doc) {
        return false;
    }
    let (data, opens) = if is_list_row(&later.doc) {
        (RowData::merged(own, later, &first.data), first.entry)
    } else {
        (RowData::merged(later, own, &first.data), i)
    };
    first.data = Rc::new(data);
    first.opens = opens;
    true
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

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::ingest::ingest;
    use crate::overview::*;

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
}
