//! Archives read: the committed fixtures under `testdata/archives/` and hostile archives
//! built here (with the zip writer, then patched where the header has to lie).
//!
//! `UPDATE_GOLDEN=1 cargo test -p hankekuvaus-archive` rewrites the fixtures from the seeds.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use hankekuvaus_archive::{codes, open, ArchiveError, Limits, Member, MemberError};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(testdata().join("seeds").join(name)).unwrap()
}

const SEED_A: &str = "000_2f4bdf7767fd6a31.txt";
const SEED_B: &str = "001_d1fd5f1036f524e3.txt";

fn deflated() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated)
}

fn stored() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Stored)
}

/// An archive of `(name, bytes, options)` entries; a name ending in `/` is a directory.
fn zip(entries: &[(&str, &[u8], SimpleFileOptions)]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes, options) in entries {
        if name.ends_with('/') {
            w.add_directory(*name, *options).unwrap();
        } else {
            w.start_file(*name, *options).unwrap();
            w.write_all(bytes).unwrap();
        }
    }
    w.finish().unwrap().into_inner()
}

/// Every item of the archive, with the default limits.
fn read_all(bytes: &[u8], name: &str) -> Vec<Result<Member, MemberError>> {
    read_with(bytes, name, &Limits::default())
}

fn read_with(bytes: &[u8], name: &str, limits: &Limits) -> Vec<Result<Member, MemberError>> {
    open(bytes, name, limits)
        .expect("the archive opens")
        .collect()
}

fn open_error(bytes: &[u8], limits: &Limits) -> ArchiveError {
    match open(bytes, "a.zip", limits) {
        Ok(_) => panic!("the archive opened"),
        Err(e) => e,
    }
}

/// The error of the member named `name`.
fn error_of<'a>(items: &'a [Result<Member, MemberError>], name: &str) -> &'a MemberError {
    items
        .iter()
        .find_map(|i| i.as_ref().err().filter(|e| e.name == name))
        .unwrap_or_else(|| panic!("no error for {name} in {items:?}"))
}

/// The names of the members read.
fn read_names(items: &[Result<Member, MemberError>]) -> Vec<&str> {
    items
        .iter()
        .filter_map(|i| i.as_ref().ok().map(|m| m.name.as_str()))
        .collect()
}

/// Overwrites the little-endian field at `offset` of every local (`PK\3\4`) and central
/// (`PK\1\2`) header of the entry named `name`: how an archive whose headers lie is made.
fn patch(bytes: &mut [u8], name: &str, local_offset: usize, central_offset: usize, value: &[u8]) {
    let (mut local, mut central) = (0, 0);
    for start in 0..bytes.len().saturating_sub(46) {
        // Where the name's length and the name lie in each kind of header.
        let (name_len_at, name_at, offset, count) = match &bytes[start..start + 4] {
            b"PK\x03\x04" => (26, 30, local_offset, &mut local),
            b"PK\x01\x02" => (28, 46, central_offset, &mut central),
            _ => continue,
        };
        let len = u16::from_le_bytes([bytes[start + name_len_at], bytes[start + name_len_at + 1]]);
        let at = start + name_at;
        if bytes.get(at..at + len as usize) == Some(name.as_bytes()) {
            bytes[start + offset..start + offset + value.len()].copy_from_slice(value);
            *count += 1;
        }
    }
    assert_eq!(
        (local, central),
        (1, 1),
        "{name}: one local and one central header patched"
    );
}

#[test]
fn fixture_with_two_seeds_in_a_folder() {
    let path = testdata().join("archives/two-seeds.zip");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let bytes = zip(&[
            ("kuvaukset/", b"", stored()),
            (&format!("kuvaukset/{SEED_A}"), &seed(SEED_A), deflated()),
            (&format!("kuvaukset/{SEED_B}"), &seed(SEED_B), stored()),
        ]);
        std::fs::write(&path, bytes).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let archive = open(&bytes, "two-seeds.zip", &Limits::default()).unwrap();
    // The directory is an entry of its own, and is skipped.
    assert_eq!(archive.len(), 3);
    let members: Vec<Member> = archive.map(Result::unwrap).collect();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0].name, format!("two-seeds.zip/kuvaukset/{SEED_A}"));
    assert_eq!(members[0].bytes, seed(SEED_A));
    assert_eq!(members[1].name, format!("two-seeds.zip/kuvaukset/{SEED_B}"));
    assert_eq!(members[1].bytes, seed(SEED_B));
}

#[test]
fn fixture_with_a_nested_archive() {
    let path = testdata().join("archives/nested.zip");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let inner = zip(&[(SEED_B, &seed(SEED_B), deflated())]);
        let bytes = zip(&[
            (SEED_A, &seed(SEED_A), deflated()),
            ("vanhat/inner.zip", &inner, stored()),
        ]);
        std::fs::write(&path, bytes).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let items = read_all(&bytes, "nested.zip");
    assert_eq!(
        read_names(&items),
        [
            format!("nested.zip/{SEED_A}"),
            format!("nested.zip/vanhat/inner.zip/{SEED_B}")
        ]
    );
    assert_eq!(items[1].as_ref().unwrap().bytes, seed(SEED_B));
}

#[test]
fn a_zip_inside_a_nested_zip_is_refused_and_the_rest_read() {
    let innermost = zip(&[(SEED_A, &seed(SEED_A), deflated())]);
    let inner = zip(&[
        ("deep.zip", &innermost, deflated()),
        (SEED_B, &seed(SEED_B), deflated()),
    ]);
    let outer = zip(&[("inner.zip", &inner, stored())]);
    let items = read_all(&outer, "outer.zip");
    assert_eq!(
        read_names(&items),
        [format!("outer.zip/inner.zip/{SEED_B}")]
    );
    let e = error_of(&items, "outer.zip/inner.zip/deep.zip");
    assert_eq!(e.code, codes::NESTED_ARCHIVE);
    assert!(
        e.message.contains("ZIP archive inside a ZIP archive"),
        "{}",
        e.message
    );

    // With nesting off, the first nested archive is refused.
    let no_nesting = Limits {
        max_nesting: 0,
        ..Limits::default()
    };
    let items = read_with(&outer, "outer.zip", &no_nesting);
    assert_eq!(
        error_of(&items, "outer.zip/inner.zip").code,
        codes::NESTED_ARCHIVE
    );
}

#[test]
fn bomb_refused_by_declared_size() {
    // Two megabytes of zeros deflate to a few kilobytes; the limit here is one megabyte
    // (the default is the parser's 50 MB, checked below).
    assert_eq!(Limits::default().max_member_bytes, 50 * 1024 * 1024);
    let zeros = vec![0u8; 2 * 1024 * 1024];
    let bytes = zip(&[
        ("bomb.txt", &zeros, deflated()),
        (SEED_A, &seed(SEED_A), deflated()),
    ]);
    assert!(bytes.len() < 20_000);
    let limits = Limits {
        max_member_bytes: 1024 * 1024,
        ..Limits::default()
    };
    let items = read_with(&bytes, "a.zip", &limits);
    let e = error_of(&items, "a.zip/bomb.txt");
    assert_eq!(e.code, codes::MEMBER_TOO_LARGE);
    assert!(e.message.contains("2.0 MB"), "{}", e.message);
    assert_eq!(read_names(&items), [format!("a.zip/{SEED_A}")]);
}

#[test]
fn bomb_whose_header_lies_is_caught_while_inflating() {
    let zeros = vec![0u8; 4 * 1024 * 1024];
    let mut bytes = zip(&[
        (SEED_A, &seed(SEED_A), deflated()),
        ("bomb.txt", &zeros, deflated()),
    ]);
    // Declare 1,000 bytes: under every limit.
    patch(&mut bytes, "bomb.txt", 22, 24, &1000u32.to_le_bytes());
    let items = read_all(&bytes, "a.zip");
    let e = error_of(&items, "a.zip/bomb.txt");
    assert_eq!(e.code, codes::SIZE_MISMATCH);
    assert!(e.message.contains("1000 bytes"), "{}", e.message);
    assert_eq!(read_names(&items), [format!("a.zip/{SEED_A}")]);
}

#[test]
fn total_limit_refuses_the_members_past_it() {
    let kb = vec![b'x'; 1024];
    let bytes = zip(&[
        ("1.txt", &kb, deflated()),
        ("2.txt", &kb, stored()),
        ("3.txt", &kb, deflated()),
    ]);
    let limits = Limits {
        max_total_bytes: 2 * 1024 + 512,
        ..Limits::default()
    };
    let items = read_with(&bytes, "a.zip", &limits);
    assert_eq!(read_names(&items), ["a.zip/1.txt", "a.zip/2.txt"]);
    assert_eq!(error_of(&items, "a.zip/3.txt").code, codes::TOTAL_TOO_LARGE);
}

#[test]
fn more_members_than_the_limit_refuse_the_archive() {
    let options = stored();
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..20_001 {
        w.start_file(format!("{i}.txt"), options).unwrap();
        w.write_all(b"x").unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    let e = open_error(&bytes, &Limits::default());
    assert_eq!(e.code, codes::TOO_MANY_MEMBERS);
    assert!(e.message.contains("20001 entries"), "{}", e.message);
    // Exactly at the limit is fine.
    let limits = Limits {
        max_members: 20_001,
        ..Limits::default()
    };
    assert_eq!(open(&bytes, "a.zip", &limits).unwrap().count(), 20_001);
}

#[test]
fn nested_entries_count_against_the_member_limit() {
    let inner = zip(&[("1.txt", b"1", stored()), ("2.txt", b"2", stored())]);
    let outer = zip(&[("0.txt", b"0", stored()), ("inner.zip", &inner, stored())]);
    let limits = Limits {
        max_members: 3,
        ..Limits::default()
    };
    let items = read_with(&outer, "a.zip", &limits);
    assert_eq!(read_names(&items), ["a.zip/0.txt"]);
    assert_eq!(
        error_of(&items, "a.zip/inner.zip").code,
        codes::TOO_MANY_MEMBERS
    );
}

#[test]
fn unsafe_names_are_refused() {
    let bytes = zip(&[
        ("../../etc/passwd", b"root", deflated()),
        ("/abs/olute.txt", b"a", deflated()),
        ("ok/../../up.txt", b"b", deflated()),
        ("C:\\windows.txt", b"c", deflated()),
        ("ok/./fine.txt", b"d", deflated()),
    ]);
    let items = read_all(&bytes, "a.zip");
    for name in [
        "../../etc/passwd",
        "/abs/olute.txt",
        "ok/../../up.txt",
        "C:\\windows.txt",
    ] {
        let e = error_of(&items, &format!("a.zip/{name}"));
        assert_eq!(e.code, codes::UNSAFE_NAME, "{name}");
        assert!(
            e.message.contains("refused, not rewritten"),
            "{}",
            e.message
        );
    }
    assert_eq!(read_names(&items), ["a.zip/ok/fine.txt"]);
}

#[test]
fn encrypted_members_are_refused() {
    let mut bytes = zip(&[
        ("secret.txt", b"salainen", stored()),
        (SEED_A, &seed(SEED_A), deflated()),
    ]);
    // General-purpose flag bit 0: encrypted.
    patch(&mut bytes, "secret.txt", 6, 8, &[1]);
    let items = read_all(&bytes, "a.zip");
    let e = error_of(&items, "a.zip/secret.txt");
    assert_eq!(e.code, codes::ENCRYPTED);
    assert!(e.message.contains("password"), "{}", e.message);
    assert_eq!(read_names(&items), [format!("a.zip/{SEED_A}")]);
}

#[test]
fn other_compression_methods_are_refused() {
    let mut bytes = zip(&[
        ("b.txt", b"bzip", stored()),
        (SEED_A, &seed(SEED_A), stored()),
    ]);
    // Method 12: bzip2.
    patch(&mut bytes, "b.txt", 8, 10, &12u16.to_le_bytes());
    let items = read_all(&bytes, "a.zip");
    let e = error_of(&items, "a.zip/b.txt");
    assert_eq!(e.code, codes::UNSUPPORTED_COMPRESSION);
    assert!(e.message.contains("method 12 (BZIP2)"), "{}", e.message);
    assert_eq!(read_names(&items), [format!("a.zip/{SEED_A}")]);
}

#[test]
fn names_without_the_utf8_flag_are_read_as_code_page_437() {
    // Windows' built-in archiver writes "ä" and "ö" as the bytes 0x84 and 0x94.
    let mut bytes = zip(&[("AO.txt", b"x", stored())]);
    patch(&mut bytes, "AO.txt", 30, 46, &[0x84, 0x94]);
    let items = read_all(&bytes, "a.zip");
    assert_eq!(read_names(&items), ["a.zip/äö.txt"]);
}

#[test]
fn symlinks_are_refused() {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    w.add_symlink("link.txt", "/etc/passwd", stored()).unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let items = read_all(&bytes, "a.zip");
    assert_eq!(error_of(&items, "a.zip/link.txt").code, codes::SYMLINK);
}

#[test]
fn truncated_archive_is_refused_whole() {
    let bytes = std::fs::read(testdata().join("archives/two-seeds.zip")).unwrap();
    for cut in [bytes.len() / 2, bytes.len() - 10, 3] {
        let e = open_error(&bytes[..cut], &Limits::default());
        assert_eq!(e.code, codes::CORRUPT_ARCHIVE, "cut at {cut}");
        assert!(e.message.contains("truncated or damaged"), "{}", e.message);
    }
    assert_eq!(
        open_error(b"", &Limits::default()).code,
        codes::CORRUPT_ARCHIVE
    );
}

#[test]
fn damaged_member_data_is_refused_and_the_rest_read() {
    let text = seed(SEED_B);
    let mut bytes = zip(&[
        ("bad.txt", &text, stored()),
        (SEED_A, &seed(SEED_A), deflated()),
    ]);
    // Change a byte of the stored data: its checksum no longer matches.
    let at = bytes.windows(6).position(|w| w == b"Euroop").unwrap();
    bytes[at] = b'X';
    let items = read_all(&bytes, "a.zip");
    assert_eq!(
        error_of(&items, "a.zip/bad.txt").code,
        codes::CORRUPT_MEMBER
    );
    assert_eq!(read_names(&items), [format!("a.zip/{SEED_A}")]);
}

#[test]
fn a_workbook_inside_is_a_file_not_a_nested_archive() {
    let workbook = std::fs::read(
        testdata()
            .join("lists")
            .join("eura2021_projektilista_test.xlsx"),
    )
    .unwrap();
    let a = zip(&[
        ("listat/lista.xlsx", &workbook, deflated()),
        ("kuvaus.txt", &seed(SEED_A), stored()),
    ]);
    let items = read_all(&a, "a.zip");
    assert_eq!(
        read_names(&items),
        ["a.zip/listat/lista.xlsx", "a.zip/kuvaus.txt"]
    );
    assert_eq!(
        items[0].as_ref().unwrap().bytes,
        workbook,
        "handed on whole"
    );
    assert!(hankekuvaus_archive::is_office_document(&workbook));
    // A workbook stored uncompressed shows its part names in the archive's bytes: the
    // archive is still an archive.
    let stored_inside = zip(&[("lista.xlsx", &workbook, stored())]);
    assert!(!hankekuvaus_archive::is_office_document(&stored_inside));
    assert!(!hankekuvaus_archive::is_office_document(
        b"PK\x03\x04 not a zip"
    ));
}
