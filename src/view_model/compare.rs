//! The comparison of two to four projects side by side, as rows of text: the header facts,
//! the four amounts and the ratios derived from them (`hankekuvaus::derived`), indicators
//! planned and realised, the gender-equality answers and the sustainability scores. A row
//! whose values differ is marked; from three projects up, a numeric row marks its highest
//! and lowest values. The components only lay these rows out.

use hankekuvaus::paths::FieldPath;
use hankekuvaus::{Amount, Document};

use super::{format_date, format_opt_amount, format_opt_number, format_opt_percent, status_label};
use crate::i18n::{compare_texts, Lang};

/// At most this many projects are compared.
pub const MAX_COMPARED: usize = 4;

/// Highest and lowest are marked from this many projects up (with two, "differs" says it).
const RANKED_FROM: usize = 3;

/// A project's column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectColumn {
    /// The entry's list index.
    pub entry: usize,
    /// The project code, or the file name without one.
    pub code: String,
    /// The project's name; "" without one.
    pub name: String,
}

/// How a value stands among the row's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Neither the highest nor the lowest (or not ranked).
    None,
    /// The highest of the row (▲).
    Highest,
    /// The lowest of the row (▼).
    Lowest,
}

/// One project's value in a row.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareCell {
    /// The value as text ("—" when missing).
    pub text: String,
    /// The number ranked, for numeric rows (euros for amounts).
    pub value: Option<f64>,
    /// Highest or lowest.
    pub mark: Mark,
}

/// One row: a field and each project's value of it.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    /// A stable key: `project.code`, `funding.granted_eu_state`, `indicator.0.planned`, …
    pub key: String,
    /// The row's header, in the page's language.
    pub label: String,
    /// One cell per project, in the order of the columns.
    pub cells: Vec<CompareCell>,
    /// Whether the values differ (≠).
    pub differs: bool,
}

/// A titled group of rows (a `<tbody>`).
#[derive(Debug, Clone, PartialEq)]
pub struct RowGroup {
    /// A stable key: `project`, `funding`, `indicators`, `gender`, `sustainability-0`, …
    pub key: String,
    /// The group's title.
    pub title: String,
    /// Its rows.
    pub rows: Vec<CompareRow>,
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The projects, one column each, in the order they were chosen.
    pub projects: Vec<ProjectColumn>,
    /// The rows, grouped.
    pub groups: Vec<RowGroup>,
}

/// The comparison of `docs` (each with its list index), in `lang`.
pub fn compare(lang: Lang, docs: &[(usize, &Document)]) -> Comparison {
    let projects = docs
        .iter()
        .map(|&(entry, doc)| ProjectColumn {
            entry,
            code: doc
                .project
                .code
                .as_deref()
                .unwrap_or(&doc.source.file_name)
                .to_owned(),
            name: doc.project.name.as_deref().unwrap_or_default().to_owned(),
        })
        .collect();
    let docs: Vec<&Document> = docs.iter().map(|&(_, d)| d).collect();
    let mut groups = vec![
        header_group(lang, &docs),
        funding_group(lang, &docs),
        indicator_group(lang, &docs),
        gender_group(lang, &docs),
    ];
    groups.extend(sustainability_groups(lang, &docs));
    groups.retain(|g| !g.rows.is_empty());
    Comparison { projects, groups }
}

/// A row of text values: marked when they differ, never ranked.
fn text_row(key: impl Into<String>, label: impl Into<String>, texts: Vec<String>) -> CompareRow {
    let differs = texts.windows(2).any(|w| w[0] != w[1]);
    CompareRow {
        key: key.into(),
        label: label.into(),
        cells: texts
            .into_iter()
            .map(|text| CompareCell {
                text,
                value: None,
                mark: Mark::None,
            })
            .collect(),
        differs,
    }
}

/// A row of numbers with their texts: marked when they differ; from three projects up, the
/// highest and lowest of the values present are marked (ties alike), unless all are equal.
fn number_row(
    key: impl Into<String>,
    label: impl Into<String>,
    values: Vec<(Option<f64>, String)>,
) -> CompareRow {
    let (numbers, texts): (Vec<Option<f64>>, Vec<String>) = values.into_iter().unzip();
    let mut row = text_row(key, label, texts);
    let present: Vec<f64> = numbers.iter().flatten().copied().collect();
    let max = present.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = present.iter().copied().fold(f64::INFINITY, f64::min);
    let ranked = numbers.len() >= RANKED_FROM && present.len() >= 2 && max > min;
    for (cell, value) in row.cells.iter_mut().zip(numbers) {
        cell.value = value;
        cell.mark = match value {
            Some(v) if ranked && v == max => Mark::Highest,
            Some(v) if ranked && v == min => Mark::Lowest,
            _ => Mark::None,
        };
    }
    row
}

fn header_group(lang: Lang, docs: &[&Document]) -> RowGroup {
    let t = lang.t();
    let c = compare_texts(lang);
    let texts = |f: &dyn Fn(&Document) -> Option<String>| -> Vec<String> {
        docs.iter()
            .map(|d| f(d).unwrap_or_else(|| t.none.to_owned()))
            .collect()
    };
    let date = |d: Option<&String>| d.map(|d| format_date(lang, d));
    let field = |path: FieldPath| lang.field_label(path.as_str());
    let months = docs
        .iter()
        .map(|d| {
            let m = d.duration_months();
            let text = m.map_or_else(|| t.none.to_owned(), |m| t.months.count(lang, m as usize));
            (m.map(f64::from), text)
        })
        .collect();
    RowGroup {
        key: "project".into(),
        title: t.project.into(),
        rows: vec![
            text_row(
                "project.code",
                field(FieldPath::ProjectCode),
                texts(&|d| d.project.code.as_deref().map(str::to_owned)),
            ),
            text_row(
                "project.name",
                field(FieldPath::ProjectName),
                texts(&|d| d.project.name.as_deref().map(str::to_owned)),
            ),
            text_row(
                "kind.fund",
                field(FieldPath::KindFund),
                texts(&|d| d.kind.fund.map(|f| f.as_str().to_owned())),
            ),
            text_row(
                "kind.period",
                c.programme_period,
                texts(&|d| d.kind.period.map(|p| p.as_str().replace('-', "–"))),
            ),
            text_row(
                "project.status",
                field(FieldPath::ProjectStatus),
                docs.iter()
                    .map(|d| status_label(lang, d.project.status, d.project.status_text.as_deref()))
                    .collect(),
            ),
            text_row(
                "project.start_date",
                c.start,
                texts(&|d| date(d.project.start_date.as_ref())),
            ),
            text_row(
                "project.end_date",
                c.end,
                texts(&|d| date(d.project.end_date.as_ref())),
            ),
            number_row("project.duration_months", c.duration, months),
            text_row(
                "applicant.name",
                field(FieldPath::ApplicantName),
                texts(&|d| d.applicant.name.as_deref().map(str::to_owned)),
            ),
        ],
    }
}

fn amount_row(lang: Lang, key: &str, label: String, amounts: Vec<Option<Amount>>) -> CompareRow {
    number_row(
        key,
        label,
        amounts
            .into_iter()
            .map(|a| (a.map(Amount::to_f64), format_opt_amount(lang, a)))
            .collect(),
    )
}

fn percent_row(lang: Lang, key: &str, label: &str, values: Vec<Option<f64>>) -> CompareRow {
    number_row(
        key,
        label,
        values
            .into_iter()
            .map(|v| (v, format_opt_percent(lang, v)))
            .collect(),
    )
}

fn funding_group(lang: Lang, docs: &[&Document]) -> RowGroup {
    let t = lang.t();
    let amounts = [
        FieldPath::FundingGrantedEuState,
        FieldPath::FundingRealizedEuState,
        FieldPath::FundingPlannedPublicTotal,
        FieldPath::FundingRealizedPublicTotal,
    ];
    let mut rows: Vec<CompareRow> = amounts
        .iter()
        .map(|&path| {
            let pick = |d: &Document| match path {
                FieldPath::FundingGrantedEuState => d.funding.granted_eu_state,
                FieldPath::FundingRealizedEuState => d.funding.realized_eu_state,
                FieldPath::FundingPlannedPublicTotal => d.funding.planned_public_total,
                _ => d.funding.realized_public_total,
            };
            amount_row(
                lang,
                path.as_str(),
                lang.field_label(path.as_str()),
                docs.iter().map(|d| pick(d)).collect(),
            )
        })
        .collect();
    let f = |get: fn(&Document) -> Option<f64>| docs.iter().map(|d| get(d)).collect();
    rows.push(percent_row(
        lang,
        "derived.eu_state_share",
        t.eu_state_share,
        f(|d| d.funding.eu_state_share_pct()),
    ));
    rows.push(percent_row(
        lang,
        "derived.realized_vs_granted",
        t.realized_vs_granted,
        f(|d| d.funding.realized_vs_granted_pct()),
    ));
    rows.push(percent_row(
        lang,
        "derived.realized_vs_planned",
        t.realized_vs_planned,
        f(|d| d.funding.realized_vs_planned_pct()),
    ));
    rows.push(amount_row(
        lang,
        "derived.other_public",
        t.other_public.into(),
        docs.iter()
            .map(|d| d.funding.other_public_planned())
            .collect(),
    ));
    rows.push(amount_row(
        lang,
        "derived.per_participant",
        t.per_participant.into(),
        docs.iter()
            .map(|d| {
                d.planned_funding_per_participant()
                    .and_then(|e| Amount::checked_euros(e.round() as i64))
            })
            .collect(),
    ));
    RowGroup {
        key: "funding".into(),
        title: t.funding.into(),
        rows,
    }
}

/// The indicators of every project, matched by number and name in order of first
/// appearance: a planned and a realised row each.
fn indicator_group(lang: Lang, docs: &[&Document]) -> RowGroup {
    let t = lang.t();
    let mut names: Vec<(Option<&str>, &str)> = Vec::new();
    for d in docs {
        for i in &d.indicators {
            let id = (i.number.as_deref(), i.name.as_str());
            if !names.contains(&id) {
                names.push(id);
            }
        }
    }
    let mut rows = Vec::new();
    for (n, &(number, name)) in names.iter().enumerate() {
        let label = match number {
            Some(number) => format!("{number} {name}"),
            None => name.to_owned(),
        };
        let of = |d: &Document| {
            d.indicators
                .iter()
                .find(|i| i.number.as_deref() == number && i.name == name)
                .map(|i| (i.planned, i.realized))
        };
        for (what, word, realized) in [
            ("planned", t.planned, false),
            ("realized", t.realized, true),
        ] {
            let values = docs
                .iter()
                .map(|d| {
                    let v = of(d).and_then(|(p, r)| if realized { r } else { p });
                    (v, format_opt_number(lang, v))
                })
                .collect();
            rows.push(number_row(
                format!("indicator.{n}.{what}"),
                format!("{label}: {}", word.to_lowercase()),
                values,
            ));
        }
    }
    RowGroup {
        key: "indicators".into(),
        title: t.indicators.into(),
        rows,
    }
}

/// Reads one gender-equality answer of a document.
type Answer = fn(&Document) -> Option<bool>;

fn gender_group(lang: Lang, docs: &[&Document]) -> RowGroup {
    let t = lang.t();
    let answer = |v: Option<bool>| match v {
        Some(true) => t.yes.to_owned(),
        Some(false) => t.no.to_owned(),
        None => t.none.to_owned(),
    };
    let questions: [(FieldPath, Answer); 3] = [
        (FieldPath::GenderEqualityAnalysisDone, |d| {
            d.gender_equality.analysis_done
        }),
        (FieldPath::GenderEqualityMainstreamed, |d| {
            d.gender_equality.mainstreamed
        }),
        (FieldPath::GenderEqualityMainGoal, |d| {
            d.gender_equality.main_goal
        }),
    ];
    let any = docs.iter().any(|d| {
        let g = &d.gender_equality;
        g.analysis_done.is_some() || g.mainstreamed.is_some() || g.main_goal.is_some()
    });
    let rows = if any {
        questions
            .iter()
            .map(|&(path, get)| {
                text_row(
                    path.as_str(),
                    lang.field_label(path.as_str()),
                    docs.iter().map(|d| answer(get(d))).collect(),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    RowGroup {
        key: "gender".into(),
        title: t.gender_equality.into(),
        rows,
    }
}

/// The sustainability items of every project, matched by category and name, one group per
/// category in order of first appearance; a cell is "direct / indirect", ranked by their sum.
fn sustainability_groups(lang: Lang, docs: &[&Document]) -> Vec<RowGroup> {
    let t = lang.t();
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for d in docs {
        for item in &d.sustainability {
            match groups.iter_mut().find(|(c, _)| *c == item.category) {
                Some((_, names)) if names.contains(&item.name.as_ref()) => {}
                Some((_, names)) => names.push(item.name.as_ref()),
                None => groups.push((item.category.as_ref(), vec![item.name.as_ref()])),
            }
        }
    }
    let score = |s: Option<u8>| s.map_or_else(|| t.none.to_owned(), |s| s.to_string());
    let mut n = 0;
    groups
        .iter()
        .enumerate()
        .map(|(g, (category, names))| {
            let rows = names
                .iter()
                .map(|name| {
                    let values = docs
                        .iter()
                        .map(|d| {
                            let item = d
                                .sustainability
                                .iter()
                                .find(|i| i.category == *category && i.name == *name);
                            let (direct, indirect) =
                                item.map_or((None, None), |i| (i.direct, i.indirect));
                            let sum = match (direct, indirect) {
                                (None, None) => None,
                                (a, b) => Some(f64::from(a.unwrap_or(0) + b.unwrap_or(0))),
                            };
                            (sum, format!("{} / {}", score(direct), score(indirect)))
                        })
                        .collect();
                    n += 1;
                    number_row(format!("sustainability.{}", n - 1), *name, values)
                })
                .collect();
            RowGroup {
                key: format!("sustainability-{g}"),
                title: format!("{}: {}", t.sustainability, lang.term(category)),
                rows,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::EXAMPLES;
    use crate::ingest::{ingest, Entry};

    /// The seeds whose file names start with these prefixes, parsed.
    fn seeds(prefixes: &[&str]) -> Vec<Entry> {
        prefixes
            .iter()
            .flat_map(|p| {
                let (name, bytes) = EXAMPLES.iter().find(|(n, _)| n.starts_with(p)).unwrap();
                ingest(name, bytes)
            })
            .collect()
    }

    fn comparison(lang: Lang, entries: &[Entry]) -> Comparison {
        let docs: Vec<(usize, &Document)> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (i, &e.loaded().unwrap().doc))
            .collect();
        compare(lang, &docs)
    }

    fn row<'a>(c: &'a Comparison, key: &str) -> &'a CompareRow {
        c.groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.key == key)
            .unwrap_or_else(|| panic!("no row {key}"))
    }

    fn texts(r: &CompareRow) -> Vec<&str> {
        r.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn two_seeds_side_by_side() {
        let entries = seeds(&["000_", "004_"]);
        let c = comparison(Lang::Fi, &entries);
        let codes: Vec<&str> = c.projects.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["S21498", "S22257"]);
        let granted = row(&c, "funding.granted_eu_state");
        assert_eq!(
            texts(granted),
            ["48\u{a0}724\u{a0}€", "309\u{a0}800\u{a0}€"]
        );
        assert!(granted.differs);
        assert_eq!(granted.cells[1].value, Some(309_800.0));
        assert!(
            granted.cells.iter().all(|c| c.mark == Mark::None),
            "two projects: differences only, no ranking"
        );
        assert_eq!(
            texts(row(&c, "funding.realized_public_total")),
            ["69\u{a0}606\u{a0}€", "115\u{a0}283\u{a0}€"]
        );
        assert_eq!(
            texts(row(&c, "derived.realized_vs_granted")),
            ["100,0\u{a0}%", "29,8\u{a0}%"]
        );
        let fund = row(&c, "kind.fund");
        assert_eq!(texts(fund), ["ESR", "ESR"]);
        assert!(!fund.differs);
        assert!(row(&c, "project.status").differs, "ended and active");
        assert_eq!(texts(row(&c, "kind.period")), ["2014–2020", "2014–2020"]);
        assert_eq!(
            texts(row(&c, "applicant.name")),
            ["Mikkelin kehitysyhtiö Miksei Oy", "Pielaveden kunta"]
        );
        let realized = row(&c, "indicator.0.realized");
        assert_eq!(
            realized.label,
            "7.1 Osallistuvien yritysten lukumäärä: toteutunut"
        );
        assert_eq!(texts(realized), ["21", "31"]);
        assert_eq!(texts(row(&c, "gender_equality.main_goal")), ["Ei", "Ei"]);
        let sustainability: usize = c
            .groups
            .iter()
            .filter(|g| g.key.starts_with("sustainability-"))
            .map(|g| g.rows.len())
            .sum();
        assert_eq!(sustainability, 15, "the 15 scores");
        assert_eq!(texts(row(&c, "sustainability.0")), ["0 / 0", "0 / 1"]);
    }

    #[test]
    fn three_projects_mark_the_highest_and_the_lowest() {
        let entries = seeds(&["000_", "001_", "004_"]);
        let c = comparison(Lang::En, &entries);
        let granted = row(&c, "funding.granted_eu_state");
        let marks: Vec<Mark> = granted.cells.iter().map(|c| c.mark).collect();
        assert_eq!(marks, [Mark::Lowest, Mark::Highest, Mark::None]);
        assert_eq!(
            granted.label,
            "EU and state funding granted (Myönnetty EU- ja valtion rahoitus)"
        );
        // 7.2 has no realised value anywhere: nothing to rank.
        let missing = row(&c, "indicator.1.realized");
        assert_eq!(texts(missing), ["—", "—", "—"]);
        assert!(!missing.differs);
        assert!(missing.cells.iter().all(|c| c.mark == Mark::None));
        // Equal values are not ranked.
        let share = row(&c, "gender_equality.analysis_done");
        assert!(!share.differs);
    }

    #[test]
    fn ties_share_the_mark_and_missing_values_are_left_out() {
        let r = number_row(
            "k",
            "l",
            vec![
                (Some(5.0), "5".into()),
                (None, "—".into()),
                (Some(5.0), "5".into()),
                (Some(1.0), "1".into()),
            ],
        );
        let marks: Vec<Mark> = r.cells.iter().map(|c| c.mark).collect();
        assert_eq!(
            marks,
            [Mark::Highest, Mark::None, Mark::Highest, Mark::Lowest]
        );
        assert!(r.differs);
    }
}
