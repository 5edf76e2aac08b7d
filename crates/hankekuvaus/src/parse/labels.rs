//! The words the parser recognises, as data: field labels, the gender-equality questions and
//! the sustainability table's categories and items. Section titles are matched in
//! [`tree`](super::tree), where they decide how a body is read.
//!
//! One table maps each label text of either period to a [`Label`]; extraction matches on
//! the enum, and a label missing from the table is what the unknown-field diagnostic reports.

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

/// Normalised label text (see `lines::normalize`) → label. 2014–2020 and 2007–2013 texts
/// sit side by side; the shorter variants are seen in both.
const LABELS: &[(&str, Label)] = &[
    // 1 Hanke / 1. Projekti
    ("hankekoodi", Label::Code),
    ("projektikoodi", Label::Code),
    ("hankkeen nimi", Label::Name),
    ("projektin nimi", Label::Name),
    ("toimintalinja", Label::PriorityAxis),
    ("erityistavoite", Label::SpecificObjective),
    ("suunnitelman mukainen toteutusaika", Label::Period),
    ("toteutusaika", Label::Period),
    ("projektin toteutusaika", Label::Period),
    ("toiminnan tila", Label::Status),
    ("projektin tila", Label::Status),
    ("tila", Label::Status),
    ("vastuuviranomainen", Label::Authority),
    // 2 Hakijan perustiedot / 2. Projektin toteuttaja
    ("hakijan virallinen nimi", Label::ApplicantName),
    ("toteuttajan virallinen nimi", Label::ApplicantName),
    ("toteuttajan nimi", Label::ApplicantName),
    ("hakijan nimi", Label::ApplicantName),
    ("organisaatiotyyppi", Label::OrganisationType),
    ("y-tunnus", Label::BusinessId),
    ("jakeluosoite", Label::StreetAddress),
    ("postinumero", Label::PostalCode),
    ("postitoimipaikka", Label::City),
    ("puhelinnumero", Label::Phone),
    ("www-osoite", Label::Website),
    ("hankkeen yhteyshenkilön nimi", Label::ContactName),
    ("projektin yhteyshenkilön nimi", Label::ContactName),
    ("yhteyshenkilön nimi", Label::ContactName),
    (
        "yhteyshenkilön asema hakijaorganisaatiossa",
        Label::ContactPosition,
    ),
    ("yhteyshenkilön asema", Label::ContactPosition),
    // The service's own misspelling first, then the correct form.
    ("yhteyshenkilön sähköpostisoite", Label::ContactEmail),
    ("yhteyshenkilön sähköpostiosoite", Label::ContactEmail),
    ("yhteyshenkilön puhelinnumero", Label::ContactPhone),
    (
        "hakijoiden lukumäärä tai tuen siirto -menettely",
        Label::Joint,
    ),
    ("osatoteuttajat", Label::CoImplementers),
    // 5 / 4. Projektin julkinen rahoitus, euroa
    ("myönnetty eu- ja valtion rahoitus", Label::GrantedEuState),
    ("toteutunut eu- ja valtion rahoitus", Label::RealizedEuState),
    (
        "suunniteltu julkinen rahoitus yhteensä",
        Label::PlannedPublicTotal,
    ),
    (
        "toteutunut julkinen rahoitus yhteensä",
        Label::RealizedPublicTotal,
    ),
    // 6 Maantieteellinen kohdealue
    ("maakunnat", Label::Regions),
    ("maakunta", Label::Regions),
    ("seutukunnat", Label::SubRegions),
    ("seutukunta", Label::SubRegions),
    ("kunnat", Label::Municipalities),
    ("kunta", Label::Municipalities),
    // 7.x, each indicator
    ("suunniteltu", Label::Planned),
    ("toteutunut seurantatietojen mukaan", Label::Realized),
    ("toteutunut", Label::Realized),
];

impl Label {
    /// The label a normalised label text names, if the parser knows it.
    pub(crate) fn from_text(normalized: &str) -> Option<Label> {
        LABELS
            .iter()
            .find(|(text, _)| *text == normalized)
            .map(|(_, label)| *label)
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
    let l = crate::lines::normalize(label);
    QUESTIONS
        .iter()
        .find(|(start, _)| l.starts_with(start))
        .map(|(_, q)| *q)
}

/// "VälitönVälillinen" (direct, indirect): the score table's header, its cells run together
/// in saved text, separated in text copied from a browser.
pub(crate) fn is_score_header(text: &str) -> bool {
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
    }

    #[test]
    fn table_texts_are_normalised_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for (text, _) in LABELS {
            assert_eq!(normalize(text), *text);
            assert!(seen.insert(*text), "{text} twice");
        }
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
    }

    #[test]
    fn score_header_in_both_forms() {
        assert!(is_score_header("VälitönVälillinen"));
        assert!(is_score_header("Välitön Välillinen"));
        assert!(!is_score_header("Välitön"));
        assert!(!is_score_header("Välitön Välillinen 3"));
    }
}
