//! The walk over a document's units ([`Unit`]): the lines of its section tree, or of its
//! typed fields when it has no tree, always in the same order.
//!
//! A [`Walk`] can stop after any unit and go on from there later, so that a document of
//! millions of words is indexed in steps; [`visit`] walks a document through in one go.

use hankekuvaus::{Document, Section};

use crate::units::{Field, LineFields, Place, SectionPath, Unit};

/// Calls `f` with every line of indexed text of `doc`, always in the same order.
pub(crate) fn visit<'a>(doc: &'a Document, f: &mut dyn FnMut(Unit<'a>)) {
    Walk::new(doc).run(doc, &mut |unit| {
        f(unit);
        true
    });
}

/// Where a walk over one document stands.
pub(crate) struct Walk {
    /// `None` for a document without a section tree.
    tree: Option<Tree>,
    /// The section being walked, in [`Tree::sections`]' order (0 without a tree).
    section: usize,
    /// The text within the section, as [`section_text`] numbers them, or the typed text.
    item: usize,
    /// Byte offset of the next line in the text, and that line's number in it.
    at: usize,
    line: u32,
}

/// What a walk keeps of a document with a section tree.
struct Tree {
    by_line: LineFields,
    /// Every section in the order walked (a section, then its subsections), each with its
    /// indices from the top, so that the walk finds its section again in a few steps.
    sections: Vec<(SectionPath, Vec<u32>)>,
}

/// One text of the document: a title, a field value, a paragraph or a typed member.
struct Text<'a> {
    field: FieldOf,
    place: Place,
    /// Source line of the text's first line, when known.
    line: Option<u32>,
    text: &'a str,
    /// Whether each line is a unit of its own; a title or a field value of the tree is one
    /// unit whatever it holds.
    split: bool,
}

/// How a text's lines get their field.
#[derive(Clone, Copy)]
enum FieldOf {
    Is(Field),
    /// A paragraph: each line by [`LineFields::prose_line`], with its section's line.
    Prose(u32),
}

impl Walk {
    /// A walk from the first unit of `doc`.
    pub(crate) fn new(doc: &Document) -> Walk {
        let tree = (!doc.sections.is_empty()).then(|| {
            let mut sections = Vec::new();
            let mut path = SectionPath::default();
            let mut indices = Vec::new();
            for (i, section) in doc.sections.iter().enumerate() {
                list_sections(section, i, &mut path, &mut indices, &mut sections);
            }
            Tree {
                by_line: LineFields::new(doc),
                sections,
            }
        });
        Walk {
            tree,
            section: 0,
            item: 0,
            at: 0,
            line: 0,
        }
    }

    /// Calls `f` with the units of `doc` (the document the walk was made for) from where the
    /// walk stands, until `f` returns `false`: that unit is given again by the next run.
    /// Returns whether every unit has been walked.
    pub(crate) fn run<'a>(
        &mut self,
        doc: &'a Document,
        f: &mut dyn FnMut(Unit<'a>) -> bool,
    ) -> bool {
        let Some(tree) = &self.tree else {
            // Typed members are few (a list row, a hand-made document): listing them again
            // at each run costs little next to their words.
            let texts = typed_texts(doc);
            while let Some(text) = texts.get(self.item) {
                if !lines(text, None, &mut self.at, &mut self.line, f) {
                    return false;
                }
                self.item += 1;
            }
            return true;
        };
        while let Some((path, indices)) = tree.sections.get(self.section) {
            let section = section_at(doc, indices);
            while let Some(text) = section_text(section, *path, &tree.by_line, self.item) {
                if let Some(text) = text {
                    let by_line = Some(&tree.by_line);
                    if !lines(&text, by_line, &mut self.at, &mut self.line, f) {
                        return false;
                    }
                }
                self.item += 1;
            }
            self.section += 1;
            self.item = 0;
        }
        true
    }
}

/// Gives `f` the lines of `text` from byte `at`, line `line`, as units; both are left at
/// the line `f` stopped at, or back at 0 when every line was taken.
fn lines<'a>(
    text: &Text<'a>,
    by_line: Option<&LineFields>,
    at: &mut usize,
    line: &mut u32,
    f: &mut dyn FnMut(Unit<'a>) -> bool,
) -> bool {
    loop {
        let rest = &text.text[*at..];
        let end = if text.split { rest.find('\n') } else { None };
        let part = &rest[..end.unwrap_or(rest.len())];
        let source_line = text.line.map(|l| l + *line);
        let field = match (text.field, by_line, source_line) {
            (FieldOf::Prose(section_line), Some(by_line), Some(l)) => {
                by_line.prose_line(l, section_line)
            }
            (FieldOf::Is(field), _, _) => field,
            _ => Field::Other,
        };
        let unit = Unit {
            field,
            place: text.place,
            line_in_text: *line,
            source_line,
            text: part,
        };
        if !f(unit) {
            return false;
        }
        if end.is_none() {
            *at = 0;
            *line = 0;
            return true;
        }
        *at += part.len() + 1;
        *line += 1;
    }
}

/// Adds `section` (the `i`th of its parent) and its subsections to `out`, in walk order.
fn list_sections(
    section: &Section,
    i: usize,
    path: &mut SectionPath,
    indices: &mut Vec<u32>,
    out: &mut Vec<(SectionPath, Vec<u32>)>,
) {
    path.push(i);
    indices.push(i as u32);
    out.push((*path, indices.clone()));
    for (k, sub) in section.subsections.iter().enumerate() {
        list_sections(sub, k, path, indices, out);
    }
    indices.pop();
    path.pop();
}

/// The section at `indices` from the top.
fn section_at<'a>(doc: &'a Document, indices: &[u32]) -> &'a Section {
    let mut section = &doc.sections[indices[0] as usize];
    for &i in &indices[1..] {
        section = &section.subsections[i as usize];
    }
    section
}

/// The `item`th text of `section`'s own (its subsections are walked as sections of their
/// own): its title (0, `Some(None)` when it has none), its field values, then its
/// paragraphs; `None` past the last.
fn section_text<'a>(
    section: &'a Section,
    path: SectionPath,
    by_line: &LineFields,
    item: usize,
) -> Option<Option<Text<'a>>> {
    let fields = section.fields.len();
    if item == 0 {
        // Titles of section 7's subsections are the indicator names; other titles are the
        // format's fixed headings, except in unknown sections, which keep theirs as Other.
        return Some(section.title.as_deref().map(|title| Text {
            field: FieldOf::Is(match section.number.as_deref() {
                Some(n) if n.starts_with("7.") => Field::Indicators,
                _ => Field::Other,
            }),
            place: Place::Title(path),
            line: Some(section.line),
            text: title,
            split: false,
        }));
    }
    if let Some(field) = section.fields.get(item - 1) {
        return Some(Some(Text {
            field: FieldOf::Is(by_line.field_line(field.line, &field.label)),
            place: Place::Tree {
                sections: path,
                field: Some(item - 1),
                paragraph: 0,
            },
            line: Some(field.line),
            text: &field.value,
            split: false,
        }));
    }
    let i = item - 1 - fields;
    let paragraph = section.paragraphs.get(i)?;
    Some(Some(Text {
        field: FieldOf::Prose(section.line),
        place: Place::Tree {
            sections: path,
            field: None,
            paragraph: i,
        },
        line: Some(paragraph.line),
        text: &paragraph.text,
        split: true,
    }))
}

/// The typed members of a document without a section tree, each with its source line when
/// `field_lines` has one.
fn typed_texts(doc: &Document) -> Vec<Text<'_>> {
    let mut texts = Vec::new();
    let mut text = |field: Field, place: Place, key: &str, text| {
        texts.push(Text {
            field: FieldOf::Is(field),
            place,
            line: doc.field_lines.get(key).copied(),
            text,
            split: true,
        });
    };
    let p = &doc.project;
    let one = |name: &'static str| Place::Typed(name, None);
    if let Some(s) = &p.code {
        text(Field::Code, one("project.code"), "project.code", s);
    }
    if let Some(s) = &p.name {
        text(Field::Name, one("project.name"), "project.name", s);
    }
    if let Some(n) = &p.priority_axis {
        let place = Place::Typed("project.priority_axis", None);
        text(Field::PriorityAxis, place, "project.priority_axis", &n.name);
    }
    if let Some(n) = &p.specific_objective {
        let key = "project.specific_objective";
        text(Field::PriorityAxis, Place::Typed(key, None), key, &n.name);
    }
    if let Some(s) = &p.responsible_authority {
        let key = "project.responsible_authority";
        text(Field::Authority, one(key), key, s);
    }
    let a = &doc.applicant;
    let optional = [
        (Field::Organisation, "applicant.name", a.name.as_deref()),
        (
            Field::BusinessId,
            "applicant.business_id",
            a.business_id.as_deref(),
        ),
        (
            Field::OrganisationType,
            "applicant.organisation_type",
            a.organisation_type.as_deref(),
        ),
        (
            Field::Other,
            "applicant.contact.name",
            a.contact.name.as_deref(),
        ),
        (Field::Summary, "summary", doc.summary.as_deref()),
        (
            Field::TargetGroups,
            "target_groups.primary",
            doc.target_groups.primary.as_deref(),
        ),
        (
            Field::TargetGroups,
            "target_groups.indirect",
            doc.target_groups.indirect.as_deref(),
        ),
    ];
    for (field, key, value) in optional {
        if let Some(s) = value {
            text(field, one(key), key, s);
        }
    }
    for (i, c) in a.co_implementers.iter().enumerate() {
        let key = format!("applicant.co_implementers.{i}");
        let place = Place::Item("applicant.co_implementers", i, "name");
        text(Field::Organisation, place, &key, &c.name);
        if let Some(id) = &c.business_id {
            let place = Place::Item("applicant.co_implementers", i, "business_id");
            text(Field::BusinessId, place, &key, id);
        }
    }
    let lists = [
        (Field::Region, "area.regions", &doc.area.regions),
        (Field::SubRegion, "area.sub_regions", &doc.area.sub_regions),
        (
            Field::Municipality,
            "area.municipalities",
            &doc.area.municipalities,
        ),
    ];
    for (field, key, values) in lists {
        for (i, s) in values.iter().enumerate() {
            text(field, Place::Typed(key, Some(i)), key, s);
        }
    }
    for (i, ind) in doc.indicators.iter().enumerate() {
        let key = format!("indicators.{i}");
        text(
            Field::Indicators,
            Place::Item("indicators", i, "name"),
            &key,
            &ind.name,
        );
    }
    let g = &doc.gender_equality;
    let gender = [
        ("gender_equality.analysis_text", &g.analysis_text),
        ("gender_equality.mainstreaming_text", &g.mainstreaming_text),
        ("gender_equality.main_goal_text", &g.main_goal_text),
    ];
    for (key, value) in gender {
        if let Some(s) = value {
            text(Field::Gender, one(key), key, s);
        }
    }
    for (i, item) in doc.sustainability.iter().enumerate() {
        if let Some(s) = &item.explanation {
            let key = format!("sustainability.{i}");
            let place = Place::Item("sustainability", i, "explanation");
            text(Field::Sustainability, place, &key, s);
        }
    }
    if let Some(s) = &doc.final_report_summary {
        let key = "final_report_summary";
        text(Field::FinalReport, one(key), key, s);
    }
    texts
}
