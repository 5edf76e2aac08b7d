use super::super::test_support::{codes, parse, reimport};

/// Known labels as the service writes them are shared, parsed or read back from JSON;
/// other spellings and unknown labels are the document's own, and read the same.
#[test]
fn labels_as_written_are_shared() {
    use std::borrow::Cow;
    let doc = parse(
        "1 Hanke\nHankekoodi: S1\nWWW-osoite: x\nMyönnetty EU- ja valtion rahoitus: 1 €\n\
         HANKEKOODI: S2\nOma kenttä: y\n",
    );
    let back = reimport(&doc);
    assert_eq!(back.sections, doc.sections);
    for d in [&doc, &back] {
        let labels: Vec<(&str, bool)> = d.sections[1]
            .fields
            .iter()
            .map(|f| (f.label.as_ref(), matches!(f.label, Cow::Borrowed(_))))
            .collect();
        assert_eq!(
            labels,
            [
                ("Hankekoodi", true),
                ("WWW-osoite", true),
                ("Myönnetty EU- ja valtion rahoitus", true),
                ("HANKEKOODI", false),
                ("Oma kenttä", false),
            ]
        );
    }
    for d in [&doc, &back] {
        let s = &d.sections[1];
        assert_eq!(
            (s.number.as_deref(), s.title.as_deref()),
            (Some("1"), Some("Hanke"))
        );
        assert!(matches!(s.number, Some(Cow::Borrowed(_))));
        assert!(matches!(s.title, Some(Cow::Borrowed(_))));
    }
    assert_eq!(doc.project.code.as_deref(), Some("S1"));
    assert!(codes(&doc).contains(&("duplicate-field", Some(6))));
}

#[test]
fn known_labels_fill_fields_and_record_their_lines() {
    let doc = parse("1 Hanke\nHankekoodi: S1\nToimintalinja: 4 Koulutus\nTila: Toiminnassa\n");
    assert_eq!(doc.project.code.as_deref(), Some("S1"));
    assert_eq!(doc.field_lines["project.code"], 3);
    assert_eq!(doc.field_lines["project.priority_axis"], 4);
    assert_eq!(doc.field_lines["project.status"], 5);
}

#[test]
fn repeated_unknown_and_misplaced_labels_are_reported() {
    // "Suunniteltu" is an indicator's label: in section 1 it is unknown.
    let doc = parse("1 Hanke\nHankekoodi: S1\nHankekoodi: S2\nLisätieto: x\nSuunniteltu: 3\n");
    assert_eq!(doc.project.code.as_deref(), Some("S1"));
    let c = codes(&doc);
    assert!(c.contains(&("duplicate-field", Some(4))), "{c:?}");
    assert!(c.contains(&("unknown-field", Some(5))), "{c:?}");
    assert!(c.contains(&("unknown-field", Some(6))), "{c:?}");
}

#[test]
fn the_section_decides_which_address_a_label_fills() {
    let doc = parse(
        "2 Hakijan perustiedot\nJakeluosoite: Katu 1\n6 Maantieteellinen kohdealue\n\
         Jakeluosoite: Tie 2\nKunnat: Mikkeli, Juva\n",
    );
    assert_eq!(doc.applicant.street_address.as_deref(), Some("Katu 1"));
    assert_eq!(doc.area.site.street_address.as_deref(), Some("Tie 2"));
    assert_eq!(doc.field_lines["area.site.street_address"], 5);
    assert_eq!(doc.area.municipalities, ["Mikkeli", "Juva"]);
}

#[test]
fn indicators_and_co_implementers_have_indexed_paths() {
    let doc = parse(
        "2 Hakijan perustiedot\nOsatoteuttajat:\nYritys Oy, 1572860-0\n\
         7 Hakemusvaiheessa ilmoitettavat arviot\n7.1 Osallistujat\nSuunniteltu: 10\n\
         Toteutunut: x\n",
    );
    assert_eq!(doc.applicant.co_implementers[0].name, "Yritys Oy");
    assert_eq!(doc.field_lines["applicant.co_implementers.0"], 4);
    assert_eq!(doc.indicators[0].planned, Some(10.0));
    assert_eq!(doc.field_lines["indicators.0"], 6);
    assert_eq!(doc.field_lines["indicators.0.planned"], 7);
    assert!(codes(&doc).contains(&("bad-number", Some(8))));
}

/// Typed prose and fields that repeat their section's paragraphs or values share their
/// string, parsed and read back from JSON; prose joined otherwise is a string of its
/// own; the texts read the same either way.
#[test]
fn typed_prose_shares_its_sections_string() {
    fn section<'d>(doc: &'d crate::Document, number: &str) -> &'d crate::Section {
        let mut all = doc
            .sections
            .iter()
            .flat_map(|s| std::iter::once(s).chain(&s.subsections));
        all.find(|s| s.number.as_deref() == Some(number)).unwrap()
    }
    fn first(doc: &crate::Document, number: &str) -> crate::Text {
        section(doc, number).paragraphs[0].text.clone()
    }
    let doc = parse(
        "1 Hanke\nHankekoodi: S1\n2 Hakijan perustiedot\n\
         Hakijan virallinen nimi: Firma Oy\nOrganisaatiotyyppi: Osakeyhtiö\n\
         3 Suunnitelman mukainen tiivistelmä toteutuksesta\nEka kappale\nrivi 2\n\n\
         Toka kappale\n4 Hankkeen kohderyhmät\n4.1 Varsinaiset kohderyhmät\nYritykset\n\
         8 Horisontaaliset periaatteet\n8.1 Sukupuolten tasa-arvo\n\
         Hankkeessa on tehty toimintaympäristön analyysi sukupuolinäkökulmasta: Kyllä\n\
         Eka\n\nToka\n8.2 Kestävä kehitys\nEkologinen kestävyys\n\
         Luonnonvarojen käytön kestävyys 1 0\nSelitys yksi\nja kaksi\n\njatkuu\n\
         Ilmastonmuutoksen aiheuttamien riskien vähentäminen 0 0\nEi ole.\n\
         9 Loppuraportin tiivistelmä\nValmis.\n",
    );
    let paragraphs = &section(&doc, "3").paragraphs;
    assert_eq!(paragraphs[1].text, "Toka kappale");
    assert!(paragraphs[0].text.shares_bytes_with(&paragraphs[1].text));
    for doc in [doc.clone(), reimport(&doc)] {
        // A typed field that repeats its value shares the section's values' string.
        let applicant = &section(&doc, "2").fields;
        let name = doc.applicant.name.as_ref().unwrap();
        assert_eq!(name, "Firma Oy");
        assert!(name.shares_bytes_with(&applicant[0].value));
        assert!(applicant[1].value.shares_bytes_with(&applicant[0].value));
        let code = doc.project.code.as_ref().unwrap();
        assert!(code.shares_bytes_with(&section(&doc, "1").fields[0].value));
        let summary = doc.summary.as_ref().unwrap();
        assert_eq!(summary, "Eka kappale\nrivi 2\n\nToka kappale");
        assert!(summary.shares_bytes_with(&first(&doc, "3")));
        let primary = doc.target_groups.primary.as_ref().unwrap();
        assert!(primary.shares_bytes_with(&first(&doc, "4.1")));
        let last = doc.final_report_summary.as_ref().unwrap();
        assert!(last.shares_bytes_with(&first(&doc, "9")));
        // Joined by a line end, not as the section has them: a string of its own.
        let gender = doc.gender_equality.analysis_text.as_ref().unwrap();
        assert_eq!(gender, "Eka\nToka");
        assert!(!gender.shares_bytes_with(&first(&doc, "8.1")));
        let explanations: Vec<&str> = doc
            .sustainability
            .iter()
            .map(|i| i.explanation.as_deref().unwrap())
            .collect();
        assert_eq!(explanations, ["Selitys yksi\nja kaksi\njatkuu", "Ei ole."]);
    }
    // Parsed, an explanation shares its paragraph's lines while they follow each other
    // there; across a blank line it is a string of its own.
    let items = &doc.sustainability;
    let in_paragraph = |k: usize, p: usize| {
        let p = &section(&doc, "8.2").paragraphs[p].text;
        items[k].explanation.as_ref().unwrap().shares_bytes_with(p)
    };
    assert!(!in_paragraph(0, 0) && !in_paragraph(0, 1));
    assert!(in_paragraph(1, 1));
}
