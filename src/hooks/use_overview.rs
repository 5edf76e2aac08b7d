//! The overview rows of the list, made for new entries only while the list just grows, and
//! the duplicate codes among them.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::ingest::Entry;
use crate::overview::live::{RowLog, Rows};
use crate::overview::{duplicates, Duplicate};

/// The rows and their duplicates.
pub struct OverviewData {
    /// One row per loaded document.
    pub rows: Rows,
    /// Documents listed after another with the same code.
    pub duplicates: Rc<Vec<Duplicate>>,
    /// The list indices of those documents, for the list's marker.
    pub duplicate_entries: Rc<BTreeSet<usize>>,
}

/// The overview data of `entries`; `generation` is `State::generation` (a change other than
/// entries added at the end makes the rows anew).
#[hook]
pub fn use_overview(entries: &Rc<Vec<Entry>>, generation: u64) -> OverviewData {
    let log = use_mut_ref(RowLog::default);
    let rows = log.borrow_mut().update(entries, generation);
    // The rows change whenever the list does.
    let found = {
        let entries = Rc::clone(entries);
        use_memo(rows.clone(), move |rows| {
            let found = Rc::new(duplicates(&rows.all, &entries));
            let at: BTreeSet<usize> = found.iter().map(|d| d.entry).collect();
            (found, Rc::new(at))
        })
    };
    OverviewData {
        rows,
        duplicates: Rc::clone(&found.0),
        duplicate_entries: Rc::clone(&found.1),
    }
}
