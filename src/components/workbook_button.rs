//! A "Download workbook" button, with the note that says why it is disabled for good (the
//! one-file edition) and the alert of its last failure.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::workbook::{button_view, Scope, Status};

/// Properties of [`WorkbookButton`].
#[derive(Properties, PartialEq)]
pub struct WorkbookButtonProps {
    /// Which documents it writes.
    pub scope: Scope,
    /// The workbooks' state.
    pub status: Status,
    /// Nothing to write.
    pub empty: bool,
    /// Pressed.
    pub on_click: Callback<()>,
}

/// `button#export-xlsx` or `button#download-all-xlsx`.
#[component]
pub fn WorkbookButton(props: &WorkbookButtonProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let view = button_view(
        &props.status,
        props.scope,
        props.empty,
        lang.workbook_texts(),
    );
    let note_id = format!("{}-note", view.id);
    let onclick = props.on_click.reform(|_: MouseEvent| ());
    html! {
        <>
            <button id={view.id} type="button" class="button" {onclick} disabled={view.disabled}
                aria-busy={props.status.busy.map(|_| "true")}
                aria-describedby={view.note.map(|_| note_id.clone())}>
                { view.label }
            </button>
            if let Some(note) = view.note {
                <span id={note_id} class="muted workbook-note">{ note }</span>
            }
            if let Some(alert) = view.alert {
                <p class="workbook-alert" role="alert">{ alert }</p>
            }
        </>
    }
}
