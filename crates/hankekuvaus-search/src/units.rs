//! A document as the lines of text the index reads, each with the field it belongs to and
//! where it is.
//!
//! A parsed description carries every line twice: in the section tree (with line numbers,
//! every line) and in the typed fields read from it. The tree is indexed, so that nothing a
//! page holds is missed and every hit has a source line; the typed fields' lines
//! (`Document::field_lines`) tell which field a tree line belongs to. A document without a
//! tree (a list row of a programme export, or one built by hand) is indexed from its typed
//! fields instead.
//!
//! Indexing and locating hits walk a document with the same [`crate::walk::visit`], so the word
//! positions the index stores are found again from the document alone.

use std::collections::BTreeMap;

use hankekuvaus::Document;

/// The field a piece of text belongs to: for field weights and `field:` queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Field {
    /// Hankekoodi.
    Code,
    /// Hankkeen nimi.
    Name,
    /// The applicant's or a co-implementer's name.
    Organisation,
    /// A Y-tunnus (business ID) of the applicant or a co-implementer.
    BusinessId,
    /// Organisaatiotyyppi.
    OrganisationType,
    /// Maakunnat (regions).
    Region,
    /// Seutukunnat (sub-regions).
    SubRegion,
    /// Kunnat (municipalities).
    Municipality,
    /// Vastuuviranomainen (responsible authority).
    Authority,
    /// Toimintalinja and erityistavoite (priority axis, specific objective).
    PriorityAxis,
    /// Section 3, the planned summary.
    Summary,
    /// Section 4, target groups.
    TargetGroups,
    /// Section 7, indicator names.
    Indicators,
    /// Section 8.1, gender equality explanations.
    Gender,
    /// Section 8.2, sustainability items and explanations.
    Sustainability,
    /// Section 9, the final report summary.
    FinalReport,
    /// Everything else: contact details, addresses, unknown sections and fields.
    Other,
}

impl Field {
    /// Every field, in declaration order.
    pub const ALL: [Field; 17] = [
        Field::Code,
        Field::Name,
        Field::Organisation,
        Field::BusinessId,
        Field::OrganisationType,
        Field::Region,
        Field::SubRegion,
        Field::Municipality,
        Field::Authority,
        Field::PriorityAxis,
        Field::Summary,
        Field::TargetGroups,
        Field::Indicators,
        Field::Gender,
        Field::Sustainability,
        Field::FinalReport,
        Field::Other,
    ];

    /// This field's bit in a [`FieldSet`].
    pub(crate) fn bit(self) -> u32 {
        1 << self as u8
    }

    /// How much one occurrence counts in ranking, in halves: a word of the name or code says
    /// more about a project than the same word deep in its prose.
    pub(crate) fn weight_x2(self) -> u32 {
        match self {
            Field::Code | Field::Name => 10,
            Field::Organisation | Field::BusinessId => 6,
            Field::Region | Field::SubRegion | Field::Municipality => 4,
            Field::Summary | Field::TargetGroups | Field::FinalReport => 3,
            _ => 2,
        }
    }
}

/// A set of [`Field`]s as bits.
pub(crate) type FieldSet = u32;

/// Every field.
pub(crate) const ANY_FIELD: FieldSet = u32::MAX;

/// Where a line of indexed text is in the document.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Place {
    /// A typed member: `"project.name"`, or an item of a list member with its index.
    Typed(&'static str, Option<usize>),
    /// A typed member of a list item: `indicators.2.name`.
    Item(&'static str, usize, &'static str),
    /// The title of a section of the tree.
    Title(SectionPath),
    /// A field value (`Some(i)`) or paragraph (`None`, with `paragraph`) of a section of
    /// the tree.
    Tree {
        sections: SectionPath,
        field: Option<usize>,
        paragraph: usize,
    },
}

/// A section of the tree by its indices from the top (`[2, 0]`: the first subsection of
/// the third section). The format nests two levels; four are kept, deeper ones are cut.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SectionPath {
    indices: [u32; 4],
    len: u8,
}

impl SectionPath {
    pub(crate) fn push(&mut self, i: usize) {
        if let Some(slot) = self.indices.get_mut(self.len as usize) {
            *slot = i as u32;
        }
        self.len += 1;
    }

    pub(crate) fn pop(&mut self) {
        self.len -= 1;
    }

    fn write(&self, path: &mut String) {
        path.push_str("sections");
        let len = (self.len as usize).min(self.indices.len());
        for (depth, i) in self.indices[..len].iter().enumerate() {
            if depth > 0 {
                path.push_str(".subsections");
            }
            path.push_str(&format!(".{i}"));
        }
    }
}

impl Place {
    /// The JSON path of the text in the document, as `Document::field_lines` writes paths:
    /// `"summary"`, `"area.municipalities.1"`, `"sections.2.subsections.0.paragraphs.1"`.
    pub(crate) fn path(&self) -> String {
        match *self {
            Place::Typed(name, None) => name.to_owned(),
            Place::Typed(name, Some(i)) => format!("{name}.{i}"),
            Place::Item(list, i, member) => format!("{list}.{i}.{member}"),
            Place::Title(sections) => {
                let mut path = String::new();
                sections.write(&mut path);
                path.push_str(".title");
                path
            }
            Place::Tree {
                sections,
                field,
                paragraph,
            } => {
                let mut path = String::new();
                sections.write(&mut path);
                match field {
                    Some(f) => path.push_str(&format!(".fields.{f}.value")),
                    None => path.push_str(&format!(".paragraphs.{paragraph}.text")),
                }
                path
            }
        }
    }
}

/// One line of indexed text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit<'a> {
    pub field: Field,
    pub place: Place,
    /// Line within the text at `place` (0 for one-line values).
    pub line_in_text: u32,
    /// 1-based source line, when known.
    pub source_line: Option<u32>,
    pub text: &'a str,
}

/// Which field each source line belongs to, from `Document::field_lines`: per line the
/// length of the deepest path on it and that path's field. A row of a list export holds
/// all its fields on one line, so there the field comes from the column's label instead.
pub(crate) struct LineFields(BTreeMap<u32, (usize, Field)>, bool);

impl LineFields {
    pub(crate) fn new(doc: &Document) -> LineFields {
        let mut map: BTreeMap<u32, (usize, Field)> = BTreeMap::new();
        for (path, line) in &doc.field_lines {
            // The deepest path wins on a shared line (`applicant.co_implementers.0` over
            // `applicant.co_implementers`).
            let field = field_of_path(path);
            map.entry(line)
                .and_modify(|(len, f)| {
                    if path.len() > *len {
                        *len = path.len();
                        *f = field;
                    }
                })
                .or_insert((path.len(), field));
        }
        LineFields(map, doc.source.list.is_some())
    }

    /// The field of a field line: its own typed path, if any (in a list row, its column's).
    pub(crate) fn field_line(&self, line: u32, label: &str) -> Field {
        if self.1 {
            return field_of_column(label);
        }
        self.0.get(&line).map_or(Field::Other, |&(_, f)| f)
    }

    /// The field of a prose line: the typed path on its line or the nearest one above it
    /// within the same section (summary paragraphs after the first, explanation lines
    /// under a sustainability item), if that field is prose.
    pub(crate) fn prose_line(&self, line: u32, section_line: u32) -> Field {
        match self.0.range(section_line..=line).next_back() {
            Some((_, &(_, f))) if is_prose(f) || f == Field::Organisation => f,
            _ => Field::Other,
        }
    }
}

fn is_prose(f: Field) -> bool {
    matches!(
        f,
        Field::Summary
            | Field::TargetGroups
            | Field::Gender
            | Field::Sustainability
            | Field::FinalReport
    )
}

/// The field of a column of the services' list exports (`docs/LISTS.md`): the CSV headers
/// and the XML element names; a column no typed field reads is `Other`.
fn field_of_column(label: &str) -> Field {
    match label.trim() {
        "Koodi" | "Hankekoodi" | "projektikoodi" => Field::Code,
        "Projektin nimi" | "Hankkeen nimi" | "projektinnimi" => Field::Name,
        "Tl" | "Et" | "toimintalinjanumero" => Field::PriorityAxis,
        "Viranomainen" | "Rahoittava viranomainen" | "viranomainen" => Field::Authority,
        "Toteuttajan nimi" | "toteuttajannimi" => Field::Organisation,
        "Toteuttajan Y-tunnus" => Field::BusinessId,
        "Sijainti" => Field::Region,
        "Suunnitelman mukainen tiivistelmä hankkeen toteutuksesta" => Field::Summary,
        _ => Field::Other,
    }
}

/// The field of a `field_lines` path.
fn field_of_path(path: &str) -> Field {
    // Compared in place: a `format!` per test was half of indexing a document's walk.
    let head = |p: &str| {
        path.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    };
    match () {
        _ if head("project.code") => Field::Code,
        _ if head("project.name") => Field::Name,
        _ if head("project.priority_axis") || head("project.specific_objective") => {
            Field::PriorityAxis
        }
        _ if head("project.responsible_authority") => Field::Authority,
        _ if head("applicant.name") || head("applicant.co_implementers") => Field::Organisation,
        _ if head("applicant.business_id") => Field::BusinessId,
        _ if head("applicant.organisation_type") => Field::OrganisationType,
        _ if head("area.regions") => Field::Region,
        _ if head("area.sub_regions") => Field::SubRegion,
        _ if head("area.municipalities") => Field::Municipality,
        _ if head("summary") => Field::Summary,
        _ if head("target_groups") => Field::TargetGroups,
        _ if head("indicators") => Field::Indicators,
        _ if head("gender_equality") => Field::Gender,
        _ if head("sustainability") => Field::Sustainability,
        _ if head("final_report_summary") => Field::FinalReport,
        _ => Field::Other,
    }
}
