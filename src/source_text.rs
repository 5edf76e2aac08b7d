//! The text of the Source tab when the original text is not at hand.
//!
//! An imported JSON document carries no text, and the line numbers of an HTML page refer to
//! the text extracted from it, not to its markup. Both are rebuilt from the section tree,
//! which holds every non-blank line: each `Field` is `label: value` on its line, each
//! `Paragraph`'s lines start at its line, and each numbered section's heading is
//! `number title` on the section's line. Lines nothing claims stay blank, so line numbers
//! (of fields and diagnostics) still point at the right lines.

use std::collections::BTreeMap;

use hankekuvaus::{Document, Section};

/// Rebuilds the source text of `doc` from its section tree, lines joined by `\n`.
/// The text has at least `doc.source.line_count` lines.
pub fn rebuild_source(doc: &Document) -> String {
    let mut lines: BTreeMap<u32, String> = BTreeMap::new();
    for section in &doc.sections {
        collect(section, &mut lines);
    }
    let last = lines
        .keys()
        .next_back()
        .copied()
        .unwrap_or(0)
        .max(doc.source.line_count);
    let mut out = String::new();
    for n in 1..=last {
        if n > 1 {
            out.push('\n');
        }
        if let Some(text) = lines.get(&n) {
            out.push_str(text);
        }
    }
    out
}

fn collect(section: &Section, lines: &mut BTreeMap<u32, String>) {
    if let Some(number) = &section.number {
        let heading = match section.title.as_deref() {
            Some(title) if !title.is_empty() => format!("{number} {title}"),
            _ => number.to_string(),
        };
        lines.entry(section.line).or_insert(heading);
    }
    for field in &section.fields {
        let text = if field.value.is_empty() {
            format!("{}:", field.label)
        } else {
            format!("{}: {}", field.label, field.value)
        };
        lines.insert(field.line, text);
    }
    for para in &section.paragraphs {
        for (k, text) in para.text.split('\n').enumerate() {
            lines.insert(para.line + k as u32, text.to_owned());
        }
    }
    for sub in &section.subsections {
        collect(sub, lines);
    }
}

#[cfg(test)]
mod tests {
    use hankekuvaus::{Field, Paragraph};

    use super::*;

    fn section(number: Option<&str>, title: Option<&str>, line: u32) -> Section {
        Section {
            number: number.map(|n| n.to_owned().into()),
            title: title.map(|t| t.to_owned().into()),
            line,
            end_line: line,
            fields: vec![],
            paragraphs: vec![],
            subsections: vec![],
        }
    }

    #[test]
    fn fields_paragraphs_and_headings_land_on_their_lines() {
        let path = format!(
            "{}/testdata/seeds/000_2f4bdf7767fd6a31.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).unwrap();
        let mut doc = hankekuvaus::parse(&bytes, "000.txt").expect("the seed parses");
        doc.source.line_count = 9;
        let mut preamble = section(None, None, 1);
        preamble.paragraphs.push(Paragraph {
            text: "Euroopan unioni Vipuvoimaa EU:lta".into(),
            line: 1,
            end_line: 1,
        });
        let mut hanke = section(Some("1"), Some("Hanke"), 3);
        hanke.fields.push(Field {
            label: "Hankekoodi".into(),
            value: "S21498".into(),
            line: 5,
        });
        hanke.fields.push(Field {
            label: "Jakeluosoite".into(),
            value: Default::default(),
            line: 6,
        });
        let mut sub = section(Some("4.1"), Some("Varsinaiset kohderyhmät"), 7);
        sub.paragraphs.push(Paragraph {
            text: "eka\ntoka".into(),
            line: 8,
            end_line: 9,
        });
        hanke.subsections.push(sub);
        doc.sections = vec![preamble, hanke];
        assert_eq!(
            rebuild_source(&doc),
            "Euroopan unioni Vipuvoimaa EU:lta\n\n1 Hanke\n\nHankekoodi: S21498\n\
             Jakeluosoite:\n4.1 Varsinaiset kohderyhmät\neka\ntoka"
        );
    }

    #[test]
    fn a_rebuilt_seed_keeps_every_line_in_place() {
        let path = format!(
            "{}/testdata/seeds/000_2f4bdf7767fd6a31.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).unwrap();
        let original = String::from_utf8(bytes.clone()).unwrap();
        let doc = hankekuvaus::parse(&bytes, "000.txt").expect("the seed parses");
        let rebuilt = rebuild_source(&doc);
        let rebuilt: Vec<&str> = rebuilt.lines().collect();
        for (i, line) in original.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            // Separators may be normalised ("Label:value" → "Label: value"); the words and
            // the line number must survive.
            let squash = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(
                squash(rebuilt.get(i).copied().unwrap_or("")),
                squash(line),
                "line {}",
                i + 1
            );
        }
    }
}
