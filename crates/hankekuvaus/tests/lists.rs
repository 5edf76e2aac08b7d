//! The services' list exports: the two real samples in `testdata/lists/` (every 40th row of
//! EURA 2007's full export, original bytes; EURA 2014's 2016 snapshot after a spreadsheet)
//! and hand-made rows for what the samples do not show.

use std::path::{Path, PathBuf};

use hankekuvaus::{
    codes, lists, read, Amount, Document, Fund, ListKind, Options, Outcome, Period, Severity,
    SourceFormat, Status, TextEncoding,
};

fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/lists")
        .join(name)
}

const LIST_2007: &str = "eura2007_projektilista_sample.csv";
const LIST_2014: &str = "eura2014_projektilista_2016_sample.csv";

/// The documents of a list file (panics on a failure: lists give documents only).
fn documents(bytes: &[u8], name: &str) -> Vec<Document> {
    read(bytes, name, &Options::default())
        .into_iter()
        .map(|o| match o {
            Outcome::Document(d) => *d,
            Outcome::Failure(f) => panic!("{name}: a failure: {f:?}"),
        })
        .collect()
}

fn sample(name: &str) -> Vec<Document> {
    documents(&std::fs::read(testdata(name)).unwrap(), name)
}

fn by_code<'a>(docs: &'a [Document], code: &str) -> &'a Document {
    docs.iter()
        .find(|d| d.project.code.as_deref() == Some(code))
        .unwrap_or_else(|| panic!("no {code}"))
}

fn euros(n: i64) -> Option<Amount> {
    Some(Amount::euros(n))
}

fn errors(doc: &Document) -> Vec<&hankekuvaus::Diagnostic> {
    doc.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

#[test]
fn the_2007_sample_gives_one_document_per_row() {
    let bytes = std::fs::read(testdata(LIST_2007)).unwrap();
    assert_eq!(lists::detect(&bytes), Some(ListKind::Eura2007Csv));
    let docs = documents(&bytes, LIST_2007);
    assert_eq!(docs.len(), 499);
    for (i, d) in docs.iter().enumerate() {
        let line = u32::try_from(i).unwrap() + 2;
        assert_eq!(d.source.row, Some(line), "rows in file order");
        assert_eq!(d.source.list, Some(ListKind::Eura2007Csv));
        assert_eq!(d.source.format, SourceFormat::Csv);
        assert_eq!(d.source.encoding, TextEncoding::Windows1252);
        assert_eq!(d.kind.period, Some(Period::P2007_2013));
        assert!(errors(d).is_empty(), "row {line}: {:?}", d.diagnostics);
        // Every value has its column: nothing was left unplaced.
        assert!(
            d.project.name.is_some() && d.project.programme.is_some(),
            "row {line}"
        );
        assert!(d.project.start_date.is_some() && d.project.end_date.is_some());
        assert!(d.funding.realized_public_total.is_some(), "row {line}");
        assert!(d.diagnostics.iter().all(|x| x.line == Some(line)));
        assert_eq!(
            d.sections[0].fields.len(),
            14,
            "row {line}: the 14 cells in the tree"
        );
    }
    let count = |f: &dyn Fn(&Document) -> bool| docs.iter().filter(|d| f(d)).count();
    assert_eq!(count(&|d| d.kind.fund == Some(Fund::Eakr)), 429);
    assert_eq!(count(&|d| d.kind.fund == Some(Fund::Esr)), 70);
    assert_eq!(count(&|d| d.project.status == Some(Status::Ended)), 469);
    assert_eq!(
        count(&|d| d.project.status == Some(Status::Interrupted)),
        30
    );
    // 226 rows have the 14 fields of the header; the others were put back together.
    let repaired = count(&|d| {
        d.diagnostics
            .iter()
            .any(|x| x.code == codes::LIST_ROW_REPAIRED && x.severity == Severity::Info)
    });
    assert_eq!(repaired, 499 - 226);
}

#[test]
fn the_2007_sample_gets_its_commas_back() {
    let docs = sample(LIST_2007);
    let d = by_code(&docs, "S10774");
    assert_eq!(
        d.project.name.as_deref(),
        Some("RYTMI-projekti, Hyvää oloa ja arjen rytmiä heikossa työmarkkina-asemassa olevalle työnhakijalle")
    );
    assert_eq!(
        d.project.responsible_authority.as_deref(),
        Some("Hämeen elinkeino-, liikenne- ja ympäristökeskus")
    );
    assert_eq!(
        d.applicant.name.as_deref(),
        Some("Helsingin yliopisto, Koulutus- ja kehittämiskeskus Palmenia")
    );
    assert_eq!(
        d.project.programme.as_deref(),
        Some("Etelä-Suomen suuralueosio")
    );
    assert_eq!(
        d.project.priority_axis.as_ref().unwrap().number.as_deref(),
        Some("2")
    );
    assert_eq!(d.project.start_date.as_deref(), Some("2008-10-01"));
    assert_eq!(d.project.end_date.as_deref(), Some("2011-12-31"));
    assert_eq!(d.funding.granted_eu_state, euros(369_105));
    assert_eq!(d.funding.realized_eu_state, euros(320_829));
    assert_eq!(d.funding.planned_public_total, euros(551_688));
    assert_eq!(d.funding.realized_public_total, euros(501_425));

    let d = by_code(&docs, "A30349");
    assert_eq!(
        d.project.name.as_deref(),
        Some("Raahen syväsatama, vaihe 1, läjitysaltaiden penkereiden rakentaminen")
    );
    assert_eq!(d.project.programme.as_deref(), Some("Pohjois-Suomi"));
    assert_eq!(d.funding.planned_public_total, euros(3_100_000));

    let d = by_code(&docs, "S11910");
    assert_eq!(
        d.applicant.name.as_deref(),
        Some("Rovaniemen koulutuskuntayhtymä, Rovaniemen ammattikorkeakoulu, Hyvinvointialat")
    );

    let d = by_code(&docs, "A30429");
    assert_eq!(d.project.status, Some(Status::Interrupted));
    assert_eq!(d.project.status_text.as_deref(), Some("Keskeytynyt"));
    assert_eq!(
        d.project.responsible_authority.as_deref(),
        Some("Lapin liitto")
    );
    assert_eq!(d.applicant.name.as_deref(), Some("Lapin Markkinointi Oy"));
    assert_eq!(d.source.row, Some(135));
    assert_eq!(d.field_lines.get("project.status"), Some(&135));
}

#[test]
fn the_2014_sample_is_read_despite_the_spreadsheet() {
    let bytes = std::fs::read(testdata(LIST_2014)).unwrap();
    assert_eq!(lists::detect(&bytes), Some(ListKind::Eura2014Csv));
    let docs = documents(&bytes, LIST_2014);
    assert_eq!(docs.len(), 144);
    for d in &docs {
        let line = d.source.row.unwrap();
        assert_eq!(d.kind.period, Some(Period::P2014_2020));
        assert_eq!(d.source.encoding, TextEncoding::Utf8);
        assert!(errors(d).is_empty(), "row {line}: {:?}", d.diagnostics);
        assert_eq!(d.project.status, Some(Status::Active), "row {line}");
        assert!(d.funding.realized_public_total.is_some(), "row {line}");
        let authority = d.project.responsible_authority.as_deref().unwrap();
        assert!(!authority.contains("  "), "row {line}: {authority}");
    }
    // Cents stay exact.
    let d = by_code(&docs, "A70054");
    assert_eq!(
        d.funding.realized_eu_state,
        Some(Amount::from_cents(3_006_749))
    );
    assert_eq!(
        d.funding.realized_public_total,
        Some(Amount::from_cents(4_295_401))
    );
    assert_eq!(d.funding.granted_eu_state, euros(61_467));
    // A ",,;" row whose authority lost its comma to a space.
    let d = by_code(&docs, "A70324");
    assert_eq!(
        d.project.responsible_authority.as_deref(),
        Some("Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus")
    );
    assert_eq!(d.applicant.name.as_deref(), Some("KARELIA-IKKUNA OY"));
    assert_eq!(d.funding.planned_public_total, euros(711_550));
    assert_eq!(d.source.row, Some(3));
    // Commas inside the name.
    let d = by_code(&docs, "A70034");
    assert_eq!(
        d.project.name.as_deref(),
        Some("Elastisen elektroniikan tutkimus-, osaamis ja innovaatiokeskittymä, EETU")
    );
    assert_eq!(
        d.project.priority_axis.as_ref().unwrap().number.as_deref(),
        Some("2")
    );
    let d = by_code(&docs, "S20364");
    assert_eq!(
        d.applicant.name.as_deref(),
        Some("Luksia, Länsi-uudenmaan koulutuskuntayhtymä")
    );
    assert_eq!(d.project.start_date.as_deref(), Some("2015-08-01"));
    // The row the spreadsheet wrote as one quoted cell, quotes doubled twice.
    let d = by_code(&docs, "A71264");
    assert_eq!(d.source.row, Some(55));
    assert_eq!(
        d.project.name.as_deref(),
        Some("Utvecklande av \"Bema Vikdörr")
    );
    assert_eq!(d.applicant.name.as_deref(), Some("OY BEMASYSTEM AB"));
    assert_eq!(d.funding.realized_public_total, euros(0));
    let repair = d
        .diagnostics
        .iter()
        .find(|x| x.code == codes::LIST_ROW_REPAIRED)
        .expect("reported");
    assert_eq!(repair.line, Some(55));
    assert!(
        repair.message.contains("one quoted cell"),
        "{}",
        repair.message
    );
}

const HEADER_2014: &str = "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä;";

#[test]
fn rows_that_cannot_be_put_back_are_reported_with_their_line_and_kept() {
    let rows = [
        // 2: fine, with "|" for a comma and a stray quote.
        "S20999,ESR,\"Nuoret| työ ja koulutus,3,Hämeen elinkeino-, liikenne- ja ympäristökeskus,Toiminnassa,1.1.2015,31.12.2017,Hyvinkään kaupunki,1000.5,0,2000,0;",
        // 3: shifted: the dates are missing.
        "S21000,ESR,Siirtynyt,3,Hämeen ELY-keskus,Toiminnassa,Hyvinkään kaupunki,1000,0,2000,0,5,6;",
        // 4: two placements fit: is "2" in the name or the axis?
        "S21001,ESR,Vaihe,2,Osa,4,Hämeen ELY-keskus,Toiminnassa,1.1.2015,31.12.2017,Kunta,1000,0,2000,0;",
        // 5: cut short.
        "S21002,ESR,Lyhyt",
    ];
    let text = format!("{HEADER_2014}\n{}\n", rows.join("\n"));
    let docs = documents(text.as_bytes(), "lista.csv");
    assert_eq!(docs.len(), 4, "every row lands somewhere");
    assert_eq!(
        docs[0].project.name.as_deref(),
        Some("Nuoret, työ ja koulutus")
    );
    assert_eq!(
        docs[0].funding.granted_eu_state,
        Some(Amount::from_cents(100_050))
    );
    assert!(errors(&docs[0]).is_empty(), "{:?}", docs[0].diagnostics);
    for (doc, line, why) in [
        (&docs[1], 3, "no placement"),
        (&docs[2], 4, "more than one way"),
        (&docs[3], 5, "3 fields"),
    ] {
        let e = errors(doc);
        assert_eq!(e.len(), 1, "{:?}", doc.diagnostics);
        assert_eq!(e[0].code, codes::LIST_ROW_UNREADABLE);
        assert_eq!(e[0].line, Some(line));
        assert!(e[0].message.contains(why), "{}", e[0].message);
        assert_eq!(doc.source.row, Some(line));
        // Nothing guessed: only the code and fund, and the raw row in the tree.
        assert!(doc.project.name.is_none() && doc.funding.granted_eu_state.is_none());
        assert!(doc.project.code.is_some() && doc.kind.fund == Some(Fund::Esr));
        let raw = &doc.sections[0].paragraphs[0];
        assert_eq!(raw.line, line);
        assert_eq!(raw.text, rows[line as usize - 2]);
    }
}

#[test]
fn lists_are_recognised_by_content_not_name() {
    let bytes = std::fs::read(testdata(LIST_2007)).unwrap();
    let named = documents(&bytes, "projekti.php?projektikoodi=ALL");
    assert_eq!(named.len(), 499);
    assert_eq!(named[0].source.file_name, "projekti.php?projektikoodi=ALL");
    // A description is still a description; a header-only list is a failure that says so.
    let seed = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds/000_2f4bdf7767fd6a31.txt"),
    )
    .unwrap();
    assert_eq!(lists::detect(&seed), None);
    let outcomes = read(&seed, "a.csv", &Options::default());
    let [Outcome::Document(d)] = outcomes.as_slice() else {
        panic!("one document");
    };
    assert_eq!(d.source.list, None);
    let header_only = read(HEADER_2014.as_bytes(), "tyhja.csv", &Options::default());
    let [Outcome::Failure(f)] = header_only.as_slice() else {
        panic!("{header_only:?}");
    };
    assert_eq!(f.error.code, codes::EMPTY);
    assert!(f.error.message.contains("eura2014-csv"));
    let other = read(b"Koodi,Nimi\nS1,x\n", "muu.csv", &Options::default());
    assert!(matches!(other.as_slice(), [Outcome::Failure(_)]));
}

/// The XML list: no sample exists, so `testdata/lists/eura2007_projektilista_test.xml` is
/// made from LISTS.md's description (the amounts' element names are assumed).
#[test]
fn the_xml_list_keeps_its_unescaped_ampersands() {
    let name = "eura2007_projektilista_test.xml";
    let bytes = std::fs::read(testdata(name)).unwrap();
    assert_eq!(lists::detect(&bytes), Some(ListKind::Eura2007Xml));
    let docs = documents(&bytes, name);
    assert_eq!(docs.len(), 3);
    let rows: Vec<Option<u32>> = docs.iter().map(|d| d.source.row).collect();
    assert_eq!(
        rows,
        [Some(5), Some(21), Some(38)],
        "the line of each <projekti>"
    );
    let [a, b, c] = docs.as_slice() else {
        unreachable!()
    };
    assert_eq!(a.source.format, SourceFormat::Xml);
    assert_eq!(
        a.project.name.as_deref(),
        Some("Raahen syväsatama, vaihe 1 & läjitysaltaat")
    );
    assert_eq!(a.project.programme.as_deref(), Some("Pohjois-Suomi"));
    assert_eq!(a.project.start_date.as_deref(), Some("2007-12-19"));
    assert_eq!(a.funding.granted_eu_state, euros(930_000));
    assert_eq!(a.funding.realized_eu_state, euros(929_550));
    assert_eq!(a.funding.planned_public_total, euros(3_100_000));
    assert_eq!(a.funding.realized_public_total, euros(3_098_500));
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    assert_eq!(
        b.project.name.as_deref(),
        Some("Lapin Tuotemarkkinointi & Co 2008-2010")
    );
    assert_eq!(b.project.status, Some(Status::Interrupted));
    let unknown = &b.diagnostics[0];
    assert_eq!(
        (unknown.code.as_str(), unknown.line),
        (codes::UNKNOWN_FIELD, Some(21))
    );
    assert!(b.sections[0]
        .fields
        .iter()
        .any(|f| f.label == "lisatieto" && f.value == "Ei tiedossa"));
    assert_eq!(c.applicant.name, None, "an empty element");
    assert_eq!(c.kind.fund, Some(Fund::Esr));
}
