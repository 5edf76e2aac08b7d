//! What the worker sends: the outcomes of the file as `hankekuvaus::read` gives them, in
//! chunks that end at line ends and stay near `CHUNK_BYTES` however large the file.

use std::path::Path;

use hankekuvaus::transfer::Rebuild;
use hankekuvaus::{read, Options};
use hankekuvaus_engine::{parse_in_chunks, CHUNK_BYTES};

fn rebuild(chunks: &[Vec<u8>]) -> Vec<hankekuvaus::Outcome> {
    let mut rebuild = Rebuild::new();
    for chunk in chunks {
        assert_eq!(chunk.last(), Some(&b'\n'), "a chunk ends at a line's end");
        for line in chunk[..chunk.len() - 1].split(|&b| b == b'\n') {
            rebuild.line(line).unwrap();
        }
    }
    rebuild.finish().unwrap()
}

#[test]
fn a_seed_and_a_file_that_is_not_a_description_come_back_as_read_gives_them() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds");
    for entry in std::fs::read_dir(seeds).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let chunks = parse_in_chunks(&bytes, &name);
        assert_eq!(chunks.len(), 1, "a seed is one chunk");
        assert_eq!(rebuild(&chunks), read(&bytes, &name, &Options::default()));
    }
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(
        rebuild(&parse_in_chunks(png, "kuva.png")),
        read(png, "kuva.png", &Options::default())
    );
}

#[test]
fn a_large_description_comes_in_chunks_of_about_a_megabyte() {
    let mut big = Vec::new();
    for file in hankekuvaus_corpus::generate(600, 3) {
        if std::str::from_utf8(&file.bytes).is_ok() {
            big.extend_from_slice(&file.bytes);
        }
    }
    let chunks = parse_in_chunks(&big, "iso.txt");
    assert!(chunks.len() > 3, "{} chunks", chunks.len());
    for chunk in &chunks {
        assert!(chunk.len() < CHUNK_BYTES + 256 * 1024, "{}", chunk.len());
    }
    assert_eq!(rebuild(&chunks), read(&big, "iso.txt", &Options::default()));
}
