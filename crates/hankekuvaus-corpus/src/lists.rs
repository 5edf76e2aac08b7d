//! Whole-programme list exports of the three periods, at their real sizes and with the real
//! defects `LISTS.md` describes, with what each row should read back as.
//!
//! - 2007–2013 CSV: Windows-1252, LF, fields never quoted and commas inside names,
//!   authorities and implementers not escaped (in the real export 11,100 of 19,940 rows
//!   have more than 14 fields), both funds, "Keskeytynyt" for 1,362 projects.
//! - 2014–2020 CSV as it went through a spreadsheet: UTF-8, cents, `,,;` and `;` row ends,
//!   stray quotes, `|` for a comma, an authority whose comma became a space, a row written
//!   as one quoted cell, and rows whose cells shifted (the dates lost), which no reader can
//!   put back.
//! - 2021–2027 workbook (`.xlsx`): the 35 columns, `Hankekoodi ` with its trailing space,
//!   Excel dates, decimal amounts, `Sijainti` empty in more than half of the rows, and two
//!   footer rows.

use rust_xlsxwriter::{Format, Workbook};

use crate::rng::Rng;

/// One generated list export.
#[derive(Debug, Clone)]
pub struct ListExport {
    /// The file name the service would give it.
    pub name: &'static str,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// What each project row should read back as, in file order.
    pub rows: Vec<ListRow>,
}

/// What one project row of a list holds before the export damaged it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    /// The 1-based line (CSV) or row (workbook) number.
    pub line: u32,
    /// The project code.
    pub code: String,
    /// The project's name, commas and all.
    pub name: String,
    /// The responsible authority.
    pub authority: String,
    /// The implementer.
    pub implementer: String,
    /// Granted EU and state funding, in cents.
    pub granted_cents: i64,
    /// The status as the list writes it.
    pub status: &'static str,
    /// The defect written into this row.
    pub defect: Defect,
}

/// How a row was damaged on its way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Defect {
    /// Written as it is.
    None,
    /// A value with a comma split into several fields (the reader puts it back).
    SplitCommas,
    /// Spreadsheet damage the reader repairs: `|` for a comma, a stray quote, an
    /// authority's comma turned into a space, a row written as one quoted cell.
    Repairable,
    /// Cells shifted so that the dates are lost: the reader must report the row.
    Shifted,
}

/// The number of project rows in each real export (2007–2013, 2014–2020, 2021–2027).
pub const REAL_ROWS: [usize; 3] = [19_940, 11_000, 8_700];

const HEADER_2007: &str = "Koodi,Rahasto,Projektin nimi,Ohjelma / osio,Tl,Viranomainen,Toiminnan tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä";
const HEADER_2014: &str = "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä;";

/// The 2021–2027 workbook's 35 columns, as LISTS.md gives them (`Hankekoodi ` with its
/// trailing space).
pub const COLUMNS_2021: [&str; 35] = [
    "Hankekoodi ",
    "Ryhmähanketunnus",
    "Rahasto",
    "EAKR-/JTF-alatyyppi",
    "Tl",
    "Et",
    "Hankkeen nimi",
    "Toteuttajan nimi",
    "Toteuttajan Y-tunnus",
    "Rahoittava viranomainen",
    "Toiminnan tila",
    "Aloituspvm",
    "Päättymispvm",
    "Suunniteltu EU- ja valtion rahoitus",
    "Suunniteltu julkinen rahoitus",
    "Suunniteltu rahoitus yhteensä",
    "Toteutunut EU- ja valtion rahoitus",
    "Toteutunut julkinen rahoitus",
    "Toteutunut rahoitus yhteensä",
    "Toteutunut EU-rahoituksen määrä",
    "Tukitoimen ala",
    "Sijainti",
    "Toteutuspaikan postinumero",
    "Toteutuspaikan postitoimipaikka",
    "Tuensaajan postinumero",
    "Tuensaajan postitoimipaikka",
    "Tukimuoto",
    "Alueellinen täytäntöönpanomekanismi ja alueellinen painopiste",
    "Taloudellinen toiminta",
    "Toissijainen teema, vain ESR+",
    "Sukupuolten tasa-arvo",
    "Itämeren alueen strategia",
    "Suunnitelman mukainen tiivistelmä hankkeen toteutuksesta",
    "Hankekuvauksen osoite",
    "Hankkeen kotisivun osoite",
];

const ERDF_PROGRAMMES: [&str; 4] = ["Itä-Suomi", "Länsi-Suomi", "Pohjois-Suomi", "Etelä-Suomi"];
const ESF_PARTS: [&str; 5] = [
    "Valtakunnallinen osio",
    "Itä-Suomen suuralueosio",
    "Länsi-Suomen suuralueosio",
    "Pohjois-Suomen suuralueosio",
    "Etelä-Suomen suuralueosio",
];
const REGIONS: [(&str, &str); 8] = [
    ("FI193", "Keski-Suomi"),
    ("FI1D1", "Etelä-Savo"),
    ("FI1D2", "Pohjois-Savo"),
    ("FI1D9", "Pohjois-Pohjanmaa"),
    ("FI1D7", "Lappi"),
    ("FI1B1", "Helsinki-Uusimaa"),
    ("FI197", "Pirkanmaa"),
    ("FI1C2", "Kanta-Häme"),
];
const COUNCILS: [&str; 4] = [
    "Etelä-Savon maakuntaliitto",
    "Lapin liitto",
    "Pohjanmaan liitto",
    "Työ- ja elinkeinoministeriö",
];
const NAME_WORDS: [&str; 12] = [
    "Osaamisesta kasvua",
    "Nuoret työelämään",
    "Maahanmuuttajien polut",
    "Yritysten kasvu",
    "Digitaaliset palvelut",
    "Vihreä siirtymä",
    "Matkailun kehittäminen",
    "Hyvinvointia työstä",
    "Kiertotalouden ratkaisut",
    "Tasa-arvo ja uudet palkkausjärjestelmät",
    "Kylien elinvoima",
    "Teollisuuden investoinnit",
];
const IMPLEMENTERS: [&str; 8] = [
    "Oulun yliopisto",
    "Jyväskylän kaupunki",
    "Lapin ammattikorkeakoulu Oy",
    "Savonia-ammattikorkeakoulu Oy",
    "Kajaanin kaupunki",
    "Keski-Pohjanmaan koulutusyhtymä",
    "ITÄ-SUOMEN YLIOPISTO",
    "Diakonia-ammattikorkeakoulu",
];

/// The three exports at their real sizes.
pub fn generate_lists(seed: u64) -> Vec<ListExport> {
    generate_lists_sized(REAL_ROWS, seed)
}

/// The three exports with `rows` project rows each (2007–2013, 2014–2020, 2021–2027).
pub fn generate_lists_sized(rows: [usize; 3], seed: u64) -> Vec<ListExport> {
    let mut rng = Rng::new(seed ^ 0x4c15_7e57);
    vec![
        eura2007(&mut rng, rows[0]),
        eura2014(&mut rng, rows[1]),
        eura2021(&mut rng, rows[2]),
    ]
}

/// Project codes in the services' shape: a letter and five digits, numbered per letter.
#[derive(Default)]
struct Codes(std::collections::HashMap<char, usize>);

impl Codes {
    fn next(&mut self, (letter, first): (char, usize)) -> String {
        let n = self.0.entry(letter).or_insert(first);
        *n += 1;
        format!("{letter}{}", *n - 1)
    }
}

fn pick<'a>(rng: &mut Rng, from: &[&'a str]) -> &'a str {
    from[rng.below(from.len())]
}

/// A name, with a comma inside in about a fifth of the rows.
fn name(rng: &mut Rng, i: usize) -> String {
    let base = pick(rng, &NAME_WORDS);
    match rng.below(5) {
        0 => format!(
            "{base}, {} {}",
            pick(rng, &NAME_WORDS).to_lowercase(),
            i % 97
        ),
        1 => format!("{base} {} ({})", i % 89, &base[..3].to_uppercase()),
        _ => format!("{base} {}", i % 101),
    }
}

fn ely(region: &str) -> String {
    format!("{region}n elinkeino-, liikenne- ja ympäristökeskus")
}

/// An implementer, with a comma (a unit after the organisation) in about a fifth.
fn implementer(rng: &mut Rng) -> String {
    let base = pick(rng, &IMPLEMENTERS);
    if rng.below(5) == 0 {
        format!("{base}, Aikuiskoulutusyksikkö")
    } else {
        base.to_owned()
    }
}

fn date(rng: &mut Rng, from_year: usize) -> (usize, usize, usize) {
    (
        1 + rng.below(28),
        1 + rng.below(12),
        from_year + rng.below(4),
    )
}

fn euros(rng: &mut Rng) -> i64 {
    (5_000 + rng.below(2_000_000)) as i64
}

fn eura2007(rng: &mut Rng, count: usize) -> ListExport {
    let mut text = String::from(HEADER_2007);
    text.push('\n');
    let mut rows = Vec::with_capacity(count);
    let mut codes = Codes::default();
    for i in 0..count {
        let esf = rng.below(100) < 14;
        let code = codes.next(if esf { ('S', 10_000) } else { ('A', 30_000) });
        let name = name(rng, i);
        let programme = if esf {
            pick(rng, &ESF_PARTS)
        } else {
            pick(rng, &ERDF_PROGRAMMES)
        };
        // A third are ELY centres, whose names have a comma: with the names and
        // implementers, about 11,100 of 19,940 rows split as in the real export.
        let authority = if rng.below(3) == 0 {
            ely(pick(rng, &["Hämee", "Keski-Suome", "Pohjois-Savo", "Lapi"]))
        } else {
            pick(rng, &COUNCILS).to_owned()
        };
        // 1,362 of 19,940 real projects were interrupted.
        let status = if rng.below(19_940) < 1_362 {
            "Keskeytynyt"
        } else {
            "Toiminta päättynyt"
        };
        let (d1, m1, y1) = date(rng, 2008);
        let (d2, m2, y2) = date(rng, 2012);
        let implementer = implementer(rng);
        let granted = euros(rng);
        let realised = granted * (50 + rng.below(51) as i64) / 100;
        let planned = granted * 10 / 7;
        let line = format!(
            "{code},{},{name},{programme},{},{authority},{status},{d1}.{m1}.{y1},{d2}.{m2}.{y2},{implementer},{granted},{realised},{planned},{}\n",
            if esf { "ESR" } else { "EAKR" },
            1 + rng.below(5),
            realised * 10 / 7,
        );
        text.push_str(&line);
        let split = [&name, &authority, &implementer]
            .iter()
            .any(|v| v.contains(','));
        rows.push(ListRow {
            line: i as u32 + 2,
            code,
            name,
            authority,
            implementer,
            granted_cents: granted * 100,
            status,
            defect: if split {
                Defect::SplitCommas
            } else {
                Defect::None
            },
        });
    }
    ListExport {
        name: "eura2007_projektilista.csv",
        bytes: windows_1252(&text),
        rows,
    }
}

fn eura2014(rng: &mut Rng, count: usize) -> ListExport {
    let mut text = String::from(HEADER_2014);
    text.push('\n');
    let mut rows = Vec::with_capacity(count);
    // The real 2016 snapshot had about 18 shifted rows in 11,000.
    let shifted_every = 600;
    let mut codes = Codes::default();
    for i in 0..count {
        let esf = rng.below(100) < 35;
        // The codes of `generate`'s descriptions, so that a bench loads descriptions of
        // listed projects.
        let code = codes.next(if esf { ('S', 20_000) } else { ('A', 70_000) });
        let mut name = name(rng, i);
        let region = pick(rng, &["Hämee", "Keski-Suome", "Pohjois-Savo", "Lapi"]);
        let authority = ely(region);
        let status = match rng.below(10) {
            0 => "Toiminta päättynyt",
            1 if rng.below(4) == 0 => "Keskeytynyt",
            _ => "Toiminnassa",
        };
        let (d1, m1, y1) = date(rng, 2014);
        let (d2, m2, y2) = date(rng, 2017);
        let implementer = IMPLEMENTERS[rng.below(IMPLEMENTERS.len())].to_owned();
        let granted = euros(rng) * 100 + rng.below(100) as i64;
        let realised = granted * (rng.below(101) as i64) / 100;
        let cents = |c: i64| format!("{}.{:02}", c / 100, c % 100);
        let mut written_authority = authority.clone();
        let mut written_name = name.clone();
        let mut wrap = false;
        let defect = if i % shifted_every == shifted_every / 2 {
            Defect::Shifted
        } else {
            match rng.below(40) {
                0 => {
                    // "|" where the name had a comma, and a stray quote before it.
                    name = format!("{}, uudet polut", pick(rng, &NAME_WORDS));
                    written_name = format!("\"{}", name.replace(',', "|"));
                    Defect::Repairable
                }
                1 => {
                    written_authority = authority.replace(", ", "  ");
                    Defect::Repairable
                }
                2 => {
                    wrap = true;
                    Defect::Repairable
                }
                // The ELY centre's name always has a comma.
                _ => Defect::SplitCommas,
            }
        };
        let dates = if defect == Defect::Shifted {
            String::new()
        } else {
            format!("{d1}.{m1}.{y1},{d2}.{m2}.{y2},")
        };
        let mut row = format!(
            "{code},{},{written_name},{},{written_authority},{status},{dates}{implementer},{},{},{},{}",
            if esf { "ESR" } else { "EAKR" },
            1 + rng.below(5),
            cents(granted),
            cents(realised),
            cents(granted * 10 / 7),
            cents(realised * 10 / 7),
        );
        if wrap {
            row = format!("\"{row}\";");
        } else if rng.below(5) == 0 {
            row.push(';');
        } else {
            row.push_str(",,;");
        }
        text.push_str(&row);
        text.push('\n');
        rows.push(ListRow {
            line: i as u32 + 2,
            code,
            name,
            authority,
            implementer,
            granted_cents: granted,
            status,
            defect,
        });
    }
    ListExport {
        name: "eura2014_projektilista.csv",
        bytes: text.into_bytes(),
        rows,
    }
}

fn eura2021(rng: &mut Rng, count: usize) -> ListExport {
    let mut codes = Codes::default();
    let mut wb = Workbook::new();
    let date_format = Format::new().set_num_format("d.m.yyyy");
    let ws = wb.add_worksheet();
    for (c, column) in COLUMNS_2021.iter().enumerate() {
        ws.write_string(0, c as u16, *column).expect("header");
    }
    let mut rows = Vec::with_capacity(count);
    let mut total = 0i64;
    for i in 0..count {
        let r = i as u32 + 1;
        let fund = match rng.below(10) {
            0 => "JTF",
            1..=4 => "ESR+",
            _ => "EAKR",
        };
        let code = codes.next(match fund {
            "JTF" => ('J', 10_000),
            "ESR+" => ('S', 30_000),
            _ => ('A', 80_000),
        });
        let name = name(rng, i);
        let implementer = pick(rng, &IMPLEMENTERS).to_owned();
        let authority = ely(pick(rng, &["Hämee", "Keski-Suome", "Pohjois-Savo", "Lapi"]));
        let status = if rng.below(5) == 0 {
            "Toiminta päättynyt"
        } else {
            "Toiminnassa"
        };
        let granted = euros(rng) * 100 + rng.below(100) as i64;
        total += granted;
        let texts: [(u16, String); 9] = [
            (0, code.clone()),
            (2, fund.to_owned()),
            (6, name.clone()),
            (7, implementer.clone()),
            (8, format!("{:07}-{}", 1_000_000 + i % 9_000_000, i % 10)),
            (9, authority.clone()),
            (10, status.to_owned()),
            (
                32,
                format!(
                    "Hankkeessa {} kehitetään palveluja, ja kokeillaan uutta.",
                    name
                ),
            ),
            (
                33,
                format!("https://www.eura2021.fi/hakutulokset/projektikortti?id={code}"),
            ),
        ];
        for (c, text) in texts {
            ws.write_string(r, c, text).expect("cell");
        }
        ws.write_number(r, 4, (1 + rng.below(4)) as f64)
            .expect("cell");
        ws.write_number_with_format(r, 11, (44_927 + rng.below(700)) as f64, &date_format)
            .expect("cell");
        ws.write_number_with_format(r, 12, (46_022 + rng.below(700)) as f64, &date_format)
            .expect("cell");
        for (c, cents) in [
            (13, granted),
            (14, granted * 10 / 7),
            (15, granted * 10 / 6),
        ] {
            ws.write_number(r, c, cents as f64 / 100.0).expect("cell");
        }
        // `Sijainti` is empty in more than half of the real rows.
        if rng.below(100) < 45 {
            let (nuts, region) = REGIONS[rng.below(REGIONS.len())];
            ws.write_string(r, 21, format!("{nuts} {region}"))
                .expect("cell");
        }
        rows.push(ListRow {
            line: r + 1,
            code,
            name,
            authority,
            implementer,
            granted_cents: granted,
            status,
            defect: Defect::None,
        });
    }
    let footer = count as u32 + 1;
    ws.write_string(footer, 0, "Yhteensä").expect("footer");
    ws.write_number(footer, 13, total as f64 / 100.0)
        .expect("footer");
    ws.write_string(footer + 1, 0, "Raportti luotu 1.10.2025")
        .expect("footer");
    ListExport {
        name: "eura2021_projektilista.xlsx",
        bytes: wb.save_to_buffer().expect("an xlsx in memory"),
        rows,
    }
}

/// The text as Windows-1252 (the characters the lists use).
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '–' => 0x96,
            '€' => 0x80,
            c if (c as u32) < 0x100 => c as u8,
            _ => b'?',
        })
        .collect()
}
