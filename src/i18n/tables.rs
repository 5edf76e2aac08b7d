//! The tables of document words: field labels by path, Finnish terms with their English
//! glosses, and the Finnish summaries of the parser's codes.

use hankekuvaus::codes::Code;
use hankekuvaus::paths::FieldPath;

/// Document field labels: JSON path, Finnish label (as on the service's page), English.
pub const FIELD_LABELS: &[(FieldPath, &str, &str)] = &[
    (FieldPath::ProjectCode, "Hankekoodi", "Project code"),
    (FieldPath::ProjectName, "Hankkeen nimi", "Project name"),
    (FieldPath::KindFund, "Rahasto", "Fund"),
    (
        FieldPath::ProjectPriorityAxis,
        "Toimintalinja",
        "Priority axis",
    ),
    (
        FieldPath::ProjectSpecificObjective,
        "Erityistavoite",
        "Specific objective",
    ),
    (
        FieldPath::ProjectPeriod,
        "Suunnitelman mukainen toteutusaika",
        "Planned period",
    ),
    (FieldPath::ProjectStatus, "Toiminnan tila", "Status"),
    (
        FieldPath::ProjectResponsibleAuthority,
        "Vastuuviranomainen",
        "Responsible authority",
    ),
    (
        FieldPath::ApplicantName,
        "Hakijan virallinen nimi",
        "Applicant's official name",
    ),
    (
        FieldPath::ApplicantOrganisationType,
        "Organisaatiotyyppi",
        "Organisation type",
    ),
    (FieldPath::ApplicantBusinessId, "Y-tunnus", "Business ID"),
    (
        FieldPath::ApplicantStreetAddress,
        "Jakeluosoite",
        "Street address",
    ),
    (FieldPath::ApplicantPostalCode, "Postinumero", "Postal code"),
    (FieldPath::ApplicantCity, "Postitoimipaikka", "City"),
    (FieldPath::ApplicantPhone, "Puhelinnumero", "Phone"),
    (FieldPath::ApplicantWebsite, "WWW-osoite", "Website"),
    (
        FieldPath::ApplicantContactName,
        "Hankkeen yhteyshenkilön nimi",
        "Contact person",
    ),
    (
        FieldPath::ApplicantContactPosition,
        "Yhteyshenkilön asema hakijaorganisaatiossa",
        "Position",
    ),
    (
        FieldPath::ApplicantContactEmail,
        "Yhteyshenkilön sähköpostiosoite",
        "E-mail",
    ),
    (
        FieldPath::ApplicantContactPhone,
        "Yhteyshenkilön puhelinnumero",
        "Phone",
    ),
    (
        FieldPath::ApplicantJointProject,
        "Hakijoiden lukumäärä tai tuen siirto -menettely",
        "Number of applicants",
    ),
    (
        FieldPath::FundingGrantedEuState,
        "Myönnetty EU- ja valtion rahoitus",
        "EU and state funding granted",
    ),
    (
        FieldPath::FundingRealizedEuState,
        "Toteutunut EU- ja valtion rahoitus",
        "EU and state funding realised",
    ),
    (
        FieldPath::FundingPlannedPublicTotal,
        "Suunniteltu julkinen rahoitus yhteensä",
        "Total public funding planned",
    ),
    (
        FieldPath::FundingRealizedPublicTotal,
        "Toteutunut julkinen rahoitus yhteensä",
        "Total public funding realised",
    ),
    (FieldPath::AreaRegions, "Maakunnat", "Regions"),
    (FieldPath::AreaSubRegions, "Seutukunnat", "Sub-regions"),
    (FieldPath::AreaMunicipalities, "Kunnat", "Municipalities"),
    (FieldPath::AreaSite, "Toteutuspaikan osoite", "Site address"),
    (FieldPath::IndicatorsPlanned, "Suunniteltu", "Planned"),
    (
        FieldPath::IndicatorsRealized,
        "Toteutunut seurantatietojen mukaan",
        "Realised according to monitoring",
    ),
    (
        FieldPath::GenderEqualityAnalysisDone,
        "Hankkeessa on tehty toimintaympäristön analyysi sukupuolinäkökulmasta",
        "The operating environment was analysed from a gender perspective",
    ),
    (
        FieldPath::GenderEqualityMainstreamed,
        "Sukupuolinäkökulma on huomioitu hankkeen toiminnassa (valtavirtaistaminen)",
        "The gender perspective is mainstreamed in the project",
    ),
    (
        FieldPath::GenderEqualityMainGoal,
        "Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen",
        "The project's main goal is promoting gender equality",
    ),
    (
        FieldPath::Summary,
        "Suunnitelman mukainen tiivistelmä toteutuksesta",
        "Planned summary of implementation",
    ),
    (
        FieldPath::TargetGroupsPrimary,
        "Varsinaiset kohderyhmät",
        "Primary target groups",
    ),
    (
        FieldPath::TargetGroupsIndirect,
        "Välilliset kohderyhmät",
        "Indirect target groups",
    ),
    (
        FieldPath::FinalReportSummary,
        "Loppuraportin tiivistelmä",
        "Final report summary",
    ),
];

/// Finnish terms that appear as data, with an English gloss.
pub(super) const TERMS: &[(&str, &str)] = &[
    ("Ekologinen kestävyys", "Ecological sustainability"),
    ("Taloudellinen kestävyys", "Economic sustainability"),
    (
        "Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus",
        "Social and cultural sustainability and equality",
    ),
];

/// Finnish summaries of the codes in `hankekuvaus::codes`.
pub(super) const CODE_SUMMARIES_FI: &[(Code, &str)] = &[
    (Code::Empty, "Tiedosto on tyhjä."),
    (Code::TooLarge, "Tiedosto on liian suuri."),
    (Code::LineTooLong, "Tiedostossa on liian pitkä rivi."),
    (Code::Pdf, "PDF-tiedosto: tallenna hankkeen sivu selaimesta tekstinä tai HTML-muodossa."),
    (Code::Zip, "ZIP-paketti tai Office-tiedosto: pura se tai tallenna hankkeen sivu tekstinä tai HTML-muodossa."),
    (Code::Image, "Kuva, ei hankkeen kuvaus."),
    (Code::Binary, "Binääritiedosto, ei tekstiä."),
    (Code::Json, "JSON-tiedosto, joka ei ole Hankekatselimen vienti."),
    (Code::NotADescription, "Ei hankkeen kuvaus: otsikkoriviä tai hankekoodia ei löytynyt."),
    (Code::MissingSection, "Kuvauksesta puuttuu osio."),
    (Code::MissingField, "Kenttä puuttuu tai on tyhjä."),
    (Code::Truncated, "Kuvaus näyttää katkenneen kesken."),
    (Code::BadAmount, "Euromäärää ei voi lukea."),
    (Code::BadNumber, "Lukua ei voi lukea."),
    (Code::BadDate, "Päivämäärää ei voi lukea."),
    (Code::EndBeforeStart, "Päättymispäivä on ennen alkamispäivää."),
    (Code::BadBusinessId, "Y-tunnus ei ole kelvollinen."),
    (Code::BadAnswer, "Vastaus ei ole Kyllä eikä Ei."),
    (Code::BadScore, "Pisteitä ei voi lukea."),
    (Code::SustainabilityCount, "Kestävän kehityksen kohtia ei ole 15."),
    (Code::RealizedAboveGranted, "Toteutunut rahoitus ylittää myönnetyn tai suunnitellun."),
    (Code::EuStateAboveTotal, "EU- ja valtion rahoitus ylittää julkisen rahoituksen kokonaismäärän."),
    (Code::UnknownValue, "Tuntematon arvo."),
    (Code::UnknownField, "Tuntematon kenttä; se on tallessa kohdassa Muut tiedot."),
    (Code::UnknownSection, "Tuntematon osio; se on tallessa kohdassa Muut tiedot."),
    (Code::DuplicateField, "Kenttä toistuu; ensimmäinen arvo on käytössä."),
    (Code::BadEmail, "Sähköpostiosoite ei näytä osoitteelta."),
    (Code::Decoding, "Tiedostossa on merkkejä, joita ei voitu lukea."),
    (
        Code::ListRowRepaired,
        "Luettelon rivin pilkut tai lainausmerkit korjattiin.",
    ),
    (
        Code::ListRowUnreadable,
        "Luettelon riviä ei voitu lukea yksiselitteisesti; teksti on tallessa.",
    ),
];
