//! Unit tests of the query parser: the tree each form of query makes, and the errors.

use super::*;

fn parse(q: &str) -> Node {
    Query::parse(q, false).unwrap().root
}

fn w(fields: FieldSet, words: &[&str]) -> Node {
    Node::Words {
        fields,
        words: words
            .iter()
            .map(|t| Word {
                text: t.to_string(),
                prefix: false,
            })
            .collect(),
    }
}

fn any(words: &[&str]) -> Node {
    w(ANY_FIELD, words)
}

fn err(q: &str) -> QueryError {
    Query::parse(q, false).unwrap_err()
}

#[test]
fn words_are_anded_and_phrases_keep_their_words_together() {
    assert_eq!(
        parse(r#"nuoret "Etelä-Savon maakunta" työ"#),
        Node::And(vec![
            any(&["nuoret"]),
            any(&["Etelä", "Savon", "maakunta"]),
            any(&["työ"])
        ])
    );
    // A hyphenated word or a Y-tunnus is a phrase of its parts, as the text is indexed.
    assert_eq!(parse("0600598-8"), any(&["0600598", "8"]));
}

#[test]
fn or_binds_looser_than_and_and_parentheses_group() {
    assert_eq!(
        parse("a b OR c"),
        Node::Or(vec![Node::And(vec![any(&["a"]), any(&["b"])]), any(&["c"])])
    );
    assert_eq!(
        parse("a (b OR c)"),
        Node::And(vec![any(&["a"]), Node::Or(vec![any(&["b"]), any(&["c"])])])
    );
    // Lower-case "or" is a word.
    assert_eq!(
        parse("a or b"),
        Node::And(vec![any(&["a"]), any(&["or"]), any(&["b"])])
    );
}

#[test]
fn minus_excludes_and_a_lone_minus_is_dropped() {
    assert_eq!(
        parse("nuoret -maahanmuuttajat"),
        Node::And(vec![
            any(&["nuoret"]),
            Node::Not(Box::new(any(&["maahanmuuttajat"])))
        ])
    );
    assert_eq!(parse("nuoret -"), any(&["nuoret"]));
    // A hyphen inside a word is not an exclusion.
    assert_eq!(parse("EU-rahoitus"), any(&["EU", "rahoitus"]));
}

#[test]
fn field_prefixes_in_finnish_and_english() {
    let municipality = Field::Municipality.bit();
    assert_eq!(parse("kunta:Mikkeli"), w(municipality, &["Mikkeli"]));
    assert_eq!(parse("municipality:Mikkeli"), w(municipality, &["Mikkeli"]));
    assert_eq!(parse("Kunta: Mikkeli"), w(municipality, &["Mikkeli"]));
    let org = Field::Organisation.bit() | Field::BusinessId.bit();
    assert_eq!(
        parse(r#"toteuttaja:"Mikkelin kaupunki""#),
        w(org, &["Mikkelin", "kaupunki"])
    );
    assert_eq!(parse("applicant:Mikkelin"), w(org, &["Mikkelin"]));
    assert_eq!(
        parse("tiivistelmä:nuoret"),
        w(Field::Summary.bit(), &["nuoret"])
    );
    assert_eq!(
        parse("maakunta:(Lappi OR Pirkanmaa)"),
        Node::Or(vec![
            w(Field::Region.bit(), &["Lappi"]),
            w(Field::Region.bit(), &["Pirkanmaa"])
        ])
    );
    assert_eq!(
        parse("-kunta:Mikkeli"),
        Node::Not(Box::new(w(municipality, &["Mikkeli"])))
    );
}

#[test]
fn unknown_prefixes_are_words() {
    // "EU:n" is Finnish for "of the EU", not a field.
    assert_eq!(parse("EU:n"), any(&["EU", "n"]));
    assert_eq!(
        parse("klo 12:00"),
        Node::And(vec![any(&["klo"]), any(&["12", "00"])])
    );
}

#[test]
fn value_fields_read_fund_period_status_and_year() {
    assert_eq!(parse("rahasto:ESR"), Node::Attr(Attr::Fund(Fund::Esr)));
    assert_eq!(parse("fund:erdf"), Node::Attr(Attr::Fund(Fund::Eakr)));
    assert_eq!(
        parse("kausi:2014-2020"),
        Node::Attr(Attr::Period(Period::P2014_2020))
    );
    assert_eq!(
        parse("tila:päättynyt"),
        Node::Attr(Attr::Status(Status::Ended))
    );
    assert_eq!(parse("vuosi:2019"), Node::Attr(Attr::StartYear(2019)));
    let e = err("vuosi:kohta");
    assert_eq!(
        e.kind,
        QueryErrorKind::BadValue {
            field: "vuosi".into(),
            expected: "a year, e.g. 2019"
        }
    );
    assert_eq!(e.at, 0..11);
    assert_eq!(e.to_string(), "'vuosi:' takes a year, e.g. 2019 (at 0–11)");
}

#[test]
fn an_unclosed_quote_runs_to_the_end() {
    assert_eq!(
        parse(r#"nuoret "Etelä-Savon maa"#),
        Node::And(vec![any(&["nuoret"]), any(&["Etelä", "Savon", "maa"])])
    );
}

#[test]
fn bad_queries_say_what_and_where() {
    assert_eq!(err("OR nuoret").kind, QueryErrorKind::DanglingOr);
    let e = err("nuoret OR");
    assert_eq!((e.kind, e.at), (QueryErrorKind::DanglingOr, 7..9));
    assert_eq!(err("a OR OR b").kind, QueryErrorKind::DanglingOr);
    let e = err("(nuoret työ");
    assert_eq!((e.kind, e.at), (QueryErrorKind::UnclosedParenthesis, 0..1));
    let e = err("nuoret) työ");
    assert_eq!(
        (e.kind, e.at),
        (QueryErrorKind::UnexpectedParenthesis, 6..7)
    );
    let e = err("nuoret kunta:");
    assert_eq!(
        (e.kind, e.at),
        (QueryErrorKind::EmptyField("kunta".into()), 7..13)
    );
}

#[test]
fn empty_and_exclusion_only_queries() {
    assert!(Query::parse("", false).unwrap().is_empty());
    assert!(Query::parse("  ... ", false).unwrap().is_empty());
    assert_eq!(parse("-nuoret"), Node::Not(Box::new(any(&["nuoret"]))));
}

#[test]
fn as_you_type_marks_the_last_word_unless_a_space_ends_it() {
    let typed = Query::parse("nuoret maahanmuut", true).unwrap().root;
    let Node::And(parts) = typed else { panic!() };
    assert_eq!(
        parts[1],
        Node::Words {
            fields: ANY_FIELD,
            words: vec![Word {
                text: "maahanmuut".into(),
                prefix: true
            }]
        }
    );
    assert_eq!(parts[0], any(&["nuoret"]));
    assert_eq!(
        Query::parse("nuoret maahanmuut ", true).unwrap().root,
        Node::And(vec![any(&["nuoret"]), any(&["maahanmuut"])])
    );
}
