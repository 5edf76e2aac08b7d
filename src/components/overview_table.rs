//! The overview table, virtualised: rows have a fixed height and only those in the
//! scrolled viewport, plus a few on each side, are in the DOM; spacer rows keep the
//! scroll height of all of them. Sticky header (sort buttons) and totals row; the choice,
//! code and name columns stay in view when it scrolls sideways, and the columns shown are
//! those of the column chooser (the [`Choices`] context).

use std::rc::Rc;

use yew::prelude::*;

use crate::components::overview_header::OverviewHeader;
use crate::components::overview_row::OverviewRow;
use crate::components::overview_totals::OverviewTotals;
use crate::hooks::{use_viewport, Choices};
use crate::i18n::Lang;
use crate::overview::cells::RowCells;
use crate::overview::live::Rows;
use crate::overview::{visible_window, Column, Sort, Totals};

/// Height of a row in CSS pixels; `style/main.css` sets the same (`.overview-row`).
pub const ROW_HEIGHT: f64 = 36.0;

/// Rows rendered beyond each edge of the viewport.
const BUFFER_ROWS: usize = 10;

/// Properties of [`OverviewTable`].
#[derive(Properties, PartialEq)]
pub struct OverviewTableProps {
    /// Every row.
    pub rows: Rows,
    /// The rows shown, in order: indices into `rows`.
    pub shown: Rc<Vec<usize>>,
    /// The sort.
    pub sort: Sort,
    /// Totals of the rows shown.
    pub totals: Totals,
    /// A header's sort button was pressed.
    pub on_sort: Callback<Column>,
    /// A row was opened: the entry's list index.
    pub on_open: Callback<usize>,
}

/// `table#overview-table` in a scrolling box.
#[component]
pub fn OverviewTable(props: &OverviewTableProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let o = lang.o();
    let viewport = use_viewport();
    let choices = use_context::<Choices>();
    let (compare, hidden, on_compare) = match &choices {
        Some(c) => (c.compare.clone(), c.hidden.clone(), c.on_compare.clone()),
        None => Default::default(),
    };
    let columns = Rc::new(hidden.visible());

    let count = props.shown.len();
    let window = visible_window(
        viewport.scroll_top,
        viewport.height,
        ROW_HEIGHT,
        count,
        BUFFER_ROWS,
    );
    let spacer = |rows: usize| {
        (rows > 0).then(|| {
            html! {
                // The height comes from an SVG's height attribute: the page's content
                // security policy allows no inline styles.
                <tr class="spacer" aria-hidden="true">
                    <td colspan={(columns.len() + 1).to_string()}>
                        <svg width="1" height={(rows as f64 * ROW_HEIGHT).to_string()} focusable="false" />
                    </td>
                </tr>
            }
        })
    };

    let rows = &props.rows.all;
    let body = props.shown[window.clone()]
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let row = &rows[i];
            html! {
                <OverviewRow key={row.entry} entry={row.entry} opens={row.opens}
                    merged={row.data.merged.is_some()} position={window.start + k}
                    cells={RowCells::of(lang, row)} columns={Rc::clone(&columns)}
                    chosen={compare.is_chosen(row.entry)} full={compare.is_full()}
                    on_open={props.on_open.clone()} on_compare={on_compare.clone()} />
            }
        });
    let col_class = |c: &Column| match c {
        Column::Code => "c-code",
        Column::Name => "c-name",
        Column::Fund => "c-fund",
        Column::Period => "c-period",
        Column::Status => "c-status",
        Column::Start | Column::End => "c-date",
        Column::Regions => "c-regions",
        Column::RealizedVsGranted => "c-pct",
        c if c.numeric() => "c-amount",
        _ => "c-other",
    };
    html! {
        <div class="overview-scroll" ref={viewport.node.clone()} onscroll={viewport.onscroll.clone()}>
            <table id="overview-table" class="overview-table" aria-rowcount={(count + 2).to_string()}>
                <caption class="visually-hidden">{ o.caption }</caption>
                <colgroup>
                    <col class="c-choice" />
                    { for columns.iter().map(|c| html! { <col class={col_class(c)} /> }) }
                </colgroup>
                <thead>
                    <OverviewHeader sort={props.sort} on_sort={props.on_sort.clone()}
                        columns={Rc::clone(&columns)} />
                </thead>
                <tbody>
                    { for spacer(window.start) }
                    { for body }
                    { for spacer(count - window.end) }
                </tbody>
                <tfoot>
                    <OverviewTotals totals={props.totals} columns={Rc::clone(&columns)}
                        row_index={count + 2} />
                </tfoot>
            </table>
        </div>
    }
}
