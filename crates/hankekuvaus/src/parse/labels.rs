//! The words the parser recognises, as data: field labels, the gender-equality questions and
//! the sustainability table's categories and items. Section titles are matched in
//! [`tree`](super::tree), where they decide how a body is read.
//!
//! One table maps each label text of either period to a [`Label`]; extraction matches on
//! the enum, and a label missing from the table is what the unknown-field diagnostic reports.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::lines::normalized_starts_with;

/// A known field label. The section decides which struct a label fills: `Jakeluosoite`
/// ([`Label::StreetAddress`]) is the applicant's street in section 2 and the site's in
/// section 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Code,
    Name,
    PriorityAxis,
    SpecificObjective,
    Period,
    Status,
    Authority,
    ApplicantName,
    OrganisationType,
    BusinessId,
    StreetAddress,
    PostalCode,
    City,
    Phone,
    Website,
    ContactName,
    ContactPosition,
    ContactEmail,
    ContactPhone,
    Joint,
    CoImplementers,
    GrantedEuState,
    RealizedEuState,
    PlannedPublicTotal,
    RealizedPublicTotal,
    Regions,
    SubRegions,
    Municipalities,
    Planned,
    Realized,
}

/// Each label with its texts, normalised (see `lines::normalize`): 2014–2020 and 2007–2013
/// texts side by side; the shorter variants are seen in both. The service misspells
/// "sähköpostiosoite" as "sähköpostisoite"; both are read.
const LABELS: &[(Label, &[&str])] = &[
    (Label::Code, &["hankekoodi", "projektikoodi"]),
    (Label::Name, &["hankkeen nimi", "projektin nimi"]),
    (Label::PriorityAxis, &["toimintalinja"]),
    (Label::SpecificObjective, &["erityistavoite"]),
    (
        Label::Period,
        &[
            "suunnitelman mukainen toteutusaika",
            "toteutusaika",
            "projektin toteutusaika",
        ],
    ),
    (Label::Status, &["toiminnan tila", "projektin tila", "tila"]),
    (Label::Authority, &["vastuuviranomainen"]),
    (
        Label::ApplicantName,
        &[
            "hakijan virallinen nimi",
            "toteuttajan virallinen nimi",
            "toteuttajan nimi",
            "hakijan nimi",
        ],
    ),
    (Label::OrganisationType, &["organisaatiotyyppi"]),
    (Label::BusinessId, &["y-tunnus"]),
    (Label::StreetAddress, &["jakeluosoite"]),
    (Label::PostalCode, &["postinumero"]),
    (Label::City, &["postitoimipaikka"]),
    (Label::Phone, &["puhelinnumero"]),
    (Label::Website, &["www-osoite"]),
    (
        Label::ContactName,
        &[
            "hankkeen yhteyshenkilön nimi",
            "projektin yhteyshenkilön nimi",
            "yhteyshenkilön nimi",
        ],
    ),
    (
        Label::ContactPosition,
        &[
            "yhteyshenkilön asema hakijaorganisaatiossa",
            "yhteyshenkilön asema",
        ],
    ),
    (
        Label::ContactEmail,
        &[
            "yhteyshenkilön sähköpostisoite",
            "yhteyshenkilön sähköpostiosoite",
        ],
    ),
    (Label::ContactPhone, &["yhteyshenkilön puhelinnumero"]),
    (
        Label::Joint,
        &["hakijoiden lukumäärä tai tuen siirto -menettely"],
    ),
    (Label::CoImplementers, &["osatoteuttajat"]),
    (
        Label::GrantedEuState,
        &["myönnetty eu- ja valtion rahoitus"],
    ),
    (
        Label::RealizedEuState,
        &["toteutunut eu- ja valtion rahoitus"],
    ),
    (
        Label::PlannedPublicTotal,
        &["suunniteltu julkinen rahoitus yhteensä"],
    ),
    (
        Label::RealizedPublicTotal,
        &["toteutunut julkinen rahoitus yhteensä"],
    ),
    (Label::Regions, &["maakunnat", "maakunta"]),
    (Label::SubRegions, &["seutukunnat", "seutukunta"]),
    (Label::Municipalities, &["kunnat", "kunta"]),
    (Label::Planned, &["suunniteltu"]),
    (
        Label::Realized,
        &["toteutunut seurantatietojen mukaan", "toteutunut"],
    ),
];

impl Label {
    /// The label of a field's label text as written, normalised only when it is not
    /// written as the service writes it ("Hankekoodi": a capital, then the table's text).
    /// Normalising every label was a twentieth of the parse.
    pub(crate) fn from_written(written: &str) -> Option<Label> {
        match as_written(written) {
            Some((_, label)) => Some(label),
            None => crate::lines::with_normalized(written, Label::from_text),
        }
    }

    /// The label a normalised label text names, if the parser knows it.
    pub(crate) fn from_text(normalized: &str) -> Option<Label> {
        // The texts by their length, made once: a lookup then compares one to four texts
        // instead of going through all fifty (once for every field of every file).
        static BY_LENGTH: OnceLock<Vec<Vec<(&str, Label)>>> = OnceLock::new();
        let table = BY_LENGTH.get_or_init(|| {
            by_length(
                LABELS
                    .iter()
                    .flat_map(|&(label, texts)| texts.iter().map(move |&text| (text, label))),
            )
        });
        find_by_length(table, normalized).map(|&(_, label)| label)
    }
}

/// The table's text that `written` is as the service writes it ("Hankekoodi", "Myönnetty
/// EU- ja valtion rahoitus", "WWW-osoite"), with its label: the text is static, so the
/// section tree's fields borrow it rather than each holding a copy of their label.
pub(crate) fn as_written(written: &str) -> Option<(&'static str, Label)> {
    // Made once from the table: a capital first letter, and the service's capitals in
    // "EU-" and "WWW-".
    static WRITTEN: OnceLock<Vec<Vec<(String, Label)>>> = OnceLock::new();
    let table = WRITTEN.get_or_init(|| {
        by_length(LABELS.iter().flat_map(|&(label, texts)| {
            texts.iter().flat_map(move |text| {
                let mut chars = text.chars();
                let first: String = chars
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .collect();
                let capital = first + chars.as_str();
                let service = capital.replace("eu-", "EU-").replace("Www-", "WWW-");
                [(capital, label), (service, label)]
            })
        }))
    });
    find_by_length(table, written).map(|(form, label)| (form.as_str(), *label))
}

/// `texts` grouped by their length in bytes, each once: a lookup then compares only the
/// few of the right length.
fn by_length<T: AsRef<str> + PartialEq>(
    texts: impl Iterator<Item = (T, Label)>,
) -> Vec<Vec<(T, Label)>> {
    let mut by_length: Vec<Vec<(T, Label)>> = Vec::new();
    for (text, label) in texts {
        let len = text.as_ref().len();
        if by_length.len() <= len {
            by_length.resize_with(len + 1, Vec::new);
        }
        if !by_length[len].iter().any(|(t, _)| *t == text) {
            by_length[len].push((text, label));
        }
    }
    by_length
}

/// The entry of a [`by_length`] table whose text is `text`.
fn find_by_length<'t, T: AsRef<str>>(
    table: &'t [Vec<(T, Label)>],
    text: &str,
) -> Option<&'t (T, Label)> {
    table
        .get(text.len())?
        .iter()
        // The last bytes first: texts of one length often share their start, and a
        // mismatch then costs no call to compare them whole.
        .find(|(t, _)| {
            let (t, text) = (t.as_ref().as_bytes(), text.as_bytes());
            t.last() == text.last() && crate::swar::order(t, text).is_eq()
        })
}

/// `text` borrowed as `known`, the static text it equals, when there is one; owned
/// otherwise.
fn shared_or_owned(known: Option<&'static str>, text: Cow<'_, str>) -> Cow<'static, str> {
    match known {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(text.into_owned()),
    }
}

/// A field's label as kept in the section tree: borrowed when it is a known label as the
/// service writes it (nearly every field of a description), owned otherwise.
pub(crate) fn field_label(text: Cow<'_, str>) -> Cow<'static, str> {
    shared_or_owned(as_written(&text).map(|(form, _)| form), text)
}

/// Section titles as the service writes them (both periods' top-level titles, the
/// subsections', and the commonest indicators'), which the section tree's sections borrow.
const TITLES: &[&str] = &[
    "Hanke",
    "Hakijan perustiedot",
    "Suunnitelman mukainen tiivistelmä toteutuksesta",
    "Hankkeen kohderyhmät",
    "Varsinaiset kohderyhmät",
    "Välilliset kohderyhmät",
    "Projektin julkinen rahoitus, euroa",
    "Maantieteellinen kohdealue",
    "Hakemusvaiheessa ilmoitettavat arviot hankekohtaisista seurantiedoista",
    "Horisontaaliset periaatteet",
    "Sukupuolten tasa-arvo",
    "Kestävä kehitys",
    "Loppuraportin tiivistelmä",
    "Projekti",
    "Projektin toteuttaja",
    "Projektin kohderyhmät",
    "Osallistuvien henkilöiden lukumäärä",
    "Osallistuvien yritysten lukumäärä",
    "Tukea saavien yritysten lukumäärä",
    "Uudet työpaikat, naiset",
    "Uudet työpaikat, miehet",
];

/// The [`normalize`](crate::lines::normalize)d text of `title` when it is one of
/// [`TITLES`], normalised once: a heading's kind is decided on its normalised title, and
/// the service's titles are nearly every heading.
pub(crate) fn known_title_normalized(title: &str) -> Option<&'static str> {
    static NORMALIZED: OnceLock<Vec<String>> = OnceLock::new();
    let normalized =
        NORMALIZED.get_or_init(|| TITLES.iter().map(|t| crate::lines::normalize(t)).collect());
    Some(normalized[known_title(title)?].as_str())
}

/// A section's title as kept in the section tree: borrowed when it is one of [`TITLES`].
pub(crate) fn section_title(title: Cow<'_, str>) -> Cow<'static, str> {
    shared_or_owned(known_title(&title).map(|k| TITLES[k]), title)
}

/// The place of `title` in [`TITLES`], if it is one of them.
fn known_title(title: &str) -> Option<usize> {
    TITLES.iter().position(|known| *known == title)
}

/// A section's number ("7", "4.1") as kept in the section tree: borrowed from a table made
/// once for one level below 100 and two levels below 20, which is every number the layouts
/// have; owned otherwise. `parts` are the number's levels.
pub(crate) fn section_number(parts: &[u32]) -> Cow<'static, str> {
    static ONE: OnceLock<Vec<String>> = OnceLock::new();
    static TWO: OnceLock<Vec<String>> = OnceLock::new();
    let write = |parts: &[u32]| {
        parts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".")
    };
    let shared = match *parts {
        [n] if n < 100 => ONE
            .get_or_init(|| (0..100).map(|n| write(&[n])).collect())
            .get(n as usize),
        [n, m] if n < 20 && m < 20 => TWO
            .get_or_init(|| (0..400).map(|k| write(&[k / 20, k % 20])).collect())
            .get((n * 20 + m) as usize),
        _ => None,
    };
    match shared {
        Some(text) => Cow::Borrowed(text),
        None => Cow::Owned(write(parts)),
    }
}

/// A section number read from JSON, shared with [`section_number`]'s when it spells one.
pub(crate) fn shared_number(text: String) -> Cow<'static, str> {
    let parts: Option<Vec<u32>> = text.split('.').map(|p| p.parse().ok()).collect();
    match parts.map(|parts| section_number(&parts)) {
        Some(Cow::Borrowed(shared)) if shared == text => Cow::Borrowed(shared),
        _ => Cow::Owned(text),
    }
}

/// One of the three yes/no questions of section 8.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Question {
    Analysis,
    Mainstreamed,
    MainGoal,
}

/// How each question's label begins (normalised); the rest of the label varies.
const QUESTIONS: [(&str, Question); 3] = [
    (
        "hankkeessa on tehty toimintaympäristön analyysi",
        Question::Analysis,
    ),
    ("sukupuolinäkökulma on huomioitu", Question::Mainstreamed),
    (
        "hankkeen päätavoite on sukupuolten tasa-arvon",
        Question::MainGoal,
    ),
];

/// The gender-equality question a label asks, if any.
pub(crate) fn gender_question(label: &str) -> Option<Question> {
    // Only the start is compared, and labels run on into long questions: normalise no more
    // of a label than a question's start needs.
    QUESTIONS
        .iter()
        .find(|(start, _)| written_start(label, start) || normalized_starts_with(label, start))
        .map(|(_, q)| *q)
}

/// Whether `label` starts with `start` as the service writes it: a capital first letter,
/// then the same bytes. Every question's label is so written, and this compares its bytes
/// rather than lowering and comparing it a character at a time; any other spelling is left
/// to [`normalized_starts_with`].
fn written_start(label: &str, start: &str) -> bool {
    let (label, start) = (label.as_bytes(), start.as_bytes());
    label.len() >= start.len()
        && label.first().map(u8::to_ascii_lowercase) == start.first().copied()
        && crate::swar::order(&label[1..start.len()], &start[1..]).is_eq()
}

/// "VälitönVälillinen" (direct, indirect): the score table's header, its cells run together
/// in saved text, separated in text copied from a browser.
pub(crate) fn is_score_header(text: &str) -> bool {
    // Every line of section 8.2 is asked: a line not starting with its "V" is not split
    // into words at all.
    let text = text.trim_start();
    if !text.starts_with(['V', 'v']) {
        return false;
    }
    let mut words = text.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(one), None, None) => one.eq_ignore_ascii_case("VälitönVälillinen"),
        (Some(a), Some(b), None) => {
            a.eq_ignore_ascii_case("Välitön") && b.eq_ignore_ascii_case("Välillinen")
        }
        _ => false,
    }
}

/// The three categories of section 8.2, in order.
pub(crate) const SUSTAINABILITY_CATEGORIES: [&str; 3] = [
    "Ekologinen kestävyys",
    "Taloudellinen kestävyys",
    "Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus",
];

/// The fifteen items of section 8.2, five per category.
pub(crate) const SUSTAINABILITY_ITEMS: [&str; 15] = [
    "Luonnonvarojen käytön kestävyys",
    "Ilmastonmuutoksen aiheuttamien riskien vähentäminen",
    "Kasvillisuus, eliöt ja luonnon monimuotoisuus",
    "Pinta- ja pohjavedet, maaperä sekä ilma (ja kasvihuonekaasujen väheneminen)",
    "Natura 2000 -ohjelman kohteet",
    "Materiaalit ja jätteet",
    "Uusiutuvien energialähteiden käyttö",
    "Paikallisen elinkeinorakenteen kestävä kehittäminen",
    "Aineettomien tuotteiden ja palvelujen kehittäminen",
    "Liikkuminen ja logistiikka",
    "Hyvinvoinnin edistäminen",
    "Tasa-arvon edistäminen",
    "Yhteiskunnallinen ja kulttuurinen yhdenvertaisuus",
    "Kulttuuriympäristö",
    "Ympäristöosaaminen",
];

/// `text` borrowed from the layout's category and item names when it is one of them as
/// written, owned otherwise: 15 items a description each had two strings of their own.
pub(crate) fn sustainability_text(text: Cow<'_, str>) -> Cow<'static, str> {
    let layout = SUSTAINABILITY_CATEGORIES
        .iter()
        .chain(&SUSTAINABILITY_ITEMS);
    shared_or_owned(layout.copied().find(|known| *known == text), text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::normalize;

    #[test]
    fn both_periods_labels_name_the_same_field() {
        assert_eq!(Label::from_text("hankekoodi"), Some(Label::Code));
        assert_eq!(Label::from_text("projektikoodi"), Some(Label::Code));
        assert_eq!(
            Label::from_text(&normalize("Toteuttajan virallinen nimi")),
            Some(Label::ApplicantName)
        );
        assert_eq!(Label::from_text("lisätietoja"), None);
        // As written or not, a label reads as its normalised text does.
        for &(label, texts) in LABELS {
            for text in texts.iter() {
                let capital = text[..1].to_uppercase() + &text[1..];
                for written in [
                    text.to_string(),
                    capital,
                    text.to_uppercase(),
                    format!(" {text}  "),
                ] {
                    assert_eq!(Label::from_written(&written), Some(label), "{written:?}");
                }
            }
        }
        let borrowed = |c: &Cow<'_, str>| matches!(c, Cow::Borrowed(_));
        for (parts, text, shared) in [
            (&[7][..], "7", true),
            (&[99], "99", true),
            (&[4, 1], "4.1", true),
            (&[19, 19], "19.19", true),
            (&[100], "100", false),
            (&[4, 20], "4.20", false),
            (&[12, 5, 3], "12.5.3", false),
        ] {
            let number = section_number(parts);
            assert_eq!((number.as_ref(), borrowed(&number)), (text, shared));
            let read = shared_number(text.to_owned());
            assert_eq!((read.as_ref(), borrowed(&read)), (text, shared));
        }
        for odd in ["01", "4.01", "", "x", "4..1"] {
            assert!(!borrowed(&shared_number(odd.to_owned())), "{odd:?}");
        }
        for unknown in ["", "x", "Lisätietoja", "Hankekoodit", "Ö"] {
            assert_eq!(Label::from_written(unknown), None, "{unknown:?}");
        }
    }

    #[test]
    fn table_texts_are_normalised_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for text in LABELS.iter().flat_map(|(_, texts)| texts.iter()) {
            assert_eq!(normalize(text), *text);
            assert!(seen.insert(*text), "{text} twice");
        }
    }

    #[test]
    fn known_titles_are_normalised_once() {
        for title in TITLES {
            assert_eq!(
                known_title_normalized(title),
                Some(crate::lines::normalize(title).as_str())
            );
        }
        assert_eq!(known_title_normalized("HANKE"), None);
        assert_eq!(known_title_normalized("Hanke ja muuta"), None);
    }

    #[test]
    fn questions_are_recognised_by_their_start() {
        assert_eq!(
            gender_question("Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen"),
            Some(Question::MainGoal)
        );
        assert_eq!(
            gender_question("Sukupuolinäkökulma on huomioitu hankkeen toiminnassa"),
            Some(Question::Mainstreamed)
        );
        assert_eq!(gender_question("Hankkeen nimi"), None);
        // Other spellings than the service's: read by their normalised start.
        assert_eq!(
            gender_question("SUKUPUOLINÄKÖKULMA  on huomioitu"),
            Some(Question::Mainstreamed)
        );
        assert_eq!(
            gender_question("hankkeessa on tehty toimintaympäristön analyysi"),
            Some(Question::Analysis)
        );
        assert_eq!(gender_question("Hankkeessa on tehty"), None);
        assert_eq!(gender_question(""), None);
    }

    #[test]
    fn score_header_in_both_forms() {
        for (text, header) in [
            ("VälitönVälillinen", true),
            ("Välitön Välillinen", true),
            ("Välitön", false),
            ("Välitön Välillinen 3", false),
            ("välitön  VÄLILLINEN", false),
            ("välitön  välillinen", true),
            (" VälitönVälillinen", true),
            ("Ekologinen kestävyys", false),
            ("", false),
        ] {
            assert_eq!(is_score_header(text), header, "{text:?}");
        }
    }
}
