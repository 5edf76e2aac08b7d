//! The main area for a file that is not a description.

use std::rc::Rc;

use hankekuvaus::Failure;
use yew::prelude::*;

use crate::i18n::Lang;

/// Properties of [`FailureView`].
#[derive(Properties)]
pub struct FailureViewProps {
    /// The failed file.
    pub failure: Rc<Failure>,
}

impl PartialEq for FailureViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.failure, &other.failure)
    }
}

/// The core's message for a file that could not be read as a description.
#[component]
pub fn FailureView(props: &FailureViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let t = lang.t();
    let f = &props.failure;
    html! {
        <article class="failure-view" aria-labelledby="failure-title">
            <h2 id="failure-title">{ &f.source.file_name }</h2>
            <div class="alert error" role="alert">
                <h3>{ t.failure_title }</h3>
                if let Some(summary) = lang.code_summary(&f.error.code) {
                    <p class="failure-summary">{ summary }</p>
                }
                <p class="failure-message" lang="en">{ &f.error.message }</p>
                <p class="muted"><code>{ &f.error.code }</code></p>
            </div>
        </article>
    }
}
