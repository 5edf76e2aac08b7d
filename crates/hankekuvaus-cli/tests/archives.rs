//! ZIP archives as inputs: every member read as a file named `archive.zip/dir/file.txt`,
//! told by content (not by the name), a workbook inside read as a list, and hostile or
//! broken archives reported member by member with the archive reader's codes while the
//! other members and files are still read. The hostile archives are built here with the
//! `zip` writer, as `crates/hankekuvaus-archive/tests/archives.rs` does.

use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::Output;

use hankekuvaus::{export, Options, Outcome};
use serde_json::Value;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

mod common;
use common::{run, seeds_dir, stderr, stdout, temp_dir};

const SEED_A: &str = "000_2f4bdf7767fd6a31.txt";
const SEED_B: &str = "001_d1fd5f1036f524e3.txt";

fn testdata() -> PathBuf {
    seeds_dir().join("..")
}

fn seed(name: &str) -> Vec<u8> {
    fs::read(seeds_dir().join(name)).unwrap()
}

/// An archive of deflated `(name, bytes)` members.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// Marks the member `name` as encrypted (general-purpose flag bit 0) in its local and its
/// central header: an encrypted member without the bother of encrypting it.
fn mark_encrypted(bytes: &mut [u8], name: &str) {
    let mut patched = 0;
    for start in 0..bytes.len().saturating_sub(46) {
        // Where the name's length, the name and the flags lie in each kind of header.
        let (name_len_at, name_at, flags_at) = match &bytes[start..start + 4] {
            b"PK\x03\x04" => (26, 30, 6),
            b"PK\x01\x02" => (28, 46, 8),
            _ => continue,
        };
        let len = u16::from_le_bytes([bytes[start + name_len_at], bytes[start + name_len_at + 1]]);
        let at = start + name_at;
        if bytes.get(at..at + len as usize) == Some(name.as_bytes()) {
            bytes[start + flags_at] |= 1;
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "{name}: one local and one central header");
}

fn json_array(o: &Output) -> Vec<Value> {
    match serde_json::from_str(stdout(o)) {
        Ok(Value::Array(items)) => items,
        other => panic!("stdout is not a JSON array: {other:?}\n{}", stdout(o)),
    }
}

fn ndjson(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn file_names(items: &[Value]) -> Vec<&str> {
    items
        .iter()
        .map(|i| i["source"]["file_name"].as_str().unwrap())
        .collect()
}

/// `(file_name, error code)` of every failure item.
fn failures(items: &[Value]) -> Vec<(&str, &str)> {
    items
        .iter()
        .filter(|i| i.get("error").is_some())
        .map(|i| {
            (
                i["source"]["file_name"].as_str().unwrap(),
                i["error"]["code"].as_str().unwrap(),
            )
        })
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn fixtures_give_their_members_in_order_as_the_core_exports_them() {
    let archives = testdata().join("archives");
    let files = [
        archives.join("two-seeds.zip"),
        seeds_dir().join(SEED_B),
        archives.join("nested.zip"),
    ];
    let out = run(&["-q"], &files);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    // The same members read by the core under their long names, in the same order.
    let expected: Vec<(String, Vec<u8>)> = [
        (format!("two-seeds.zip/kuvaukset/{SEED_A}"), seed(SEED_A)),
        (format!("two-seeds.zip/kuvaukset/{SEED_B}"), seed(SEED_B)),
        (SEED_B.to_owned(), seed(SEED_B)),
        (format!("nested.zip/{SEED_A}"), seed(SEED_A)),
        (
            format!("nested.zip/vanhat/inner.zip/{SEED_B}"),
            seed(SEED_B),
        ),
    ]
    .into();
    let outcomes: Vec<Outcome> = expected
        .iter()
        .flat_map(|(name, bytes)| hankekuvaus::read(bytes, name, &Options::default()))
        .collect();
    assert!(outcomes.iter().all(|o| matches!(o, Outcome::Document(_))));
    assert_eq!(stdout(&out), export::outcomes_json(&outcomes));
    let items = json_array(&out);
    let codes: Vec<&str> = items
        .iter()
        .map(|i| i["project"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["S21498", "S20516", "S20516", "S21498", "S20516"]);
}

#[test]
fn a_renamed_archive_without_extension_is_opened() {
    let dir = temp_dir("archive-renamed");
    let bytes = fs::read(testdata().join("archives/two-seeds.zip")).unwrap();
    let path = write(&dir, "kuvaukset", &bytes);
    let out = run(&["-q", "--format", "ndjson"], &[path]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let items = ndjson(&out);
    assert_eq!(
        file_names(&items),
        [
            format!("kuvaukset/kuvaukset/{SEED_A}"),
            format!("kuvaukset/kuvaukset/{SEED_B}")
        ]
    );
    assert_eq!(items[1]["project"]["code"], "S20516");
}

#[test]
fn a_workbook_in_an_archive_gives_its_rows() {
    let dir = temp_dir("archive-workbook");
    let workbook_path = testdata().join("lists/eura2021_projektilista_test.xlsx");
    let workbook = fs::read(&workbook_path).unwrap();
    let archive = write(
        &dir,
        "listat.zip",
        &zip(&[("2021/lista.xlsx", &workbook), (SEED_A, &seed(SEED_A))]),
    );
    let out = run(&["-q", "--format", "ndjson"], &[archive]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let items = ndjson(&out);
    // The workbook given alone: the same rows, under its own name.
    let alone = run(&["-q", "--format", "ndjson"], &[workbook_path]);
    let rows = ndjson(&alone);
    assert!(!rows.is_empty());
    assert_eq!(items.len(), rows.len() + 1);
    let (from_archive, seed_item) = items.split_at(rows.len());
    for (item, row) in from_archive.iter().zip(&rows) {
        assert_eq!(item["source"]["file_name"], "listat.zip/2021/lista.xlsx");
        assert_eq!(item["kind"]["period"], "2021-2027");
        assert_eq!(item["source"]["row"], row["source"]["row"]);
        assert_eq!(item["project"], row["project"]);
    }
    assert_eq!(
        file_names(seed_item),
        [format!("listat.zip/{SEED_A}").as_str()]
    );
}

#[test]
fn hostile_members_are_reported_and_the_others_read() {
    let dir = temp_dir("archive-hostile");
    let text = seed(SEED_A);
    let mut bytes = zip(&[
        ("../../ulos.txt", &text),
        ("salainen.txt", &text),
        ("hyva.txt", &seed(SEED_B)),
    ]);
    mark_encrypted(&mut bytes, "salainen.txt");
    let archive = write(&dir, "polku.zip", &bytes);
    let files = [archive.clone(), seeds_dir().join(SEED_A)];
    let out = run(&["-q"], &files);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let items = json_array(&out);
    assert_eq!(
        file_names(&items),
        [
            "polku.zip/../../ulos.txt",
            "polku.zip/salainen.txt",
            "polku.zip/hyva.txt",
            SEED_A
        ]
    );
    assert_eq!(
        failures(&items),
        [
            ("polku.zip/../../ulos.txt", "unsafe-name"),
            ("polku.zip/salainen.txt", "encrypted-member")
        ]
    );
    assert_eq!(items[2]["project"]["code"], "S20516");
    assert_eq!(items[3]["project"]["code"], "S21498");
    // Nothing was read from a refused member.
    assert_eq!(items[0]["source"]["byte_count"], 0);
    // On standard error under the path given, as every failure.
    let shown = archive.display().to_string();
    let err: Vec<&str> = stderr(&out).lines().collect();
    assert_eq!(err.len(), 2, "{err:?}");
    assert!(
        err[0].starts_with(&format!("{shown}/../../ulos.txt: error[unsafe-name]: ")),
        "{err:?}"
    );
    assert!(
        err[1].starts_with(&format!("{shown}/salainen.txt: error[encrypted-member]: ")),
        "{err:?}"
    );
    assert!(err[1].contains("password"), "{err:?}");
}

#[test]
fn a_broken_archive_is_one_failure_and_the_next_file_is_read() {
    let dir = temp_dir("archive-broken");
    let whole = fs::read(testdata().join("archives/two-seeds.zip")).unwrap();
    let cut = write(&dir, "rikki.zip", &whole[..whole.len() / 2]);
    let out = run(
        &["-q", "--format", "ndjson"],
        &[cut.clone(), seeds_dir().join(SEED_A)],
    );
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let items = ndjson(&out);
    assert_eq!(failures(&items), [("rikki.zip", "corrupt-archive")]);
    assert_eq!(items[0]["source"]["byte_count"], whole.len() / 2);
    assert_eq!(items[1]["project"]["code"], "S21498");
    assert!(
        stderr(&out).starts_with(&format!("{}: error[corrupt-archive]: ", cut.display())),
        "{}",
        stderr(&out)
    );
}

#[test]
fn search_names_the_member_a_hit_is_in() {
    let out = run(
        &["search", "-f", "ndjson", "S20516"],
        &[testdata().join("archives/nested.zip")],
    );
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let hits = ndjson(&out);
    assert!(!hits.is_empty());
    let file = hits[0]["file"].as_str().unwrap();
    assert!(
        file.ends_with(&format!("nested.zip/vanhat/inner.zip/{SEED_B}")),
        "{file}"
    );
}
