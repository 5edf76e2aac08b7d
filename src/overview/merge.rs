//! A project known from a list export and from its own description is one project: the
//! description's fields first, the list filling what the description lacks, and every
//! disagreement kept with both values and where each came from (a list snapshot can be
//! older than the page, or the other way round).
//!
//! Pure: [`merge`] takes the two documents and returns the document the overview shows and
//! the disagreements; [`super::rows`] calls it when the second of a pair arrives.

use std::cell::OnceCell;

use hankekuvaus::paths::FieldPath;
use hankekuvaus::{Amount, Document};

use super::rows::status_key;

/// The fields the overview compares between a description and a list row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MergeField {
    /// Hankkeen nimi.
    Name,
    /// Toiminnan tila (compared by status key).
    Status,
    /// Planned start.
    StartDate,
    /// Planned end.
    EndDate,
    /// Granted EU and state funding.
    Granted,
    /// Realised EU and state funding.
    RealizedEuState,
    /// Planned public funding.
    PlannedPublic,
    /// Realised public funding.
    RealizedPublic,
}

impl MergeField {
    /// The field's path: where a description records its line.
    pub fn path(self) -> FieldPath {
        match self {
            MergeField::Name => FieldPath::ProjectName,
            MergeField::Status => FieldPath::ProjectStatus,
            MergeField::StartDate => FieldPath::ProjectStartDate,
            MergeField::EndDate => FieldPath::ProjectEndDate,
            MergeField::Granted => FieldPath::FundingGrantedEuState,
            MergeField::RealizedEuState => FieldPath::FundingRealizedEuState,
            MergeField::PlannedPublic => FieldPath::FundingPlannedPublicTotal,
            MergeField::RealizedPublic => FieldPath::FundingRealizedPublicTotal,
        }
    }
}

/// One value of a disagreement, typed so that it is shown in the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeValue {
    /// A name.
    Text(String),
    /// A status key (see [`status_key`]).
    Status(String),
    /// An ISO date.
    Date(String),
    /// An amount.
    Amount(Amount),
}

/// Where a value came from: the file and its line (a description's field line, a list's
/// row; `None` when the file does not say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The file name.
    pub file: String,
    /// The line or row.
    pub line: Option<u32>,
}

/// A field on which the description and the list row disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The field.
    pub field: MergeField,
    /// The description's value, the one shown.
    pub description: MergeValue,
    /// Where it came from.
    pub description_at: Provenance,
    /// The list's value.
    pub list: MergeValue,
    /// Where it came from.
    pub list_at: Provenance,
}

/// A description and a list row of the same project, as one.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The merged document's header: its source, kind, project, applicant, summary,
    /// funding and area, without the description's long parts (sections, field lines,
    /// prose, indicators, diagnostics). What the overview's rows, filters and sums read:
    /// made for every pair as it arrives, so it must be cheap (cloning a whole description
    /// made a batch of merges ten times as long as one of new rows).
    pub header: Document,
    /// The fields on which they disagree, in [`MergeField`] order.
    pub conflicts: Vec<Conflict>,
    /// The whole merged document, made when first asked for (a row shown, an export).
    full: OnceCell<Document>,
}

impl Merged {
    /// The whole merged document: `description` (the one given to [`merge`]) with the
    /// merged header.
    pub fn doc(&self, description: &Document) -> &Document {
        self.full.get_or_init(|| {
            let h = &self.header;
            let mut doc = description.clone();
            doc.kind = h.kind.clone();
            doc.project = h.project.clone();
            doc.applicant = h.applicant.clone();
            doc.summary = h.summary.clone();
            doc.funding = h.funding;
            doc.area = h.area.clone();
            doc
        })
    }

    /// The disagreement on `field`, if any.
    pub fn conflict(&self, field: MergeField) -> Option<&Conflict> {
        self.conflicts.iter().find(|c| c.field == field)
    }
}

/// Whether a document is a row of a list export rather than a description.
pub fn is_list_row(doc: &Document) -> bool {
    doc.source.list.is_some()
}

/// Fills `into` from `from` where `into` has nothing.
fn fill<T: Clone>(into: &mut Option<T>, from: &Option<T>) {
    if into.is_none() {
        into.clone_from(from);
    }
}

/// The description and the list row of one project as one document: the description's
/// fields first, the list filling what it lacks; and where both have a value of the
/// compared fields and they differ, a [`Conflict`].
pub fn merge(description: &Document, list: &Document) -> Merged {
    let conflicts = conflicts(description, list);
    let mut doc = Document::new(description.source.clone(), description.kind.clone());
    doc.project = description.project.clone();
    doc.applicant = description.applicant.clone();
    doc.summary = description.summary.clone();
    doc.funding = description.funding;
    doc.area = description.area.clone();
    let (p, lp) = (&mut doc.project, &list.project);
    fill(&mut p.code, &lp.code);
    fill(&mut p.name, &lp.name);
    fill(&mut p.priority_axis, &lp.priority_axis);
    fill(&mut p.specific_objective, &lp.specific_objective);
    fill(&mut p.start_date, &lp.start_date);
    fill(&mut p.end_date, &lp.end_date);
    if p.status.is_none() && p.status_text.is_none() {
        p.status = lp.status;
        p.status_text.clone_from(&lp.status_text);
    }
    fill(&mut p.responsible_authority, &lp.responsible_authority);
    fill(&mut p.programme, &lp.programme);
    fill(&mut p.group_code, &lp.group_code);
    fill(&mut p.card_url, &lp.card_url);
    fill(&mut p.home_page, &lp.home_page);
    let (a, la) = (&mut doc.applicant, &list.applicant);
    fill(&mut a.name, &la.name);
    fill(&mut a.business_id, &la.business_id);
    fill(&mut a.business_id_valid, &la.business_id_valid);
    fill(&mut a.postal_code, &la.postal_code);
    fill(&mut a.city, &la.city);
    fill(&mut doc.summary, &list.summary);
    let (f, lf) = (&mut doc.funding, &list.funding);
    fill(&mut f.granted_eu_state, &lf.granted_eu_state);
    fill(&mut f.realized_eu_state, &lf.realized_eu_state);
    fill(&mut f.planned_public_total, &lf.planned_public_total);
    fill(&mut f.realized_public_total, &lf.realized_public_total);
    fill(&mut f.planned_total, &lf.planned_total);
    fill(&mut f.realized_total, &lf.realized_total);
    fill(&mut f.realized_eu, &lf.realized_eu);
    if doc.area.regions.is_empty() {
        doc.area.regions.clone_from(&list.area.regions);
    }
    fill(&mut doc.kind.fund, &list.kind.fund);
    fill(&mut doc.kind.period, &list.kind.period);
    Merged {
        header: doc,
        conflicts,
        full: OnceCell::new(),
    }
}

/// The compared fields on which both documents have a value and the values differ.
fn conflicts(description: &Document, list: &Document) -> Vec<Conflict> {
    let values = |doc: &Document| -> [Option<MergeValue>; 8] {
        let (p, f) = (&doc.project, &doc.funding);
        let status = Some(status_key(doc)).filter(|s| !s.is_empty());
        [
            p.name.as_deref().map(str::to_owned).map(MergeValue::Text),
            status.map(MergeValue::Status),
            p.start_date.clone().map(MergeValue::Date),
            p.end_date.clone().map(MergeValue::Date),
            f.granted_eu_state.map(MergeValue::Amount),
            f.realized_eu_state.map(MergeValue::Amount),
            f.planned_public_total.map(MergeValue::Amount),
            f.realized_public_total.map(MergeValue::Amount),
        ]
    };
    const FIELDS: [MergeField; 8] = [
        MergeField::Name,
        MergeField::Status,
        MergeField::StartDate,
        MergeField::EndDate,
        MergeField::Granted,
        MergeField::RealizedEuState,
        MergeField::PlannedPublic,
        MergeField::RealizedPublic,
    ];
    let list_at = Provenance {
        file: list.source.file_name.clone(),
        line: list.source.row,
    };
    FIELDS
        .into_iter()
        .zip(values(description).into_iter().zip(values(list)))
        .filter_map(|(field, pair)| match pair {
            (Some(d), Some(l)) if !same(&d, &l) => Some(Conflict {
                field,
                description_at: Provenance {
                    file: description.source.file_name.clone(),
                    line: description.field_lines.get(field.path().as_str()).copied(),
                },
                description: d,
                list: l,
                list_at: list_at.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// Whether two values agree: names whatever their case and spacing (a list export folds
/// runs of spaces), everything else exactly.
fn same(a: &MergeValue, b: &MergeValue) -> bool {
    match (a, b) {
        (MergeValue::Text(a), MergeValue::Text(b)) => {
            let fold = |s: &str| {
                s.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            };
            fold(a) == fold(b)
        }
        _ => a == b,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::examples::EXAMPLES;
    use crate::ingest::ingest;

    /// The list fixture whose first row is seed 000's project (S21498), as of an older
    /// snapshot, and whose second row is a project known only from the list.
    pub(crate) const SEED_LIST: &[u8] =
        include_bytes!("../../testdata/lists/eura2014_seed_test.csv");

    fn docs() -> (Document, Document) {
        let description = ingest(EXAMPLES[0].0, EXAMPLES[0].1)[0]
            .loaded()
            .expect("seed 000 parses")
            .doc
            .clone();
        let list = ingest("lista.csv", SEED_LIST)[0]
            .loaded()
            .expect("the list's first row")
            .doc
            .clone();
        (description, list)
    }

    #[test]
    fn the_fixture_is_a_list_of_the_seeds_project() {
        let (description, list) = docs();
        assert!(is_list_row(&list) && !is_list_row(&description));
        assert_eq!(list.project.code, description.project.code);
        assert_eq!(list.source.row, Some(2));
    }

    #[test]
    fn the_description_comes_first_and_disagreements_are_kept() {
        let (description, list) = docs();
        let merged = merge(&description, &list);
        assert!(merged.header.sections.is_empty(), "the header only");
        let d = merged.doc(&description);
        assert_eq!(d.project.name, description.project.name);
        assert_eq!(d.funding.realized_eu_state, Some(Amount::euros(48_724)));
        assert_eq!(d.sections, description.sections, "the description whole");
        let fields: Vec<MergeField> = merged.conflicts.iter().map(|c| c.field).collect();
        assert_eq!(
            fields,
            [
                MergeField::Status,
                MergeField::RealizedEuState,
                MergeField::RealizedPublic
            ],
            "the name differs only in spacing and case; granted and planned agree"
        );
        let c = merged.conflict(MergeField::RealizedEuState).unwrap();
        assert_eq!(c.description, MergeValue::Amount(Amount::euros(48_724)));
        assert_eq!(c.list, MergeValue::Amount(Amount::from_cents(3_000_050)));
        assert_eq!(c.description_at.file, EXAMPLES[0].0);
        assert_eq!(c.description_at.line, Some(77), "the seed's line");
        assert_eq!(
            c.list_at,
            Provenance {
                file: "lista.csv".into(),
                line: Some(2)
            }
        );
        let s = merged.conflict(MergeField::Status).unwrap();
        assert_eq!(
            (&s.description, &s.list),
            (
                &MergeValue::Status("ended".into()),
                &MergeValue::Status("active".into())
            )
        );
    }

    #[test]
    fn the_list_fills_what_the_description_lacks() {
        let (mut description, list) = docs();
        description.funding.realized_eu_state = None;
        description.project.status = None;
        description.project.status_text = None;
        description.project.programme = None;
        let merged = merge(&description, &list);
        let d = merged.doc(&description);
        assert_eq!(
            d.funding.realized_eu_state,
            Some(Amount::from_cents(3_000_050))
        );
        assert_eq!(merged.header.funding, d.funding);
        assert_eq!(d.project.status, list.project.status);
        assert!(merged.conflict(MergeField::Status).is_none());
        assert!(merged.conflict(MergeField::RealizedEuState).is_none());
        assert_eq!(d.source, description.source, "the description's source");
        assert_eq!(d.indicators, description.indicators, "its long parts");
    }
}
