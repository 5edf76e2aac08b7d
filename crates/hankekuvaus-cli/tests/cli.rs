//! Runs the built `hankekuvaus` binary on the seed descriptions and on bad inputs, and
//! checks what a user sees: exit status, standard output in each format, and the
//! diagnostics on standard error.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;
use common::{run, seeds, seeds_dir, stderr, stdout, temp_dir, BIN};

/// Files that are not descriptions: an empty file, a PNG, a PDF and unrelated text.
fn bad_inputs(dir: &Path) -> Vec<PathBuf> {
    let files: [(&str, &[u8]); 4] = [
        ("empty.txt", b""),
        (
            "kuva.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89",
        ),
        (
            "kuvaus.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        ),
        (
            "muistio.txt",
            "Kokousmuistio 3.2.2020\n\nLäsnä: hallitus\n\nPäätettiin hankkia uusi \
             kahvinkeitin.\nSeuraava kokous pidetään maaliskuussa.\n"
                .as_bytes(),
        ),
    ];
    files
        .iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            fs::write(&path, bytes).unwrap();
            path
        })
        .collect()
}

/// Seed S21498 with flaws a real file can have: a wrong Y-tunnus check digit, a label the
/// parser does not know, and the end cut off before section 9. Returns the path and the
/// 1-based line of the Y-tunnus.
fn flawed_seed(dir: &Path) -> (PathBuf, usize) {
    let text = fs::read_to_string(seeds_dir().join("000_2f4bdf7767fd6a31.txt")).unwrap();
    let text = text
        .replace("Y-tunnus: 0600598-8", "Y-tunnus: 0600598-7")
        .replacen(
            "Jakeluosoite: Sammonkatu 12",
            "Jakeluosoite: Sammonkatu 12\n\nLisätieto: sivulle lisätty kenttä",
            1,
        );
    let cut = text
        .find("9 Loppuraportin")
        .expect("seed 000 has section 9");
    let text = &text[..cut];
    let line = 1 + text
        .lines()
        .position(|l| l.contains("0600598-7"))
        .expect("the Y-tunnus line");
    let path = dir.join("S21498_muokattu.txt");
    fs::write(&path, text).unwrap();
    (path, line)
}

fn json_array(o: &Output) -> Vec<Value> {
    match serde_json::from_str(stdout(o)) {
        Ok(Value::Array(items)) => items,
        other => panic!("stdout is not a JSON array: {other:?}\n{}", stdout(o)),
    }
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// The `file_name` of a result item, document or failure alike.
fn item_file_name(item: &Value) -> &str {
    item["source"]["file_name"]
        .as_str()
        .unwrap_or_else(|| panic!("item without source.file_name: {item}"))
}

fn is_failure(item: &Value) -> bool {
    item.get("error").is_some()
}

fn assert_failure_record(item: &Value) {
    let obj = item.as_object().expect("an item is an object");
    assert_eq!(obj.len(), 2, "a failure has only source and error: {item}");
    assert!(item["source"]["byte_count"].is_u64(), "{item}");
    assert_eq!(
        item["source"]["fingerprint"].as_str().map(str::len),
        Some(16)
    );
    let code = item["error"]["code"].as_str().expect("error.code");
    assert!(
        !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
        "error.code is kebab-case: {code:?}"
    );
    assert!(!item["error"]["message"].as_str().unwrap().is_empty());
}

/// Checks that every line of standard error is a diagnostic or failure line
/// `path[:line]: severity[code]: message` naming one of `paths`, and returns the lines.
fn assert_diagnostic_lines<'a>(err: &'a str, paths: &[String]) -> Vec<&'a str> {
    let lines: Vec<&str> = err.lines().collect();
    for line in &lines {
        let path = paths
            .iter()
            .filter(|p| line.starts_with(p.as_str()))
            .max_by_key(|p| p.len())
            .unwrap_or_else(|| panic!("stderr line names no input: {line:?}"));
        let rest = &line[path.len()..];
        let rest = match rest.strip_prefix(':') {
            Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => {
                let digits = r.find(|c: char| !c.is_ascii_digit()).unwrap();
                let n: u32 = r[..digits].parse().unwrap();
                assert!(n >= 1, "lines are 1-based: {line:?}");
                &r[digits..]
            }
            _ => rest,
        };
        let rest = rest
            .strip_prefix(": ")
            .unwrap_or_else(|| panic!("no ': ' after the location: {line:?}"));
        let severity = ["info", "warning", "error"]
            .into_iter()
            .find(|s| rest.starts_with(&format!("{s}[")))
            .unwrap_or_else(|| panic!("no severity[: {line:?}"));
        let rest = &rest[severity.len() + 1..];
        let (code, message) = rest
            .split_once("]: ")
            .unwrap_or_else(|| panic!("no ']: ' after the code: {line:?}"));
        assert!(
            !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "code is kebab-case in {line:?}"
        );
        assert!(!message.trim().is_empty(), "empty message in {line:?}");
    }
    lines
}

fn display(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}

#[test]
fn seeds_convert_to_a_json_array_in_order() {
    let seeds = seeds();
    let out = run(&[], &seeds);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let items = json_array(&out);
    assert_eq!(items.len(), seeds.len());
    for (item, path) in items.iter().zip(&seeds) {
        assert!(
            !is_failure(item),
            "{} did not parse: {item}",
            path.display()
        );
        assert_eq!(item["schema_version"], hankekuvaus::SCHEMA_VERSION);
        assert_eq!(item_file_name(item), file_name(path));
        let code = item["project"]["code"].as_str().expect("project.code");
        assert!(code.starts_with('S'), "seeds are ESF projects: {code}");
        assert_eq!(item["kind"]["fund"], "ESR");
    }
    assert_diagnostic_lines(stderr(&out), &display(&seeds));
}

#[test]
fn seed_s21498_values_reach_the_output() {
    let seed = seeds_dir().join("000_2f4bdf7767fd6a31.txt");
    let out = run(&["--format", "json"], &[seed]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let items = json_array(&out);
    let doc = &items[0];
    assert_eq!(doc["project"]["code"], "S21498");
    assert_eq!(doc["project"]["start_date"], "2019-01-01");
    assert_eq!(doc["project"]["end_date"], "2019-12-31");
    assert_eq!(doc["project"]["status"], "ended");
    assert_eq!(doc["applicant"]["business_id"], "0600598-8");
}

#[test]
fn bad_inputs_are_failure_records_and_exit_1() {
    let dir = temp_dir("bad");
    let bad = bad_inputs(&dir);
    let out = run(&[], &bad);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let items = json_array(&out);
    assert_eq!(items.len(), bad.len());
    for (item, path) in items.iter().zip(&bad) {
        assert!(
            is_failure(item),
            "{} must not parse: {item}",
            path.display()
        );
        assert_failure_record(item);
        assert_eq!(item_file_name(item), file_name(path));
        assert_eq!(
            item["source"]["byte_count"],
            fs::metadata(path).unwrap().len()
        );
    }
    let codes: Vec<&str> = items
        .iter()
        .map(|i| i["error"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes[0], "empty");
    assert_eq!(codes[1], "image");
    assert_eq!(codes[2], "pdf");
    assert_eq!(codes[3], "not-a-description");

    // One `path: error[code]: message` line per failure, without a line number.
    let lines = assert_diagnostic_lines(stderr(&out), &display(&bad));
    for (path, code) in display(&bad).iter().zip(&codes) {
        let expected = format!("{path}: error[{code}]: ");
        assert!(
            lines.iter().any(|l| l.starts_with(&expected)),
            "no {expected:?} in stderr:\n{}",
            stderr(&out)
        );
    }
}

#[test]
fn mixed_inputs_keep_their_order_and_exit_1() {
    let dir = temp_dir("mixed");
    let bad = bad_inputs(&dir);
    let seeds = seeds();
    let files = vec![
        seeds[0].clone(),
        bad[1].clone(),
        seeds[1].clone(),
        bad[2].clone(),
    ];
    let out = run(&[], &files);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let items = json_array(&out);
    let names: Vec<&str> = items.iter().map(item_file_name).collect();
    let expected: Vec<String> = files.iter().map(|p| file_name(p)).collect();
    assert_eq!(names, expected);
    let failures: Vec<bool> = items.iter().map(is_failure).collect();
    assert_eq!(failures, [false, true, false, true]);
}

#[test]
fn ndjson_has_one_line_per_file() {
    let dir = temp_dir("ndjson");
    let mut files = seeds();
    files.extend(bad_inputs(&dir));
    let out = run(&["--format=ndjson"], &files);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let lines: Vec<&str> = stdout(&out).lines().collect();
    assert_eq!(lines.len(), files.len());
    for (line, path) in lines.iter().zip(&files) {
        let item: Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(item.is_object());
        assert_eq!(item_file_name(&item), file_name(path));
        if is_failure(&item) {
            assert_failure_record(&item);
        } else {
            assert_eq!(item["schema_version"], hankekuvaus::SCHEMA_VERSION);
        }
    }
}

#[test]
fn csv_has_a_header_and_a_row_per_document() {
    let dir = temp_dir("csv");
    let seeds = seeds();
    let mut files = seeds.clone();
    files.extend(bad_inputs(&dir));
    let out = run(&["--format", "csv"], &files);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    assert!(text.ends_with("\r\n"), "CSV lines end in CRLF");
    let rows: Vec<&str> = text.split_terminator("\r\n").collect();
    assert!(
        rows[0].starts_with("file_name,code,name,fund,period,status,"),
        "header: {}",
        rows[0]
    );
    assert!(rows[0].ends_with(",realized_vs_granted_pct"));
    // Failures appear on stderr only.
    assert_eq!(rows.len(), 1 + seeds.len(), "{text}");
    for (row, path) in rows[1..].iter().zip(&seeds) {
        assert!(row.starts_with(&format!("{},S", file_name(path))), "{row}");
        assert!(row.contains(",ESR,2014-2020,"), "{row}");
    }
    assert!(stderr(&out).contains("kuva.png: error[image]: "));
}

#[test]
fn csv_fi_is_for_finnish_excel() {
    let seeds = seeds();
    let out = run(&["--format", "csv-fi", "--quiet"], &seeds);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    let text = text
        .strip_prefix('\u{FEFF}')
        .expect("csv-fi starts with a BOM");
    let rows: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(rows.len(), 1 + seeds.len());
    assert!(rows[0].starts_with("file_name;code;name;"), "{}", rows[0]);
    assert!(rows[1].contains(";ESR;2014-2020;"), "{}", rows[1]);
}

#[test]
fn missing_file_exits_2_and_the_others_are_still_printed() {
    let seeds = seeds();
    let dir = temp_dir("missing");
    let missing = dir.join("puuttuu.txt");
    let files = vec![seeds[0].clone(), missing.clone(), seeds[2].clone()];
    let out = run(&[], &files);
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
    let items = json_array(&out);
    let names: Vec<&str> = items.iter().map(item_file_name).collect();
    assert_eq!(names, [file_name(&seeds[0]), file_name(&seeds[2])]);
    assert!(items.iter().all(|i| !is_failure(i)));
    let err = stderr(&out);
    let expected = format!("{}: error: cannot read the file: ", missing.display());
    assert!(err.lines().any(|l| l.starts_with(&expected)), "{err}");

    // A directory is unreadable as well; ndjson still writes the readable file.
    let out = run(&["--format", "ndjson"], &[dir.clone(), seeds[3].clone()]);
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1);
    let expected = format!(
        "{}: error: this is a folder; name the files in it",
        dir.display()
    );
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
}

#[test]
fn stdin_is_read_for_dash() {
    let seed = fs::read(&seeds()[0]).unwrap();
    let mut child = Command::new(BIN)
        .args(["--format", "ndjson", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&seed).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let item: Value = serde_json::from_str(stdout(&out).trim_end()).unwrap();
    assert_eq!(item["project"]["code"], "S21498");
    assert_eq!(item_file_name(&item), "<stdin>");
}

#[test]
fn max_file_mb_refuses_large_files_and_keeps_going() {
    let dir = temp_dir("large");
    let big = dir.join("iso.txt");
    // 1 MB and one byte: over a 1 MB limit.
    fs::write(&big, vec![b'a'; 1024 * 1024 + 1]).unwrap();
    let seed = seeds()[1].clone();
    let out = run(&["--max-file-mb", "1"], &[big.clone(), seed]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let items = json_array(&out);
    assert_eq!(items.len(), 2);
    assert_failure_record(&items[0]);
    assert_eq!(items[0]["error"]["code"], "too-large");
    assert_eq!(items[0]["source"]["byte_count"], 1024 * 1024 + 1);
    assert!(!is_failure(&items[1]), "{}", items[1]);
    assert!(stderr(&out).contains(&format!("{}: error[too-large]: ", big.display())));
}

#[test]
fn flawed_description_converts_with_diagnostics() {
    let dir = temp_dir("flawed");
    let (flawed, id_line) = flawed_seed(&dir);
    let out = run(&[], std::slice::from_ref(&flawed));
    // Diagnostics do not make a description a failure.
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let items = json_array(&out);
    assert_eq!(items[0]["project"]["code"], "S21498");
    let path = flawed.display().to_string();
    let lines = assert_diagnostic_lines(stderr(&out), std::slice::from_ref(&path));
    let has = |prefix: String| {
        assert!(
            lines.iter().any(|l| l.starts_with(&prefix)),
            "no line starting {prefix:?} in:\n{}",
            stderr(&out)
        )
    };
    has(format!("{path}:{id_line}: warning[bad-business-id]: "));
    has(format!("{path}:{}: info[unknown-field]: ", id_line + 4));
    // A problem without a line: `path: severity[code]: message`.
    has(format!("{path}: warning[missing-section]: "));
}

#[test]
fn quiet_drops_info_diagnostics_only() {
    let dir = temp_dir("quiet");
    let mut files = seeds();
    files.push(flawed_seed(&dir).0);
    let loud = run(&[], &files);
    let quiet = run(&["--quiet"], &files);
    assert_eq!(loud.stdout, quiet.stdout, "--quiet changes stderr only");
    let paths = display(&files);
    let loud_lines = assert_diagnostic_lines(stderr(&loud), &paths);
    let quiet_lines = assert_diagnostic_lines(stderr(&quiet), &paths);
    let is_info = |l: &&&str| l.contains(": info[");
    assert!(loud_lines.iter().any(|l| is_info(&l)), "no info to drop");
    assert!(!quiet_lines.iter().any(|l| is_info(&l)));
    let not_info: Vec<&&str> = loud_lines.iter().filter(|l| !is_info(l)).collect();
    assert!(!not_info.is_empty(), "no warnings to keep");
    assert_eq!(not_info, quiet_lines.iter().collect::<Vec<_>>());
}

#[test]
fn diagnostics_agree_with_the_json() {
    let dir = temp_dir("agree");
    let mut files = seeds();
    files.push(flawed_seed(&dir).0);
    let out = run(&["--format", "ndjson"], &files);
    let err = stderr(&out);
    let (mut with_line, mut without_line) = (0, 0);
    for (line, path) in stdout(&out).lines().zip(&files) {
        let doc: Value = serde_json::from_str(line).unwrap();
        for d in doc["diagnostics"].as_array().unwrap() {
            let location = match d["line"].as_u64() {
                Some(n) => {
                    with_line += 1;
                    format!("{}:{n}", path.display())
                }
                None => {
                    without_line += 1;
                    path.display().to_string()
                }
            };
            let expected = format!(
                "{location}: {}[{}]: {}",
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            );
            assert!(err.lines().any(|l| l == expected), "missing {expected:?}");
        }
    }
    assert!(
        with_line > 0 && without_line > 0,
        "{with_line} {without_line}"
    );
    assert_eq!(err.lines().count(), with_line + without_line);
}

#[test]
fn usage_errors_exit_2_with_a_hint() {
    let seed = seeds()[0].clone();
    let cases: [(&[&str], bool); 5] = [
        (&[], false),
        (&["--quiet"], false),
        (&["--format", "xml"], true),
        (&["--max-file-mb", "zero"], true),
        (&["--no-such-option"], true),
    ];
    for (args, with_file) in cases {
        let files = if with_file {
            vec![seed.clone()]
        } else {
            vec![]
        };
        let out = run(args, &files);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
        let err = stderr(&out);
        // clap's wording: `error: …` (the hand-written parser wrote `hankekuvaus: …`).
        assert!(err.starts_with("error: "), "{err}");
        assert!(err.contains("Usage: hankekuvaus"), "{err}");
        assert!(err.contains("--help"), "{err}");
    }
}

#[test]
fn help_and_version() {
    let out = run(&["--help"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for word in [
        "--format",
        "ndjson",
        "csv-fi",
        "--max-file-mb",
        "--quiet",
        "Exit status",
    ] {
        assert!(help.contains(word), "help lacks {word}");
    }
    let out = run(&["--version"], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with(&format!("hankekuvaus {}", env!("CARGO_PKG_VERSION"))));
    assert!(stdout(&out).contains(&format!("schema version {}", hankekuvaus::SCHEMA_VERSION)));
}

#[test]
fn closed_pipe_is_not_a_crash() {
    // Many files as NDJSON into a reader that stops after the first line, like `| head -1`.
    let seeds = seeds();
    let files: Vec<PathBuf> = seeds.iter().cycle().take(200).cloned().collect();
    let mut child = Command::new(BIN)
        .arg("--format=ndjson")
        .arg("--quiet")
        .args(&files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{:?}", out.status);
}
