//! EURA 2021's list export, an Excel workbook. No export has been seen, so the workbooks are
//! made here from LISTS.md's description (35 columns, `Hankekoodi ` with a trailing space,
//! Excel dates, decimal amounts, `Sijainti` often empty, two footer rows). One of them is
//! committed as `testdata/lists/eura2021_projektilista_test.xlsx` (rewritten with
//! `UPDATE_GOLDEN=1`) and read like any file.
#![cfg(feature = "xlsx")]

use std::path::{Path, PathBuf};

use hankekuvaus::{
    codes, lists, read, Amount, Document, Fund, ListKind, Options, Outcome, Period, Severity,
    SourceFormat, Status,
};
use rust_xlsxwriter::{Format, Workbook};

/// The 35 columns, as LISTS.md gives them (the corpus generator writes the same).
use hankekuvaus_corpus::COLUMNS_2021 as COLUMNS;

/// A value of a made-up row: text, a number, or an Excel date (serial day).
enum V {
    T(&'static str),
    N(f64),
    D(f64),
    Empty,
}

/// Three projects: ESR+ with a region and cents, JTF without a region, EAKR with a group
/// code; then the two footer rows.
fn rows() -> Vec<[V; 35]> {
    use V::*;
    vec![
        [
            T("S30123"),
            Empty,
            T("ESR+"),
            Empty,
            N(2.0),
            T("2.1"),
            T("Osaajat, yritykset ja työ"),
            T("Jyväskylän kaupunki"),
            T("0174846-7"),
            T("Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus"),
            T("Toiminnassa"),
            D(44_927.0),
            D(46_022.0),
            N(99_355.99),
            N(141_937.13),
            N(141_937.13),
            N(30_000.5),
            N(42_857.86),
            N(42_857.86),
            N(17_857.5),
            T("Koulutus"),
            T("FI193 Keski-Suomi"),
            N(40100.0),
            T("Jyväskylä"),
            T("40101"),
            T("Jyväskylä"),
            T("Avustus"),
            T("Ei aluekohdennusta"),
            T("Koulutus"),
            T("Ei"),
            T("Tasa-arvoa edistävä"),
            T("Ei"),
            T("Hankkeessa koulutetaan, ja ohjataan.\nToinen kappale."),
            T("https://www.eura2021.fi/hakutulokset/projektikortti?id=S30123"),
            T("https://www.jyvaskyla.fi/osaajat"),
        ],
        [
            T("J10042"),
            Empty,
            T("JTF"),
            T("JTF"),
            N(5.0),
            T("5.1"),
            T("Turpeesta uuteen"),
            T("Oy Esimerkki Ab"),
            T("1234567-2"),
            T("Pohjois-Pohjanmaan liitto"),
            T("Toiminta päättynyt"),
            D(45_000.0),
            D(45_291.0),
            N(50_000.0),
            N(62_500.0),
            N(125_000.0),
            N(50_000.0),
            N(62_500.0),
            N(125_000.0),
            N(40_000.0),
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            T("https://www.eura2021.fi/hakutulokset/projektikortti?id=J10042"),
            Empty,
        ],
        [
            T("A80001"),
            T("R00012"),
            T("EAKR"),
            T("Muu"),
            N(1.0),
            T("1.1"),
            T("Keskeytynyt kokeilu"),
            T("Kaupunki"),
            Empty,
            T("Lapin liitto"),
            T("Keskeytynyt"),
            T("1.3.2024"),
            T("28.2.2026"),
            N(10_000.0),
            N(20_000.0),
            N(20_000.0),
            N(0.0),
            N(0.0),
            N(0.0),
            N(0.0),
            Empty,
            T("FI1D7 Lappi"),
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
        ],
        // The footer: a total row and a note, not projects.
        [
            T("Yhteensä"),
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            N(159_355.99),
            N(224_437.13),
            N(286_937.13),
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
        ],
        [
            T("Raportti luotu 1.10.2025"),
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
        ],
    ]
}

fn workbook(rows: &[[V; 35]]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("d.m.yyyy");
    let ws = wb.add_worksheet();
    for (c, name) in COLUMNS.iter().enumerate() {
        ws.write_string(0, c as u16, *name).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                V::T(s) => {
                    ws.write_string(r, c, *s).unwrap();
                }
                V::N(x) => {
                    ws.write_number(r, c, *x).unwrap();
                }
                V::D(x) => {
                    ws.write_number_with_format(r, c, *x, &date).unwrap();
                }
                V::Empty => {}
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/lists/eura2021_projektilista_test.xlsx")
}

fn documents(bytes: &[u8]) -> Vec<Document> {
    read(bytes, "raportti.xlsx", &Options::default())
        .into_iter()
        .map(|o| match o {
            Outcome::Document(d) => *d,
            Outcome::Failure(f) => panic!("a failure: {f:?}"),
        })
        .collect()
}

fn check(docs: &[Document]) {
    assert_eq!(docs.len(), 3, "three projects; the two footer rows are not");
    let [a, b, c] = docs else { unreachable!() };
    for (d, row) in docs.iter().zip(2..) {
        assert_eq!(d.source.list, Some(ListKind::Eura2021Xlsx));
        assert_eq!(d.source.format, SourceFormat::Xlsx);
        assert_eq!(d.source.row, Some(row), "the worksheet row");
        assert_eq!(d.kind.period, Some(Period::P2021_2027));
        assert!(
            d.diagnostics.iter().all(|x| x.severity != Severity::Error),
            "{:?}",
            d.diagnostics
        );
        assert!(
            d.sections[0].fields.len() >= 15,
            "the cells are in the tree"
        );
    }
    assert_eq!(a.project.code.as_deref(), Some("S30123"));
    assert_eq!(a.kind.fund, Some(Fund::EsrPlus));
    assert_eq!(a.project.name.as_deref(), Some("Osaajat, yritykset ja työ"));
    assert_eq!(
        a.project.priority_axis.as_ref().unwrap().number.as_deref(),
        Some("2")
    );
    assert_eq!(
        a.project
            .specific_objective
            .as_ref()
            .unwrap()
            .number
            .as_deref(),
        Some("2.1")
    );
    assert_eq!(a.project.start_date.as_deref(), Some("2023-01-01"));
    assert_eq!(a.project.end_date.as_deref(), Some("2025-12-31"));
    assert_eq!(a.project.status, Some(Status::Active));
    assert_eq!(a.applicant.business_id.as_deref(), Some("0174846-7"));
    assert_eq!(a.applicant.business_id_valid, Some(true));
    assert_eq!(a.applicant.postal_code.as_deref(), Some("40101"));
    assert_eq!(a.area.site.postal_code.as_deref(), Some("40100"));
    assert_eq!(a.area.regions, ["Keski-Suomi"]);
    let f = &a.funding;
    assert_eq!(f.granted_eu_state, Some(Amount::from_cents(9_935_599)));
    assert_eq!(f.planned_public_total, Some(Amount::from_cents(14_193_713)));
    assert_eq!(f.planned_total, Some(Amount::from_cents(14_193_713)));
    assert_eq!(f.realized_eu_state, Some(Amount::from_cents(3_000_050)));
    assert_eq!(f.realized_eu, Some(Amount::from_cents(1_785_750)));
    assert_eq!(
        a.summary.as_deref(),
        Some("Hankkeessa koulutetaan, ja ohjataan.\nToinen kappale.")
    );
    assert_eq!(
        a.project.card_url.as_deref(),
        Some("https://www.eura2021.fi/hakutulokset/projektikortti?id=S30123")
    );
    assert_eq!(
        a.project.home_page.as_deref(),
        Some("https://www.jyvaskyla.fi/osaajat")
    );
    assert!(a.sections[0]
        .fields
        .iter()
        .any(|x| x.label == "Tukitoimen ala" && x.value == "Koulutus"));

    assert_eq!(b.kind.fund, Some(Fund::Jtf));
    assert!(b.area.regions.is_empty(), "Sijainti is empty");
    assert_eq!(b.project.status, Some(Status::Ended));
    assert_eq!(b.applicant.business_id_valid, Some(false));
    assert!(b
        .diagnostics
        .iter()
        .any(|x| x.code == codes::BAD_BUSINESS_ID && x.line == Some(3)));
    assert_eq!(b.funding.realized_total, Some(Amount::euros(125_000)));

    assert_eq!(c.kind.fund, Some(Fund::Eakr));
    assert_eq!(c.project.group_code.as_deref(), Some("R00012"));
    assert_eq!(c.project.status, Some(Status::Interrupted));
    assert_eq!(
        c.project.start_date.as_deref(),
        Some("2024-03-01"),
        "a date written as text"
    );
    assert_eq!(c.area.regions, ["Lappi"]);
}

#[test]
fn a_made_workbook_is_read_row_by_row() {
    let bytes = workbook(&rows());
    assert_eq!(lists::detect(&bytes), Some(ListKind::Eura2021Xlsx));
    check(&documents(&bytes));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(committed(), &bytes).unwrap();
    }
}

#[test]
fn the_committed_workbook_is_read_whatever_its_name() {
    let bytes = std::fs::read(committed()).expect("run with UPDATE_GOLDEN=1 once");
    check(&documents(&bytes));
    let outcomes = read(&bytes, "lataus", &Options::default());
    assert_eq!(outcomes.len(), 3);
}

#[test]
fn a_workbook_that_is_not_the_list_is_refused() {
    let mut wb = Workbook::new();
    wb.add_worksheet()
        .write_string(0, 0, "Jotain muuta")
        .unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    assert_eq!(lists::detect(&bytes), None);
    let outcomes = read(&bytes, "muu.xlsx", &Options::default());
    let [Outcome::Failure(f)] = outcomes.as_slice() else {
        panic!("{outcomes:?}");
    };
    assert_eq!(f.error.code, codes::ZIP);
}

#[test]
fn a_middle_row_without_a_code_is_kept_and_reported() {
    let mut rows = rows();
    rows[1][0] = V::Empty;
    let docs = documents(&workbook(&rows));
    assert_eq!(docs.len(), 3);
    let e: Vec<_> = docs[1]
        .diagnostics
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .collect();
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].code.as_str(), e[0].line),
        (codes::LIST_ROW_UNREADABLE, Some(3))
    );
    assert_eq!(docs[1].project.name.as_deref(), Some("Turpeesta uuteen"));
}

#[test]
fn a_damaged_workbook_is_refused_not_read_in_part() {
    let bytes = workbook(&rows());
    for cut in [bytes.len() / 2, bytes.len() - 10, 30] {
        let outcomes = read(&bytes[..cut], "katkennut.xlsx", &Options::default());
        let [Outcome::Failure(f)] = outcomes.as_slice() else {
            panic!("cut at {cut}: {outcomes:?}");
        };
        assert_eq!(f.error.code, codes::ZIP, "cut at {cut}");
    }
    // Every byte flipped in turn in the first kilobyte: never a panic.
    for i in 0..1024.min(bytes.len()) {
        let mut broken = bytes.clone();
        broken[i] ^= 0x5A;
        let _ = read(&broken, "x.xlsx", &Options::default());
    }
}
