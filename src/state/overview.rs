//! The overview's part of the state: what its rows are filtered and sorted by. One
//! [`OverviewAction`] per control of the overview.

use crate::overview::{Column, Filter, Sort};

/// The overview's filter and sort.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OverviewState {
    /// What the rows are filtered by.
    pub filter: Filter,
    /// The sorted column and direction.
    pub sort: Sort,
}

/// Changes to [`OverviewState`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverviewAction {
    /// Search for these words (code, name, applicant, regions, file name).
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
}

impl OverviewState {
    /// Applies one action.
    pub fn apply(&mut self, action: OverviewAction) {
        let f = &mut self.filter;
        match action {
            OverviewAction::Search(text) => f.text = text,
            OverviewAction::Region(region) => f.region = region,
            OverviewAction::Status(status) => f.status = status,
            OverviewAction::Fund(fund) => f.fund = fund,
            OverviewAction::Axis(axis) => f.axis = axis,
            OverviewAction::Year(year) => f.year = year,
            OverviewAction::Period(period) => f.period = period,
            OverviewAction::ClearFilters => *f = Filter::default(),
            OverviewAction::SortBy(column) => self.sort = self.sort.toggled(column),
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
