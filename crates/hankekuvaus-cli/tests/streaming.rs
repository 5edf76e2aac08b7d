//! Many files at once: the parallel conversion keeps input order, writes the same bytes as
//! the core's whole-list export, and streams (the first items are out before a later input
//! has even been read).

use std::collections::HashMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use hankekuvaus::export::{self, CsvDialect};
use hankekuvaus::{Options, Outcome};

mod common;
use common::{run, seeds, stderr, stdout, temp_dir, testdata_files, BIN};

/// `count` descriptions made from the seeds with distinct project codes, and among them
/// files that are not descriptions and files many times larger (slower) than the rest, so
/// that a conversion finishing out of order would show.
fn generated_files(dir: &Path, count: usize) -> Vec<PathBuf> {
    let seeds: Vec<String> = seeds()
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    (0..count)
        .map(|i| {
            let path = dir.join(format!("{i:04}.txt"));
            let text = if i % 50 == 7 {
                format!("Muistio {i}\n\nEi hankkeen kuvaus.\n")
            } else {
                let seed = &seeds[i % seeds.len()];
                let mut text: String = seed
                    .lines()
                    .map(|line| match line.strip_prefix("Hankekoodi: ") {
                        Some(_) => format!("Hankekoodi: S{:05}\n", 90_000 + i),
                        None => format!("{line}\n"),
                    })
                    .collect();
                if i % 40 == 3 {
                    for n in 0..20_000 {
                        text.push_str(&format!("Lisätieto {n}: arvo\n"));
                    }
                }
                text
            };
            fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// What the core writes for these files converted one after the other.
fn core_outcomes(files: &[PathBuf]) -> Vec<Outcome> {
    files
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            hankekuvaus::parse_outcome(&fs::read(path).unwrap(), &name, &Options::default())
        })
        .collect()
}

fn core_summary(outcomes: &[Outcome], dialect: CsvDialect) -> String {
    let docs = outcomes.iter().filter_map(|o| match o {
        Outcome::Document(doc) => Some(&**doc),
        Outcome::Failure(_) => None,
    });
    export::summary_csv(docs, dialect)
}

/// Checks the output of every format against the core's export of the same files.
fn assert_same_bytes_as_the_core(files: &[PathBuf]) {
    let outcomes = core_outcomes(files);
    let expected = [
        ("json", export::outcomes_json(&outcomes)),
        (
            "ndjson",
            outcomes.iter().map(export::outcome_ndjson_line).collect(),
        ),
        ("csv", core_summary(&outcomes, CsvDialect::Plain)),
        ("csv-fi", core_summary(&outcomes, CsvDialect::ExcelFi)),
    ];
    for (format, expected) in expected {
        let out = run(&["--format", format], files);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
        // Compared as text so that a difference shows where it is.
        if stdout(&out) != expected {
            let at = stdout(&out)
                .bytes()
                .zip(expected.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(expected.len().min(out.stdout.len()));
            let from = at.saturating_sub(200);
            panic!(
                "--format {format} differs from the core's export at byte {at}:\n\
                 got:      {:?}\nexpected: {:?}",
                &stdout(&out)[from..(at + 200).min(out.stdout.len())],
                &expected[from..(at + 200).min(expected.len())]
            );
        }
    }
}

#[test]
fn testdata_converts_to_the_same_bytes_as_the_core_export() {
    let dir = temp_dir("same-bytes");
    let empty = dir.join("empty.txt");
    let pdf = dir.join("kuvaus.pdf");
    fs::write(&empty, b"").unwrap();
    fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").unwrap();
    let mut files = testdata_files();
    files.insert(2, empty);
    files.push(pdf);
    assert_same_bytes_as_the_core(&files);
}

#[test]
fn many_files_keep_their_order_and_bytes() {
    let dir = temp_dir("many");
    let files = generated_files(&dir, 500);
    assert_same_bytes_as_the_core(&files);

    let out = run(&["--format", "ndjson"], &files);
    assert_eq!(out.status.code(), Some(1), "some are not descriptions");
    let lines: Vec<&str> = stdout(&out).lines().collect();
    assert_eq!(lines.len(), files.len());
    for (i, line) in lines.iter().enumerate() {
        let item: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(item["source"]["file_name"], format!("{i:04}.txt"));
        if i % 50 != 7 {
            assert_eq!(item["project"]["code"], format!("S{:05}", 90_000 + i));
        }
    }
    // Standard error follows the same order: a file's lines come after the previous file's.
    let index: HashMap<String, usize> = files
        .iter()
        .enumerate()
        .map(|(i, p)| (p.display().to_string(), i))
        .collect();
    let mut last = 0;
    for line in stderr(&out).lines() {
        let path = line.split(": ").next().unwrap();
        let path = path.rsplit_once(':').map_or(path, |(p, _line)| p);
        let i = index[path];
        assert!(i >= last, "{line:?} after a line of file {last}");
        last = i;
    }
    assert!(
        last >= files.len() - 50,
        "stderr reports the late files too"
    );
}

/// Runs the CLI on a seed and then a FIFO, and returns the standard output written before
/// anything was written into the FIFO: the CLI cannot have read the second input by then.
fn output_before_the_second_input(format: &str, expect: &str) -> String {
    let dir = temp_dir(&format!("fifo-{format}"));
    let fifo = dir.join("later.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo");
    let seed = seeds()[0].clone();
    let mut child = Command::new(BIN)
        .args(["--format", format])
        .arg(&seed)
        .arg(&fifo)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut child_out = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    let expect = expect.to_owned();
    let reader = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            let n = child_out.read(&mut buf).unwrap();
            seen.extend_from_slice(&buf[..n]);
            if n == 0 || String::from_utf8_lossy(&seen).contains(&expect) {
                let _ = sender.send(String::from_utf8_lossy(&seen).into_owned());
                break;
            }
        }
        child_out
    });
    let early = receiver.recv_timeout(Duration::from_secs(60));
    // Let the CLI finish either way: it is waiting for the FIFO's writer.
    fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .unwrap()
        .write_all(&fs::read(&seed).unwrap())
        .unwrap();
    let mut rest = String::new();
    reader.join().unwrap().read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    early.unwrap_or_else(|_| panic!("--format {format}: nothing written before the FIFO"))
}

#[test]
#[cfg(unix)]
fn output_streams_before_later_inputs_are_read() {
    let json = output_before_the_second_input("json", "\"fingerprint\"");
    assert!(json.starts_with("[\n  {\n"), "{json}");
    assert!(json.contains("S21498"), "{json}");
    let ndjson = output_before_the_second_input("ndjson", "\n");
    assert!(ndjson.contains("\"code\":\"S21498\""), "{ndjson}");
    let csv = output_before_the_second_input("csv", "S21498");
    assert!(csv.starts_with("file_name,code,"), "{csv}");
}
