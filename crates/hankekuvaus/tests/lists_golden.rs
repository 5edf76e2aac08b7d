//! Golden output of the list files in `testdata/lists/`: every outcome as NDJSON (one line
//! per project row, as `hankekuvaus --format ndjson` prints them) under
//! `tests/golden/lists/`. After an intended change, regenerate with
//! `UPDATE_GOLDEN=1 cargo test -p hankekuvaus --test lists_golden` and review the diff.

mod common;

use std::path::{Path, PathBuf};

use hankekuvaus::{export, read, Options};

fn lists_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/lists")
}

#[test]
fn list_files_match_their_golden_ndjson() {
    let mut names: Vec<String> = std::fs::read_dir(lists_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert!(names.len() >= 4, "{names:?}");
    let mut mismatched = Vec::new();
    for name in names {
        let bytes = std::fs::read(lists_dir().join(&name)).unwrap();
        let actual: String = read(&bytes, &name, &Options::default())
            .iter()
            .map(export::outcome_ndjson_line)
            .collect();
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden/lists")
            .join(format!("{name}.ndjson"));
        if common::golden_mismatch(&path, &actual).is_some() {
            mismatched.push(name);
        }
    }
    assert!(
        mismatched.is_empty(),
        "output differs from the golden files for {mismatched:?}; if intended, rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}
