//! Where a project known only from a list export came from, and the way to its full
//! description: a link to the project's page in the service, which the user may follow.

use yew::prelude::*;

use crate::components::field::DocContext;
use crate::i18n::Lang;

/// `section#list-origin`: shown for a list row only (nothing for a description).
#[component]
pub fn ListOriginCard() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(ctx) = use_context::<DocContext>() else {
        return html! {};
    };
    let doc = &ctx.loaded.doc;
    if doc.source.list.is_none() {
        return html! {};
    }
    let l = lang.l();
    let source = match doc.source.row {
        Some(row) => format!("{}, {} {row}", doc.source.file_name, l.line),
        None => doc.source.file_name.clone(),
    };
    html! {
        <section id="list-origin" class="card wide list-origin" aria-labelledby="list-origin-title">
            <h3 id="list-origin-title">{ l.list_card }</h3>
            <p>{ l.list_only }</p>
            <dl class="meta">
                <div class="meta-row">
                    <dt>{ l.source }</dt>
                    <dd id="list-origin-source" data-row={doc.source.row.map(|r| r.to_string())}>
                        { source }
                    </dd>
                </div>
            </dl>
            if let Some(url) = doc.service_url() {
                <p>
                    <a id="service-link" href={url} target="_blank" rel="noopener noreferrer">
                        { l.service_link }
                    </a>
                </p>
                <p class="muted">{ l.service_note }</p>
            }
        </section>
    }
}
