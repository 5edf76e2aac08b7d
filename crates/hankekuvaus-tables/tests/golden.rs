//! Golden CSV of every table over the test inputs (`tests/golden/<table>.csv`, plain
//! dialect with keys; `projects.fi.csv` in the Excel-in-Finnish dialect with Finnish
//! headers).
//!
//! After an intended change of output, regenerate with
//! `UPDATE_GOLDEN=1 cargo test -p hankekuvaus-tables --test golden` and review the diff.

mod common;

use std::path::PathBuf;

use hankekuvaus::export::{self, CsvDialect};
use hankekuvaus::Outcome;
use hankekuvaus_tables::{build, csv, items, Labels, Lang, TableKind};

fn check_golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{name} differs from its golden file; if intended, rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

#[test]
fn every_table_matches_its_golden_csv() {
    let outcomes = common::inputs();
    let items = items(&outcomes);
    for kind in TableKind::ALL {
        let table = build(kind, &items);
        check_golden(
            &format!("{}.csv", kind.key()),
            &csv(&table, CsvDialect::Plain, Labels::Keys),
        );
    }
    let projects = build(TableKind::Projects, &items);
    check_golden(
        "projects.fi.csv",
        &csv(&projects, CsvDialect::ExcelFi, Labels::Lang(Lang::Fi)),
    );
}

/// The Projects table starts with the summary CSV's columns, with the same values: a
/// script written against `--format csv` reads `--table projects` too.
#[test]
fn projects_extend_the_summary_csv() {
    let outcomes = common::inputs();
    let docs: Vec<_> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Document(d) => Some(&**d),
            Outcome::Failure(_) => None,
        })
        .collect();
    let summary = export::summary_csv(docs.iter().copied(), CsvDialect::Plain);
    let projects = csv(
        &build(TableKind::Projects, &items(&outcomes)),
        CsvDialect::Plain,
        Labels::Keys,
    );
    let summary_lines: Vec<&str> = summary.lines().collect();
    let project_lines: Vec<&str> = projects.lines().collect();
    assert_eq!(summary_lines.len(), docs.len() + 1);
    assert_eq!(summary_lines.len(), project_lines.len());
    for (s, p) in summary_lines.iter().zip(&project_lines) {
        // Quoted values may hold commas: compare the start of the line, not split cells.
        assert!(p.starts_with(s), "\n{p}\ndoes not start with\n{s}");
        assert!(p[s.len()..].starts_with(','), "{p}");
    }
}

#[test]
fn names_round_trip() {
    for kind in TableKind::ALL {
        assert_eq!(TableKind::from_key(kind.key()), Some(kind));
    }
    assert_eq!(
        TableKind::from_key("indicators"),
        Some(TableKind::Indicators)
    );
    assert_eq!(TableKind::from_key("Indicators"), None);
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
    assert_eq!(Lang::from_code("sv"), Some(Lang::Sv));
    assert_eq!(Lang::from_code("de"), None);
}

#[test]
fn each_table_has_the_rows_of_its_inputs() {
    let outcomes = common::seeds();
    let items = items(&outcomes);
    let rows = |kind| build(kind, &items).rows.len();
    assert_eq!(rows(TableKind::Projects), 5);
    // Two indicators and 15 sustainability items per seed.
    assert_eq!(rows(TableKind::Indicators), 10);
    assert_eq!(rows(TableKind::Sustainability), 75);
    // 1+1+1, 2+2+2, 1+2+3, 1+2+2, 1+1+1 regions, sub-regions and municipalities.
    assert_eq!(rows(TableKind::Areas), 23);
    // Five applicants and 3+3+2 co-implementers.
    assert_eq!(rows(TableKind::Organisations), 13);
    // The seeds parse cleanly.
    assert_eq!(rows(TableKind::Diagnostics), 0);
    for kind in TableKind::ALL {
        let table = build(kind, &items);
        assert!(table.rows.iter().all(|r| r.len() == kind.columns().len()));
    }
}
