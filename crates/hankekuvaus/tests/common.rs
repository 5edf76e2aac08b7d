//! Helpers shared by the integration tests: the seed files.

use std::path::PathBuf;

/// The directory of the five real descriptions.
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds")
}

/// (file name, bytes) of every seed, sorted by name.
pub fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(seeds_dir())
        .expect("testdata/seeds exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("readable seed"))
        })
        .collect();
    out.sort();
    assert_eq!(out.len(), 5, "five seeds expected in {:?}", seeds_dir());
    out
}
