//! Figures derived from a document: funding ratios, the period's length and the project's
//! page in the service.
//!
//! Pure functions shared by the CLI's CSV, the viewer's funding card and the overview.

use crate::{Amount, Document, Funding, Period};

impl Funding {
    /// EU and state share of planned public funding, in percent.
    pub fn eu_state_share_pct(&self) -> Option<f64> {
        percent(self.granted_eu_state?, self.planned_public_total?)
    }

    /// Realised EU and state funding as a percentage of the granted amount.
    pub fn realized_vs_granted_pct(&self) -> Option<f64> {
        percent(self.realized_eu_state?, self.granted_eu_state?)
    }

    /// Realised public funding as a percentage of the planned total.
    pub fn realized_vs_planned_pct(&self) -> Option<f64> {
        percent(self.realized_public_total?, self.planned_public_total?)
    }

    /// Other public (mostly municipal) funding: planned total minus granted EU and state.
    pub fn other_public_planned(&self) -> Option<Amount> {
        // Checked: amounts may be negative, and a difference of extremes does not fit.
        self.planned_public_total?
            .checked_sub(self.granted_eu_state?)
    }
}

fn percent(part: Amount, whole: Amount) -> Option<f64> {
    // Both in cents: the ratio is the same, and nothing is rounded before dividing.
    (whole != Amount::ZERO).then(|| part.cents() as f64 * 100.0 / whole.cents() as f64)
}

/// A calendar date read from an ISO `YYYY-MM-DD` string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl IsoDate {
    /// Reads `YYYY-MM-DD`; `None` for anything else.
    pub fn parse(s: &str) -> Option<IsoDate> {
        let mut it = s.splitn(3, '-');
        let year = it.next()?.parse().ok()?;
        let month = it.next()?.parse().ok()?;
        let day = it.next()?.parse().ok()?;
        Some(IsoDate { year, month, day })
    }
}

impl Document {
    /// Planned length of the project in months, counted as calendar months started to
    /// months ended: 1.1.2019–31.12.2019 is 12 months, 1.10.2015–30.4.2018 is 31.
    pub fn duration_months(&self) -> Option<u32> {
        let start = IsoDate::parse(self.project.start_date.as_deref()?)?;
        let end = IsoDate::parse(self.project.end_date.as_deref()?)?;
        // i64: imported documents may carry any year, and the product must not overflow.
        let months = (i64::from(end.year) - i64::from(start.year)) * 12 + i64::from(end.month)
            - i64::from(start.month)
            + 1;
        u32::try_from(months).ok()
    }

    /// Planned public funding per planned participant (the indicator whose name mentions
    /// persons, "henkilö"), in euros.
    pub fn planned_funding_per_participant(&self) -> Option<f64> {
        let persons = self
            .indicators
            .iter()
            .find(|i| i.name.to_lowercase().contains("henkilö"))?
            .planned?;
        let total = self.funding.planned_public_total?;
        (persons > 0.0).then(|| total.to_f64() / persons)
    }

    /// The project's page in the service, for following a list row to its full description:
    /// the 2021–2027 card URL when the list gave one, otherwise made from the code and the
    /// period (`rrtiepa/projekti.php?projektikoodi=` for 2007–2013 and 2014–2020,
    /// `hakutulokset/projektikortti?id=` for 2021–2027). `None` without a code or period,
    /// or for a code that is not letters and digits.
    pub fn service_url(&self) -> Option<String> {
        if let Some(url) = &self.project.card_url {
            return Some(url.to_string());
        }
        let code = self.project.code.as_deref()?;
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        Some(match self.kind.period? {
            Period::P2007_2013 => {
                format!("https://www.eura2007.fi/rrtiepa/projekti.php?projektikoodi={code}")
            }
            Period::P2014_2020 => {
                format!("https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi={code}")
            }
            Period::P2021_2027 => {
                format!("https://www.eura2021.fi/hakutulokset/projektikortti?id={code}")
            }
        })
    }

    /// Year the project starts, from its start date.
    pub fn start_year(&self) -> Option<i32> {
        Some(IsoDate::parse(self.project.start_date.as_deref()?)?.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios() {
        let e = |n| Some(Amount::euros(n));
        let f = Funding {
            granted_eu_state: e(634_447),
            realized_eu_state: e(604_484),
            planned_public_total: e(929_082),
            realized_public_total: e(884_107),
            ..Funding::default()
        };
        assert!((f.eu_state_share_pct().unwrap() - 68.287).abs() < 0.001);
        assert!((f.realized_vs_granted_pct().unwrap() - 95.277).abs() < 0.001);
        assert!((f.realized_vs_planned_pct().unwrap() - 95.159).abs() < 0.001);
        assert_eq!(f.other_public_planned(), e(294_635));
        let empty = Funding::default();
        assert_eq!(empty.realized_vs_granted_pct(), None);
        let zero = Funding {
            granted_eu_state: e(0),
            realized_eu_state: e(5),
            ..Funding::default()
        };
        assert_eq!(zero.realized_vs_granted_pct(), None);
        // Cents count: 0.50 of 1.00 is half.
        let cents = Funding {
            granted_eu_state: Some(Amount::from_cents(100)),
            realized_eu_state: Some(Amount::from_cents(50)),
            planned_public_total: Some(Amount::from_cents(9_935_599)),
            ..Funding::default()
        };
        assert_eq!(cents.realized_vs_granted_pct(), Some(50.0));
        assert_eq!(
            cents.other_public_planned(),
            Some(Amount::from_cents(9_935_499))
        );
    }

    #[test]
    fn service_urls() {
        use crate::{Kind, Source, SourceFormat, TextEncoding};
        let mut doc = Document::new(
            Source {
                file_name: "l.csv".into(),
                format: SourceFormat::Csv,
                encoding: TextEncoding::Utf8,
                line_count: 2,
                byte_count: 1,
                fingerprint: String::new(),
                list: None,
                row: None,
            },
            Kind {
                fund: None,
                period: Some(Period::P2007_2013),
            },
        );
        assert_eq!(doc.service_url(), None);
        doc.project.code = Some("S10331".into());
        assert_eq!(
            doc.service_url().as_deref(),
            Some("https://www.eura2007.fi/rrtiepa/projekti.php?projektikoodi=S10331")
        );
        doc.kind.period = Some(Period::P2021_2027);
        assert_eq!(
            doc.service_url().as_deref(),
            Some("https://www.eura2021.fi/hakutulokset/projektikortti?id=S10331")
        );
        doc.project.card_url = Some("https://www.eura2021.fi/x".into());
        assert_eq!(
            doc.service_url().as_deref(),
            Some("https://www.eura2021.fi/x")
        );
        doc.project.card_url = None;
        doc.project.code = Some("S1&x=1".into());
        assert_eq!(doc.service_url(), None);
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            IsoDate::parse("2019-12-31"),
            Some(IsoDate {
                year: 2019,
                month: 12,
                day: 31
            })
        );
        assert_eq!(IsoDate::parse("31.12.2019"), None);
    }
}
