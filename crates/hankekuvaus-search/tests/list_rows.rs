//! Documents without a section tree (list rows of a programme export, documents made by
//! hand): indexed from their typed fields, located by their typed paths.

mod common;

use common::{ids, line_text, search};
use hankekuvaus::{CoImplementer, Document, Fund, Kind};
use hankekuvaus_search::corpus::list_row_source;
use hankekuvaus_search::{Field, Index, Query};

fn row(code: &str, name: &str, applicant: &str, summary: Option<&str>) -> Document {
    let mut doc = Document::new(
        list_row_source(2),
        Kind {
            fund: Some(Fund::Eakr),
            period: None,
        },
    );
    doc.project.code = Some(code.into());
    doc.project.name = Some(name.into());
    doc.applicant.name = Some(applicant.into());
    doc.summary = summary.map(Into::into);
    doc
}

#[test]
fn list_rows_are_searched_through_their_typed_fields() {
    let mut rows = [
        row(
            "A70070",
            "Kasvua kunnissa",
            "Kuopion kaupunki",
            Some("Ensimmäinen kappale.\nToinen rivi: maahanmuuttajien yrittäjyys."),
        ),
        row(
            "A70071",
            "Digiloikka",
            "Savonia-ammattikorkeakoulu Oy",
            None,
        ),
    ];
    rows[1].area.municipalities = vec!["Iisalmi".into(), "Kuopio".into()];
    rows[1].applicant.co_implementers = vec![CoImplementer {
        name: "Kuopion kaupunki".into(),
        business_id: Some("0171450-7".into()),
        business_id_valid: Some(true),
    }];
    let mut index = Index::new();
    for (i, r) in rows.iter().enumerate() {
        index.add(i as u32, r);
    }

    assert_eq!(ids(&index, "koodi:A70071"), vec![1]);
    assert_eq!(ids(&index, "kunta:kuopio"), vec![1]);
    assert_eq!(ids(&index, "y-tunnus:0171450-7"), vec![1]);
    assert_eq!(ids(&index, "rahasto:EAKR").len(), 2);
    // The applicant of row 0 and the co-implementer of row 1; the name ranks first.
    let mut both = ids(&index, "toteuttaja:\"kuopion kaupunki\"");
    both.sort();
    assert_eq!(both, vec![0, 1]);

    let hits = search(&index, "maahanmuuttaja");
    assert_eq!(hits.len(), 1);
    let locations = hits[0].locations(&rows[0]);
    assert_eq!(locations.len(), 1);
    let l = &locations[0];
    assert_eq!(
        (l.path.as_str(), l.line_in_text, l.field),
        ("summary", 1, Field::Summary)
    );
    assert_eq!(
        &line_text(&rows[0], &l.path, 1)[l.range.clone()],
        "maahanmuuttajien"
    );

    let hits = search(&index, "iisalmi");
    let l = &hits[0].locations(&rows[1])[0];
    assert_eq!(l.path, "area.municipalities.0");
    let hits = search(&index, "0171450");
    let l = &hits[0].locations(&rows[1])[0];
    assert_eq!(l.path, "applicant.co_implementers.0.business_id");
    assert_eq!(&line_text(&rows[1], &l.path, 0)[l.range.clone()], "0171450");
    // "kunnissa" in the name: "kunta" finds it, in the name field.
    let hits = search(&index, "kunta");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].locations(&rows[0])[0].field, Field::Name);
}

#[test]
fn real_list_rows_are_found_by_name_authority_and_implementer() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testdata/lists/eura2007_projektilista_sample.csv"
    );
    let bytes = std::fs::read(path).unwrap();
    let docs: Vec<Document> = hankekuvaus::read(&bytes, "projektilista.csv", &Default::default())
        .into_iter()
        .filter_map(|o| match o {
            hankekuvaus::Outcome::Document(d) => Some(*d),
            hankekuvaus::Outcome::Failure(_) => None,
        })
        .collect();
    assert_eq!(docs.len(), 499);
    let mut index = Index::new();
    for (id, doc) in docs.iter().enumerate() {
        index.add(id as u32, doc);
    }
    // Exactly the rows whose implementer's name has the word "yliopisto" in an inflected
    // form ("Oulun yliopisto", "Helsingin yliopiston …") are found. Names the export ran
    // together ("OULUN YLIOPISTOMITTALAITELABORATORIO") are compounds to the stemmer.
    let query = Query::parse("toteuttaja:yliopisto", false).unwrap();
    let found: std::collections::BTreeSet<u32> =
        index.search(&query).into_iter().map(|h| h.doc).collect();
    let expected: std::collections::BTreeSet<u32> = docs
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.applicant.name.as_deref().is_some_and(|n| {
                n.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.starts_with("yliopisto") && w.len() <= "yliopisto".len() + 3)
            })
        })
        .map(|(i, _)| i as u32)
        .collect();
    assert!(
        expected.len() >= 5,
        "the sample has universities: {}",
        expected.len()
    );
    assert_eq!(found, expected);
}
