//! The facets of the rows shown: per facet, its values with their counts, each a toggle
//! button that narrows the rows to it (or widens them again).

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::overview::live::Rows;
use crate::search::filter::{facet_key, SearchFilter};
use crate::search::results::facet_groups;
use crate::state::OverviewAction;

/// Values shown per facet, besides those chosen.
const MAX_VALUES: usize = 8;

/// Properties of [`SearchFacets`].
#[derive(Properties, PartialEq)]
pub struct SearchFacetsProps {
    /// Every row.
    pub rows: Rows,
    /// The rows shown.
    pub shown: Rc<Vec<usize>>,
    /// What is chosen.
    pub chosen: SearchFilter,
    /// A value was toggled.
    pub on_overview: Callback<OverviewAction>,
}

/// `nav#search-facets`: a group per facet of `button.facet-value[aria-pressed]`.
#[component]
pub fn SearchFacets(props: &SearchFacetsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let s = lang.s();
    let groups = use_memo(
        (
            props.rows.clone(),
            props.shown.clone(),
            props.chosen.clone(),
            lang,
        ),
        |(rows, shown, chosen, lang)| facet_groups(*lang, &rows.all, shown, chosen, MAX_VALUES),
    );
    html! {
        <nav id="search-facets" class="search-facets" aria-labelledby="search-facets-heading">
            <h3 id="search-facets-heading">{ s.facets }</h3>
            { for groups.iter().map(|group| {
                let key = facet_key(group.facet);
                let heading = format!("facet-{key}");
                html! {
                    <div class="facet" role="group" aria-labelledby={heading.clone()} data-facet={key}>
                        <h4 id={heading}>{ s.facet(group.facet) }</h4>
                        <ul>
                            { for group.values.iter().map(|v| {
                                let (facet, value) = (group.facet, v.value.clone());
                                let onclick = props.on_overview.reform(move |_: MouseEvent| {
                                    OverviewAction::ToggleFacet(facet, value.clone())
                                });
                                html! {
                                    <li>
                                        <button type="button" class="facet-value" data-value={v.value.clone()}
                                            aria-pressed={v.chosen.to_string()} {onclick}>
                                            <span class="facet-label">{ v.label.clone() }</span>
                                            <span class="facet-count">{ v.count }</span>
                                        </button>
                                    </li>
                                }
                            }) }
                        </ul>
                        if group.more > 0 {
                            <p class="muted facet-more">{ format!("+ {} {}", group.more, s.more_values) }</p>
                        }
                    </div>
                }
            }) }
        </nav>
    }
}
