//! [`FieldLines`]: the 1-based source line of each typed field, by its JSON path, as a
//! map that reads and serializes like a `BTreeMap<String, u32>` but keeps the paths every
//! document shares as small numbers ([`crate::paths`]): over 8,000 descriptions the map's
//! 500,000 entries took 10.7 MB of the page's wasm memory as a B-tree of `Cow` keys, 4 MB
//! as pairs of numbers.

use std::cmp::Ordering;
use std::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};

use crate::paths::{self, PathKey};

/// The first source line of each typed field, keyed by its JSON path (`"project.code"`,
/// `"indicators.1.planned"`, `"sustainability.7"`), iterated and serialized in the order
/// of the paths.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct FieldLines {
    /// Shared paths by their number (which sorts as the path does), with the line; sorted,
    /// each path once.
    shared: Vec<(u16, u32)>,
    /// Every other path, with the line; sorted, each path once.
    owned: Vec<(Box<str>, u32)>,
}

impl FieldLines {
    /// An empty map.
    pub fn new() -> FieldLines {
        FieldLines::default()
    }

    /// From shared paths' numbers and other paths, each list sorted and each path once (as
    /// the parser makes them).
    pub(crate) fn from_sorted(shared: Vec<(u16, u32)>, owned: Vec<(Box<str>, u32)>) -> Self {
        debug_assert!(shared.windows(2).all(|w| w[0].0 < w[1].0));
        debug_assert!(owned.windows(2).all(|w| w[0].0 < w[1].0));
        FieldLines { shared, owned }
    }

    /// The line of `path`, if it has one.
    pub fn get(&self, path: &str) -> Option<&u32> {
        match paths::shared_number(path) {
            Some(n) => self
                .shared
                .binary_search_by_key(&n, |&(k, _)| k)
                .ok()
                .map(|i| &self.shared[i].1),
            None => self
                .owned
                .binary_search_by(|(k, _)| (**k).cmp(path))
                .ok()
                .map(|i| &self.owned[i].1),
        }
    }

    /// Whether `path` has a line.
    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Sets the line of `path`; returns the line it had.
    pub fn insert(&mut self, path: PathKey, line: u32) -> Option<u32> {
        match paths::shared_number(&path) {
            Some(n) => match self.shared.binary_search_by_key(&n, |&(k, _)| k) {
                Ok(i) => Some(std::mem::replace(&mut self.shared[i].1, line)),
                Err(i) => {
                    self.shared.insert(i, (n, line));
                    None
                }
            },
            None => match self.owned.binary_search_by(|(k, _)| (**k).cmp(&path)) {
                Ok(i) => Some(std::mem::replace(&mut self.owned[i].1, line)),
                Err(i) => {
                    self.owned.insert(i, (path.into_owned().into(), line));
                    None
                }
            },
        }
    }

    /// Removes `path`; returns its line.
    pub fn remove(&mut self, path: &str) -> Option<u32> {
        match paths::shared_number(path) {
            Some(n) => {
                let i = self.shared.binary_search_by_key(&n, |&(k, _)| k).ok()?;
                Some(self.shared.remove(i).1)
            }
            None => {
                let i = self.owned.binary_search_by(|(k, _)| (**k).cmp(path)).ok()?;
                Some(self.owned.remove(i).1)
            }
        }
    }

    /// The number of paths.
    pub fn len(&self) -> usize {
        self.shared.len() + self.owned.len()
    }

    /// Whether no path has a line.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The paths and their lines, in the order of the paths.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            shared: &self.shared,
            owned: &self.owned,
        }
    }

    /// The paths, in their order.
    pub fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        self.iter().map(|(k, _)| k)
    }

    /// Whether every path is one of the shared ones (for tests of what is shared).
    pub fn all_shared(&self) -> bool {
        self.owned.is_empty()
    }
}

/// The paths of a [`FieldLines`] and their lines, in the order of the paths: its two
/// sorted lists merged.
#[derive(Clone)]
pub struct Iter<'a> {
    shared: &'a [(u16, u32)],
    owned: &'a [(Box<str>, u32)],
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, u32);

    fn next(&mut self) -> Option<(&'a str, u32)> {
        let shared = self
            .shared
            .first()
            .map(|&(n, line)| (paths::shared_key(n), line));
        let owned = self.owned.first().map(|(k, line)| (&**k, *line));
        let take_shared = match (shared, owned) {
            (Some((a, _)), Some((b, _))) => a.cmp(b) == Ordering::Less,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return None,
        };
        if take_shared {
            self.shared = &self.shared[1..];
            shared
        } else {
            self.owned = &self.owned[1..];
            owned
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.shared.len() + self.owned.len();
        (n, Some(n))
    }
}

impl<'a> IntoIterator for &'a FieldLines {
    type Item = (&'a str, u32);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl FromIterator<(PathKey, u32)> for FieldLines {
    /// As a map collects: a later line of the same path replaces the earlier.
    fn from_iter<I: IntoIterator<Item = (PathKey, u32)>>(items: I) -> FieldLines {
        let mut lines = FieldLines::new();
        for (path, line) in items {
            lines.insert(path, line);
        }
        lines
    }
}

impl std::ops::Index<&str> for FieldLines {
    type Output = u32;

    /// The line of `path`; panics if it has none, as a map's index does.
    fn index(&self, path: &str) -> &u32 {
        match self.get(path) {
            Some(line) => line,
            None => panic!("no line for the path {path:?}"),
        }
    }
}

impl fmt::Debug for FieldLines {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for FieldLines {
    /// A JSON object with the paths in their order, as a `BTreeMap` writes it.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (path, line) in self.iter() {
            map.serialize_entry(path, &line)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for FieldLines {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FieldLines, D::Error> {
        let read = std::collections::BTreeMap::<String, u32>::deserialize(deserializer)?;
        let mut shared = Vec::with_capacity(read.len());
        let mut owned = Vec::new();
        for (path, line) in read {
            match paths::shared_number(&path) {
                Some(n) => shared.push((n, line)),
                None => owned.push((path.into_boxed_str(), line)),
            }
        }
        // Numbers sort as their paths, which the map has sorted.
        Ok(FieldLines::from_sorted(shared, owned))
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::collections::BTreeMap;

    use super::FieldLines;

    /// Reads, writes and iterates as the `BTreeMap` it replaces, over shared and other
    /// paths mixed.
    #[test]
    fn behaves_as_a_sorted_map() {
        let paths = [
            ("sustainability.64", 9),
            ("project.code", 3),
            ("indicators.10", 7),
            ("indicators.1.planned", 5),
            ("indicators.1", 4),
            ("indicators.100", 8),
            ("a.unknown", 1),
            ("project.code", 2),
        ];
        let lines: FieldLines = paths.iter().map(|&(k, l)| (Cow::Borrowed(k), l)).collect();
        let map: BTreeMap<&str, u32> = paths.iter().copied().collect();
        assert_eq!(
            lines.iter().collect::<Vec<_>>(),
            map.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>()
        );
        assert_eq!(lines.len(), 7);
        assert_eq!(lines["project.code"], 2);
        assert_eq!(lines.get("indicators.100"), Some(&8));
        assert_eq!(lines.get("indicators.2"), None);
        assert!(!lines.all_shared());
        let json = serde_json::to_string(&lines).unwrap();
        assert_eq!(json, serde_json::to_string(&map).unwrap());
        let back: FieldLines = serde_json::from_str(&json).unwrap();
        assert_eq!(back, lines);
        let mut less = back.clone();
        assert_eq!(less.remove("a.unknown"), Some(1));
        assert_eq!(less.remove("indicators.10"), Some(7));
        assert_eq!(less.remove("indicators.10"), None);
        assert_eq!(less.insert(Cow::Borrowed("project.code"), 1), Some(2));
        assert_eq!(
            less.keys().collect::<Vec<_>>(),
            [
                "indicators.1",
                "indicators.1.planned",
                "indicators.100",
                "project.code",
                "sustainability.64"
            ]
        );
        assert_eq!(
            format!("{less:?}").len(),
            format!("{:?}", less.iter().collect::<BTreeMap<_, _>>()).len()
        );
    }
}
