//! ZIP archives given as files: their members read as files named
//! `archive.zip/dir/file.txt` (with `hankekuvaus-archive`, which refuses bombs, unsafe names,
//! encrypted members, too many members and archives nested deeper than one level, each with
//! its own code and message), every refusal a failure entry of its own so that the other
//! files load. A workbook (`.xlsx` is a ZIP too) is not an archive: the parser reads it as a
//! list export, inside an archive or not.

use hankekuvaus::{fingerprint, NotADescription};
use hankekuvaus_archive::{ArchiveError, Member, MemberError};

use web_sys::File;

use crate::ingest::{failure, ingest, ingest_member, Entry};

/// Whether a file is a ZIP archive to open: a ZIP that is not an Office document (those
/// have a `[Content_Types].xml` part, which plain archives of files do not; see
/// [`hankekuvaus_archive::is_office_document`]).
pub fn is_archive(bytes: &[u8]) -> bool {
    let zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    zip && !hankekuvaus_archive::is_office_document(bytes)
}

/// The entries of one member read from an archive: what its bytes hold (a description, the
/// rows of a list, JSON), or a failure entry with the archive reader's code and message.
/// With the archive's `File`, documents keep it rather than their text (see
/// [`ingest_member`]); without, they keep the text. A list export inside an archive is read
/// whole, in one task (the loader reads a list given as a file a few rows at a time): lists
/// come from the services as files of their own, rarely zipped.
pub fn member_entries(member: Result<Member, MemberError>, archive: Option<&File>) -> Vec<Entry> {
    match (member, archive) {
        (Ok(m), Some(file)) => ingest_member(file, &m.name, &m.bytes),
        (Ok(m), None) => ingest(&m.name, &m.bytes),
        (Err(e), _) => vec![refused(&e.name, 0, e.code, e.message)],
    }
}

/// The bytes of the member `member` (named as [`Member::name`]) of the archive `bytes`
/// named `archive_name`, read out again (for the Source tab); `None` when it is no longer
/// there or no longer readable.
pub fn member_bytes(bytes: &[u8], archive_name: &str, member: &str) -> Option<Vec<u8>> {
    hankekuvaus_archive::open(bytes, archive_name, &Default::default())
        .ok()?
        .filter_map(Result::ok)
        .find(|m| m.name == member)
        .map(|m| m.bytes)
}

/// The failure entry of an archive that could not be opened at all.
pub fn archive_failure(name: &str, bytes: &[u8], error: ArchiveError) -> Entry {
    refused(name, bytes.len() as u64, error.code, error.message)
}

fn refused(name: &str, byte_count: u64, code: &str, message: String) -> Entry {
    let error = NotADescription {
        code: code.to_owned(),
        message,
    };
    failure(name, byte_count, fingerprint(name.as_bytes()), error)
}

/// Every entry of an archive at once (the loader reads members one at a time between
/// yields instead).
#[cfg(test)]
fn archive_entries(name: &str, bytes: &[u8]) -> Vec<Entry> {
    match hankekuvaus_archive::open(bytes, name, &Default::default()) {
        Ok(archive) => archive.flat_map(|m| member_entries(m, None)).collect(),
        Err(e) => vec![archive_failure(name, bytes, e)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_SEEDS: &[u8] = include_bytes!("../testdata/archives/two-seeds.zip");
    const NESTED: &[u8] = include_bytes!("../testdata/archives/nested.zip");
    const WORKBOOK: &[u8] = include_bytes!("../testdata/lists/eura2021_projektilista_test.xlsx");

    fn names(entries: &[Entry]) -> Vec<(&str, bool)> {
        entries
            .iter()
            .map(|e| (e.file_name(), e.loaded().is_some()))
            .collect()
    }

    #[test]
    fn archives_are_told_from_workbooks() {
        assert!(is_archive(TWO_SEEDS));
        assert!(is_archive(NESTED));
        assert!(!is_archive(WORKBOOK), "a workbook is read by the parser");
        assert!(!is_archive(b"Hankekoodi: S21498"));
    }

    #[test]
    fn members_are_files_named_under_the_archive() {
        let entries = archive_entries("kuvaukset.zip", TWO_SEEDS);
        assert_eq!(entries.len(), 2);
        for (name, loaded) in names(&entries) {
            assert!(name.starts_with("kuvaukset.zip/"), "{name}");
            assert!(loaded, "{name} is a description");
        }
        assert_eq!(
            entries[0].loaded().unwrap().doc.source.file_name,
            entries[0].file_name()
        );
    }

    #[test]
    fn an_archive_inside_is_opened_and_its_members_named_under_both() {
        let entries = archive_entries("n.zip", NESTED);
        assert_eq!(
            names(&entries),
            [
                ("n.zip/000_2f4bdf7767fd6a31.txt", true),
                ("n.zip/vanhat/inner.zip/001_d1fd5f1036f524e3.txt", true)
            ]
        );
    }

    #[test]
    fn a_member_is_read_out_again_by_its_name() {
        let entries = archive_entries("n.zip", NESTED);
        for e in &entries {
            let bytes = member_bytes(NESTED, "n.zip", e.file_name()).expect("found");
            assert_eq!(
                hankekuvaus::fingerprint(&bytes),
                e.fingerprint(),
                "{}",
                e.file_name()
            );
        }
        assert_eq!(member_bytes(NESTED, "n.zip", "n.zip/poissa.txt"), None);
        assert_eq!(
            member_bytes(NESTED, "toinen.zip", entries[0].file_name()),
            None
        );
    }

    #[test]
    fn an_archive_that_cannot_be_opened_is_one_failure() {
        let cut = &TWO_SEEDS[..TWO_SEEDS.len() / 2];
        let entries = archive_entries("rikki.zip", cut);
        assert_eq!(names(&entries), [("rikki.zip", false)]);
        let Entry::Failure(f) = &entries[0] else {
            unreachable!()
        };
        assert_eq!(f.error.code, hankekuvaus_archive::codes::CORRUPT_ARCHIVE);
    }
}
