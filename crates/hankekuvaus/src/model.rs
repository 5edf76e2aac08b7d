//! The parsed document: the JSON contract, schema version 2.
//!
//! Every type here serializes to the members documented in `schema/document.schema.json`.
//! Absent values are `null`, never omitted; lists that are absent are empty. Members added
//! in version 2 read as absent from version 1 JSON (`#[serde(default)]`), so earlier exports
//! import unchanged.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::Amount;

mod field_lines;
mod shared;
mod text;
pub use field_lines::FieldLines;
use shared::{field_label, layout_text, section_number, section_title};
pub use text::Text;
pub(crate) use text::{fields_sharing_values, share_prose, share_typed};

/// The version of the JSON contract that [`Document`] serializes to.
pub const SCHEMA_VERSION: u32 = 2;

/// The earliest version of the JSON contract that [`crate::import`] still reads.
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// One project: a parsed description ("hankkeen kuvaus") or one row of a list export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA_VERSION`] for documents made by this crate.
    pub schema_version: u32,
    /// Where the document came from and how it was decoded.
    pub source: Source,
    /// Fund and programme period.
    pub kind: Kind,
    /// Section 1 "Hanke" (project).
    pub project: Project,
    /// Section 2 "Hakijan perustiedot" (applicant).
    pub applicant: Applicant,
    /// Section 3 "Suunnitelman mukainen tiivistelmä toteutuksesta": paragraphs joined by a blank line.
    pub summary: Option<Text>,
    /// Section 4 "Hankkeen kohderyhmät" (target groups).
    pub target_groups: TargetGroups,
    /// Section 5 "Projektin julkinen rahoitus, euroa" (public funding, exact to the cent).
    pub funding: Funding,
    /// Section 6 "Maantieteellinen kohdealue" (geographical area).
    pub area: Area,
    /// Section 7: indicators estimated at application, in document order.
    pub indicators: Vec<Indicator>,
    /// Section 8.1 "Sukupuolten tasa-arvo" (gender equality).
    pub gender_equality: GenderEquality,
    /// Section 8.2 "Kestävä kehitys" (sustainable development): 15 scored items.
    pub sustainability: Vec<SustainabilityItem>,
    /// Section 9 "Loppuraportin tiivistelmä"; `None` when absent or "-".
    pub final_report_summary: Option<Text>,
    /// The generic section tree: every non-blank input line belongs to it.
    pub sections: Vec<Section>,
    /// 1-based source line of each typed field, keyed by its JSON path
    /// (`"project.code"`, `"indicators.1.planned"`, `"sustainability.7"`). The paths every
    /// document has are kept as numbers ([`FieldLines`]), also when read from JSON.
    pub field_lines: FieldLines,
    /// Problems found while parsing, in line order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// A document of schema version [`SCHEMA_VERSION`] with its source and kind, and every
    /// other member absent: `None`, empty or default. The parser fills it in.
    pub fn new(source: Source, kind: Kind) -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            source,
            kind,
            project: Project::default(),
            applicant: Applicant::default(),
            summary: None,
            target_groups: TargetGroups::default(),
            funding: Funding::default(),
            area: Area::default(),
            indicators: Vec::new(),
            gender_equality: GenderEquality::default(),
            sustainability: Vec::new(),
            final_report_summary: None,
            sections: Vec::new(),
            field_lines: FieldLines::new(),
            diagnostics: Vec::new(),
        }
    }
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file name as given to the parser (no directories are implied).
    pub file_name: String,
    /// How the file was read.
    pub format: SourceFormat,
    /// The character encoding the bytes were decoded from.
    pub encoding: TextEncoding,
    /// Number of lines in the decoded text (for HTML: in the text extracted from it).
    pub line_count: u32,
    /// Size of the input in bytes.
    pub byte_count: u64,
    /// FNV-1a 64-bit hash of the input bytes, 16 hex digits: tells identical files apart cheaply.
    pub fingerprint: String,
    /// The list export the document is a row of; `None` for a description.
    #[serde(default)]
    pub list: Option<ListKind>,
    /// The row of the list the document was read from, where the file numbers it: the line
    /// of a CSV or XML file, the worksheet row of a workbook (the header is row 1);
    /// `None` for a description.
    #[serde(default)]
    pub row: Option<u32>,
}

/// The services' list exports: one file with every project of a programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ListKind {
    /// EURA 2007's `projektilista.php` as CSV (2007–2013).
    #[serde(rename = "eura2007-csv")]
    Eura2007Csv,
    /// EURA 2007's `projektilista.php` as XML (2007–2013).
    #[serde(rename = "eura2007-xml")]
    Eura2007Xml,
    /// EURA 2014's `projektilista.php` as CSV (2014–2020), also after a spreadsheet.
    #[serde(rename = "eura2014-csv")]
    Eura2014Csv,
    /// EURA 2021's report as an Excel workbook (2021–2027).
    #[serde(rename = "eura2021-xlsx")]
    Eura2021Xlsx,
}

impl ListKind {
    /// "eura2007-csv", "eura2007-xml", "eura2014-csv" or "eura2021-xlsx".
    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::Eura2007Csv => "eura2007-csv",
            ListKind::Eura2007Xml => "eura2007-xml",
            ListKind::Eura2014Csv => "eura2014-csv",
            ListKind::Eura2021Xlsx => "eura2021-xlsx",
        }
    }

    /// The programme period of the list's projects.
    pub fn period(self) -> Period {
        match self {
            ListKind::Eura2007Csv | ListKind::Eura2007Xml => Period::P2007_2013,
            ListKind::Eura2014Csv => Period::P2014_2020,
            ListKind::Eura2021Xlsx => Period::P2021_2027,
        }
    }
}

/// The shape of the input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// A page saved or copied as text.
    Text,
    /// A page saved as HTML.
    Html,
    /// A list export in CSV.
    Csv,
    /// A list export in XML.
    Xml,
    /// A list export as an Excel workbook.
    Xlsx,
}

/// Character encodings the parser reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    #[serde(rename = "UTF-8")]
    Utf8,
    /// UTF-16 little-endian.
    #[serde(rename = "UTF-16LE")]
    Utf16Le,
    /// UTF-16 big-endian.
    #[serde(rename = "UTF-16BE")]
    Utf16Be,
    /// Windows-1252 (used when the bytes are not valid UTF-8).
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl TextEncoding {
    /// The name used in JSON and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Windows1252 => "windows-1252",
        }
    }
}

/// Fund and programme period of a description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kind {
    /// ESR (European Social Fund), EAKR (European Regional Development Fund), ESR+ or JTF.
    pub fund: Option<Fund>,
    /// The programme period.
    pub period: Option<Period>,
}

/// The EU structural fund that finances a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Fund {
    /// Euroopan sosiaalirahasto, the European Social Fund (codes `S…`).
    #[serde(rename = "ESR")]
    Esr,
    /// Euroopan aluekehitysrahasto, the European Regional Development Fund (codes `A…`).
    #[serde(rename = "EAKR")]
    Eakr,
    /// Euroopan sosiaalirahasto plus, the ESF+ of 2021–2027.
    #[serde(rename = "ESR+")]
    EsrPlus,
    /// Oikeudenmukaisen siirtymän rahasto, the Just Transition Fund of 2021–2027.
    #[serde(rename = "JTF")]
    Jtf,
}

impl Fund {
    /// "ESR", "EAKR", "ESR+" or "JTF".
    pub fn as_str(self) -> &'static str {
        match self {
            Fund::Esr => "ESR",
            Fund::Eakr => "EAKR",
            Fund::EsrPlus => "ESR+",
            Fund::Jtf => "JTF",
        }
    }

    /// Reads a fund as the lists write it: "ESR", "EAKR", "ESR+", "JTF" (any case).
    pub fn from_code(s: &str) -> Option<Fund> {
        match s.trim().to_uppercase().as_str() {
            "ESR" => Some(Fund::Esr),
            "EAKR" => Some(Fund::Eakr),
            "ESR+" => Some(Fund::EsrPlus),
            "JTF" => Some(Fund::Jtf),
            _ => None,
        }
    }
}

/// The programme period a description belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Period {
    /// EURA 2014 service, "hanke" terminology.
    #[serde(rename = "2014-2020")]
    P2014_2020,
    /// EURA 2007 service, "projekti" terminology.
    #[serde(rename = "2007-2013")]
    P2007_2013,
    /// EURA 2021 service; only list exports are read for it.
    #[serde(rename = "2021-2027")]
    P2021_2027,
}

impl Period {
    /// "2014-2020", "2007-2013" or "2021-2027".
    pub fn as_str(self) -> &'static str {
        match self {
            Period::P2014_2020 => "2014-2020",
            Period::P2007_2013 => "2007-2013",
            Period::P2021_2027 => "2021-2027",
        }
    }
}

/// A numbered classification such as "3. Työllisyys ja työvoiman liikkuvuus".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Numbered {
    /// The number without its trailing dot: "3", "7.1"; `None` when the value has none.
    pub number: Option<String>,
    /// The name after the number; empty when the source gives only the number (list exports).
    pub name: String,
}

/// Whether the project is still running ("Toiminnan tila").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// "Toiminta päättynyt".
    Ended,
    /// "Toiminnassa".
    Active,
    /// "Keskeytynyt": stopped before its planned end.
    Interrupted,
}

impl Status {
    /// "ended", "active" or "interrupted".
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ended => "ended",
            Status::Active => "active",
            Status::Interrupted => "interrupted",
        }
    }
}

/// Section 1 "Hanke".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    /// Hankekoodi: `S` + digits (ESR) or `A` + digits (EAKR).
    pub code: Option<Text>,
    /// Hankkeen nimi.
    pub name: Option<Text>,
    /// Toimintalinja (priority axis).
    pub priority_axis: Option<Numbered>,
    /// Erityistavoite (specific objective).
    pub specific_objective: Option<Numbered>,
    /// Planned start, ISO date `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// Planned end, ISO date `YYYY-MM-DD`.
    pub end_date: Option<String>,
    /// Toiminnan tila, interpreted.
    pub status: Option<Status>,
    /// Toiminnan tila as written.
    pub status_text: Option<Text>,
    /// Vastuuviranomainen: an ELY centre or a regional council.
    pub responsible_authority: Option<Text>,
    /// "Ohjelma / osio" of 2007–2013: the ERDF regional programme ("Itä-Suomi") or the ESF
    /// part ("Valtakunnallinen osio").
    #[serde(default)]
    pub programme: Option<Text>,
    /// Ryhmähanketunnus (2021–2027): the code of the group project this one belongs to.
    #[serde(default)]
    pub group_code: Option<Text>,
    /// Hankekuvauksen osoite (2021–2027): the URL of the project card in the service.
    #[serde(default)]
    pub card_url: Option<Text>,
    /// Hankkeen kotisivun osoite (2021–2027): the project's own home page.
    #[serde(default)]
    pub home_page: Option<Text>,
}

/// Section 2 "Hakijan perustiedot".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    /// Hakijan virallinen nimi.
    pub name: Option<Text>,
    /// Organisaatiotyyppi.
    pub organisation_type: Option<Text>,
    /// Y-tunnus (Finnish business ID), as written.
    pub business_id: Option<Text>,
    /// Whether the Y-tunnus has the right form and check digit; `None` without an ID.
    pub business_id_valid: Option<bool>,
    /// Jakeluosoite.
    pub street_address: Option<Text>,
    /// Postinumero.
    pub postal_code: Option<Text>,
    /// Postitoimipaikka.
    pub city: Option<Text>,
    /// Puhelinnumero.
    pub phone: Option<Text>,
    /// WWW-osoite.
    pub website: Option<Text>,
    /// The project's contact person.
    pub contact: Contact,
    /// `true` for "Hakijoita on useampi kuin yksi (yhteishanke)", `false` for "Vain yksi hakija".
    pub joint_project: Option<bool>,
    /// Osatoteuttajat (co-implementers), in document order.
    pub co_implementers: Vec<CoImplementer>,
}

/// The project's contact person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Hankkeen yhteyshenkilön nimi.
    pub name: Option<Text>,
    /// Yhteyshenkilön asema hakijaorganisaatiossa.
    pub position: Option<Text>,
    /// E-mail with `(at)` turned into `@`.
    pub email: Option<Text>,
    /// Yhteyshenkilön puhelinnumero.
    pub phone: Option<Text>,
}

/// One co-implementer ("osatoteuttaja").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoImplementer {
    /// Organisation name.
    pub name: Text,
    /// Y-tunnus, when the line has one.
    pub business_id: Option<Text>,
    /// Whether the Y-tunnus is valid; `None` without an ID.
    pub business_id_valid: Option<bool>,
}

/// Section 4 "Hankkeen kohderyhmät".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetGroups {
    /// 4.1 Varsinaiset kohderyhmät (primary).
    pub primary: Option<Text>,
    /// 4.2 Välilliset kohderyhmät (indirect).
    pub indirect: Option<Text>,
}

/// Section 5: public funding in euros, exact to the cent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funding {
    /// Myönnetty EU- ja valtion rahoitus.
    pub granted_eu_state: Option<Amount>,
    /// Toteutunut EU- ja valtion rahoitus.
    pub realized_eu_state: Option<Amount>,
    /// Suunniteltu julkinen rahoitus yhteensä.
    pub planned_public_total: Option<Amount>,
    /// Toteutunut julkinen rahoitus yhteensä.
    pub realized_public_total: Option<Amount>,
    /// Suunniteltu rahoitus yhteensä (2021–2027): planned funding, private included.
    #[serde(default)]
    pub planned_total: Option<Amount>,
    /// Toteutunut rahoitus yhteensä (2021–2027): realised funding, private included.
    #[serde(default)]
    pub realized_total: Option<Amount>,
    /// Toteutunut EU-rahoituksen määrä (2021–2027): the realised EU share alone.
    #[serde(default)]
    pub realized_eu: Option<Amount>,
}

/// Section 6 "Maantieteellinen kohdealue".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    /// Maakunnat (regions).
    pub regions: Vec<String>,
    /// Seutukunnat (sub-regions), as written (genitive: "Mikkelin").
    pub sub_regions: Vec<String>,
    /// Kunnat (municipalities).
    pub municipalities: Vec<String>,
    /// The site address when the project runs in one place.
    pub site: Site,
    /// `true` when a 2007–2013 page says "Valtakunnallinen projekti" (national project).
    pub national: bool,
}

/// "Toteutuspaikan osoite": the site address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    /// Jakeluosoite.
    pub street_address: Option<Text>,
    /// Postinumero.
    pub postal_code: Option<Text>,
    /// Postitoimipaikka.
    pub city: Option<Text>,
}

/// One indicator of section 7.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// The subsection number, e.g. "7.1".
    pub number: Option<String>,
    /// The indicator name (the subsection title).
    pub name: String,
    /// "Suunniteltu" (planned).
    #[serde(serialize_with = "whole_when_integral")]
    pub planned: Option<f64>,
    /// "Toteutunut seurantatietojen mukaan" (realised).
    #[serde(serialize_with = "whole_when_integral")]
    pub realized: Option<f64>,
}

/// Section 8.1: three yes/no answers with explanations.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenderEquality {
    /// An analysis of the environment was made from a gender perspective.
    pub analysis_done: Option<bool>,
    /// Explanation of `analysis_done`.
    pub analysis_text: Option<Text>,
    /// The gender perspective is mainstreamed in the project's work.
    pub mainstreamed: Option<bool>,
    /// Explanation of `mainstreamed`.
    pub mainstreaming_text: Option<Text>,
    /// Gender equality is the project's main goal.
    pub main_goal: Option<bool>,
    /// Explanation of `main_goal`.
    pub main_goal_text: Option<Text>,
}

/// One scored item of section 8.2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SustainabilityItem {
    /// The category line above the item ("Ekologinen kestävyys", …). Borrowed when it is
    /// the layout's own text (as it is but in damaged files), so that fifteen items a
    /// description do not each hold a copy.
    #[serde(deserialize_with = "layout_text")]
    pub category: Cow<'static, str>,
    /// The item name; borrowed when it is one of the layout's fifteen as written.
    #[serde(deserialize_with = "layout_text")]
    pub name: Cow<'static, str>,
    /// "Välitön" (direct) score, 0–10.
    pub direct: Option<u8>,
    /// "Välillinen" (indirect) score, 0–10.
    pub indirect: Option<u8>,
    /// The explanation lines below the item, joined by newlines.
    pub explanation: Option<Text>,
}

/// A node of the generic section tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// "1", "4.1"; `None` for the preamble before the first numbered section. Borrowed from
    /// a table of the layouts' numbers, as parsed and as read back from JSON.
    #[serde(deserialize_with = "section_number")]
    pub number: Option<Cow<'static, str>>,
    /// The heading text after the number; `None` for the preamble. Borrowed when it is a
    /// title the service writes in every description.
    #[serde(deserialize_with = "section_title")]
    pub title: Option<Cow<'static, str>>,
    /// First line of the section (its heading).
    pub line: u32,
    /// Last non-blank line of the section, subsections included.
    pub end_line: u32,
    /// `Label: value` lines, in order.
    pub fields: Vec<Field>,
    /// Runs of consecutive non-field lines, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Numbered subsections ("4.1" under "4").
    pub subsections: Vec<Section>,
}

/// A `Label: value` line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The text before the separator, trimmed. Borrowed when it is a known label as the
    /// service writes it, also when read back from JSON.
    #[serde(deserialize_with = "field_label")]
    pub label: Cow<'static, str>,
    /// The text after the separator, trimmed (may be empty). Parsed, the values of a
    /// section are ranges of one string, which the typed fields that repeat them share.
    pub value: Text,
    /// 1-based line number.
    pub line: u32,
}

/// A run of consecutive non-blank lines that are not fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The lines, trimmed, joined by `\n`: line `k` of the text is source line `line + k`.
    /// Parsed, the paragraphs of a section are ranges of one string, which the typed prose
    /// that repeats them shares.
    pub text: Text,
    /// First line.
    pub line: u32,
    /// Last line.
    pub end_line: u32,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something unexpected but harmless: an unknown label, say.
    Info,
    /// A value is doubtful or a part is missing; the rest is fine.
    Warning,
    /// A value could not be read.
    Error,
}

impl Severity {
    /// "info", "warning" or "error".
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A problem found while parsing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A stable kebab-case code, e.g. `bad-amount`; see [`crate::codes`].
    pub code: String,
    /// A sentence for people, naming the value and what was expected.
    pub message: String,
    /// 1-based line, when the problem has one.
    pub line: Option<u32>,
}

/// Writes `30.0` as `30`: indicator values are counts in practice, and JSON readers (and
/// people reading the golden files) expect whole numbers for them.
fn whole_when_integral<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(x as i64),
        Some(x) => s.serialize_f64(x),
        None => s.serialize_none(),
    }
}
