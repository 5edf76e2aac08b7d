//! The overview's column chooser: a disclosure with a checkbox per column (the key columns,
//! code and name, always show), and a button that shows every column again.

use yew::prelude::*;

use crate::hooks::Choices;
use crate::i18n::{compare_texts, Lang};
use crate::overview::cells::column_label;
use crate::overview::columns::{display_order, KEY_COLUMNS};
use crate::state::ColumnsAction;

/// `details#column-chooser` with `input[data-column]` checkboxes.
#[component]
pub fn ColumnChooser() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(choices) = use_context::<Choices>() else {
        return html! {};
    };
    let ct = compare_texts(lang);
    let boxes = display_order().into_iter().map(|column| {
        let key = KEY_COLUMNS.contains(&column);
        let id = format!("column-choice-{}", column.key());
        let onchange = choices
            .on_columns
            .reform(move |_: Event| ColumnsAction::Toggle(column));
        html! {
            <li>
                <input type="checkbox" id={id.clone()} data-column={column.key()}
                    checked={!choices.hidden.is_hidden(column)} disabled={key} {onchange} />
                <label for={id}>{ column_label(lang, column) }</label>
            </li>
        }
    });
    let on_all = choices
        .on_columns
        .reform(|_: MouseEvent| ColumnsAction::ShowAll);
    html! {
        <details id="column-chooser" class="column-chooser">
            <summary>{ ct.columns }</summary>
            <fieldset>
                <legend class="visually-hidden">{ ct.columns }</legend>
                <ul>{ for boxes }</ul>
                <button id="show-all-columns" type="button" class="button subtle" onclick={on_all}
                    disabled={!choices.hidden.any()}>{ ct.show_all_columns }</button>
            </fieldset>
        </details>
    }
}
