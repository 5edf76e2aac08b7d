//! The three periods' list exports at their real sizes (19,940, 11,000 and 8,700 rows), as
//! `cargo xtask corpus --lists` writes them with the real defects, read back row by row
//! against what the generator wrote before damaging each row.
#![cfg(feature = "xlsx")]

use hankekuvaus::{codes, read, Document, ListKind, Options, Outcome, Severity, Status};
use hankekuvaus_corpus::{generate_lists, Defect, ListExport, ListRow, DEFAULT_SEED, REAL_ROWS};

fn documents(export: &ListExport) -> Vec<Document> {
    read(&export.bytes, export.name, &Options::default())
        .into_iter()
        .map(|o| match o {
            Outcome::Document(d) => *d,
            Outcome::Failure(f) => panic!("{}: a failure: {f:?}", export.name),
        })
        .collect()
}

fn status(written: &str) -> Status {
    match written {
        "Toiminnassa" => Status::Active,
        "Keskeytynyt" => Status::Interrupted,
        _ => Status::Ended,
    }
}

fn has(doc: &Document, code: &str, severity: Severity) -> bool {
    doc.diagnostics
        .iter()
        .any(|d| d.code == code && d.severity == severity)
}

/// Every row back: readable rows with every value as written (commas restored), shifted
/// rows reported with their line and nothing guessed. Returns the granted total in cents
/// of the readable rows.
fn check(export: &ListExport, docs: &[Document]) -> i64 {
    assert_eq!(
        docs.len(),
        export.rows.len(),
        "{}: one per row",
        export.name
    );
    let mut total = 0;
    for (doc, row) in docs.iter().zip(&export.rows) {
        let ListRow { line, code, .. } = row;
        assert_eq!(doc.source.row, Some(*line), "{code}");
        assert_eq!(
            doc.project.code.as_deref(),
            Some(code.as_str()),
            "line {line}"
        );
        if row.defect == Defect::Shifted {
            assert!(
                has(doc, codes::LIST_ROW_UNREADABLE, Severity::Error),
                "line {line}: {:?}",
                doc.diagnostics
            );
            let reported = doc
                .diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error);
            assert_eq!(reported.and_then(|d| d.line), Some(*line));
            assert!(doc.project.name.is_none() && doc.funding.granted_eu_state.is_none());
            continue;
        }
        let errors: Vec<_> = doc
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "line {line}: {errors:?}");
        assert_eq!(
            doc.project.name.as_deref(),
            Some(row.name.as_str()),
            "line {line}"
        );
        assert_eq!(
            doc.project.responsible_authority.as_deref(),
            Some(row.authority.as_str()),
            "line {line}"
        );
        assert_eq!(
            doc.applicant.name.as_deref(),
            Some(row.implementer.as_str()),
            "line {line}"
        );
        assert_eq!(doc.project.status, Some(status(row.status)), "line {line}");
        let granted = doc.funding.granted_eu_state.expect("granted");
        assert_eq!(granted.cents(), row.granted_cents, "line {line}");
        if row.defect == Defect::Repairable {
            assert!(
                has(doc, codes::LIST_ROW_REPAIRED, Severity::Info),
                "line {line}: {:?}",
                doc.diagnostics
            );
        }
        total += granted.cents();
    }
    total
}

#[test]
fn the_three_periods_at_real_size_read_back_row_by_row() {
    let exports = generate_lists(DEFAULT_SEED);
    let kinds = [
        ListKind::Eura2007Csv,
        ListKind::Eura2014Csv,
        ListKind::Eura2021Xlsx,
    ];
    for ((export, real), kind) in exports.iter().zip(REAL_ROWS).zip(kinds) {
        assert_eq!(export.rows.len(), real);
        assert_eq!(hankekuvaus::lists::detect(&export.bytes), Some(kind));
        let docs = documents(export);
        let total = check(export, &docs);
        let expected: i64 = export
            .rows
            .iter()
            .filter(|r| r.defect != Defect::Shifted)
            .map(|r| r.granted_cents)
            .sum();
        assert_eq!(
            total, expected,
            "{}: the granted total to the cent",
            export.name
        );
    }
    // The defects are there in the proportions of the real files.
    let count = |e: &ListExport, d: Defect| e.rows.iter().filter(|r| r.defect == d).count();
    let split_2007 = count(&exports[0], Defect::SplitCommas);
    assert!(
        (9_000..13_000).contains(&split_2007),
        "about 11,100 rows of 2007 need their commas back: {split_2007}"
    );
    let interrupted = exports[0]
        .rows
        .iter()
        .filter(|r| r.status == "Keskeytynyt")
        .count();
    assert!((1_100..1_650).contains(&interrupted), "{interrupted}");
    assert_eq!(count(&exports[1], Defect::Shifted), 18);
    assert!(count(&exports[1], Defect::Repairable) > 500);
}
