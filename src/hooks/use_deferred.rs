//! A value that a part of the page may show a moment later than the rest.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::loading::yield_now;

/// `value` as of the render before, until a task after this render: the part of the page
/// that shows it re-renders in a task of its own rather than in the one that changed it
/// (as React's `useDeferredValue`). The first render shows `value` at once; of several
/// changes before the task runs, the last is shown.
#[hook]
pub fn use_deferred<T: Clone + PartialEq + 'static>(value: T) -> T {
    let shown = use_state(|| value.clone());
    let latest = use_mut_ref(|| 0u64);
    {
        let shown = shown.clone();
        use_effect_with(value, move |value| {
            let turn = {
                let mut latest = latest.borrow_mut();
                *latest += 1;
                *latest
            };
            if *shown != *value {
                let value = value.clone();
                spawn_local(async move {
                    yield_now().await;
                    if *latest.borrow() == turn {
                        shown.set(value);
                    }
                });
            }
        });
    }
    (*shown).clone()
}
