//! The synthetic corpus of `cargo xtask corpus` (the `hankekuvaus-corpus` crate) parses
//! without a warning or an error, in every encoding and line end it writes, with the code,
//! fund and figures it was written with.

use hankekuvaus::{Fund, Severity, TextEncoding};
use hankekuvaus_corpus as corpus;

#[test]
fn generated_descriptions_parse_cleanly() {
    let files = corpus::generate(600, corpus::DEFAULT_SEED);
    assert!(files.iter().any(|f| f.duplicate), "some codes repeat");
    for file in &files {
        let doc = hankekuvaus::parse(&file.bytes, &file.name)
            .unwrap_or_else(|e| panic!("{}: not a description: {e}", file.name));
        let problems: Vec<String> = doc
            .diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .map(|d| format!("{:?} line {:?}: {}", d.severity, d.line, d.message))
            .collect();
        assert!(problems.is_empty(), "{}: {problems:#?}", file.name);
        assert_eq!(doc.project.code.as_deref(), Some(file.code.as_str()));
        let fund = if file.code.starts_with('S') {
            Fund::Esr
        } else {
            Fund::Eakr
        };
        assert_eq!(doc.kind.fund, Some(fund), "{}", file.name);
        let encoding = match file.encoding {
            corpus::Encoding::Windows1252 => TextEncoding::Windows1252,
            corpus::Encoding::Utf16Le => TextEncoding::Utf16Le,
            _ => TextEncoding::Utf8,
        };
        assert_eq!(doc.source.encoding, encoding, "{}", file.name);
        assert_eq!(doc.sustainability.len(), 15, "{}", file.name);
        assert!(
            doc.applicant.business_id_valid == Some(true),
            "{}",
            file.name
        );
        assert!(!doc.area.regions.is_empty() && !doc.area.municipalities.is_empty());
        let f = doc.funding;
        assert!(f.realized_eu_state <= f.granted_eu_state && f.granted_eu_state.is_some());
        assert!(doc.project.start_date.is_some() && doc.project.end_date.is_some());
        assert!(doc.gender_equality.main_goal.is_some());
    }
}
