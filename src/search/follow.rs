//! The search index following the list of entries: documents added to the list are queued
//! and indexed a slice at a time ([`Follower::index_for`]), removed ones are taken out at
//! once, a cleared list clears the index. Each document keeps its id while it stays listed,
//! whatever its list index becomes.

use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;

use super::results::Found;
use super::{DocId, Engine};
use crate::ingest::{Entry, Loaded};

/// No id: a list index of a failure, an id of a removed document.
const NONE: u32 = u32::MAX;

/// The engine and what it knows of the list.
#[derive(Default)]
pub struct Follower {
    /// The search.
    pub engine: Engine,
    /// The list's generation and length last seen.
    generation: u64,
    seen: usize,
    /// Each listed document's id, by its `Rc`'s address (held in `engine` or `pending`, so
    /// the address is not reused while it is here).
    ids: HashMap<usize, DocId>,
    /// List index → id (`NONE` for failures).
    by_entry: Vec<u32>,
    /// Id → list index (`NONE` once removed).
    entry_of: Vec<u32>,
    /// Listed documents not indexed yet, in list order.
    pending: VecDeque<(DocId, Rc<Loaded>)>,
}

fn address(loaded: &Rc<Loaded>) -> usize {
    Rc::as_ptr(loaded) as usize
}

impl Follower {
    /// Follows the list: `generation` is `State::generation`, which changes with every change
    /// other than entries added at the end. New documents are queued; documents no longer
    /// listed leave the index now.
    pub fn follow(&mut self, entries: &[Entry], generation: u64) {
        let grown = generation == self.generation && entries.len() >= self.seen;
        if grown {
            for entry in &entries[self.seen..] {
                self.push(entry);
            }
        } else if entries.is_empty() {
            *self = Follower {
                engine: std::mem::take(&mut self.engine),
                ..Follower::default()
            };
            self.engine.clear();
        } else {
            self.relist(entries);
        }
        self.generation = generation;
        self.seen = entries.len();
    }

    /// The list changed other than at its end: ids are kept for documents still listed.
    fn relist(&mut self, entries: &[Entry]) {
        let listed: HashSet<usize> = entries
            .iter()
            .filter_map(|e| e.loaded().map(address))
            .collect();
        let gone: HashSet<DocId> = self
            .ids
            .iter()
            .filter(|(at, _)| !listed.contains(at))
            .map(|(_, &id)| id)
            .collect();
        self.ids.retain(|at, _| listed.contains(at));
        self.pending.retain(|(id, _)| !gone.contains(id));
        self.engine.remove(&gone.into_iter().collect::<Vec<_>>());
        self.by_entry.clear();
        self.entry_of.fill(NONE);
        for entry in entries {
            match entry
                .loaded()
                .and_then(|l| self.ids.get(&address(l)).copied())
            {
                Some(id) => {
                    self.entry_of[id as usize] = self.by_entry.len() as u32;
                    self.by_entry.push(id);
                }
                None => self.push(entry),
            }
        }
    }

    /// Lists one entry at the end: a document gets the next id and waits to be indexed.
    fn push(&mut self, entry: &Entry) {
        let index = self.by_entry.len() as u32;
        let Some(loaded) = entry.loaded() else {
            self.by_entry.push(NONE);
            return;
        };
        let id = self.entry_of.len() as DocId;
        self.entry_of.push(index);
        self.by_entry.push(id);
        self.ids.insert(address(loaded), id);
        self.pending.push_back((id, Rc::clone(loaded)));
    }

    /// Documents listed but not yet indexed.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Indexes queued documents until `budget` milliseconds of `now` have passed (at least
    /// one); returns whether any are left.
    pub fn index_for(&mut self, budget: f64, now: impl Fn() -> f64) -> bool {
        let start = now();
        while let Some((id, loaded)) = self.pending.pop_front() {
            self.engine.add(id, loaded);
            if now() - start >= budget {
                break;
            }
        }
        !self.pending.is_empty()
    }

    /// The id of the document at list index `entry`, when it is indexed or queued.
    pub fn id_of_entry(&self, entry: usize) -> Option<DocId> {
        self.by_entry.get(entry).copied().filter(|&id| id != NONE)
    }

    /// What `text` finds among the indexed documents, with list indices; `None` for a
    /// query without a word.
    pub fn found(&self, text: &str) -> Option<Found> {
        if text.trim().is_empty() {
            return None;
        }
        let answer = self.engine.query(text);
        Some(Found::new(answer, &self.entry_of, self.by_entry.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overview::test_support::{examples, variant};

    fn codes(f: &Follower, entries: &[Entry], q: &str) -> Vec<String> {
        let found = f.found(q).unwrap();
        let mut codes: Vec<String> = found
            .hits
            .iter()
            .map(|h| entries[h.entry].code().to_owned())
            .collect();
        codes.sort();
        codes
    }

    fn index_all(f: &mut Follower) {
        while f.index_for(40.0, || 0.0) {}
    }

    #[test]
    fn additions_are_indexed_in_slices_and_removals_and_clearing_are_followed() {
        let mut entries = examples();
        entries.insert(1, crate::loading::unreadable("kuva.png"));
        let mut f = Follower::default();
        f.follow(&entries[..3], 0);
        assert_eq!(f.pending(), 2, "the failure is not queued");
        // A clock that runs 50 ms per call: one document per slice of 40 ms.
        let clock = std::cell::Cell::new(0.0);
        let tick = || {
            clock.set(clock.get() + 50.0);
            clock.get()
        };
        assert!(f.index_for(40.0, tick), "one left after a slice");
        assert_eq!(f.engine.len(), 1);
        f.follow(&entries, 0);
        index_all(&mut f);
        assert_eq!(f.engine.len(), 5);
        assert_eq!(
            codes(&f, &entries, "maahanmuuttaja "),
            ["S20884", "S21498", "S22084"]
        );
        assert_eq!(f.id_of_entry(1), None);
        // Removing S20884 (list index 3) shifts the later entries; their ids stay.
        let id_of_last = f.id_of_entry(5).unwrap();
        let removed = entries.remove(3);
        assert_eq!(removed.code(), "S20884");
        f.follow(&entries, 1);
        assert_eq!(f.pending(), 0, "nothing is indexed again");
        assert_eq!(f.id_of_entry(4), Some(id_of_last));
        assert_eq!(codes(&f, &entries, "maahanmuuttaja "), ["S21498", "S22084"]);
        let found = f.found("maahanmuuttaja ").unwrap();
        assert!(found
            .hits
            .iter()
            .all(|h| !entries[h.entry].code().is_empty()));
        // A document added after the removal is found at its list index.
        entries.extend(variant("S30000", "Lappi", 1000));
        f.follow(&entries, 1);
        index_all(&mut f);
        assert_eq!(
            codes(&f, &entries, "maahanmuuttaja "),
            ["S21498", "S22084", "S30000"]
        );
        f.follow(&[], 2);
        assert!(f.engine.is_empty() && f.pending() == 0);
        assert!(f.found("  ").is_none());
        assert!(f.found("maahanmuuttaja").unwrap().hits.is_empty());
    }

    #[test]
    fn a_removal_while_documents_wait_drops_them_from_the_queue() {
        let mut entries = examples();
        let mut f = Follower::default();
        f.follow(&entries, 0);
        entries.truncate(2);
        f.follow(&entries, 1);
        assert_eq!(f.pending(), 2);
        index_all(&mut f);
        assert_eq!(f.engine.len(), 2);
    }
}
