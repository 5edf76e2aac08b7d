//! Helpers shared by the test files: the binary, the test data and temporary directories.
// Each test file is its own crate and uses a part of these.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `hankekuvaus` binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_hankekuvaus");

/// `testdata/seeds`: five real descriptions.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds")
}

/// The seed descriptions, sorted by name.
pub fn seeds() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(seeds_dir())
        .expect("testdata/seeds exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "expected the five seeds, found {paths:?}");
    paths
}

/// The seeds and `testdata/breadth` (other funds, periods, HTML, unknown fields), sorted.
pub fn testdata_files() -> Vec<PathBuf> {
    let breadth = seeds_dir().join("../breadth");
    let mut paths = seeds();
    paths.extend(
        fs::read_dir(&breadth)
            .expect("testdata/breadth exists")
            .map(|e| e.unwrap().path()),
    );
    paths.sort();
    assert!(
        paths.len() >= 9,
        "expected seeds and breadth files, found {paths:?}"
    );
    paths
}

/// A fresh directory for one test's files.
pub fn temp_dir(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{test}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary with `args` and then `files`.
pub fn run(args: &[&str], files: &[PathBuf]) -> Output {
    Command::new(BIN)
        .args(args)
        .args(files)
        .output()
        .expect("the binary runs")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> &str {
    std::str::from_utf8(&o.stdout).expect("stdout is UTF-8")
}

/// Standard error as text.
pub fn stderr(o: &Output) -> &str {
    std::str::from_utf8(&o.stderr).expect("stderr is UTF-8")
}
