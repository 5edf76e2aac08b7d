//! Section 7's indicators: planned against realised, with bars.

use hankekuvaus::paths::{self, IndicatorValue};
use yew::prelude::*;

use crate::components::field::{DocContext, FieldValue};
use crate::i18n::Lang;
use crate::view_model::{format_opt_number, indicator_bars};

/// The indicators card; absent when the document has none.
#[component]
pub fn IndicatorsCard() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(ctx) = use_context::<DocContext>() else {
        return html! {};
    };
    let t = lang.t();
    let indicators = &ctx.loaded.doc.indicators;
    if indicators.is_empty() {
        return html! {};
    }
    let rows = indicators.iter().enumerate().map(|(i, ind)| {
        let (planned_w, realized_w) = indicator_bars(ind.planned, ind.realized);
        let name = match &ind.number {
            Some(n) => format!("{n} {}", ind.name),
            None => ind.name.clone(),
        };
        let bar = |class: &'static str, label: &'static str, path: paths::PathKey, value: Option<f64>, w: f64| {
            html! {
                <div class="ibar-row">
                    <span class="ibar-label">{ label }</span>
                    // SVG geometry, not a `style` attribute: the page's CSP allows no inline
                    // styles.
                    <svg class="ibar-track" aria-hidden="true" focusable="false"
                        viewBox="0 0 100 1" preserveAspectRatio="none">
                        <rect class={classes!("ibar", class)} width={format!("{w:.1}")} height="1" />
                    </svg>
                    <span class="ibar-value">
                        <FieldValue path={path}>{ format_opt_number(lang, value) }</FieldValue>
                    </span>
                </div>
            }
        };
        html! {
            <li class="indicator">
                <p class="indicator-name">
                    <FieldValue path={paths::indicator(i)}>{ name }</FieldValue>
                </p>
                { bar("planned", t.planned, paths::indicator_value(i, IndicatorValue::Planned), ind.planned, planned_w) }
                { bar("realized", t.realized, paths::indicator_value(i, IndicatorValue::Realized), ind.realized, realized_w) }
            </li>
        }
    });
    html! {
        <section id="indicators" class="card" aria-labelledby="indicators-title">
            <h3 id="indicators-title">{ t.indicators }</h3>
            <ul class="indicators">{ for rows }</ul>
        </section>
    }
}
