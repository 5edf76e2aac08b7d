//! Tests of the language choice, the lookups and the completeness of every language.

use hankekuvaus::Fund;

use super::*;

/// Every string of a table, with where it is ("months.one", "columns[3]"), read from its
/// `{:#?}` form: the tables are plain structs of strings, so this lists every field
/// without naming them here again.
fn strings(table: &impl std::fmt::Debug) -> Vec<(String, String)> {
    let text = format!("{table:#?}");
    let mut out = Vec::new();
    let mut parents: Vec<String> = Vec::new();
    let mut index = 0;
    for line in text.lines().skip(1) {
        let line = line.trim().trim_end_matches(',');
        if line.ends_with('{') || line.ends_with('[') {
            parents.push(line.split(':').next().unwrap_or_default().to_owned());
            index = 0;
        } else if line == "}" || line == "]" {
            parents.pop();
        } else if let Some((key, value)) = line.split_once(": \"") {
            let mut path = parents.clone();
            path.push(key.to_owned());
            out.push((path.join("."), value.trim_end_matches('"').to_owned()));
        } else if line.starts_with('"') {
            let key = format!("{}[{index}]", parents.join("."));
            out.push((key, line.trim_matches('"').to_owned()));
            index += 1;
        }
    }
    out
}

/// Swedish that may equal English: names, formats and words the two share.
const SAME_AS_ENGLISH: &[&str] = &["Hankekatselin", "JSON", "CSV", "—", "Status"];
/// Swedish that may equal Finnish.
const SAME_AS_FINNISH: &[&str] = &["Hankekatselin", "JSON", "CSV", "—"];

fn assert_translated(
    fi: &impl std::fmt::Debug,
    sv: &impl std::fmt::Debug,
    en: &impl std::fmt::Debug,
) {
    let (fi, sv, en) = (strings(fi), strings(sv), strings(en));
    assert!(sv.len() > 40, "the tables are read: {sv:?}");
    assert_eq!(sv.len(), fi.len());
    assert_eq!(sv.len(), en.len());
    for ((key, sv), ((fi_key, fi), (en_key, en))) in sv.iter().zip(fi.iter().zip(&en)) {
        assert_eq!((key, key), (fi_key, en_key), "the tables line up");
        for (lang, text) in [("fi", fi), ("sv", sv), ("en", en)] {
            assert!(!text.trim().is_empty(), "{key} is empty in {lang}");
        }
        if !SAME_AS_ENGLISH.contains(&sv.as_str()) {
            assert_ne!(sv, en, "{key}: Swedish is English");
        }
        if !SAME_AS_FINNISH.contains(&sv.as_str()) {
            assert_ne!(sv, fi, "{key}: Swedish is Finnish");
        }
    }
}

#[test]
fn every_ui_string_has_its_swedish_text() {
    assert_translated(&FI, &sv::SV, &EN);
    assert_translated(&overview::FI, &sv::SV_OVERVIEW, &overview::EN);
    // The lookups give the Swedish tables.
    assert_eq!(Lang::Sv.t().choose_files, "Välj filer");
    assert_eq!(Lang::Sv.o().overview, "Översikt");
}

#[test]
fn the_table_reader_sees_nested_strings() {
    let read = strings(&sv::SV);
    let get = |k: &str| {
        read.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("choose_files"), Some("Välj filer"));
    assert_eq!(get("months.other"), Some("månader"));
    let overview = strings(&sv::SV_OVERVIEW);
    assert!(overview.contains(&("columns[6]".to_owned(), "Landskap".to_owned())));
    assert!(overview.contains(&("by[1]".to_owned(), "Per insatsområde".to_owned())));
}

#[test]
fn every_code_has_a_finnish_and_a_swedish_summary() {
    // Every code the parser can produce.
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert!(codes.len() >= 25, "{codes:?}");
    for code in codes {
        let fi = Lang::Fi.code_summary(code);
        let sv = Lang::Sv.code_summary(code);
        assert!(fi.is_some(), "no Finnish summary for {code}");
        assert!(
            sv.is_some_and(|s| !s.is_empty()),
            "no Swedish summary for {code}"
        );
        assert_ne!(fi, sv, "{code}");
        assert_eq!(Lang::En.code_summary(code), None);
    }
    assert_eq!(
        Lang::Sv.code_summary("bad-business-id"),
        Some("FO-numret är inte giltigt.")
    );
    assert_eq!(Lang::Sv.code_summary("no-such-code"), None);
}

#[test]
fn query_wins_then_storage_then_browser() {
    assert_eq!(
        Lang::choose(Some("en"), Some("fi"), Some("fi-FI")),
        Lang::En
    );
    assert_eq!(
        Lang::choose(Some("xx"), Some("fi"), Some("en-US")),
        Lang::Fi
    );
    assert_eq!(Lang::choose(Some("SV"), Some("fi"), None), Lang::Sv);
    assert_eq!(Lang::choose(None, Some("sv"), Some("fi-FI")), Lang::Sv);
    assert_eq!(Lang::choose(None, None, Some("fi-FI")), Lang::Fi);
    assert_eq!(Lang::choose(None, None, Some("sv-FI")), Lang::Sv);
    assert_eq!(Lang::choose(None, None, Some("sv-SE")), Lang::Sv);
    assert_eq!(Lang::choose(None, None, Some("de-DE")), Lang::En);
    assert_eq!(Lang::choose(None, None, None), Lang::En);
}

#[test]
fn browser_tags_by_their_language() {
    assert_eq!(Lang::of_browser_tag("sv"), Some(Lang::Sv));
    assert_eq!(Lang::of_browser_tag("sv-FI"), Some(Lang::Sv));
    assert_eq!(Lang::of_browser_tag("sv_SE"), Some(Lang::Sv));
    assert_eq!(Lang::of_browser_tag("fi"), Some(Lang::Fi));
    assert_eq!(Lang::of_browser_tag("en-GB"), Some(Lang::En));
    assert_eq!(
        Lang::of_browser_tag("se"),
        None,
        "Northern Sami is not Swedish"
    );
    assert_eq!(Lang::of_browser_tag("svx"), None);
    assert_eq!(Lang::from_browser_tag("nb-NO"), Lang::En);
    // navigator.languages, best first: the first the UI speaks.
    assert_eq!(
        Lang::first_supported_tag(&["de-DE", "sv-FI", "en"]),
        Some("sv-FI")
    );
    assert_eq!(
        Lang::first_supported_tag(&["fi-FI", "sv-FI"]),
        Some("fi-FI")
    );
    assert_eq!(Lang::first_supported_tag(&["de", "fr"]), None);
    assert_eq!(Lang::first_supported_tag::<&str>(&[]), None);
}

#[test]
fn the_selector_lists_three_languages_by_their_own_names() {
    let names: Vec<_> = Lang::ALL
        .iter()
        .map(|l| (l.code(), l.native_name()))
        .collect();
    assert_eq!(
        names,
        [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
    );
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
}

#[test]
fn english_and_swedish_labels_keep_the_finnish_original() {
    assert_eq!(
        Lang::En.field_label("project.priority_axis"),
        "Priority axis (Toimintalinja)"
    );
    assert_eq!(
        Lang::Fi.field_label("project.priority_axis"),
        "Toimintalinja"
    );
    assert_eq!(
        Lang::Sv.field_label("project.priority_axis"),
        "Insatsområde (Toimintalinja)"
    );
    assert_eq!(
        Lang::Sv.field_label("applicant.business_id"),
        "FO-nummer (Y-tunnus)"
    );
    assert_eq!(Lang::Sv.field_label("area.regions"), "Landskap (Maakunnat)");
    assert_eq!(
        Lang::Sv.field_label("area.sub_regions"),
        "Ekonomiska regioner (Seutukunnat)"
    );
    assert_eq!(
        Lang::Sv.field_label("area.municipalities"),
        "Kommuner (Kunnat)"
    );
    assert_eq!(Lang::Sv.field_label("no.such.path"), "no.such.path");
    // Every labelled path has a Swedish label of its own.
    for (path, fi, en) in FIELD_LABELS {
        let sv = Lang::Sv.field_label(path.as_str());
        assert!(sv.ends_with(&format!(" ({fi})")), "{sv}");
        assert_ne!(sv, format!("{en} ({fi})"), "{path}: Swedish is English");
    }
    assert_eq!(
        Lang::En.term("Ekologinen kestävyys"),
        "Ecological sustainability (Ekologinen kestävyys)"
    );
    assert_eq!(
        Lang::Sv.term("Ekologinen kestävyys"),
        "Ekologisk hållbarhet (Ekologinen kestävyys)"
    );
    assert_eq!(
        Lang::Fi.term("Ekologinen kestävyys"),
        "Ekologinen kestävyys"
    );
    assert_eq!(Lang::Sv.term("Muu"), "Muu");
}

#[test]
fn funds_by_their_official_names() {
    assert_eq!(
        Lang::Fi.fund_name(Fund::Esr),
        "ESR (Euroopan sosiaalirahasto)"
    );
    assert_eq!(Lang::En.fund_name(Fund::Esr), "ESR (European Social Fund)");
    assert_eq!(
        Lang::Sv.fund_name(Fund::Esr),
        "ESF (Europeiska socialfonden)"
    );
    assert_eq!(
        Lang::Sv.fund_name(Fund::Eakr),
        "Eruf (Europeiska regionala utvecklingsfonden)"
    );
    assert_eq!(Lang::Sv.fund_code(Fund::EsrPlus), "ESF+");
    assert_eq!(
        Lang::Sv.fund_name(Fund::Jtf),
        "FRO (Fonden för en rättvis omställning)"
    );
    assert_eq!(Lang::En.fund_code(Fund::Eakr), "EAKR");
}

#[test]
fn counts_take_the_right_form_in_every_language() {
    let o = |l: Lang| l.o();
    assert_eq!(o(Lang::Fi).project_count.count(Lang::Fi, 1), "1 hanke");
    assert_eq!(o(Lang::Fi).project_count.count(Lang::Fi, 2), "2 hanketta");
    assert_eq!(o(Lang::En).project_count.count(Lang::En, 1), "1 project");
    assert_eq!(o(Lang::En).project_count.count(Lang::En, 0), "0 projects");
    assert_eq!(o(Lang::Sv).project_count.count(Lang::Sv, 1), "1 projekt");
    assert_eq!(o(Lang::Sv).files.count(Lang::Sv, 1), "1 fil");
    assert_eq!(
        o(Lang::Sv).files.count(Lang::Sv, 20_001),
        "20\u{a0}001 filer"
    );
    assert_eq!(o(Lang::Fi).files.count(Lang::Fi, 1), "1 tiedosto");
    assert_eq!(Lang::Sv.t().line_count_unit.count(Lang::Sv, 1), "1 rad");
    assert_eq!(
        Lang::Sv.t().line_count_unit.count(Lang::Sv, 130),
        "130 rader"
    );
    assert_eq!(Lang::En.t().months.of(1), "month");
    assert_eq!(Lang::Sv.t().months.of(12), "månader");
}
