//! The strings of list exports in the viewer (descriptions and list rows merged, the period
//! column and filter, a project known only from a list), of folders and of archives, in
//! Finnish, Swedish and English: a table of their own, reached with [`Lang::l`].

use super::Lang;

/// The strings of lists, folders and archives in one language.
#[derive(Debug)]
pub struct ListsTexts {
    /// Header of the period column.
    pub period_column: &'static str,
    /// Label of the period filter.
    pub period_filter: &'static str,
    /// After "N / M": how many of the projects counted have their full description.
    pub with_description: &'static str,
    /// Marker of a disagreement between a description and a list row (visually hidden).
    pub differs: &'static str,
    /// "description" in a disagreement's text.
    pub description: &'static str,
    /// "list" in a disagreement's text.
    pub list: &'static str,
    /// "line" in a disagreement's text (a description's line, a list's row).
    pub line: &'static str,
    /// Heading of the card of a project known only from a list.
    pub list_card: &'static str,
    /// What the card says of such a project.
    pub list_only: &'static str,
    /// Label of the list file and row.
    pub source: &'static str,
    /// The link to the project's page in the service.
    pub service_link: &'static str,
    /// What following the link does.
    pub service_note: &'static str,
    /// The folder chooser.
    pub choose_folder: &'static str,
}

const FI: ListsTexts = ListsTexts {
    period_column: "Kausi",
    period_filter: "Ohjelmakausi",
    with_description: "hankkeesta on koko kuvaus",
    differs: "kuvaus ja lista eroavat",
    description: "kuvaus",
    list: "lista",
    line: "rivi",
    list_card: "Hankelistalta",
    list_only: "Tämä hanke tunnetaan vain ohjelman hankelistalta: sen koko kuvausta ei ole ladattu. Alla on se, mitä lista kertoo.",
    source: "Lähde",
    service_link: "Hankkeen sivu palvelussa",
    service_note: "Linkki avautuu uuteen välilehteen palvelun sivustolle. Tallenna sivu ja lisää se tänne, niin koko kuvaus yhdistyy tähän riviin.",
    choose_folder: "Valitse kansio",
};

const EN: ListsTexts = ListsTexts {
    period_column: "Period",
    period_filter: "Programme period",
    with_description: "with a full description",
    differs: "the description and the list differ",
    description: "description",
    list: "list",
    line: "line",
    list_card: "From a list export",
    list_only: "This project is known only from a programme's list export: its full description is not loaded. Below is what the list says.",
    source: "Source",
    service_link: "The project's page in the service",
    service_note: "The link opens the service's site in a new tab. Save the page and add it here, and its full description joins this row.",
    choose_folder: "Choose folder",
};

const SV: ListsTexts = ListsTexts {
    period_column: "Period",
    period_filter: "Programperiod",
    with_description: "med fullständig beskrivning",
    differs: "beskrivningen och listan skiljer sig",
    description: "beskrivning",
    list: "lista",
    line: "rad",
    list_card: "Från projektlistan",
    list_only: "Det här projektet är känt bara från programmets projektlista: dess fullständiga beskrivning är inte inläst. Nedan står det som listan säger.",
    source: "Källa",
    service_link: "Projektets sida i tjänsten",
    service_note: "Länken öppnar tjänstens webbplats i en ny flik. Spara sidan och lägg till den här, så förenas den fullständiga beskrivningen med den här raden.",
    choose_folder: "Välj mapp",
};

impl Lang {
    /// The strings of lists, folders and archives.
    pub fn l(self) -> &'static ListsTexts {
        match self {
            Lang::Fi => &FI,
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }
}

/// The Finnish or Swedish summary of an archive reader's refusal (its messages are in
/// English), by its code (`hankekuvaus_archive::codes`); `None` in English.
pub(super) fn archive_summary(lang: Lang, code: &str) -> Option<&'static str> {
    match lang {
        Lang::Fi => archive_summary_fi(code),
        Lang::Sv => archive_summary_sv(code),
        Lang::En => None,
    }
}

fn archive_summary_sv(code: &str) -> Option<&'static str> {
    use hankekuvaus_archive::codes::*;
    Some(match code {
        CORRUPT_ARCHIVE => "ZIP-arkivet är skadat eller avbrutet: ingenting lästes ur det.",
        TOO_MANY_MEMBERS => "ZIP-arkivet har över 20 000 filer: ingenting lästes ur det.",
        CORRUPT_MEMBER => "En fil i arkivet är skadad och lästes inte.",
        MEMBER_TOO_LARGE => {
            "En fil i arkivet skulle bli för stor uppackad (ZIP-bomb?) och packades inte upp."
        }
        TOTAL_TOO_LARGE => "Filerna i arkivet skulle bli för stora uppackade tillsammans.",
        SIZE_MISMATCH => {
            "En fil i arkivet packas upp till mer än huvudet anger (ZIP-bomb?) och lästes inte."
        }
        UNSAFE_NAME => "Filens namn leder utanför arkivet (t.ex. ../) och den lästes inte.",
        ENCRYPTED => "Filen är krypterad och lästes inte.",
        UNSUPPORTED_COMPRESSION => {
            "Filen är packad på ett sätt som inte läses (bara vanlig ZIP-packning)."
        }
        SYMLINK => "Filen är en symbolisk länk, som inte följdes.",
        NESTED_ARCHIVE => "Ett ZIP-arkiv i arkivet: bara en nivå öppnas.",
        _ => return None,
    })
}

fn archive_summary_fi(code: &str) -> Option<&'static str> {
    use hankekuvaus_archive::codes::*;
    Some(match code {
        CORRUPT_ARCHIVE => "ZIP-paketti on vioittunut tai katkennut: siitä ei luettu mitään.",
        TOO_MANY_MEMBERS => "ZIP-paketissa on yli 20 000 tiedostoa: siitä ei luettu mitään.",
        CORRUPT_MEMBER => "Paketin tiedosto on vioittunut, eikä sitä luettu.",
        MEMBER_TOO_LARGE => "Paketin tiedosto olisi purettuna liian suuri (ZIP-pommi?), eikä sitä purettu.",
        TOTAL_TOO_LARGE => "Paketin tiedostot olisivat purettuina yhteensä liian suuria.",
        SIZE_MISMATCH => "Paketin tiedosto purkautuu suuremmaksi kuin otsake kertoo (ZIP-pommi?), eikä sitä luettu.",
        UNSAFE_NAME => "Tiedoston nimi johtaa paketin ulkopuolelle (esim. ../), eikä sitä luettu.",
        ENCRYPTED => "Tiedosto on salattu, eikä sitä luettu.",
        UNSUPPORTED_COMPRESSION => "Tiedosto on pakattu tavalla, jota ei lueta (vain tavallinen ZIP-pakkaus).",
        SYMLINK => "Tiedosto on symbolinen linkki, eikä sitä seurattu.",
        NESTED_ARCHIVE => "ZIP-paketti paketin sisällä: vain yksi taso avataan.",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use hankekuvaus_archive::codes;

    #[test]
    fn archive_refusals_are_summarised_in_finnish() {
        for code in [
            codes::MEMBER_TOO_LARGE,
            codes::SIZE_MISMATCH,
            codes::NESTED_ARCHIVE,
        ] {
            assert!(Lang::Fi.code_summary(code).is_some(), "{code}");
            assert_eq!(
                Lang::En.code_summary(code),
                None,
                "English has the message itself"
            );
        }
        assert_eq!(archive_summary_fi("no-such-code"), None);
        assert!(
            Lang::Fi.code_summary("empty").is_some(),
            "the core's codes still work"
        );
    }
}
