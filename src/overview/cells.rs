//! The cells of the overview table as text, in the page's language: what the table
//! component renders, made and tested here so that the component only lays them out.

use super::merge::{Conflict, MergeField, MergeValue, Provenance};
use super::{status_of_key, Column, Row, Totals, AMOUNT_COLUMNS};
use crate::i18n::Lang;
use crate::view_model::{
    format_amount, format_date, format_opt_amount, format_opt_percent, status_label, sum_text,
    SumText,
};

/// One row's cells, in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowCells {
    /// The project code; "" without one.
    pub code: String,
    /// The project's name, or the file name without one.
    pub name: String,
    /// ESR or EAKR; "" when unknown.
    pub fund: &'static str,
    /// The status label, or the status as written.
    pub status: String,
    /// Start date.
    pub start_date: String,
    /// End date.
    pub end_date: String,
    /// The regions, comma-separated.
    pub regions: String,
    /// The four amounts, in [`AMOUNT_COLUMNS`] order.
    pub amounts: [String; 4],
    /// Realised of granted EU and state funding, in percent.
    pub realized_vs_granted: String,
    /// Whether an earlier document has the same code (the row is marked).
    pub duplicate: bool,
    /// The programme period ("2014-2020"); "" when unknown.
    pub period: &'static str,
    /// The columns on which a description and a list row of the project disagree, each
    /// with both values and where they came from (see [`conflict_text`]).
    pub conflicts: Vec<(Column, String)>,
}

/// The disagreement of `conflicts` (a row's [`RowCells::conflicts`]) shown in `column`.
pub fn conflict_in(conflicts: &[(Column, String)], column: Column) -> Option<String> {
    conflicts
        .iter()
        .find(|(c, _)| *c == column)
        .map(|(_, text)| text.clone())
}

/// The header of a column. The period column's is with the lists' strings; the others are
/// in [`crate::i18n::OverviewTexts::columns`], in [`Column::ALL`] order without it.
pub fn column_label(lang: Lang, column: Column) -> &'static str {
    if column == Column::Period {
        return lang.l().period_column;
    }
    let at = Column::ALL
        .iter()
        .filter(|&&c| c != Column::Period)
        .position(|&c| c == column)
        .unwrap_or(0);
    lang.o().columns[at]
}

/// The column that shows a compared field.
fn column_of(field: MergeField) -> Column {
    match field {
        MergeField::Name => Column::Name,
        MergeField::Status => Column::Status,
        MergeField::StartDate => Column::Start,
        MergeField::EndDate => Column::End,
        MergeField::Granted => Column::Granted,
        MergeField::RealizedEuState => Column::RealizedEuState,
        MergeField::PlannedPublic => Column::PlannedPublic,
        MergeField::RealizedPublic => Column::RealizedPublic,
    }
}

/// A disagreement as text: "kuvaus: 48 724 € (a.txt, rivi 77) ⇄ lista: 30 000,50 €
/// (lista.csv, rivi 2)".
pub fn conflict_text(lang: Lang, c: &Conflict) -> String {
    let l = lang.l();
    let value = |v: &MergeValue| match v {
        MergeValue::Text(t) => t.clone(),
        MergeValue::Status(key) => {
            status_of_key(key).map_or_else(|| key.clone(), |s| status_label(lang, Some(s), None))
        }
        MergeValue::Date(d) => format_date(lang, d),
        MergeValue::Amount(a) => format_amount(lang, *a),
    };
    let at = |p: &Provenance| match p.line {
        Some(line) => format!("{}, {} {line}", p.file, l.line),
        None => p.file.clone(),
    };
    format!(
        "{}: {} ({}) ⇄ {}: {} ({})",
        l.description,
        value(&c.description),
        at(&c.description_at),
        l.list,
        value(&c.list),
        at(&c.list_at)
    )
}

impl RowCells {
    /// The cells of `row`.
    pub fn of(lang: Lang, row: &Row) -> RowCells {
        let doc = row.doc();
        let data = &row.data;
        let date = |d: Option<&str>| d.map(|d| format_date(lang, d)).unwrap_or_default();
        RowCells {
            code: doc.project.code.as_deref().unwrap_or_default().to_owned(),
            name: doc
                .project
                .name
                .as_deref()
                .unwrap_or(&doc.source.file_name)
                .to_owned(),
            fund: doc.kind.fund.map(|f| lang.fund_code(f)).unwrap_or_default(),
            status: status_of_key(&data.status_key).map_or_else(
                || data.status_key.clone(),
                |s| status_label(lang, Some(s), None),
            ),
            start_date: date(doc.project.start_date.as_deref()),
            end_date: date(doc.project.end_date.as_deref()),
            regions: doc.area.regions.join(", "),
            amounts: AMOUNT_COLUMNS.map(|c| format_opt_amount(lang, data.amount(c))),
            realized_vs_granted: format_opt_percent(lang, data.realized_vs_granted),
            duplicate: row.duplicate_of.is_some(),
            period: doc.kind.period.map(|p| p.as_str()).unwrap_or_default(),
            conflicts: data.merged.as_ref().map_or_else(Vec::new, |m| {
                m.conflicts
                    .iter()
                    .map(|c| (column_of(c.field), conflict_text(lang, c)))
                    .collect()
            }),
        }
    }

    /// The text of one column's cell.
    pub fn text(&self, column: Column) -> &str {
        match column {
            Column::Code => &self.code,
            Column::Name => &self.name,
            Column::Fund => self.fund,
            Column::Period => self.period,
            Column::Status => &self.status,
            Column::Start => &self.start_date,
            Column::End => &self.end_date,
            Column::Regions => &self.regions,
            Column::RealizedVsGranted => &self.realized_vs_granted,
            // Named one by one, so that a new column must be given its cell here.
            Column::Granted
            | Column::RealizedEuState
            | Column::PlannedPublic
            | Column::RealizedPublic => AMOUNT_COLUMNS
                .iter()
                .position(|&c| c == column)
                .map_or("", |i| &self.amounts[i]),
        }
    }
}

/// The totals row's cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalsCells {
    /// "Total (12 projects)".
    pub label: String,
    /// The four sums, in [`AMOUNT_COLUMNS`] order: compact from 10 M€, with the exact sum.
    pub sums: [SumText; 4],
    /// Realised of granted over the rows counted, in percent.
    pub realized_vs_granted: String,
}

impl TotalsCells {
    /// The cells of `totals`; `total` is the word for "total" in the page's language.
    pub fn of(lang: Lang, totals: &Totals, total: &str) -> TotalsCells {
        TotalsCells {
            label: format!(
                "{total} ({})",
                lang.o().project_count.count(lang, totals.count)
            ),
            sums: totals.sums.map(|sum| sum_text(lang, sum)),
            realized_vs_granted: format_opt_percent(lang, totals.realized_vs_granted),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::examples;
    use super::*;
    use crate::overview::{build_rows, shown_rows, Filter, Sort, Sums};

    #[test]
    fn a_row_as_text_in_each_language() {
        let rows = build_rows(&[], &examples());
        let fi = RowCells::of(Lang::Fi, &rows[0]);
        assert_eq!(fi.code, "S21498");
        assert_eq!(fi.fund, "ESR");
        assert_eq!(fi.start_date, "1.1.2019");
        assert_eq!(fi.regions, "Etelä-Savo");
        assert_eq!(fi.amounts[0], "48\u{a0}724\u{a0}€");
        assert!(!fi.duplicate);
        let en = RowCells::of(Lang::En, &rows[0]);
        assert_eq!(en.amounts[0], "€48,724");
        assert_ne!(fi.status, en.status);
        let sv = RowCells::of(Lang::Sv, &rows[0]);
        assert_eq!(sv.fund, "ESF", "the official Swedish abbreviation");
        assert_eq!(sv.status, "Avslutad");
        assert_eq!(sv.start_date, "1.1.2019");
        assert_eq!(sv.amounts[0], "48\u{a0}724\u{a0}€");
        assert_eq!(sv.realized_vs_granted, "100,0\u{a0}%");
    }

    #[test]
    fn the_totals_row_as_text() {
        let rows = build_rows(&[], &examples());
        let shown = shown_rows(&rows, &Filter::default(), Sort::default());
        let totals = Sums::of(&rows, &shown).totals();
        let cells = TotalsCells::of(Lang::Fi, &totals, "Yhteensä");
        assert_eq!(cells.label, "Yhteensä (5 hanketta)");
        assert_eq!(cells.sums[0].text, "1\u{a0}686\u{a0}712\u{a0}€");
        assert_eq!(cells.sums[0].exact, None, "under 10 M€: exact");
        let one = Totals { count: 1, ..totals };
        assert_eq!(
            TotalsCells::of(Lang::En, &one, "Total").label,
            "Total (1 project)"
        );
    }

    #[test]
    fn each_column_has_its_cell() {
        let rows = build_rows(&[], &examples());
        let c = RowCells::of(Lang::Fi, &rows[0]);
        assert_eq!(c.text(Column::Code), "S21498");
        assert_eq!(c.text(Column::PlannedPublic), "69\u{a0}606\u{a0}€");
        assert_eq!(c.text(Column::RealizedVsGranted), "100,0\u{a0}%");
        for column in Column::ALL {
            assert!(!c.text(column).is_empty(), "{column:?}");
        }
    }
}
