//! [`lists::Rows`], the row-by-row reader of list exports: it gives exactly the documents
//! the whole-file reading gave (the golden files of `tests/golden/lists/` were written by
//! it), and it reads a row only when asked for it.

use std::path::{Path, PathBuf};

use hankekuvaus::lists::Rows;
use hankekuvaus::{export, read, ListKind, Options, Outcome};
use hankekuvaus_corpus::generate_lists_sized;

fn lists_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/lists")
}

fn ndjson(outcomes: &[Outcome]) -> String {
    outcomes.iter().map(export::outcome_ndjson_line).collect()
}

fn all_rows(bytes: &[u8], name: &str) -> Vec<Outcome> {
    Rows::new(bytes, name)
        .unwrap_or_else(|| panic!("{name} is a list"))
        .map(|d| Outcome::Document(Box::new(d)))
        .collect()
}

#[test]
fn every_list_fixture_gives_its_golden_documents_row_by_row() {
    let mut names: Vec<String> = std::fs::read_dir(lists_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 5, "{names:?}");
    for name in names {
        let bytes = std::fs::read(lists_dir().join(&name)).unwrap();
        let rows = all_rows(&bytes, &name);
        let golden_path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden/lists")
            .join(format!("{name}.ndjson"));
        let golden = std::fs::read_to_string(golden_path).unwrap();
        assert!(
            ndjson(&rows) == golden,
            "{name}: differs from its golden file"
        );
        assert_eq!(rows, read(&bytes, &name, &Options::default()), "{name}");
    }
}

/// The first row comes back having read little of the file, and the rest, read on
/// afterwards, are those of the whole-file reading.
fn check_lazy(bytes: &[u8], name: &str, kind: ListKind) {
    let mut rows = Rows::new(bytes, name).expect("a list");
    assert_eq!(rows.kind(), kind);
    assert_eq!(rows.rows_read(), 0);
    let first = rows.next().expect("a first row");
    let (read_so_far, total) = rows.progress();
    assert_eq!(rows.rows_read(), 1, "{name}");
    assert!(
        read_so_far * 20 < total,
        "{name}: {read_so_far} of {total} bytes read for the first row"
    );
    let mut docs = vec![Outcome::Document(Box::new(first))];
    docs.extend(rows.by_ref().map(|d| Outcome::Document(Box::new(d))));
    assert_eq!(
        rows.progress().0,
        rows.progress().1,
        "{name}: read to the end"
    );
    assert_eq!(rows.rows_read(), docs.len());
    assert!(rows.next().is_none(), "{name}: stays ended");
    assert_eq!(docs, read(bytes, name, &Options::default()), "{name}");
}

#[test]
fn rows_are_read_only_when_asked_for() {
    let sample = std::fs::read(lists_dir().join("eura2007_projektilista_sample.csv")).unwrap();
    check_lazy(&sample, "2007.csv", ListKind::Eura2007Csv);
    let kinds = [
        ListKind::Eura2007Csv,
        ListKind::Eura2014Csv,
        ListKind::Eura2021Xlsx,
    ];
    for (export, kind) in generate_lists_sized([300, 300, 300], 7).iter().zip(kinds) {
        check_lazy(&export.bytes, export.name, kind);
    }
    // The XML list: a sample made of many copies of the test file's projects.
    let xml = std::fs::read_to_string(lists_dir().join("eura2007_projektilista_test.xml")).unwrap();
    let (start, end) = (
        xml.find("<projekti>").unwrap(),
        xml.rfind("</projekti>").unwrap(),
    );
    let projects = &xml[start..end + "</projekti>".len()];
    let many = format!(
        "{}{}{}",
        &xml[..start],
        projects.repeat(100),
        &xml[end + 11..]
    );
    check_lazy(many.as_bytes(), "lista.xml", ListKind::Eura2007Xml);
}

#[test]
fn a_list_without_rows_gives_none_and_the_failure_read_gives() {
    let header = "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,\
                  Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion \
                  rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus \
                  yhteensä\n\n";
    let mut rows = Rows::new(header.as_bytes(), "tyhjä.csv").expect("a list");
    assert!(rows.next().is_none());
    let outcomes = read(header.as_bytes(), "tyhjä.csv", &Options::default());
    assert_eq!(outcomes, [Outcome::Failure(rows.no_rows())]);
    let Outcome::Failure(f) = &outcomes[0] else {
        unreachable!()
    };
    assert_eq!(
        f.error.message,
        "This is a project list (eura2014-csv), but it has no project rows."
    );
}
