//! The inputs the tests build tables from: the five seeds, three hand-made descriptions of
//! other layouts (ERDF, 2007–2013, unknown fields: they bring diagnostics) and a file that
//! is not a description.

use std::path::{Path, PathBuf};

use hankekuvaus::Outcome;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}

/// The seeds, parsed, in file-name order.
pub fn seeds() -> Vec<Outcome> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(testdata().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.iter().map(|p| outcome(p)).collect()
}

/// The seeds, then the other layouts, then a PDF.
pub fn inputs() -> Vec<Outcome> {
    let mut outcomes = seeds();
    for name in [
        "eakr-2014-2020.txt",
        "esr-2007-2013.txt",
        "unknown-fields.txt",
    ] {
        outcomes.push(outcome(&testdata().join("breadth").join(name)));
    }
    outcomes.push(hankekuvaus::parse_outcome(
        b"%PDF-1.7\n%binary",
        "kuvaus.pdf",
        &hankekuvaus::Options::default(),
    ));
    outcomes
}

fn outcome(path: &Path) -> Outcome {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    hankekuvaus::parse_outcome(&bytes, name, &hankekuvaus::Options::default())
}
