//! The overview table, virtualised: rows have a fixed height and only those in the
//! scrolled viewport, plus a few on each side, are in the DOM; spacer rows keep the
//! scroll height of all of them. Sticky header (sort buttons) and totals row.

use std::rc::Rc;

use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::merge_marker::MergeMarker;
use crate::components::overview_header::OverviewHeader;
use crate::hooks::use_viewport;
use crate::i18n::Lang;
use crate::overview::cells::{conflict_in, RowCells, TotalsCells};
use crate::overview::live::Rows;
use crate::overview::{visible_window, Column, Sort, Totals, AMOUNT_COLUMNS};

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
                    <td colspan="13">
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
            let (entry, opens) = (row.entry, row.opens);
            let position = window.start + k;
            let onclick = props.on_open.reform(move |_: MouseEvent| opens);
            let onkeydown = {
                let on_open = props.on_open.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Enter" {
                        e.prevent_default();
                        on_open.emit(opens);
                    }
                })
            };
            let mut c = RowCells::of(lang, row);
            let duplicate = c.duplicate;
            let conflicts = std::mem::take(&mut c.conflicts);
            let marker = |column| html! { <MergeMarker text={conflict_in(&conflicts, column)} /> };
            html! {
                <tr key={entry} class={classes!("overview-row", duplicate.then_some("duplicate"))}
                    tabindex="0" data-entry={entry.to_string()} data-code={c.code.clone()}
                    data-duplicate={duplicate.then_some("true")}
                    data-merged={row.data.merged.is_some().then_some("true")}
                    aria-rowindex={(position + 2).to_string()} title={o.open_document}
                    {onclick} {onkeydown}>
                    <td data-column="code">
                        { c.code }
                        if duplicate {
                            <span class="marker duplicate" title={o.duplicate}>
                                <span aria-hidden="true">{ " ⧉" }</span>
                                <span class="visually-hidden">{ format!(" ({})", o.duplicate) }</span>
                            </span>
                        }
                    </td>
                    <td data-column="name" title={c.name.clone()}>{ c.name.clone() }{ marker(Column::Name) }</td>
                    <td data-column="fund">{ c.fund }</td>
                    <td data-column="period">{ c.period }</td>
                    <td data-column="status">{ c.status.clone() }{ marker(Column::Status) }</td>
                    <td data-column="start_date">{ c.start_date.clone() }{ marker(Column::Start) }</td>
                    <td data-column="end_date">{ c.end_date.clone() }{ marker(Column::End) }</td>
                    <td data-column="regions" title={c.regions.clone()}>{ c.regions }</td>
                    { for AMOUNT_COLUMNS.iter().zip(c.amounts.clone()).map(|(&column, text)| html! {
                        <td data-column={column.key()} class="num">{ text }{ marker(column) }</td>
                    }) }
                    <td data-column="realized_vs_granted_pct" class="num">{ c.realized_vs_granted }</td>
                </tr>
            }
        });

    let t = &props.totals;
    let tc = TotalsCells::of(lang, t, o.total);
    html! {
        <div class="overview-scroll" ref={viewport.node.clone()} onscroll={viewport.onscroll.clone()}>
            <table id="overview-table" class="overview-table" aria-rowcount={(count + 2).to_string()}>
                <caption class="visually-hidden">{ o.caption }</caption>
                <colgroup>
                    <col class="c-code" /><col class="c-name" /><col class="c-fund" /><col class="c-period" />
                    <col class="c-status" /><col class="c-date" /><col class="c-date" />
                    <col class="c-regions" /><col class="c-amount" /><col class="c-amount" />
                    <col class="c-amount" /><col class="c-amount" /><col class="c-pct" />
                </colgroup>
                <thead><OverviewHeader sort={props.sort} on_sort={props.on_sort.clone()} /></thead>
                <tbody>
                    { for spacer(window.start) }
                    { for body }
                    { for spacer(count - window.end) }
                </tbody>
                <tfoot>
                    <tr id="overview-totals" aria-rowindex={(count + 2).to_string()}
                        data-count={t.count.to_string()}>
                        <th scope="row" colspan="8">{ tc.label }</th>
                        { for AMOUNT_COLUMNS.iter().zip(t.sums).zip(tc.sums).map(|((c, sum), text)| html! {
                            <td data-column={c.key()} data-value={sum.to_string()} class="num">{ text }</td>
                        }) }
                        <td data-column="realized_vs_granted_pct" class="num">{ tc.realized_vs_granted }</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
