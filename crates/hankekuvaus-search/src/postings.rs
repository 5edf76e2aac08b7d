//! One term's postings, packed: for every document that has the term, in slot order,
//! `varint(slot gap) varint(weighted count) varint(count) varint(positions' bytes)
//! varint(position gaps)…`.
//!
//! Variable-length gaps keep a posting near two bytes (most gaps and positions are small);
//! the byte length in front of the positions lets ranking skip them for documents whose
//! positions it does not need.

/// The postings of one term.
#[derive(Debug, Clone, Default)]
pub(crate) struct Postings {
    bytes: Vec<u8>,
    /// One past the last slot written, so the next slot is written as a gap from it.
    next_slot: u32,
    /// Documents in the list, live or not.
    pub docs: u32,
}

/// One document's entry in a posting list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry<'a> {
    pub slot: u32,
    /// Sum of the field weights of the occurrences, in halves.
    pub weight_x2: u32,
    /// Number of occurrences.
    pub count: u32,
    positions: &'a [u8],
}

impl Entry<'_> {
    /// The word positions, ascending.
    pub(crate) fn positions(&self) -> impl Iterator<Item = u32> + '_ {
        let mut at = 0;
        let mut pos = 0u32;
        let mut first = true;
        std::iter::from_fn(move || {
            if at >= self.positions.len() {
                return None;
            }
            let gap = read_varint(self.positions, &mut at);
            pos = if first { gap } else { pos + gap };
            first = false;
            Some(pos)
        })
    }
}

impl Postings {
    /// Appends a document; `slot` must be above every slot already in the list.
    pub(crate) fn push(
        &mut self,
        slot: u32,
        weight_x2: u32,
        positions: &[u32],
        scratch: &mut Vec<u8>,
    ) {
        scratch.clear();
        let mut prev = 0;
        for (i, &p) in positions.iter().enumerate() {
            write_varint(scratch, if i == 0 { p } else { p - prev });
            prev = p;
        }
        self.push_encoded(slot, weight_x2, positions.len() as u32, scratch);
    }

    /// Appends a document whose `count` positions are already written as gaps (the first
    /// from 0), as [`Postings::push`] writes them: for positions gathered a few at a time.
    pub(crate) fn push_encoded(&mut self, slot: u32, weight_x2: u32, count: u32, gaps: &[u8]) {
        debug_assert!(slot >= self.next_slot);
        // Grown by half, not doubled: the lists are most of the index, and doubling left a
        // quarter of their room unused (30.5 MB for 22 after shrinking, over the 8,000-file
        // corpus in wasm), in memory a page never gets back. Growing by a quarter or an
        // eighth left less unused but took more memory in all: the old blocks freed at
        // each growth are holes that few other allocations fit.
        let needed = 20 + gaps.len();
        if self.bytes.capacity() - self.bytes.len() < needed {
            self.bytes
                .reserve_exact(needed.max(self.bytes.len() / 2).max(16));
        }
        write_varint(&mut self.bytes, slot - self.next_slot);
        write_varint(&mut self.bytes, weight_x2);
        write_varint(&mut self.bytes, count);
        write_varint(&mut self.bytes, gaps.len() as u32);
        self.bytes.extend_from_slice(gaps);
        self.next_slot = slot + 1;
        self.docs += 1;
    }

    /// The entries in slot order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Entry<'_>> + '_ {
        let bytes = &self.bytes[..];
        let mut at = 0;
        let mut next_slot = 0;
        std::iter::from_fn(move || {
            if at >= bytes.len() {
                return None;
            }
            let slot = next_slot + read_varint(bytes, &mut at);
            let weight_x2 = read_varint(bytes, &mut at);
            let count = read_varint(bytes, &mut at);
            let len = read_varint(bytes, &mut at) as usize;
            let positions = &bytes[at..at + len];
            at += len;
            next_slot = slot + 1;
            Some(Entry {
                slot,
                weight_x2,
                count,
                positions,
            })
        })
    }

    /// The list with the entries of dead slots dropped and the others renumbered by
    /// `new_slot` (`None` for a dead slot).
    pub(crate) fn compacted(&self, new_slot: &[Option<u32>]) -> Postings {
        let mut out = Postings::default();
        let mut scratch = Vec::new();
        let mut positions = Vec::new();
        for e in self.iter() {
            if let Some(slot) = new_slot[e.slot as usize] {
                positions.clear();
                positions.extend(e.positions());
                out.push(slot, e.weight_x2, &positions, &mut scratch);
            }
        }
        out.bytes.shrink_to_fit();
        out
    }

    /// Gives back the spare capacity of the list.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
    }
}

pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut v = 0u32;
    let mut shift = 0;
    loop {
        let b = bytes[*at];
        *at += 1;
        v |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return v;
        }
        shift += 7;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_come_back_as_written_and_compaction_renumbers() {
        let mut p = Postings::default();
        let mut scratch = Vec::new();
        p.push(0, 2, &[3, 200, 70_000], &mut scratch);
        p.push(5, 10, &[0], &mut scratch);
        p.push(300, 4, &[1, 2], &mut scratch);
        let got: Vec<(u32, u32, Vec<u32>)> = p
            .iter()
            .map(|e| {
                assert_eq!(e.count as usize, e.positions().count());
                (e.slot, e.weight_x2, e.positions().collect())
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 2, vec![3, 200, 70_000]),
                (5, 10, vec![0]),
                (300, 4, vec![1, 2])
            ]
        );
        let mut map = vec![None; 301];
        map[5] = Some(0);
        map[300] = Some(1);
        let c = p.compacted(&map);
        let got: Vec<(u32, Vec<u32>)> = c
            .iter()
            .map(|e| (e.slot, e.positions().collect()))
            .collect();
        assert_eq!(got, vec![(0, vec![0]), (1, vec![1, 2])]);
        assert_eq!(c.docs, 2);
    }
}
