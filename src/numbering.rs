//! Texts numbered in the order they are first met, per kind (a facet, an aggregate's
//! dimension), so that counting thousands of rows by them is indexing into a list instead of
//! hashing texts ([`search::facet_ids`](crate::search::facet_ids),
//! [`overview::group_ids`](crate::overview::group_ids)).

use std::collections::HashMap;
use std::hash::Hash;

/// Every (kind, text) met, numbered from 0 in the order met.
pub struct Numbering<K> {
    /// Per kind, each text's number.
    ids: HashMap<K, HashMap<String, u32>>,
    /// The kind and text of each number.
    keys: Vec<(K, String)>,
}

impl<K> Default for Numbering<K> {
    fn default() -> Self {
        Numbering {
            ids: HashMap::new(),
            keys: Vec::new(),
        }
    }
}

impl<K: Copy + Eq + Hash> Numbering<K> {
    /// The number of `text` of `kind`, given when first asked for (looked up by the borrowed
    /// text: nearly every row has texts already numbered).
    pub fn id(&mut self, kind: K, text: &str) -> u32 {
        let ids = self.ids.entry(kind).or_default();
        if let Some(&id) = ids.get(text) {
            return id;
        }
        let id = self.keys.len() as u32;
        ids.insert(text.to_owned(), id);
        self.keys.push((kind, text.to_owned()));
        id
    }

    /// Every number's kind and text, by number.
    pub fn keys(&self) -> &[(K, String)] {
        &self.keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_keeps_its_number_per_kind() {
        let mut n = Numbering::default();
        assert_eq!(n.id(1, "Lappi"), 0);
        assert_eq!(n.id(2, "Lappi"), 1, "another kind, another number");
        assert_eq!(n.id(1, "Kainuu"), 2);
        assert_eq!(n.id(1, "Lappi"), 0);
        assert_eq!(n.keys()[1], (2, "Lappi".to_owned()));
    }
}
