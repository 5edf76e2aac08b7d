//! The overview's filters: the search field and one choice per region, status, fund,
//! priority axis and start year, each offering what the loaded documents have.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::overview::{status_of_key, Filter, FilterOptions};
use crate::state::OverviewAction;
use crate::view_model::status_label;

/// Properties of [`OverviewFilters`].
#[derive(Properties, PartialEq)]
pub struct OverviewFiltersProps {
    /// The filter set.
    pub filter: Filter,
    /// The choices the rows offer.
    pub options: Rc<FilterOptions>,
    /// A filter was changed or cleared.
    pub on_overview: Callback<OverviewAction>,
}

/// `div.overview-filters`, a search landmark.
#[component]
pub fn OverviewFilters(props: &OverviewFiltersProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let o = lang.o();
    let (filter, options) = (&props.filter, &props.options);
    let on_text = props.on_overview.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        OverviewAction::Search(input.value())
    });
    let on_select = |make: fn(String) -> OverviewAction| {
        props.on_overview.reform(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            make(select.value())
        })
    };
    let on_clear = props
        .on_overview
        .reform(|_: MouseEvent| OverviewAction::ClearFilters);
    let select = |id: &'static str,
                  label: &'static str,
                  current: String,
                  choices: Vec<(String, String)>,
                  onchange: Callback<Event>| {
        html! {
            <div class="overview-filter">
                <label for={id}>{ label }</label>
                // `value` as a property too: an option's `selected` attribute stops choosing
                // once the user has chosen, and a view restored (back, forward) shows its own.
                <select {id} {onchange} ~value={current.clone()}>
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
    // The key stays the service's code (ESR); Swedish shows its own (ESF).
    let fund_text = |key: &String| {
        let text = hankekuvaus::Fund::from_code(key).map_or(key.as_str(), |f| lang.fund_code(f));
        (key.clone(), text.to_owned())
    };
    html! {
        <div class="overview-filters" role="search">
            <div class="overview-filter wide">
                <label for="overview-filter-text">{ o.search }</label>
                <input id="overview-filter-text" type="search" autocomplete="off"
                    value={filter.text.clone()} placeholder={o.search_hint} oninput={on_text} />
            </div>
            { select("overview-filter-region", o.region, filter.region.clone(),
                options.regions.iter().map(same).collect(), on_select(OverviewAction::Region)) }
            { select("overview-filter-status", o.status, filter.status.clone(),
                options.statuses.iter().map(|k| (k.clone(), status_text(k))).collect(),
                on_select(OverviewAction::Status)) }
            { select("overview-filter-fund", o.fund, filter.fund.clone(),
                options.funds.iter().map(fund_text).collect(), on_select(OverviewAction::Fund)) }
            { select("overview-filter-axis", o.axis, filter.axis.clone(),
                options.axes.iter().map(same).collect(), on_select(OverviewAction::Axis)) }
            { select("overview-filter-year", o.start_year,
                filter.year.map(|y| y.to_string()).unwrap_or_default(),
                options.years.iter().map(|y| (y.to_string(), y.to_string())).collect(),
                on_select(|v| OverviewAction::Year(v.parse().ok()))) }
            { select("overview-filter-period", lang.l().period_filter, filter.period.clone(),
                options.periods.iter().map(same).collect(), on_select(OverviewAction::Period)) }
            if filter.is_active() {
                <button id="overview-clear-filters" type="button" class="button subtle"
                    onclick={on_clear}>{ o.clear_filters }</button>
            }
        </div>
    }
}
