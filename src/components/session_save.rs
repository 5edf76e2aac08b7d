//! The "Save session" button and what it saves.

use yew::prelude::*;

use crate::i18n::Lang;

/// Properties of [`SessionSave`].
#[derive(Properties, PartialEq)]
pub struct SessionSaveProps {
    /// Nothing is loaded: nothing to save.
    pub empty: bool,
    /// "Save session" was pressed.
    pub on_save: Callback<()>,
}

/// Saves the files and the view as one session file.
#[component]
pub fn SessionSave(props: &SessionSaveProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let s = lang.share();
    let onclick = props.on_save.reform(|_: MouseEvent| ());
    html! {
        <div class="session-save">
            <button id="save-session" type="button" class="button" disabled={props.empty}
                aria-describedby="save-session-hint" {onclick}>
                { s.save_session }
            </button>
            <p id="save-session-hint" class="muted">{ s.save_session_hint }</p>
        </div>
    }
}
