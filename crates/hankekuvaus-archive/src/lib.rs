//! # hankekuvaus-archive
//!
//! Reads the files inside a ZIP archive held in memory, safely: no I/O, and the same code
//! runs natively and as WebAssembly. Each file comes out as a [`Member`] named
//! `archive.zip/dir/file.txt`, or as a [`MemberError`] saying why it was not read, so one
//! bad member never stops the others.
//!
//! What a hostile or broken archive gets (each with a stable code from [`codes`] and a
//! sentence for people):
//! - more entries than [`Limits::max_members`]: the whole archive is refused before any
//!   member is read ([`codes::TOO_MANY_MEMBERS`]);
//! - a ZIP bomb: a member whose *declared* size is over [`Limits::max_member_bytes`] is not
//!   inflated ([`codes::MEMBER_TOO_LARGE`]); members are inflated here, never past their
//!   declared size, so a header that understates the size is caught while inflating
//!   ([`codes::SIZE_MISMATCH`]); once [`Limits::max_total_bytes`] have been read, the rest
//!   are refused ([`codes::TOTAL_TOO_LARGE`]);
//! - a name with `..`, an absolute path or a drive letter: refused, not sanitised
//!   ([`codes::UNSAFE_NAME`]);
//! - an encrypted member ([`codes::ENCRYPTED`]), a compression other than stored or deflated
//!   ([`codes::UNSUPPORTED_COMPRESSION`]), a symbolic link ([`codes::SYMLINK`]);
//! - a ZIP inside the ZIP: opened, one level deep by default ([`Limits::max_nesting`]), its
//!   files named `outer.zip/inner.zip/file.txt`; deeper ones are refused
//!   ([`codes::NESTED_ARCHIVE`]); an Office document (`.xlsx`, a ZIP with a
//!   `[Content_Types].xml` part) is a member like any file, never opened;
//! - a truncated or damaged archive ([`codes::CORRUPT_ARCHIVE`]) or member
//!   ([`codes::CORRUPT_MEMBER`]).
//!
//! Directories are skipped.
//!
//! ```
//! # use std::io::Write;
//! # let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
//! # zip.start_file("kuvaukset/S21498.txt", zip::write::SimpleFileOptions::default()).unwrap();
//! # zip.write_all(b"Hankekoodi: S21498\n").unwrap();
//! # let bytes = zip.finish().unwrap().into_inner();
//! let archive = hankekuvaus_archive::open(&bytes, "kuvaukset.zip", &Default::default())
//!     .expect("a readable archive");
//! for member in archive {
//!     match member {
//!         Ok(m) => assert_eq!(m.name, "kuvaukset.zip/kuvaukset/S21498.txt"),
//!         Err(e) => eprintln!("{}: {}[{}]", e.name, e.message, e.code),
//!     }
//! }
//! ```

#![warn(missing_docs)]

pub mod codes;
mod member;

use std::borrow::Cow;

use rawzip::{ZipArchive, ZipSliceArchive};

/// Limits that keep one archive from exhausting memory or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest member, in bytes after inflating. Default 50 MB, the parser's file limit.
    pub max_member_bytes: u64,
    /// Most bytes read from one archive in all, nested archives included. Default 1 GB.
    pub max_total_bytes: u64,
    /// Most entries in one archive, nested archives' entries included. Default 20,000,
    /// the viewer's limit on the files of one drop.
    pub max_members: usize,
    /// How many levels of archives inside archives are opened. Default 1: a ZIP inside the
    /// ZIP is opened, a ZIP inside that is refused.
    pub max_nesting: u8,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_member_bytes: 50 * 1024 * 1024,
            max_total_bytes: 1024 * 1024 * 1024,
            max_members: 20_000,
            max_nesting: 1,
        }
    }
}

/// A file read from an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The archive's name, the path inside it and, for a nested archive, the path inside
    /// that: `archive.zip/dir/file.txt`, `archive.zip/inner.zip/file.txt`.
    pub name: String,
    /// The file's bytes, inflated.
    pub bytes: Vec<u8>,
}

/// A member that was not read. The others are not affected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberError {
    /// The member's name as in [`Member::name`] (as written in the archive, even when that
    /// is the problem).
    pub name: String,
    /// A stable kebab-case code from [`codes`].
    pub code: &'static str,
    /// A sentence for people naming the member and the reason.
    pub message: String,
}

impl std::fmt::Display for MemberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MemberError {}

/// The archive as a whole could not be opened; nothing was read from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveError {
    /// A stable kebab-case code from [`codes`].
    pub code: &'static str,
    /// A sentence for people naming the archive and the reason.
    pub message: String,
}

impl std::fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ArchiveError {}

/// One open archive: the outer one or a nested one.
struct Level<'a> {
    zip: ZipSliceArchive<Cow<'a, [u8]>>,
    /// The central directory, read when the archive is opened.
    entries: Vec<member::Entry>,
    /// What member names start with: the archive's own name.
    prefix: String,
    /// The next entry to read.
    next: usize,
    /// 0 for the archive given to [`open`], 1 for one inside it, ….
    depth: u8,
}

/// An open archive: an iterator over its members, in the order of its central directory.
///
/// Each item is a [`Member`] or a [`MemberError`]; directories are skipped. A nested
/// archive's members come in its place.
pub struct Archive<'a> {
    /// The archives being read, outermost first: the last is read from.
    levels: Vec<Level<'a>>,
    limits: Limits,
    /// Entries counted against [`Limits::max_members`] so far.
    entries: usize,
    /// Bytes handed out so far, against [`Limits::max_total_bytes`].
    total_bytes: u64,
}

/// Whether `bytes` are a ZIP whose central directory has a `[Content_Types].xml` entry: an
/// Office Open XML document (a workbook, a Word file), a file for the parser rather than an
/// archive to open. Only the outer directory is looked at, so an archive holding a workbook
/// stored uncompressed is still an archive.
pub fn is_office_document(bytes: &[u8]) -> bool {
    let Ok(zip) = ZipArchive::from_slice(bytes) else {
        return false;
    };
    let mut records = zip.entries();
    while let Ok(Some(record)) = records.next_entry() {
        if record.file_path().as_ref() == b"[Content_Types].xml" {
            return true;
        }
    }
    false
}

/// Opens the archive `bytes`, named `archive_name` (the prefix of its members' names).
///
/// Reads only the central directory: members are inflated one at a time as the
/// [`Archive`] is iterated.
pub fn open<'a>(
    bytes: &'a [u8],
    archive_name: &str,
    limits: &Limits,
) -> Result<Archive<'a>, ArchiveError> {
    let level = open_level(Cow::Borrowed(bytes), archive_name, 0, limits.max_members)?;
    Ok(Archive {
        entries: level.entries.len(),
        levels: vec![level],
        limits: *limits,
        total_bytes: 0,
    })
}

/// Opens one level, refusing it when it has more than `room` entries.
fn open_level<'a>(
    bytes: Cow<'a, [u8]>,
    name: &str,
    depth: u8,
    room: usize,
) -> Result<Level<'a>, ArchiveError> {
    let corrupt = |e: rawzip::Error| {
        ArchiveError {
        code: codes::CORRUPT_ARCHIVE,
        message: format!(
            "{name} is not a readable ZIP archive: it is truncated or damaged ({e}). Nothing was read from it."
        ),
    }
    };
    let too_many = |count: u64| {
        ArchiveError {
        code: codes::TOO_MANY_MEMBERS,
        message: format!(
            "{name} holds {count} entries; at most {room} more files can be read from it. Nothing was read from it."
        ),
    }
    };
    let zip = ZipArchive::from_slice(bytes).map_err(corrupt)?;
    // The end record's count refuses a huge directory before it is read; the count of
    // the entries actually read below holds even when the end record lies.
    if zip.entries_hint() > room as u64 {
        return Err(too_many(zip.entries_hint()));
    }
    let mut entries = Vec::new();
    {
        let mut records = zip.entries();
        while let Some(record) = records.next_entry().map_err(corrupt)? {
            if entries.len() == room {
                return Err(too_many(room as u64 + 1));
            }
            entries.push(member::Entry::of(&record));
        }
    }
    Ok(Level {
        zip,
        entries,
        prefix: name.to_owned(),
        next: 0,
        depth,
    })
}

impl<'a> Archive<'a> {
    /// The number of entries of the outer archive's central directory, directories and
    /// nested archives counted as one each.
    pub fn len(&self) -> usize {
        self.levels[0].entries.len()
    }

    /// Whether the outer archive has no entries at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<'a> Iterator for Archive<'a> {
    type Item = Result<Member, MemberError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let level = self.levels.last_mut()?;
            if level.next >= level.entries.len() {
                self.levels.pop();
                continue;
            }
            let index = level.next;
            level.next += 1;
            let remaining = self.limits.max_total_bytes.saturating_sub(self.total_bytes);
            let read = match member::read(level, index, &self.limits, remaining) {
                member::Read::Directory => continue,
                member::Read::Refused(e) => return Some(Err(e)),
                member::Read::File(m) => m,
            };
            self.total_bytes += read.bytes.len() as u64;
            let depth = level.depth;
            // A workbook is a ZIP too, but a file to hand on (a list export), not an archive.
            if !member::is_zip(&read.bytes) || is_office_document(&read.bytes) {
                return Some(Ok(read));
            }
            if depth >= self.limits.max_nesting {
                return Some(Err(member::too_deep(read.name, depth)));
            }
            // A nested archive's entries count against the same limit as the outer ones.
            let room = self.limits.max_members.saturating_sub(self.entries);
            match open_level(Cow::Owned(read.bytes), &read.name, depth + 1, room) {
                Ok(nested) => {
                    self.entries += nested.entries.len();
                    self.levels.push(nested);
                }
                Err(e) => {
                    return Some(Err(MemberError {
                        name: read.name,
                        code: e.code,
                        message: e.message,
                    }))
                }
            }
        }
    }
}
