//! The worker's writer on the seeds: the workbook of their JSON export holds the same cells
//! as the workbook of the parsed files (what the CLI's `--format xlsx` writes).

use std::io::Cursor;
use std::path::PathBuf;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use hankekuvaus::export::outcomes_json;
use hankekuvaus::{parse_outcome, Options, Outcome};
use hankekuvaus_tables::{build_all, items, workbook, Lang};
use hankekuvaus_workbook::{write, Request};

/// The five seeds, a file with diagnostics and one that is not a description.
fn seeds() -> Vec<Outcome> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    let mut outcomes: Vec<Outcome> = names
        .iter()
        .map(|n| parse_outcome(&std::fs::read(dir.join(n)).unwrap(), n, &Options::default()))
        .collect();
    // Diagnostics with lines, and a file that is not a description.
    let unknown = dir.join("../breadth/unknown-fields.txt");
    let unknown = std::fs::read(unknown).unwrap();
    outcomes.push(parse_outcome(
        &unknown,
        "unknown-fields.txt",
        &Options::default(),
    ));
    outcomes.push(parse_outcome(
        b"Muistio.\n",
        "muistio.txt",
        &Options::default(),
    ));
    outcomes
}

/// Every sheet's name and cells.
fn cells(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn the_workbook_of_the_json_export_equals_the_parsed_files_one() {
    let outcomes = seeds();
    let json = outcomes_json(&outcomes);
    for lang in Lang::ALL {
        let request = Request {
            json: json.clone(),
            lang: lang.code().into(),
        };
        let written = cells(&write(&request).unwrap());
        let expected = cells(&workbook(&build_all(&items(&outcomes)), lang).unwrap());
        assert_eq!(written.len(), 6);
        assert_eq!(written, expected, "{lang:?}");
        let projects = &written[0].1;
        assert_eq!(projects.len(), 7, "a header and six descriptions");
        let diagnostics = &written[5].1;
        assert!(diagnostics
            .iter()
            .any(|row| matches!(row[1], Data::Float(_))));
        assert!(diagnostics
            .iter()
            .any(|row| row[0] == Data::String("muistio.txt".into())));
        assert!(projects[1..]
            .iter()
            .all(|row| row.iter().any(|c| matches!(c, Data::Float(_)))));
    }
}

#[test]
fn a_request_it_cannot_write_is_an_error_that_says_why() {
    let json = outcomes_json(&seeds());
    let unknown = write(&Request {
        json,
        lang: "de".into(),
    });
    assert!(unknown.unwrap_err().contains("\"de\""));
    let not_json = write(&Request {
        json: "{".into(),
        lang: "fi".into(),
    });
    assert!(not_json.unwrap_err().contains("JSON"));
}
