//! The comparison's part of the state: the projects chosen to be compared side by side
//! (two to four, by list index, in the order chosen), and the overview's hidden columns.
//! One [`CompareAction`] or [`ColumnsAction`] per control.

use crate::overview::columns::HiddenColumns;
use crate::overview::Column;
use crate::view_model::compare::MAX_COMPARED;

/// The projects chosen for the comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompareState {
    /// List indices of the chosen entries, in the order chosen; at most [`MAX_COMPARED`].
    pub chosen: Vec<usize>,
}

/// Changes to [`CompareState`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareAction {
    /// A row's checkbox: choose the entry, or drop it when chosen. A fifth is not taken.
    Toggle(usize),
    /// Take the entry out of the comparison (its button in the comparison view).
    Remove(usize),
    /// Choose nothing.
    Clear,
}

impl CompareState {
    /// Applies one action.
    pub fn apply(&mut self, action: CompareAction) {
        match action {
            CompareAction::Toggle(i) if self.chosen.contains(&i) => self.chosen.retain(|&c| c != i),
            CompareAction::Toggle(i) if self.chosen.len() < MAX_COMPARED => self.chosen.push(i),
            CompareAction::Toggle(_) => {}
            CompareAction::Remove(i) => self.chosen.retain(|&c| c != i),
            CompareAction::Clear => self.chosen.clear(),
        }
    }

    /// Whether the entry is chosen.
    pub fn is_chosen(&self, entry: usize) -> bool {
        self.chosen.contains(&entry)
    }

    /// Whether no more can be chosen.
    pub fn is_full(&self) -> bool {
        self.chosen.len() >= MAX_COMPARED
    }

    /// Follows the removal of the list entry at `removed`: it leaves the choice, and the
    /// entries after it move up one place.
    pub fn entry_removed(&mut self, removed: usize) {
        self.chosen.retain(|&c| c != removed);
        for c in &mut self.chosen {
            if *c > removed {
                *c -= 1;
            }
        }
    }
}

/// Changes to the overview's hidden columns (the column chooser).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnsAction {
    /// Hide a shown column, or show a hidden one.
    Toggle(Column),
    /// Show every column.
    ShowAll,
}

/// Applies a [`ColumnsAction`] to the hidden columns.
pub fn apply_columns(hidden: &mut HiddenColumns, action: ColumnsAction) {
    match action {
        ColumnsAction::Toggle(column) => hidden.toggle(column),
        ColumnsAction::ShowAll => *hidden = HiddenColumns::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_four_in_the_order_chosen() {
        let mut s = CompareState::default();
        for i in [3, 1, 7, 0, 9] {
            s.apply(CompareAction::Toggle(i));
        }
        assert_eq!(s.chosen, [3, 1, 7, 0], "a fifth is not taken");
        assert!(s.is_full());
        s.apply(CompareAction::Toggle(1));
        assert_eq!(s.chosen, [3, 7, 0]);
        s.apply(CompareAction::Toggle(9));
        assert_eq!(s.chosen, [3, 7, 0, 9]);
        s.apply(CompareAction::Remove(7));
        assert!(!s.is_chosen(7));
        s.apply(CompareAction::Clear);
        assert!(s.chosen.is_empty());
    }

    #[test]
    fn removing_an_entry_moves_the_later_ones_up() {
        let mut s = CompareState {
            chosen: vec![4, 1, 2],
        };
        s.entry_removed(2);
        assert_eq!(s.chosen, [3, 1]);
    }

    #[test]
    fn the_column_chooser() {
        let mut hidden = HiddenColumns::default();
        apply_columns(&mut hidden, ColumnsAction::Toggle(Column::Regions));
        assert!(hidden.is_hidden(Column::Regions));
        apply_columns(&mut hidden, ColumnsAction::ShowAll);
        assert!(!hidden.any());
    }
}
