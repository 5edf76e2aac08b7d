//! Matching on the real seed descriptions: inflected forms, fields, snippets, locations.

mod common;

use common::{hit_words, ids, index, line_text, search, seeds};
use hankekuvaus_search::{Field, Query};

#[test]
fn a_word_finds_its_inflected_forms_in_the_seeds() {
    let docs = seeds();
    let index = index(&docs);
    // Seeds 0, 2 and 3 speak of "maahanmuuttajat" (immigrants, plural).
    let hits = search(&index, "maahanmuuttaja");
    let mut found: Vec<u32> = hits.iter().map(|h| h.doc).collect();
    found.sort();
    assert_eq!(found, vec![0, 2, 3]);
    for h in &hits {
        assert_eq!(hit_words(h, &docs[h.doc as usize]), ["maahanmuuttajat"]);
    }
    // "nuori" (young) finds "nuorten", "nuoret" and "nuorissa".
    let hits = search(&index, "nuori");
    let mut forms: Vec<String> = hits
        .iter()
        .flat_map(|h| hit_words(h, &docs[h.doc as usize]))
        .collect();
    forms.sort();
    forms.dedup();
    assert_eq!(forms, ["nuoret", "nuorissa", "nuorten"]);
    // "kunta" (municipality) finds "kunnissa", "kuntien", "kunnan"… (and, through the
    // stemmer's "kun", the conjunction "kun": a false friend it cannot tell apart).
    let hits = search(&index, "kunta");
    let forms: Vec<String> = hits
        .iter()
        .flat_map(|h| hit_words(h, &docs[h.doc as usize]))
        .collect();
    for form in [
        "kunnissa", "kuntien", "kunnan", "kunnassa", "kuntiin", "kunta",
    ] {
        assert!(
            forms.iter().any(|f| f == form),
            "kunta finds {form}: {forms:?}"
        );
    }
    // Compounds are not split: "kunta" does not find "kuntalaiset" (residents).
    assert!(!forms.iter().any(|f| f == "kuntalaiset"));
    // A short stem does not reach unrelated words: "etelä" (stem "etel") finds "Etelä"
    // but not "eteenpäin" (forward).
    let hits = search(&index, "etelä");
    let forms: Vec<String> = hits
        .iter()
        .flat_map(|h| hit_words(h, &docs[h.doc as usize]))
        .collect();
    assert!(forms.iter().all(|f| f == "etelä"), "{forms:?}");
    let mut found: Vec<u32> = hits.iter().map(|h| h.doc).collect();
    found.sort();
    assert_eq!(found, vec![0, 2, 4]);
}

#[test]
fn place_names_match_in_their_cases() {
    let docs = seeds();
    let index = index(&docs);
    // Mikkeli, Mikkelin, Mikkelissä: seeds 0 and 2.
    let mut found = ids(&index, "mikkelissä");
    found.sort();
    assert_eq!(found, vec![0, 2]);
    // "Etelä-Savo" is the phrase "etelä savo": it finds "Etelä-Savon" and "Etelä-Savossa".
    let mut found = ids(&index, "\"etelä-savo\"");
    found.sort();
    assert_eq!(found, vec![0, 2, 4]);
}

#[test]
fn field_prefixes_search_only_their_field() {
    let docs = seeds();
    let index = index(&docs);
    // Mikkeli is a municipality of seeds 0 and 2; Kemi only of seed 3 (seed 3's
    // "Kemin kaupunki" is its applicant, not a municipality field).
    let mut found = ids(&index, "kunta:Mikkeli");
    found.sort();
    assert_eq!(found, vec![0, 2]);
    assert_eq!(ids(&index, "municipality:kemijärvi"), vec![3]);
    assert_eq!(ids(&index, "kunta:kaupunki"), Vec::<u32>::new());
    let mut found = ids(&index, "toteuttaja:mikkelin");
    found.sort();
    assert_eq!(found, vec![0, 2]);
    // Co-implementers count as organisations, by name and by Y-tunnus.
    assert_eq!(ids(&index, "osatoteuttaja:Kangasniemen"), vec![2]);
    assert_eq!(ids(&index, "y-tunnus:0164690-3"), vec![2]);
    assert_eq!(ids(&index, "koodi:S22084"), vec![3]);
    assert_eq!(ids(&index, "maakunta:lappi"), vec![3]);
    assert_eq!(ids(&index, "rahasto:ESR").len(), 5);
    assert_eq!(ids(&index, "vuosi:2019 -koodi:S21498"), Vec::<u32>::new());
    // The hits of a field query lie in that field.
    let hit = &search(&index, "kunta:Mikkeli")[0];
    let locations = hit.locations(&docs[hit.doc as usize]);
    assert!(!locations.is_empty());
    assert!(locations.iter().all(|l| l.field == Field::Municipality));
}

#[test]
fn phrases_or_and_exclusions() {
    let docs = seeds();
    let index = index(&docs);
    let mut found = ids(&index, "maahanmuuttajat OR pielaveden");
    found.sort();
    assert_eq!(found, vec![0, 2, 3, 4]);
    let mut found = ids(&index, "maahanmuuttajat -mikkeli");
    found.sort();
    assert_eq!(found, vec![3]);
    // Words of a phrase must be adjacent and in order.
    assert_eq!(ids(&index, "\"Turun kaupunki\""), vec![1]);
    assert_eq!(ids(&index, "\"kaupunki Turun\""), Vec::<u32>::new());
}

#[test]
fn locations_fall_on_the_hit_words_with_their_source_lines() {
    let docs = seeds();
    let index = index(&docs);
    let hit = &search(&index, "pielaveden")[0];
    assert_eq!(hit.doc, 4);
    let doc = &docs[4];
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../testdata/seeds/004_c583bbdf69c07adf.txt"),
    )
    .unwrap();
    let lines: Vec<&str> = source.lines().collect();
    let locations = hit.locations(doc);
    assert_eq!(locations.len(), hit.hit_count());
    assert_eq!(locations.len(), hit.words.len());
    for l in &locations {
        let text = line_text(doc, &l.path, l.line_in_text);
        // Pielaveden, Pielavedellä: forms of Pielavesi.
        assert!(text[l.range.clone()].to_lowercase().starts_with("pielave"));
        // The marked text is on the source line given.
        let line = lines[l.source_line.unwrap() as usize - 1];
        assert!(line.contains(&text[l.range.clone()]), "{line}");
    }
    // The name ("Pielaveden työllisyydenhoidon…") and the applicant are among them.
    assert!(locations.iter().any(|l| l.field == Field::Name));
    assert!(locations.iter().any(|l| l.field == Field::Organisation));
}

#[test]
fn snippets_mark_the_hit_words_and_cut_at_word_boundaries() {
    let docs = seeds();
    let index = index(&docs);
    for q in ["maahanmuuttaja", "nuori työ", "\"etelä-savo\"", "kunta"] {
        for hit in search(&index, q) {
            let snippets = hit.snippets(&docs[hit.doc as usize], 2);
            assert!(!snippets.is_empty() && snippets.len() <= 2, "{q}");
            for s in &snippets {
                assert!(!s.marks.is_empty(), "{q}: {s:?}");
                for m in &s.marks {
                    let word = &s.text[m.clone()];
                    assert!(word.chars().all(char::is_alphanumeric), "{q}: {word:?}");
                }
                // Cut text ends with "…" and is not cut inside a word.
                let body = s.text.trim_start_matches('…').trim_end_matches('…');
                assert!(body.len() <= 260, "{}", s.text);
                assert!(!body.starts_with(char::is_whitespace), "{}", s.text);
                if s.text.starts_with('…') {
                    let full = line_text(&docs[hit.doc as usize], &s.path, s.line_in_text);
                    let at = full.find(body).expect("the snippet is a piece of its text");
                    let before = full[..at].chars().last().unwrap();
                    assert!(before.is_whitespace(), "cut inside a word: {}", s.text);
                }
            }
        }
    }
    // A long summary paragraph is cut, with "…" on the cut ends.
    let hit = &search(&index, "pilotoidaan")[0];
    let s = &hit.snippets(&docs[hit.doc as usize], 1)[0];
    assert!(
        s.text.starts_with('…') && s.text.ends_with('…'),
        "{}",
        s.text
    );
    assert_eq!(&s.text[s.marks[0].clone()], "pilotoidaan");
    assert_eq!(s.field, Field::Summary);
}

#[test]
fn search_as_you_type_finds_words_begun() {
    let docs = seeds();
    let index = index(&docs);
    let typed = |q: &str| {
        let mut ids: Vec<u32> = index
            .search(&Query::parse(q, true).unwrap())
            .iter()
            .map(|h| h.doc)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(typed("maahanmuut"), vec![0, 2, 3]);
    assert_eq!(typed("maahanmu"), vec![0, 2, 3]);
    assert_eq!(typed("pielav"), vec![4]);
    // One letter typed is taken as a word, not as the beginning of every word with it.
    let mut whole = ids(&index, "p");
    whole.sort();
    assert_eq!(typed("p"), whole);
    assert_eq!(typed("pi").len(), 5);
    // Finished with a space, the word is whole: "maahanmu" is no word.
    assert_eq!(typed("maahanmu "), Vec::<u32>::new());
}

#[test]
fn unknown_sections_and_fields_are_searched() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/breadth/unknown-fields.txt");
    let doc = hankekuvaus::parse(&std::fs::read(path).unwrap(), "unknown-fields.txt").unwrap();
    let mut docs = seeds();
    docs.push(doc);
    let index = index(&docs);
    // "10 Hankkeen liitteet" (attachments) is no section the parser knows, nor is the
    // field "Hankkeen lyhenne" (abbreviation) of section 1.
    for (q, text) in [
        ("budjetti", "budjetti"),
        ("hankesuunnitelma", "Hankesuunnitelma"),
        ("FS", "FS"),
    ] {
        let hits = search(&index, q);
        assert_eq!(
            hits.iter().map(|h| h.doc).collect::<Vec<_>>(),
            vec![5],
            "{q}"
        );
        let l = &hits[0].locations(&docs[5])[0];
        assert_eq!(l.field, Field::Other);
        assert_eq!(
            &line_text(&docs[5], &l.path, l.line_in_text)[l.range.clone()],
            text
        );
        assert_eq!(l.typed_path(&docs[5]), None);
    }
    // A known field's hit names its typed member, for the cards.
    let hits = search(&index, "kunta:kangasniemi");
    let l = &hits[0].locations(&docs[2])[0];
    assert_eq!(l.typed_path(&docs[2]), Some("area.municipalities"));
    let hits = search(&index, "osatoteuttaja:\"Pieksämäen kaupunki\"");
    let l = &hits[0].locations(&docs[2])[0];
    assert_eq!(l.typed_path(&docs[2]), Some("applicant.co_implementers.1"));
}

#[test]
fn the_distinct_hit_words_are_those_of_the_locations() {
    let docs = seeds();
    let index = index(&docs);
    for q in ["maahanmuuttaja", "nuori", "kunta", "\"Etelä-Savo\""] {
        for h in search(&index, q) {
            let doc = &docs[h.doc as usize];
            let mut words = h.words.words(doc);
            assert!(!words.is_empty(), "{q}");
            words.sort();
            let mut unique = words.clone();
            unique.dedup();
            assert_eq!(unique, words, "each word once");
            assert_eq!(words, hit_words(&h, doc), "{q}");
        }
    }
}
