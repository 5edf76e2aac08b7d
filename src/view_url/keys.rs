//! The address's keys, one per part of [`ViewState`]: how each is written and read.

use std::collections::{BTreeMap, BTreeSet};

use hankekuvaus_search::Facet;

use crate::i18n::Lang;
use crate::overview::{Column, Sort};
use crate::state::{MainView, Tab, ViewState};

/// One key of the address: its name, whether its value is typed (a text box, whose changes
/// push one history entry and then replace it), and how it is written and read.
pub struct Key {
    /// The name before `=`.
    pub name: &'static str,
    /// A text field that changes at every key press.
    pub typed: bool,
    /// The value, or `None` for the default (left out).
    pub(super) get: fn(&ViewState) -> Option<String>,
    /// Reads a value into the view; a value it cannot read is ignored.
    pub(super) set: fn(&mut ViewState, &str),
}

/// Text: left out when empty.
fn text(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// Every key, in the order written.
pub const KEYS: &[Key] = &[
    Key {
        name: "lang",
        typed: false,
        get: |v| v.lang.map(|l| l.code().to_owned()),
        set: |v, s| v.lang = Lang::from_code(s).or(v.lang),
    },
    Key {
        name: "view",
        typed: false,
        get: |v| main_view_key(v.view).map(str::to_owned),
        set: |v, s| v.view = main_view_of(s).unwrap_or(v.view),
    },
    Key {
        name: "project",
        typed: false,
        get: |v| v.project.clone().filter(|p| !p.is_empty()),
        set: |v, s| v.project = text(s),
    },
    Key {
        name: "tab",
        typed: false,
        get: |v| (v.tab != Tab::Document).then(|| v.tab.id().to_owned()),
        set: |v, s| v.tab = Tab::ALL.into_iter().find(|t| t.id() == s).unwrap_or(v.tab),
    },
    Key {
        name: "list",
        typed: true,
        get: |v| text(&v.list_filter),
        set: |v, s| v.list_filter = s.to_owned(),
    },
    Key {
        name: "q",
        typed: true,
        get: |v| text(&v.overview.filter.text),
        // A query ranks by relevance until a sort is chosen (`sort`, written after it).
        set: |v, s| {
            v.overview.filter.text = s.to_owned();
            v.overview.relevance = !s.is_empty();
        },
    },
    Key {
        name: "region",
        typed: false,
        get: |v| text(&v.overview.filter.region),
        set: |v, s| v.overview.filter.region = s.to_owned(),
    },
    Key {
        name: "status",
        typed: false,
        get: |v| text(&v.overview.filter.status),
        set: |v, s| v.overview.filter.status = s.to_owned(),
    },
    Key {
        name: "fund",
        typed: false,
        get: |v| text(&v.overview.filter.fund),
        set: |v, s| v.overview.filter.fund = s.to_owned(),
    },
    Key {
        name: "axis",
        typed: false,
        get: |v| text(&v.overview.filter.axis),
        set: |v, s| v.overview.filter.axis = s.to_owned(),
    },
    Key {
        name: "year",
        typed: false,
        get: |v| v.overview.filter.year.map(|y| y.to_string()),
        set: |v, s| v.overview.filter.year = s.parse().ok().or(v.overview.filter.year),
    },
    Key {
        name: "period",
        typed: false,
        get: |v| text(&v.overview.filter.period),
        set: |v, s| v.overview.filter.period = s.to_owned(),
    },
    Key {
        name: "facets",
        typed: false,
        get: |v| facets_text(&v.overview.search.facets),
        set: |v, s| read_facets(&mut v.overview.search.facets, s),
    },
    Key {
        name: "min",
        typed: true,
        get: |v| text(&v.overview.search.min_granted),
        set: |v, s| v.overview.search.min_granted = s.to_owned(),
    },
    Key {
        name: "max",
        typed: true,
        get: |v| text(&v.overview.search.max_granted),
        set: |v, s| v.overview.search.max_granted = s.to_owned(),
    },
    Key {
        name: "org",
        typed: true,
        get: |v| text(&v.overview.search.organisation),
        set: |v, s| v.overview.search.organisation = s.to_owned(),
    },
    Key {
        name: "compare",
        typed: false,
        get: |v| (!v.compare.is_empty()).then(|| v.compare.join("|")),
        set: |v, s| {
            v.compare = s
                .split('|')
                .filter(|id| !id.is_empty())
                .take(crate::view_model::compare::MAX_COMPARED)
                .map(str::to_owned)
                .collect()
        },
    },
    Key {
        name: "sort",
        typed: false,
        // Not while a query ranks the results: the sort is not in effect then.
        get: |v| {
            let ranked = v.overview.relevance && !v.overview.filter.text.is_empty();
            (v.overview.sort != Sort::default() && !ranked).then(|| sort_key(v.overview.sort))
        },
        set: |v, s| {
            if let Some(sort) = sort_of(s) {
                v.overview.sort = sort;
                v.overview.relevance = false;
            }
        },
    },
];

/// `view=`: `None` for the document view, the default.
fn main_view_key(view: MainView) -> Option<&'static str> {
    match view {
        MainView::Document => None,
        MainView::Overview => Some("overview"),
        MainView::Compare => Some("compare"),
    }
}

fn main_view_of(s: &str) -> Option<MainView> {
    match s {
        "document" => Some(MainView::Document),
        "overview" => Some(MainView::Overview),
        "compare" => Some(MainView::Compare),
        _ => None,
    }
}

/// A facet's name in `facets=`.
fn facet_key(facet: Facet) -> &'static str {
    match facet {
        Facet::Region => "region",
        Facet::SubRegion => "subregion",
        Facet::Municipality => "municipality",
        Facet::OrganisationType => "orgtype",
        Facet::Authority => "authority",
        Facet::Fund => "fund",
        Facet::Period => "period",
        Facet::Status => "status",
        Facet::StartYear => "year",
        Facet::PriorityAxis => "axis",
    }
}

/// `facets=`: the chosen facet values as `key:value` joined by `;`
/// (`region:Etelä-Savo;status:active`).
fn facets_text(facets: &BTreeMap<Facet, BTreeSet<String>>) -> Option<String> {
    let items: Vec<String> = facets
        .iter()
        .flat_map(|(&f, values)| values.iter().map(move |v| format!("{}:{v}", facet_key(f))))
        .collect();
    (!items.is_empty()).then(|| items.join(";"))
}

fn read_facets(facets: &mut BTreeMap<Facet, BTreeSet<String>>, s: &str) {
    facets.clear();
    for (key, value) in s.split(';').filter_map(|item| item.split_once(':')) {
        if let Some(&facet) = Facet::ALL.iter().find(|&&f| facet_key(f) == key) {
            if !value.is_empty() {
                facets.entry(facet).or_default().insert(value.to_owned());
            }
        }
    }
}

/// `sort=`: the column's key, `-` before it for descending.
fn sort_key(sort: Sort) -> String {
    let sign = if sort.descending { "-" } else { "" };
    format!("{sign}{}", sort.column.key())
}

fn sort_of(s: &str) -> Option<Sort> {
    let (descending, key) = match s.strip_prefix('-') {
        Some(key) => (true, key),
        None => (false, s),
    };
    let column = Column::ALL.into_iter().find(|c| c.key() == key)?;
    Some(Sort { column, descending })
}
