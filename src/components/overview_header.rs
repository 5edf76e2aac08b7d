//! The header row of the overview table: the comparison choice's column, then one sort
//! button per column shown.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{compare_texts, Lang};
use crate::overview::cells::column_label;
use crate::overview::{Column, Sort};

/// Properties of [`OverviewHeader`].
#[derive(Properties, PartialEq)]
pub struct OverviewHeaderProps {
    /// The sort.
    pub sort: Sort,
    /// A header's sort button was pressed.
    pub on_sort: Callback<Column>,
    /// The columns shown, in order.
    pub columns: Rc<Vec<Column>>,
}

/// `<tr>` of `<th data-column aria-sort>`, each with a sort button and its mark.
#[component]
pub fn OverviewHeader(props: &OverviewHeaderProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let headers = props.columns.iter().map(|&column| {
        let label = column_label(lang, column);
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
    html! {
        <tr aria-rowindex="1">
            <th scope="col" data-column="choice" class="choice">
                <span class="visually-hidden">{ compare_texts(lang).choice }</span>
            </th>
            { for headers }
        </tr>
    }
}
