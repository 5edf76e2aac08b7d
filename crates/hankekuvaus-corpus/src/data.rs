//! The words and places the generated descriptions are made of.

/// A sub-region (seutukunta, genitive as the service writes it) and its municipalities.
pub(crate) type SubRegion = (&'static str, &'static [&'static str]);

/// Regions (maakunnat) with their sub-regions and municipalities.
pub(crate) const REGIONS: &[(&str, &[SubRegion])] = &[
    (
        "Uusimaa",
        &[
            ("Helsingin", &["Helsinki", "Espoo", "Vantaa"]),
            ("Porvoon", &["Porvoo"]),
            ("Raaseporin", &["Raasepori", "Hanko"]),
        ],
    ),
    (
        "Varsinais-Suomi",
        &[
            ("Turun", &["Turku", "Kaarina", "Raisio"]),
            ("Salon", &["Salo"]),
            ("Loimaan", &["Loimaa"]),
        ],
    ),
    (
        "Satakunta",
        &[
            ("Porin", &["Pori", "Ulvila"]),
            ("Rauman", &["Rauma", "Eura"]),
        ],
    ),
    (
        "Kanta-Häme",
        &[
            ("Hämeenlinnan", &["Hämeenlinna", "Janakkala"]),
            ("Riihimäen", &["Riihimäki"]),
            ("Forssan", &["Forssa"]),
        ],
    ),
    (
        "Pirkanmaa",
        &[
            ("Tampereen", &["Tampere", "Nokia", "Ylöjärvi", "Kangasala"]),
            ("Lounais-Pirkanmaan", &["Sastamala"]),
        ],
    ),
    (
        "Päijät-Häme",
        &[("Lahden", &["Lahti", "Hollola", "Orimattila"])],
    ),
    (
        "Kymenlaakso",
        &[
            ("Kotka-Haminan", &["Kotka", "Hamina"]),
            ("Kouvolan", &["Kouvola"]),
        ],
    ),
    (
        "Etelä-Karjala",
        &[
            ("Lappeenrannan", &["Lappeenranta", "Lemi"]),
            ("Imatran", &["Imatra"]),
        ],
    ),
    (
        "Etelä-Savo",
        &[
            ("Mikkelin", &["Mikkeli"]),
            ("Savonlinnan", &["Savonlinna"]),
            ("Pieksämäen", &["Pieksämäki"]),
        ],
    ),
    (
        "Pohjois-Savo",
        &[
            ("Kuopion", &["Kuopio", "Siilinjärvi"]),
            ("Ylä-Savon", &["Iisalmi"]),
            ("Varkauden", &["Varkaus"]),
        ],
    ),
    (
        "Pohjois-Karjala",
        &[
            ("Joensuun", &["Joensuu", "Kontiolahti", "Liperi"]),
            ("Pielisen Karjalan", &["Lieksa", "Nurmes"]),
        ],
    ),
    (
        "Keski-Suomi",
        &[
            ("Jyväskylän", &["Jyväskylä", "Laukaa", "Muurame"]),
            ("Äänekosken", &["Äänekoski"]),
        ],
    ),
    (
        "Etelä-Pohjanmaa",
        &[
            ("Seinäjoen", &["Seinäjoki", "Lapua"]),
            ("Järviseudun", &["Alajärvi"]),
        ],
    ),
    (
        "Pohjanmaa",
        &[
            ("Vaasan", &["Vaasa", "Mustasaari"]),
            ("Pietarsaaren", &["Pietarsaari"]),
        ],
    ),
    (
        "Keski-Pohjanmaa",
        &[("Kokkolan", &["Kokkola", "Kruunupyy"])],
    ),
    (
        "Pohjois-Pohjanmaa",
        &[
            ("Oulun", &["Oulu", "Kempele", "Liminka"]),
            ("Raahen", &["Raahe"]),
            ("Ylivieskan", &["Ylivieska"]),
        ],
    ),
    (
        "Kainuu",
        &[
            ("Kajaanin", &["Kajaani", "Sotkamo"]),
            ("Kehys-Kainuun", &["Kuhmo", "Suomussalmi"]),
        ],
    ),
    (
        "Lappi",
        &[
            ("Rovaniemen", &["Rovaniemi"]),
            ("Kemi-Tornion", &["Kemi", "Tornio"]),
            ("Tunturi-Lapin", &["Kittilä", "Kolari"]),
        ],
    ),
];

/// ESF priority axes with specific objectives.
pub(crate) const ESF_AXES: &[(&str, &[&str])] = &[
    ("3. Työllisyys ja työvoiman liikkuvuus", &[
        "6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen",
        "7.1. Tuottavuuden ja työhyvinvoinnin parantaminen",
    ]),
    ("4. Koulutus, ammattitaito ja elinikäinen oppiminen", &[
        "9.1. Koulutukseen osallistumisen edistäminen",
        "9.2. Koulutus- ja työuralla etenemisen edistäminen",
    ]),
    ("5. Sosiaalinen osallisuus ja köyhyyden torjunta", &[
        "10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen",
        "10.2. Syrjäytymisvaarassa olevien ryhmien osallisuuden lisääminen",
    ]),
];

/// ERDF priority axes with specific objectives.
pub(crate) const ERDF_AXES: &[(&str, &[&str])] = &[
    (
        "1. Pk-yritysten kilpailukyky",
        &[
            "1.1. Uusien yritysten syntymisen edistäminen",
            "2.1. Pk-yritysten kasvun edistäminen",
        ],
    ),
    (
        "2. Uusimman tiedon ja osaamisen tuottaminen ja hyödyntäminen",
        &["4.1. Alueellisten innovaatiokeskittymien kehittäminen"],
    ),
    (
        "3. Vähähiilisen talouden edistäminen",
        &["5.1. Uusiutuvan energian ja energiatehokkuuden edistäminen"],
    ),
];

pub(crate) const ELY: &[&str] = &[
    "Uudenmaan",
    "Varsinais-Suomen",
    "Satakunnan",
    "Hämeen",
    "Pirkanmaan",
    "Kaakkois-Suomen",
    "Etelä-Savon",
    "Pohjois-Savon",
    "Pohjois-Karjalan",
    "Keski-Suomen",
    "Etelä-Pohjanmaan",
    "Pohjanmaan",
    "Pohjois-Pohjanmaan",
    "Kainuun",
    "Lapin",
];

pub(crate) const TOPICS: &[&str] = &[
    "Osaamisella töihin",
    "Nuorten polku",
    "Työhyvinvointi kasvuun",
    "Digitaidot arkeen",
    "Kiertotalouden osaajat",
    "Yrittäjyyden siivet",
    "Kotoutuminen työelämään",
    "Vihreä siirtymä",
    "Matkailun uudet tuotteet",
    "Älykäs logistiikka",
    "Hyvinvointia ikääntyville",
    "Työkyky kuntoon",
    "Osallisuuden verkosto",
    "Energiaviisas kylä",
    "Metsästä materiaaleja",
    "Teollisuuden automaatio",
    "Ammattiin Suomessa",
    "Kasvua kansainvälistymällä",
];

pub(crate) const NAME_SUFFIXES: &[&str] = &[
    "kehittämishanke",
    "pilotti",
    "valmennus",
    "verkostohanke",
    "ohjelma",
    "kokeilu",
];

pub(crate) const FIRST_NAMES: &[&str] = &[
    "Anna", "Mikko", "Sari", "Jukka", "Päivi", "Timo", "Heidi", "Antti", "Kaisa", "Janne", "Minna",
    "Ville", "Tiina", "Sami", "Riikka", "Jörgen", "Åsa",
];

pub(crate) const LAST_NAMES: &[&str] = &[
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Lehtinen",
    "Saarinen",
    "Salminen",
    "Heinonen",
];

pub(crate) const POSITIONS: &[&str] = &[
    "Projektipäällikkö",
    "Hankekoordinaattori",
    "Kehittämispäällikkö",
    "Toimitusjohtaja",
    "Asiantuntija",
    "Opetusneuvos",
];

pub(crate) const SENTENCES: &[&str] = &[
    "Hankkeessa kehitetään uusia toimintamalleja alueen yritysten ja työnhakijoiden tarpeisiin.",
    "Toiminta rakennetaan yhteistyössä kuntien, oppilaitosten ja elinkeinoelämän kanssa.",
    "Tavoitteena on parantaa osallistujien työllistymismahdollisuuksia ja osaamista.",
    "Hankkeen aikana järjestetään työpajoja, valmennuksia ja yritysvierailuja.",
    "Tuloksia levitetään alueellisesti ja valtakunnallisesti seminaarien ja verkkosivujen kautta.",
    "Kohderyhmän tarpeet kartoitetaan hankkeen alussa kyselyillä ja haastatteluilla.",
    "Hanke vahvistaa alueen elinvoimaa ja tukee kestävää kasvua.",
    "Pilotoinnin kokemukset kootaan käsikirjaksi, jota voidaan hyödyntää myös muualla.",
    "Erityistä huomiota kiinnitetään nuoriin, maahanmuuttajiin ja pitkäaikaistyöttömiin.",
    "Digitaalisia palveluja kehitetään käyttäjälähtöisesti yhdessä asiakkaiden kanssa.",
    "Hankkeessa kokeillaan uusia tapoja yhdistää koulutus ja työpaikalla oppiminen.",
    "Vuoden 2019 jälkeen toimintaa laajennetaan naapurikuntiin – kokemukset ovat olleet hyviä.",
];

pub(crate) const TARGET_GROUPS: &[&str] = &[
    "alle 30-vuotiaat työttömät nuoret",
    "pk-yritysten työntekijät ja yrittäjät",
    "maahanmuuttajataustaiset työnhakijat",
    "pitkäaikaistyöttömät",
    "opiskelijat ja oppilaitosten henkilöstö",
    "kuntien työllisyyspalvelujen henkilöstö",
    "alueen kehittämisorganisaatiot",
];

/// The 15 sustainability items of section 8.2 by category, as on the service's pages.
pub(crate) const SUSTAINABILITY: &[(&str, [&str; 5])] = &[
    (
        "Ekologinen kestävyys",
        [
            "Luonnonvarojen käytön kestävyys",
            "Ilmastonmuutoksen aiheuttamien riskien vähentäminen",
            "Kasvillisuus, eliöt ja luonnon monimuotoisuus",
            "Pinta- ja pohjavedet, maaperä sekä ilma (ja kasvihuonekaasujen väheneminen)",
            "Natura 2000 -ohjelman kohteet",
        ],
    ),
    (
        "Taloudellinen kestävyys",
        [
            "Materiaalit ja jätteet",
            "Uusiutuvien energialähteiden käyttö",
            "Paikallisen elinkeinorakenteen kestävä kehittäminen",
            "Aineettomien tuotteiden ja palvelujen kehittäminen",
            "Liikkuminen ja logistiikka",
        ],
    ),
    (
        "Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus",
        [
            "Hyvinvoinnin edistäminen",
            "Tasa-arvon edistäminen",
            "Yhteiskunnallinen ja kulttuurinen yhdenvertaisuus",
            "Kulttuuriympäristö",
            "Ympäristöosaaminen",
        ],
    ),
];
