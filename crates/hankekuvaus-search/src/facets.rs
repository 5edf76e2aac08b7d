//! Facet counts and filters over the documents of a result set: pure functions of the
//! documents, so the app and the CLI count and filter alike.

use std::collections::{BTreeMap, BTreeSet};

use hankekuvaus::Document;

/// A funding amount as the documents hold it: the core's exact cents.
pub use hankekuvaus::Amount;

/// The amount the funding filter tests: granted EU and state funding.
fn granted(doc: &Document) -> Option<Amount> {
    doc.funding.granted_eu_state
}

/// The facets the result list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    /// Maakunta.
    Region,
    /// Seutukunta.
    SubRegion,
    /// Kunta.
    Municipality,
    /// Organisaatiotyyppi.
    OrganisationType,
    /// Vastuuviranomainen.
    Authority,
    /// Rahasto: "ESR", "EAKR".
    Fund,
    /// Ohjelmakausi: "2014-2020", "2007-2013".
    Period,
    /// Toiminnan tila: "active", "ended", or the text as written for other states.
    Status,
    /// Start year: "2019".
    StartYear,
    /// Toimintalinja as written: "3. Työllisyys ja työvoiman liikkuvuus".
    PriorityAxis,
}

impl Facet {
    /// Every facet, in the order a result list shows them.
    pub const ALL: [Facet; 10] = [
        Facet::Region,
        Facet::SubRegion,
        Facet::Municipality,
        Facet::OrganisationType,
        Facet::Authority,
        Facet::Fund,
        Facet::Period,
        Facet::Status,
        Facet::StartYear,
        Facet::PriorityAxis,
    ];

    /// The facet's values in `doc` (several for the area lists; none when absent).
    pub fn values(self, doc: &Document) -> Vec<String> {
        let one = |v: Option<String>| v.into_iter().collect();
        match self {
            Facet::Region => doc.area.regions.clone(),
            Facet::SubRegion => doc.area.sub_regions.clone(),
            Facet::Municipality => doc.area.municipalities.clone(),
            Facet::OrganisationType => one(doc.applicant.organisation_type.clone()),
            Facet::Authority => one(doc.project.responsible_authority.clone()),
            Facet::Fund => one(doc.kind.fund.map(|f| f.as_str().to_owned())),
            Facet::Period => one(doc.kind.period.map(|p| p.as_str().to_owned())),
            Facet::Status => one(doc
                .project
                .status
                .map(|s| s.as_str().to_owned())
                .or_else(|| doc.project.status_text.clone())),
            Facet::StartYear => one(doc.start_year().map(|y| y.to_string())),
            Facet::PriorityAxis => {
                one(doc.project.priority_axis.as_ref().map(|a| match &a.number {
                    Some(n) => format!("{n}. {}", a.name),
                    None => a.name.clone(),
                }))
            }
        }
    }
}

/// Counts per value of one facet, most documents first, then by value.
pub type Counts = Vec<(String, usize)>;

/// The counts of every facet over `docs` (the documents of a result set). A document
/// counts once per value it has, whatever it holds twice.
pub fn facets<'a>(docs: impl IntoIterator<Item = &'a Document>) -> BTreeMap<Facet, Counts> {
    // Tallies in vectors rather than maps: a facet has few values, and it keeps the
    // wasm build free of more sorting and tree code.
    let mut tallies: Vec<Counts> = vec![Vec::new(); Facet::ALL.len()];
    let mut seen: Vec<String> = Vec::new();
    for doc in docs {
        for (facet, tally) in Facet::ALL.iter().zip(&mut tallies) {
            seen.clear();
            for v in facet.values(doc) {
                if seen.contains(&v) {
                    continue;
                }
                match tally.iter_mut().find(|(value, _)| *value == v) {
                    Some((_, n)) => *n += 1,
                    None => tally.push((v.clone(), 1)),
                }
                seen.push(v);
            }
        }
    }
    let mut out = BTreeMap::new();
    for (facet, mut counts) in Facet::ALL.into_iter().zip(tallies) {
        if !counts.is_empty() {
            counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            out.insert(facet, counts);
        }
    }
    out
}

/// What the result list is narrowed to, on top of the query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Chosen facet values: a document passes when, for every facet named here, it has
    /// one of the chosen values.
    pub facets: BTreeMap<Facet, BTreeSet<String>>,
    /// Granted EU and state funding at least this (inclusive).
    pub min_granted: Option<Amount>,
    /// Granted EU and state funding at most this (inclusive).
    pub max_granted: Option<Amount>,
    /// An organisation by Y-tunnus or by (part of) its name, matched against the applicant
    /// and every co-implementer.
    pub organisation: Option<String>,
}

impl Filter {
    /// Whether `doc` passes. A document without granted funding fails a funding range.
    pub fn matches(&self, doc: &Document) -> bool {
        let facets_ok = self.facets.iter().all(|(facet, chosen)| {
            chosen.is_empty() || facet.values(doc).iter().any(|v| chosen.contains(v))
        });
        let funding_ok = match (self.min_granted, self.max_granted) {
            (None, None) => true,
            (min, max) => granted(doc)
                .is_some_and(|g| min.is_none_or(|m| g >= m) && max.is_none_or(|m| g <= m)),
        };
        facets_ok
            && funding_ok
            && self
                .organisation
                .as_deref()
                .is_none_or(|o| organisation_matches(o, doc))
    }
}

/// Whether the applicant or a co-implementer of `doc` is `wanted`: the same Y-tunnus
/// (digits compared, so "0600598-8" and "06005988" agree) or a name containing it,
/// case-insensitively.
pub fn organisation_matches(wanted: &str, doc: &Document) -> bool {
    let wanted = wanted.trim();
    if wanted.is_empty() {
        return true;
    }
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    let is_id = wanted
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c.is_whitespace());
    let wanted_folded = fold_all(wanted);
    let a = &doc.applicant;
    let parties = std::iter::once((a.name.as_deref(), a.business_id.as_deref())).chain(
        a.co_implementers
            .iter()
            .map(|c| (Some(c.name.as_str()), c.business_id.as_deref())),
    );
    parties.into_iter().any(|(name, id)| {
        if is_id {
            id.is_some_and(|id| digits(id) == digits(wanted))
        } else {
            name.is_some_and(|n| fold_all(n).contains(&wanted_folded))
        }
    })
}

/// Lower case of a whole text, spaces folded to one.
fn fold_all(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.chars().flat_map(char::to_lowercase).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The organisations taking part in `doc`: the applicant and the co-implementers, as
/// `(name, Y-tunnus)`, for an organisation picker.
pub fn organisations(doc: &Document) -> Vec<(String, Option<String>)> {
    let a = &doc.applicant;
    a.name
        .iter()
        .map(|n| (n.clone(), a.business_id.clone()))
        .chain(
            a.co_implementers
                .iter()
                .map(|c| (c.name.clone(), c.business_id.clone())),
        )
        .collect()
}
