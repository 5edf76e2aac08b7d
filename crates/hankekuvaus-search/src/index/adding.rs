//! Adding a document in steps: [`Index::start_add`], then [`Index::add_step`] until it
//! says the document is in, each step doing a bounded amount of work, so that a document
//! of millions of words never holds a thread (a browser page's) for long.
//!
//! A step first walks the document's words ([`Walk`]), from where the last one stopped,
//! even inside a line; each word's entry is chained to the previous entry of the same term.
//! Once every word is listed, steps follow the chains term by term, writing each term's
//! positions into its postings. This gives the postings [`Index::add`] always gave: the
//! chains hold a term's positions in order, as sorting the entries did, without a sort
//! that could not stop half-way.

use hankekuvaus::Document;

use super::{Attrs, DocId, Index, Slot, MAX_FORMS};
use crate::postings::{write_varint, Postings};
use crate::text::{fold_into, words};
use crate::units::Field;
use crate::walk::Walk;

/// No entry: the end of a chain.
const NONE: u32 = u32::MAX;

/// A description's word list is reserved at its size over this many bytes, and grown by a
/// quarter when that is not enough: growing by doubling, the list of a 51.4 MB description
/// (millions of words, 12 bytes each) briefly took three times its size, and the page's
/// wasm memory, which never shrinks, went from 79 to 255 MB while it was indexed; reserved
/// this way, 147 MB (at a word every 12 bytes, 194 MB).
const BYTES_PER_WORD: u64 = 9;

/// The word list of a document with more words than this (1.5 MB of it) is not kept for
/// the next document, whose list would otherwise hold its size for good.
const SPARE_ENTRIES: usize = 1 << 17;

/// A document being added.
pub(super) struct Adding {
    pub(super) id: DocId,
    /// Its slot, pushed dead at the start, so that postings written before the last step
    /// have a slot and searches skip them.
    slot: u32,
    /// The document's address, to catch a step given another document.
    doc: usize,
    walk: Walk,
    /// Byte offset in the walk's current unit of the next word: a step can stop inside a
    /// long line.
    in_unit: usize,
    /// Position of the next word.
    pos: u32,
    last_field: Option<Field>,
    buffers: Buffers,
    /// Where writing the postings stands, once every word is listed.
    posting: Option<Posting>,
}

/// What an add works in, kept between adds.
#[derive(Default)]
pub(super) struct Buffers {
    /// Every word of the document: `(position, next entry of the same term, field)`.
    entries: Vec<(u32, u32, Field)>,
    /// The document's terms in order of first use: `(term, first entry, last entry)`.
    groups: Vec<(u32, u32, u32)>,
    /// The positions of the term being posted, written as its postings store them.
    gaps: Vec<u8>,
}

impl Buffers {
    /// The heap bytes of the lists.
    pub(super) fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<(u32, u32, Field)>()
            + self.groups.capacity() * std::mem::size_of::<(u32, u32, u32)>()
            + self.gaps.capacity()
    }
}

/// The term being posted: the group, the next entry of its chain, and what has been
/// gathered of it.
struct Posting {
    group: usize,
    entry: u32,
    count: u32,
    weight_x2: u32,
    last_pos: u32,
}

impl Posting {
    fn at(group: usize, groups: &[(u32, u32, u32)]) -> Posting {
        Posting {
            group,
            entry: groups.get(group).map_or(NONE, |g| g.1),
            count: 0,
            weight_x2: 0,
            last_pos: 0,
        }
    }
}

fn address(doc: &Document) -> usize {
    std::ptr::from_ref(doc) as usize
}

impl Index {
    /// Starts adding `doc` under `id`, replacing what `id` had; [`Index::add_step`] does
    /// the work. Until the last step the document is not in the index: searches do not find
    /// it, and [`Index::len`] and [`Index::contains`] do not count it. One document is added
    /// at a time: an add not finished is dropped, as [`Index::remove`] of its id drops it.
    pub fn start_add(&mut self, id: DocId, doc: &Document) {
        self.cancel_add();
        self.remove(id);
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Marks of 4 billion adds ago would look current: forget them all.
            self.marks.clear();
            self.generation = 1;
        }
        let slot = self.slots.len() as u32;
        let runs = self.runs.len() as u32;
        self.slots.push(Slot {
            id,
            live: false,
            len: 0,
            runs: (runs, runs),
            attrs: Attrs {
                fund: doc.kind.fund,
                period: doc.kind.period,
                status: doc.project.status,
                start_year: doc.start_year(),
            },
        });
        let mut buffers = std::mem::take(&mut self.spare);
        buffers.entries.clear();
        // A list row's size is its list's: it has a few dozen words.
        if doc.source.list.is_none() {
            let words = doc.source.byte_count / BYTES_PER_WORD;
            buffers.entries.reserve(words as usize);
        }
        buffers.groups.clear();
        buffers.gaps.clear();
        self.adding = Some(Box::new(Adding {
            id,
            slot,
            doc: address(doc),
            walk: Walk::new(doc),
            in_unit: 0,
            pos: 0,
            last_field: None,
            buffers,
            posting: None,
        }));
    }

    /// One step of the add [`Index::start_add`] started, with the same `doc`: reads at most
    /// `max_words` words, or writes at most that many positions into postings (at least
    /// one). Returns whether the document is in the index now (also when no add is going
    /// on).
    pub fn add_step(&mut self, doc: &Document, max_words: usize) -> bool {
        let Some(mut adding) = self.adding.take() else {
            return true;
        };
        assert_eq!(adding.doc, address(doc), "a step of another document");
        let mut budget = max_words.max(1);
        let posted = (adding.posting.is_some() || self.walk_words(&mut adding, doc, &mut budget))
            && self.write_postings(&mut adding, &mut budget);
        if posted {
            self.finish(*adding);
        } else {
            self.adding = Some(adding);
        }
        posted
    }

    /// The id of the document being added in steps, if any.
    pub fn adding(&self) -> Option<DocId> {
        self.adding.as_ref().map(|a| a.id)
    }

    /// Drops the add going on, if any: its slot stays dead, like a removed document's,
    /// until compacting drops it and its postings.
    pub(super) fn cancel_add(&mut self) {
        if let Some(adding) = self.adding.take() {
            self.dead += 1;
            self.spare = adding.buffers;
            self.compact_if_due();
        }
    }

    /// Lists words until `budget` runs out; returns whether every word is listed.
    fn walk_words(&mut self, adding: &mut Adding, doc: &Document, budget: &mut usize) -> bool {
        if self.forms.len() > MAX_FORMS {
            self.forms.clear();
        }
        let Adding {
            walk,
            in_unit,
            pos,
            last_field,
            buffers,
            ..
        } = adding;
        let Buffers {
            entries, groups, ..
        } = buffers;
        let generation = self.generation;
        let mut folded = String::new();
        walk.run(doc, &mut |unit| {
            if *budget == 0 {
                return false;
            }
            if *last_field != Some(unit.field) {
                self.runs.push((*pos, unit.field));
                *last_field = Some(unit.field);
            }
            for (range, word) in words(&unit.text[*in_unit..]) {
                if *budget == 0 {
                    *in_unit += range.start;
                    return false;
                }
                *budget -= 1;
                fold_into(word, &mut folded);
                let term = self.term_id(&folded);
                let entry = entries.len() as u32;
                if self.marks.len() <= term as usize {
                    self.marks.resize(self.postings.len(), (0, 0));
                }
                let mark = &mut self.marks[term as usize];
                if mark.0 == generation {
                    let group = &mut groups[mark.1 as usize];
                    entries[group.2 as usize].1 = entry;
                    group.2 = entry;
                } else {
                    *mark = (generation, groups.len() as u32);
                    groups.push((term, entry, entry));
                }
                if entries.len() == entries.capacity() {
                    // By a quarter, not doubled (see `BYTES_PER_WORD`).
                    entries.reserve_exact(entries.capacity() / 4 + 1024);
                }
                entries.push((*pos, NONE, unit.field));
                *pos += 1;
            }
            *in_unit = 0;
            // A gap between lines, so a phrase never runs from one line into the next.
            *pos += 1;
            true
        })
    }

    /// The term id of a word as [`fold_into`] folds it, made if new.
    fn term_id(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.forms.get(folded) {
            return id;
        }
        let term = self.analyzer.term(folded);
        let id = match self.terms.get(&*term) {
            Some(&id) => id,
            None => {
                let id = self.postings.len() as u32;
                self.terms.insert(term.into(), id);
                self.postings.push(Postings::default());
                id
            }
        };
        self.forms.insert(folded.into(), id);
        id
    }

    /// Writes the listed words into postings, term by term, until `budget` runs out;
    /// returns whether every term is written.
    fn write_postings(&mut self, adding: &mut Adding, budget: &mut usize) -> bool {
        let Buffers {
            entries,
            groups,
            gaps,
        } = &mut adding.buffers;
        let p = adding.posting.get_or_insert_with(|| Posting::at(0, groups));
        while let Some(&(term, _, _)) = groups.get(p.group) {
            while p.entry != NONE {
                if *budget == 0 {
                    return false;
                }
                *budget -= 1;
                let (pos, next, field) = entries[p.entry as usize];
                // The first position as it is, the others as gaps from the one before.
                write_varint(gaps, pos - p.last_pos);
                p.last_pos = pos;
                p.count += 1;
                p.weight_x2 += field.weight_x2();
                p.entry = next;
            }
            self.postings[term as usize].push_encoded(adding.slot, p.weight_x2, p.count, gaps);
            gaps.clear();
            *p = Posting::at(p.group + 1, groups);
        }
        true
    }

    /// Makes the fully posted document live.
    fn finish(&mut self, adding: Adding) {
        let len = adding.buffers.entries.len() as u32;
        let slot = &mut self.slots[adding.slot as usize];
        slot.live = true;
        slot.len = len;
        slot.runs.1 = self.runs.len() as u32;
        self.by_id.insert(adding.id, adding.slot);
        self.live_len += u64::from(len);
        if adding.buffers.entries.capacity() <= SPARE_ENTRIES {
            self.spare = adding.buffers;
        }
        self.compact_if_due();
    }
}
