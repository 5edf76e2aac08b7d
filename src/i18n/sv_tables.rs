//! The Swedish tables of document words: field labels, terms, fund names and the summaries
//! of the parser's codes. The labels and terms are in the order of their Finnish tables
//! (`tables.rs`); `complete.rs` checks at compile time that every key has its Swedish text.

use hankekuvaus::codes::Code;
use hankekuvaus::paths::FieldPath;
use hankekuvaus::Fund;

/// Swedish field labels, row for row as `tables::FIELD_LABELS`.
pub(super) const FIELD_LABELS_SV: &[(FieldPath, &str)] = &[
    (FieldPath::ProjectCode, "Projektkod"),
    (FieldPath::ProjectName, "Projektets namn"),
    (FieldPath::KindFund, "Fond"),
    (FieldPath::ProjectPriorityAxis, "Insatsområde"),
    (FieldPath::ProjectSpecificObjective, "Specifikt mål"),
    (FieldPath::ProjectPeriod, "Planerad genomförandetid"),
    (FieldPath::ProjectStatus, "Verksamhetens status"),
    (FieldPath::ProjectResponsibleAuthority, "Ansvarig myndighet"),
    (FieldPath::ApplicantName, "Sökandens officiella namn"),
    (FieldPath::ApplicantOrganisationType, "Organisationstyp"),
    (FieldPath::ApplicantBusinessId, "FO-nummer"),
    (FieldPath::ApplicantStreetAddress, "Utdelningsadress"),
    (FieldPath::ApplicantPostalCode, "Postnummer"),
    (FieldPath::ApplicantCity, "Postanstalt"),
    (FieldPath::ApplicantPhone, "Telefonnummer"),
    (FieldPath::ApplicantWebsite, "Webbadress"),
    (FieldPath::ApplicantContactName, "Projektets kontaktperson"),
    (
        FieldPath::ApplicantContactPosition,
        "Ställning i den sökande organisationen",
    ),
    (FieldPath::ApplicantContactEmail, "E-post"),
    (FieldPath::ApplicantContactPhone, "Telefon"),
    (FieldPath::ApplicantJointProject, "Antal sökande"),
    (
        FieldPath::FundingGrantedEuState,
        "Beviljad EU- och statlig finansiering",
    ),
    (
        FieldPath::FundingRealizedEuState,
        "Förverkligad EU- och statlig finansiering",
    ),
    (
        FieldPath::FundingPlannedPublicTotal,
        "Planerad offentlig finansiering totalt",
    ),
    (
        FieldPath::FundingRealizedPublicTotal,
        "Förverkligad offentlig finansiering totalt",
    ),
    (FieldPath::AreaRegions, "Landskap"),
    (FieldPath::AreaSubRegions, "Ekonomiska regioner"),
    (FieldPath::AreaMunicipalities, "Kommuner"),
    (FieldPath::AreaSite, "Genomförandeplatsens adress"),
    (FieldPath::IndicatorsPlanned, "Planerat"),
    (
        FieldPath::IndicatorsRealized,
        "Förverkligat enligt uppföljningen",
    ),
    (
        FieldPath::GenderEqualityAnalysisDone,
        "Verksamhetsmiljön har analyserats ur ett könsperspektiv",
    ),
    (
        FieldPath::GenderEqualityMainstreamed,
        "Könsperspektivet har beaktats i projektets verksamhet (integrering)",
    ),
    (
        FieldPath::GenderEqualityMainGoal,
        "Projektets huvudmål är att främja jämställdheten mellan könen",
    ),
    (FieldPath::Summary, "Planerat sammandrag av genomförandet"),
    (FieldPath::TargetGroupsPrimary, "Egentliga målgrupper"),
    (FieldPath::TargetGroupsIndirect, "Indirekta målgrupper"),
    (FieldPath::FinalReportSummary, "Slutrapportens sammandrag"),
];

/// Swedish glosses of the Finnish terms, row for row as `tables::TERMS`.
pub(super) const TERMS_SV: &[(&str, &str)] = &[
    ("Ekologinen kestävyys", "Ekologisk hållbarhet"),
    ("Taloudellinen kestävyys", "Ekonomisk hållbarhet"),
    (
        "Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus",
        "Social och kulturell hållbarhet samt likabehandling",
    ),
];

/// A fund's official Swedish abbreviation and name.
pub(super) fn fund(fund: Fund) -> (&'static str, &'static str) {
    match fund {
        Fund::Esr => ("ESF", "Europeiska socialfonden"),
        Fund::Eakr => ("Eruf", "Europeiska regionala utvecklingsfonden"),
        Fund::EsrPlus => ("ESF+", "Europeiska socialfonden plus"),
        Fund::Jtf => ("FRO", "Fonden för en rättvis omställning"),
    }
}

/// Swedish summaries of the codes in `hankekuvaus::codes`.
pub(super) const CODE_SUMMARIES_SV: &[(Code, &str)] = &[
    (Code::Empty, "Filen är tom."),
    (Code::TooLarge, "Filen är för stor."),
    (Code::LineTooLong, "Filen har en för lång rad."),
    (Code::Pdf, "En PDF-fil: spara projektets sida i webbläsaren som text eller HTML."),
    (Code::Zip, "Ett ZIP-paket eller en Office-fil: packa upp det eller spara projektets sida som text eller HTML."),
    (Code::Image, "En bild, inte en projektbeskrivning."),
    (Code::Binary, "En binär fil, inte text."),
    (Code::Json, "En JSON-fil som inte är en export från Hankekatselin."),
    (Code::NotADescription, "Inte en projektbeskrivning: ingen rubrikrad eller projektkod hittades."),
    (Code::MissingSection, "Ett avsnitt saknas i beskrivningen."),
    (Code::MissingField, "Fältet saknas eller är tomt."),
    (Code::Truncated, "Beskrivningen verkar ha avbrutits mitt i."),
    (Code::BadAmount, "Eurobeloppet kan inte läsas."),
    (Code::BadNumber, "Talet kan inte läsas."),
    (Code::BadDate, "Datumet kan inte läsas."),
    (Code::EndBeforeStart, "Slutdatumet är före startdatumet."),
    (Code::BadBusinessId, "FO-numret är inte giltigt."),
    (Code::BadAnswer, "Svaret är varken Kyllä (ja) eller Ei (nej)."),
    (Code::BadScore, "Poängen kan inte läsas."),
    (Code::SustainabilityCount, "Punkterna om hållbar utveckling är inte 15."),
    (Code::RealizedAboveGranted, "Den förverkligade finansieringen överstiger den beviljade eller planerade."),
    (Code::EuStateAboveTotal, "EU- och statlig finansiering överstiger den offentliga finansieringen totalt."),
    (Code::UnknownValue, "Okänt värde."),
    (Code::UnknownField, "Okänt fält; det finns kvar under Övriga uppgifter."),
    (Code::UnknownSection, "Okänt avsnitt; det finns kvar under Övriga uppgifter."),
    (Code::DuplicateField, "Fältet upprepas; det första värdet används."),
    (Code::BadEmail, "E-postadressen ser inte ut som en adress."),
    (Code::Decoding, "Filen har tecken som inte kunde läsas."),
    (
        Code::ListRowRepaired,
        "Kommatecknen eller citattecknen på listans rad rättades.",
    ),
    (
        Code::ListRowUnreadable,
        "Listans rad kunde inte läsas entydigt; texten finns kvar.",
    ),
];
