//! The documents the schema tests check: one with every optional member empty, one with
//! every member set.

use hankekuvaus::codes::Code;
use hankekuvaus::*;

/// `Some` of `s` as whatever text type the member has.
fn text<T: From<&'static str>>(s: &'static str) -> Option<T> {
    Some(T::from(s))
}

/// A document with every optional member `None` and every list empty.
pub fn empty_document() -> Document {
    Document::new(
        Source {
            file_name: "tyhja.txt".into(),
            format: SourceFormat::Text,
            encoding: TextEncoding::Utf8,
            line_count: 0,
            byte_count: 0,
            fingerprint: fingerprint(b""),
            list: None,
            row: None,
        },
        Kind {
            fund: None,
            period: None,
        },
    )
}

/// A document with every optional member set and every list non-empty, so that every
/// object of the contract appears in its JSON.
pub fn full_document() -> Document {
    let section = |number: &'static str, title: &'static str, line: u32, subsections| Section {
        number: text(number),
        title: text(title),
        line,
        end_line: line + 4,
        fields: vec![Field {
            label: "Hankekoodi".into(),
            value: "S21498".into(),
            line: line + 1,
        }],
        paragraphs: vec![Paragraph {
            text: "Ensimmäinen rivi\ntoinen rivi".into(),
            line: line + 2,
            end_line: line + 3,
        }],
        subsections,
    };
    Document {
        schema_version: SCHEMA_VERSION,
        source: Source {
            file_name: "S21498.html".into(),
            format: SourceFormat::Html,
            encoding: TextEncoding::Windows1252,
            line_count: 120,
            byte_count: 8389,
            fingerprint: fingerprint(b"S21498"),
            list: Some(ListKind::Eura2021Xlsx),
            row: Some(2),
        },
        kind: Kind {
            fund: Some(Fund::EsrPlus),
            period: Some(Period::P2021_2027),
        },
        project: Project {
            code: text("A70001"),
            name: text("Testihanke"),
            priority_axis: Some(Numbered {
                number: text("3"),
                name: "Työllisyys ja työvoiman liikkuvuus".into(),
            }),
            specific_objective: Some(Numbered {
                number: None,
                name: "Tuottavuuden parantaminen".into(),
            }),
            start_date: text("2019-01-01"),
            end_date: text("2019-12-31"),
            status: Some(Status::Interrupted),
            status_text: text("Keskeytynyt"),
            responsible_authority: text("Etelä-Savon ELY-keskus"),
            programme: text("Itä-Suomi"),
            group_code: text("R00012"),
            card_url: text("https://eura2021.fi/hakutulokset/projektikortti?id=S30123"),
            home_page: text("https://example.fi/hanke"),
        },
        applicant: Applicant {
            name: text("Mikkelin kehitysyhtiö Miksei Oy"),
            organisation_type: text("Osakeyhtiö"),
            business_id: text("0600598-8"),
            business_id_valid: Some(true),
            street_address: text("Sammonkatu 12"),
            postal_code: text("50130"),
            city: text("Mikkeli"),
            phone: text("044 123 4567"),
            website: text("www.miksei.fi"),
            contact: Contact {
                name: text("Maija Meikäläinen"),
                position: text("Projektipäällikkö"),
                email: text("maija@miksei.fi"),
                phone: text("044 765 4321"),
            },
            joint_project: Some(false),
            co_implementers: vec![
                CoImplementer {
                    name: "Kaakkois-Suomen ammattikorkeakoulu Oy".into(),
                    business_id: text("2472908-2"),
                    business_id_valid: Some(false),
                },
                CoImplementer {
                    name: "Yhdistys ry".into(),
                    business_id: None,
                    business_id_valid: None,
                },
            ],
        },
        summary: text("Hankkeessa kehitetään.\n\nMuutoshakemus; jatkoaika."),
        target_groups: TargetGroups {
            primary: text("Pk-yritykset"),
            indirect: text("- kunnat\n- oppilaitokset"),
        },
        funding: Funding {
            granted_eu_state: Some(Amount::euros(48_724)),
            realized_eu_state: Some(Amount::from_cents(9_935_599)),
            planned_public_total: Some(Amount::euros(160_905)),
            realized_public_total: Some(Amount::from_cents(12_050)),
            planned_total: Some(Amount::euros(200_000)),
            realized_total: Some(Amount::from_cents(15_000_001)),
            realized_eu: Some(Amount::from_cents(3_000_050)),
        },
        area: Area {
            regions: vec!["Etelä-Savo".into()],
            sub_regions: vec!["Mikkelin".into()],
            municipalities: vec!["Mikkeli".into(), "Juva".into()],
            site: Site {
                street_address: text("Sammonkatu 12"),
                postal_code: text("50130"),
                city: text("Mikkeli"),
            },
            national: true,
        },
        indicators: vec![
            Indicator {
                number: text("7.1"),
                name: "Osallistuvat yritykset".into(),
                planned: Some(12.0),
                realized: Some(10.5),
            },
            Indicator {
                number: None,
                name: "Uudet työpaikat".into(),
                planned: None,
                realized: None,
            },
        ],
        gender_equality: GenderEquality {
            analysis_done: Some(true),
            analysis_text: text("Analyysi tehty."),
            mainstreamed: Some(false),
            mainstreaming_text: text("Ei valtavirtaistettu."),
            main_goal: Some(false),
            main_goal_text: text("Ei päätavoite."),
        },
        sustainability: vec![SustainabilityItem {
            category: "Ekologinen kestävyys".into(),
            name: "Luonnonvarojen käyttö".into(),
            direct: Some(0),
            indirect: Some(10),
            explanation: text("Ei vaikutusta."),
        }],
        final_report_summary: text("Hanke toteutui suunnitellusti."),
        sections: vec![
            Section {
                number: None,
                title: None,
                line: 1,
                end_line: 3,
                fields: vec![],
                paragraphs: vec![],
                subsections: vec![],
            },
            section(
                "4",
                "Hankkeen kohderyhmät",
                5,
                vec![section("4.1", "Varsinaiset", 7, vec![])],
            ),
        ],
        field_lines: [
            ("project.code".into(), 7),
            ("indicators.1.planned".into(), 90),
            ("sustainability.7".into(), 110),
        ]
        .into_iter()
        .collect(),
        diagnostics: vec![
            Diagnostic {
                severity: Severity::Warning,
                code: Code::BadBusinessId.as_str().into(),
                message: "Y-tunnus 2472908-2 has a wrong check digit.".into(),
                line: Some(30),
            },
            Diagnostic {
                severity: Severity::Info,
                code: Code::MissingSection.as_str().into(),
                message: "Section 9 is missing.".into(),
                line: None,
            },
        ],
    }
}
