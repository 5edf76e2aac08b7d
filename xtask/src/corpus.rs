//! `cargo xtask corpus --count N --out DIR [--seed S]`: writes N synthetic project
//! descriptions in the 2014–2020 layout of `docs/FORMAT.md`, for load tests and benchmarks
//! of many files at once (the 2014–2020 service holds ~8,000 projects, ~100 MB).
//!
//! The files look like the seeds: ESF (`S…`) and ERDF (`A…`) projects with unique codes,
//! names, applicants with valid Y-tunnus check digits, co-implementers, amounts, periods and
//! statuses, regions with their sub-regions and municipalities, indicators, the 15
//! sustainability scores and the three gender-equality answers. About one in ten files is
//! saved with CRLF line ends, one in twenty in Windows-1252 and one in twenty in UTF-16LE
//! with a byte-order mark; about one in 200 files repeats the project code of an earlier
//! file (a later copy of the same project, with other figures), for the viewer's duplicate
//! flag.
//!
//! Deterministic: the same count and seed give the same bytes. Standard library only (a
//! xorshift generator), and no reference to the rest of xtask, so that the parser core's
//! test `crates/hankekuvaus/tests/corpus.rs` can include this file and parse what it makes.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

/// The seed when none is given.
pub const DEFAULT_SEED: u64 = 2014;

/// `corpus --count N --out DIR [--seed S]`.
pub fn run(options: &[String]) -> Result<(), String> {
    let mut count = None;
    let mut out = None;
    let mut seed = DEFAULT_SEED;
    let mut it = options.iter();
    while let Some(option) = it.next() {
        let (name, inline) = match option.split_once('=') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (option.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name {
            "--count" => {
                let v = value()?;
                count = Some(
                    v.parse::<usize>()
                        .map_err(|_| format!("--count needs a number, not `{v}`"))?,
                );
            }
            "--out" => out = Some(value()?),
            "--seed" => {
                let v = value()?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed needs a number, not `{v}`"))?;
            }
            other => {
                return Err(format!(
                    "`corpus` takes --count N --out DIR [--seed S], not `{other}`"
                ))
            }
        }
    }
    let count = count.ok_or("`corpus` needs --count N")?;
    let out = out.ok_or("`corpus` needs --out DIR")?;
    let dir = Path::new(&out);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let files = generate(count, seed);
    let mut bytes = 0usize;
    for file in &files {
        let path = dir.join(&file.name);
        std::fs::write(&path, &file.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        bytes += file.bytes.len();
    }
    let of = |e: Encoding| files.iter().filter(|f| f.encoding == e).count();
    let duplicates: Vec<&str> = files
        .iter()
        .filter(|f| f.duplicate)
        .map(|f| f.code.as_str())
        .collect();
    println!(
        "corpus: {count} descriptions, {:.1} MB, in {} (seed {seed})\n\
         corpus: UTF-8 {}, UTF-8 CRLF {}, Windows-1252 {}, UTF-16LE {}\n\
         corpus: {} files repeat an earlier code: {}",
        bytes as f64 / 1e6,
        dir.display(),
        of(Encoding::Utf8),
        of(Encoding::Utf8Crlf),
        of(Encoding::Windows1252),
        of(Encoding::Utf16Le),
        duplicates.len(),
        duplicates.join(" "),
    );
    Ok(())
}

/// One generated file.
pub struct CorpusFile {
    /// `00042_S21234.txt`.
    pub name: String,
    /// The encoded bytes.
    pub bytes: Vec<u8>,
    /// The project code.
    pub code: String,
    /// How the text was encoded.
    pub encoding: Encoding,
    /// Whether the code repeats that of an earlier file.
    pub duplicate: bool,
}

/// How a file's text is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, LF.
    Utf8,
    /// UTF-8, CRLF.
    Utf8Crlf,
    /// Windows-1252, CRLF.
    Windows1252,
    /// UTF-16LE with a byte-order mark, CRLF.
    Utf16Le,
}

/// `count` descriptions from `seed`.
pub fn generate(count: usize, seed: u64) -> Vec<CorpusFile> {
    let mut rng = Rng::new(seed);
    let mut used = HashSet::new();
    let mut codes: Vec<String> = Vec::with_capacity(count);
    let mut files = Vec::with_capacity(count);
    for i in 0..count {
        let duplicate = i >= 10 && rng.below(200) == 0;
        let esf = rng.below(10) < 7;
        let code = if duplicate {
            codes[rng.below(codes.len())].clone()
        } else {
            loop {
                let code = if esf {
                    format!("S2{:04}", rng.below(10_000))
                } else {
                    format!("A7{:04}", rng.below(10_000))
                };
                if used.insert(code.clone()) {
                    break code;
                }
            }
        };
        codes.push(code.clone());
        let text = description(&mut rng, &code);
        let encoding = match rng.below(20) {
            0 => Encoding::Windows1252,
            1 => Encoding::Utf16Le,
            2 | 3 => Encoding::Utf8Crlf,
            _ => Encoding::Utf8,
        };
        files.push(CorpusFile {
            name: format!("{i:05}_{code}.txt"),
            bytes: encode(&text, encoding),
            code,
            encoding,
            duplicate,
        });
    }
    files
}

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    let crlf = || text.replace('\n', "\r\n");
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Crlf => crlf().into_bytes(),
        Encoding::Windows1252 => crlf()
            .chars()
            .map(|c| match c {
                '–' => 0x96,
                '€' => 0x80,
                c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u8,
                _ => b'?',
            })
            .collect(),
        Encoding::Utf16Le => {
            let mut out = vec![0xFF, 0xFE];
            for unit in crlf().encode_utf16() {
                out.extend_from_slice(&unit.to_le_bytes());
            }
            out
        }
    }
}

/// xorshift64*: small, fast and good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // Never zero; spread small seeds.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next() % (high - low + 1) as u64) as i64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Regions (maakunnat) with sub-regions (seutukunnat, genitive as the service writes them)
/// and municipalities.
/// A sub-region (genitive) and its municipalities.
type SubRegion = (&'static str, &'static [&'static str]);

const REGIONS: &[(&str, &[SubRegion])] = &[
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
const ESF_AXES: &[(&str, &[&str])] = &[
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
const ERDF_AXES: &[(&str, &[&str])] = &[
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

const ELY: &[&str] = &[
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

const TOPICS: &[&str] = &[
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

const NAME_SUFFIXES: &[&str] = &[
    "kehittämishanke",
    "pilotti",
    "valmennus",
    "verkostohanke",
    "ohjelma",
    "kokeilu",
];

const FIRST_NAMES: &[&str] = &[
    "Anna", "Mikko", "Sari", "Jukka", "Päivi", "Timo", "Heidi", "Antti", "Kaisa", "Janne", "Minna",
    "Ville", "Tiina", "Sami", "Riikka", "Jörgen", "Åsa",
];

const LAST_NAMES: &[&str] = &[
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

const POSITIONS: &[&str] = &[
    "Projektipäällikkö",
    "Hankekoordinaattori",
    "Kehittämispäällikkö",
    "Toimitusjohtaja",
    "Asiantuntija",
    "Opetusneuvos",
];

const SENTENCES: &[&str] = &[
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

const TARGET_GROUPS: &[&str] = &[
    "alle 30-vuotiaat työttömät nuoret",
    "pk-yritysten työntekijät ja yrittäjät",
    "maahanmuuttajataustaiset työnhakijat",
    "pitkäaikaistyöttömät",
    "opiskelijat ja oppilaitosten henkilöstö",
    "kuntien työllisyyspalvelujen henkilöstö",
    "alueen kehittämisorganisaatiot",
];

/// The 15 sustainability items of section 8.2 by category, as on the service's pages.
const SUSTAINABILITY: &[(&str, [&str; 5])] = &[
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

/// A Y-tunnus with a valid check digit: weights 7, 9, 10, 5, 8, 4, 2; remainder 0 gives 0,
/// remainder 1 is never valid (another number is drawn), otherwise 11 − remainder.
fn business_id(rng: &mut Rng) -> String {
    loop {
        let digits: Vec<u32> = (0..7).map(|_| rng.below(10) as u32).collect();
        let sum: u32 = digits
            .iter()
            .zip([7, 9, 10, 5, 8, 4, 2])
            .map(|(d, w)| d * w)
            .sum();
        let check = match sum % 11 {
            0 => 0,
            1 => continue,
            r => 11 - r,
        };
        let number: String = digits
            .iter()
            .map(|d| char::from_digit(*d, 10).unwrap())
            .collect();
        return format!("{number}-{check}");
    }
}

/// Whole euros with a space between thousands: `1 234 567`.
fn euros(amount: i64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// ASCII for e-mail addresses and web sites: ä → a, ö → o, å → a, others dropped.
fn ascii_slug(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter_map(|c| match c {
            'ä' | 'å' => Some('a'),
            'ö' => Some('o'),
            'a'..='z' | '0'..='9' => Some(c),
            _ => None,
        })
        .collect()
}

fn paragraphs(rng: &mut Rng, least: usize, spread: usize) -> String {
    let count = least + rng.below(spread);
    (0..count)
        .map(|_| {
            let n = 4 + rng.below(6);
            (0..n)
                .map(|_| *rng.pick(SENTENCES))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The text of one description.
fn description(rng: &mut Rng, code: &str) -> String {
    let esf = code.starts_with('S');
    let mut t = String::with_capacity(12_000);
    let fund_line = if esf {
        "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus"
    } else {
        "Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus"
    };
    let (axis, objectives) = rng.pick(if esf { ESF_AXES } else { ERDF_AXES });
    let objective = rng.pick(objectives);

    // Period: starts on the first of a month between 9/2014 and 12/2021, lasts 6–48 months.
    let start_year = rng.range(2014, 2021);
    let start_month = if start_year == 2014 {
        rng.range(9, 12)
    } else {
        rng.range(1, 12)
    };
    let months = rng.range(6, 48);
    let end_index = start_year * 12 + start_month - 1 + months - 1;
    let (end_year, end_month) = (end_index / 12, end_index % 12 + 1);
    let end_day = days_in_month(end_year, end_month);
    let ended = end_year < 2023 || (end_year == 2023 && end_month <= 6);

    // Regions: one, sometimes two or three.
    let mut regions: Vec<usize> = vec![rng.below(REGIONS.len())];
    if rng.below(5) == 0 {
        for _ in 0..1 + rng.below(2) {
            let r = rng.below(REGIONS.len());
            if !regions.contains(&r) {
                regions.push(r);
            }
        }
    }
    let mut sub_regions = Vec::new();
    let mut municipalities: Vec<&str> = Vec::new();
    for &r in &regions {
        let subs = REGIONS[r].1;
        let (sub, towns) = subs[rng.below(subs.len())];
        sub_regions.push(sub);
        municipalities.extend(towns.iter().take(1 + rng.below(towns.len())).copied());
    }
    let home = REGIONS[regions[0]].1[0];

    let name = format!(
        "{} {} {}",
        rng.pick(TOPICS),
        if rng.below(2) == 0 { "–" } else { "-" },
        rng.pick(NAME_SUFFIXES)
    );
    let name = if rng.below(3) == 0 {
        format!("{name} {}", REGIONS[regions[0]].0)
    } else {
        name
    };

    let _ = write!(
        t,
        "Euroopan unioni Vipuvoimaa EU:lta\n\n{fund_line}\n\n1 Hanke\n\n\
         Hankekoodi: {code}\n\nHankkeen nimi: {name}\n\nToimintalinja: {axis}\n\n\
         Erityistavoite: {objective}\n\n\
         Suunnitelman mukainen toteutusaika: Alkaa 1.{start_month}.{start_year} ja päättyy {end_day}.{end_month}.{end_year}\n\n\
         Toiminnan tila: {}\n\nVastuuviranomainen: {}\n\n",
        if ended { "Toiminta päättynyt" } else { "Toiminnassa" },
        if esf {
            format!("{} elinkeino-, liikenne- ja ympäristökeskus", rng.pick(ELY))
        } else {
            format!("{} liitto", rng.pick(ELY))
        }
    );

    // 2: the applicant.
    let (org, org_type) = match rng.below(5) {
        0 => (format!("{} kaupunki", home.0), "Kunta"),
        1 => (format!("{} ammattikorkeakoulu Oy", home.0), "Osakeyhtiö"),
        2 => (format!("{} seudun kehitysyhtiö Oy", home.0), "Osakeyhtiö"),
        3 => (format!("{} seudun yrittäjät ry", home.0), "Yhdistys"),
        _ => (
            format!("Koulutuskuntayhtymä {}", REGIONS[regions[0]].0),
            "Kuntayhtymä",
        ),
    };
    let town = home.1[0];
    let slug = ascii_slug(&org);
    let (first, last) = (*rng.pick(FIRST_NAMES), *rng.pick(LAST_NAMES));
    let joint = rng.below(5) == 0;
    let _ = write!(
        t,
        "2 Hakijan perustiedot\n\nHakijan virallinen nimi: {org}\n\n\
         Organisaatiotyyppi: {org_type}\n\nY-tunnus: {}\n\nJakeluosoite: {} {}\n\n\
         Puhelinnumero: +358 {} {}\n\nPostinumero: {:05}\n\nPostitoimipaikka: {town}\n\n\
         WWW-osoite: http://www.{slug}.fi\n\n\
         Hankkeen yhteyshenkilön nimi: {first} {last}\n\n\
         Yhteyshenkilön asema hakijaorganisaatiossa: {}\n\n\
         Yhteyshenkilön sähköpostisoite: {}.{}(at){slug}.fi\n\n\
         Yhteyshenkilön puhelinnumero: 0{} {} {}\n\n\
         Hakijoiden lukumäärä tai tuen siirto -menettely: {}\n\n",
        business_id(rng),
        rng.pick(&[
            "Kauppakatu",
            "Koulukatu",
            "Teollisuustie",
            "Satamakatu",
            "Yliopistonkatu"
        ]),
        1 + rng.below(60),
        10 + rng.below(80),
        100_000 + rng.below(900_000),
        rng.range(10_000, 99_999),
        rng.pick(POSITIONS),
        ascii_slug(first),
        ascii_slug(last),
        40 + rng.below(11),
        100 + rng.below(900),
        1000 + rng.below(9000),
        if joint {
            "Hakijoita on useampi kuin yksi (yhteishanke)"
        } else {
            "Vain yksi hakija"
        },
    );
    if joint {
        t.push_str("Osatoteuttajat\n\n");
        for _ in 0..1 + rng.below(3) {
            let (sub, _) = REGIONS[rng.below(REGIONS.len())].1[0];
            let kind = rng.pick(&["kaupunki", "ammattiopisto", "kehitysyhtiö Oy"]);
            let _ = writeln!(t, "{sub} {kind}, {}", business_id(rng));
        }
        t.push('\n');
    }

    // 3 and 4: texts.
    let _ = write!(
        t,
        "3 Suunnitelman mukainen tiivistelmä toteutuksesta\n\n{}\n\n\
         4 Hankkeen kohderyhmät\n\n4.1 Varsinaiset kohderyhmät\n\n",
        paragraphs(rng, 3, 4)
    );
    if rng.below(2) == 0 {
        t.push_str("Hankkeen kohderyhmiä ovat:\n");
        for _ in 0..2 + rng.below(3) {
            let _ = writeln!(t, "- {}", rng.pick(TARGET_GROUPS));
        }
        t.push('\n');
    } else {
        let _ = write!(t, "{}\n\n", paragraphs(rng, 1, 2));
    }
    let _ = write!(
        t,
        "4.2 Välilliset kohderyhmät\n\n{}\n\n",
        paragraphs(rng, 1, 2)
    );

    // 5: funding. EU and state 70–80 % of the public total; realised at most granted.
    let granted = rng.range(20, 3_000) * 1_000 + rng.range(0, 999);
    let share = rng.range(70, 80);
    let planned = granted * 100 / share;
    let realized_pct = if ended {
        rng.range(55, 100)
    } else {
        rng.range(5, 90)
    };
    let realized = granted * realized_pct / 100;
    let realized_public = (planned * realized_pct / 100).max(realized);
    let _ = write!(
        t,
        "5 Projektin julkinen rahoitus, euroa\n\n\
         Myönnetty EU- ja valtion rahoitus: {}\n\n\
         Toteutunut EU- ja valtion rahoitus: {}\n\n\
         Suunniteltu julkinen rahoitus yhteensä: {}\n\n\
         Toteutunut julkinen rahoitus yhteensä: {}\n\n",
        euros(granted),
        euros(realized),
        euros(planned),
        euros(realized_public)
    );

    // 6: area.
    let _ = write!(
        t,
        "6 Maantieteellinen kohdealue\n\nMaakunnat: {}\n\nSeutukunnat: {}\n\nKunnat: {}\n\n\
         Toteutuspaikan osoite, jos hanke toteutetaan yhdessä paikassa\n\n",
        regions
            .iter()
            .map(|&r| REGIONS[r].0)
            .collect::<Vec<_>>()
            .join(", "),
        sub_regions.join(", "),
        municipalities.join(", ")
    );
    if rng.below(4) == 0 {
        let _ = write!(
            t,
            "Jakeluosoite: Torikatu {}\n\nPostinumero: {:05}\n\nPostitoimipaikka: {town}\n\n",
            1 + rng.below(40),
            rng.range(10_000, 99_999)
        );
    } else {
        t.push_str("Jakeluosoite:\n\nPostinumero:\n\nPostitoimipaikka:\n\n");
    }

    // 7: indicators.
    t.push_str("7 Hakemusvaiheessa ilmoitettavat arviot hankekohtaisista seurantiedoista\n\n");
    let indicators: &[&str] = if esf {
        &[
            "Osallistuvien yritysten lukumäärä",
            "Osallistuvien henkilöiden lukumäärä",
        ]
    } else {
        &[
            "Tukea saavien yritysten lukumäärä",
            "Uudet työpaikat, naiset",
            "Uudet työpaikat, miehet",
        ]
    };
    for (n, indicator) in indicators.iter().enumerate() {
        let planned = rng.range(0, 300);
        let _ = write!(t, "7.{} {indicator}\n\nSuunniteltu: {planned}\n\n", n + 1);
        if ended && rng.below(3) > 0 {
            let _ = write!(
                t,
                "Toteutunut seurantatietojen mukaan: {}\n\n",
                planned * rng.range(30, 130) / 100
            );
        }
    }

    // 8: horizontal principles.
    t.push_str("8 Horisontaaliset periaatteet\n\n8.1 Sukupuolten tasa-arvo\n\n");
    for question in [
        "Hankkeessa on tehty toimintaympäristön analyysi sukupuolinäkökulmasta",
        "Sukupuolinäkökulma on huomioitu hankkeen toiminnassa (valtavirtaistaminen)",
        "Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen",
    ] {
        let yes = rng.below(3) > 0;
        let _ = writeln!(
            t,
            "{question}: {}\n{}",
            if yes { "Kyllä" } else { "Ei" },
            if yes { *rng.pick(SENTENCES) } else { "Ei ole." }
        );
    }
    t.push_str("\n8.2 Kestävä kehitys\n\nVälitönVälillinen\n");
    for (category, items) in SUSTAINABILITY {
        let _ = writeln!(t, "{category}");
        for item in items {
            let (direct, indirect) = if rng.below(2) == 0 {
                (0, 0)
            } else {
                (rng.range(0, 10), rng.range(0, 10))
            };
            let _ = writeln!(t, "{item} {direct} {indirect}");
            if direct == 0 && indirect == 0 {
                t.push_str("Ei ole.\n");
            } else if rng.below(5) > 0 {
                let _ = writeln!(t, "{}", rng.pick(SENTENCES));
            }
        }
    }

    // 9: the final report.
    t.push_str("\n9 Loppuraportin tiivistelmä\n\n");
    if ended {
        let _ = writeln!(t, "{}", paragraphs(rng, 2, 4));
    } else {
        t.push_str("-\n");
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_unique_and_varied() {
        let a = generate(400, 7);
        let b = generate(400, 7);
        assert!(a
            .iter()
            .zip(&b)
            .all(|(x, y)| x.bytes == y.bytes && x.name == y.name));
        let c = generate(400, 8);
        assert!(a.iter().zip(&c).any(|(x, y)| x.bytes != y.bytes));
        let unique: HashSet<&str> = a
            .iter()
            .filter(|f| !f.duplicate)
            .map(|f| f.code.as_str())
            .collect();
        assert_eq!(unique.len(), a.iter().filter(|f| !f.duplicate).count());
        assert!(a.iter().any(|f| f.duplicate));
        for encoding in [
            Encoding::Utf8,
            Encoding::Utf8Crlf,
            Encoding::Windows1252,
            Encoding::Utf16Le,
        ] {
            assert!(a.iter().any(|f| f.encoding == encoding), "{encoding:?}");
        }
        assert!(a.iter().any(|f| f.code.starts_with('A')));
        assert!(a.iter().any(|f| f.code.starts_with('S')));
    }

    #[test]
    fn business_ids_have_valid_check_digits() {
        let mut rng = Rng::new(1);
        for _ in 0..200 {
            let id = business_id(&mut rng);
            let (digits, check) = id.split_once('-').unwrap();
            let sum: u32 = digits
                .chars()
                .zip([7, 9, 10, 5, 8, 4, 2])
                .map(|(c, w)| c.to_digit(10).unwrap() * w)
                .sum();
            let expected = match sum % 11 {
                0 => 0,
                r => 11 - r,
            };
            assert_ne!(sum % 11, 1);
            assert_eq!(check, expected.to_string());
        }
        assert_eq!(euros(1_234_567), "1 234 567");
        assert_eq!(euros(999), "999");
    }
}
