//! Reading one input with a size limit, so that a huge file is refused without being held
//! in memory, and opening it when it is a ZIP archive.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use hankekuvaus::{Failure, FailureSource, Fingerprint, NotADescription, Options, Outcome};

use crate::archive;
use crate::cli::Input;

/// Reads and parses one input named on the command line, handing the outcomes to `each`
/// with the name of the file they came from: `file_name`, or for a ZIP archive each
/// member's `file_name/dir/file.txt` in turn. An input that cannot be read gives the message
/// to print after `error: `.
pub fn read(
    input: &Input,
    file_name: &str,
    options: &Options,
    each: &mut dyn FnMut(&str, Vec<Outcome>),
) -> Result<(), String> {
    let read = match input {
        Input::Stdin => read_and_parse(io::stdin().lock(), 0, file_name, options, each),
        Input::Path(path) => {
            let path = Path::new(path);
            let folder = || {
                format!(
                    "this is a folder; name the files in it, e.g. {}",
                    path.join("*.txt").display()
                )
            };
            // The opened file's metadata tells a folder (which opens on Unix, and fails to
            // read) without a second lookup of the path.
            let file = File::open(path).map_err(|e| {
                if path.is_dir() {
                    folder()
                } else {
                    format!("cannot read the file: {e}")
                }
            })?;
            match file.metadata() {
                Ok(metadata) if metadata.is_dir() => return Err(folder()),
                Ok(metadata) => read_and_parse(file, metadata.len(), file_name, options, each),
                Err(e) => Err(e),
            }
        }
    };
    read.map_err(|e| format!("cannot read the file: {e}"))
}

/// Reads `reader` to the end and parses it, or refuses it as [`codes::TOO_LARGE`] once it
/// passes `options.max_file_bytes`. Past the limit the rest is only counted and hashed, so
/// memory stays bounded by the limit while the failure record still carries the true size
/// and fingerprint. `size_hint` is the expected length (0 when unknown).
///
/// One file gives a list of outcomes: one for a description or a file that is not one,
/// one per project row for a list export of a whole programme (`hankekuvaus::read`). A ZIP
/// archive, within the same limit, gives each member's in turn ([`archive::read_members`]).
///
/// [`codes::TOO_LARGE`]: hankekuvaus::codes::TOO_LARGE
fn read_and_parse(
    mut reader: impl Read,
    size_hint: u64,
    file_name: &str,
    options: &Options,
    each: &mut dyn FnMut(&str, Vec<Outcome>),
) -> io::Result<()> {
    // Sized once from the file's length, where known, instead of grown by doubling.
    let capacity = size_hint.min(options.max_file_bytes).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(usize::MAX));
    // One byte over the limit tells "exactly at the limit" from "too large".
    (&mut reader)
        .take(options.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if (bytes.len() as u64) <= options.max_file_bytes {
        if archive::is_archive(&bytes) {
            archive::read_members(&bytes, file_name, options, each);
        } else {
            each(file_name, hankekuvaus::read(&bytes, file_name, options));
        }
        return Ok(());
    }

    let mut hash = Fingerprint::default();
    hash.update(&bytes);
    let mut byte_count = bytes.len() as u64;
    drop(bytes);
    let mut buf = vec![0; 64 * 1024];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hash.update(&buf[..n]);
        byte_count += n as u64;
    }
    let mut error = NotADescription::too_large(byte_count, options.max_file_bytes);
    error
        .message
        .push_str(" Raise the limit with --max-file-mb.");
    let failure = Outcome::Failure(Failure {
        source: FailureSource {
            file_name: file_name.to_owned(),
            byte_count,
            fingerprint: hash.finish(),
        },
        error,
    });
    each(file_name, vec![failure]);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every outcome of `data`, read as the file `name`, with the name it came under.
    fn read_all(
        data: &[u8],
        size_hint: u64,
        name: &str,
        options: &Options,
    ) -> Vec<(String, Outcome)> {
        let mut read = Vec::new();
        read_and_parse(data, size_hint, name, options, &mut |from, outcomes| {
            read.extend(outcomes.into_iter().map(|o| (from.to_owned(), o)));
        })
        .unwrap();
        read
    }

    #[test]
    fn incremental_hash_equals_the_core_fingerprint() {
        let data = b"Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus";
        let mut h = Fingerprint::default();
        h.update(&data[..10]);
        h.update(&data[10..]);
        assert_eq!(h.finish(), hankekuvaus::fingerprint(data));
    }

    #[test]
    fn too_large_input_is_refused_with_true_size_and_fingerprint() {
        let data = vec![b'x'; 3000];
        let options = Options {
            max_file_bytes: 1000,
            ..Options::default()
        };
        let outcomes = read_all(&data, 0, "big.txt", &options);
        let [(from, Outcome::Failure(f))] = &outcomes[..] else {
            panic!("a file over the limit must be refused");
        };
        assert_eq!(f.error.code, hankekuvaus::codes::TOO_LARGE);
        assert!(f.error.message.contains("--max-file-mb"));
        assert_eq!(f.source.file_name, "big.txt");
        assert_eq!(from, "big.txt");
        assert_eq!(f.source.byte_count, 3000);
        assert_eq!(f.source.fingerprint, hankekuvaus::fingerprint(&data));
    }

    #[test]
    fn input_at_the_limit_goes_to_the_parser() {
        let data = b"%PDF-1.7\n";
        let options = Options {
            max_file_bytes: data.len() as u64,
            ..Options::default()
        };
        let outcomes = read_all(data, 9, "x.pdf", &options);
        let [(_, Outcome::Failure(f))] = &outcomes[..] else {
            panic!("a PDF is not a description");
        };
        assert_ne!(f.error.code, hankekuvaus::codes::TOO_LARGE);
        assert_eq!(f.source.byte_count, data.len() as u64);
    }

    #[test]
    fn an_archive_over_the_limit_is_refused_whole_unopened() {
        let data = include_bytes!("../../../testdata/archives/two-seeds.zip");
        let options = Options {
            max_file_bytes: 1000,
            ..Options::default()
        };
        let outcomes = read_all(data, 0, "k.zip", &options);
        let [(from, Outcome::Failure(f))] = &outcomes[..] else {
            panic!("one failure: {outcomes:?}");
        };
        assert_eq!(from, "k.zip");
        assert_eq!(f.error.code, hankekuvaus::codes::TOO_LARGE);
    }

    #[test]
    fn an_archive_within_the_limit_gives_its_members() {
        let data = include_bytes!("../../../testdata/archives/two-seeds.zip");
        let outcomes = read_all(data, 0, "k.zip", &Options::default());
        let from: Vec<&str> = outcomes.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            from,
            [
                "k.zip/kuvaukset/000_2f4bdf7767fd6a31.txt",
                "k.zip/kuvaukset/001_d1fd5f1036f524e3.txt"
            ]
        );
        for (from, outcome) in &outcomes {
            let Outcome::Document(doc) = outcome else {
                panic!("{from} is a description");
            };
            assert_eq!(doc.source.file_name, *from);
        }
    }
}
