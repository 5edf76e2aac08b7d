//! One file's bytes to entries of the document list.
//!
//! A description becomes one entry, a list export of a whole programme one entry per project
//! row; this project's JSON (one document, a failure record, or an array of them) restores
//! every entry it holds; anything else becomes a failure entry
//! with the core's message. A description's source text is kept only for the bundled
//! examples: for a file the user gave, the file is kept and read again when its Source tab
//! is first shown (by the source view; nothing here calls the browser).

use std::cell::OnceCell;
use std::rc::Rc;

use web_sys::File;

use hankekuvaus::{
    decode, export, fingerprint, import::import_json, Document, Failure, FailureSource,
    NotADescription, Options, Outcome, Severity,
};

use crate::source_text::rebuild_source;

mod list_entries;

use list_entries::list_rows;
pub use list_entries::{file_list_entries, ListEntries};

/// How an entry looks in the list: `data-state` of `li.doc-entry`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryState {
    /// A description without warnings or errors.
    Ok,
    /// A description with warnings.
    Warning,
    /// Not a description, or a description with error diagnostics.
    Error,
}

impl EntryState {
    /// "ok", "warning" or "error".
    pub fn as_str(self) -> &'static str {
        match self {
            EntryState::Ok => "ok",
            EntryState::Warning => "warning",
            EntryState::Error => "error",
        }
    }
}

/// A loaded description, and where the text its line numbers refer to comes from.
#[derive(Debug)]
pub struct Loaded {
    /// The parsed or imported document.
    pub doc: Document,
    /// Where the Source tab's text comes from.
    origin: Origin,
    /// The Source tab's text, once made.
    source: OnceCell<SourceText>,
    /// The document's JSON, made when first asked for (most entries are never shown as
    /// JSON, and with hundreds of files the strings would add up).
    json: OnceCell<Rc<str>>,
}

/// Where the text of a document's Source tab comes from.
#[derive(Debug)]
enum Origin {
    /// Decoded when the file was read (the bundled examples).
    Text(Rc<str>),
    /// A file the user gave, read again when its source is first shown. Documents keep no
    /// copy of their text: with thousands of files the copies would take a quarter of the
    /// page's memory, for a tab opened for a few of them.
    File(File),
    /// A member of a ZIP archive the user gave (the archive; the member's name is the
    /// document's file name): the member is read out of the archive again when first shown.
    Member(File),
    /// Imported from JSON: the text is rebuilt from the section tree.
    Imported,
}

/// The text of the Source tab.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceText {
    /// The text, lines as the document's line numbers count them.
    pub text: Rc<str>,
    /// Why the text was rebuilt from the section tree rather than decoded from the file.
    pub rebuilt: Option<Rebuilt>,
}

/// Why a source text was rebuilt from the section tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebuilt {
    /// The document was imported from JSON, which holds no text.
    Imported,
    /// The file could not be read again, or its bytes are no longer those parsed (moved,
    /// deleted or changed since it was loaded).
    Unreadable,
}

impl SourceText {
    /// The source text of `doc` from the bytes of its file read again: decoded when they
    /// are the bytes parsed (same fingerprint), else rebuilt from the section tree.
    pub fn from_reread(doc: &Document, bytes: Option<&[u8]>) -> SourceText {
        match bytes {
            Some(bytes) if fingerprint(bytes) == doc.source.fingerprint => SourceText {
                text: Rc::from(hankekuvaus::source_text(bytes)),
                rebuilt: None,
            },
            _ => SourceText {
                text: Rc::from(rebuild_source(doc)),
                rebuilt: Some(Rebuilt::Unreadable),
            },
        }
    }
}

impl Loaded {
    /// The Source tab's text when it can be had without reading a file: for a document
    /// from a file given by the user, only once [`Loaded::reread`] has had the file's bytes.
    pub fn source(&self) -> Option<&SourceText> {
        if let Some(source) = self.source.get() {
            return Some(source);
        }
        let source = match &self.origin {
            Origin::Text(text) => SourceText {
                text: Rc::clone(text),
                rebuilt: None,
            },
            Origin::Imported => SourceText {
                text: Rc::from(rebuild_source(&self.doc)),
                rebuilt: Some(Rebuilt::Imported),
            },
            Origin::File(_) | Origin::Member(_) => return None,
        };
        Some(self.source.get_or_init(|| source))
    }

    /// The file to read again for the Source tab, while its text is not made.
    pub fn file_to_read(&self) -> Option<&File> {
        match &self.origin {
            Origin::File(file) | Origin::Member(file) if self.source.get().is_none() => Some(file),
            _ => None,
        }
    }

    /// Makes the Source tab's text from the bytes of the file read again (`None`: it could
    /// not be read); see [`SourceText::from_reread`].
    /// For an archive's member, `bytes` are the archive's, and the member is read out of it.
    pub fn reread(&self, bytes: Option<&[u8]>) -> &SourceText {
        let member = match (&self.origin, bytes) {
            (Origin::Member(archive), Some(bytes)) => {
                crate::archives::member_bytes(bytes, &archive.name(), &self.doc.source.file_name)
            }
            _ => None,
        };
        let bytes = match &self.origin {
            Origin::Member(_) => member.as_deref(),
            _ => bytes,
        };
        self.source
            .get_or_init(|| SourceText::from_reread(&self.doc, bytes))
    }

    /// The document's JSON, exactly as "Download JSON" writes it and the JSON tab shows it.
    pub fn json(&self) -> Rc<str> {
        Rc::clone(
            self.json
                .get_or_init(|| Rc::from(export::document_json(&self.doc))),
        )
    }
}

/// One entry of the document list. Cheap to clone; compared by identity.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A description.
    Document(Rc<Loaded>),
    /// A file that is not a description.
    Failure(Rc<Failure>),
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Entry::Document(a), Entry::Document(b)) => Rc::ptr_eq(a, b),
            (Entry::Failure(a), Entry::Failure(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Identity is an equivalence, so lists of entries shared by `Rc` compare by pointer first.
impl Eq for Entry {}

impl Entry {
    fn document(doc: Document, origin: Origin) -> Entry {
        Entry::Document(Rc::new(Loaded {
            doc,
            origin,
            source: OnceCell::new(),
            json: OnceCell::new(),
        }))
    }

    /// The fingerprint of the file the entry came from: the same file loaded twice has the
    /// same one.
    pub fn fingerprint(&self) -> &str {
        match self {
            Entry::Document(l) => &l.doc.source.fingerprint,
            Entry::Failure(f) => &f.source.fingerprint,
        }
    }

    /// The file name.
    pub fn file_name(&self) -> &str {
        match self {
            Entry::Document(l) => &l.doc.source.file_name,
            Entry::Failure(f) => &f.source.file_name,
        }
    }

    /// The project code; empty for failures and documents without one.
    pub fn code(&self) -> &str {
        match self {
            Entry::Document(l) => l.doc.project.code.as_deref().unwrap_or(""),
            Entry::Failure(_) => "",
        }
    }

    /// The loaded document, if this entry is one.
    pub fn loaded(&self) -> Option<&Rc<Loaded>> {
        match self {
            Entry::Document(l) => Some(l),
            Entry::Failure(_) => None,
        }
    }

    /// Error for failures and documents with errors, warning for documents with warnings.
    pub fn state(&self) -> EntryState {
        match self {
            Entry::Failure(_) => EntryState::Error,
            Entry::Document(l) => {
                let worst = l.doc.diagnostics.iter().map(|d| d.severity).max();
                match worst {
                    Some(Severity::Error) => EntryState::Error,
                    Some(Severity::Warning) => EntryState::Warning,
                    _ => EntryState::Ok,
                }
            }
        }
    }

    /// The entry as an export outcome (documents by value, failures as failure records).
    pub fn outcome(&self) -> Outcome {
        match self {
            Entry::Document(l) => Outcome::Document(Box::new(l.doc.clone())),
            Entry::Failure(f) => Outcome::Failure((**f).clone()),
        }
    }
}

/// Whether a file is to be read as this project's JSON: by its name, or by its first
/// non-blank character (after a byte-order mark) being `{` or `[`.
pub fn is_json(file_name: &str, bytes: &[u8]) -> bool {
    if json_by_name(file_name) {
        return true;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    matches!(
        body.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{' | b'[')
    )
}

/// Whether a file's name says it is JSON (`.json`, any case).
pub fn json_by_name(file_name: &str) -> bool {
    file_name.to_ascii_lowercase().ends_with(".json")
}

/// A failure entry for a file that is not a description.
pub fn failure(
    file_name: &str,
    byte_count: u64,
    fingerprint: String,
    error: NotADescription,
) -> Entry {
    Entry::Failure(Rc::new(Failure {
        source: FailureSource {
            file_name: file_name.to_owned(),
            byte_count,
            fingerprint,
        },
        error,
    }))
}

/// Reads one file's bytes into list entries, in order, keeping a description's text (the
/// bundled examples). Never fails: what cannot be read becomes a failure entry naming the
/// file.
pub fn ingest(file_name: &str, bytes: &[u8]) -> Vec<Entry> {
    // For an HTML page the text is the one extracted from it, which its lines count.
    // Made once: every row of a list export shares the list's text.
    let text: OnceCell<Rc<str>> = OnceCell::new();
    ingest_with(file_name, bytes, || {
        Origin::Text(Rc::clone(
            text.get_or_init(|| Rc::from(hankekuvaus::source_text(bytes))),
        ))
    })
}

/// Reads the bytes of a file the user gave into list entries, as [`ingest`] does but
/// keeping the file rather than the text: the text is read again when first shown.
pub fn ingest_file(file: &File, bytes: &[u8]) -> Vec<Entry> {
    ingest_with(&file.name(), bytes, || Origin::File(file.clone()))
}

/// Reads the bytes of a member of the ZIP archive `archive` (named `name`:
/// `archive.zip/dir/file.txt`), as [`ingest_file`] does: the member is read out of the
/// archive again when its text is first shown.
pub fn ingest_member(archive: &File, name: &str, bytes: &[u8]) -> Vec<Entry> {
    ingest_with(name, bytes, || Origin::Member(archive.clone()))
}

/// A description gives one entry; a list export of a whole programme one per project row,
/// each row's Source tab showing the list with its row's line.
fn ingest_with<'a>(
    file_name: &str,
    bytes: &'a [u8],
    origin: impl Fn() -> Origin + 'a,
) -> Vec<Entry> {
    if is_json(file_name, bytes) {
        return ingest_json(file_name, bytes);
    }
    if let Some(rows) = list_rows(file_name, bytes) {
        return ListEntries::new(rows, Box::new(origin)).collect();
    }
    // Not a list, or over the size limit (which `read` reports). `read` looks for a list
    // again: cheap, but for a workbook that is not one, which it opens a second time.
    outcome_entries(
        hankekuvaus::read(bytes, file_name, &Options::default()),
        origin,
    )
}

/// The entries of a file the engine worker parsed (see [`crate::engine`]): as
/// [`ingest_file`] gives them for the same bytes.
pub fn parsed_entries(file: &File, outcomes: Vec<Outcome>) -> Vec<Entry> {
    outcome_entries(outcomes, || Origin::File(file.clone()))
}

fn outcome_entries(outcomes: Vec<Outcome>, origin: impl Fn() -> Origin) -> Vec<Entry> {
    outcomes
        .into_iter()
        .map(|outcome| match outcome {
            Outcome::Document(doc) => Entry::document(*doc, origin()),
            Outcome::Failure(f) => Entry::Failure(Rc::new(f)),
        })
        .collect()
}

/// Reads this project's JSON whole (any encoding; a failure entry naming the file, with the
/// position of a syntax error, when it is not such JSON). The loader reads large exports item
/// by item instead and comes here only when that stops.
pub fn ingest_json(file_name: &str, bytes: &[u8]) -> Vec<Entry> {
    let decoded = decode(bytes);
    match import_json(&decoded.text) {
        Ok(outcomes) => imported_entries(outcomes),
        Err(error) => vec![failure(
            file_name,
            bytes.len() as u64,
            fingerprint(bytes),
            error,
        )],
    }
}

/// The entries of imported documents and failure records.
pub fn imported_entries(outcomes: Vec<Outcome>) -> Vec<Entry> {
    outcomes
        .into_iter()
        .map(|o| match o {
            Outcome::Document(doc) => Entry::document(*doc, Origin::Imported),
            Outcome::Failure(f) => Entry::Failure(Rc::new(f)),
        })
        .collect()
}

/// The bytes of "Download all": every entry in list order, failures included.
pub fn all_entries_json(entries: &[Entry]) -> String {
    let outcomes: Vec<Outcome> = entries.iter().map(Entry::outcome).collect();
    export::outcomes_json(&outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use hankekuvaus::paths::FieldPath;

    fn seed_bytes(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/testdata/seeds/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn a_seed_becomes_one_document_with_its_text() {
        let bytes = seed_bytes("000_2f4bdf7767fd6a31.txt");
        let entries = ingest("000_2f4bdf7767fd6a31.txt", &bytes);
        assert_eq!(entries.len(), 1);
        let e = &entries[0];
        assert_eq!(e.code(), "S21498");
        assert_eq!(e.file_name(), "000_2f4bdf7767fd6a31.txt");
        let loaded = e.loaded().unwrap();
        let source = loaded.source().unwrap();
        assert_eq!(source.rebuilt, None);
        assert_eq!(source.text.lines().nth(6), Some("Hankekoodi: S21498"));
        assert_eq!(*loaded.json(), export::document_json(&loaded.doc));
    }

    #[test]
    fn a_list_export_becomes_an_entry_per_project_row() {
        let path = format!(
            "{}/testdata/lists/eura2014_projektilista_2016_sample.csv",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).unwrap();
        let entries = ingest("projektilista", &bytes);
        assert_eq!(entries.len(), 144);
        assert!(entries.iter().all(|e| !e.code().is_empty()));
        let row = &entries[0].loaded().unwrap();
        assert_eq!(row.doc.source.row, Some(2));
        // The Source tab shows the list, and the row's fields are on its line.
        let source = row.source().unwrap();
        let line = row.doc.field_lines[FieldPath::ProjectCode.as_str()] as usize;
        let shown: Vec<&str> = hankekuvaus::source_lines(&source.text).collect();
        assert!(
            shown[line - 1].contains(entries[0].code()),
            "{}",
            shown[line - 1]
        );
    }

    #[test]
    fn not_a_description_is_an_error_entry_with_the_core_message() {
        let entries = ingest("kuva.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].state(), EntryState::Error);
        assert_eq!(entries[0].code(), "");
        let Entry::Failure(f) = &entries[0] else {
            panic!("a failure")
        };
        assert_eq!(f.source.file_name, "kuva.png");
        assert!(!f.error.message.is_empty());
    }

    #[test]
    fn download_all_round_trips_documents_and_failures() {
        let mut entries = ingest("000.txt", &seed_bytes("000_2f4bdf7767fd6a31.txt"));
        entries.extend(ingest("004.txt", &seed_bytes("004_c583bbdf69c07adf.txt")));
        entries.extend(ingest("tyhjä.txt", b""));
        let json = all_entries_json(&entries);
        let items: Result<Vec<Outcome>, _> =
            hankekuvaus::import::json_items(json.as_bytes()).collect();
        assert_eq!(
            items.expect("the item reader reads the app's own export"),
            import_json(&json).unwrap(),
            "item by item as whole"
        );
        let back = ingest("hankekatselin.json", json.as_bytes());
        assert_eq!(back.len(), 3);
        for (a, b) in entries.iter().zip(&back) {
            assert_eq!(a.outcome(), b.outcome());
            assert_eq!(a.fingerprint(), b.fingerprint());
            assert_eq!(a.state(), b.state());
        }
        // The rebuilt text puts the code on the line the document says.
        let loaded = back[0].loaded().unwrap();
        let source = loaded.source().unwrap();
        assert_eq!(source.rebuilt, Some(Rebuilt::Imported));
        let line = loaded.doc.field_lines[FieldPath::ProjectCode.as_str()] as usize;
        assert_eq!(
            source.text.lines().nth(line - 1),
            Some("Hankekoodi: S21498")
        );
    }

    #[test]
    fn a_file_read_again_gives_its_text_unless_it_changed() {
        let bytes = seed_bytes("004_c583bbdf69c07adf.txt");
        let entries = ingest("004.txt", &bytes);
        let doc = &entries[0].loaded().unwrap().doc;
        let same = SourceText::from_reread(doc, Some(&bytes));
        assert_eq!(same.rebuilt, None);
        assert_eq!(*same.text, hankekuvaus::source_text(&bytes));
        let mut changed = bytes.clone();
        changed.extend_from_slice(b"\nLis\xC3\xA4rivi");
        for reread in [Some(&changed[..]), None] {
            let source = SourceText::from_reread(doc, reread);
            assert_eq!(source.rebuilt, Some(Rebuilt::Unreadable));
            let line = doc.field_lines[FieldPath::ProjectCode.as_str()] as usize;
            assert_eq!(
                source.text.lines().nth(line - 1),
                Some("Hankekoodi: S22257"),
                "the rebuilt text keeps the lines in place"
            );
        }
    }

    #[test]
    fn the_source_tab_numbers_lines_as_the_core_for_every_line_end_and_encoding() {
        let text = String::from_utf8(seed_bytes("000_2f4bdf7767fd6a31.txt")).unwrap();
        let text = text.replace("\r\n", "\n");
        for end in ["\n", "\r\n", "\r"] {
            let with_ends = text.replace('\n', end);
            let utf16: Vec<u8> = std::iter::once(0xFEFF_u16)
                .chain(with_ends.encode_utf16())
                .flat_map(u16::to_le_bytes)
                .collect();
            let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&with_ends);
            for (encoding, bytes) in [
                ("UTF-8", with_ends.as_bytes().to_vec()),
                ("UTF-16LE", utf16),
                ("Windows-1252", latin1.into_owned()),
            ] {
                let entries = ingest("000.txt", &bytes);
                let loaded = entries[0].loaded().expect("the seed parses");
                let source = SourceText::from_reread(&loaded.doc, Some(&bytes));
                assert_eq!(source.rebuilt, None);
                let shown: Vec<&str> = hankekuvaus::source_lines(&source.text).collect();
                assert_eq!(
                    shown.len() as u32,
                    loaded.doc.source.line_count,
                    "{encoding} {end:?}"
                );
                let line = loaded.doc.field_lines["project.code"] as usize;
                assert_eq!(
                    shown[line - 1].trim(),
                    "Hankekoodi: S21498",
                    "{encoding} {end:?}"
                );
                for d in &loaded.doc.diagnostics {
                    if let Some(n) = d.line {
                        assert!(
                            !shown[n as usize - 1].trim().is_empty(),
                            "{encoding} {end:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn json_is_sniffed_and_bad_json_is_a_failure() {
        assert!(is_json("x.JSON", b"whatever"));
        assert!(is_json("x.txt", b"\xEF\xBB\xBF  \n[1]"));
        assert!(!is_json("x.txt", b"Euroopan unioni"));
        let entries = ingest("rikki.json", b"{\"schema_version\": 1");
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].state(), EntryState::Error);
        assert_eq!(entries[0].file_name(), "rikki.json");
        assert_eq!(
            entries[0].fingerprint(),
            fingerprint(b"{\"schema_version\": 1")
        );
    }
}
