//! The totals row of the overview table: the label over the key columns, then the sums under
//! the amount columns, compact from 10 M€ with the exact sum in the tooltip and for screen
//! readers.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::overview::cells::TotalsCells;
use crate::overview::columns::KEY_COLUMNS;
use crate::overview::{Column, Totals, AMOUNT_COLUMNS};

/// Properties of [`OverviewTotals`].
#[derive(Properties, PartialEq)]
pub struct OverviewTotalsProps {
    /// Totals of the rows shown.
    pub totals: Totals,
    /// The columns shown, in order (the key columns first).
    pub columns: Rc<Vec<Column>>,
    /// `aria-rowindex` of the row.
    pub row_index: usize,
}

/// `tr#overview-totals` with `data-count`; each sum's cell has `data-value` (euros).
#[component]
pub fn OverviewTotals(props: &OverviewTotalsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let t = &props.totals;
    let tc = TotalsCells::of(lang, t, lang.o().total);
    let cell = |column: Column| {
        if let Some(i) = AMOUNT_COLUMNS.iter().position(|&c| c == column) {
            let sum = &tc.sums[i];
            return html! {
                <td data-column={column.key()} data-value={t.sums[i].to_string()} class="num"
                    title={sum.exact.clone()}>
                    if let Some(exact) = &sum.exact {
                        <span aria-hidden="true">{ sum.text.clone() }</span>
                        <span class="visually-hidden">{ exact.clone() }</span>
                    } else {
                        { sum.text.clone() }
                    }
                </td>
            };
        }
        match column {
            Column::RealizedVsGranted => html! {
                <td data-column={column.key()} class="num">{ tc.realized_vs_granted.clone() }</td>
            },
            _ => html! { <td data-column={column.key()}></td> },
        }
    };
    html! {
        <tr id="overview-totals" aria-rowindex={props.row_index.to_string()}
            data-count={t.count.to_string()}>
            <th scope="row" colspan={(1 + KEY_COLUMNS.len()).to_string()} class="totals-label">
                { tc.label }
            </th>
            { for props.columns.iter().skip(KEY_COLUMNS.len()).map(|&c| cell(c)) }
        </tr>
    }
}
