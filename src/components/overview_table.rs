//! The overview table, virtualised: rows have a fixed height and only those in the
//! scrolled viewport, plus a few on each side, are in the DOM; spacer rows keep the
//! scroll height of all of them. Sticky header (sort buttons) and totals row.

use std::rc::Rc;

use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::overview::live::Rows;
use crate::overview::{status_of_key, visible_window, Column, Sort, Totals, AMOUNT_COLUMNS};
use crate::view_model::{
    format_amount, format_date, format_number, format_opt_amount, format_opt_percent, status_label,
};

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
    let scroller = use_node_ref();
    // (scrollTop, clientHeight) of the box; the height starts from the window's, an upper
    // bound, so that the first render fills the box.
    let viewport = use_state(|| {
        let height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        (0.0, height)
    });
    let onscroll = {
        let viewport = viewport.clone();
        let scroller = scroller.clone();
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<Element>() {
                let next = (f64::from(el.scroll_top()), f64::from(el.client_height()));
                if next != *viewport {
                    viewport.set(next);
                }
            }
        })
    };

    let count = props.shown.len();
    let window = visible_window(viewport.0, viewport.1, ROW_HEIGHT, count, BUFFER_ROWS);
    let spacer = |rows: usize| {
        (rows > 0).then(|| {
            html! {
                // The height comes from an SVG's height attribute: the page's content
                // security policy allows no inline styles.
                <tr class="spacer" aria-hidden="true">
                    <td colspan="12">
                        <svg width="1" height={(rows as f64 * ROW_HEIGHT).to_string()} focusable="false" />
                    </td>
                </tr>
            }
        })
    };

    let headers = Column::ALL.iter().zip(o.columns).map(|(&column, label)| {
        let onclick = props.on_sort.reform(move |_: MouseEvent| column);
        let numeric = column.numeric();
        html! {
            <th scope="col" data-column={column.key()} aria-sort={props.sort.aria(column)}
                class={classes!(numeric.then_some("num"))}>
                <button type="button" class="sort-button" {onclick}>
                    { label }
                    <span class="sort-mark" aria-hidden="true">
                        { match props.sort.aria(column) {
                            "ascending" => "▲",
                            "descending" => "▼",
                            _ => "",
                        } }
                    </span>
                </button>
            </th>
        }
    });

    let rows = &props.rows.all;
    let body = props.shown[window.clone()]
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let row = &rows[i];
            let doc = row.doc();
            let entry = row.entry;
            let position = window.start + k;
            let onclick = props.on_open.reform(move |_: MouseEvent| entry);
            let onkeydown = {
                let on_open = props.on_open.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Enter" {
                        e.prevent_default();
                        on_open.emit(entry);
                    }
                })
            };
            let code = doc.project.code.clone().unwrap_or_default();
            let name = doc
                .project
                .name
                .clone()
                .unwrap_or_else(|| doc.source.file_name.clone());
            let status = status_of_key(&row.data.status_key).map_or_else(
                || row.data.status_key.clone(),
                |s| status_label(lang, Some(s), None),
            );
            let date = |d: Option<&str>| d.map(|d| format_date(lang, d)).unwrap_or_default();
            let regions = doc.area.regions.join(", ");
            let duplicate = row.duplicate_of.is_some();
            html! {
                <tr key={entry} class={classes!("overview-row", duplicate.then_some("duplicate"))}
                    tabindex="0" data-entry={entry.to_string()} data-code={code.clone()}
                    data-duplicate={duplicate.then_some("true")}
                    aria-rowindex={(position + 2).to_string()} title={o.open_document}
                    {onclick} {onkeydown}>
                    <td data-column="code">
                        { code }
                        if duplicate {
                            <span class="marker duplicate" title={o.duplicate}>
                                <span aria-hidden="true">{ " ⧉" }</span>
                                <span class="visually-hidden">{ format!(" ({})", o.duplicate) }</span>
                            </span>
                        }
                    </td>
                    <td data-column="name" title={name.clone()}>{ name }</td>
                    <td data-column="fund">{ doc.kind.fund.map(|f| f.as_str()).unwrap_or_default() }</td>
                    <td data-column="status">{ status }</td>
                    <td data-column="start_date">{ date(doc.project.start_date.as_deref()) }</td>
                    <td data-column="end_date">{ date(doc.project.end_date.as_deref()) }</td>
                    <td data-column="regions" title={regions.clone()}>{ regions }</td>
                    { for AMOUNT_COLUMNS.iter().map(|&c| html! {
                        <td data-column={c.key()} class="num">{ format_opt_amount(lang, row.data.amount(c)) }</td>
                    }) }
                    <td data-column="realized_vs_granted_pct" class="num">
                        { format_opt_percent(lang, row.data.realized_vs_granted) }
                    </td>
                </tr>
            }
        });

    let t = &props.totals;
    html! {
        <div class="overview-scroll" ref={scroller} {onscroll}>
            <table id="overview-table" class="overview-table" aria-rowcount={(count + 2).to_string()}>
                <caption class="visually-hidden">{ o.caption }</caption>
                <colgroup>
                    <col class="c-code" /><col class="c-name" /><col class="c-fund" />
                    <col class="c-status" /><col class="c-date" /><col class="c-date" />
                    <col class="c-regions" /><col class="c-amount" /><col class="c-amount" />
                    <col class="c-amount" /><col class="c-amount" /><col class="c-pct" />
                </colgroup>
                <thead><tr aria-rowindex="1">{ for headers }</tr></thead>
                <tbody>
                    { for spacer(window.start) }
                    { for body }
                    { for spacer(count - window.end) }
                </tbody>
                <tfoot>
                    <tr id="overview-totals" aria-rowindex={(count + 2).to_string()}
                        data-count={t.count.to_string()}>
                        <th scope="row" colspan="7">
                            { format!("{} ({})", o.total, format_number(lang, t.count as f64)) }
                        </th>
                        { for AMOUNT_COLUMNS.iter().zip(t.sums).map(|(c, sum)| html! {
                            <td data-column={c.key()} data-value={sum.to_string()} class="num">
                                { format_amount(lang, sum) }
                            </td>
                        }) }
                        <td data-column="realized_vs_granted_pct" class="num">
                            { format_opt_percent(lang, t.realized_vs_granted) }
                        </td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
