//! Section 8.2: the 15 direct and indirect scores as a bar chart grouped by category, with
//! explanations on demand and a table as the chart's text alternative.

use hankekuvaus::paths;
use yew::prelude::*;

use crate::components::field::{DocContext, FieldValue};
use crate::i18n::Lang;
use crate::view_model::{group_sustainability, score_width};

/// The sustainability card; absent when the document has no scores.
#[component]
pub fn SustainabilityCard() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(ctx) = use_context::<DocContext>() else {
        return html! {};
    };
    let t = lang.t();
    let items = &ctx.loaded.doc.sustainability;
    if items.is_empty() {
        return html! {};
    }
    let groups = group_sustainability(items);
    let score = |s: Option<u8>| s.map_or_else(|| t.none.to_owned(), |s| s.to_string());

    let chart = groups.iter().map(|g| {
        let rows = g.items.iter().map(|&(i, item)| {
            let dw = score_width(item.direct);
            let iw = score_width(item.indirect);
            html! {
                <li class="sus-item">
                    <div class="sus-head">
                        <FieldValue path={paths::sustainability_item(i)} class="sus-name">{ item.name.as_ref() }</FieldValue>
                        <span class="sus-scores" aria-hidden="true">
                            { format!("{} / {}", score(item.direct), score(item.indirect)) }
                        </span>
                    </div>
                    <svg class="sus-bars" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <rect x="0" y="0" width="100" height="6" class="track" />
                        <rect x="0" y="0" width={format!("{dw:.1}")} height="6" class="bar direct" />
                        <rect x="0" y="8" width="100" height="6" class="track" />
                        <rect x="0" y="8" width={format!("{iw:.1}")} height="6" class="bar indirect" />
                    </svg>
                    if let Some(text) = item.explanation.as_deref().filter(|e| !e.trim().is_empty()) {
                        <details class="sus-explanation">
                            <summary>{ t.explanation }</summary>
                            <p>{ text }</p>
                        </details>
                    }
                </li>
            }
        });
        html! {
            <div class="sus-group">
                <h4>{ lang.term(g.category) }</h4>
                <ul class="sus-items">{ for rows }</ul>
            </div>
        }
    });

    let table_rows = groups.iter().flat_map(|g| {
        g.items.iter().map(move |&(_, item)| {
            html! {
                <tr>
                    <td>{ lang.term(g.category) }</td>
                    <th scope="row">{ item.name.as_ref() }</th>
                    <td>{ score(item.direct) }</td>
                    <td>{ score(item.indirect) }</td>
                </tr>
            }
        })
    });

    html! {
        <section id="sustainability" class="card wide" aria-labelledby="sustainability-title">
            <h3 id="sustainability-title">{ t.sustainability }</h3>
            <p class="legend" aria-hidden="true">
                <span class="key direct"></span>{ t.direct }
                <span class="key indirect"></span>{ t.indirect }
                <span class="muted">{ format!(" · {}", t.score_scale) }</span>
            </p>
            <div class="sus-chart">{ for chart }</div>
            // Tables ignore a 1px width: the wrapper is what is hidden.
            <div class="visually-hidden">
            <table>
                <caption>{ format!("{} ({})", t.sustainability, t.score_scale) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.category }</th>
                        <th scope="col">{ t.item }</th>
                        <th scope="col">{ t.direct }</th>
                        <th scope="col">{ t.indirect }</th>
                    </tr>
                </thead>
                <tbody>{ for table_rows }</tbody>
            </table>
            </div>
        </section>
    }
}
