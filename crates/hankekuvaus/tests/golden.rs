//! Golden tests: the JSON of every file in `testdata/` (seeds and breadth) is checked in
//! under `tests/golden/`, at the same relative path with `.json` for the extension.
//!
//! After an intended change of output, regenerate with
//! `UPDATE_GOLDEN=1 cargo test -p hankekuvaus --test golden` and review the diff. A mismatch
//! prints a line diff of each file that differs.

mod common;

use std::path::PathBuf;

fn golden_path(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    path.with_extension("json")
}

#[test]
fn every_testdata_file_matches_its_golden_json() {
    let mut mismatched = Vec::new();
    let files = common::testdata_files();
    assert!(files.len() >= 9, "{} files in testdata/", files.len());
    for (name, bytes) in files {
        // `seeds/000_….txt`: the document records the file's own name.
        let file_name = name.rsplit('/').next().unwrap();
        let doc = hankekuvaus::parse(&bytes, file_name)
            .unwrap_or_else(|e| panic!("{name} is not a description: {e}"));
        let actual = hankekuvaus::export::document_json(&doc);
        if let Some(expected) = common::golden_mismatch(&golden_path(&name), &actual) {
            let diff = similar_asserts::SimpleDiff::from_str(&expected, &actual, "golden", "now");
            eprintln!("{name}:\n{diff}");
            mismatched.push(name);
        }
    }
    assert!(
        mismatched.is_empty(),
        "output differs from the golden files for {mismatched:?} (diffs above); if intended, rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

#[test]
fn seeds_have_no_errors_and_every_field_filled() {
    for (name, bytes) in common::seeds() {
        let doc = hankekuvaus::parse(&bytes, &name).unwrap();
        assert!(doc.diagnostics.is_empty(), "{name}: {:?}", doc.diagnostics);
        let p = &doc.project;
        assert!(
            p.code.is_some() && p.name.is_some() && p.priority_axis.is_some(),
            "{name}"
        );
        assert!(p.specific_objective.is_some() && p.start_date.is_some() && p.end_date.is_some());
        assert!(
            p.status.is_some() && p.responsible_authority.is_some(),
            "{name}"
        );
        let a = &doc.applicant;
        assert!(a.name.is_some() && a.business_id_valid == Some(true) && a.website.is_some());
        assert!(a
            .contact
            .email
            .as_deref()
            .is_some_and(|e| e.contains('@') && !e.contains("(at)")));
        assert!(a.joint_project.is_some(), "{name}");
        assert_eq!(
            a.joint_project,
            Some(!a.co_implementers.is_empty()),
            "{name}"
        );
        let f = &doc.funding;
        assert!(f.granted_eu_state.is_some() && f.realized_eu_state.is_some());
        assert!(f.planned_public_total.is_some() && f.realized_public_total.is_some());
        assert!(!doc.area.regions.is_empty() && !doc.area.municipalities.is_empty());
        assert_eq!(doc.indicators.len(), 2, "{name}");
        assert_eq!(doc.sustainability.len(), 15, "{name}");
        let g = &doc.gender_equality;
        assert!(g.analysis_done.is_some() && g.mainstreamed.is_some() && g.main_goal.is_some());
        assert!(doc.summary.is_some() && doc.target_groups.primary.is_some());
        assert!(doc.target_groups.indirect.is_some(), "{name}");
    }
}

#[test]
fn seed_000_values() {
    let (name, bytes) = &common::seeds()[0];
    let doc = hankekuvaus::parse(bytes, name).unwrap();
    assert_eq!(doc.project.code.as_deref(), Some("S21498"));
    assert_eq!(doc.project.start_date.as_deref(), Some("2019-01-01"));
    assert_eq!(doc.project.end_date.as_deref(), Some("2019-12-31"));
    assert_eq!(doc.duration_months(), Some(12));
    assert_eq!(
        doc.funding.granted_eu_state,
        Some(hankekuvaus::Amount::euros(48_724))
    );
    assert_eq!(
        doc.funding.planned_public_total,
        Some(hankekuvaus::Amount::euros(69_606))
    );
    assert_eq!(
        doc.applicant.contact.email.as_deref(),
        Some("heikki.silvennoinen@mikseimikkeli.fi")
    );
    assert_eq!(doc.area.sub_regions, vec!["Mikkelin"]);
    assert_eq!(doc.field_lines["project.code"], 7);
    assert_eq!(doc.indicators[0].realized, Some(21.0));
    let item = &doc.sustainability[7];
    assert_eq!(
        (item.name.as_ref(), item.direct, item.indirect),
        (
            "Paikallisen elinkeinorakenteen kestävä kehittäminen",
            Some(5),
            Some(3)
        )
    );
    assert_eq!(item.category, "Taloudellinen kestävyys");
    assert_eq!(doc.gender_equality.main_goal, Some(false));
    assert_eq!(
        doc.gender_equality.main_goal_text.as_deref(),
        Some("Ei ole.")
    );
}

#[test]
fn every_non_blank_line_is_in_the_tree() {
    for (name, bytes) in common::testdata_files() {
        let doc = hankekuvaus::parse(&bytes, &name).unwrap();
        // Line numbers refer to the decoded text, or to the text extracted from a page.
        let text = hankekuvaus::source_text(&bytes)
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        let mut covered = std::collections::BTreeSet::new();
        fn walk(s: &hankekuvaus::Section, covered: &mut std::collections::BTreeSet<u32>) {
            if s.number.is_some() {
                covered.insert(s.line);
            }
            for f in &s.fields {
                covered.insert(f.line);
            }
            for p in &s.paragraphs {
                for (k, _) in p.text.split('\n').enumerate() {
                    covered.insert(p.line + k as u32);
                }
                assert_eq!(p.end_line, p.line + p.text.matches('\n').count() as u32);
            }
            for sub in &s.subsections {
                walk(sub, covered);
            }
        }
        for s in &doc.sections {
            walk(s, &mut covered);
        }
        for (i, line) in text.split('\n').enumerate() {
            let no = i as u32 + 1;
            assert_eq!(
                !line.trim().is_empty(),
                covered.contains(&no),
                "{name}: line {no} {line:?}"
            );
        }
    }
}
