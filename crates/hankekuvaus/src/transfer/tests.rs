use super::*;

fn lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty())
}

fn round_trip(outcomes: &[Outcome]) -> Vec<Outcome> {
    let mut out = Vec::new();
    write(outcomes.to_vec(), &mut out);
    let mut rebuild = Rebuild::new();
    for line in lines(&out) {
        rebuild.line(line).unwrap();
    }
    rebuild.finish().unwrap()
}

#[test]
fn nested_sections_diagnostics_and_failures_come_back_equal() {
    let seed = include_bytes!("../../../../testdata/seeds/000_2f4bdf7767fd6a31.txt");
    let mut outcomes = crate::read(seed, "seed.txt", &Default::default());
    let Outcome::Document(doc) = &outcomes[0] else {
        panic!("the seed parses")
    };
    assert!(doc.sections.iter().any(|s| !s.subsections.is_empty()));
    assert!(!doc.field_lines.is_empty());
    // Cut short, with a bad amount: diagnostics.
    let cut = "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n1 Hanke\n\
               Hankekoodi: S21498\n5 Projektin julkinen rahoitus, euroa\n\
               Myönnetty EU- ja valtion rahoitus: kaksi\n";
    let cut = crate::read(cut.as_bytes(), "cut.txt", &Default::default());
    assert!(matches!(&cut[0], Outcome::Document(d) if d.diagnostics.len() > 1));
    outcomes.extend(cut);
    outcomes.extend(crate::read(b"\x89PNG\r\n", "kuva.png", &Default::default()));
    outcomes.push(outcomes[0].clone());
    let back = round_trip(&outcomes);
    assert_eq!(back, outcomes);
    // A section's values come back as one string, which the typed texts share.
    let Outcome::Document(doc) = &back[0] else {
        panic!("the seed comes back")
    };
    let applicant = &doc
        .sections
        .iter()
        .find(|s| s.number.as_deref() == Some("2"));
    let fields = &applicant.unwrap().fields;
    assert!(fields
        .iter()
        .all(|f| f.value.shares_bytes_with(&fields[0].value)));
    let name = doc.applicant.name.as_ref().unwrap();
    assert!(name.shares_bytes_with(&fields[0].value));
}

#[test]
fn a_stream_out_of_order_or_cut_short_is_an_error_not_a_panic() {
    let doc = crate::parse(
        "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n1 Hanke\nA: b\n".as_bytes(),
        "a.txt",
    )
    .unwrap();
    let mut out = Vec::new();
    write(vec![Outcome::Document(Box::new(doc))], &mut out);
    let all: Vec<&[u8]> = lines(&out).collect();
    // Without the head, the section's start is out of order.
    let mut rebuild = Rebuild::new();
    let err = rebuild.line(all[1]).unwrap_err();
    assert_eq!(err.line, 1);
    // Cut short inside the document.
    let mut rebuild = Rebuild::new();
    for line in &all[..all.len() - 1] {
        rebuild.line(line).unwrap();
    }
    assert_eq!(rebuild.finish().unwrap_err().line, all.len() - 1);
    // Not JSON.
    let mut rebuild = Rebuild::new();
    assert!(rebuild.line(b"{not json").is_err());
    // A field with no section open.
    let mut rebuild = Rebuild::new();
    rebuild.line(all[0]).unwrap();
    let field = all.iter().find(|l| l.starts_with(b"{\"Field\"")).unwrap();
    assert!(rebuild.line(field).is_err());
}

/// Texts longer than a piece come back whole and equal, and shared as parsed: the
/// summary a range of its section's string.
#[test]
fn long_texts_come_back_in_pieces_and_shared() {
    let long = "pitkä rivi äöå ".repeat(TEXT_PIECE / 8);
    let text = format!(
        "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n\
         3 Suunnitelman mukainen tiivistelmä toteutuksesta\n{long}\n\n{long}\n\nloppu\n\
         9 Loppuraportin tiivistelmä\n{long}\n"
    );
    let outcomes = crate::read(text.as_bytes(), "pitkä.txt", &Default::default());
    let mut out = Vec::new();
    write(outcomes.clone(), &mut out);
    let pieces = lines(&out).filter(|l| l.starts_with(b"{\"Text\"")).count();
    assert!(pieces >= 6, "{pieces} continuation pieces");
    // The summary and the final report are their sections' paragraphs: sent as spans,
    // not again.
    let spans: Vec<&[u8]> = lines(&out)
        .filter(|l| l.starts_with(b"{\"Span\""))
        .collect();
    assert_eq!(
        spans,
        [
            &b"{\"Span\":\"Summary\"}"[..],
            b"{\"Span\":\"FinalReportSummary\"}"
        ]
    );
    assert!(!lines(&out).any(|l| l.starts_with(b"{\"Text\":[\"Summary\"")));
    let back = round_trip(&outcomes);
    assert_eq!(back, outcomes);
    let Outcome::Document(doc) = &back[0] else {
        panic!("a document")
    };
    let section = doc
        .sections
        .iter()
        .find(|s| s.number.as_deref() == Some("3"));
    let paragraphs = &section.unwrap().paragraphs;
    assert_eq!(paragraphs.len(), 3);
    let summary = doc.summary.as_ref().unwrap();
    assert!(summary.shares_bytes_with(&paragraphs[2].text));
    assert!(summary.len() > 2 * TEXT_PIECE);
    let last = doc.final_report_summary.as_ref().unwrap();
    assert!(last.as_str() == long.trim_end());
}
