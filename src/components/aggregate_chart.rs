//! One aggregate of the rows shown (by region, priority axis, status or start year): an
//! SVG bar chart of granted, realised and planned funding with the numbers beside the bars,
//! and the same figures as a table.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{counts, Lang};
use crate::overview::{aggregate_max, shorten, status_of_key, Dimension, Group};
use crate::view_model::{bar_width, format_amount, status_label};

/// Properties of [`AggregateChart`].
#[derive(Properties, PartialEq)]
pub struct AggregateChartProps {
    /// The groups of the rows shown.
    pub groups: Rc<Vec<Group>>,
    /// What the rows are grouped by.
    pub dimension: Dimension,
}

/// Chart geometry, in SVG user units (the SVG scales to the width it gets).
const WIDTH: f64 = 720.0;
const LABEL_WIDTH: f64 = 230.0;
const BAR_AREA: f64 = 350.0;
const BAR_HEIGHT: f64 = 10.0;
const BAR_GAP: f64 = 2.0;
const GROUP_GAP: f64 = 14.0;
const LABEL_CHARS: usize = 32;

/// `figure.aggregate[data-dimension]`.
#[component]
pub fn AggregateChart(props: &AggregateChartProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let o = lang.o();
    let groups = &props.groups;
    // The table alternative is made only while it is open: closed, it is neither seen nor
    // read out, and every loading batch would otherwise rebuild it.
    let table_open = use_state(|| false);
    let ontoggle = {
        let table_open = table_open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            table_open.set(details.has_attribute("open"));
        })
    };
    let index = Dimension::ALL
        .iter()
        .position(|&d| d == props.dimension)
        .unwrap_or(0);
    let title = o.by[index];
    let id = format!("aggregate-{}", props.dimension.key());
    let label = |g: &Group| -> String {
        if g.key.is_empty() {
            return o.unknown.to_owned();
        }
        match props.dimension {
            Dimension::Status => status_of_key(&g.key)
                .map_or_else(|| g.key.clone(), |s| status_label(lang, Some(s), None)),
            _ => g.key.clone(),
        }
    };
    let max = aggregate_max(groups).to_f64();
    let group_height = 3.0 * BAR_HEIGHT + 2.0 * BAR_GAP + GROUP_GAP;
    let height = (groups.len() as f64 * group_height).max(group_height);
    let bars = groups.iter().enumerate().map(|(n, g)| {
        let top = n as f64 * group_height;
        let name = label(g);
        let series = [
            ("granted", g.granted, o.granted),
            ("realized", g.realized, o.realized),
            ("planned", g.planned, o.planned),
        ];
        html! {
            <g class="agg-group" data-key={g.key.clone()} data-count={g.count.to_string()}>
                <title>{ format!("{name}: {}", counts(lang).projects.count(lang, g.count)) }</title>
                <text class="agg-label" x="0" y={(top + BAR_HEIGHT).to_string()}>
                    { shorten(&name, LABEL_CHARS) }
                </text>
                <text class="agg-count" x="0" y={(top + 2.0 * BAR_HEIGHT + BAR_GAP + 4.0).to_string()}>
                    { counts(lang).projects.count(lang, g.count) }
                </text>
                { for series.iter().enumerate().map(|(k, (class, value, what))| {
                    let y = top + k as f64 * (BAR_HEIGHT + BAR_GAP);
                    let w = bar_width(value.to_f64(), max) / 100.0 * BAR_AREA;
                    html! {
                        <g class={classes!("agg-bar", *class)}>
                            <rect x={LABEL_WIDTH.to_string()} y={y.to_string()} width={format!("{w:.1}")}
                                height={BAR_HEIGHT.to_string()}>
                                <title>{ format!("{what}: {}", format_amount(lang, *value)) }</title>
                            </rect>
                            <text class="agg-value" x={format!("{:.1}", LABEL_WIDTH + w + 6.0)}
                                y={(y + BAR_HEIGHT - 1.0).to_string()}>
                                { format_amount(lang, *value) }
                            </text>
                        </g>
                    }
                }) }
            </g>
        }
    });
    let table_rows = groups.iter().map(|g| {
        html! {
            <tr data-key={g.key.clone()}>
                <th scope="row">{ label(g) }</th>
                <td class="num">{ g.count }</td>
                <td class="num">{ format_amount(lang, g.granted) }</td>
                <td class="num">{ format_amount(lang, g.realized) }</td>
                <td class="num">{ format_amount(lang, g.planned) }</td>
            </tr>
        }
    });
    html! {
        <figure {id} class="aggregate" data-dimension={props.dimension.key()}>
            <figcaption>{ title }</figcaption>
            <ul class="agg-legend" aria-hidden="true">
                <li class="granted">{ o.granted }</li>
                <li class="realized">{ o.realized }</li>
                <li class="planned">{ o.planned }</li>
            </ul>
            <svg class="agg-chart" role="img" aria-label={title}
                viewBox={format!("0 0 {WIDTH} {height}")} preserveAspectRatio="xMinYMin meet">
                { for bars }
            </svg>
            <details class="agg-details" {ontoggle}>
                <summary>{ o.as_table }</summary>
                if *table_open {
                <table class="agg-table">
                    <thead>
                        <tr>
                            <th scope="col">{ title }</th>
                            <th scope="col" class="num">{ o.projects }</th>
                            <th scope="col" class="num">{ o.granted }</th>
                            <th scope="col" class="num">{ o.realized }</th>
                            <th scope="col" class="num">{ o.planned }</th>
                        </tr>
                    </thead>
                    <tbody>{ for table_rows }</tbody>
                </table>
                }
            </details>
        </figure>
    }
}
