//! The aggregates' groups as small numbers: each row's groups (its regions, priority axis,
//! status and start year) are numbered once, when its row is made ([`of_row`]), so adding
//! up a programme's rows is indexing instead of hashing texts. The numbering is per thread
//! (the page has one): a group is numbered the first time any row is in it and keeps its
//! number.

use std::cell::RefCell;

use super::Dimension;
use crate::numbering::Numbering;

thread_local! {
    static NUMBERING: RefCell<Numbering<Dimension>> = RefCell::default();
}

/// The numbers of a row's groups: each of its regions once ("" when it has none), its axis,
/// its status key and its start year ("" for none of either).
pub fn of_row(
    regions: &[String],
    axis: Option<&str>,
    status_key: &str,
    start_year: Option<i32>,
) -> Box<[u32]> {
    NUMBERING.with_borrow_mut(|n| {
        let mut out = Vec::with_capacity(regions.len() + 3);
        for region in regions.iter().filter(|r| !r.is_empty()) {
            let id = n.id(Dimension::Region, region);
            if !out.contains(&id) {
                out.push(id);
            }
        }
        if out.is_empty() {
            out.push(n.id(Dimension::Region, ""));
        }
        out.push(n.id(Dimension::Axis, axis.unwrap_or("")));
        out.push(n.id(Dimension::Status, status_key));
        let year = start_year.map(|y| y.to_string()).unwrap_or_default();
        out.push(n.id(Dimension::StartYear, &year));
        out.into_boxed_slice()
    })
}

/// What `f` makes of each numbered group (its number, dimension and key), where it makes
/// something.
pub fn keys<T>(mut f: impl FnMut(u32, Dimension, &str) -> Option<T>) -> Vec<T> {
    NUMBERING.with_borrow(|n| {
        n.keys()
            .iter()
            .enumerate()
            .filter_map(|(id, (dimension, key))| f(id as u32, *dimension, key))
            .collect()
    })
}
