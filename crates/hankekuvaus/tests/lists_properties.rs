//! Property tests of the list readers: rows made of the pieces real rows are made of
//! (fields of fixed shape, commas, quotes, "|", ";") never panic, every non-blank row becomes
//! exactly one document on its line, a row is either read or reported (never both, never
//! neither), and what is read re-imports unchanged.

use hankekuvaus::{codes, export, import, read, Document, Options, Outcome, Severity};
use proptest::prelude::*;

const HEADER_2007: &str = "Koodi,Rahasto,Projektin nimi,Ohjelma / osio,Tl,Viranomainen,Toiminnan tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä";
const HEADER_2014: &str = "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä;";

/// One field of a row: the shapes the placement looks for, and text with the damage seen.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("A30001".to_owned()),
        Just("EAKR".to_owned()),
        Just("Itä-Suomi".to_owned()),
        Just("Valtakunnallinen osio".to_owned()),
        Just("1".to_owned()),
        Just("Toiminta päättynyt".to_owned()),
        Just("Keskeytynyt".to_owned()),
        Just("1.1.2009".to_owned()),
        Just("31.12.2010".to_owned()),
        Just("1000".to_owned()),
        Just("99355.99".to_owned()),
        Just(String::new()),
        "[A-Za-zÄÖäö0-9 .\"|;-]{0,12}",
    ]
}

fn rows() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(piece(), 0..24), 0..12)
}

fn check(header: &str, rows: &[Vec<String>]) {
    let mut text = format!("{header}\n");
    for r in rows {
        text.push_str(&r.join(","));
        text.push('\n');
    }
    let outcomes = read(text.as_bytes(), "lista.csv", &Options::default());
    let lines: Vec<u32> = text
        .split('\n')
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i as u32 + 1)
        .collect();
    if lines.is_empty() {
        assert!(matches!(outcomes.as_slice(), [Outcome::Failure(_)]));
        return;
    }
    let docs: Vec<&Document> = outcomes
        .iter()
        .map(|o| match o {
            Outcome::Document(d) => &**d,
            Outcome::Failure(f) => panic!("a failure: {f:?}"),
        })
        .collect();
    let rows_read: Vec<u32> = docs.iter().map(|d| d.source.row.unwrap()).collect();
    assert_eq!(
        rows_read, lines,
        "one document per non-blank row, on its line"
    );
    for d in &docs {
        let unreadable = d
            .diagnostics
            .iter()
            .any(|x| x.code == codes::LIST_ROW_UNREADABLE && x.severity == Severity::Error);
        let cells = d.sections.iter().map(|s| s.fields.len()).sum::<usize>();
        assert!(
            unreadable != (cells > 0),
            "a row is read (cells in the tree) or reported, not both: {d:?}"
        );
        assert!(d.diagnostics.iter().all(|x| x.line == d.source.row));
    }
    let json = export::outcomes_json(&outcomes);
    assert_eq!(import::import_json(&json).unwrap(), outcomes);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn rows_of_the_2007_list_land_once(rows in rows()) {
        check(HEADER_2007, &rows);
    }

    #[test]
    fn rows_of_the_2014_list_land_once(rows in rows()) {
        check(HEADER_2014, &rows);
    }
}
