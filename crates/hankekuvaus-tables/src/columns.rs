//! The columns of each table: a stable key and a header in each language.
//!
//! The Swedish headers use the official terms of Finland's structural-fund programme where
//! they exist: landskap (maakunta), ekonomisk region (seutukunta), FO-nummer (Y-tunnus),
//! insatsområde (toimintalinja).

use crate::{pick, Lang, TableKind};

/// A column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Column {
    /// Stable snake_case key: the CSV header with [`crate::Labels::Keys`].
    pub key: &'static str,
    /// Finnish header.
    pub fi: &'static str,
    /// English header.
    pub en: &'static str,
    /// Swedish header.
    pub sv: &'static str,
}

impl Column {
    /// The header in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        pick(lang, self.fi, self.en, self.sv)
    }
}

const fn col(key: &'static str, fi: &'static str, en: &'static str, sv: &'static str) -> Column {
    Column { key, fi, en, sv }
}

const CODE: Column = col("code", "Hankekoodi", "Project code", "Projektkod");
const FILE: Column = col("file_name", "Tiedosto", "File", "Fil");

/// The Projects table: the summary CSV's 14 columns (`export::SUMMARY_COLUMNS` and
/// `realized_vs_granted_pct`, same keys, same order) and then what the overview and the
/// derived figures add.
pub(crate) const PROJECTS: [Column; 22] = [
    FILE,
    CODE,
    col("name", "Hankkeen nimi", "Project name", "Projektets namn"),
    col("fund", "Rahasto", "Fund", "Fond"),
    col(
        "period",
        "Ohjelmakausi",
        "Programme period",
        "Programperiod",
    ),
    col("status", "Toiminnan tila", "Status", "Status"),
    col("start_date", "Alkaa", "Start date", "Startdatum"),
    col("end_date", "Päättyy", "End date", "Slutdatum"),
    col("regions", "Maakunnat", "Regions (maakunnat)", "Landskap"),
    col(
        "granted_eu_state",
        "Myönnetty EU- ja valtion rahoitus",
        "EU and state funding granted",
        "Beviljad EU- och statlig finansiering",
    ),
    col(
        "realized_eu_state",
        "Toteutunut EU- ja valtion rahoitus",
        "EU and state funding realised",
        "Förverkligad EU- och statlig finansiering",
    ),
    col(
        "planned_public_total",
        "Suunniteltu julkinen rahoitus yhteensä",
        "Total public funding planned",
        "Planerad offentlig finansiering totalt",
    ),
    col(
        "realized_public_total",
        "Toteutunut julkinen rahoitus yhteensä",
        "Total public funding realised",
        "Förverkligad offentlig finansiering totalt",
    ),
    col(
        "realized_vs_granted_pct",
        "Toteutunut EU- ja valtion rahoitus myönnetystä",
        "EU and state funding realised of granted",
        "Förverkligad EU- och statlig finansiering av beviljad",
    ),
    col(
        "realized_vs_planned_pct",
        "Toteutunut julkinen rahoitus suunnitellusta",
        "Public funding realised of planned",
        "Förverkligad offentlig finansiering av planerad",
    ),
    col(
        "eu_state_share_pct",
        "EU- ja valtion osuus suunnitellusta julkisesta rahoituksesta",
        "EU and state share of planned public funding",
        "EU:s och statens andel av planerad offentlig finansiering",
    ),
    col(
        "other_public_planned",
        "Muu julkinen rahoitus (suunniteltu)",
        "Other public funding (planned)",
        "Annan offentlig finansiering (planerad)",
    ),
    col(
        "planned_per_participant",
        "Suunniteltu julkinen rahoitus osallistujaa kohden",
        "Planned public funding per participant",
        "Planerad offentlig finansiering per deltagare",
    ),
    col(
        "duration_months",
        "Kesto, kk",
        "Duration, months",
        "Längd, månader",
    ),
    col(
        "priority_axis",
        "Toimintalinja",
        "Priority axis (toimintalinja)",
        "Insatsområde",
    ),
    col(
        "responsible_authority",
        "Vastuuviranomainen",
        "Responsible authority",
        "Ansvarig myndighet",
    ),
    col("applicant", "Hakija", "Applicant", "Sökande"),
];

pub(crate) const INDICATORS: [Column; 4] = [
    CODE,
    col("indicator", "Mittari", "Indicator", "Indikator"),
    col("planned", "Suunniteltu", "Planned", "Planerat"),
    col("realized", "Toteutunut", "Realised", "Förverkligat"),
];

pub(crate) const SUSTAINABILITY: [Column; 5] = [
    CODE,
    col("category", "Ryhmä", "Category", "Kategori"),
    col("item", "Osa-alue", "Item", "Delområde"),
    col("direct", "Välitön", "Direct", "Direkt"),
    col("indirect", "Välillinen", "Indirect", "Indirekt"),
];

pub(crate) const AREAS: [Column; 4] = [
    CODE,
    col("region", "Maakunta", "Region (maakunta)", "Landskap"),
    col(
        "sub_region",
        "Seutukunta",
        "Sub-region (seutukunta)",
        "Ekonomisk region",
    ),
    col("municipality", "Kunta", "Municipality (kunta)", "Kommun"),
];

pub(crate) const ORGANISATIONS: [Column; 5] = [
    CODE,
    col("role", "Rooli", "Role", "Roll"),
    col("name", "Nimi", "Name", "Namn"),
    col(
        "business_id",
        "Y-tunnus",
        "Business ID (Y-tunnus)",
        "FO-nummer",
    ),
    col(
        "business_id_valid",
        "Y-tunnus kelvollinen",
        "Business ID valid",
        "FO-numret giltigt",
    ),
];

pub(crate) const DIAGNOSTICS: [Column; 5] = [
    FILE,
    col("line", "Rivi", "Line", "Rad"),
    col("severity", "Vakavuus", "Severity", "Allvarlighetsgrad"),
    col("code", "Koodi", "Code", "Kod"),
    col("message", "Viesti", "Message", "Meddelande"),
];

pub(crate) fn of(kind: TableKind) -> &'static [Column] {
    match kind {
        TableKind::Projects => &PROJECTS,
        TableKind::Indicators => &INDICATORS,
        TableKind::Sustainability => &SUSTAINABILITY,
        TableKind::Areas => &AREAS,
        TableKind::Organisations => &ORGANISATIONS,
        TableKind::Diagnostics => &DIAGNOSTICS,
    }
}
