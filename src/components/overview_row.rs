//! One row of the overview table: the comparison checkbox, then the shown columns' cells.
//! A click or Enter on the row opens the document; the checkbox chooses it for comparison
//! without opening it.

use std::rc::Rc;

use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::merge_marker::MergeMarker;
use crate::i18n::{compare_texts, Lang};
use crate::overview::cells::{conflict_in, RowCells};
use crate::overview::Column;
use crate::state::CompareAction;

/// Properties of [`OverviewRow`].
#[derive(Properties, PartialEq)]
pub struct OverviewRowProps {
    /// The entry's list index.
    pub entry: usize,
    /// The entry a click opens: a merged row's description, even when the list row came
    /// first.
    pub opens: usize,
    /// Whether a description and a list row are merged into this row.
    pub merged: bool,
    /// The row's place among the rows shown (0-based).
    pub position: usize,
    /// The row's cells as text.
    pub cells: RowCells,
    /// The columns shown, in order.
    pub columns: Rc<Vec<Column>>,
    /// Whether the row is chosen for the comparison.
    pub chosen: bool,
    /// Whether four are chosen already (an unchosen row's checkbox is then disabled).
    pub full: bool,
    /// The row was opened.
    pub on_open: Callback<usize>,
    /// The checkbox was toggled.
    pub on_compare: Callback<CompareAction>,
}

/// `tr.overview-row` with `data-entry`, `data-code` and `data-chosen`.
#[component]
pub fn OverviewRow(props: &OverviewRowProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let o = lang.o();
    let ct = compare_texts(lang);
    let (entry, opens) = (props.entry, props.opens);
    let c = &props.cells;
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
    // The checkbox's own click and keys stay with it: they must not open the document.
    let on_check = {
        let on_compare = props.on_compare.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            on_compare.emit(CompareAction::Toggle(entry));
        })
    };
    let on_check_key = Callback::from(|e: KeyboardEvent| e.stop_propagation());
    let disabled = props.full && !props.chosen;
    let cell = |column: Column| {
        let text = c.text(column).to_owned();
        // A description and its list row disagree here: both values, with their sources.
        let marker = html! { <MergeMarker text={conflict_in(&c.conflicts, column)} /> };
        match column {
            Column::Code => html! {
                <td data-column="code">
                    { text }
                    if c.duplicate {
                        <span class="marker duplicate" title={o.duplicate}>
                            <span aria-hidden="true">{ " ⧉" }</span>
                            <span class="visually-hidden">{ format!(" ({})", o.duplicate) }</span>
                        </span>
                    }
                </td>
            },
            Column::Name | Column::Regions => html! {
                <td data-column={column.key()} title={text.clone()}>{ text }{ marker }</td>
            },
            _ => html! {
                <td data-column={column.key()} class={classes!(column.numeric().then_some("num"))}>
                    { text }{ marker }
                </td>
            },
        }
    };
    html! {
        <tr class={classes!("overview-row", c.duplicate.then_some("duplicate"), props.chosen.then_some("chosen"))}
            tabindex="0" data-entry={entry.to_string()} data-code={c.code.clone()}
            data-duplicate={c.duplicate.then_some("true")} data-chosen={props.chosen.then_some("true")}
            data-merged={props.merged.then_some("true")}
            aria-rowindex={(props.position + 2).to_string()} title={o.open_document}
            {onclick} {onkeydown}>
            <td data-column="choice" class="choice">
                <input type="checkbox" class="compare-check" checked={props.chosen} {disabled}
                    aria-label={format!("{} {}", ct.choose, c.code)}
                    title={if disabled { ct.choice_full } else { ct.choose }}
                    onclick={on_check} onkeydown={on_check_key} />
            </td>
            { for props.columns.iter().map(|&column| cell(column)) }
        </tr>
    }
}
