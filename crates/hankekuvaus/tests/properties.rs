//! Property tests: no panic on arbitrary or mutated input; export then re-import gives the
//! same document; a page's text and HTML forms give the same document.

mod common;

use hankekuvaus::{export, import, Document, Outcome};
use proptest::prelude::*;

/// Line-level edits of a seed: what a careless copy, a cut file or a hand edit does.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Blank(usize),
    Truncate(usize),
    Replace(usize, String),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        any::<usize>().prop_map(Edit::Blank),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), "[A-Za-zÄÖäö0-9 .,:()-]{0,40}").prop_map(|(a, s)| Edit::Replace(a, s)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for e in edits {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        match e {
            Edit::Delete(i) => {
                lines.remove(i % n);
            }
            Edit::Duplicate(i) => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Edit::Swap(a, b) => lines.swap(a % n, b % n),
            Edit::Blank(i) => lines.insert(i % n, String::new()),
            Edit::Truncate(i) => lines.truncate(i % n + 1),
            Edit::Replace(i, s) => lines[i % n] = s.trim().to_owned(),
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn reimport(doc: &Document) -> Document {
    let json = export::document_json(doc);
    let mut back = import::import_json(&json).expect("an export re-imports");
    assert_eq!(back.len(), 1);
    match back.remove(0) {
        Outcome::Document(d) => *d,
        Outcome::Failure(f) => panic!("re-import gave a failure: {f:?}"),
    }
}

/// The first differing line of two documents' JSON, for a readable failure message.
fn first_difference(a: &Document, b: &Document) -> String {
    let (ja, jb) = (export::document_json(a), export::document_json(b));
    ja.lines()
        .zip(jb.lines())
        .enumerate()
        .find(|(_, (x, y))| x != y)
        .map_or_else(
            || "lengths differ".to_owned(),
            |(i, (x, y))| format!("JSON line {i}: {x} vs {y}"),
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = hankekuvaus::parse(&bytes, "random.bin");
    }

    #[test]
    fn arbitrary_text_after_a_header_never_panics(body in "(\\PC{0,60}\n){0,60}") {
        let text = format!("Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n{body}");
        let doc = hankekuvaus::parse(text.as_bytes(), "t.txt").expect("has a title line");
        for d in &doc.diagnostics {
            prop_assert!(d.line.is_none_or(|l| l >= 1 && l <= doc.source.line_count));
        }
        prop_assert_eq!(reimport(&doc), doc);
    }

    #[test]
    fn mutated_seeds_parse_and_reimport(seed in 0usize..5, edits in proptest::collection::vec(edit_strategy(), 1..8)) {
        let (_, bytes) = &common::seeds()[seed];
        let text = apply(std::str::from_utf8(bytes).unwrap(), &edits);
        if let Ok(doc) = hankekuvaus::parse(text.as_bytes(), "m.txt") {
            prop_assert_eq!(reimport(&doc), doc);
        }
    }

    #[test]
    fn mutated_seeds_as_html_equal_their_text(
        seed in 0usize..5,
        edits in proptest::collection::vec(edit_strategy(), 0..6),
        entities in any::<bool>(),
    ) {
        let (_, bytes) = &common::seeds()[seed];
        let text = apply(std::str::from_utf8(bytes).unwrap(), &edits);
        // An empty text file and an empty HTML page are refused for different reasons.
        prop_assume!(!text.trim().is_empty());
        let html = common::to_service_html(&text, entities);
        match (hankekuvaus::parse(text.as_bytes(), "m.txt"), hankekuvaus::parse(html.as_bytes(), "m.html")) {
            (Ok(t), Ok(mut h)) => {
                h.source = t.source.clone();
                prop_assert!(h == t, "HTML and text differ: {}", first_difference(&h, &t));
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.code, b.code),
            (a, b) => prop_assert!(false, "text {:?} but HTML {:?}", a.err(), b.err()),
        }
    }
}
