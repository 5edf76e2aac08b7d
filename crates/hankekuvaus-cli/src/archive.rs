//! ZIP archives given as inputs: every member read as a file named
//! `archive.zip/dir/file.txt` through the core's `read`, as the viewer does
//! (`src/archives.rs`), with `hankekuvaus-archive` refusing bombs, unsafe names, encrypted
//! members and archives nested too deep, each refusal a failure of its own so that the other
//! members are still read. A workbook (`.xlsx` is a ZIP too) is not an archive: the core reads
//! it as a list export, inside an archive or not.

use hankekuvaus::{fingerprint, Failure, FailureSource, NotADescription, Options, Outcome};
use hankekuvaus_archive::{codes, Limits};

/// Whether `bytes` are a ZIP archive to open: a ZIP (or an empty one) that is not an Office
/// document. Told by content, so a renamed archive or one without an extension is opened too.
pub fn is_archive(bytes: &[u8]) -> bool {
    let zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    zip && !hankekuvaus_archive::is_office_document(bytes)
}

/// Reads the members of the archive `bytes`, named `file_name`, in the archive's order, and
/// hands each member's name and outcomes to `each`. A refused member, or the archive when it
/// cannot be opened at all, gives one failure with the archive reader's code and message.
///
/// Members are inflated one at a time and each is handed on before the next is read, so
/// memory holds the archive and one member.
pub fn read_members(
    bytes: &[u8],
    file_name: &str,
    options: &Options,
    each: &mut dyn FnMut(&str, Vec<Outcome>),
) {
    // `--max-file-mb` holds for each member as for each file.
    let limits = Limits {
        max_member_bytes: options.max_file_bytes,
        ..Limits::default()
    };
    let archive = match hankekuvaus_archive::open(bytes, file_name, &limits) {
        Ok(archive) => archive,
        Err(e) => {
            let failure = refused(file_name, bytes.len() as u64, e.code, e.message);
            each(file_name, vec![failure]);
            return;
        }
    };
    for member in archive {
        match member {
            Ok(m) => each(&m.name, hankekuvaus::read(&m.bytes, &m.name, options)),
            Err(e) => {
                let mut message = e.message;
                if e.code == codes::MEMBER_TOO_LARGE {
                    message.push_str(" Raise the limit with --max-file-mb.");
                }
                each(&e.name, vec![refused(&e.name, 0, e.code, message)]);
            }
        }
    }
}

/// The failure of a refused member (nothing read: no bytes) or of an archive that cannot be
/// opened. As in the viewer, its fingerprint is the name's, so that two refusals are never
/// taken for the same file.
fn refused(name: &str, byte_count: u64, code: &str, message: String) -> Outcome {
    Outcome::Failure(Failure {
        source: FailureSource {
            file_name: name.to_owned(),
            byte_count,
            fingerprint: fingerprint(name.as_bytes()),
        },
        error: NotADescription {
            code: code.to_owned(),
            message,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_SEEDS: &[u8] = include_bytes!("../../../testdata/archives/two-seeds.zip");
    const WORKBOOK: &[u8] =
        include_bytes!("../../../testdata/lists/eura2021_projektilista_test.xlsx");

    /// Every member's name and its outcomes' file names.
    fn read_all(bytes: &[u8], options: &Options) -> Vec<(String, Vec<Outcome>)> {
        let mut read = Vec::new();
        read_members(bytes, "a.zip", options, &mut |name, outcomes| {
            read.push((name.to_owned(), outcomes));
        });
        read
    }

    #[test]
    fn archives_are_told_from_workbooks_and_text() {
        assert!(is_archive(TWO_SEEDS));
        assert!(!is_archive(WORKBOOK), "a workbook is a list export");
        assert!(!is_archive(b"Hankekoodi: S21498"));
    }

    #[test]
    fn a_member_over_the_file_limit_says_how_to_raise_it() {
        let options = Options {
            max_file_bytes: 10_000,
            ..Options::default()
        };
        let read = read_all(TWO_SEEDS, &options);
        // The first seed is 8,389 bytes, the second 14,629.
        let [(first, a), (second, b)] = &read[..] else {
            panic!("two members: {read:?}");
        };
        assert_eq!(first, "a.zip/kuvaukset/000_2f4bdf7767fd6a31.txt");
        assert!(matches!(&a[..], [Outcome::Document(_)]));
        assert_eq!(second, "a.zip/kuvaukset/001_d1fd5f1036f524e3.txt");
        let [Outcome::Failure(f)] = &b[..] else {
            panic!("the second member is over the limit: {b:?}");
        };
        assert_eq!(f.error.code, codes::MEMBER_TOO_LARGE);
        assert!(f.error.message.ends_with("--max-file-mb."), "{f:?}");
        assert_eq!(f.source.file_name, *second);
    }

    #[test]
    fn an_archive_that_cannot_be_opened_is_one_failure_with_its_size() {
        let cut = &TWO_SEEDS[..TWO_SEEDS.len() / 2];
        let read = read_all(cut, &Options::default());
        let [(name, outcomes)] = &read[..] else {
            panic!("one failure: {read:?}");
        };
        assert_eq!(name, "a.zip");
        let [Outcome::Failure(f)] = &outcomes[..] else {
            panic!("{outcomes:?}");
        };
        assert_eq!(f.error.code, codes::CORRUPT_ARCHIVE);
        assert_eq!(f.source.byte_count, cut.len() as u64);
    }
}
