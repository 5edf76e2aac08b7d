//! The funding card: the four amounts, derived figures and a planned-vs-realised chart.

use hankekuvaus::paths::FieldPath;
use yew::prelude::*;

use crate::components::field::{DocContext, FieldValue};
use crate::i18n::Lang;
use crate::view_model::{format_opt_amount, funding_chart, funding_figures};

/// Geometry of the chart's SVG (user units).
const LABEL_W: f64 = 92.0;
const BAR_MAX: f64 = 150.0;
const ROW_H: f64 = 18.0;
const BAR_H: f64 = 12.0;
const GROUP_GAP: f64 = 22.0;
const WIDTH: f64 = 340.0;

/// `section#funding`.
#[component]
pub fn FundingCard() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(ctx) = use_context::<DocContext>() else {
        return html! {};
    };
    let t = lang.t();
    let doc = &ctx.loaded.doc;
    let f = &doc.funding;
    let amount = |path: &'static str, value: Option<hankekuvaus::Amount>| {
        html! {
            <div class="amount-row">
                <dt>{ lang.field_label(path) }</dt>
                <dd class="amount">
                    <FieldValue path={path}>{ format_opt_amount(lang, value) }</FieldValue>
                </dd>
            </div>
        }
    };
    let figures = funding_figures(lang, doc).into_iter().map(|fig| {
        html! {
            <div class="figure-row">
                <dt>{ fig.label }</dt>
                <dd class="figure" data-figure={fig.key}>{ fig.value }</dd>
            </div>
        }
    });

    let chart = funding_chart(f);
    let mut y = 0.0;
    let mut shapes = Vec::new();
    for group in &chart {
        let title = if group.total {
            t.public_total
        } else {
            t.eu_state
        };
        y += 14.0;
        shapes.push(html! {
            <text x="0" y={y.to_string()} class="chart-group">{ title }</text>
        });
        y += 6.0;
        for bar in &group.bars {
            let label = match (bar.realized, group.total) {
                (true, _) => t.realized,
                (false, false) => t.granted,
                (false, true) => t.planned,
            };
            let w = bar.width / 100.0 * BAR_MAX;
            let class = if bar.realized {
                "bar realized"
            } else {
                "bar planned"
            };
            shapes.push(html! {
                <g>
                    <text x="0" y={(y + BAR_H - 2.0).to_string()} class="chart-label">{ label }</text>
                    <rect x={LABEL_W.to_string()} y={y.to_string()} width={format!("{w:.2}")}
                        height={BAR_H.to_string()} rx="2" class={class} />
                    <text x={WIDTH.to_string()} y={(y + BAR_H - 2.0).to_string()}
                        class="chart-value" text-anchor="end">
                        { format_opt_amount(lang, bar.amount) }
                    </text>
                </g>
            });
            y += ROW_H;
        }
        y += GROUP_GAP - ROW_H + 6.0;
    }
    let height = y;

    html! {
        <section id="funding" class="card" aria-labelledby="funding-title">
            <h3 id="funding-title">{ t.funding }</h3>
            <div class="funding-grid">
                <dl id="funding-amounts" class="amounts">
                    { amount(FieldPath::FundingGrantedEuState.as_str(), f.granted_eu_state) }
                    { amount(FieldPath::FundingRealizedEuState.as_str(), f.realized_eu_state) }
                    { amount(FieldPath::FundingPlannedPublicTotal.as_str(), f.planned_public_total) }
                    { amount(FieldPath::FundingRealizedPublicTotal.as_str(), f.realized_public_total) }
                </dl>
                <figure class="chart funding-chart">
                    // The chart's text alternative is the list of the amounts it draws.
                    <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img"
                        aria-labelledby="funding-chart-caption" aria-describedby="funding-amounts"
                        preserveAspectRatio="xMinYMin meet">
                        { for shapes }
                    </svg>
                    <figcaption id="funding-chart-caption">{ t.funding_chart }</figcaption>
                </figure>
            </div>
            <h4>{ t.derived_figures }</h4>
            <dl class="figures">{ for figures }</dl>
        </section>
    }
}
