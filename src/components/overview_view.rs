//! The overview of all loaded documents: filters, the count of rows shown, exports of those
//! rows, the virtualised table with its totals row, and the aggregates.

use std::rc::Rc;

use hankekuvaus::export::CsvDialect;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::browser;
use crate::components::aggregate_chart::AggregateChart;
use crate::components::overview_table::OverviewTable;
use crate::i18n::Lang;
use crate::ingest::Entry;
use crate::overview::live::{Derived, RowLog, Rows};
use crate::overview::{export_csv, export_json, status_of_key, Dimension, Filter, Row, Sort};
use crate::view_model::{format_number, status_label};

/// The overview rows of `entries`, made for the entries added since the last render only
/// while the list just grows (`generation` is `State::generation`).
#[hook]
pub fn use_overview_rows(entries: &[Entry], generation: u64) -> Rows {
    let log = use_mut_ref(RowLog::default);
    let rows = log.borrow_mut().update(entries, generation);
    rows
}

/// Properties of [`OverviewView`].
#[derive(Properties, PartialEq)]
pub struct OverviewViewProps {
    /// The rows of every loaded document.
    pub rows: Rows,
    /// A row was opened: the entry's list index.
    pub on_open: Callback<usize>,
}

const CSV_MIME: &str = "text/csv;charset=utf-8";

/// `section#overview`.
#[component]
pub fn OverviewView(props: &OverviewViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let o = lang.o();
    let filter = use_state(Filter::default);
    let sort = use_state(Sort::default);
    let rows = props.rows.clone();
    // Derived in step with the rows: while files arrive, only the new rows are visited.
    let derived = use_mut_ref(Derived::default);
    let view = derived.borrow_mut().update(&rows, &filter, *sort);
    let shown = Rc::clone(&view.shown);
    let options = &view.options;

    let set = |apply: fn(&mut Filter, String)| {
        let filter = filter.clone();
        move |value: String| {
            let mut next = (*filter).clone();
            apply(&mut next, value);
            filter.set(next);
        }
    };
    let on_text = {
        let set = set(|f, v| f.text = v);
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            set(input.value());
        })
    };
    let select_cb = |apply: fn(&mut Filter, String)| {
        let set = set(apply);
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            set(select.value());
        })
    };
    let on_region = select_cb(|f, v| f.region = v);
    let on_status = select_cb(|f, v| f.status = v);
    let on_fund = select_cb(|f, v| f.fund = v);
    let on_axis = select_cb(|f, v| f.axis = v);
    let on_year = select_cb(|f, v| f.year = v.parse().ok());
    let on_clear = {
        let filter = filter.clone();
        Callback::from(move |_: MouseEvent| filter.set(Filter::default()))
    };
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |column| sort.set(sort.toggled(column)))
    };

    let download =
        |name: &'static str, mime: &'static str, make: fn(&[Row], &[usize]) -> String| {
            let rows = rows.clone();
            let shown = Rc::clone(&shown);
            Callback::from(move |_: MouseEvent| {
                let text = make(&rows.all, &shown);
                let _ = browser::download(name, text.as_bytes(), mime);
            })
        };
    let on_csv = download("hankkeet.csv", CSV_MIME, |r, s| {
        export_csv(r, s, CsvDialect::Plain)
    });
    let on_csv_fi = download("hankkeet-excel-fi.csv", CSV_MIME, |r, s| {
        export_csv(r, s, CsvDialect::ExcelFi)
    });
    let on_json = download("hankkeet.json", "application/json", export_json);

    let select = |id: &'static str,
                  label: &'static str,
                  current: String,
                  choices: Vec<(String, String)>,
                  onchange: Callback<Event>| {
        html! {
            <div class="overview-filter">
                <label for={id}>{ label }</label>
                <select {id} {onchange}>
                    <option value="" selected={current.is_empty()}>{ o.all }</option>
                    { for choices.into_iter().map(|(value, text)| {
                        let selected = value == current;
                        html! { <option {selected} {value}>{ text }</option> }
                    }) }
                </select>
            </div>
        }
    };
    let same = |v: &String| (v.clone(), v.clone());
    let status_text = |key: &String| {
        status_of_key(key).map_or_else(|| key.clone(), |s| status_label(lang, Some(s), None))
    };

    let total = rows.all.len();
    let empty = total == 0;
    let count = format!(
        "{} / {} {}",
        format_number(lang, shown.len() as f64),
        format_number(lang, total as f64),
        o.projects_shown
    );
    html! {
        <section id="overview" class="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{ o.overview }</h2>
            if empty {
                <p class="muted">{ o.empty }</p>
            } else {
                <div class="overview-filters" role="search">
                    <div class="overview-filter wide">
                        <label for="overview-filter-text">{ o.search }</label>
                        <input id="overview-filter-text" type="search" autocomplete="off"
                            value={filter.text.clone()} placeholder={o.search_hint} oninput={on_text} />
                    </div>
                    { select("overview-filter-region", o.region, filter.region.clone(),
                        options.regions.iter().map(same).collect(), on_region) }
                    { select("overview-filter-status", o.status, filter.status.clone(),
                        options.statuses.iter().map(|k| (k.clone(), status_text(k))).collect(), on_status) }
                    { select("overview-filter-fund", o.fund, filter.fund.clone(),
                        options.funds.iter().map(same).collect(), on_fund) }
                    { select("overview-filter-axis", o.axis, filter.axis.clone(),
                        options.axes.iter().map(same).collect(), on_axis) }
                    { select("overview-filter-year", o.start_year,
                        filter.year.map(|y| y.to_string()).unwrap_or_default(),
                        options.years.iter().map(|y| (y.to_string(), y.to_string())).collect(), on_year) }
                    if filter.is_active() {
                        <button id="overview-clear-filters" type="button" class="button subtle"
                            onclick={on_clear}>{ o.clear_filters }</button>
                    }
                </div>
                <div class="overview-bar">
                    <p id="overview-count" role="status" data-shown={shown.len().to_string()}
                        data-total={total.to_string()}>{ count }</p>
                    <div class="overview-exports" role="group" aria-label={o.export}>
                        <span class="muted">{ o.export }</span>
                        <button id="export-csv" type="button" class="button" onclick={on_csv}
                            disabled={shown.is_empty()}>{ o.export_csv }</button>
                        <button id="export-csv-fi" type="button" class="button" onclick={on_csv_fi}
                            disabled={shown.is_empty()}>{ o.export_csv_fi }</button>
                        <button id="export-json" type="button" class="button" onclick={on_json}
                            disabled={shown.is_empty()}>{ o.export_json }</button>
                    </div>
                </div>
                <OverviewTable rows={rows.clone()} shown={Rc::clone(&shown)} sort={*sort}
                    totals={view.totals} {on_sort} on_open={props.on_open.clone()} />
                if shown.is_empty() {
                    <p class="muted">{ o.no_match }</p>
                }
                <p class="muted totals-note">{ o.totals_note }</p>
                <section id="aggregates" class="aggregates" aria-labelledby="aggregates-heading">
                    <h2 id="aggregates-heading">{ o.aggregates }</h2>
                    <p id="regions-note" class="note">{ o.regions_note }</p>
                    { for Dimension::ALL.iter().zip(&view.aggregates).map(|(&dimension, groups)| html! {
                        <AggregateChart groups={Rc::clone(groups)} {dimension} />
                    }) }
                </section>
            }
        </section>
    }
}
