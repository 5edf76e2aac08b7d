//! Byte tests eight bytes at a time in a `u64` ("SIMD within a register"). The standard
//! library's word-at-a-time scans step by `usize`, which is four bytes in WebAssembly, and
//! WebAssembly has no vector instructions by default; 64-bit integer arithmetic it has.
//! Every test is exact: the high bit of a byte of the result is set exactly for the bytes
//! that pass, with no carry from one byte into the next.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `i` (little-endian, so byte `i` is the lowest), if there are eight.
#[inline]
pub(crate) fn load(bytes: &[u8], i: usize) -> Option<u64> {
    let word = bytes.get(i..i.checked_add(8)?)?;
    Some(u64::from_le_bytes(word.try_into().ok()?))
}

/// The bytes that are zero. Adding 0x7F to the low seven bits sets the high bit unless
/// they are all zero, and cannot carry out of the byte.
#[inline]
pub(crate) fn zero(w: u64) -> u64 {
    !(((w & !HI).wrapping_add(!HI)) | w) & HI
}

/// The bytes equal to `b`.
#[inline]
pub(crate) fn eq(w: u64, b: u8) -> u64 {
    zero(w ^ (LO * u64::from(b)))
}

/// The bytes below `n` (1 ≤ `n` ≤ 0x80): ASCII bytes whose value plus 0x80 − `n` stays
/// below 0x80.
#[inline]
pub(crate) fn below(w: u64, n: u8) -> u64 {
    debug_assert!((1..=0x80).contains(&n));
    !(((w & !HI).wrapping_add(LO * u64::from(0x80 - n))) | w) & HI
}

/// The bytes 0xE0–0xE3 (lead bytes of U+0000–U+3FFF in three bytes).
#[inline]
pub(crate) fn in_e0_to_e3(w: u64) -> u64 {
    zero((w & (LO * 0xFC)) ^ (LO * 0xE0))
}

/// The continuation bytes of UTF-8 (10xxxxxx): the high bit set and the next one clear.
#[inline]
pub(crate) fn continuation(w: u64) -> u64 {
    w & HI & !(w << 1)
}

/// How many bytes a result holds: each holds 0 or 1 after the shift, and the product sums
/// them into the highest byte (a population count, which x86-64 lacks by default).
#[inline]
pub(crate) fn count(hits: u64) -> usize {
    ((hits >> 7).wrapping_mul(LO) >> 56) as usize
}

/// The index of the first byte set in a non-zero result.
#[inline]
pub(crate) fn first(hits: u64) -> usize {
    (hits.trailing_zeros() / 8) as usize
}

/// The order of two byte strings, as `[u8]`'s (and so `str`'s): compared eight bytes at a
/// time, where a `memcmp` call goes byte by byte in WebAssembly. For the parser's paths and
/// labels, which share long starts (`sustainability.1…`).
pub(crate) fn order(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let common = a.len().min(b.len());
    // Big-endian, so that the first differing byte decides, as it does byte by byte.
    let word = |s: &[u8], i: usize| u64::from_be_bytes(s[i..i + 8].try_into().unwrap());
    let mut i = 0;
    while i + 8 <= common {
        let (x, y) = (word(a, i), word(b, i));
        if x != y {
            return x.cmp(&y);
        }
        i += 8;
    }
    while i < common {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
        i += 1;
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-at-a-time order is `str`'s, over texts that share starts of every length.
    #[test]
    fn order_is_str_order() {
        let texts = [
            "",
            "a",
            "sustainability.1",
            "sustainability.10",
            "sustainability.1.x",
            "sustainability.2",
            "indicators.3.planned",
            "indicators.3.realized",
            "indicators.30",
            "project.code",
            "project.codf",
            "ääkköset.0",
            "applicant.co_implementers.0.name",
            "applicant.co_implementers.0.nam",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(order(a.as_bytes(), b.as_bytes()), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    /// Each word test against the byte it stands for, on every byte value in every position
    /// and on pseudo-random words.
    #[test]
    fn word_tests_are_exact() {
        let mut words: Vec<u64> = (0..=255u64)
            .flat_map(|v| {
                (0..8).map(move |k| (v << (8 * k)) | (0x4141_4141_4141_4141 & !(0xFF << (8 * k))))
            })
            .collect();
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            words.push(x);
        }
        let bytewise = |w: u64, test: &dyn Fn(u8) -> bool| -> u64 {
            (0..8)
                .filter(|k| test((w >> (8 * k)) as u8))
                .map(|k| 0x80u64 << (8 * k))
                .sum()
        };
        for &w in &words {
            assert_eq!(zero(w), bytewise(w, &|b| b == 0), "{w:#x}");
            assert_eq!(eq(w, b' '), bytewise(w, &|b| b == b' '), "{w:#x}");
            assert_eq!(eq(w, 0xC2), bytewise(w, &|b| b == 0xC2), "{w:#x}");
            assert_eq!(below(w, 0x20), bytewise(w, &|b| b < 0x20), "{w:#x}");
            assert_eq!(below(w, 0x80), bytewise(w, &|b| b < 0x80), "{w:#x}");
            let cont = bytewise(w, &|b| b & 0xC0 == 0x80);
            assert_eq!(continuation(w), cont, "{w:#x}");
            assert_eq!(count(cont), cont.count_ones() as usize, "{w:#x}");
            assert_eq!(
                in_e0_to_e3(w),
                bytewise(w, &|b| (0xE0..=0xE3).contains(&b)),
                "{w:#x}"
            );
        }
    }
}
