//! Every string of the user interface, in Finnish, Swedish and English.
//!
//! UI strings live in one [`Texts`] table per language; labels of document fields live in
//! [`FIELD_LABELS`], keyed by the field's JSON path. In English and Swedish a field label
//! shows the Finnish original too ("Priority axis (Toimintalinja)", "Insatsområde
//! (Toimintalinja)"), because users know the Finnish terms from the service's pages.
//!
//! Architecture invariant: every lookup by language is an exhaustive `match` on [`Lang`]
//! (no `_` arm, no `if lang == …`), and the Swedish key tables are checked at compile time
//! (`complete.rs`), so a missing translation fails the build.

use hankekuvaus::codes::Code;
use hankekuvaus::paths::FieldPath;

mod compare;
mod complete;
mod funds;
mod lists;
mod overview;
mod plural;
mod search;
mod share;
mod sv;
mod sv_tables;
mod tables;
#[cfg(test)]
mod tests;
mod workbook;
pub use compare::{compare_texts, CompareTexts};
pub use lists::ListsTexts;
pub use overview::OverviewTexts;
pub use plural::Plural;
pub use search::SearchTexts;
pub use share::ShareTexts;
pub use tables::FIELD_LABELS;
use tables::{CODE_SUMMARIES_FI, TERMS};
pub use workbook::WorkbookTexts;

/// The language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Finnish (suomi).
    Fi,
    /// Swedish (svenska), as written in Finland: the official terms of the programmes.
    Sv,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order the language selector lists them (Finland's order).
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// The BCP 47 code: "fi", "sv" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language's own name, as the selector shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fi => "suomi",
            Lang::Sv => "svenska",
            Lang::En => "English",
        }
    }

    /// Reads an exact code ("fi", "sv" or "en", any case); `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of a browser language tag by its primary subtag (`fi-FI` Finnish,
    /// `sv-FI` and `sv-SE` Swedish, `en-GB` English); `None` for a language the UI lacks.
    pub fn of_browser_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::from_code(primary)
    }

    /// Picks the language from a browser language tag: Finnish or Swedish when the tag
    /// says so, English for anything else.
    pub fn from_browser_tag(tag: &str) -> Lang {
        Lang::of_browser_tag(tag).unwrap_or(Lang::En)
    }

    /// The first of the browser's preferred languages (`navigator.languages`, best first)
    /// that the UI speaks: `["de-DE", "sv-FI"]` gives "sv-FI".
    pub fn first_supported_tag<S: AsRef<str>>(tags: &[S]) -> Option<&str> {
        tags.iter()
            .map(AsRef::as_ref)
            .find(|t| Lang::of_browser_tag(t).is_some())
    }

    /// The language to start in: the `?lang=` parameter wins, then the remembered choice,
    /// then the browser's language.
    pub fn choose(query: Option<&str>, stored: Option<&str>, browser: Option<&str>) -> Lang {
        query
            .and_then(Lang::from_code)
            .or_else(|| stored.and_then(Lang::from_code))
            .unwrap_or_else(|| browser.map_or(Lang::En, Lang::from_browser_tag))
    }

    /// A one-line summary of a diagnostic or refusal code from the parser, whose own
    /// messages are English (they are part of the JSON). `None` in English, or for a code
    /// this version does not know: the core's message then speaks alone.
    pub fn code_summary(self, code: &str) -> Option<&'static str> {
        let table = match self {
            Lang::Fi => CODE_SUMMARIES_FI,
            Lang::Sv => sv_tables::CODE_SUMMARIES_SV,
            Lang::En => return None,
        };
        let Some(code) = Code::parse(code) else {
            return lists::archive_summary(self, code);
        };
        table
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, text)| *text)
    }

    /// The UI strings of this language.
    pub fn t(self) -> &'static Texts {
        match self {
            Lang::Fi => &FI,
            Lang::Sv => &sv::SV,
            Lang::En => &EN,
        }
    }

    /// The label of a document field by its JSON path; in English and Swedish with the
    /// Finnish original in parentheses. Unknown paths are returned as they are.
    pub fn field_label(self, path: &str) -> String {
        let known = FieldPath::parse(path);
        let Some(row) = FIELD_LABELS.iter().position(|(p, _, _)| Some(*p) == known) else {
            return path.to_owned();
        };
        let (_, fi, en) = FIELD_LABELS[row];
        match self {
            Lang::Fi => fi.to_owned(),
            // Row for row as FIELD_LABELS: checked at compile time.
            Lang::Sv => format!("{} ({fi})", sv_tables::FIELD_LABELS_SV[row].1),
            Lang::En => format!("{en} ({fi})"),
        }
    }

    /// A Finnish category or term from the document, with a gloss in English or Swedish
    /// ("Ecological sustainability (Ekologinen kestävyys)"); unknown terms unchanged.
    pub fn term(self, finnish: &str) -> String {
        let Some(row) = TERMS.iter().position(|(fi, _)| *fi == finnish) else {
            return finnish.to_owned();
        };
        let (fi, en) = TERMS[row];
        match self {
            Lang::Fi => fi.to_owned(),
            Lang::Sv => format!("{} ({fi})", sv_tables::TERMS_SV[row].1),
            Lang::En => format!("{en} ({fi})"),
        }
    }
}

/// The strings of the user interface in one language.
#[derive(Debug)]
pub struct Texts {
    /// The app's name, in the page title and the header.
    pub app_name: &'static str,
    /// The line under the name.
    pub tagline: &'static str,
    /// The privacy note.
    pub privacy_note: &'static str,
    /// Label of the language selector.
    pub language: &'static str,
    /// The file chooser button.
    pub choose_files: &'static str,
    /// The examples button.
    pub open_examples: &'static str,
    /// Hint under the controls.
    pub drop_hint: &'static str,
    /// The drop overlay's text.
    pub drop_here: &'static str,
    /// Heading of the document list.
    pub documents: &'static str,
    /// Shown when no file is loaded.
    pub no_documents: &'static str,
    /// Download of all entries.
    pub download_all_json: &'static str,
    /// Removes all entries.
    pub clear_all: &'static str,
    /// Removes one entry (followed by the entry's name).
    pub remove: &'static str,
    /// Marker of an entry with warnings.
    pub has_warnings: &'static str,
    /// Marker of an entry with errors.
    pub has_errors: &'static str,
    /// Marker of a file that is not a description.
    pub not_a_description: &'static str,
    /// Welcome heading when nothing is selected.
    pub welcome_title: &'static str,
    /// Welcome text.
    pub welcome_text: &'static str,
    /// Tab: structured document.
    pub tab_document: &'static str,
    /// Tab: decoded source text.
    pub tab_source: &'static str,
    /// Tab: JSON.
    pub tab_json: &'static str,
    /// Label of the tab list.
    pub views: &'static str,
    /// Download of one document.
    pub download_json: &'static str,
    /// Copy of the JSON.
    pub copy_json: &'static str,
    /// Confirmation of a copy.
    pub copied: &'static str,
    /// A failed copy.
    pub copy_failed: &'static str,
    /// The project section.
    pub project: &'static str,
    /// Fund.
    pub fund: &'static str,
    /// Planned period.
    pub period: &'static str,
    /// Unit after a number of months.
    pub months: Plural,
    /// Status: ended.
    pub status_ended: &'static str,
    /// Status: active.
    pub status_active: &'static str,
    /// Status "interrupted" (Keskeytynyt).
    pub status_interrupted: &'static str,
    /// Funding card heading.
    pub funding: &'static str,
    /// Derived figure: EU+state share.
    pub eu_state_share: &'static str,
    /// Derived figure: realised vs granted.
    pub realized_vs_granted: &'static str,
    /// Derived figure: realised vs planned.
    pub realized_vs_planned: &'static str,
    /// Derived figure: other public funding.
    pub other_public: &'static str,
    /// Derived figure: per planned participant.
    pub per_participant: &'static str,
    /// Heading of the derived figures.
    pub derived_figures: &'static str,
    /// Chart title.
    pub funding_chart: &'static str,
    /// Chart group: EU and state.
    pub eu_state: &'static str,
    /// Chart group: public total.
    pub public_total: &'static str,
    /// Planned / granted.
    pub planned: &'static str,
    /// Realised.
    pub realized: &'static str,
    /// Applicant card heading.
    pub applicant: &'static str,
    /// Contact person heading.
    pub contact: &'static str,
    /// Business ID failed its check.
    pub invalid_business_id: &'static str,
    /// Joint project answer.
    pub joint_project: &'static str,
    /// Single applicant answer.
    pub single_applicant: &'static str,
    /// Co-implementers heading.
    pub co_implementers: &'static str,
    /// Area card heading.
    pub area: &'static str,
    /// National project.
    pub national: &'static str,
    /// Heading of the card of sections and fields outside the known layout.
    pub extras: &'static str,
    /// Note under it.
    pub extras_note: &'static str,
    /// Indicators card heading.
    pub indicators: &'static str,
    /// Indicators table: indicator column.
    pub indicator: &'static str,
    /// Gender equality heading.
    pub gender_equality: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// Sustainability heading.
    pub sustainability: &'static str,
    /// Direct score.
    pub direct: &'static str,
    /// Indirect score.
    pub indirect: &'static str,
    /// Item column.
    pub item: &'static str,
    /// Category column.
    pub category: &'static str,
    /// Explanation disclosure.
    pub explanation: &'static str,
    /// Scale note of the sustainability chart.
    pub score_scale: &'static str,
    /// Texts heading (summary, target groups, final report).
    pub descriptions: &'static str,
    /// Diagnostics heading.
    pub diagnostics: &'static str,
    /// No diagnostics.
    pub no_diagnostics: &'static str,
    /// Severity names.
    pub severity_error: &'static str,
    /// Severity names.
    pub severity_warning: &'static str,
    /// Severity names.
    pub severity_info: &'static str,
    /// "line" before a number.
    pub line: &'static str,
    /// Title of a clickable field.
    pub show_in_source: &'static str,
    /// Note over a rebuilt source.
    pub source_rebuilt: &'static str,
    /// Note over a source rebuilt because the file could not be read again.
    pub source_unreadable: &'static str,
    /// While a file is read again for its source.
    pub source_reading: &'static str,
    /// Source heading.
    pub source_text: &'static str,
    /// File details: encoding.
    pub encoding: &'static str,
    /// File details: file.
    pub file: &'static str,
    /// Missing value.
    pub none: &'static str,
    /// Reading files.
    pub loading: &'static str,
    /// Error panel of a failure entry.
    pub failure_title: &'static str,
    /// Footer text.
    pub footer: &'static str,
    /// The skip link.
    pub skip_to_content: &'static str,
    /// The service worker has a new release ready.
    pub update_ready: &'static str,
    /// Button that switches to the new release.
    pub update_reload: &'static str,
    /// Button that hides the update notice.
    pub update_later: &'static str,
    /// Heading of the file controls.
    pub open_files: &'static str,
    /// Unit after a line count.
    pub line_count_unit: Plural,
    /// Granted (EU and state funding).
    pub granted: &'static str,
    /// Label of the list filter.
    pub filter: &'static str,
    /// Placeholder of the list filter.
    pub filter_hint: &'static str,
    /// "N of M shown" after filtering: the word between.
    pub shown_of: &'static str,
    /// Under a long list: only the first entries are listed.
    pub list_cut: &'static str,
    /// How to reach the others.
    pub list_cut_hint: &'static str,
}

/// Finnish.
pub static FI: Texts = Texts {
    app_name: "Hankekatselin",
    tagline: "Rakennerahastohankkeiden kuvaukset jäsenneltyinä",
    privacy_note: "Tiedostot eivät lähde tältä koneelta.",
    language: "Kieli",
    choose_files: "Valitse tiedostot",
    open_examples: "Avaa esimerkit",
    drop_hint: "Tai pudota hankekuvauksia (.txt, .html) tai Hankekatselimen JSON-tiedostoja mihin tahansa sivulle.",
    drop_here: "Pudota tiedostot tähän",
    documents: "Ladatut kuvaukset",
    no_documents: "Ei vielä ladattuja tiedostoja.",
    download_all_json: "Lataa kaikki JSON-muodossa",
    clear_all: "Tyhjennä lista",
    remove: "Poista",
    has_warnings: "Varoituksia",
    has_errors: "Virheitä",
    not_a_description: "Ei hankekuvaus",
    welcome_title: "Avaa hankekuvaus",
    welcome_text: "Tallenna hankkeen sivu rakennerahastojen tietopalvelusta tekstinä tai HTML:nä ja avaa tiedosto tässä. Kuvaus näytetään jäsenneltynä: rahoitus, hakija, alue, seurantatiedot ja horisontaaliset periaatteet.",
    tab_document: "Kuvaus",
    tab_source: "Lähdeteksti",
    tab_json: "JSON",
    views: "Näkymät",
    download_json: "Lataa JSON",
    copy_json: "Kopioi JSON",
    copied: "JSON kopioitu leikepöydälle.",
    copy_failed: "Kopiointi ei onnistunut.",
    project: "Hanke",
    fund: "Rahasto",
    period: "Toteutusaika",
    months: Plural {
        one: "kk",
        other: "kk",
    },
    status_ended: "Toiminta päättynyt",
    status_active: "Toiminnassa",
    status_interrupted: "Keskeytynyt",
    funding: "Julkinen rahoitus",
    eu_state_share: "EU- ja valtion osuus suunnitellusta julkisesta rahoituksesta",
    realized_vs_granted: "Toteutunut EU- ja valtion rahoitus myönnetystä",
    realized_vs_planned: "Toteutunut julkinen rahoitus suunnitellusta",
    other_public: "Muu julkinen rahoitus (suunniteltu)",
    per_participant: "Suunniteltu julkinen rahoitus osallistujaa kohden",
    derived_figures: "Johdetut luvut",
    funding_chart: "Suunniteltu ja toteutunut rahoitus",
    eu_state: "EU ja valtio",
    public_total: "Julkinen yhteensä",
    planned: "Suunniteltu",
    realized: "Toteutunut",
    applicant: "Hakija",
    contact: "Yhteyshenkilö",
    invalid_business_id: "Y-tunnuksen tarkiste ei täsmää",
    joint_project: "Yhteishanke",
    single_applicant: "Vain yksi hakija",
    co_implementers: "Osatoteuttajat",
    area: "Maantieteellinen kohdealue",
    national: "Valtakunnallinen",
    extras: "Muut tiedot",
    extras_note: "Kohdat ja kentät, joita katselin ei tunne, sellaisinaan.",
    indicators: "Seurantatiedot",
    indicator: "Mittari",
    gender_equality: "Sukupuolten tasa-arvo",
    yes: "Kyllä",
    no: "Ei",
    sustainability: "Kestävä kehitys",
    direct: "Välitön",
    indirect: "Välillinen",
    item: "Osa-alue",
    category: "Ryhmä",
    explanation: "Perustelu",
    score_scale: "Pisteet 0–10",
    descriptions: "Kuvaukset",
    diagnostics: "Huomautukset",
    no_diagnostics: "Ei huomautettavaa.",
    severity_error: "Virhe",
    severity_warning: "Varoitus",
    severity_info: "Tieto",
    line: "rivi",
    show_in_source: "Näytä lähdetekstissä, rivi",
    source_rebuilt: "Tämä kuvaus tuotiin JSON-tiedostosta: teksti on koottu jäsennetyistä osista, rivinumerot vastaavat alkuperäistä tekstiä.",
    source_unreadable: "Tiedostoa ei voitu lukea uudelleen (se on siirretty, poistettu tai muuttunut lataamisen jälkeen): teksti on koottu jäsennetyistä osista, rivinumerot vastaavat alkuperäistä tekstiä.",
    source_reading: "Luetaan lähdetekstiä tiedostosta…",
    source_text: "Lähdeteksti",
    encoding: "Merkistö",
    file: "Tiedosto",
    none: "—",
    loading: "Luetaan tiedostoja…",
    failure_title: "Tiedostoa ei voitu lukea hankekuvauksena",
    footer: "Hankekatselin lukee tiedostot vain tässä selaimessa. Mitään ei lähetetä palvelimelle.",
    skip_to_content: "Siirry sisältöön",
    update_ready: "Hankekatselimesta on uusi versio.",
    update_reload: "Lataa uudelleen",
    update_later: "Myöhemmin",
    open_files: "Avaa tiedostoja",
    line_count_unit: Plural {
        one: "rivi",
        other: "riviä",
    },
    granted: "Myönnetty",
    filter: "Suodata",
    filter_hint: "koodi, nimi, hakija tai maakunta",
    shown_of: "/",
    list_cut: "Luettelossa ensimmäiset",
    list_cut_hint: "Muut löytyvät suodattimella tai yleiskatsauksesta.",
};

/// English.
pub static EN: Texts = Texts {
    app_name: "Hankekatselin",
    tagline: "EU structural-fund project descriptions, structured",
    privacy_note: "Files never leave this computer.",
    language: "Language",
    choose_files: "Choose files",
    open_examples: "Open examples",
    drop_hint: "Or drop project descriptions (.txt, .html) or Hankekatselin JSON files anywhere on the page.",
    drop_here: "Drop files here",
    documents: "Loaded descriptions",
    no_documents: "No files loaded yet.",
    download_all_json: "Download all as JSON",
    clear_all: "Clear list",
    remove: "Remove",
    has_warnings: "Warnings",
    has_errors: "Errors",
    not_a_description: "Not a description",
    welcome_title: "Open a project description",
    welcome_text: "Save a project's page from the structural funds information service as text or HTML and open the file here. The description is shown structured: funding, applicant, area, indicators and horizontal principles.",
    tab_document: "Document",
    tab_source: "Source",
    tab_json: "JSON",
    views: "Views",
    download_json: "Download JSON",
    copy_json: "Copy JSON",
    copied: "JSON copied to the clipboard.",
    copy_failed: "Copying failed.",
    project: "Project",
    fund: "Fund",
    period: "Period",
    months: Plural {
        one: "month",
        other: "months",
    },
    status_ended: "Ended",
    status_active: "Active",
    status_interrupted: "Interrupted",
    funding: "Public funding",
    eu_state_share: "EU and state share of planned public funding",
    realized_vs_granted: "Realised EU and state funding of granted",
    realized_vs_planned: "Realised public funding of planned",
    other_public: "Other public funding (planned)",
    per_participant: "Planned public funding per planned participant",
    derived_figures: "Derived figures",
    funding_chart: "Planned and realised funding",
    eu_state: "EU and state",
    public_total: "Public total",
    planned: "Planned",
    realized: "Realised",
    applicant: "Applicant",
    contact: "Contact person",
    invalid_business_id: "The business ID's check digit does not match",
    joint_project: "Joint project",
    single_applicant: "Single applicant",
    co_implementers: "Co-implementers",
    area: "Geographical area",
    national: "National",
    extras: "Other information (Muut tiedot)",
    extras_note: "Sections and fields this viewer does not know, as they are on the page.",
    indicators: "Indicators",
    indicator: "Indicator",
    gender_equality: "Gender equality",
    yes: "Yes",
    no: "No",
    sustainability: "Sustainable development",
    direct: "Direct",
    indirect: "Indirect",
    item: "Item",
    category: "Category",
    explanation: "Explanation",
    score_scale: "Scores 0–10",
    descriptions: "Descriptions",
    diagnostics: "Diagnostics",
    no_diagnostics: "Nothing to report.",
    severity_error: "Error",
    severity_warning: "Warning",
    severity_info: "Info",
    line: "line",
    show_in_source: "Show in source, line",
    source_rebuilt: "This description was imported from JSON: the text is rebuilt from its parsed parts; line numbers are those of the original text.",
    source_unreadable: "The file could not be read again (it was moved, deleted or changed after loading): the text is rebuilt from its parsed parts; line numbers are those of the original text.",
    source_reading: "Reading the source text from the file…",
    source_text: "Source text",
    encoding: "Encoding",
    file: "File",
    none: "—",
    loading: "Reading files…",
    failure_title: "This file could not be read as a project description",
    footer: "Hankekatselin reads files only in this browser. Nothing is sent to a server.",
    skip_to_content: "Skip to content",
    update_ready: "A new version of Hankekatselin is ready.",
    update_reload: "Reload",
    update_later: "Later",
    open_files: "Open files",
    line_count_unit: Plural {
        one: "line",
        other: "lines",
    },
    granted: "Granted",
    filter: "Filter",
    filter_hint: "code, name, applicant or region",
    shown_of: "of",
    list_cut: "Listed here: the first",
    list_cut_hint: "Find the others with the filter or in the overview.",
};
