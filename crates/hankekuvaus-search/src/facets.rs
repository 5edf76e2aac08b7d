//! Facet counts and filters over the documents of a result set: pure functions of the
//! documents, so the app and the CLI count and filter alike.

use std::collections::{BTreeMap, BTreeSet, HashMap};

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
        let mut out = Vec::new();
        self.each_value(doc, &mut String::new(), |v| out.push(v.to_owned()));
        out
    }

    /// Calls `f` with each of the facet's values in `doc`, as [`Facet::values`] gives them,
    /// without making them: counting the facets of 40,000 rows must not allocate a string
    /// per value. `buf` holds the values that have to be written (years, numbered axes).
    fn each_value(self, doc: &Document, buf: &mut String, mut f: impl FnMut(&str)) {
        use std::fmt::Write;
        let mut written = |buf: &mut String, args: std::fmt::Arguments| {
            buf.clear();
            let _ = buf.write_fmt(args);
            f(buf);
        };
        match self {
            Facet::Region => doc.area.regions.iter().for_each(|v| f(v)),
            Facet::SubRegion => doc.area.sub_regions.iter().for_each(|v| f(v)),
            Facet::Municipality => doc.area.municipalities.iter().for_each(|v| f(v)),
            Facet::OrganisationType => doc.applicant.organisation_type.iter().for_each(|v| f(v)),
            Facet::Authority => doc.project.responsible_authority.iter().for_each(|v| f(v)),
            Facet::Fund => doc.kind.fund.iter().for_each(|v| f(v.as_str())),
            Facet::Period => doc.kind.period.iter().for_each(|v| f(v.as_str())),
            Facet::Status => match (doc.project.status, &doc.project.status_text) {
                (Some(s), _) => f(s.as_str()),
                (None, Some(text)) => f(text),
                (None, None) => {}
            },
            Facet::StartYear => {
                if let Some(y) = doc.start_year() {
                    written(buf, format_args!("{y}"));
                }
            }
            Facet::PriorityAxis => {
                if let Some(a) = &doc.project.priority_axis {
                    match &a.number {
                        Some(n) => written(buf, format_args!("{n}. {}", a.name)),
                        None => f(&a.name),
                    }
                }
            }
        }
    }
}

/// Counts per value of one facet, most documents first, then by value.
pub type Counts = Vec<(String, usize)>;

/// The counts of every facet over `docs` (the documents of a result set). A document
/// counts once per value it has, whatever it holds twice.
pub fn facets<'a>(docs: impl IntoIterator<Item = &'a Document>) -> BTreeMap<Facet, Counts> {
    // Per facet, each value's count and the last document that counted it (which keeps a
    // value a document holds twice from counting twice). Values are looked up by `&str`
    // and copied only when first met: a result set can be every row of a programme.
    let mut tallies: Vec<HashMap<String, (usize, usize)>> = vec![HashMap::new(); Facet::ALL.len()];
    let mut buf = String::new();
    for (at, doc) in docs.into_iter().enumerate() {
        for (facet, tally) in Facet::ALL.iter().zip(&mut tallies) {
            facet.each_value(doc, &mut buf, |v| match tally.get_mut(v) {
                Some((n, last)) if *last != at => {
                    *n += 1;
                    *last = at;
                }
                Some(_) => {}
                None => {
                    tally.insert(v.to_owned(), (1, at));
                }
            });
        }
    }
    let mut out = BTreeMap::new();
    for (facet, tally) in Facet::ALL.into_iter().zip(tallies) {
        if !tally.is_empty() {
            let mut counts: Counts = tally.into_iter().map(|(v, (n, _))| (v, n)).collect();
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
            let mut any = chosen.is_empty();
            facet.each_value(doc, &mut String::new(), |v| any |= chosen.contains(v));
            any
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
        .map(|n| (n.to_string(), a.business_id.as_deref().map(str::to_owned)))
        .chain(a.co_implementers.iter().map(|c| {
            let id = c.business_id.as_deref().map(str::to_owned);
            (c.name.to_string(), id)
        }))
        .collect()
}
