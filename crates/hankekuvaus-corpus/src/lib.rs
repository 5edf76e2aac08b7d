#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

mod data;
mod lists;
mod rng;
mod text;

pub use lists::{
    generate_lists, generate_lists_sized, Defect, ListExport, ListRow, COLUMNS_2021, REAL_ROWS,
};

use std::collections::HashSet;

use rng::Rng;

/// The seed when none is given.
pub const DEFAULT_SEED: u64 = 2014;

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusFile {
    /// `00042_S21234.txt`.
    pub name: String,
    /// The encoded bytes.
    pub bytes: Vec<u8>,
    /// The project code.
    pub code: String,
    /// How the text was encoded.
    pub encoding: Encoding,
    /// Whether the code repeats that of an earlier file.
    pub duplicate: bool,
}

/// How a file's text is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, LF.
    Utf8,
    /// UTF-8, CRLF.
    Utf8Crlf,
    /// Windows-1252, CRLF.
    Windows1252,
    /// UTF-16LE with a byte-order mark, CRLF.
    Utf16Le,
}

/// `count` descriptions from `seed`.
pub fn generate(count: usize, seed: u64) -> Vec<CorpusFile> {
    let mut rng = Rng::new(seed);
    let mut used = HashSet::new();
    let mut codes: Vec<String> = Vec::with_capacity(count);
    let mut files = Vec::with_capacity(count);
    for i in 0..count {
        let duplicate = i >= 10 && rng.below(200) == 0;
        let esf = rng.below(10) < 7;
        let code = if duplicate {
            codes[rng.below(codes.len())].clone()
        } else {
            loop {
                let code = if esf {
                    format!("S2{:04}", rng.below(10_000))
                } else {
                    format!("A7{:04}", rng.below(10_000))
                };
                if used.insert(code.clone()) {
                    break code;
                }
            }
        };
        codes.push(code.clone());
        let text = text::description(&mut rng, &code);
        let encoding = match rng.below(20) {
            0 => Encoding::Windows1252,
            1 => Encoding::Utf16Le,
            2 | 3 => Encoding::Utf8Crlf,
            _ => Encoding::Utf8,
        };
        files.push(CorpusFile {
            name: format!("{i:05}_{code}.txt"),
            bytes: encode(&text, encoding),
            code,
            encoding,
            duplicate,
        });
    }
    files
}

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    let crlf = || text.replace('\n', "\r\n");
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Crlf => crlf().into_bytes(),
        Encoding::Windows1252 => crlf()
            .chars()
            .map(|c| match c {
                '–' => 0x96,
                '€' => 0x80,
                c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u8,
                _ => b'?',
            })
            .collect(),
        Encoding::Utf16Le => {
            let mut out = vec![0xFF, 0xFE];
            for unit in crlf().encode_utf16() {
                out.extend_from_slice(&unit.to_le_bytes());
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn deterministic_unique_and_varied() {
        let a = generate(400, 7);
        let b = generate(400, 7);
        assert!(a
            .iter()
            .zip(&b)
            .all(|(x, y)| x.bytes == y.bytes && x.name == y.name));
        let c = generate(400, 8);
        assert!(a.iter().zip(&c).any(|(x, y)| x.bytes != y.bytes));
        let unique: HashSet<&str> = a
            .iter()
            .filter(|f| !f.duplicate)
            .map(|f| f.code.as_str())
            .collect();
        assert_eq!(unique.len(), a.iter().filter(|f| !f.duplicate).count());
        assert!(a.iter().any(|f| f.duplicate));
        for encoding in [
            Encoding::Utf8,
            Encoding::Utf8Crlf,
            Encoding::Windows1252,
            Encoding::Utf16Le,
        ] {
            assert!(a.iter().any(|f| f.encoding == encoding), "{encoding:?}");
        }
        assert!(a.iter().any(|f| f.code.starts_with('A')));
        assert!(a.iter().any(|f| f.code.starts_with('S')));
    }
}
