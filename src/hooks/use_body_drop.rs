//! Files dragged over and dropped anywhere on the page: listeners on `<body>`, where dropped
//! files land, that show the drop overlay and read what is dropped (folders to any depth).

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{DragEvent, File};
use yew::prelude::*;

use crate::folders;
use crate::state::{Action, State};

/// Listens for drags and drops on `<body>` while the page is mounted; dropped files go to
/// `on_files`.
#[hook]
pub fn use_body_drop(state: &UseReducerHandle<State>, on_files: &Callback<Vec<File>>) {
    let dispatcher = state.dispatcher();
    let on_files = on_files.clone();
    use_effect_with((), move |_| {
        let listeners = body_drop_listeners(dispatcher, on_files);
        move || drop(listeners)
    });
}

/// Whether a drag carries files (not text or a link dragged within the page).
fn carries_files(event: &DragEvent) -> bool {
    event.data_transfer().is_some_and(|dt| {
        dt.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

fn body_drop_listeners(
    dispatcher: UseReducerDispatcher<State>,
    on_files: Callback<Vec<File>>,
) -> Vec<EventListener> {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return Vec::new();
    };
    let active = EventListenerOptions::enable_prevent_default();
    let over = {
        let dispatcher = dispatcher.clone();
        move |e: &Event| {
            let Some(e) = e.dyn_ref::<DragEvent>() else {
                return;
            };
            if carries_files(e) {
                // Without this the browser would open the file instead of dropping it here.
                e.prevent_default();
                if let Some(dt) = e.data_transfer() {
                    dt.set_drop_effect("copy");
                }
                dispatcher.dispatch(Action::SetDragging(true));
            }
        }
    };
    let leave = {
        let dispatcher = dispatcher.clone();
        move |e: &Event| {
            let Some(e) = e.dyn_ref::<DragEvent>() else {
                return;
            };
            // Moving between elements fires dragleave too; only leaving the window has no
            // related target.
            if e.related_target().is_none() {
                dispatcher.dispatch(Action::SetDragging(false));
            }
        }
    };
    // A drag cancelled outside the window may end without a dragleave; the first pointer
    // move afterwards (there are none during a drag) hides the overlay.
    let moved = {
        let dispatcher = dispatcher.clone();
        move |_: &Event| dispatcher.dispatch(Action::SetDragging(false))
    };
    let dropped = move |e: &Event| {
        let Some(e) = e.dyn_ref::<DragEvent>() else {
            return;
        };
        e.prevent_default();
        dispatcher.dispatch(Action::SetDragging(false));
        let Some(dt) = e.data_transfer() else {
            return;
        };
        // Folders are read through their entries, taken now: they are gone after the event.
        let (entries, folders) = folders::dropped_entries(&dt);
        if folders {
            let on_files = on_files.clone();
            spawn_local(async move { on_files.emit(folders::files_under(entries).await) });
            return;
        }
        let files: Vec<File> = dt
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        on_files.emit(files);
    };
    vec![
        EventListener::new_with_options(&body, "dragenter", active, over.clone()),
        EventListener::new_with_options(&body, "dragover", active, over),
        EventListener::new_with_options(&body, "dragleave", active, leave),
        EventListener::new_with_options(&body, "drop", active, dropped),
        EventListener::new(&body, "pointermove", moved),
    ]
}
