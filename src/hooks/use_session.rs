//! "Save session": the loaded entries and the view as one JSON file (see
//! [`session_json`](crate::state::session_json)). Opening one is the file loading's part:
//! a session is this project's JSON with a view read before its documents.

use yew::prelude::*;

use crate::browser;
use crate::state::{session_json, State};

/// The session file's name.
pub const SESSION_FILE_NAME: &str = "hankekatselin-session.json";

/// The callback that downloads `state` as a session file.
#[hook]
pub fn use_save_session(state: &UseReducerHandle<State>) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |_: ()| {
        let json = session_json(&state);
        let _ = browser::download(SESSION_FILE_NAME, json.as_bytes(), "application/json");
    })
}
