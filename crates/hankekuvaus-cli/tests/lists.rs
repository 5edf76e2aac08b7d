//! List exports of whole programmes: one result per project row, whatever the file is named.

mod common;

use std::process::Command;

use common::BIN;

fn lists_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/lists")
}

#[test]
fn ndjson_has_a_line_per_project_row_of_every_list() {
    for (file, rows, period) in [
        ("eura2007_projektilista_sample.csv", 499, "2007-2013"),
        ("eura2014_projektilista_2016_sample.csv", 144, "2014-2020"),
        ("eura2021_projektilista_test.xlsx", 0, "2021-2027"),
    ] {
        // Renamed and without an extension: the content decides.
        let dir = common::temp_dir("lists");
        let renamed = dir.join("projektilista");
        std::fs::copy(lists_dir().join(file), &renamed).unwrap();
        let out = Command::new(BIN)
            .args(["-q", "--format", "ndjson"])
            .arg(&renamed)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let items: Vec<serde_json::Value> = stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        if rows > 0 {
            assert_eq!(items.len(), rows, "{file}");
        } else {
            assert!(!items.is_empty(), "{file}");
        }
        for (i, item) in items.iter().enumerate() {
            assert_eq!(item["kind"]["period"], period, "{file} item {i}");
            assert!(
                item["source"]["row"].as_u64().unwrap() >= 2,
                "{file} item {i}"
            );
            assert!(item["project"]["code"].is_string(), "{file} item {i}");
        }
    }
}

#[test]
fn search_finds_list_rows() {
    let out = Command::new(BIN)
        .args(["search", "-f", "ndjson", "toteuttaja:yliopisto"])
        .arg(lists_dir().join("eura2007_projektilista_sample.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().count() >= 5, "{stdout}");
    for line in stdout.lines() {
        let item: serde_json::Value = serde_json::from_str(line).unwrap();
        let marked = item["snippets"][0]["marks"][0].as_array().unwrap();
        let text = item["snippets"][0]["text"].as_str().unwrap();
        let (a, b) = (
            marked[0].as_u64().unwrap() as usize,
            marked[1].as_u64().unwrap() as usize,
        );
        assert!(text[a..b].to_lowercase().starts_with("yliopisto"), "{line}");
    }
}
