//! The search index following the list of entries: documents added to the list are queued
//! and indexed a slice at a time ([`Follower::index_for`]), removed ones are taken out at
//! once, a cleared list clears the index. Each document keeps its id while it stays listed,
//! whatever its list index becomes.

use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;

use super::results::Found;
use super::{DocId, Engine};
use crate::browser::IdlePeriod;
use crate::ingest::{Entry, Loaded};

/// No id: a list index of a failure, an id of a removed document.
const NONE: u32 = u32::MAX;

/// Words indexed between looks at the clock: a few milliseconds of work in the browser,
/// small next to a slice's budget, so a slice overruns it by little even inside a document
/// of millions of words.
const STEP_WORDS: usize = 4096;

/// The longest slice of indexing (milliseconds), as parsing's.
const SLICE_MS: f64 = 40.0;

/// A slice while files are loading, or run because its idle callback's timeout passed
/// (the page is busy), lasts this long (milliseconds): indexing then only keeps moving.
const BUSY_SLICE_MS: f64 = 8.0;

/// How long the indexing slice run in `idle` may last (milliseconds): what is left of the
/// idle period, within [`SLICE_MS`]; [`BUSY_SLICE_MS`] while files are `loading` or when
/// the page was not idle; [`SLICE_MS`] without idle callbacks (`None`), where slices follow
/// zero-delay timeouts.
///
/// While files load, the reads, the parsing and the overview's renders are what the user
/// waits for, and the index catches up once they are done. Measured with 8,000 files (three
/// runs each): with slices taking turns with the loader, the overview listed all in
/// 4.9-5.4 s and the index was complete 0.05 s later; with idle-period slices of up to
/// 40 ms, 4.0-4.4 s and 0.5 s later; with only short slices while loading, the overview
/// 0.15-0.2 s sooner again, the index complete at the same moment.
pub fn slice_budget(idle: Option<IdlePeriod>, loading: bool) -> f64 {
    match idle {
        None => SLICE_MS,
        Some(idle) if loading || idle.timed_out => BUSY_SLICE_MS,
        Some(idle) => idle.left_ms.clamp(1.0, SLICE_MS),
    }
}

/// The engine and what it knows of the list.
#[derive(Default)]
pub struct Follower {
    /// The search.
    pub engine: Engine,
    /// The list's generation and length last seen.
    generation: u64,
    seen: usize,
    /// Each listed document's id, by its `Rc`'s address (held in `engine`, also while it is
    /// being added, or in `pending`, so the address is not reused while it is here).
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

    /// Documents listed but not yet indexed, with the one half indexed.
    pub fn pending(&self) -> usize {
        self.pending.len() + usize::from(self.engine.is_adding())
    }

    /// Indexes queued documents until `budget` milliseconds of `now` have passed (at least
    /// one step of `STEP_WORDS` words), stopping inside a long document and going on with
    /// it at the next call; returns whether any are left.
    pub fn index_for(&mut self, budget: f64, now: impl Fn() -> f64) -> bool {
        let start = now();
        loop {
            if !self.engine.is_adding() {
                let Some((id, loaded)) = self.pending.pop_front() else {
                    break;
                };
                self.engine.start_add(id, loaded);
            }
            self.engine.add_step(STEP_WORDS);
            if now() - start >= budget {
                break;
            }
        }
        self.pending() > 0
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

    #[test]
    fn slices_last_what_is_left_of_an_idle_period_within_the_bounds() {
        let idle = |left_ms, timed_out| Some(IdlePeriod { left_ms, timed_out });
        assert_eq!(slice_budget(idle(12.5, false), false), 12.5);
        assert_eq!(slice_budget(idle(49.9, false), false), SLICE_MS);
        assert_eq!(slice_budget(idle(0.0, false), false), 1.0);
        assert_eq!(slice_budget(idle(0.0, true), false), BUSY_SLICE_MS);
        assert_eq!(
            slice_budget(idle(49.9, false), true),
            BUSY_SLICE_MS,
            "loading"
        );
        assert_eq!(slice_budget(None, false), SLICE_MS);
        assert_eq!(slice_budget(None, true), SLICE_MS);
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
        // One document per slice.
        assert!(f.index_for(40.0, ticking()), "one left after a slice");
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

    /// A clock that runs 50 ms per call: one step per slice of 40 ms.
    fn ticking() -> impl Fn() -> f64 {
        let clock = std::cell::Cell::new(0.0);
        move || {
            clock.set(clock.get() + 50.0);
            clock.get()
        }
    }

    /// One description of tens of thousands of words: the examples five times over, with
    /// a word of its own at the very end.
    fn long_entry() -> Entry {
        let once: String = crate::examples::EXAMPLES
            .iter()
            .map(|(_, bytes)| std::str::from_utf8(bytes).unwrap())
            .collect();
        let text = once.repeat(5) + "\nKaukovainio\n";
        crate::ingest::ingest("pitka.txt", text.as_bytes())
            .pop()
            .unwrap()
    }

    #[test]
    fn a_long_document_is_indexed_over_several_slices() {
        let entries = vec![long_entry()];
        let mut f = Follower::default();
        f.follow(&entries, 0);
        let tick = ticking();
        let mut slices = 1;
        while f.index_for(40.0, &tick) {
            assert_eq!(f.pending(), 1, "counted while half indexed");
            assert!(f.engine.is_empty());
            assert!(f.found("kaukovainio ").unwrap().hits.is_empty());
            slices += 1;
        }
        assert!(slices > 5, "in {slices} slices");
        assert_eq!(f.pending(), 0);
        assert_eq!(f.found("kaukovainio ").unwrap().hits.len(), 1);
    }

    #[test]
    fn a_document_removed_while_half_indexed_is_dropped() {
        let mut entries = vec![long_entry()];
        entries.extend(examples().into_iter().take(1));
        let mut f = Follower::default();
        f.follow(&entries, 0);
        assert!(f.index_for(40.0, ticking()));
        assert_eq!(f.pending(), 2);
        entries.remove(0);
        f.follow(&entries, 1);
        assert_eq!(f.pending(), 1, "only the one still listed");
        index_all(&mut f);
        assert_eq!(f.engine.len(), 1);
        assert!(f.found("kaukovainio ").unwrap().hits.is_empty());
        assert_eq!(codes(&f, &entries, "maahanmuuttaja "), [entries[0].code()]);
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
