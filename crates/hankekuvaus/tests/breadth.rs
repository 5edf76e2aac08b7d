//! Input breadth: saved HTML pages, the 2007–2013 layout, ERDF descriptions, unknown fields,
//! and inputs that are not descriptions at all.

mod common;

use hankekuvaus::{codes::Code, Amount, Fund, Options, Period, Severity, SourceFormat, Status};

fn codes_of(doc: &hankekuvaus::Document) -> Vec<(&str, Severity)> {
    doc.diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.severity))
        .collect()
}

#[test]
fn saved_html_pages_equal_their_text() {
    for (name, bytes) in common::seeds() {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let from_text = hankekuvaus::parse(&bytes, &name).unwrap();
        for entities in [false, true] {
            let html = common::to_service_html(&text, entities);
            let mut doc = hankekuvaus::parse(html.as_bytes(), "page.html").unwrap();
            assert_eq!(doc.source.format, SourceFormat::Html);
            doc.source = from_text.source.clone();
            assert_eq!(doc, from_text, "{name} as HTML (entities: {entities})");
        }
    }
}

#[test]
fn committed_html_page_parses_like_the_seed() {
    let html = common::breadth("S21498.html");
    let doc = hankekuvaus::parse(&html, "S21498.html").unwrap();
    assert_eq!(doc.source.format, SourceFormat::Html);
    assert_eq!(doc.project.code.as_deref(), Some("S21498"));
    assert_eq!(doc.sustainability.len(), 15);
    assert_eq!(doc.sustainability[8].direct, Some(7));
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
}

#[test]
fn html_in_windows_1252() {
    let (_, bytes) = &common::seeds()[0];
    let html = common::to_service_html(std::str::from_utf8(bytes).unwrap(), false)
        .replace("charset=\"utf-8\"", "charset=\"windows-1252\"");
    let (encoded, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&html);
    assert!(!unmappable);
    let doc = hankekuvaus::parse(&encoded, "page.htm").unwrap();
    assert_eq!(doc.source.encoding, hankekuvaus::TextEncoding::Windows1252);
    assert_eq!(
        doc.project.responsible_authority.as_deref(),
        Some("Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus")
    );
}

#[test]
fn period_2007_2013() {
    let doc = hankekuvaus::parse(&common::breadth("esr-2007-2013.txt"), "old.txt").unwrap();
    assert_eq!(doc.kind.period, Some(Period::P2007_2013));
    assert_eq!(doc.kind.fund, Some(Fund::Esr));
    let p = &doc.project;
    assert_eq!(p.code.as_deref(), Some("S10234"));
    assert_eq!(
        p.name.as_deref(),
        Some("Osaava Savo – työyhteisöjen kehittämisprojekti")
    );
    assert_eq!(
        p.priority_axis.as_ref().unwrap().number.as_deref(),
        Some("1")
    );
    assert_eq!(
        (p.start_date.as_deref(), p.end_date.as_deref()),
        (Some("2009-03-01"), Some("2011-02-28"))
    );
    assert_eq!(p.status, Some(Status::Ended));
    assert!(p.responsible_authority.is_some());
    assert_eq!(doc.applicant.name.as_deref(), Some("Mikkelin kaupunki"));
    assert_eq!(doc.applicant.business_id_valid, Some(true));
    assert_eq!(
        doc.applicant.contact.email.as_deref(),
        Some("maija.meikalainen@mikkeli.fi")
    );
    assert!(doc.area.national);
    assert_eq!(doc.funding.granted_eu_state, Some(Amount::euros(412_000)));
    assert_eq!(
        doc.funding.realized_public_total,
        Some(Amount::euros(497_812))
    );
    assert_eq!(
        doc.target_groups.primary.as_deref(),
        Some("Projektin kohderyhmänä ovat pienten ja keskisuurten yritysten työntekijät.")
    );
    let numbers: Vec<_> = doc.sections.iter().map(|s| s.number.as_deref()).collect();
    assert_eq!(numbers, [None, Some("1"), Some("2"), Some("3"), Some("4")]);
    assert!(
        !doc.diagnostics
            .iter()
            .any(|d| d.severity >= Severity::Warning),
        "{:?}",
        doc.diagnostics
    );
}

#[test]
fn erdf_description() {
    let doc = hankekuvaus::parse(&common::breadth("eakr-2014-2020.txt"), "a.txt").unwrap();
    assert_eq!(doc.kind.fund, Some(Fund::Eakr));
    assert_eq!(doc.kind.period, Some(Period::P2014_2020));
    let names: Vec<_> = doc.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Tukea saavien yritysten lukumäärä",
            "Uudet työpaikat, naiset",
            "Uudet työpaikat, miehet"
        ]
    );
    assert_eq!(doc.indicators[1].planned, Some(2.5));
    assert_eq!(doc.indicators[0].realized, Some(44.0));
    assert_eq!(doc.area.site.city.as_deref(), Some("Kotka"));
    assert_eq!(doc.area.municipalities, ["Kotka", "Hamina"]);
    assert_eq!(doc.gender_equality.analysis_done, Some(false));
    assert_eq!(
        doc.gender_equality.mainstreaming_text.as_deref(),
        Some("Viestinnässä huomioidaan molemmat sukupuolet.")
    );
    assert_eq!(doc.sustainability.len(), 15);
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
}

#[test]
fn fund_from_code_prefix_without_title() {
    let text = "1 Hanke\n\nHankekoodi: A70001\n\nHankkeen nimi: X\n";
    let doc = hankekuvaus::parse(text.as_bytes(), "a.txt").unwrap();
    assert_eq!(doc.kind.fund, Some(Fund::Eakr));
    assert_eq!(doc.kind.period, Some(Period::P2014_2020));
}

#[test]
fn unknown_fields_and_sections_are_kept_and_reported() {
    let doc = hankekuvaus::parse(&common::breadth("unknown-fields.txt"), "u.txt").unwrap();
    let infos: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Info)
        .map(|d| (d.code.as_str(), d.line))
        .collect();
    assert_eq!(
        infos,
        [
            (Code::UnknownField.as_str(), Some(9)),
            (Code::UnknownField.as_str(), Some(93)),
            (Code::UnknownSection.as_str(), Some(169)),
            (Code::UnknownField.as_str(), Some(171)),
        ],
        "{:?}",
        doc.diagnostics
    );
    let last = doc.sections.last().unwrap();
    assert_eq!(last.number.as_deref(), Some("10"));
    assert_eq!(last.fields[0].label, "Liitteiden lukumäärä");
    assert_eq!(last.paragraphs[0].text, "Hankesuunnitelma ja budjetti.");
    let project = &doc.sections[1];
    assert!(project
        .fields
        .iter()
        .any(|f| f.label == "Hankkeen lyhenne" && f.value == "FS"));
    // The known fields around the unknown ones are still read.
    assert_eq!(
        doc.project.name.as_deref(),
        Some("FeelSafe - asiakaspalveluturvallisuuden kehittämishanke")
    );
    assert_eq!(
        doc.final_report_summary
            .as_deref()
            .map(|s| s.starts_with("Epävarmuus")),
        Some(true)
    );
}

#[test]
fn cut_short_description_keeps_what_it_has() {
    let (_, bytes) = &common::seeds()[1];
    let text = std::str::from_utf8(bytes).unwrap();
    let cut = &text[..text.find("6 Maantieteellinen").unwrap()];
    let doc = hankekuvaus::parse(cut.as_bytes(), "cut.txt").unwrap();
    assert_eq!(
        doc.funding.realized_public_total,
        Some(Amount::euros(884_107))
    );
    assert_eq!(doc.applicant.co_implementers.len(), 3);
    let c = codes_of(&doc);
    assert_eq!(
        c.iter()
            .filter(|(c, _)| *c == Code::MissingSection.as_str())
            .count(),
        4
    );
    assert!(
        c.contains(&(Code::Truncated.as_str(), Severity::Warning)),
        "{c:?}"
    );
    assert!(!c.iter().any(|(_, s)| *s == Severity::Error));
}

#[test]
fn bad_values_become_diagnostics_on_their_lines() {
    let (_, bytes) = &common::seeds()[0];
    let text = std::str::from_utf8(bytes)
        .unwrap()
        .replace("Y-tunnus: 0600598-8", "Y-tunnus: 0600598-7")
        .replace(
            "Alkaa 1.1.2019 ja päättyy 31.12.2019",
            "Alkaa 1.1.2020 ja päättyy 31.12.2019",
        )
        .replace(
            "Toteutunut EU- ja valtion rahoitus: 48 724",
            "Toteutunut EU- ja valtion rahoitus: 50 000",
        )
        .replace(
            "Suunniteltu julkinen rahoitus yhteensä: 69 606",
            "Suunniteltu julkinen rahoitus yhteensä: 69 6O6",
        )
        .replace(
            "Luonnonvarojen käytön kestävyys 0 0",
            "Luonnonvarojen käytön kestävyys 0 11",
        );
    let doc = hankekuvaus::parse(text.as_bytes(), "bad.txt").unwrap();
    let got: Vec<_> = doc
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.severity, d.line))
        .collect();
    assert_eq!(
        got,
        [
            (Code::EndBeforeStart.as_str(), Severity::Error, Some(15)),
            (Code::BadBusinessId.as_str(), Severity::Warning, Some(27)),
            (
                Code::RealizedAboveGranted.as_str(),
                Severity::Warning,
                Some(77)
            ),
            (Code::BadAmount.as_str(), Severity::Error, Some(79)),
            (Code::BadScore.as_str(), Severity::Error, Some(126)),
        ]
    );
    assert_eq!(doc.applicant.business_id_valid, Some(false));
    assert_eq!(doc.funding.planned_public_total, None);
}

#[test]
fn not_descriptions_get_their_own_messages() {
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("empty.txt", b"".to_vec(), Code::Empty.as_str(), "empty"),
        (
            "blank.txt",
            b" \r\n\t\n".to_vec(),
            Code::Empty.as_str(),
            "empty",
        ),
        (
            "scan.pdf",
            b"%PDF-1.7\n%\xE2\xE3".to_vec(),
            Code::Pdf.as_str(),
            "save the page as text or HTML",
        ),
        (
            "a.zip",
            b"PK\x03\x04\x14\0\0\0".to_vec(),
            Code::Zip.as_str(),
            "ZIP",
        ),
        (
            "kuva.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            Code::Image.as_str(),
            "image",
        ),
        (
            "kuva.jpg",
            b"\xFF\xD8\xFF\xE0\0\x10JFIF".to_vec(),
            Code::Image.as_str(),
            "image",
        ),
        (
            "bin.dat",
            (0u8..=255).cycle().take(3000).collect(),
            Code::Binary.as_str(),
            "binary",
        ),
        (
            "other.json",
            br#"{"name": "x"}"#.to_vec(),
            Code::Json.as_str(),
            "JSON",
        ),
        (
            "list.txt",
            b"Ostoslista\nmaitoa\nleipaa\n".to_vec(),
            Code::NotADescription.as_str(),
            "Hankekoodi",
        ),
        (
            "page.html",
            b"<!DOCTYPE html><html><body><p>Hello</p></body></html>".to_vec(),
            Code::NotADescription.as_str(),
            "HTML page",
        ),
    ];
    for (name, bytes, code, phrase) in cases {
        let err = hankekuvaus::parse(&bytes, name).expect_err(name);
        assert_eq!(err.code, code, "{name}: {}", err.message);
        assert!(err.message.contains(phrase), "{name}: {}", err.message);
    }
}

#[test]
fn limits_are_configurable_and_clear() {
    let (_, bytes) = &common::seeds()[0];
    let small = Options {
        max_file_bytes: 1000,
        ..Options::default()
    };
    let err = hankekuvaus::parse_with(bytes, "s.txt", &small).unwrap_err();
    assert_eq!(err.code, Code::TooLarge.as_str());
    assert!(err.message.contains("limit"), "{}", err.message);
    let mut long = bytes.clone();
    long.extend(std::iter::repeat_n(b'x', 2 * 1024 * 1024));
    let err = hankekuvaus::parse(&long, "long.txt").unwrap_err();
    assert_eq!(err.code, Code::LineTooLong.as_str());
    assert!(hankekuvaus::parse_with(bytes, "s.txt", &Options::default()).is_ok());
}

#[test]
fn source_text_of_an_html_page_has_the_lines_the_document_counts() {
    let html = common::breadth("S21498.html");
    let doc = hankekuvaus::parse(&html, "S21498.html").unwrap();
    let text = hankekuvaus::source_text(&html);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len() as u32, doc.source.line_count);
    assert_eq!(
        lines[doc.field_lines["project.code"] as usize - 1],
        "Hankekoodi: S21498"
    );
    let seed = &common::seeds()[0].1;
    assert_eq!(
        hankekuvaus::source_text(seed),
        std::str::from_utf8(seed).unwrap()
    );
}
