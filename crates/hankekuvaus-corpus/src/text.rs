//! The text of one description, section by section, in the 2014–2020 layout.

use std::fmt::Write as _;

use crate::data::{
    SubRegion, ELY, ERDF_AXES, ESF_AXES, FIRST_NAMES, LAST_NAMES, NAME_SUFFIXES, POSITIONS,
    REGIONS, SENTENCES, SUSTAINABILITY, TARGET_GROUPS, TOPICS,
};
use crate::rng::Rng;

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

/// What the sections of one description share: drawn first, in this order, so the same seed
/// gives the same text.
struct Plan {
    esf: bool,
    axis: &'static str,
    objective: &'static str,
    /// "Alkaa 1.9.2016 ja päättyy 31.8.2018".
    period: String,
    ended: bool,
    regions: Vec<usize>,
    sub_regions: Vec<&'static str>,
    municipalities: Vec<&'static str>,
    home: SubRegion,
    name: String,
}

impl Plan {
    fn draw(rng: &mut Rng, esf: bool) -> Plan {
        let (axis, objectives) = *rng.pick(if esf { ESF_AXES } else { ERDF_AXES });
        let objective = *rng.pick(objectives);
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
        Plan {
            esf,
            axis,
            objective,
            period: format!(
                "Alkaa 1.{start_month}.{start_year} ja päättyy {end_day}.{end_month}.{end_year}"
            ),
            ended,
            regions,
            sub_regions,
            municipalities,
            home,
            name,
        }
    }
}

/// The text of one description.
pub(crate) fn description(rng: &mut Rng, code: &str) -> String {
    let p = Plan::draw(rng, code.starts_with('S'));
    let mut t = String::with_capacity(12_000);
    project(&mut t, rng, &p, code);
    applicant(&mut t, rng, &p);
    texts(&mut t, rng);
    funding(&mut t, rng, p.ended);
    area(&mut t, rng, &p);
    indicators(&mut t, rng, &p);
    horizontal(&mut t, rng);
    final_report(&mut t, rng, p.ended);
    t
}

/// The title lines and section 1, the project.
fn project(t: &mut String, rng: &mut Rng, p: &Plan, code: &str) {
    let fund_line = if p.esf {
        "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus"
    } else {
        "Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus"
    };
    let _ = write!(
        t,
        "Euroopan unioni Vipuvoimaa EU:lta\n\n{fund_line}\n\n1 Hanke\n\n\
         Hankekoodi: {code}\n\nHankkeen nimi: {}\n\nToimintalinja: {}\n\n\
         Erityistavoite: {}\n\nSuunnitelman mukainen toteutusaika: {}\n\n\
         Toiminnan tila: {}\n\nVastuuviranomainen: {}\n\n",
        p.name,
        p.axis,
        p.objective,
        p.period,
        if p.ended {
            "Toiminta päättynyt"
        } else {
            "Toiminnassa"
        },
        if p.esf {
            format!("{} elinkeino-, liikenne- ja ympäristökeskus", rng.pick(ELY))
        } else {
            format!("{} liitto", rng.pick(ELY))
        }
    );
}

/// Section 2, the applicant, with co-implementers in about one file of five.
fn applicant(t: &mut String, rng: &mut Rng, p: &Plan) {
    let (home, regions) = (p.home, &p.regions);
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
}

/// Sections 3 and 4: the summary and the target groups.
fn texts(t: &mut String, rng: &mut Rng) {
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
}

/// Section 5: EU and state funding 70–80 % of the public total; realised at most granted.
fn funding(t: &mut String, rng: &mut Rng, ended: bool) {
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
}

/// Section 6, the area, with a site address in about one file of four.
fn area(t: &mut String, rng: &mut Rng, p: &Plan) {
    let town = p.home.1[0];
    let regions = &p.regions;
    let (sub_regions, municipalities) = (&p.sub_regions, &p.municipalities);
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
}

/// Section 7, the fund's indicators; realised values in most ended projects.
fn indicators(t: &mut String, rng: &mut Rng, p: &Plan) {
    let (esf, ended) = (p.esf, p.ended);
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
}

/// Section 8: the gender-equality questions and the 15 sustainability scores.
fn horizontal(t: &mut String, rng: &mut Rng) {
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
}

/// Section 9, the final report: text when the project has ended, "-" before.
fn final_report(t: &mut String, rng: &mut Rng, ended: bool) {
    t.push_str("\n9 Loppuraportin tiivistelmä\n\n");
    if ended {
        let _ = writeln!(t, "{}", paragraphs(rng, 2, 4));
    } else {
        t.push_str("-\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
