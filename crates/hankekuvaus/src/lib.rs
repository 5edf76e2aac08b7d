//! # hankekuvaus
//!
//! See also the crate README and `ARCHITECTURE.md` at the repository root.
//!
//! Parser for the public descriptions of EU structural-fund projects in Finland
//! ("hankkeen kuvaus", as published by the national structural-fund information service):
//! ESF ("ESR") and ERDF ("EAKR") projects of the 2014–2020 and 2007–2013 periods, and the
//! services' list exports of all three periods (2021–2027 included).
//!
//! Bytes go in; a [`Document`] with its [`Diagnostic`]s comes out. The crate does no I/O and has
//! no web dependencies, so the same code runs natively and as WebAssembly.
//!
//! Parsing never fails on a description: bad values become diagnostics and every non-blank
//! line lands in the generic section tree. Only input that is not a description at all (an
//! image, a PDF, an empty file, unrelated text) is an error, [`NotADescription`].
//!
//! ```
//! let text = "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n\
//!             1 Hanke\n\
//!             Hankekoodi: S21498\n\
//!             5 Projektin julkinen rahoitus, euroa\n\
//!             Myönnetty EU- ja valtion rahoitus: 48 724\n";
//! let doc = hankekuvaus::parse(text.as_bytes(), "S21498.txt").unwrap();
//! assert_eq!(doc.project.code.as_deref(), Some("S21498"));
//! assert_eq!(doc.funding.granted_eu_state, Some(hankekuvaus::Amount::euros(48_724)));
//! assert_eq!(doc.kind.fund, Some(hankekuvaus::Fund::Esr));
//! // The cut-short file still parses; what is missing is reported.
//! assert!(doc.diagnostics.iter().any(|d| d.code == "missing-section"));
//! ```
//!
//! The services' **list exports** (one file with every project of a programme: EURA 2007's
//! CSV and XML, EURA 2014's CSV, EURA 2021's Excel workbook) are read by [`read`], the one
//! entry point for every input: one [`Outcome`] per project row, each a [`Document`] with
//! what the list has and [`Source::row`] saying which row. Recognised by content
//! ([`lists::detect`]), not by name; see `docs/LISTS.md`.
//!
//! ```
//! use hankekuvaus::{lists, read, Amount, ListKind, Options, Outcome};
//! let list = "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,\
//!             Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion \
//!             rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus \
//!             yhteensä;\n\
//!             A70054,EAKR,Kasvua älykkäistä energiaratkaisuista (KÄLY),2,Pirkanmaan liitto,\
//!             Toiminnassa,1.1.2015,30.6.2017,Suupohjan Elinkeinotoimen kuntayhtymä,\
//!             61467,30067.49,216778,42954.01;\n";
//! assert_eq!(lists::detect(list.as_bytes()), Some(ListKind::Eura2014Csv));
//! let outcomes = read(list.as_bytes(), "lista", &Options::default());
//! let [Outcome::Document(doc)] = outcomes.as_slice() else { panic!() };
//! assert_eq!(doc.funding.realized_eu_state, Some(Amount::from_cents(3_006_749)));
//! assert_eq!((doc.source.list, doc.source.row), (Some(ListKind::Eura2014Csv), Some(2)));
//! ```

#![warn(missing_docs)]

mod amount;
pub mod codes;
mod decode;
pub mod derived;
pub mod export;
mod fields;
mod html;
pub mod import;
mod lines;
pub mod lists;
mod model;
mod parse;
pub mod paths;
mod sniff;
mod string_enum;
mod swar;
pub mod transfer;

use serde::{Deserialize, Serialize};

pub use amount::Amount;
pub use decode::{decode, Decoded};
pub use lines::{source_lines, SourceLines};
pub use model::*;

/// The README's example, compiled as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Limits that keep one bad input from exhausting memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Files larger than this are refused with [`codes::Code::TooLarge`]. Default 50 MB.
    pub max_file_bytes: u64,
    /// A line longer than this (in bytes of decoded text) refuses the file with
    /// [`codes::Code::LineTooLong`]. Default 1 MB.
    pub max_line_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_file_bytes: 50 * 1024 * 1024,
            max_line_bytes: 1024 * 1024,
        }
    }
}

/// The input is not a project description at all. Carries a stable code and a message that
/// names what was found and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotADescription {
    /// A stable kebab-case code from [`codes`], e.g. `pdf` or `not-a-description`.
    pub code: String,
    /// A sentence for people.
    pub message: String,
}

impl std::fmt::Display for NotADescription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for NotADescription {}

/// What is known of a file that did not parse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureSource {
    /// The file name as given.
    pub file_name: String,
    /// Size in bytes.
    pub byte_count: u64,
    /// FNV-1a 64 of the bytes, as in [`Source::fingerprint`].
    pub fingerprint: String,
}

/// A file that is not a description: `{"source": {...}, "error": {"code", "message"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// The file.
    pub source: FailureSource,
    /// Why it is not a description.
    pub error: NotADescription,
}

/// One result per input file, as the CLI prints it and the viewer exports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Outcome {
    /// The file parsed.
    Document(Box<Document>),
    /// The file is not a description.
    Failure(Failure),
}

/// Parses one file with the default [`Options`].
///
/// `file_name` is recorded in [`Source::file_name`]; it is also a hint for the format
/// (`.html`/`.htm`), though the content decides.
pub fn parse(bytes: &[u8], file_name: &str) -> Result<Document, NotADescription> {
    parse_with(bytes, file_name, &Options::default())
}

/// Parses one file with explicit limits.
pub fn parse_with(
    bytes: &[u8],
    file_name: &str,
    options: &Options,
) -> Result<Document, NotADescription> {
    parse::parse_bytes(bytes, file_name, options)
}

/// The text a document's line numbers refer to: the decoded file, or for a saved HTML page
/// the text extracted from it. For showing the source beside a parsed document.
pub fn source_text(bytes: &[u8]) -> String {
    let decoded = decode(bytes);
    if html::looks_like_html(&decoded.text) {
        html::to_text(&decoded.text)
    } else {
        decoded.text.into_owned()
    }
}

/// Parses one file into an [`Outcome`], keeping failures as values.
pub fn parse_outcome(bytes: &[u8], file_name: &str, options: &Options) -> Outcome {
    match parse_with(bytes, file_name, options) {
        Ok(doc) => Outcome::Document(Box::new(doc)),
        Err(error) => Outcome::Failure(Failure {
            source: FailureSource {
                file_name: file_name.to_owned(),
                byte_count: bytes.len() as u64,
                fingerprint: fingerprint(bytes),
            },
            error,
        }),
    }
}

/// Reads any input the CLI and the viewer take: a description gives one outcome, a list
/// export (recognised by content, see [`lists::detect`]) one document per project row, in
/// file order (rows that cannot be read included, as documents with an error diagnostic and
/// their raw text), and anything else one [`Outcome::Failure`].
///
/// ```
/// use hankekuvaus::{read, Outcome, Options, Period, Status};
/// let list = "Koodi,Rahasto,Projektin nimi,Ohjelma / osio,Tl,Viranomainen,Toiminnan tila,\
///             Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,\
///             Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,\
///             Toteutunut julkinen rahoitus yhteensä\n\
///             A30001,EAKR,Satama, vaihe 2,Itä-Suomi,1,Kainuun liitto,Keskeytynyt,\
///             1.1.2009,31.12.2010,Oy Esimerkki Ab,1000,500,2000,1000\n";
/// let outcomes = read(list.as_bytes(), "projektilista", &Options::default());
/// let [Outcome::Document(doc)] = outcomes.as_slice() else { panic!() };
/// assert_eq!(doc.project.name.as_deref(), Some("Satama, vaihe 2"));
/// assert_eq!(doc.project.status, Some(Status::Interrupted));
/// assert_eq!(doc.kind.period, Some(Period::P2007_2013));
/// assert_eq!(doc.source.row, Some(2));
/// ```
pub fn read(bytes: &[u8], file_name: &str, options: &Options) -> Vec<Outcome> {
    let failure = |error| {
        Outcome::Failure(Failure {
            source: FailureSource {
                file_name: file_name.to_owned(),
                byte_count: bytes.len() as u64,
                fingerprint: fingerprint(bytes),
            },
            error,
        })
    };
    if bytes.len() as u64 > options.max_file_bytes {
        return vec![failure(NotADescription::too_large(
            bytes.len() as u64,
            options.max_file_bytes,
        ))];
    }
    let Some(mut rows) = lists::Rows::new(bytes, file_name) else {
        return vec![parse_outcome(bytes, file_name, options)];
    };
    let outcomes: Vec<Outcome> = rows
        .by_ref()
        .map(|d| Outcome::Document(Box::new(d)))
        .collect();
    if outcomes.is_empty() {
        return vec![Outcome::Failure(rows.no_rows())];
    }
    outcomes
}

/// FNV-1a 64-bit hash of `bytes` as 16 lowercase hex digits.
///
/// Not cryptographic: it only tells whether the same file was loaded twice.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut f = Fingerprint::default();
    f.update(bytes);
    f.finish()
}

/// [`fingerprint`] computed piece by piece, for input that is not held in memory at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint(u64);

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }
}

impl Fingerprint {
    /// Adds the next bytes.
    pub fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash of everything added, as 16 lowercase hex digits.
    pub fn finish(&self) -> String {
        format!("{:016x}", self.0)
    }
}

/// The [`fingerprint`] of some bytes, taken a word at a time by a loop that walks the same
/// text for other work ([`lines::split`]). FNV-1a is one chain of dependent multiplies,
/// about four cycles a byte, which left to itself keeps the processor waiting; a step of it
/// in every round of another loop lets that loop's independent work run in those cycles.
/// Which bytes the other loop reads does not matter for the value, only for the overlap.
pub(crate) struct FingerprintAlong<'a> {
    bytes: &'a [u8],
    done: usize,
    hash: Fingerprint,
}

impl<'a> FingerprintAlong<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> FingerprintAlong<'a> {
        FingerprintAlong {
            bytes,
            done: 0,
            hash: Fingerprint::default(),
        }
    }

    /// Hashes the next eight bytes, if there are eight.
    #[inline]
    pub(crate) fn step(&mut self) {
        let next = self.done + 8;
        if let Some(word) = self.bytes.get(self.done..next) {
            self.hash.update(word);
            self.done = next;
        }
    }

    /// Hashes what the steps left and gives the [`fingerprint`].
    pub(crate) fn finish(mut self) -> String {
        self.hash.update(&self.bytes[self.done..]);
        self.hash.finish()
    }
}

impl NotADescription {
    /// The refusal of a file of `byte_count` bytes over the `limit` ([`codes::Code::TooLarge`]).
    pub fn too_large(byte_count: u64, limit: u64) -> NotADescription {
        let mb = |b: u64| format!("{:.1}", b as f64 / (1024.0 * 1024.0));
        NotADescription {
            code: codes::Code::TooLarge.as_str().to_owned(),
            message: format!(
                "The file is {} MB; the limit is {} MB. A project description is usually under 100 KB.",
                mb(byte_count),
                mb(limit)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Steps taken or not, at every length: the same value as [`fingerprint`].
    #[test]
    fn fingerprint_along_another_loop_is_the_fingerprint() {
        let bytes: Vec<u8> = (0..40u8).map(|b| b.wrapping_mul(37)).collect();
        for len in 0..bytes.len() {
            for steps in 0..7 {
                let mut along = FingerprintAlong::new(&bytes[..len]);
                (0..steps).for_each(|_| along.step());
                assert_eq!(along.finish(), fingerprint(&bytes[..len]), "{len} {steps}");
            }
        }
    }
}
