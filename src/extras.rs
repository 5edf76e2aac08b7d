//! What a page has beyond the known layout: sections and `Label: value` fields the parser
//! does not know. The parser keeps them in the section tree and reports each with an info
//! diagnostic (`unknown-section`, `unknown-field`); this view model finds them again by
//! those diagnostics' lines so the viewer can show them.

use hankekuvaus::{codes::Code, Document, Field, Section};

/// One piece of content outside the known layout.
#[derive(Debug, Clone, PartialEq)]
pub enum Extra<'a> {
    /// A whole section the parser does not know, with its subsections.
    Section(&'a Section),
    /// A field the parser does not know, inside a known section (named by `place`).
    Field {
        /// "1 Hanke", or empty for the header before the first section.
        place: String,
        /// The field.
        field: &'a Field,
    },
}

/// The unknown sections and fields of `doc`, in line order. A field inside an unknown
/// section is shown with its section, not again on its own.
pub fn extras(doc: &Document) -> Vec<Extra<'_>> {
    let lines_of = |code: Code| -> Vec<u32> {
        doc.diagnostics
            .iter()
            .filter(|d| d.code == code)
            .filter_map(|d| d.line)
            .collect()
    };
    let section_lines = lines_of(Code::UnknownSection);
    let field_lines = lines_of(Code::UnknownField);
    let mut out = Vec::new();
    for top in &doc.sections {
        collect(top, &section_lines, &field_lines, &mut out);
    }
    out
}

fn collect<'a>(s: &'a Section, sections: &[u32], fields: &[u32], out: &mut Vec<Extra<'a>>) {
    if s.number.is_some() && sections.contains(&s.line) {
        out.push(Extra::Section(s));
        return;
    }
    let place = match (&s.number, &s.title) {
        (Some(n), Some(t)) => format!("{n} {t}"),
        _ => String::new(),
    };
    for f in s.fields.iter().filter(|f| fields.contains(&f.line)) {
        out.push(Extra::Field {
            place: place.clone(),
            field: f,
        });
    }
    for sub in &s.subsections {
        collect(sub, sections, fields, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNKNOWN: &[u8] = include_bytes!("../testdata/breadth/unknown-fields.txt");

    #[test]
    fn unknown_sections_and_fields_of_a_page() {
        let doc = hankekuvaus::parse(UNKNOWN, "u.txt").unwrap();
        let got: Vec<String> = extras(&doc)
            .iter()
            .map(|e| match e {
                Extra::Section(s) => format!("section {}", s.number.as_deref().unwrap()),
                Extra::Field { place, field } => format!("{place}: {}", field.label),
            })
            .collect();
        assert_eq!(
            got,
            [
                "1 Hanke: Hankkeen lyhenne",
                "6 Maantieteellinen kohdealue: Suuralue",
                "section 10",
            ]
        );
    }

    #[test]
    fn a_seed_has_none() {
        let seed = include_bytes!("../testdata/seeds/000_2f4bdf7767fd6a31.txt");
        let doc = hankekuvaus::parse(seed, "s.txt").unwrap();
        assert!(extras(&doc).is_empty());
    }
}
