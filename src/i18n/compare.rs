//! The strings of the comparison and of the overview's choice and column controls, in
//! Finnish, Swedish and English: a table of their own, reached with [`compare_texts`].

use super::plural::Plural;
use super::Lang;

/// The comparison's strings in one language.
#[derive(Debug)]
pub struct CompareTexts {
    /// The view switch's button and the comparison's heading.
    pub compare: &'static str,
    /// Heading of the comparison view.
    pub heading: &'static str,
    /// Header of the overview's choice column (visually hidden).
    pub choice: &'static str,
    /// Label of a row's checkbox, before the project code.
    pub choose: &'static str,
    /// Title of a disabled checkbox: four are chosen already.
    pub choice_full: &'static str,
    /// "N / 4 chosen for comparison".
    pub chosen: Plural,
    /// How to choose.
    pub choose_hint: &'static str,
    /// The button that opens the comparison.
    pub show: &'static str,
    /// Empties the choice.
    pub clear: &'static str,
    /// Fewer than two chosen, in the comparison view.
    pub too_few: &'static str,
    /// Back to the overview.
    pub back: &'static str,
    /// Removes one project from the comparison (before its code).
    pub remove: &'static str,
    /// Caption of the comparison table.
    pub caption: &'static str,
    /// Header of the first column: what each row is.
    pub field: &'static str,
    /// Programme period (2014–2020).
    pub programme_period: &'static str,
    /// Planned start.
    pub start: &'static str,
    /// Planned end.
    pub end: &'static str,
    /// Length of the period in months.
    pub duration: &'static str,
    /// The ≠ marker's meaning.
    pub differs: &'static str,
    /// The ▲ marker's meaning.
    pub highest: &'static str,
    /// The ▼ marker's meaning.
    pub lowest: &'static str,
    /// How the markers are given.
    pub legend: &'static str,
    /// How sustainability rows are ranked.
    pub sustainability_note: &'static str,
    /// The column chooser's disclosure.
    pub columns: &'static str,
    /// Shows every column again.
    pub show_all_columns: &'static str,
}

/// Finnish.
pub const COMPARE_FI: CompareTexts = CompareTexts {
    compare: "Vertailu",
    heading: "Hankkeiden vertailu",
    choice: "Vertailuun",
    choose: "Valitse vertailuun",
    choice_full: "Vertailuun voi valita enintään neljä hanketta.",
    chosen: Plural {
        one: "hanke valittu vertailuun",
        other: "hanketta valittu vertailuun",
    },
    choose_hint: "Valitse taulukon ruuduista 2–4 hanketta vertailtavaksi rinnakkain.",
    show: "Vertaile valittuja",
    clear: "Tyhjennä valinta",
    too_few: "Valitse yleiskatsauksen taulukosta vähintään kaksi hanketta vertailtavaksi.",
    back: "Takaisin yleiskatsaukseen",
    remove: "Poista vertailusta",
    caption: "Valitut hankkeet rinnakkain",
    field: "Tieto",
    programme_period: "Ohjelmakausi",
    start: "Alkaa",
    end: "Päättyy",
    duration: "Kesto",
    differs: "arvot eroavat",
    highest: "suurin",
    lowest: "pienin",
    legend: "≠ arvot eroavat · ▲ suurin · ▼ pienin (kun hankkeita on vähintään kolme)",
    sustainability_note:
        "Kestävän kehityksen pisteet: välitön / välillinen; suurin ja pienin niiden summasta.",
    columns: "Sarakkeet",
    show_all_columns: "Näytä kaikki sarakkeet",
};

/// English.
pub const COMPARE_EN: CompareTexts = CompareTexts {
    compare: "Comparison",
    heading: "Projects side by side",
    choice: "Compare",
    choose: "Choose for comparison",
    choice_full: "At most four projects can be compared.",
    chosen: Plural {
        one: "project chosen for comparison",
        other: "projects chosen for comparison",
    },
    choose_hint: "Tick 2–4 projects in the table to compare them side by side.",
    show: "Compare the chosen",
    clear: "Clear the choice",
    too_few: "Choose at least two projects in the overview's table to compare them.",
    back: "Back to the overview",
    remove: "Remove from the comparison",
    caption: "The chosen projects side by side",
    field: "Field",
    programme_period: "Programme period",
    start: "Starts",
    end: "Ends",
    duration: "Duration",
    differs: "the values differ",
    highest: "highest",
    lowest: "lowest",
    legend: "≠ the values differ · ▲ highest · ▼ lowest (from three projects up)",
    sustainability_note:
        "Sustainability scores: direct / indirect; highest and lowest by their sum.",
    columns: "Columns",
    show_all_columns: "Show every column",
};

/// Swedish.
pub const COMPARE_SV: CompareTexts = CompareTexts {
    compare: "Jämförelse",
    heading: "Projekt sida vid sida",
    choice: "Jämför",
    choose: "Välj för jämförelse",
    choice_full: "Högst fyra projekt kan jämföras.",
    chosen: Plural {
        one: "projekt valt för jämförelse",
        other: "projekt valda för jämförelse",
    },
    choose_hint: "Kryssa för 2–4 projekt i tabellen för att jämföra dem sida vid sida.",
    show: "Jämför de valda",
    clear: "Töm valet",
    too_few: "Välj minst två projekt i översiktens tabell för att jämföra dem.",
    back: "Tillbaka till översikten",
    remove: "Ta bort från jämförelsen",
    caption: "De valda projekten sida vid sida",
    field: "Uppgift",
    programme_period: "Programperiod",
    start: "Börjar",
    end: "Slutar",
    duration: "Längd",
    differs: "värdena skiljer sig",
    highest: "högst",
    lowest: "lägst",
    legend: "≠ värdena skiljer sig · ▲ högst · ▼ lägst (från tre projekt uppåt)",
    sustainability_note:
        "Poäng för hållbar utveckling: direkt / indirekt; högst och lägst enligt summan.",
    columns: "Kolumner",
    show_all_columns: "Visa alla kolumner",
};

/// The comparison's strings in `lang`.
pub fn compare_texts(lang: Lang) -> &'static CompareTexts {
    match lang {
        Lang::Fi => &COMPARE_FI,
        Lang::Sv => &COMPARE_SV,
        Lang::En => &COMPARE_EN,
    }
}
