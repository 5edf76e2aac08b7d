//! The inverted index: interned terms, packed postings, one slot per added document.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;

use hankekuvaus::{Document, Fund, Period, Status};

use crate::postings::Postings;
use crate::text::Analyzer;
use crate::units::Field;

mod adding;

use adding::{Adding, Buffers};

/// Most word forms the index caches while adding (a few MB).
const MAX_FORMS: usize = 100_000;

/// The caller's number for a document: a list index, an entry id. Any `u32`, any order.
pub type DocId = u32;

/// One added document: where its numbers are kept.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    pub id: DocId,
    pub live: bool,
    /// Words indexed (the length BM25 normalises by).
    pub len: u32,
    /// Its field runs in [`Index::runs`].
    runs: (u32, u32),
    /// What `rahasto:`, `kausi:`, `tila:` and `vuosi:` test.
    pub attrs: Attrs,
}

/// A document's values that queries test directly rather than through words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Attrs {
    pub fund: Option<Fund>,
    pub period: Option<Period>,
    pub status: Option<Status>,
    pub start_year: Option<i32>,
}

/// A full-text index of documents, built incrementally.
///
/// Documents are added one at a time with [`Index::add`], in any order and interleaved
/// with searches, so an app can index files while they load; a long document can be added
/// in steps of bounded work ([`Index::start_add`], [`Index::add_step`]). [`Index::remove`] and
/// [`Index::clear`] take them out. The index keeps no text: snippets and hit locations are
/// made from the [`Document`] when needed ([`Index::hit_words`],
/// [`crate::HitWords::snippets`]).
pub struct Index {
    analyzer: Analyzer,
    /// Term → its id, sorted, so that prefixes are a range.
    pub(crate) terms: BTreeMap<Box<str>, u32>,
    pub(crate) postings: Vec<Postings>,
    pub(crate) slots: Vec<Slot>,
    by_id: HashMap<DocId, u32>,
    /// For each slot, the positions where a new field starts: `(first position, field)`.
    runs: Vec<(u32, Field)>,
    /// Sum of the lengths of the live documents.
    pub(crate) live_len: u64,
    dead: u32,
    /// Words as written (lower-cased) → term id: most words of a text have been seen
    /// before, and a look-up here is much cheaper than stemming and the sorted
    /// dictionary. Cleared when it grows past [`MAX_FORMS`] and when ids change.
    forms: FxHashMap<Box<str>, u32>,
    /// The document being added in steps, if any.
    adding: Option<Box<Adding>>,
    /// The buffers of the last add, kept for the next.
    spare: Buffers,
    /// Per term id: the [`Index::generation`] that last met it and its group in that add.
    marks: Vec<(u32, u32)>,
    /// Numbers the adds, so that [`Index::marks`] never needs clearing.
    generation: u32,
}

impl Default for Index {
    fn default() -> Self {
        Index::new()
    }
}

impl Index {
    /// An empty index.
    pub fn new() -> Index {
        Index {
            analyzer: Analyzer::new(),
            terms: BTreeMap::new(),
            postings: Vec::new(),
            slots: Vec::new(),
            by_id: HashMap::new(),
            runs: Vec::new(),
            live_len: 0,
            dead: 0,
            forms: FxHashMap::default(),
            adding: None,
            spare: Buffers::default(),
            marks: Vec::new(),
            generation: 0,
        }
    }

    /// Number of documents in the index.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether the index has no documents.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Whether a document with this id is in the index.
    pub fn contains(&self, id: DocId) -> bool {
        self.by_id.contains_key(&id)
    }

    /// Indexes every text of `doc` under `id`, replacing what `id` had: all steps of
    /// [`Index::start_add`] at once.
    pub fn add(&mut self, id: DocId, doc: &Document) {
        self.start_add(id, doc);
        while !self.add_step(doc, usize::MAX) {}
    }

    /// Takes a document out, or drops it while it is being added; `false` when `id` was
    /// neither.
    pub fn remove(&mut self, id: DocId) -> bool {
        if self.adding() == Some(id) {
            self.cancel_add();
            return true;
        }
        let Some(slot) = self.by_id.remove(&id) else {
            return false;
        };
        let s = &mut self.slots[slot as usize];
        s.live = false;
        self.live_len -= u64::from(s.len);
        self.dead += 1;
        self.compact_if_due();
        true
    }

    /// Postings of removed documents are skipped while searching and dropped once they are
    /// a fifth of the index, so removing stays cheap and memory stays bounded. Not while a
    /// document is being added: compacting renumbers its slot and drops the terms it has
    /// met but not yet posted.
    fn compact_if_due(&mut self) {
        if self.adding.is_none() && self.dead as usize > 64 + self.by_id.len() / 4 {
            self.compact();
        }
    }

    /// Takes every document out.
    pub fn clear(&mut self) {
        *self = Index::new();
    }

    /// Rewrites the postings without the removed documents.
    fn compact(&mut self) {
        let mut new_slot = Vec::with_capacity(self.slots.len());
        let mut slots = Vec::with_capacity(self.by_id.len());
        let mut runs = Vec::with_capacity(self.runs.len());
        for s in &self.slots {
            if s.live {
                new_slot.push(Some(slots.len() as u32));
                let start = runs.len() as u32;
                runs.extend_from_slice(&self.runs[s.runs.0 as usize..s.runs.1 as usize]);
                slots.push(Slot {
                    runs: (start, runs.len() as u32),
                    ..s.clone()
                });
            } else {
                new_slot.push(None);
            }
        }
        for p in &mut self.postings {
            *p = p.compacted(&new_slot);
        }
        // Terms left without documents go, but keep their ids (and empty lists), so ids
        // stay indices into `postings`.
        let postings = &self.postings;
        self.terms.retain(|_, id| postings[*id as usize].docs > 0);
        // A cached form may name a term just dropped from the dictionary.
        self.forms.clear();
        for (i, s) in slots.iter().enumerate() {
            self.by_id.insert(s.id, i as u32);
        }
        self.slots = slots;
        self.runs = runs;
        self.dead = 0;
    }

    /// The slot of a live document.
    pub(crate) fn slot_of(&self, id: DocId) -> Option<u32> {
        self.by_id.get(&id).copied()
    }

    /// Gives back spare capacity: for after a load, when no more documents are coming
    /// for a while. Adding afterwards works as before.
    pub fn shrink_to_fit(&mut self) {
        for p in &mut self.postings {
            p.shrink_to_fit();
        }
        self.postings.shrink_to_fit();
        self.slots.shrink_to_fit();
        self.runs.shrink_to_fit();
        self.spare = Buffers::default();
        self.forms = FxHashMap::default();
    }

    /// The field of the word at `pos` in `slot`.
    pub(crate) fn field_at(&self, slot: u32, pos: u32) -> Field {
        let s = &self.slots[slot as usize];
        let runs = &self.runs[s.runs.0 as usize..s.runs.1 as usize];
        let i = runs.partition_point(|&(start, _)| start <= pos);
        runs[i.saturating_sub(1)].1
    }

    /// Number of live documents.
    pub(crate) fn live_docs(&self) -> u32 {
        self.by_id.len() as u32
    }

    /// Heap bytes the index holds, approximately: postings, terms and the cache of word
    /// forms (with an estimate of the per-entry overhead), slots, field runs and the word
    /// lists kept for the next document.
    pub fn heap_bytes(&self) -> usize {
        let postings: usize = self
            .postings
            .iter()
            .map(Postings::heap_bytes)
            .sum::<usize>()
            + self.postings.capacity() * std::mem::size_of::<Postings>();
        // A B-tree entry: the boxed key (16) and its bytes, the id (4), ~8 of node slack.
        let terms: usize = self.terms.keys().map(|k| k.len() + 28).sum();
        let forms: usize = self.forms.keys().map(|k| k.len() + 28).sum();
        let slots = self.slots.capacity() * std::mem::size_of::<Slot>()
            + self.by_id.capacity() * 12
            + self.runs.capacity() * std::mem::size_of::<(u32, Field)>();
        postings + terms + forms + slots + self.spare.heap_bytes()
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }
}
