//! Numbers, amounts, percentages and dates as the page's language writes them.

use hankekuvaus::Amount;

use crate::i18n::Lang;

/// No-break space: between thousands and before the unit in Finnish and Swedish.
const NBSP: char = '\u{00A0}';

/// Groups the digits of a non-negative integer by thousands with `sep`.
fn group_thousands(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An amount: Finnish and Finland-Swedish `48 724 €` (no-break spaces), English `€48,724`;
/// cents only when it has them: `99 355,99 €`, `€99,355.99`.
pub fn format_amount(lang: Lang, amount: Amount) -> String {
    let cents = amount.cents().unsigned_abs();
    let mut digits = group_thousands(cents / 100, thousands_sep(lang));
    if !amount.is_whole() {
        digits.push(decimal_sep(lang));
        digits.push_str(&format!("{:02}", cents % 100));
    }
    match (lang, amount < Amount::ZERO) {
        (Lang::Fi | Lang::Sv, false) => format!("{digits}{NBSP}€"),
        (Lang::Fi | Lang::Sv, true) => format!("\u{2212}{digits}{NBSP}€"),
        (Lang::En, false) => format!("€{digits}"),
        (Lang::En, true) => format!("-€{digits}"),
    }
}

/// An amount or "—" when it is missing.
pub fn format_opt_amount(lang: Lang, amount: Option<Amount>) -> String {
    amount.map_or_else(|| lang.t().none.to_owned(), |a| format_amount(lang, a))
}

fn thousands_sep(lang: Lang) -> char {
    match lang {
        Lang::Fi | Lang::Sv => NBSP,
        Lang::En => ',',
    }
}

fn decimal_sep(lang: Lang) -> char {
    match lang {
        Lang::Fi | Lang::Sv => ',',
        Lang::En => '.',
    }
}

/// A percentage with one decimal: Finnish and Swedish `69,9 %`, English `69.9%`.
pub fn format_percent(lang: Lang, pct: f64) -> String {
    let number = format_decimal(lang, pct, 1);
    match lang {
        Lang::Fi | Lang::Sv => format!("{number}{NBSP}%"),
        Lang::En => format!("{number}%"),
    }
}

/// A percentage or "—".
pub fn format_opt_percent(lang: Lang, pct: Option<f64>) -> String {
    pct.map_or_else(|| lang.t().none.to_owned(), |p| format_percent(lang, p))
}

/// A number with exactly `decimals` decimals, thousands grouped.
fn format_decimal(lang: Lang, value: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let int: u64 = int.parse().unwrap_or(0);
    let mut out = String::new();
    if value < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push(minus_sign(lang));
    }
    out.push_str(&group_thousands(int, thousands_sep(lang)));
    if !frac.is_empty() {
        out.push(decimal_sep(lang));
        out.push_str(frac);
    }
    out
}

/// The minus sign: Finnish and Swedish typeset the real one (U+2212), English a hyphen.
fn minus_sign(lang: Lang) -> char {
    match lang {
        Lang::Fi | Lang::Sv => '\u{2212}',
        Lang::En => '-',
    }
}

/// An indicator value: whole numbers without decimals, others with up to two.
pub fn format_number(lang: Lang, value: f64) -> String {
    if value.fract() == 0.0 {
        format_decimal(lang, value, 0)
    } else {
        let s = format_decimal(lang, value, 2);
        s.trim_end_matches('0').to_owned()
    }
}

/// An indicator value or "—".
pub fn format_opt_number(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(|| lang.t().none.to_owned(), |v| format_number(lang, v))
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An ISO date for people: Finnish and Swedish `1.1.2019`, English `1 Jan 2019`; anything that is not
/// an ISO date is shown as it is.
pub fn format_date(lang: Lang, iso: &str) -> String {
    match hankekuvaus::derived::IsoDate::parse(iso) {
        Some(d) if (1..=12).contains(&d.month) => match lang {
            Lang::Fi | Lang::Sv => format!("{}.{}.{}", d.day, d.month, d.year),
            Lang::En => format!("{} {} {}", d.day, MONTHS_EN[d.month as usize - 1], d.year),
        },
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        let e = Amount::euros;
        assert_eq!(format_amount(Lang::Fi, e(48_724)), "48\u{a0}724\u{a0}€");
        assert_eq!(format_amount(Lang::En, e(48_724)), "€48,724");
        assert_eq!(format_amount(Lang::En, e(1_234_567)), "€1,234,567");
        assert_eq!(format_amount(Lang::Fi, e(999)), "999\u{a0}€");
        assert_eq!(format_amount(Lang::Fi, e(0)), "0\u{a0}€");
        assert_eq!(
            format_amount(Lang::Fi, e(-20_882)),
            "\u{2212}20\u{a0}882\u{a0}€"
        );
        assert_eq!(format_amount(Lang::En, e(-20_882)), "-€20,882");
        let cents = Amount::from_cents(9_935_599);
        assert_eq!(format_amount(Lang::Fi, cents), "99\u{a0}355,99\u{a0}€");
        assert_eq!(format_amount(Lang::En, cents), "€99,355.99");
        assert_eq!(
            format_amount(Lang::Fi, Amount::from_cents(-5)),
            "\u{2212}0,05\u{a0}€"
        );
        assert_eq!(format_opt_amount(Lang::En, None), "—");
    }

    #[test]
    fn percentages() {
        assert_eq!(format_percent(Lang::Fi, 69.9), "69,9\u{a0}%");
        assert_eq!(format_percent(Lang::En, 69.9), "69.9%");
        assert_eq!(format_percent(Lang::Fi, 100.0), "100,0\u{a0}%");
        assert_eq!(format_percent(Lang::En, 1234.56), "1,234.6%");
        assert_eq!(format_percent(Lang::En, 69.96), "70.0%");
        assert_eq!(format_opt_percent(Lang::Fi, None), "—");
    }

    #[test]
    fn numbers_and_dates() {
        assert_eq!(format_number(Lang::Fi, 30.0), "30");
        assert_eq!(format_number(Lang::Fi, 1500.0), "1\u{a0}500");
        assert_eq!(format_number(Lang::En, 2.5), "2.5");
        assert_eq!(format_number(Lang::Fi, 2.25), "2,25");
        assert_eq!(format_date(Lang::Fi, "2019-01-01"), "1.1.2019");
        assert_eq!(format_date(Lang::En, "2019-12-31"), "31 Dec 2019");
        assert_eq!(format_date(Lang::En, "31.12.2019"), "31.12.2019");
    }

    #[test]
    fn finland_swedish_writes_like_finnish() {
        let e = Amount::euros;
        assert_eq!(format_amount(Lang::Sv, e(48_724)), "48\u{a0}724\u{a0}€");
        assert_eq!(
            format_amount(Lang::Sv, e(1_234_567)),
            "1\u{a0}234\u{a0}567\u{a0}€"
        );
        assert_eq!(
            format_amount(Lang::Sv, Amount::from_cents(9_935_599)),
            "99\u{a0}355,99\u{a0}€"
        );
        assert_eq!(
            format_amount(Lang::Sv, e(-20_882)),
            "\u{2212}20\u{a0}882\u{a0}€"
        );
        assert_eq!(format_percent(Lang::Sv, 69.96), "70,0\u{a0}%");
        assert_eq!(format_percent(Lang::Sv, 1234.56), "1\u{a0}234,6\u{a0}%");
        assert_eq!(format_percent(Lang::Sv, -2.5), "\u{2212}2,5\u{a0}%");
        assert_eq!(format_number(Lang::Sv, 2.25), "2,25");
        assert_eq!(format_number(Lang::Sv, 1500.0), "1\u{a0}500");
        assert_eq!(format_date(Lang::Sv, "2019-01-01"), "1.1.2019");
        assert_eq!(format_date(Lang::Sv, "2019-12-31"), "31.12.2019");
        assert_eq!(format_opt_amount(Lang::Sv, None), "—");
    }
}
