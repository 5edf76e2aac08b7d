//! The overview's part of the state: what its rows are filtered and sorted by. One
//! [`OverviewAction`] per control of the overview.

use crate::overview::{Column, Filter, Sort};
use crate::search::filter::SearchFilter;
use crate::search::Facet;

/// The overview's filter and sort.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OverviewState {
    /// What the rows are filtered by.
    pub filter: Filter,
    /// The sorted column and direction.
    pub sort: Sort,
    /// Facet values, funding range and organisation chosen (`crate::search`).
    pub search: SearchFilter,
    /// Rows found by a query are ranked by relevance (set by a new query, dropped by a
    /// column's sort).
    pub relevance: bool,
}

/// Changes to [`OverviewState`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverviewAction {
    /// Search every text for this query (the query language of `hankekuvaus-search`);
    /// results are ranked by relevance.
    Search(String),
    /// Only projects in this region ("" for all).
    Region(String),
    /// Only projects with this status key ("" for all).
    Status(String),
    /// Only projects of this fund ("" for both).
    Fund(String),
    /// Only projects on this priority axis ("" for all).
    Axis(String),
    /// Only projects starting this year.
    Year(Option<i32>),
    /// Only projects of this programme period ("" for all).
    Period(String),
    /// Drop every filter.
    ClearFilters,
    /// Sort by this column; the sorted column again turns the order round.
    SortBy(Column),
    /// Choose this value of a facet, or drop it when chosen.
    ToggleFacet(Facet, String),
    /// The least granted EU and state funding, as typed ("" for none).
    MinGranted(String),
    /// The most granted EU and state funding, as typed ("" for none).
    MaxGranted(String),
    /// Only projects this organisation took part in: name or Y-tunnus ("" for all).
    Organisation(String),
}

impl OverviewState {
    /// Applies one action.
    pub fn apply(&mut self, action: OverviewAction) {
        let f = &mut self.filter;
        match action {
            OverviewAction::Search(text) => {
                f.text = text;
                self.relevance = true;
            }
            OverviewAction::Region(region) => f.region = region,
            OverviewAction::Status(status) => f.status = status,
            OverviewAction::Fund(fund) => f.fund = fund,
            OverviewAction::Axis(axis) => f.axis = axis,
            OverviewAction::Year(year) => f.year = year,
            OverviewAction::Period(period) => f.period = period,
            OverviewAction::ClearFilters => {
                *f = Filter::default();
                self.search = SearchFilter::default();
            }
            OverviewAction::SortBy(column) => {
                self.sort = self.sort.toggled(column);
                self.relevance = false;
            }
            OverviewAction::ToggleFacet(facet, value) => self.search.toggle(facet, value),
            OverviewAction::MinGranted(text) => self.search.min_granted = text,
            OverviewAction::MaxGranted(text) => self.search.max_granted = text,
            OverviewAction::Organisation(text) => self.search.organisation = text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_control_sets_its_filter_and_clear_drops_them_all() {
        let mut s = OverviewState::default();
        s.apply(OverviewAction::Search("mikkeli".into()));
        s.apply(OverviewAction::Region("Etelä-Savo".into()));
        s.apply(OverviewAction::Year(Some(2019)));
        assert_eq!(s.filter.text, "mikkeli");
        assert_eq!(s.filter.region, "Etelä-Savo");
        assert_eq!(s.filter.year, Some(2019));
        assert!(s.filter.is_active());
        let sort = s.sort;
        s.apply(OverviewAction::ClearFilters);
        assert_eq!(s.filter, Filter::default());
        assert_eq!(s.sort, sort, "the sort stays");
    }

    #[test]
    fn search_controls_set_the_search_filter_and_a_query_ranks_until_a_sort() {
        let mut s = OverviewState::default();
        s.apply(OverviewAction::Search("maahanmuuttaja".into()));
        assert!(s.relevance);
        s.apply(OverviewAction::SortBy(Column::Granted));
        assert!(!s.relevance, "a column's sort replaces the ranking");
        s.apply(OverviewAction::Search("maahanmuuttaja nuori".into()));
        assert!(s.relevance, "a new query ranks again");
        s.apply(OverviewAction::ToggleFacet(Facet::Region, "Lappi".into()));
        s.apply(OverviewAction::MinGranted("10 000".into()));
        s.apply(OverviewAction::MaxGranted("50 000".into()));
        s.apply(OverviewAction::Organisation("0600598-8".into()));
        assert!(s.search.is_chosen(Facet::Region, "Lappi"));
        assert_eq!(
            (s.search.min_granted.as_str(), s.search.max_granted.as_str()),
            ("10 000", "50 000")
        );
        assert_eq!(s.search.organisation, "0600598-8");
        s.apply(OverviewAction::ToggleFacet(Facet::Region, "Lappi".into()));
        assert!(s.search.facets.is_empty());
        s.apply(OverviewAction::ClearFilters);
        assert_eq!(s.search, SearchFilter::default());
        assert_eq!(s.filter, Filter::default());
    }

    #[test]
    fn sorting_the_same_column_twice_turns_the_order_round() {
        let mut s = OverviewState::default();
        s.apply(OverviewAction::SortBy(Column::Name));
        let once = s.sort;
        assert_eq!(once.column, Column::Name);
        s.apply(OverviewAction::SortBy(Column::Name));
        assert_eq!(s.sort.column, Column::Name);
        assert_ne!(s.sort.descending, once.descending);
    }
}
