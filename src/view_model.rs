//! Pure view models: number formatting, derived figures ready to show, chart geometry,
//! grouping and text blocks. Components call these and only render the results.

use std::collections::BTreeMap;

use hankekuvaus::{Amount, Diagnostic, Document, Funding, Severity, Status, SustainabilityItem};

use crate::i18n::Lang;

mod compact;
pub mod compare;
mod format;
pub use compact::*;
pub use format::*;

/// Width of a bar in percent of the widest, clamped to 0–100; 0 when the scale is empty.
pub fn bar_width(value: f64, max: f64) -> f64 {
    if max <= 0.0 || !value.is_finite() || !max.is_finite() {
        return 0.0;
    }
    (value / max * 100.0).clamp(0.0, 100.0)
}

/// One derived figure of the funding card.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The stable key, rendered as `data-figure`.
    pub key: &'static str,
    /// The label in the UI language.
    pub label: &'static str,
    /// The formatted value, "—" when it cannot be computed.
    pub value: String,
}

/// The derived figures of the funding card, in display order.
pub fn funding_figures(lang: Lang, doc: &Document) -> Vec<Figure> {
    let t = lang.t();
    let f = &doc.funding;
    vec![
        Figure {
            key: "eu_state_share",
            label: t.eu_state_share,
            value: format_opt_percent(lang, f.eu_state_share_pct()),
        },
        Figure {
            key: "realized_vs_granted",
            label: t.realized_vs_granted,
            value: format_opt_percent(lang, f.realized_vs_granted_pct()),
        },
        Figure {
            key: "realized_vs_planned",
            label: t.realized_vs_planned,
            value: format_opt_percent(lang, f.realized_vs_planned_pct()),
        },
        Figure {
            key: "other_public",
            label: t.other_public,
            value: format_opt_amount(lang, f.other_public_planned()),
        },
        Figure {
            key: "per_participant",
            label: t.per_participant,
            value: format_opt_amount(
                lang,
                doc.planned_funding_per_participant()
                    .and_then(|e| Amount::checked_euros(e.round() as i64)),
            ),
        },
    ]
}

/// One bar of the planned-vs-realised funding chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Planned (or granted) when `false`, realised when `true`.
    pub realized: bool,
    /// The amount, if known.
    pub amount: Option<Amount>,
    /// Width in percent of the largest amount of the chart.
    pub width: f64,
}

/// A pair of bars: EU and state (granted, realised) or public total (planned, realised).
#[derive(Debug, Clone, PartialEq)]
pub struct BarGroup {
    /// `true` for the public total, `false` for EU and state.
    pub total: bool,
    /// Planned first, then realised.
    pub bars: [Bar; 2],
}

/// The funding chart: both groups scaled to the largest amount.
pub fn funding_chart(f: &Funding) -> [BarGroup; 2] {
    let max = [
        f.granted_eu_state,
        f.realized_eu_state,
        f.planned_public_total,
        f.realized_public_total,
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(Amount::ZERO)
    .to_f64();
    let bar = |amount: Option<Amount>, realized| Bar {
        realized,
        amount,
        width: bar_width(amount.unwrap_or(Amount::ZERO).to_f64(), max),
    };
    [
        BarGroup {
            total: false,
            bars: [
                bar(f.granted_eu_state, false),
                bar(f.realized_eu_state, true),
            ],
        },
        BarGroup {
            total: true,
            bars: [
                bar(f.planned_public_total, false),
                bar(f.realized_public_total, true),
            ],
        },
    ]
}

/// Bar widths of an indicator: planned and realised, scaled to the larger of the two.
pub fn indicator_bars(planned: Option<f64>, realized: Option<f64>) -> (f64, f64) {
    let max = planned.unwrap_or(0.0).max(realized.unwrap_or(0.0));
    (
        bar_width(planned.unwrap_or(0.0), max),
        bar_width(realized.unwrap_or(0.0), max),
    )
}

/// The sustainability items of one category, with their index in the document's list
/// (the index is the `sustainability.N` path).
#[derive(Debug, Clone, PartialEq)]
pub struct SustainabilityGroup<'a> {
    /// The category line, as in the document.
    pub category: &'a str,
    /// Items in document order with their index.
    pub items: Vec<(usize, &'a SustainabilityItem)>,
}

/// Groups sustainability items by category, keeping the order of first appearance.
pub fn group_sustainability(items: &[SustainabilityItem]) -> Vec<SustainabilityGroup<'_>> {
    let mut groups: Vec<SustainabilityGroup<'_>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match groups.iter_mut().find(|g| g.category == item.category) {
            Some(g) => g.items.push((i, item)),
            None => groups.push(SustainabilityGroup {
                category: &item.category,
                items: vec![(i, item)],
            }),
        }
    }
    groups
}

/// Width of a 0–10 score bar in percent.
pub fn score_width(score: Option<u8>) -> f64 {
    bar_width(f64::from(score.unwrap_or(0)), 10.0)
}

/// A block of prose: a paragraph (its lines) or a bulleted list (its items).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextBlock {
    /// Lines of one paragraph; shown with line breaks kept.
    Paragraph(Vec<String>),
    /// Items of a list written with "-", "*" or "•" bullets, bullets removed.
    List(Vec<String>),
}

/// Splits prose into blocks: blank lines separate paragraphs; runs of bulleted lines
/// become lists, and a bullet item's unbulleted continuation lines join it.
pub fn text_blocks(text: &str) -> Vec<TextBlock> {
    let mut blocks = Vec::new();
    for chunk in text.split("\n\n") {
        let mut para: Vec<String> = Vec::new();
        let mut list: Vec<String> = Vec::new();
        for line in chunk.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(item) = bullet_item(line) {
                if !para.is_empty() {
                    blocks.push(TextBlock::Paragraph(std::mem::take(&mut para)));
                }
                list.push(item.to_owned());
            } else if let Some(last) = list.last_mut().filter(|_| para.is_empty()) {
                // An unbulleted line right after a bullet continues it only when it starts
                // in lower case; otherwise it is a new paragraph.
                if line.starts_with(char::is_lowercase) {
                    last.push(' ');
                    last.push_str(line);
                } else {
                    blocks.push(TextBlock::List(std::mem::take(&mut list)));
                    para.push(line.to_owned());
                }
            } else {
                para.push(line.to_owned());
            }
        }
        if !list.is_empty() {
            blocks.push(TextBlock::List(list));
        }
        if !para.is_empty() {
            blocks.push(TextBlock::Paragraph(para));
        }
    }
    blocks
}

fn bullet_item(line: &str) -> Option<&str> {
    // "*" and "•" mark items with or without a space (seed 003 writes "*työttömät");
    // "-" only with one, since a line may start with a hyphenated word part.
    let rest = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix('*'))
        .or_else(|| line.strip_prefix('•'))
        .or_else(|| line.strip_prefix('–').filter(|r| r.starts_with(' ')))?;
    let rest = rest.trim();
    (!rest.is_empty()).then_some(rest)
}

/// The source line of a typed field: its own path, or else the nearest parent path
/// (`indicators.0.planned` falls back to `indicators.0`).
pub fn field_line(doc: &Document, path: &str) -> Option<u32> {
    let mut p = path;
    loop {
        if let Some(&line) = doc.field_lines.get(p) {
            return Some(line);
        }
        p = &p[..p.rfind('.')?];
    }
}

/// Diagnostics by line, for marking lines of the source view.
pub fn diagnostics_by_line(diags: &[Diagnostic]) -> BTreeMap<u32, Vec<&Diagnostic>> {
    let mut map: BTreeMap<u32, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diags {
        if let Some(line) = d.line {
            map.entry(line).or_default().push(d);
        }
    }
    map
}

/// The name of a severity in the UI language.
pub fn severity_label(lang: Lang, severity: Severity) -> &'static str {
    let t = lang.t();
    match severity {
        Severity::Error => t.severity_error,
        Severity::Warning => t.severity_warning,
        Severity::Info => t.severity_info,
    }
}

/// A link target for a website written in a description: `http(s)://` kept, a bare host
/// gets `https://`; anything with another scheme (`javascript:`) gets no link.
pub fn website_href(written: &str) -> Option<String> {
    let s = written.trim();
    if s.is_empty() || s.contains(char::is_whitespace) {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        Some(s.to_owned())
    } else if !s.contains(':') && s.contains('.') {
        Some(format!("https://{s}"))
    } else {
        None
    }
}

/// A `mailto:` link for an e-mail address that looks like one.
pub fn mailto_href(email: &str) -> Option<String> {
    let s = email.trim();
    let (local, domain) = s.split_once('@')?;
    let plausible = !local.is_empty()
        && domain.contains('.')
        && !s.contains(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '?' | '&'));
    plausible.then(|| format!("mailto:{s}"))
}

/// The status in the UI language; an unrecognised status as written; "—" without one.
pub fn status_label(lang: Lang, status: Option<Status>, written: Option<&str>) -> String {
    let t = lang.t();
    match (status, written) {
        (Some(Status::Ended), _) => t.status_ended.to_owned(),
        (Some(Status::Active), _) => t.status_active.to_owned(),
        (Some(Status::Interrupted), _) => t.status_interrupted.to_owned(),
        (None, Some(w)) if !w.trim().is_empty() => w.trim().to_owned(),
        (None, _) => t.none.to_owned(),
    }
}

/// The period with its length: `1.1.2019–31.12.2019 (12 kk)`; parts that are missing
/// show as "—".
pub fn period_parts(lang: Lang, doc: &Document) -> (String, String, Option<String>) {
    let t = lang.t();
    let date = |d: Option<&str>| d.map_or_else(|| t.none.to_owned(), |d| format_date(lang, d));
    (
        date(doc.project.start_date.as_deref()),
        date(doc.project.end_date.as_deref()),
        doc.duration_months()
            .map(|m| format!("{m}\u{a0}{}", t.months.of(m as usize))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use hankekuvaus::paths::FieldPath;

    fn seed(name: &str) -> Document {
        let path = format!("{}/testdata/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(path).unwrap();
        hankekuvaus::parse(&bytes, name).expect("a seed parses")
    }

    #[test]
    fn bars_are_clamped_and_scaled() {
        assert_eq!(bar_width(5.0, 10.0), 50.0);
        assert_eq!(bar_width(15.0, 10.0), 100.0);
        assert_eq!(bar_width(5.0, 0.0), 0.0);
        assert_eq!(bar_width(-1.0, 10.0), 0.0);
        assert_eq!(indicator_bars(Some(30.0), Some(21.0)), (100.0, 70.0));
        assert_eq!(indicator_bars(Some(30.0), None), (100.0, 0.0));
        assert_eq!(score_width(Some(7)), 70.0);
        assert_eq!(score_width(None), 0.0);
    }

    #[test]
    fn funding_card_of_seed_s21498() {
        let doc = seed("000_2f4bdf7767fd6a31.txt");
        let figures = funding_figures(Lang::Fi, &doc);
        let get = |k: &str| figures.iter().find(|f| f.key == k).unwrap().value.clone();
        // 48 724 / 69 606 = 69.999…%
        assert_eq!(get("eu_state_share"), "70,0\u{a0}%");
        assert_eq!(get("realized_vs_granted"), "100,0\u{a0}%");
        assert_eq!(get("realized_vs_planned"), "100,0\u{a0}%");
        assert_eq!(get("other_public"), "20\u{a0}882\u{a0}€");
        // 69 606 € planned for 30 planned persons.
        assert_eq!(get("per_participant"), "2\u{a0}320\u{a0}€");
        let en = funding_figures(Lang::En, &doc);
        assert_eq!(en[0].value, "70.0%");
        let sv = funding_figures(Lang::Sv, &doc);
        assert_eq!(sv[0].value, "70,0\u{a0}%");
        assert_eq!(
            sv[0].label,
            "EU:s och statens andel av planerad offentlig finansiering"
        );
        assert_eq!(sv[3].value, "20\u{a0}882\u{a0}€");
        let chart = funding_chart(&doc.funding);
        assert_eq!(chart[1].bars[0].width, 100.0);
        assert!((chart[0].bars[0].width - 69.999).abs() < 0.01);
    }

    #[test]
    fn sustainability_groups_of_a_seed() {
        let doc = seed("000_2f4bdf7767fd6a31.txt");
        let groups = group_sustainability(&doc.sustainability);
        let shape: Vec<(&str, usize)> =
            groups.iter().map(|g| (g.category, g.items.len())).collect();
        assert_eq!(
            shape,
            [
                ("Ekologinen kestävyys", 5),
                ("Taloudellinen kestävyys", 5),
                (
                    "Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus",
                    5
                ),
            ]
        );
        let (index, item) = groups[1].items[2];
        assert_eq!(index, 7);
        assert_eq!(
            item.name,
            "Paikallisen elinkeinorakenteen kestävä kehittäminen"
        );
        assert_eq!((item.direct, item.indirect), (Some(5), Some(3)));
    }

    #[test]
    fn missing_amounts_make_missing_figures() {
        let mut doc = seed("000_2f4bdf7767fd6a31.txt");
        doc.funding.granted_eu_state = None;
        let figures = funding_figures(Lang::En, &doc);
        assert_eq!(figures[0].value, "—");
        assert_eq!(figures[1].value, "—");
        assert_eq!(figures[2].value, "100.0%");
        assert_eq!(figures[3].value, "—");
    }

    #[test]
    fn prose_blocks() {
        let text = "First line\nsecond line\n\nIntro:\n- one\n- two\ncontinued\n* three\nNext para";
        assert_eq!(
            text_blocks(text),
            [
                TextBlock::Paragraph(vec!["First line".into(), "second line".into()]),
                TextBlock::Paragraph(vec!["Intro:".into()]),
                TextBlock::List(vec!["one".into(), "two continued".into(), "three".into()]),
                TextBlock::Paragraph(vec!["Next para".into()]),
            ]
        );
        assert_eq!(text_blocks(""), []);
        assert_eq!(
            text_blocks("Kohderyhmä:\n*työttömät ja nuoret\n*muut sidosryhmät"),
            [
                TextBlock::Paragraph(vec!["Kohderyhmä:".into()]),
                TextBlock::List(vec![
                    "työttömät ja nuoret".into(),
                    "muut sidosryhmät".into()
                ]),
            ]
        );
        // A hyphenated word is not a bullet.
        assert_eq!(
            text_blocks("-tunnus"),
            [TextBlock::Paragraph(vec!["-tunnus".into()])]
        );
    }

    #[test]
    fn field_lines_fall_back_to_the_parent() {
        let doc = seed("000_2f4bdf7767fd6a31.txt");
        assert_eq!(field_line(&doc, FieldPath::ProjectCode.as_str()), Some(7));
        let granted = field_line(&doc, FieldPath::FundingGrantedEuState.as_str()).unwrap();
        let mut d = doc.clone();
        d.field_lines.insert("indicators.0".into(), 99);
        d.field_lines.remove("indicators.0.planned");
        assert_eq!(field_line(&d, "indicators.0.planned"), Some(99));
        assert_eq!(field_line(&d, "nothing.here"), None);
        assert!(granted > 7);
    }

    #[test]
    fn status_and_period_of_seed_s21498() {
        let doc = seed("000_2f4bdf7767fd6a31.txt");
        let status = status_label(
            Lang::En,
            doc.project.status,
            doc.project.status_text.as_deref(),
        );
        assert_eq!(status, "Ended");
        assert_eq!(
            status_label(Lang::Fi, None, Some("Keskeytetty")),
            "Keskeytetty"
        );
        let (start, end, months) = period_parts(Lang::Fi, &doc);
        assert_eq!((start.as_str(), end.as_str()), ("1.1.2019", "31.12.2019"));
        assert_eq!(months.as_deref(), Some("12\u{a0}kk"));
        let (start, end, months) = period_parts(Lang::Sv, &doc);
        assert_eq!((start.as_str(), end.as_str()), ("1.1.2019", "31.12.2019"));
        assert_eq!(months.as_deref(), Some("12\u{a0}månader"));
        assert_eq!(status_label(Lang::Sv, doc.project.status, None), "Avslutad");
    }

    #[test]
    fn links_are_safe() {
        assert_eq!(
            website_href("http://www.mikseimikkeli.fi").as_deref(),
            Some("http://www.mikseimikkeli.fi")
        );
        assert_eq!(
            website_href("www.xamk.fi").as_deref(),
            Some("https://www.xamk.fi")
        );
        assert_eq!(website_href("javascript:alert(1)"), None);
        assert_eq!(
            mailto_href("heikki.silvennoinen@mikseimikkeli.fi").as_deref(),
            Some("mailto:heikki.silvennoinen@mikseimikkeli.fi")
        );
        assert_eq!(mailto_href("heikki(at)x.fi"), None);
    }
}
