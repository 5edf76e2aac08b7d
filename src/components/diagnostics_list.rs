//! The document's diagnostics; each with a line jumps to it in the Source tab.

use yew::prelude::*;

use crate::components::field::DocContext;
use crate::i18n::Lang;
use crate::view_model::severity_label;

/// The diagnostics card.
#[component]
pub fn DiagnosticsList() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(ctx) = use_context::<DocContext>() else {
        return html! {};
    };
    let t = lang.t();
    let diags = &ctx.loaded.doc.diagnostics;
    let items = diags.iter().map(|d| {
        let severity = d.severity.as_str();
        let jump = d.line.map(|line| {
            let onclick = ctx.on_jump.reform(move |_: MouseEvent| line);
            html! {
                <button type="button" class="diag-jump" {onclick} data-line={line.to_string()}>
                    { format!("{} {line}", t.line) }
                </button>
            }
        });
        html! {
            <li class={classes!("diag-item", severity)} data-severity={severity} data-code={d.code.clone()}>
                <span class={classes!("badge", severity)}>{ severity_label(lang, d.severity) }</span>
                <span class="diag-message">
                    if let Some(summary) = lang.code_summary(&d.code) {
                        <span class="diag-summary">{ summary }</span>{ " " }
                        <span class="diag-detail" lang="en">{ &d.message }</span>
                    } else {
                        { &d.message }
                    }
                </span>
                <span class="diag-meta">
                    <code class="diag-code">{ &d.code }</code>
                    { jump.unwrap_or_default() }
                </span>
            </li>
        }
    });
    html! {
        <section id="diagnostics" class="card wide" aria-labelledby="diagnostics-title">
            <h3 id="diagnostics-title">
                { t.diagnostics }
                if !diags.is_empty() {
                    { format!(" ({})", diags.len()) }
                }
            </h3>
            if diags.is_empty() {
                <p class="muted">{ t.no_diagnostics }</p>
            } else {
                <ul class="diagnostics">{ for items }</ul>
            }
        </section>
    }
}
