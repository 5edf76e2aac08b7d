//! The table builders: pure functions from documents and failures to rows of typed cells.

use hankekuvaus::derived::IsoDate;
use hankekuvaus::{Amount, Document, Fund, Severity, Status};

use crate::{Cell, Cents, Item, Table, TableKind, Term};

/// Builds one table from the items, in their order.
///
/// Documents give rows to every table; failures (files that are not descriptions) only to
/// [`TableKind::Diagnostics`], with their refusal as an error without a line.
pub fn build(kind: TableKind, items: &[Item<'_>]) -> Table {
    let mut rows = Vec::new();
    for item in items {
        match *item {
            Item::Document(doc) => match kind {
                TableKind::Projects => rows.push(project_row(doc)),
                TableKind::Indicators => indicator_rows(doc, &mut rows),
                TableKind::Sustainability => sustainability_rows(doc, &mut rows),
                TableKind::Areas => area_rows(doc, &mut rows),
                TableKind::Organisations => organisation_rows(doc, &mut rows),
                TableKind::Diagnostics => diagnostic_rows(doc, &mut rows),
            },
            Item::Failure(failure) if kind == TableKind::Diagnostics => rows.push(vec![
                Cell::Text(failure.source.file_name.clone()),
                Cell::Empty,
                Cell::Term(severity(Severity::Error)),
                Cell::Text(failure.error.code.clone()),
                Cell::Text(failure.error.message.clone()),
            ]),
            Item::Failure(_) => {}
        }
    }
    Table { kind, rows }
}

/// The one place where the contract's funding amounts become [`Cents`]: the core keeps
/// them exactly, as whole cents.
fn amount(value: Option<Amount>) -> Cell {
    value.map_or(Cell::Empty, |a| Cell::Euros(Cents(a.cents())))
}

/// A computed amount in euros (funding per participant), rounded to the cent.
fn computed_amount(euros: Option<f64>) -> Cell {
    match euros {
        // The range check keeps the conversion exact and away from saturation.
        Some(e) if e.is_finite() && e.abs() < 9.0e13 => {
            Cell::Euros(Cents((e * 100.0).round() as i64))
        }
        _ => Cell::Empty,
    }
}

fn text(s: Option<&str>) -> Cell {
    s.map_or(Cell::Empty, |s| Cell::Text(s.to_owned()))
}

fn percent(p: Option<f64>) -> Cell {
    p.filter(|p| p.is_finite())
        .map_or(Cell::Empty, Cell::Percent)
}

fn number(n: Option<f64>) -> Cell {
    n.filter(|n| n.is_finite())
        .map_or(Cell::Empty, Cell::Number)
}

/// An ISO date as a date cell; anything that is not a real calendar date in the range a
/// spreadsheet can hold (imported JSON may carry anything) stays text, so nothing is lost.
fn date(s: Option<&str>) -> Cell {
    let Some(s) = s else { return Cell::Empty };
    match IsoDate::parse(s) {
        Some(d) if is_calendar_date(d) => Cell::Date(d),
        _ => Cell::Text(s.to_owned()),
    }
}

fn is_calendar_date(d: IsoDate) -> bool {
    let leap = d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0);
    let days = match d.month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=9999).contains(&d.year) && (1..=days).contains(&d.day)
}

fn code(doc: &Document) -> Cell {
    text(doc.project.code.as_deref())
}

fn fund(fund: Fund) -> Term {
    match fund {
        Fund::Esr => Term {
            key: "ESR",
            fi: "ESR",
            en: "ESF",
            sv: "ESF",
        },
        Fund::Eakr => Term {
            key: "EAKR",
            fi: "EAKR",
            en: "ERDF",
            sv: "Eruf",
        },
        Fund::EsrPlus => Term {
            key: "ESR+",
            fi: "ESR+",
            en: "ESF+",
            sv: "ESF+",
        },
        Fund::Jtf => Term {
            key: "JTF",
            fi: "JTF",
            en: "JTF",
            sv: "FRO",
        },
    }
}

fn status(doc: &Document) -> Cell {
    match (doc.project.status, doc.project.status_text.as_deref()) {
        (Some(Status::Ended), _) => Cell::Term(Term {
            key: "ended",
            fi: "Toiminta päättynyt",
            en: "Ended",
            sv: "Avslutad",
        }),
        (Some(Status::Active), _) => Cell::Term(Term {
            key: "active",
            fi: "Toiminnassa",
            en: "Active",
            sv: "Pågående",
        }),
        (Some(Status::Interrupted), _) => Cell::Term(Term {
            key: "interrupted",
            fi: "Keskeytynyt",
            en: "Interrupted",
            sv: "Avbruten",
        }),
        // A status the parser does not know stays as written.
        (None, written) => text(written),
    }
}

fn severity(severity: Severity) -> Term {
    let [fi, en, sv] = match severity {
        Severity::Info => ["Tieto", "Info", "Information"],
        Severity::Warning => ["Varoitus", "Warning", "Varning"],
        Severity::Error => ["Virhe", "Error", "Fel"],
    };
    Term {
        key: severity.as_str(),
        fi,
        en,
        sv,
    }
}

const APPLICANT: Term = Term {
    key: "applicant",
    fi: "Hakija",
    en: "Applicant",
    sv: "Sökande",
};

const CO_IMPLEMENTER: Term = Term {
    key: "co-implementer",
    fi: "Osatoteuttaja",
    en: "Co-implementer",
    sv: "Delgenomförare",
};

/// The row of [`crate::columns::PROJECTS`].
fn project_row(doc: &Document) -> Vec<Cell> {
    let f = &doc.funding;
    let p = &doc.project;
    let regions = doc.area.regions.join(", ");
    vec![
        Cell::Text(doc.source.file_name.clone()),
        code(doc),
        text(p.name.as_deref()),
        doc.kind.fund.map_or(Cell::Empty, |k| Cell::Term(fund(k))),
        text(doc.kind.period.map(|p| p.as_str())),
        status(doc),
        date(p.start_date.as_deref()),
        date(p.end_date.as_deref()),
        if regions.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(regions)
        },
        amount(f.granted_eu_state),
        amount(f.realized_eu_state),
        amount(f.planned_public_total),
        amount(f.realized_public_total),
        percent(f.realized_vs_granted_pct()),
        percent(f.realized_vs_planned_pct()),
        percent(f.eu_state_share_pct()),
        amount(f.other_public_planned()),
        computed_amount(doc.planned_funding_per_participant()),
        doc.duration_months()
            .map_or(Cell::Empty, |m| Cell::Int(i64::from(m))),
        // Written as the overview shows it: "3. Työllisyys ja työvoiman liikkuvuus".
        p.priority_axis.as_ref().map_or(Cell::Empty, |a| {
            Cell::Text(match &a.number {
                Some(n) => format!("{n}. {}", a.name),
                None => a.name.clone(),
            })
        }),
        text(p.responsible_authority.as_deref()),
        text(doc.applicant.name.as_deref()),
    ]
}

fn indicator_rows(doc: &Document, rows: &mut Vec<Vec<Cell>>) {
    for i in &doc.indicators {
        rows.push(vec![
            code(doc),
            Cell::Text(i.name.clone()),
            number(i.planned),
            number(i.realized),
        ]);
    }
}

fn sustainability_rows(doc: &Document, rows: &mut Vec<Vec<Cell>>) {
    let score = |s: Option<u8>| s.map_or(Cell::Empty, |s| Cell::Int(i64::from(s)));
    for item in &doc.sustainability {
        rows.push(vec![
            code(doc),
            Cell::Text(item.category.to_string()),
            Cell::Text(item.name.to_string()),
            score(item.direct),
            score(item.indirect),
        ]);
    }
}

/// A description lists regions, sub-regions and municipalities independently (a project
/// in two regions does not say which municipality is in which), so each gets a row of its
/// own with the value in its level's column, rather than pairing them falsely.
fn area_rows(doc: &Document, rows: &mut Vec<Vec<Cell>>) {
    let a = &doc.area;
    for (level, names) in [&a.regions, &a.sub_regions, &a.municipalities]
        .into_iter()
        .enumerate()
    {
        for name in names {
            let mut row = vec![code(doc), Cell::Empty, Cell::Empty, Cell::Empty];
            row[level + 1] = Cell::Text(name.clone());
            rows.push(row);
        }
    }
}

fn organisation_rows(doc: &Document, rows: &mut Vec<Vec<Cell>>) {
    let valid = |v: Option<bool>| v.map_or(Cell::Empty, Cell::Bool);
    let a = &doc.applicant;
    if a.name.is_some() || a.business_id.is_some() {
        rows.push(vec![
            code(doc),
            Cell::Term(APPLICANT),
            text(a.name.as_deref()),
            text(a.business_id.as_deref()),
            valid(a.business_id_valid),
        ]);
    }
    for c in &a.co_implementers {
        rows.push(vec![
            code(doc),
            Cell::Term(CO_IMPLEMENTER),
            Cell::Text(c.name.to_string()),
            text(c.business_id.as_deref()),
            valid(c.business_id_valid),
        ]);
    }
}

fn diagnostic_rows(doc: &Document, rows: &mut Vec<Vec<Cell>>) {
    for d in &doc.diagnostics {
        rows.push(vec![
            Cell::Text(doc.source.file_name.clone()),
            d.line.map_or(Cell::Empty, |l| Cell::Int(i64::from(l))),
            Cell::Term(severity(d.severity)),
            Cell::Text(d.code.clone()),
            Cell::Text(d.message.clone()),
        ]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_outside_the_calendar_stay_text() {
        assert!(matches!(date(Some("2019-12-31")), Cell::Date(_)));
        assert!(matches!(date(Some("2020-02-29")), Cell::Date(_)));
        for bad in [
            "2019-02-29",
            "2019-13-01",
            "1899-12-31",
            "31.12.2019",
            "2019-04-31",
        ] {
            assert_eq!(date(Some(bad)), Cell::Text(bad.to_owned()), "{bad}");
        }
        assert_eq!(date(None), Cell::Empty);
    }

    #[test]
    fn amounts_become_cents_exactly() {
        assert_eq!(
            amount(Some(Amount::euros(48_724))),
            Cell::Euros(Cents(4_872_400))
        );
        assert_eq!(amount(Some(Amount::euros(-3))), Cell::Euros(Cents(-300)));
        let cents = Amount::parse_decimal("99355.99");
        assert_eq!(amount(cents), Cell::Euros(Cents(9_935_599)));
        assert_eq!(amount(None), Cell::Empty);
        assert_eq!(computed_amount(Some(2_320.2)), Cell::Euros(Cents(232_020)));
        assert_eq!(computed_amount(Some(f64::INFINITY)), Cell::Empty);
    }
}
