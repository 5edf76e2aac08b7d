//! The search filter as the overview's state holds it: the facet values chosen, the funding
//! range as typed and an organisation, turned into the search crate's
//! [`hankekuvaus_search::Filter`] when rows are filtered.

use std::collections::{BTreeMap, BTreeSet};

use hankekuvaus::Amount;
use hankekuvaus_search::{Facet, Filter};

/// What the overview's rows are narrowed to beyond its own filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchFilter {
    /// Chosen values per facet: a row passes with one of the chosen values of every facet.
    pub facets: BTreeMap<Facet, BTreeSet<String>>,
    /// The least granted EU and state funding, as typed.
    pub min_granted: String,
    /// The most granted EU and state funding, as typed.
    pub max_granted: String,
    /// An organisation's name (or part of it) or Y-tunnus, as typed.
    pub organisation: String,
}

impl SearchFilter {
    /// Chooses `value` of `facet`, or drops it when chosen.
    pub fn toggle(&mut self, facet: Facet, value: String) {
        let chosen = self.facets.entry(facet).or_default();
        if !chosen.remove(&value) {
            chosen.insert(value);
        }
        if chosen.is_empty() {
            self.facets.remove(&facet);
        }
    }

    /// Whether `value` of `facet` is chosen.
    pub fn is_chosen(&self, facet: Facet, value: &str) -> bool {
        self.facets.get(&facet).is_some_and(|c| c.contains(value))
    }

    /// Whether anything is filtered (a range that is not an amount filters nothing).
    pub fn is_active(&self) -> bool {
        self.filter() != Filter::default()
    }

    /// The crate's filter: amounts read, an empty organisation left out.
    pub fn filter(&self) -> Filter {
        let organisation = self.organisation.trim();
        Filter {
            facets: self.facets.clone(),
            min_granted: parse_euros(&self.min_granted),
            max_granted: parse_euros(&self.max_granted),
            organisation: (!organisation.is_empty()).then(|| organisation.to_owned()),
        }
    }
}

/// Euros as people type them: "250000", "250 000", "1 500,50", "1500.5", "300 000 €".
/// `None` for anything else, or for nothing.
pub fn parse_euros(text: &str) -> Option<Amount> {
    let plain: String = text
        .trim()
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if plain.starts_with('-') {
        return None;
    }
    Amount::parse_decimal(&plain)
}

/// Whether a range field holds something that is not an amount (for `aria-invalid`).
pub fn is_invalid_amount(text: &str) -> bool {
    !text.trim().is_empty() && parse_euros(text).is_none()
}

/// The stable key of a facet: `data-facet`, ids.
pub fn facet_key(facet: Facet) -> &'static str {
    match facet {
        Facet::Region => "region",
        Facet::SubRegion => "sub_region",
        Facet::Municipality => "municipality",
        Facet::OrganisationType => "organisation_type",
        Facet::Authority => "authority",
        Facet::Fund => "fund",
        Facet::Period => "period",
        Facet::Status => "status",
        Facet::StartYear => "start_year",
        Facet::PriorityAxis => "priority_axis",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_typed() {
        let euros = |t: &str| parse_euros(t).map(Amount::cents);
        assert_eq!(euros("250000"), Some(25_000_000));
        assert_eq!(euros(" 250 000 "), Some(25_000_000));
        assert_eq!(euros("250\u{a0}000 €"), Some(25_000_000));
        assert_eq!(euros("1 500,50"), Some(150_050));
        assert_eq!(euros("1500.5"), Some(150_050));
        assert_eq!(euros(""), None);
        assert_eq!(euros("-5"), None);
        assert_eq!(euros("250k"), None);
        assert_eq!(euros("1,5,0"), None);
        assert!(is_invalid_amount("paljon"));
        assert!(!is_invalid_amount(" "));
        assert!(!is_invalid_amount("48 724"));
    }

    #[test]
    fn toggling_a_facet_value_twice_drops_it() {
        let mut f = SearchFilter::default();
        assert!(!f.is_active());
        f.toggle(Facet::Region, "Lappi".into());
        f.toggle(Facet::Region, "Kainuu".into());
        assert!(f.is_chosen(Facet::Region, "Lappi") && f.is_active());
        f.toggle(Facet::Region, "Lappi".into());
        f.toggle(Facet::Region, "Kainuu".into());
        assert!(f.facets.is_empty(), "no empty sets are left");
        assert!(!f.is_active());
        f.min_granted = "ei summa".into();
        f.organisation = "  ".into();
        assert!(!f.is_active(), "an unreadable amount filters nothing");
        f.max_granted = "50 000".into();
        f.organisation = " 0600598-8 ".into();
        let crate_filter = f.filter();
        assert_eq!(crate_filter.max_granted, Some(Amount::euros(50_000)));
        assert_eq!(crate_filter.min_granted, None);
        assert_eq!(crate_filter.organisation.as_deref(), Some("0600598-8"));
        assert_eq!(facet_key(Facet::PriorityAxis), "priority_axis");
    }
}
