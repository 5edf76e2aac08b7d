//! The strings of the overview, the aggregates and the loading progress, in Finnish and
//! English (Swedish is in `sv.rs`): a table of their own next to [`super::Texts`], reached
//! with [`Lang::o`].

use super::{Lang, Plural};

/// The overview's strings in one language.
#[derive(Debug)]
pub struct OverviewTexts {
    /// Label of the view switch.
    pub view: &'static str,
    /// The overview view.
    pub overview: &'static str,
    /// The single-document view.
    pub document_view: &'static str,
    /// Column headers, in [`crate::overview::Column::ALL`] order.
    pub columns: [&'static str; 12],
    /// Caption of the table (visually hidden).
    pub caption: &'static str,
    /// Text filter label.
    pub search: &'static str,
    /// Text filter placeholder.
    pub search_hint: &'static str,
    /// Region filter.
    pub region: &'static str,
    /// Status filter.
    pub status: &'static str,
    /// Fund filter.
    pub fund: &'static str,
    /// Priority axis filter.
    pub axis: &'static str,
    /// Start year filter.
    pub start_year: &'static str,
    /// The choice that filters nothing.
    pub all: &'static str,
    /// Resets the filters.
    pub clear_filters: &'static str,
    /// "projects shown" after "N / M" (its form follows M).
    pub projects_shown: Plural,
    /// The totals row.
    pub total: &'static str,
    /// Note under the table about duplicates in totals.
    pub totals_note: &'static str,
    /// Heading of the exports.
    pub export: &'static str,
    /// Plain CSV.
    pub export_csv: &'static str,
    /// Excel CSV.
    pub export_csv_fi: &'static str,
    /// Combined JSON.
    pub export_json: &'static str,
    /// No documents loaded.
    pub empty: &'static str,
    /// No row matches.
    pub no_match: &'static str,
    /// Title of a row: opens the document.
    pub open_document: &'static str,
    /// Marker of a duplicate.
    pub duplicate: &'static str,
    /// Heading of the duplicate notice.
    pub duplicates_title: &'static str,
    /// Text of the duplicate notice.
    pub duplicates_text: &'static str,
    /// "same code as" between two file names.
    pub same_code_as: &'static str,
    /// Heading of the aggregates.
    pub aggregates: &'static str,
    /// Note on regions.
    pub regions_note: &'static str,
    /// Aggregate titles, in [`crate::overview::Dimension::ALL`] order.
    pub by: [&'static str; 4],
    /// Group of projects without a value.
    pub unknown: &'static str,
    /// Count column.
    pub projects: &'static str,
    /// "project" after a count in the aggregates.
    pub project_count: Plural,
    /// Series: granted EU and state.
    pub granted: &'static str,
    /// Series: realised EU and state.
    pub realized: &'static str,
    /// Series: planned public total.
    pub planned: &'static str,
    /// Disclosure of the table alternative.
    pub as_table: &'static str,
    /// Heading of the progress.
    pub reading: &'static str,
    /// "files" after "N / M" (its form follows M).
    pub files: Plural,
    /// "not descriptions" after a count.
    pub errors: Plural,
    /// The cancel button.
    pub cancel: &'static str,
    /// After a cancel: "Reading cancelled:" before "N / M files".
    pub cancelled: &'static str,
    /// After a finished read: "Read" before "N files".
    pub finished: &'static str,
    /// A drop of too many files, before the count.
    pub too_many_files: &'static str,
    /// After the count of a refused drop.
    pub too_many_files_limit: &'static str,
    /// Closes a notice.
    pub dismiss: &'static str,
}

/// Finnish.
pub static FI: OverviewTexts = OverviewTexts {
    view: "Näkymä",
    overview: "Yleiskatsaus",
    document_view: "Yksittäinen kuvaus",
    columns: [
        "Koodi",
        "Nimi",
        "Rahasto",
        "Tila",
        "Alkaa",
        "Päättyy",
        "Maakunnat",
        "Myönnetty EU+valtio",
        "Toteutunut EU+valtio",
        "Suunniteltu julkinen",
        "Toteutunut julkinen",
        "Toteutunut / myönnetty",
    ],
    caption: "Ladatut hankkeet",
    search: "Hae",
    search_hint: "mikä tahansa sana, esim. maahanmuuttaja kunta:Kuopio",
    region: "Maakunta",
    status: "Tila",
    fund: "Rahasto",
    axis: "Toimintalinja",
    start_year: "Alkuvuosi",
    all: "Kaikki",
    clear_filters: "Tyhjennä suodattimet",
    projects_shown: Plural {
        one: "hanke näkyvissä",
        other: "hanketta näkyvissä",
    },
    total: "Yhteensä",
    totals_note: "Yhteensä-rivi ja koosteet laskevat näkyvät rivit; saman hankekoodin myöhempiä kuvauksia ei lasketa.",
    export: "Vie näkyvät rivit",
    export_csv: "CSV",
    export_csv_fi: "CSV Exceliin (fi)",
    export_json: "JSON",
    empty: "Ei ladattuja kuvauksia. Valitse tai pudota tiedostoja.",
    no_match: "Mikään hanke ei vastaa suodattimia.",
    open_document: "Avaa kuvaus",
    duplicate: "Sama koodi toisessa tiedostossa",
    duplicates_title: "Samat hankekoodit",
    duplicates_text: "Näillä tiedostoilla on sama hankekoodi kuin aiemmin ladatulla. Ensimmäinen lasketaan, muut on merkitty eikä niitä lasketa yhteensä-riviin eikä koosteisiin.",
    same_code_as: "sama koodi kuin",
    aggregates: "Koosteet",
    regions_note: "Hanke, jolla on useita maakuntia, lasketaan jokaiseen maakuntaansa: maakuntien summa voi olla suurempi kuin kokonaissumma.",
    by: ["Maakunnittain", "Toimintalinjoittain", "Tilan mukaan", "Alkuvuoden mukaan"],
    unknown: "(ei tietoa)",
    projects: "Hankkeita",
    project_count: Plural {
        one: "hanke",
        other: "hanketta",
    },
    granted: "Myönnetty EU+valtio",
    realized: "Toteutunut EU+valtio",
    planned: "Suunniteltu julkinen",
    as_table: "Luvut taulukkona",
    reading: "Luetaan tiedostoja",
    files: Plural {
        one: "tiedosto",
        other: "tiedostoa",
    },
    errors: Plural {
        one: "ei hankekuvaus",
        other: "ei hankekuvauksia",
    },
    cancel: "Peruuta",
    cancelled: "Lukeminen peruttiin:",
    finished: "Luettu",
    too_many_files: "Liian monta tiedostoa kerralla:",
    too_many_files_limit: "Pudota tai valitse enintään 20 000 tiedostoa kerrallaan. Mitään ei luettu.",
    dismiss: "Sulje",
};

/// English.
pub static EN: OverviewTexts = OverviewTexts {
    view: "View",
    overview: "Overview",
    document_view: "Single document",
    columns: [
        "Code",
        "Name",
        "Fund",
        "Status",
        "Starts",
        "Ends",
        "Regions",
        "Granted EU+state",
        "Realised EU+state",
        "Planned public",
        "Realised public",
        "Realised / granted",
    ],
    caption: "Loaded projects",
    search: "Search",
    search_hint: "any word, e.g. maahanmuuttaja kunta:Kuopio",
    region: "Region (maakunta)",
    status: "Status",
    fund: "Fund",
    axis: "Priority axis",
    start_year: "Start year",
    all: "All",
    clear_filters: "Clear filters",
    projects_shown: Plural {
        one: "project shown",
        other: "projects shown",
    },
    total: "Total",
    totals_note: "The total row and the aggregates count the rows shown; later descriptions with an already loaded project code are not counted.",
    export: "Export the rows shown",
    export_csv: "CSV",
    export_csv_fi: "CSV for Excel (fi)",
    export_json: "JSON",
    empty: "No descriptions loaded. Choose or drop files.",
    no_match: "No project matches the filters.",
    open_document: "Open the description",
    duplicate: "Same code in another file",
    duplicates_title: "Duplicate project codes",
    duplicates_text: "These files have the project code of a file loaded before them. The first counts; the others are marked and left out of the total row and the aggregates.",
    same_code_as: "same code as",
    aggregates: "Aggregates",
    regions_note: "A project with several regions is counted in each of its regions: the regions can add up to more than the total.",
    by: ["By region", "By priority axis", "By status", "By start year"],
    unknown: "(not given)",
    projects: "Projects",
    project_count: Plural {
        one: "project",
        other: "projects",
    },
    granted: "Granted EU+state",
    realized: "Realised EU+state",
    planned: "Planned public",
    as_table: "Figures as a table",
    reading: "Reading files",
    files: Plural {
        one: "file",
        other: "files",
    },
    errors: Plural {
        one: "not a description",
        other: "not descriptions",
    },
    cancel: "Cancel",
    cancelled: "Reading cancelled:",
    finished: "Read",
    too_many_files: "Too many files at once:",
    too_many_files_limit: "Drop or choose at most 20,000 files at a time. Nothing was read.",
    dismiss: "Dismiss",
};

impl Lang {
    /// The overview's strings in this language.
    pub fn o(self) -> &'static OverviewTexts {
        match self {
            Lang::Fi => &FI,
            Lang::Sv => &super::sv::SV_OVERVIEW,
            Lang::En => &EN,
        }
    }
}
