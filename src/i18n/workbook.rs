//! The strings of "Download workbook" (`.xlsx`), in Finnish, Swedish and English: a table of their
//! own, reached with [`Lang::workbook_texts`].

use super::Lang;

/// The workbook buttons' strings in one language.
#[derive(Debug)]
pub struct WorkbookTexts {
    /// The overview's button: the projects shown as a workbook.
    pub shown: &'static str,
    /// The list's button: every loaded file as a workbook.
    pub all: &'static str,
    /// A button while its workbook is being written.
    pub writing: &'static str,
    /// Why the buttons are disabled in the one-file edition.
    pub single_file: &'static str,
    /// The workbook writer could not be loaded (e.g. offline before it was ever cached).
    pub unavailable: &'static str,
    /// The writer failed; the cause follows.
    pub failed: &'static str,
}

const FI: WorkbookTexts = WorkbookTexts {
    shown: "Excel-työkirja",
    all: "Lataa kaikki Excel-työkirjana",
    writing: "Työkirjaa kirjoitetaan…",
    single_file: "Työkirja ei ole käytettävissä yhden tiedoston versiossa: levyltä avattu \
                  sivu ei voi käynnistää työkirjan kirjoittajaa. Käytä verkkoversiota.",
    unavailable: "Työkirjan kirjoittajaa ei voitu ladata. Tarkista yhteys ja yritä uudelleen.",
    failed: "Työkirjaa ei voitu kirjoittaa:",
};

const EN: WorkbookTexts = WorkbookTexts {
    shown: "Excel workbook",
    all: "Download all as Excel workbook",
    writing: "Writing the workbook…",
    single_file: "Workbooks are not available in the one-file edition: a page opened from \
                  disk cannot start the workbook writer. Use the web version.",
    unavailable: "The workbook writer could not be loaded. Check the connection and try again.",
    failed: "The workbook could not be written:",
};

const SV: WorkbookTexts = WorkbookTexts {
    shown: "Excel-arbetsbok",
    all: "Ladda ner allt som Excel-arbetsbok",
    writing: "Arbetsboken skrivs…",
    single_file: "Arbetsböcker finns inte i enfilsversionen: en sida som öppnats från \
                  disken kan inte starta arbetsbokens skrivare. Använd webbversionen.",
    unavailable:
        "Arbetsbokens skrivare kunde inte laddas. Kontrollera förbindelsen och försök igen.",
    failed: "Arbetsboken kunde inte skrivas:",
};

impl Lang {
    /// The workbook buttons' strings.
    pub fn workbook_texts(self) -> &'static WorkbookTexts {
        match self {
            Lang::Fi => &FI,
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }
}
