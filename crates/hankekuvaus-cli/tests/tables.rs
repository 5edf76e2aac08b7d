//! `--table` and `--format xlsx`: the tidy tables as CSV, and the workbook read back.

mod common;

use std::io::Cursor;
use std::process::Output;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use common::{run, seeds};

/// Runs the binary with `args` and the seeds; it must succeed.
fn run_ok(args: &[&str]) -> Output {
    let out = run(args, &seeds());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn table_indicators_has_a_row_per_indicator_with_numbers() {
    let out = run_ok(&["--format", "csv", "--table", "indicators"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("code,indicator,planned,realized"));
    let rows: Vec<&str> = lines.collect();
    assert!(rows.len() >= 10, "{text}");
    assert!(
        rows.contains(&"S21498,Osallistuvien yritysten lukumäärä,30,21"),
        "{text}"
    );
    let codes: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r.split(',').next().unwrap()).collect();
    assert_eq!(codes.len(), 5, "every seed has indicators: {codes:?}");
}

#[test]
fn table_headers_follow_lang_and_the_finnish_dialect() {
    let out = run(
        &["-f", "csv-fi", "-t", "organisations", "--lang", "fi"],
        &seeds(),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.starts_with('\u{FEFF}'), "{header}");
    assert!(
        header.contains(';') && header.contains("Y-tunnus"),
        "{header}"
    );
}

#[test]
fn xlsx_needs_an_output_file() {
    let out = run(&["--format", "xlsx"], &seeds());
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output"));
}

#[test]
fn xlsx_workbook_has_six_typed_sheets() {
    let dir = common::temp_dir("xlsx");
    let path = dir.join("hankkeet.xlsx");
    let path_arg = path.to_str().unwrap();
    let out = run_ok(&["-q", "--format", "xlsx", "--lang", "en", "-o", path_arg]);
    assert!(out.stdout.is_empty(), "the workbook goes to the file only");
    let bytes = std::fs::read(&path).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Projects",
            "Indicators",
            "Sustainability",
            "Areas",
            "Organisations",
            "Diagnostics"
        ]
    );
    let projects = book.worksheet_range("Projects").unwrap();
    let header: Vec<String> = projects
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let code = header
        .iter()
        .position(|h| h.contains("code") || h.contains("Code"))
        .unwrap();
    let codes: Vec<String> = projects
        .rows()
        .skip(1)
        .map(|r| r[code].to_string())
        .collect();
    assert_eq!(codes, ["S21498", "S20516", "S20884", "S22084", "S22257"]);
    // Amounts are numbers, not text.
    let numbers = projects
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .filter(|c| matches!(c, Data::Float(_) | Data::Int(_)))
        .count();
    assert!(
        numbers >= 4,
        "the first project's row has its amounts as numbers"
    );
    let indicators = book.worksheet_range("Indicators").unwrap();
    assert!(indicators.rows().skip(1).any(|r| r[2] == Data::Float(30.0)));
}
