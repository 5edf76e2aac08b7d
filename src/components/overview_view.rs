//! The overview of all loaded documents: filters, the count of rows shown, exports of those
//! rows, the virtualised table with its totals row, and the aggregates.

use std::rc::Rc;

use hankekuvaus::export::CsvDialect;
use yew::prelude::*;

use crate::browser;
use crate::components::aggregate_chart::AggregateChart;
use crate::components::column_chooser::ColumnChooser;
use crate::components::compare_bar::CompareBar;
use crate::components::overview_filters::OverviewFilters;
use crate::components::overview_table::OverviewTable;
use crate::components::search_panel::SearchPanel;
use crate::components::workbook_button::WorkbookButton;
use crate::hooks::{use_search_view, SearchData};
use crate::i18n::Lang;
use crate::overview::live::{Derived, Rows};
use crate::overview::{export_csv, export_json, Dimension, Row};
use crate::state::{OverviewAction, OverviewState};
use crate::view_model::format_number;
use crate::workbook::{Scope, Status};

/// Properties of [`OverviewView`].
#[derive(Properties, PartialEq)]
pub struct OverviewViewProps {
    /// The rows of every loaded document.
    pub rows: Rows,
    /// The filter and sort.
    pub state: OverviewState,
    /// A filter or the sort was changed.
    pub on_overview: Callback<OverviewAction>,
    /// A row was opened: the entry's list index.
    pub on_open: Callback<usize>,
    /// The full-text search (`hooks::use_search`).
    pub search: Rc<SearchData>,
    /// The workbooks' state.
    #[prop_or_default]
    pub workbook: Status,
    /// "Excel workbook": the rows shown, as their JSON export.
    #[prop_or_default]
    pub on_workbook: Callback<String>,
}

const CSV_MIME: &str = "text/csv;charset=utf-8";

/// `section#overview`.
#[component]
pub fn OverviewView(props: &OverviewViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let o = lang.o();
    let OverviewState { filter, sort, .. } = &props.state;
    let rows = props.rows.clone();
    // Derived in step with the rows: while files arrive, only the new rows are visited.
    let derived = use_mut_ref(Derived::default);
    let options = derived.borrow_mut().options(&rows);
    let searched = use_search_view(&rows, &props.state, props.search.found.clone(), options);
    let view = searched.unwrap_or_else(|| derived.borrow_mut().update(&rows, filter, *sort));
    let shown = Rc::clone(&view.shown);
    let on_sort = props.on_overview.reform(OverviewAction::SortBy);

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
    let on_xlsx = {
        let (rows, shown) = (rows.clone(), Rc::clone(&shown));
        props
            .on_workbook
            .reform(move |_: ()| export_json(&rows.all, &shown))
    };

    let total = rows.projects();
    let empty = total == 0;
    let count = format!(
        "{} / {} {}",
        format_number(lang, shown.len() as f64),
        format_number(lang, total as f64),
        o.projects_shown.of(total)
    );
    let described = format!(
        "{} / {} {}",
        format_number(lang, view.totals.described as f64),
        format_number(lang, view.totals.count as f64),
        lang.l().with_description
    );
    html! {
        <section id="overview" class="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{ o.overview }</h2>
            if empty {
                <p class="muted">{ o.empty }</p>
            } else {
                <OverviewFilters filter={filter.clone()} options={Rc::clone(&view.options)}
                    on_overview={props.on_overview.clone()} />
                <SearchPanel rows={rows.clone()} shown={Rc::clone(&shown)}
                    found={props.search.found.clone()} query={filter.text.clone()}
                    search={props.search.handle.clone()} pending={props.search.pending}
                    chosen={props.state.search.clone()} on_overview={props.on_overview.clone()}
                    on_open={props.on_open.clone()} />
                <div class="overview-bar">
                    <p id="overview-count" role="status" data-shown={shown.len().to_string()}
                        data-total={total.to_string()}>{ count }</p>
                    <p id="overview-described" data-described={view.totals.described.to_string()}
                        data-counted={view.totals.count.to_string()}>{ described }</p>
                    <div class="overview-exports" role="group" aria-label={o.export}>
                        <span class="muted">{ o.export }</span>
                        <button id="export-csv" type="button" class="button" onclick={on_csv}
                            disabled={shown.is_empty()}>{ o.export_csv }</button>
                        <button id="export-csv-fi" type="button" class="button" onclick={on_csv_fi}
                            disabled={shown.is_empty()}>{ o.export_csv_fi }</button>
                        <button id="export-json" type="button" class="button" onclick={on_json}
                            disabled={shown.is_empty()}>{ o.export_json }</button>
                        <WorkbookButton scope={Scope::Shown} status={props.workbook.clone()}
                            empty={shown.is_empty()} on_click={on_xlsx} />
                    </div>
                    <ColumnChooser />
                </div>
                <CompareBar />
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
