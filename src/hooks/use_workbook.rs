//! "Download workbook": the two buttons' requests sent to the workbook worker (started on the
//! first click), their state, and the download of what it answers.

use std::cell::RefCell;
use std::rc::Rc;

use hankekuvaus_workbook::Request;
use yew::prelude::*;

use crate::browser;
use crate::i18n::Lang;
use crate::ingest::{all_entries_json, Entry};
use crate::workbook::client::{workbook_blob, Answered, Client};
use crate::workbook::{Failure, Scope, Status};

/// The buttons' state and their callbacks.
pub struct Workbooks {
    /// Busy, failed, or unavailable for good (the one-file edition).
    pub status: Status,
    /// The overview's button: the projects shown, as their JSON export.
    pub on_shown: Callback<String>,
    /// The list's button: every loaded file.
    pub on_all: Callback<()>,
}

/// The worker (once started) and the request it is answering.
#[derive(Default)]
struct Pending {
    client: Option<Client>,
    busy: Option<Scope>,
}

/// The workbooks of `entries` (all) and of the overview's rows (shown), headers in `lang`.
#[hook]
pub fn use_workbook(entries: &Rc<Vec<Entry>>, lang: Lang) -> Workbooks {
    let status = use_state_eq(|| Status {
        single_file: browser::is_file_page(),
        ..Status::default()
    });
    let pending = use_mut_ref(Pending::default);
    let single_file = status.single_file;
    let request = {
        let set = status.setter();
        use_callback(
            (lang, single_file),
            move |(scope, json): (Scope, String), &(lang, single_file)| {
                let set = set.clone();
                let request = Request {
                    json,
                    lang: lang.code().into(),
                };
                let status = match send(&pending, scope, &request, single_file, set.clone()) {
                    Ok(false) => return,
                    Ok(true) => Status {
                        busy: Some(scope),
                        failed: None,
                        single_file,
                    },
                    Err(failure) => Status {
                        busy: None,
                        failed: Some((scope, failure)),
                        single_file,
                    },
                };
                set.set(status);
            },
        )
    };
    let on_shown = use_callback(request.clone(), |json: String, request| {
        request.emit((Scope::Shown, json));
    });
    let on_all = use_callback((entries.clone(), request), |_: (), (entries, request)| {
        request.emit((Scope::All, all_entries_json(entries)));
    });
    Workbooks {
        status: (*status).clone(),
        on_shown,
        on_all,
    }
}

/// Sends `request` to the worker, started now if there is none (or the last one broke):
/// `Ok(true)` when sent, `Ok(false)` when not sent because another workbook is being written
/// (or there can be no worker).
fn send(
    pending: &Rc<RefCell<Pending>>,
    scope: Scope,
    request: &Request,
    single_file: bool,
    set: UseStateSetter<Status>,
) -> Result<bool, Failure> {
    let mut state = pending.borrow_mut();
    if state.busy.is_some() || single_file {
        return Ok(false);
    }
    if state.client.as_ref().is_some_and(Client::is_broken) {
        state.client = None;
    }
    let client = match state.client.take() {
        Some(client) => client,
        None => {
            let answered = {
                let pending = Rc::clone(pending);
                Callback::from(move |answer: Answered| finish(&pending, answer, single_file, &set))
            };
            Client::start(answered).map_err(|_| Failure::Unavailable)?
        }
    };
    let sent = client.send(request);
    state.client = Some(client);
    sent.map_err(|_| Failure::Unavailable)?;
    state.busy = Some(scope);
    Ok(true)
}

/// The worker answered: the workbook downloaded, or the failure shown beside its button.
fn finish(
    pending: &Rc<RefCell<Pending>>,
    answer: Answered,
    single_file: bool,
    set: &UseStateSetter<Status>,
) {
    let Some(scope) = pending.borrow_mut().busy.take() else {
        return;
    };
    let failed = match answer {
        Ok(bytes) => workbook_blob(&bytes)
            .and_then(|blob| browser::download_blob(scope.file_name(), &blob))
            .err()
            .map(|_| Failure::Writer("the download could not start".into())),
        Err(failure) => Some(failure),
    };
    set.set(Status {
        busy: None,
        failed: failed.map(|f| (scope, f)),
        single_file,
    });
}
