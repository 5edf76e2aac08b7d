//! Evaluating a query over the index and ranking the matches (BM25 with field weights).

use std::collections::HashSet;

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
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
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
        let phrase = words.len() > 1;
        // A phrase first finds the documents having all its words, without positions,
        // and reads positions only for those.
        let candidates: Vec<u32>;
        let mut word_need = need;
        if phrase {
            let counts = Need {
                positions: false,
                ..need
            };
            candidates = words
                .iter()
                .map(|w| self.word(w, fields, counts))
                .reduce(intersect)
                .unwrap_or_default()
                .iter()
                .map(|m| m.slot)
                .collect();
            word_need = Need {
                positions: true,
                only: Some(&candidates),
            };
        }
        let mut per_word = words.iter().map(|w| self.word(w, fields, word_need));
        let Some(mut acc) = per_word.next() else {
            return Vec::new();
        };
        // A phrase keeps the documents where its words follow each other, and the
        // positions where it starts.
        for (k, next) in per_word.enumerate() {
            let offset = k as u32 + 1;
            acc = merge_join(acc, next, |mut m, later| {
                m.positions
                    .retain(|&p| later.positions.binary_search(&(p + offset)).is_ok());
                (!m.positions.is_empty()).then_some(m)
            });
        }
        let span = words.len() as u32;
        if phrase {
            // A phrase weighs as the fields its occurrences start in.
            for m in &mut acc {
                m.hits = m.positions.len() as u32 * span;
                m.score = m
                    .positions
                    .iter()
                    .map(|&p| self.field_at(m.slot, p).weight_x2())
                    .sum::<u32>() as f32;
                if need.positions {
                    m.positions = m.positions.iter().flat_map(|&p| p..p + span).collect();
                } else {
                    m.positions = Vec::new();
                }
            }
        }
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

    /// The live documents having one word in `fields`; `score` holds the weighted count.
    fn word(&self, word: &Word, fields: FieldSet, need: Need<'_>) -> Matches {
        let terms = self.terms_of(word);
        let mut out: Matches = Vec::new();
        for &term in &terms {
            for e in self.postings[term as usize].iter() {
                if !need.wants(e.slot) || !self.slots[e.slot as usize].live {
                    continue;
                }
                let m = if fields == ANY_FIELD {
                    Match {
                        slot: e.slot,
                        score: e.weight_x2 as f32,
                        hits: e.count,
                        positions: if need.positions {
                            e.positions().collect()
                        } else {
                            Vec::new()
                        },
                    }
                } else {
                    let positions: Vec<u32> = e
                        .positions()
                        .filter(|&p| self.field_at(e.slot, p).bit() & fields != 0)
                        .collect();
                    let weight: u32 = positions
                        .iter()
                        .map(|&p| self.field_at(e.slot, p).weight_x2())
                        .sum();
                    Match {
                        slot: e.slot,
                        score: weight as f32,
                        hits: positions.len() as u32,
                        positions: if need.positions {
                            positions
                        } else {
                            Vec::new()
                        },
                    }
                };
                if m.hits > 0 {
                    out.push(m);
                }
            }
        }
        if terms.len() > 1 {
            // Several terms (inflected neighbours, a typed prefix) make one word.
            out.sort_unstable_by_key(|m| m.slot);
            out.dedup_by(|later, first| {
                if later.slot != first.slot {
                    return false;
                }
                first.score += later.score;
                first.hits += later.hits;
                first.positions.append(&mut later.positions);
                first.positions.sort_unstable();
                true
            });
        }
        out
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
        let mut found: HashSet<u32> = HashSet::new();
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
                    found.insert(id);
                }
            }
        } else if let Some(&id) = self.terms.get(stem.as_str()) {
            found.insert(id);
        }
        if word.prefix {
            let typed = fold(&word.text);
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
        let mut ids: Vec<u32> = found.into_iter().collect();
        ids.sort_unstable();
        ids
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
