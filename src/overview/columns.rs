//! Which columns the overview table shows, and in what order, so that a 1366 px laptop sees
//! what matters: the key columns (code, name) first and sticky, the amounts and the realised
//! share next, the other columns after them; any column but the keys can be hidden with the
//! column chooser, and the choice is remembered per browser (`browser::remember_hidden_columns`).

use super::Column;

/// The columns that stay in view when the table scrolls sideways, and cannot be hidden.
pub const KEY_COLUMNS: [Column; 2] = [Column::Code, Column::Name];

/// Every column in display order: the key columns, then the numeric ones (the amounts and
/// the realised share), then the rest, each part in [`Column::ALL`] order. Derived from
/// `Column::ALL`, so a column added there takes its place here without more ado.
pub fn display_order() -> Vec<Column> {
    let rest = Column::ALL.iter().filter(|c| !KEY_COLUMNS.contains(c));
    KEY_COLUMNS
        .iter()
        .chain(rest.clone().filter(|c| c.numeric()))
        .chain(rest.filter(|c| !c.numeric()))
        .copied()
        .collect()
}

/// The columns the user has hidden, in display order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HiddenColumns(Vec<Column>);

impl HiddenColumns {
    /// Whether `column` is hidden.
    pub fn is_hidden(&self, column: Column) -> bool {
        self.0.contains(&column)
    }

    /// Whether any column is hidden.
    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }

    /// Hides a shown column or shows a hidden one; the key columns always show.
    pub fn toggle(&mut self, column: Column) {
        if KEY_COLUMNS.contains(&column) {
            return;
        }
        if self.is_hidden(column) {
            self.0.retain(|&c| c != column);
        } else {
            self.0.push(column);
            let order = display_order();
            self.0
                .sort_by_key(|c| order.iter().position(|o| o == c).unwrap_or(usize::MAX));
        }
    }

    /// The columns shown, in display order.
    pub fn visible(&self) -> Vec<Column> {
        display_order()
            .into_iter()
            .filter(|&c| !self.is_hidden(c))
            .collect()
    }

    /// As localStorage keeps it: the hidden columns' keys, comma-separated.
    pub fn to_storage(&self) -> String {
        self.0.iter().map(|c| c.key()).collect::<Vec<_>>().join(",")
    }

    /// From localStorage; unknown keys (a later or earlier version's) and the key columns are
    /// ignored.
    pub fn from_storage(stored: &str) -> HiddenColumns {
        let mut hidden = HiddenColumns::default();
        for key in stored.split(',').map(str::trim) {
            if let Some(&c) = Column::ALL.iter().find(|c| c.key() == key) {
                if !hidden.is_hidden(c) {
                    hidden.toggle(c);
                }
            }
        }
        hidden
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn keys_then_amounts_then_the_rest() {
        let order = display_order();
        assert_eq!(order.len(), Column::ALL.len());
        let keys: Vec<&str> = order.iter().map(|c| c.key()).collect();
        assert_eq!(
            keys[..7],
            [
                "code",
                "name",
                "granted_eu_state",
                "realized_eu_state",
                "planned_public_total",
                "realized_public_total",
                "realized_vs_granted_pct"
            ]
        );
        assert_eq!(keys[7], "fund");
        assert_eq!(keys.last(), Some(&"regions"));
    }

    #[test]
    fn hiding_showing_and_the_stored_form() {
        let mut hidden = HiddenColumns::default();
        hidden.toggle(Column::Regions);
        hidden.toggle(Column::Fund);
        hidden.toggle(Column::Code);
        assert!(
            !hidden.is_hidden(Column::Code),
            "the key columns always show"
        );
        assert_eq!(hidden.to_storage(), "fund,regions", "in display order");
        let visible = hidden.visible();
        assert_eq!(visible.len(), Column::ALL.len() - 2);
        assert!(!visible.contains(&Column::Fund));
        let back = HiddenColumns::from_storage(&hidden.to_storage());
        assert_eq!(back, hidden);
        hidden.toggle(Column::Fund);
        assert_eq!(hidden.to_storage(), "regions");
        assert_eq!(
            HiddenColumns::from_storage("name, status,nonsense,status,"),
            HiddenColumns(vec![Column::Status])
        );
        assert!(!HiddenColumns::from_storage("").any());
    }

    #[test]
    fn labels_follow_the_column_not_its_place() {
        use crate::overview::cells::column_label;
        assert_eq!(column_label(Lang::En, Column::Granted), "Granted EU+state");
        assert_eq!(column_label(Lang::Fi, Column::Code), "Koodi");
        assert_eq!(column_label(Lang::Sv, Column::Period), "Period");
        assert_eq!(column_label(Lang::Fi, Column::Period), "Kausi");
    }
}
