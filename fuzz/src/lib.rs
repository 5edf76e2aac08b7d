//! Checks shared by the fuzz targets: what must hold for every document the parser returns
//! or the importer reads, beyond "does not panic".
//!
//! Each check panics with a message naming the broken invariant, so libFuzzer records the
//! input as a crash.

pub mod slow;

use hankekuvaus::export::{document_json, outcomes_json, summary_csv, summary_row, CsvDialect};
use hankekuvaus::import::import_json;
use hankekuvaus::{Document, Outcome};

/// Invariants of a document made by `hankekuvaus::parse` from `bytes`.
pub fn check_parsed(doc: &Document, bytes: &[u8]) {
    check_lines(doc);
    check_every_line_kept(doc, bytes);
    check_round_trip(doc);
    exercise_views(doc);
}

/// Every line number in the document points into the source: diagnostics, typed fields,
/// sections, their fields and paragraphs (1-based, at most `source.line_count`).
pub fn check_lines(doc: &Document) {
    let count = doc.source.line_count;
    let ok = |line: u32| (1..=count).contains(&line);
    for d in &doc.diagnostics {
        if let Some(line) = d.line {
            assert!(ok(line), "diagnostic {} on line {line} of {count}", d.code);
        }
    }
    for (path, line) in &doc.field_lines {
        assert!(ok(line), "field_lines[{path}] = {line} of {count}");
    }
    let mut stack: Vec<&hankekuvaus::Section> = doc.sections.iter().collect();
    while let Some(s) = stack.pop() {
        assert!(
            ok(s.line) && ok(s.end_line) && s.line <= s.end_line,
            "section {:?} spans lines {}..={} of {count}",
            s.number,
            s.line,
            s.end_line
        );
        for f in &s.fields {
            assert!(
                ok(f.line),
                "field {:?} on line {} of {count}",
                f.label,
                f.line
            );
        }
        for p in &s.paragraphs {
            assert!(
                ok(p.line) && ok(p.end_line) && p.line <= p.end_line,
                "paragraph spans lines {}..={} of {count}",
                p.line,
                p.end_line
            );
        }
        stack.extend(&s.subsections);
    }
}

/// Architecture invariant (DEVELOPERS.md): every non-blank input line lands in the section
/// tree, as a heading, a field or a paragraph line. The lines are those of
/// `hankekuvaus::source_text` (the decoded file, or the text extracted from an HTML page),
/// split at CRLF, CR or LF; the viewer shows that text beside the document, so its line
/// count must also match `source.line_count`.
pub fn check_every_line_kept(doc: &Document, bytes: &[u8]) {
    let text = hankekuvaus::source_text(bytes);
    let mut lines: Vec<&str> = text
        .split("\r\n")
        .flat_map(|l| l.split(['\r', '\n']))
        .collect();
    if text.ends_with(['\n', '\r']) {
        lines.pop();
    }
    assert_eq!(
        doc.source.line_count as usize,
        lines.len(),
        "source.line_count differs from the number of lines in the text"
    );
    let mut kept = vec![false; lines.len() + 1];
    let mut mark = |from: u32, to: u32| {
        for l in from..=to {
            if let Some(k) = kept.get_mut(l as usize) {
                *k = true;
            }
        }
    };
    let mut stack: Vec<&hankekuvaus::Section> = doc.sections.iter().collect();
    while let Some(s) = stack.pop() {
        if s.number.is_some() {
            mark(s.line, s.line);
        }
        for f in &s.fields {
            mark(f.line, f.line);
        }
        for p in &s.paragraphs {
            mark(p.line, p.end_line);
        }
        stack.extend(&s.subsections);
    }
    for (i, line) in lines.iter().enumerate() {
        let blank = line
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
            .is_empty();
        assert!(
            blank || kept[i + 1],
            "line {} {:?} is not in the section tree",
            i + 1,
            line.chars().take(80).collect::<String>()
        );
    }
}

/// The JSON a document is downloaded as reads back as the same document.
pub fn check_round_trip(doc: &Document) {
    let json = document_json(doc);
    let back = match import_json(&json) {
        Ok(outcomes) => outcomes,
        Err(e) => panic!("the document's own JSON does not re-import: {e}\n{json}"),
    };
    assert_eq!(
        back.len(),
        1,
        "one document exported, {} re-imported",
        back.len()
    );
    let Outcome::Document(back) = &back[0] else {
        panic!("a document re-imported as a failure record");
    };
    if **back != *doc {
        panic!(
            "the re-imported document differs from the exported one: {}",
            first_difference(&format!("{doc:#?}"), &format!("{back:#?}"))
        );
    }
}

/// The views every consumer computes from a document: the CSV summary and the derived
/// figures (funding card, overview). They must not panic on any document.
pub fn exercise_views(doc: &Document) {
    let _ = summary_row(doc);
    let _ = summary_csv([doc], CsvDialect::ExcelFi);
    let f = &doc.funding;
    let _ = (
        f.eu_state_share_pct(),
        f.realized_vs_granted_pct(),
        f.realized_vs_planned_pct(),
        f.other_public_planned(),
    );
    let _ = (
        doc.duration_months(),
        doc.planned_funding_per_participant(),
        doc.start_year(),
    );
}

/// Invariants of whatever `import_json` accepts: the views work on it, and writing it out
/// again and reading that back gives the same outcomes (export ∘ import is stable).
pub fn check_imported(outcomes: &[Outcome]) {
    for outcome in outcomes {
        if let Outcome::Document(doc) = outcome {
            exercise_views(doc);
        }
    }
    let json = outcomes_json(outcomes);
    let back = match import_json(&json) {
        Ok(back) => back,
        Err(e) => panic!("re-exported JSON does not re-import: {e}\n{json}"),
    };
    if back != outcomes {
        panic!(
            "re-exported outcomes differ after re-import: {}",
            first_difference(&format!("{outcomes:#?}"), &format!("{back:#?}"))
        );
    }
}

/// The first differing line of two Debug renderings, with its line number.
fn first_difference(a: &str, b: &str) -> String {
    a.lines()
        .zip(b.lines())
        .enumerate()
        .find(|(_, (x, y))| x != y)
        .map_or_else(
            || "(same Debug text; lengths differ)".to_owned(),
            |(i, (x, y))| {
                format!(
                    "line {}: before `{}`, after `{}`",
                    i + 1,
                    x.trim(),
                    y.trim()
                )
            },
        )
}
