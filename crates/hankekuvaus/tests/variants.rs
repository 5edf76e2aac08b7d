//! The same page in other encodings, line ends and spacings gives the same document
//! (apart from `source`).

mod common;

use hankekuvaus::{Document, TextEncoding};

fn parse(bytes: &[u8]) -> Document {
    hankekuvaus::parse(bytes, "variant.txt").expect("a variant is still a description")
}

fn assert_same(variant: &str, base: &Document, mut other: Document) {
    other.source = base.source.clone();
    assert_eq!(&other, base, "variant {variant} differs");
}

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let mut out = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

#[test]
fn encodings_and_line_ends() {
    for (name, bytes) in common::seeds() {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let base = parse(&bytes);
        let crlf = text.replace('\n', "\r\n");
        let cr = text.replace('\n', "\r");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(crlf.as_bytes());
        let cases: Vec<(&str, Vec<u8>, TextEncoding)> = vec![
            ("crlf", crlf.clone().into_bytes(), TextEncoding::Utf8),
            ("cr", cr.into_bytes(), TextEncoding::Utf8),
            ("utf8-bom", bom, TextEncoding::Utf8),
            ("utf16le", utf16(&crlf, true), TextEncoding::Utf16Le),
            ("utf16be", utf16(&text, false), TextEncoding::Utf16Be),
        ];
        for (variant, bytes, encoding) in cases {
            let doc = parse(&bytes);
            assert_eq!(doc.source.encoding, encoding, "{name} {variant}");
            assert_same(&format!("{name} {variant}"), &base, doc);
        }
        let (w1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&crlf);
        assert!(!unmappable, "{name} has characters outside windows-1252");
        let doc = parse(&w1252);
        assert_eq!(doc.source.encoding, TextEncoding::Windows1252);
        assert_same(&format!("{name} windows-1252"), &base, doc);
    }
}

#[test]
fn no_break_spaces_trailing_blanks_and_tabs() {
    for (name, bytes) in common::seeds() {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let base = parse(&bytes);
        // Amounts with U+00A0 / U+202F as thousands separators.
        let nbsp = text
            .replace("48 724", "48\u{A0}724")
            .replace("929 082", "929\u{202F}082");
        assert_same(&format!("{name} nbsp"), &base, parse(nbsp.as_bytes()));
        // Trailing blanks.
        let trailing: String = text.lines().map(|l| format!("{l}  \t\n")).collect();
        assert_same(
            &format!("{name} trailing"),
            &base,
            parse(trailing.as_bytes()),
        );
        // Copied from a browser: tabs instead of ": " and between the scores.
        let tabs: String = text
            .lines()
            .map(|l| {
                let l = match l.split_once(": ") {
                    Some((label, value)) if !label.contains('.') && label.len() < 60 => {
                        format!("{label}\t{value}")
                    }
                    _ => l.to_owned(),
                };
                format!("{l}\n")
            })
            .collect();
        let tabs = tabs.replace(" 0 0\n", "\t0\t0\n");
        assert_same(&format!("{name} tabs"), &base, parse(tabs.as_bytes()));
    }
}
