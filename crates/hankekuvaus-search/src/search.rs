//! Evaluating a query over the index and ranking the matches (BM25 with field weights).

use crate::index::{Attrs, DocId, Index};
use crate::query::{Attr, Node, Query, Word};
use crate::text::fold;
use crate::units::{FieldSet, ANY_FIELD};

/// BM25's term-frequency saturation and length normalisation, the usual values.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// A word being typed finds at most this many of the words it begins (the shortest), so
/// that one typed letter never scans the whole dictionary's postings.
const MAX_PREFIX_TERMS: usize = 64;

/// A word being typed finds the words it begins from this many letters on: one letter
/// begins a good part of the dictionary and says little.
const MIN_PREFIX_CHARS: usize = 2;

/// One matching document.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The document's id as given to [`Index::add`].
    pub doc: DocId,
    /// BM25 score summed over the query's words; higher is better. 0 for a query that
    /// only excludes.
    pub score: f32,
    /// Number of word matches of the query's words and phrases in the document (a word
    /// that two query words match counts twice).
    pub hits: u32,
}

/// The hit words of one document: what [`HitWords::snippets`] and
/// [`HitWords::locations`] find in the document. From [`Index::hit_words`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HitWords {
    /// Word positions, ascending, as the index numbers a document's words.
    pub(crate) positions: Vec<u32>,
}

impl HitWords {
    /// Number of hit words.
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }
}

/// One match of a query node: slot, score, number of hits, and the hit positions when
/// they were asked for.
#[derive(Debug)]
struct Match {
    slot: u32,
    score: f32,
    hits: u32,
    positions: Vec<u32>,
}

type Matches = Vec<Match>;

/// One word's matches: entries in slot order, their positions in one arena, so that a
/// word found in thousands of documents costs no allocation per document.
#[derive(Debug, Default)]
struct WordHits {
    entries: Vec<WordEntry>,
    arena: Vec<u32>,
}

#[derive(Debug, Clone, Copy)]
struct WordEntry {
    slot: u32,
    weight_x2: u32,
    hits: u32,
    /// The positions, ascending, in `arena[start..start + len]` (when collected).
    start: u32,
    len: u32,
}

impl WordHits {
    fn positions(&self, e: &WordEntry) -> &[u32] {
        &self.arena[e.start as usize..(e.start + e.len) as usize]
    }

    /// Puts the entries of several terms (inflected neighbours, a typed prefix) in slot
    /// order, one per slot.
    fn merge_slots(&mut self) {
        self.entries.sort_unstable_by_key(|e| e.slot);
        let mut merged: Vec<WordEntry> = Vec::with_capacity(self.entries.len());
        let mut buffer = Vec::new();
        for run in self.entries.chunk_by(|a, b| a.slot == b.slot) {
            let mut e = run[0];
            if run.len() > 1 {
                e.weight_x2 = run.iter().map(|r| r.weight_x2).sum();
                e.hits = run.iter().map(|r| r.hits).sum();
                if e.len > 0 {
                    buffer.clear();
                    for r in run {
                        buffer.extend_from_slice(
                            &self.arena[r.start as usize..(r.start + r.len) as usize],
                        );
                    }
                    buffer.sort_unstable();
                    e.start = self.arena.len() as u32;
                    e.len = buffer.len() as u32;
                    self.arena.extend_from_slice(&buffer);
                }
            }
            merged.push(e);
        }
        self.entries = merged;
    }
}

/// What an evaluation needs: hit positions (for one document's hit words, or for a
/// phrase), and whether only some slots (ascending) count.
#[derive(Debug, Clone, Copy)]
struct Need<'a> {
    positions: bool,
    only: Option<&'a [u32]>,
}

impl Need<'_> {
    fn wants(&self, slot: u32) -> bool {
        self.only
            .is_none_or(|only| only.binary_search(&slot).is_ok())
    }
}

impl Index {
    /// The documents matching `query`, best first (ties by id).
    ///
    /// Hit positions are not collected here, so that a word found in every document
    /// costs only a pass over its postings; [`Index::hit_words`] finds them for the
    /// documents shown.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let need = Need {
            positions: false,
            only: None,
        };
        let mut hits: Vec<Hit> = self
            .eval(&query.root, need)
            .into_iter()
            .map(|m| Hit {
                doc: self.slots[m.slot as usize].id,
                score: m.score,
                hits: m.hits,
            })
            .collect();
        hits.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits
    }

    /// The words of document `doc` that `query` matches; empty when it does not match or
    /// is not in the index.
    pub fn hit_words(&self, query: &Query, doc: DocId) -> HitWords {
        let Some(slot) = self.slot_of(doc) else {
            return HitWords::default();
        };
        let need = Need {
            positions: true,
            only: Some(&[slot]),
        };
        let mut positions: Vec<u32> = self
            .eval(&query.root, need)
            .into_iter()
            .flat_map(|m| m.positions)
            .collect();
        positions.sort_unstable();
        positions.dedup();
        HitWords { positions }
    }

    fn all(&self, need: Need<'_>) -> Matches {
        let live = |s: u32| self.slots[s as usize].live;
        let one = |slot| Match {
            slot,
            score: 0.0,
            hits: 0,
            positions: Vec::new(),
        };
        match need.only {
            Some(only) => only.iter().copied().filter(|&s| live(s)).map(one).collect(),
            None => (0..self.slots.len() as u32)
                .filter(|&s| live(s))
                .map(one)
                .collect(),
        }
    }

    fn eval(&self, node: &Node, need: Need<'_>) -> Matches {
        match node {
            Node::All => self.all(need),
            Node::Attr(a) => {
                let mut all = self.all(need);
                all.retain(|m| attr_matches(*a, &self.slots[m.slot as usize].attrs));
                all
            }
            Node::Words { fields, words } => self.words(words, *fields, need),
            Node::Not(inner) => subtract(
                self.all(need),
                &self.eval(
                    inner,
                    Need {
                        positions: false,
                        ..need
                    },
                ),
            ),
            Node::Or(children) => children
                .iter()
                .map(|c| self.eval(c, need))
                .reduce(union)
                .unwrap_or_default(),
            Node::And(children) => {
                // Exclusions narrow what the other parts found; on their own they narrow
                // everything.
                let (minus, plus): (Vec<&Node>, Vec<&Node>) =
                    children.iter().partition(|c| matches!(c, Node::Not(_)));
                let mut acc = plus
                    .iter()
                    .map(|c| self.eval(c, need))
                    .reduce(intersect)
                    .unwrap_or_else(|| self.all(need));
                for m in minus {
                    if let Node::Not(inner) = m {
                        acc = subtract(
                            acc,
                            &self.eval(
                                inner,
                                Need {
                                    positions: false,
                                    ..need
                                },
                            ),
                        );
                    }
                }
                acc
            }
        }
    }

    /// A word (or phrase) scored by BM25 as one term.
    fn words(&self, words: &[Word], fields: FieldSet, need: Need<'_>) -> Matches {
        let mut acc = if words.len() == 1 {
            let hits = self.word(&words[0], fields, need);
            hits.entries
                .iter()
                .map(|e| Match {
                    slot: e.slot,
                    score: e.weight_x2 as f32,
                    hits: e.hits,
                    positions: if need.positions {
                        hits.positions(e).to_vec()
                    } else {
                        Vec::new()
                    },
                })
                .collect()
        } else {
            self.phrase(words, fields, need)
        };
        let n = self.live_docs() as f32;
        let df = acc.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let avg = (self.live_len as f32 / n.max(1.0)).max(1.0);
        for m in &mut acc {
            // `score` holds the weighted count (in halves) until here.
            let tf = m.score / 2.0;
            let len = self.slots[m.slot as usize].len as f32;
            m.score = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg));
        }
        acc
    }

    /// The documents where the words follow each other; `score` holds the weighted
    /// count of the fields the phrase starts in.
    fn phrase(&self, words: &[Word], fields: FieldSet, need: Need<'_>) -> Matches {
        // First the documents having all the words, without positions; then positions
        // only for those.
        let counts = Need {
            positions: false,
            ..need
        };
        let mut candidates: Vec<u32> = Vec::new();
        for (k, w) in words.iter().enumerate() {
            let slots = self
                .word(w, fields, counts)
                .entries
                .into_iter()
                .map(|e| e.slot);
            if k == 0 {
                candidates.extend(slots);
            } else {
                let found: Vec<u32> = slots.collect();
                candidates.retain(|s| found.binary_search(s).is_ok());
            }
        }
        let with_positions = Need {
            positions: true,
            only: Some(&candidates),
        };
        let per_word: Vec<WordHits> = words
            .iter()
            .map(|w| self.word(w, fields, with_positions))
            .collect();
        let span = words.len() as u32;
        let mut cursors = vec![0usize; words.len()];
        let mut starts = Vec::new();
        let mut out = Vec::new();
        'slots: for first in &per_word[0].entries {
            starts.clear();
            starts.extend_from_slice(per_word[0].positions(first));
            for (k, hits) in per_word.iter().enumerate().skip(1) {
                let entries = &hits.entries;
                let c = &mut cursors[k];
                while *c < entries.len() && entries[*c].slot < first.slot {
                    *c += 1;
                }
                let Some(e) = entries.get(*c).filter(|e| e.slot == first.slot) else {
                    continue 'slots;
                };
                let later = hits.positions(e);
                starts.retain(|&p| later.binary_search(&(p + k as u32)).is_ok());
            }
            if starts.is_empty() {
                continue;
            }
            let weight: u32 = starts
                .iter()
                .map(|&p| self.field_at(first.slot, p).weight_x2())
                .sum();
            out.push(Match {
                slot: first.slot,
                score: weight as f32,
                hits: starts.len() as u32 * span,
                positions: if need.positions {
                    starts.iter().flat_map(|&p| p..p + span).collect()
                } else {
                    Vec::new()
                },
            });
        }
        out
    }

    /// The live documents having one word in `fields`, in slot order.
    fn word(&self, word: &Word, fields: FieldSet, need: Need<'_>) -> WordHits {
        let terms = self.terms_of(word);
        let mut hits = WordHits::default();
        for &term in &terms {
            for e in self.postings[term as usize].iter() {
                if !need.wants(e.slot) || !self.slots[e.slot as usize].live {
                    continue;
                }
                if fields == ANY_FIELD && !need.positions {
                    hits.entries.push(WordEntry {
                        slot: e.slot,
                        weight_x2: e.weight_x2,
                        hits: e.count,
                        start: 0,
                        len: 0,
                    });
                    continue;
                }
                let start = hits.arena.len();
                let mut weight_x2 = 0;
                for p in e.positions() {
                    let field = self.field_at(e.slot, p);
                    if field.bit() & fields != 0 {
                        hits.arena.push(p);
                        weight_x2 += field.weight_x2();
                    }
                }
                let len = (hits.arena.len() - start) as u32;
                if len > 0 {
                    hits.entries.push(WordEntry {
                        slot: e.slot,
                        weight_x2,
                        hits: len,
                        start: start as u32,
                        len,
                    });
                }
            }
        }
        if terms.len() > 1 {
            hits.merge_slots();
        }
        hits
    }

    /// The term ids a query word finds.
    ///
    /// Its own stem; the stems around it that the Snowball stemmer leaves apart although
    /// they are forms of one word (its stem with one letter more, or for stems of five
    /// letters or more with the last letter changed or dropped: "nuori" → "nuori",
    /// "nuore", "nuort", "nuor"); and, for a word
    /// being typed, the indexed words it begins.
    pub(crate) fn terms_of(&self, word: &Word) -> Vec<u32> {
        let mut stemmer = crate::text::Analyzer::new();
        let stem = stemmer.term(&word.text).into_owned();
        let mut found: Vec<u32> = Vec::new();
        let chars = stem.chars().count();
        let alphabetic = stem.chars().all(char::is_alphabetic);
        if alphabetic && chars >= 3 {
            // One letter more; for stems of five letters or more also the last letter
            // changed or dropped (shorter stems would reach unrelated words that way).
            let base: &str = if chars >= 5 {
                &stem[..stem.char_indices().last().map_or(0, |(i, _)| i)]
            } else {
                &stem
            };
            for (t, &id) in self.prefix_range(base) {
                if t.chars().count() <= chars + 1 {
                    found.push(id);
                }
            }
        } else if let Some(&id) = self.terms.get(stem.as_str()) {
            found.push(id);
        }
        let typed = fold(&word.text);
        if word.prefix && typed.chars().count() >= MIN_PREFIX_CHARS {
            // The shortest completions first (closest to what is typed), and only terms
            // of documents still in the index, so the choice depends on the documents in
            // the index alone, not on what was added and removed before.
            let mut begun: Vec<(usize, &str, u32)> = self
                .prefix_range(&typed)
                .map(|(t, &id)| (t.len(), &**t, id))
                .collect();
            begun.sort_unstable();
            let live = begun.into_iter().filter(|&(_, _, id)| {
                self.postings[id as usize]
                    .iter()
                    .any(|e| self.slots[e.slot as usize].live)
            });
            found.extend(live.take(MAX_PREFIX_TERMS).map(|(_, _, id)| id));
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    fn prefix_range<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a Box<str>, &'a u32)> + 'a {
        self.terms
            .range::<str, _>((
                std::ops::Bound::Included(prefix),
                std::ops::Bound::Unbounded,
            ))
            .take_while(move |(t, _)| t.starts_with(prefix))
    }
}

fn attr_matches(attr: Attr, a: &Attrs) -> bool {
    match attr {
        Attr::Fund(f) => a.fund == Some(f),
        Attr::Period(p) => a.period == Some(p),
        Attr::Status(s) => a.status == Some(s),
        Attr::StartYear(y) => a.start_year == Some(y),
    }
}

/// Joins two slot-sorted lists on equal slots, keeping what `f` makes of each pair.
fn merge_join(
    a: Matches,
    b: Matches,
    mut f: impl FnMut(Match, &Match) -> Option<Match>,
) -> Matches {
    let mut out = Vec::new();
    let mut b_iter = b.iter().peekable();
    for x in a {
        while b_iter.peek().is_some_and(|y| y.slot < x.slot) {
            b_iter.next();
        }
        if let Some(y) = b_iter.peek() {
            if y.slot == x.slot {
                out.extend(f(x, y));
            }
        }
    }
    out
}

fn intersect(a: Matches, b: Matches) -> Matches {
    merge_join(a, b, |mut m, other| {
        m.score += other.score;
        m.hits += other.hits;
        m.positions.extend_from_slice(&other.positions);
        Some(m)
    })
}

fn union(a: Matches, b: Matches) -> Matches {
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.slot == y.slot => {
                let mut m = a.next().unwrap();
                let other = b.next().unwrap();
                m.score += other.score;
                m.hits += other.hits;
                m.positions.extend(other.positions);
                m
            }
            (Some(x), Some(y)) if x.slot < y.slot => a.next().unwrap(),
            (Some(_), None) => a.next().unwrap(),
            (_, Some(_)) => b.next().unwrap(),
            (None, None) => return out,
        };
        out.push(next);
    }
}

fn subtract(a: Matches, b: &Matches) -> Matches {
    let mut b = b.iter().map(|m| m.slot).peekable();
    a.into_iter()
        .filter(|m| {
            while b.peek().is_some_and(|&s| s < m.slot) {
                b.next();
            }
            b.peek() != Some(&m.slot)
        })
        .collect()
}
