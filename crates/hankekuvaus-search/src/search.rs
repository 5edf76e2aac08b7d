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
    /// Word positions of the hits, ascending: what [`Hit::snippets`] and
    /// [`Hit::locations`] locate in the document.
    pub positions: Vec<u32>,
}

impl Hit {
    /// Number of words of the document that the query's words and phrases matched.
    pub fn hit_count(&self) -> usize {
        self.positions.len()
    }
}

/// Matches of one query node: per slot (ascending) the score and hit positions.
type Matches = Vec<(u32, f32, Vec<u32>)>;

impl Index {
    /// The documents matching `query`, best first (ties by id).
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let matches = self.eval(&query.root);
        let mut hits: Vec<Hit> = matches
            .into_iter()
            .map(|(slot, score, mut positions)| {
                positions.sort_unstable();
                positions.dedup();
                Hit {
                    doc: self.slots[slot as usize].id,
                    score,
                    positions,
                }
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits
    }

    fn all(&self) -> Matches {
        (0..self.slots.len() as u32)
            .filter(|&s| self.slots[s as usize].live)
            .map(|s| (s, 0.0, Vec::new()))
            .collect()
    }

    fn eval(&self, node: &Node) -> Matches {
        match node {
            Node::All => self.all(),
            Node::Attr(a) => self
                .all()
                .into_iter()
                .filter(|&(s, ..)| attr_matches(*a, &self.slots[s as usize].attrs))
                .collect(),
            Node::Words { fields, words } => self.words(words, *fields),
            Node::Not(inner) => subtract(self.all(), &self.eval(inner)),
            Node::Or(children) => children
                .iter()
                .map(|c| self.eval(c))
                .reduce(union)
                .unwrap_or_default(),
            Node::And(children) => {
                // Exclusions narrow what the other parts found; on their own they narrow
                // everything.
                let (minus, plus): (Vec<&Node>, Vec<&Node>) =
                    children.iter().partition(|c| matches!(c, Node::Not(_)));
                let mut acc = plus
                    .iter()
                    .map(|c| self.eval(c))
                    .reduce(intersect)
                    .unwrap_or_else(|| self.all());
                for m in minus {
                    if let Node::Not(inner) = m {
                        acc = subtract(acc, &self.eval(inner));
                    }
                }
                acc
            }
        }
    }

    /// A word (or phrase) scored by BM25 as one term.
    fn words(&self, words: &[Word], fields: FieldSet) -> Matches {
        let mut per_word = words.iter().map(|w| self.word(w, fields));
        let Some(first) = per_word.next() else {
            return Vec::new();
        };
        // (slot, weight_x2, positions) of the first word, narrowed to phrase starts.
        let mut acc = first;
        for (k, next) in per_word.enumerate() {
            let offset = k as u32 + 1;
            acc = merge_join(acc, next, |(slot, _, starts), (_, _, later)| {
                let starts: Vec<u32> = starts
                    .iter()
                    .copied()
                    .filter(|&p| later.binary_search(&(p + offset)).is_ok())
                    .collect();
                (!starts.is_empty()).then_some((slot, 0, starts))
            });
        }
        if words.len() > 1 {
            // A phrase's weight is that of the fields its occurrences start in.
            for (slot, weight, starts) in &mut acc {
                *weight = starts
                    .iter()
                    .map(|&p| self.field_at(*slot, p).weight_x2())
                    .sum();
            }
        }
        let n = self.live_docs() as f32;
        let df = acc.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let avg = self.live_len as f32 / n.max(1.0);
        let span = words.len() as u32;
        acc.into_iter()
            .map(|(slot, weight_x2, starts)| {
                let tf = weight_x2 as f32 / 2.0;
                let len = self.slots[slot as usize].len as f32;
                let score = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg.max(1.0)));
                let positions = starts.iter().flat_map(|&p| p..p + span).collect();
                (slot, score, positions)
            })
            .collect()
    }

    /// The live documents having one word in `fields`: `(slot, weight_x2, positions)`.
    fn word(&self, word: &Word, fields: FieldSet) -> Vec<(u32, u32, Vec<u32>)> {
        let mut out: Vec<(u32, u32, Vec<u32>)> = Vec::new();
        for term in self.terms_of(word) {
            for e in self.postings[term as usize].iter() {
                if !self.slots[e.slot as usize].live {
                    continue;
                }
                let (weight, positions) = if fields == ANY_FIELD {
                    (e.weight_x2, e.positions().collect())
                } else {
                    let positions: Vec<u32> = e
                        .positions()
                        .filter(|&p| self.field_at(e.slot, p).bit() & fields != 0)
                        .collect();
                    let weight = positions
                        .iter()
                        .map(|&p| self.field_at(e.slot, p).weight_x2())
                        .sum();
                    (weight, positions)
                };
                if !positions.is_empty() {
                    out.push((e.slot, weight, positions));
                }
            }
        }
        // Several terms (inflected neighbours, a typed prefix) make one word: merge them.
        out.sort_unstable_by_key(|e| e.0);
        out.dedup_by(|later, first| {
            if later.0 != first.0 {
                return false;
            }
            first.1 += later.1;
            first.2.append(&mut later.2);
            first.2.sort_unstable();
            true
        });
        out
    }

    /// The term ids a query word finds.
    ///
    /// Its own stem; the stems around it that the Snowball stemmer leaves apart although
    /// they are forms of one word (its stem with one letter more, or with the last letter
    /// changed or dropped: "nuori" → "nuori", "nuore", "nuort", "nuor"); and, for a word
    /// being typed, the indexed words it begins.
    pub(crate) fn terms_of(&self, word: &Word) -> Vec<u32> {
        let mut stemmer = crate::text::Analyzer::new();
        let stem = stemmer.term(&word.text).into_owned();
        let mut found: HashSet<u32> = HashSet::new();
        let chars = stem.chars().count();
        let alphabetic = stem.chars().all(char::is_alphabetic);
        if alphabetic && chars >= 3 {
            // Drop the last letter (for stems of 4+ letters) and allow one letter more.
            let base: &str = if chars >= 4 {
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
fn merge_join<A, B, C>(a: Vec<A>, b: Vec<B>, mut f: impl FnMut(A, &B) -> Option<C>) -> Vec<C>
where
    A: SlotKey,
    B: SlotKey,
{
    let mut out = Vec::new();
    let mut b_iter = b.iter().peekable();
    for x in a {
        while b_iter.peek().is_some_and(|y| y.slot() < x.slot()) {
            b_iter.next();
        }
        if let Some(y) = b_iter.peek() {
            if y.slot() == x.slot() {
                out.extend(f(x, y));
            }
        }
    }
    out
}

/// Something keyed by its slot.
trait SlotKey {
    fn slot(&self) -> u32;
}

impl<T, U> SlotKey for (u32, T, U) {
    fn slot(&self) -> u32 {
        self.0
    }
}

fn intersect(a: Matches, b: Matches) -> Matches {
    merge_join(a, b, |(slot, score, mut positions), (_, other, more)| {
        positions.extend_from_slice(more);
        Some((slot, score + other, positions))
    })
}

fn union(a: Matches, b: Matches) -> Matches {
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                let (slot, score, mut positions) = a.next().unwrap();
                let (_, other, more) = b.next().unwrap();
                positions.extend(more);
                (slot, score + other, positions)
            }
            (Some(x), Some(y)) if x.0 < y.0 => a.next().unwrap(),
            (Some(_), None) => a.next().unwrap(),
            (_, Some(_)) => b.next().unwrap(),
            (None, None) => return out,
        };
        out.push(next);
    }
}

fn subtract(a: Matches, b: &Matches) -> Matches {
    let excluded: HashSet<u32> = b.iter().map(|m| m.0).collect();
    a.into_iter().filter(|m| !excluded.contains(&m.0)).collect()
}
