//! The workbook read back: calamine for the typed cells, the raw XML inside the `.xlsx`
//! for what calamine does not expose (frozen pane, autofilter, number formats, widths).

mod common;

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use hankekuvaus::Outcome;
use hankekuvaus_tables::{build_all, items, workbook, Lang, TableKind};

fn write(outcomes: &[Outcome], lang: Lang) -> Vec<u8> {
    workbook(&build_all(&items(outcomes)), lang).expect("the workbook is written")
}

fn sheets(bytes: &[u8]) -> Vec<(String, Range<Data>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a sheet");
            (name, range)
        })
        .collect()
}

/// One part of the workbook's zip, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The column of the header `key` in a table.
fn col(kind: TableKind, key: &str) -> usize {
    kind.columns().iter().position(|c| c.key == key).unwrap()
}

fn float(cell: &Data) -> f64 {
    match cell {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("expected a number, found {other:?}"),
    }
}

fn text(cell: &Data) -> &str {
    match cell {
        Data::String(s) => s,
        other => panic!("expected text, found {other:?}"),
    }
}

/// Excel's serial day number of a date (1900 date system): days since 1899-12-30.
fn serial(year: i64, month: i64, day: i64) -> f64 {
    // Days from the civil calendar, after Howard Hinnant's algorithm.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let unix_days = era * 146_097 + doe - 719_468;
    (unix_days + 25_569) as f64
}

#[test]
fn every_sheet_has_its_headers_and_typed_cells() {
    let outcomes = common::seeds();
    let bytes = write(&outcomes, Lang::Fi);
    let sheets = sheets(&bytes);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Hankkeet",
            "Seurantatiedot",
            "Kestävä kehitys",
            "Alueet",
            "Organisaatiot",
            "Huomautukset"
        ]
    );
    for ((_, range), kind) in sheets.iter().zip(TableKind::ALL) {
        let header: Vec<&str> = range.rows().next().unwrap().iter().map(text).collect();
        let expected: Vec<&str> = kind.columns().iter().map(|c| c.label(Lang::Fi)).collect();
        assert_eq!(header, expected, "{kind:?}");
    }
    let sheet =
        |kind: TableKind| &sheets[TableKind::ALL.iter().position(|&k| k == kind).unwrap()].1;

    // Projects: the seeds' codes and amounts as numbers, ratios as fractions, dates as dates.
    let projects = sheet(TableKind::Projects);
    assert_eq!(projects.height(), 6);
    let p = TableKind::Projects;
    let row = |code: &str| {
        projects
            .rows()
            .find(|r| r[col(p, "code")] == Data::String(code.into()))
            .unwrap_or_else(|| panic!("{code} is on the sheet"))
            .to_vec()
    };
    let s20516 = row("S20516");
    assert_eq!(float(&s20516[col(p, "granted_eu_state")]), 634_447.0);
    assert_eq!(float(&s20516[col(p, "realized_eu_state")]), 604_484.0);
    assert_eq!(float(&s20516[col(p, "planned_public_total")]), 929_082.0);
    assert_eq!(float(&s20516[col(p, "realized_public_total")]), 884_107.0);
    assert_eq!(float(&s20516[col(p, "other_public_planned")]), 294_635.0);
    let ratio = float(&s20516[col(p, "realized_vs_granted_pct")]);
    assert!((ratio - 604_484.0 / 634_447.0).abs() < 1e-12, "{ratio}");
    assert_eq!(float(&s20516[col(p, "duration_months")]), 31.0);
    match &s20516[col(p, "start_date")] {
        Data::DateTime(d) => {
            assert!(d.is_datetime());
            assert_eq!(d.as_f64(), serial(2015, 10, 1));
        }
        other => panic!("the start date is not a date: {other:?}"),
    }
    assert_eq!(text(&s20516[col(p, "fund")]), "ESR");
    assert_eq!(text(&s20516[col(p, "status")]), "Toiminta päättynyt");
    let s21498 = row("S21498");
    assert_eq!(float(&s21498[col(p, "granted_eu_state")]), 48_724.0);
    match &s21498[col(p, "end_date")] {
        Data::DateTime(d) => assert_eq!(d.as_f64(), serial(2019, 12, 31)),
        other => panic!("the end date is not a date: {other:?}"),
    }

    // Indicators: planned and realised as numbers, a missing value as an empty cell.
    let indicators = sheet(TableKind::Indicators);
    assert_eq!(indicators.height(), 11);
    let first = indicators.rows().nth(1).unwrap();
    assert_eq!(text(&first[0]), "S21498");
    assert_eq!(float(&first[2]), 30.0);
    assert_eq!(float(&first[3]), 21.0);
    let second = indicators.rows().nth(2).unwrap();
    assert_eq!(float(&second[2]), 30.0);
    assert_eq!(second[3], Data::Empty);

    // Sustainability: scores as numbers, 0–10.
    let sustainability = sheet(TableKind::Sustainability);
    assert_eq!(sustainability.height(), 76);
    for r in sustainability.rows().skip(1) {
        for c in [3, 4] {
            if r[c] != Data::Empty {
                let score = float(&r[c]);
                assert!(
                    (0.0..=10.0).contains(&score) && score.fract() == 0.0,
                    "{r:?}"
                );
            }
        }
    }

    // Areas: each name in its level's column.
    let areas = sheet(TableKind::Areas);
    assert!(
        areas
            .rows()
            .any(|r| r[0] == Data::String("S20516".into())
                && r[1] == Data::String("Pirkanmaa".into()))
    );
    assert!(areas.rows().any(
        |r| r[0] == Data::String("S20884".into()) && r[3] == Data::String("Kangasniemi".into())
    ));

    // Organisations: Y-tunnus as text, its validity as a boolean.
    let organisations = sheet(TableKind::Organisations);
    let tampere = organisations
        .rows()
        .find(|r| r[2] == Data::String("Tampereen kaupunki".into()))
        .unwrap();
    assert_eq!(text(&tampere[1]), "Osatoteuttaja");
    assert_eq!(text(&tampere[3]), "0211675-2");
    assert_eq!(tampere[4], Data::Bool(true));

    // Diagnostics: the seeds have none; the header stays.
    assert_eq!(sheet(TableKind::Diagnostics).height(), 1);
}

#[test]
fn diagnostics_sheet_has_lines_as_numbers_and_failures() {
    let bytes = write(&common::inputs(), Lang::En);
    let sheets = sheets(&bytes);
    let (name, diagnostics) = sheets.last().unwrap();
    assert_eq!(name, "Diagnostics");
    assert!(diagnostics.height() > 2);
    let with_line = diagnostics
        .rows()
        .skip(1)
        .find(|r| r[1] != Data::Empty)
        .expect("a diagnostic with a line");
    assert!(float(&with_line[1]) >= 1.0);
    let pdf = diagnostics
        .rows()
        .find(|r| r[0] == Data::String("kuvaus.pdf".into()))
        .expect("the failure is listed");
    assert_eq!(pdf[1], Data::Empty);
    assert_eq!(text(&pdf[2]), "Error");
    assert_eq!(text(&pdf[3]), "pdf");
    // The ERDF description: its fund in English.
    let projects = &sheets[0].1;
    assert!(projects
        .rows()
        .any(|r| r[col(TableKind::Projects, "fund")] == Data::String("ERDF".into())));
}

#[test]
fn swedish_sheet_names_and_official_terms() {
    let bytes = write(&common::inputs(), Lang::Sv);
    let sheets = sheets(&bytes);
    assert_eq!(sheets[0].0, "Projekt");
    let header: Vec<&str> = sheets[4]
        .1
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(text)
        .collect();
    assert!(header.contains(&"FO-nummer"), "{header:?}");
    let areas: Vec<&str> = sheets[3]
        .1
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(text)
        .collect();
    assert_eq!(areas[1], "Landskap");
    assert!(sheets[0]
        .1
        .rows()
        .any(|r| r[col(TableKind::Projects, "fund")] == Data::String("Eruf".into())));
}

#[test]
fn header_frozen_with_filters_and_number_formats() {
    let outcomes = common::seeds();
    let bytes = write(&outcomes, Lang::Fi);
    for (i, kind) in TableKind::ALL.into_iter().enumerate() {
        let xml = part(&bytes, &format!("xl/worksheets/sheet{}.xml", i + 1));
        assert!(
            xml.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "{kind:?}: no frozen header row"
        );
        let rows = build_all(&items(&outcomes))[i].rows.len();
        let last_col = (b'A' + kind.columns().len() as u8 - 1) as char;
        assert!(
            xml.contains(&format!(r#"<autoFilter ref="A1:{last_col}{}"/>"#, rows + 1)),
            "{kind:?}: no autofilter over the table"
        );
        assert!(xml.contains("<cols>"), "{kind:?}: no column widths");
    }

    // The euro and percent cells carry the currency and percent formats.
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let styles = part(&bytes, "xl/styles.xml");
    let p = TableKind::Projects;
    let letter = |key| (b'A' + col(p, key) as u8) as char;
    assert_eq!(
        format_code(&sheet, &styles, &format!("{}2", letter("granted_eu_state"))),
        "#,##0.00 &quot;€&quot;"
    );
    assert_eq!(
        format_code(
            &sheet,
            &styles,
            &format!("{}2", letter("eu_state_share_pct"))
        ),
        "0.0 %"
    );
    // Built-in format 14: the short date of the reader's locale.
    assert_eq!(
        num_fmt_id(&sheet, &styles, &format!("{}2", letter("start_date"))),
        14
    );
}

/// The `numFmtId` of the style of cell `r` (e.g. "J2").
fn num_fmt_id(sheet: &str, styles: &str, r: &str) -> u32 {
    let cell = &sheet[sheet.find(&format!(r#"<c r="{r}""#)).unwrap()..];
    let cell = &cell[..cell.find('>').unwrap()];
    let style: usize = attr(cell, "s")
        .expect("the cell has a style")
        .parse()
        .unwrap();
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs.split("<xf ").nth(style + 1).unwrap();
    attr(xf, "numFmtId").unwrap().parse().unwrap()
}

/// The custom number format of cell `r`, as written in the XML.
fn format_code(sheet: &str, styles: &str, r: &str) -> String {
    let id = num_fmt_id(sheet, styles, r);
    let tag = &styles[styles.find(&format!(r#"<numFmt numFmtId="{id}""#)).unwrap()..];
    attr(&tag[..tag.find("/>").unwrap()], "formatCode").unwrap()
}

/// The value of attribute `name` in the text of a tag (after its element name).
fn attr(tag: &str, name: &str) -> Option<String> {
    let tag = format!(" {tag}");
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[start..start + tag[start..].find('"')?].to_owned())
}
