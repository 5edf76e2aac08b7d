//! Many files read in time-boxed batches (see [`loading`](crate::loading)), with progress,
//! the refusal of a drop too large, and cancel.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::File;
use yew::prelude::*;

use crate::loading::{self, Loader, Progress};
use crate::state::State;

/// What the loading controls show and do.
pub struct FileLoading {
    /// The progress of the current or last load, until dismissed.
    pub progress: Option<Progress>,
    /// The number of files of a drop refused whole, until dismissed.
    pub refused: Option<usize>,
    /// Read these files.
    pub on_files: Callback<Vec<File>>,
    /// Stop the load under way.
    pub on_cancel: Callback<()>,
    /// Hide the finished progress or the refusal.
    pub on_dismiss: Callback<()>,
}

/// Reading files into `state`.
#[hook]
pub fn use_file_loading(state: &UseReducerHandle<State>) -> FileLoading {
    let progress = use_state(|| None::<Progress>);
    let refused = use_state(|| None::<usize>);
    let shared_progress = use_mut_ref(Progress::new);
    let cancel = use_mut_ref(|| Rc::new(Cell::new(0u32)));
    let on_files = {
        let loader = Loader {
            dispatcher: state.dispatcher(),
            progress: Rc::clone(&shared_progress),
            publish: progress.setter(),
            cancel: Rc::clone(&cancel.borrow()),
        };
        let refused = refused.setter();
        Callback::from(move |files: Vec<File>| {
            if files.is_empty() {
                return;
            }
            if loading::refuses(files.len()) {
                refused.set(Some(files.len()));
                return;
            }
            refused.set(None);
            spawn_local(loading::load(files, loader.clone()));
        })
    };
    let on_cancel = {
        let cancel = Rc::clone(&cancel.borrow());
        Callback::from(move |_: ()| cancel.set(cancel.get().wrapping_add(1)))
    };
    let on_dismiss = {
        let (progress, refused) = (progress.setter(), refused.setter());
        Callback::from(move |_: ()| {
            progress.set(None);
            refused.set(None);
        })
    };
    FileLoading {
        progress: (*progress).clone(),
        refused: *refused,
        on_files,
        on_cancel,
        on_dismiss,
    }
}
