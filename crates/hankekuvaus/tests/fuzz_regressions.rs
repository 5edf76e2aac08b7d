//! Regression tests for inputs found by fuzzing (`fuzz/`, see fuzz/README.md) and by reading
//! the code while writing the fuzz targets' invariants. Each test feeds the exact reproducer
//! and asserts both that nothing panics and what the outcome must be.
//!
//! The invariants are the fuzz targets' own: a parsed document's JSON re-imports as the same
//! document, every line number points into the source, and the views (CSV row, derived
//! figures) work on every document the parser or the importer returns.

use hankekuvaus::export::{document_json, summary_row};
use hankekuvaus::import::import_json;
use hankekuvaus::{codes::Code, Amount, Document, Outcome};

/// A minimal 2014–2020 description: the title line, section 1 and `body` (later sections).
fn description(body: &str) -> Vec<u8> {
    format!(
        "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n\
         1 Hanke\n\
         Hankekoodi: S21498\n\
         Hankkeen nimi: Testi\n\
         {body}"
    )
    .into_bytes()
}

fn parse(bytes: &[u8]) -> Document {
    hankekuvaus::parse(bytes, "regression.txt").expect("a description")
}

/// The document's own JSON reads back as the same document.
fn assert_round_trip(doc: &Document) {
    let json = document_json(doc);
    let back = import_json(&json).expect("the document's JSON re-imports");
    match back.as_slice() {
        [Outcome::Document(back)] => assert_eq!(**back, *doc, "re-imported document differs"),
        other => panic!("expected one document, got {other:?}"),
    }
}

/// An indicator value too large for an f64 became infinity, which JSON writes as `null`:
/// the download lost the value and re-imported as "no value". The parser must refuse it
/// as a bad number instead.
#[test]
fn huge_indicator_value_is_a_bad_number_not_infinity() {
    let digits = "9".repeat(400);
    let bytes = description(&format!(
        "7 Hakemusvaiheessa ilmoitettavat arviot hankekohtaisista seurantiedoista\n\
         7.1 Osallistuvien henkilöiden lukumäärä\n\
         Suunniteltu: {digits}\n"
    ));
    let doc = parse(&bytes);
    assert_eq!(doc.indicators.len(), 1);
    let planned = doc.indicators[0].planned;
    assert!(
        planned.is_none_or(f64::is_finite),
        "planned = {planned:?}: JSON cannot hold it"
    );
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == Code::BadNumber.as_str() && d.line == Some(7)),
        "a bad-number diagnostic on line 7: {:?}",
        doc.diagnostics
    );
    assert_round_trip(&doc);
}

/// Amounts are i64 cents and may be negative ("-5"); "other public funding" subtracted them
/// unchecked and overflowed (a panic in debug builds, a wrong figure in release).
#[test]
fn other_public_funding_does_not_overflow_on_extreme_amounts() {
    let bytes = description(
        "5 Projektin julkinen rahoitus, euroa\n\
         Myönnetty EU- ja valtion rahoitus: -92 233 720 368 547 758\n\
         Suunniteltu julkinen rahoitus yhteensä: 92 233 720 368 547 758,07\n",
    );
    let doc = parse(&bytes);
    assert_eq!(
        doc.funding.granted_eu_state,
        Some(Amount::from_cents(-(i64::MAX - 7)))
    );
    assert_eq!(
        doc.funding.planned_public_total,
        Some(Amount::from_cents(i64::MAX))
    );
    // The true difference does not fit an i64: no figure rather than a wrong one.
    assert_eq!(doc.funding.other_public_planned(), None);
    let _ = summary_row(&doc);
}

/// An imported document (JSON is not checked beyond its types) may carry any date string;
/// the duration in months overflowed i32 for far-apart years.
#[test]
fn duration_of_imported_far_apart_dates_does_not_overflow() {
    let doc = parse(&description(""));
    let mut value: serde_json::Value = serde_json::from_str(&document_json(&doc)).unwrap();
    value["project"]["start_date"] = "0-01-01".into();
    value["project"]["end_date"] = "200000000-01-01".into();
    let imported = import_json(&value.to_string()).expect("types are right");
    let [Outcome::Document(doc)] = imported.as_slice() else {
        panic!("one document");
    };
    // 2.4 billion months does not fit the i32 arithmetic; it must not panic, and a
    // sensible answer is either the exact figure (it fits a u32) or none.
    let months = doc.duration_months();
    assert!(
        months.is_none() || months == Some(2_400_000_001),
        "months = {months:?}"
    );
    let _ = doc.start_year();
}

/// serde_json's default float parser is fast but not exact: about one in ten 17-digit
/// decimals reads back as a neighbouring f64, so a document with such an indicator value
/// re-imported as a different document.
#[test]
fn seventeen_digit_indicator_value_round_trips() {
    let bytes = description(
        "7 Hakemusvaiheessa ilmoitettavat arviot hankekohtaisista seurantiedoista\n\
         7.1 Osallistuvien henkilöiden lukumäärä\n\
         Suunniteltu: 49,000001300673524\n",
    );
    let doc = parse(&bytes);
    assert_eq!(doc.indicators[0].planned, Some(49.000001300673524));
    assert_round_trip(&doc);
}

/// Runs `parse` on another thread and fails if it has not finished within `limit`.
///
/// Not a speed target (those belong in `cargo xtask bench`): the limits are hundreds of
/// times what a linear parser needs for these inputs, so the test fails only on
/// super-linear behaviour, which turns a file of a few hundred kilobytes into a tab that
/// freezes for minutes.
fn parse_within(bytes: Vec<u8>, limit: std::time::Duration) -> Document {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(parse(&bytes));
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("parse did not finish within {limit:?}"))
}

/// A repeated known field after many unknown ones: for each repeat, the duplicate check
/// searched the section's fields from the top, normalising every label again, so the work
/// grew with (unknown fields × repeats). 16 000 of each (a 610 KB file) took about
/// 160 s in a release build (measured: 39 s at 8 000, 307 s at 32 000); with the first
/// line remembered per key it takes ~75 ms.
#[test]
fn repeated_fields_after_unknown_ones_parse_in_linear_time() {
    let n = 16_000;
    let mut text =
        String::from("Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n1 Hanke\n");
    for i in 0..n {
        text.push_str(&format!("Tuntematon {i}: x\n"));
    }
    for _ in 0..n {
        text.push_str("Hankekoodi: S21498\n");
    }
    let doc = parse_within(text.into_bytes(), std::time::Duration::from_secs(30));
    assert_eq!(doc.project.code.as_deref(), Some("S21498"));
    let first_line = 3 + n;
    let duplicates: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::DuplicateField.as_str())
        .collect();
    assert_eq!(duplicates.len(), n as usize - 1);
    assert!(duplicates
        .iter()
        .all(|d| d.message.contains(&format!("(line {first_line})"))));
}

/// Section 8.1 with many answered questions, each followed by an explanation: every
/// question scanned every paragraph of the section for its explanation, (questions ×
/// paragraphs) work: 2 MB took 2.2 s, 6.6 MB about 20 s, a file at the 50 MB limit would
/// take tens of minutes. The fix (one pass over the ordered paragraphs) must keep each
/// explanation to the paragraphs between its question and the next, and a repeated
/// question keeps its first answer and explanation, as repeated fields do; this test
/// guards that. The time itself is for `cargo xtask bench` and the allocation-count
/// linearity test: the ratio between the quadratic and the linear version at sizes a test
/// can afford is too small for a hang watchdog.
#[test]
fn interleaved_gender_questions_keep_their_own_explanations() {
    let mut text = String::from(
        "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n1 Hanke\n\
         Hankekoodi: S21498\n8 Horisontaaliset periaatteet\n8.1 Sukupuolten tasa-arvo\n",
    );
    for i in 0..2_000 {
        text.push_str(&format!(
            "Hankkeessa on tehty toimintaympäristön analyysi: Kyllä\nSelitys {i}.\n\n\
             Sukupuolinäkökulma on huomioitu hankkeen toiminnassa: Ei\n"
        ));
    }
    text.push_str(
        "Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen: Ei\nLopuksi.\nToinen rivi.\n",
    );
    let doc = parse(text.as_bytes());
    let g = &doc.gender_equality;
    assert_eq!(
        (g.analysis_done, g.mainstreamed, g.main_goal),
        (Some(true), Some(false), Some(false))
    );
    // The first analysis question's explanation only: not the later questions' text.
    assert_eq!(g.analysis_text.as_deref(), Some("Selitys 0."));
    assert_eq!(g.mainstreaming_text, None);
    assert_eq!(g.main_goal_text.as_deref(), Some("Lopuksi.\nToinen rivi."));
}
