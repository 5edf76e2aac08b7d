//! The comparison table: a column per project (code and name in its header, with a button
//! that takes it out), a `<tbody>` per group of rows, a row header per field. A row whose
//! values differ is marked ≠, the highest and lowest values ▲ and ▼, each as text for
//! screen readers and paper as well as by colour.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{compare_texts, Lang};
use crate::state::CompareAction;
use crate::view_model::compare::{CompareCell, CompareRow, Comparison, Mark};

/// Properties of [`CompareTable`].
#[derive(Properties, PartialEq)]
pub struct CompareTableProps {
    /// The rows to show.
    pub comparison: Rc<Comparison>,
    /// A project's remove button was pressed.
    pub on_compare: Callback<CompareAction>,
}

/// `table#compare-table`: `th[data-entry]` per project, `tr[data-row][data-differs]`,
/// `td[data-entry][data-value][data-mark]`.
#[component]
pub fn CompareTable(props: &CompareTableProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let ct = compare_texts(lang);
    let c = &props.comparison;
    let width = c.projects.len() + 1;

    let heads = c.projects.iter().map(|p| {
        let entry = p.entry;
        let onclick = props
            .on_compare
            .reform(move |_: MouseEvent| CompareAction::Remove(entry));
        html! {
            <th scope="col" data-entry={p.entry.to_string()} data-code={p.code.clone()}>
                <span class="compare-code">{ p.code.clone() }</span>
                <span class="compare-name">{ p.name.clone() }</span>
                <button type="button" class="link-button compare-remove" {onclick}
                    title={format!("{} {}", ct.remove, p.code)}>
                    <span aria-hidden="true">{ "✕" }</span>
                    <span class="visually-hidden">{ format!("{} {}", ct.remove, p.code) }</span>
                </button>
            </th>
        }
    });

    let cell = |entry: usize, cell: &CompareCell| {
        let (mark, sign, word) = match cell.mark {
            Mark::Highest => (Some("highest"), "▲", ct.highest),
            Mark::Lowest => (Some("lowest"), "▼", ct.lowest),
            Mark::None => (None, "", ""),
        };
        html! {
            <td data-entry={entry.to_string()} data-value={cell.value.map(|v| v.to_string())}
                data-mark={mark} class={classes!(cell.value.is_some().then_some("num"), mark)}>
                { cell.text.clone() }
                if mark.is_some() {
                    <span class="mark" title={word}>
                        <span aria-hidden="true">{ format!(" {sign}") }</span>
                        <span class="visually-hidden">{ format!(" ({word})") }</span>
                    </span>
                }
            </td>
        }
    };

    let row = |r: &CompareRow| {
        html! {
            <tr data-row={r.key.clone()} data-differs={r.differs.then_some("true")}
                class={classes!(r.differs.then_some("differs"))}>
                <th scope="row">
                    { r.label.clone() }
                    if r.differs {
                        <span class="mark differs" title={ct.differs}>
                            <span aria-hidden="true">{ " ≠" }</span>
                            <span class="visually-hidden">{ format!(" ({})", ct.differs) }</span>
                        </span>
                    }
                </th>
                { for c.projects.iter().zip(&r.cells).map(|(p, x)| cell(p.entry, x)) }
            </tr>
        }
    };

    let groups = c.groups.iter().map(|g| {
        html! {
            <tbody data-group={g.key.clone()}>
                <tr class="compare-group">
                    <th scope="rowgroup" colspan={width.to_string()}>{ g.title.clone() }</th>
                </tr>
                { for g.rows.iter().map(row) }
            </tbody>
        }
    });

    html! {
        <div class="compare-scroll">
            <table id="compare-table" class="compare-table" data-count={c.projects.len().to_string()}>
                <caption class="visually-hidden">{ ct.caption }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="compare-field">{ ct.field }</th>
                        { for heads }
                    </tr>
                </thead>
                { for groups }
            </table>
        </div>
    }
}
