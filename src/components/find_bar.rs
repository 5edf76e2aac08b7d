//! The find bar over the shown document while the overview has a query: the query, the
//! number of hits marked in the open tab, and next / previous hit by button, Enter /
//! Shift+Enter in the field and F3 / Shift+F3 anywhere, announced as "3 / 12".

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent, MutationObserver, MutationObserverInit};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::search::highlight;
use crate::state::{OverviewAction, Tab};

/// Properties of [`FindBar`].
#[derive(Properties, PartialEq)]
pub struct FindBarProps {
    /// The hit words of the shown document (lower case).
    pub words: Rc<Vec<String>>,
    /// The query as typed.
    pub query: AttrValue,
    /// The open tab (its text is marked).
    pub tab: Tab,
    /// The shown entry's list index.
    pub entry: usize,
    /// The query was edited.
    pub on_overview: Callback<OverviewAction>,
}

/// `#find-bar`, marking the words in `#document-view`.
#[component]
pub fn FindBar(props: &FindBarProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let s = lang.s();
    let count = use_state(|| 0usize);
    let current = use_state(|| None::<usize>);
    {
        let (count, current) = (count.setter(), current.setter());
        use_effect_with(
            (props.words.clone(), props.tab, props.entry),
            move |(words, ..)| {
                let root = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("document-view"));
                let rescan = {
                    let (root, words) = (root.clone(), words.clone());
                    move || {
                        let n = root.as_ref().map_or(0, |r| highlight::mark(r, &words));
                        count.set(n);
                        current.set(None);
                    }
                };
                rescan();
                // The Source tab's text arrives after it is opened: mark it then.
                let callback = Closure::<dyn FnMut()>::new(rescan);
                let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).ok();
                if let (Some(observer), Some(root)) = (&observer, &root) {
                    let init = MutationObserverInit::new();
                    init.set_child_list(true);
                    init.set_subtree(true);
                    init.set_character_data(true);
                    let _ = observer.observe_with_options(root, &init);
                }
                move || {
                    if let Some(observer) = observer {
                        observer.disconnect();
                    }
                    drop(callback);
                    highlight::unmark();
                }
            },
        );
    }
    let on_step = {
        let (count, current) = (*count, current.clone());
        Callback::from(move |forward: bool| {
            if let Some(i) = highlight::step(*current, count, forward) {
                highlight::show(i);
                current.set(Some(i));
            }
        })
    };
    use_effect_with(on_step.clone(), |on_step| {
        let on_step = on_step.clone();
        let listener = web_sys::window().and_then(|w| w.document()).map(|d| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&d, "keydown", options, move |e| {
                let e: &KeyboardEvent = e.unchecked_ref();
                if e.key() == "F3" {
                    e.prevent_default();
                    on_step.emit(!e.shift_key());
                }
            })
        });
        move || drop(listener)
    });
    let onkeydown = on_step.reform(|e: KeyboardEvent| {
        // Only Enter reaches here: other keys are filtered below.
        e.prevent_default();
        !e.shift_key()
    });
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            onkeydown.emit(e);
        }
    });
    let oninput = props.on_overview.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        OverviewAction::Search(input.value())
    });
    let status = highlight::status(*current, *count, s.hit_many, s.no_hits_here);
    html! {
        <div id="find-bar" class="find-bar" role="search" aria-label={s.find}>
            <label for="find-query">{ s.find }</label>
            <input id="find-query" type="search" autocomplete="off" value={props.query.clone()}
                aria-keyshortcuts="Enter Shift+Enter F3 Shift+F3" {oninput} {onkeydown} />
            <button id="find-previous" type="button" class="button" aria-keyshortcuts="Shift+F3"
                onclick={on_step.reform(|_: MouseEvent| false)}>
                <span aria-hidden="true">{ "↑ " }</span>{ s.previous }
            </button>
            <button id="find-next" type="button" class="button" aria-keyshortcuts="F3"
                onclick={on_step.reform(|_: MouseEvent| true)}>
                <span aria-hidden="true">{ "↓ " }</span>{ s.next }
            </button>
            <span id="find-status" class="find-status" role="status" aria-live="polite"
                data-count={count.to_string()}>{ status }</span>
            <span class="muted find-keys">{ s.find_keys }</span>
        </div>
    }
}
