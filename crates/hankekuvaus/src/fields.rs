//! Rules for single values: amounts, dates, business IDs, e-mail addresses, yes/no answers,
//! numbered names and comma lists. Each returns `Err(reason)` with a short phrase that the
//! caller puts into a diagnostic.

use std::borrow::Cow;

use crate::{lines, Amount, Numbered, Status};

/// Characters used as thousands separators in amounts: space, no-break space (U+00A0),
/// narrow no-break space (U+202F) and thin space (U+2009).
fn is_group_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\t')
}

/// Strips a trailing currency mark ("€", "euroa", "EUR").
fn strip_currency(s: &str) -> &str {
    let s = s.trim_end();
    for suffix in ["€", "euroa", "EUR", "eur"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            return rest.trim_end();
        }
    }
    s
}

/// Reads an amount of euros as a page writes it: "48 724", "48\u{A0}724 €", "1 234 567,00",
/// "12 345,67", "-5". Cents come after a decimal comma or point with exactly two digits, so
/// that "48.724" is not read as 48 euros. An empty value is `Ok(None)`.
pub(crate) fn amount(s: &str) -> Result<Option<Amount>, &'static str> {
    let s = strip_currency(s.trim());
    if s.is_empty() || s == "-" {
        return Ok(None);
    }
    let (int_part, cents) = match s.rsplit_once([',', '.']) {
        Some((i, f)) if f.len() == 2 && f.bytes().all(|b| b.is_ascii_digit()) => {
            (i, f.parse::<i64>().unwrap_or(0))
        }
        _ => (s, 0),
    };
    let (negative, digits) = match int_part.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, int_part),
    };
    let mut value: i64 = 0;
    let mut seen_digit = false;
    for c in digits.chars() {
        if let Some(d) = c.to_digit(10) {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(i64::from(d)))
                .ok_or("too large")?;
            seen_digit = true;
        } else if !is_group_separator(c) {
            return Err("not a number of euros");
        }
    }
    if !seen_digit {
        return Err("not a number of euros");
    }
    let cents = value
        .checked_mul(100)
        .and_then(|v| v.checked_add(cents))
        .ok_or("too large")?;
    Ok(Some(Amount::from_cents(if negative {
        -cents
    } else {
        cents
    })))
}

/// Reads an indicator value: a whole or decimal number ("30", "1 250", "12,5"). Empty is
/// `Ok(None)`.
pub(crate) fn number(s: &str) -> Result<Option<f64>, &'static str> {
    let s = s.trim();
    if s.is_empty() || s == "-" {
        return Ok(None);
    }
    // Most values are plain digits ("30"): only a value with a separator or a decimal comma
    // is copied to be cleaned.
    let cleaned: Cow<str> = if s
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        Cow::Borrowed(s)
    } else {
        s.chars()
            .filter(|&c| !is_group_separator(c))
            .map(|c| if c == ',' { '.' } else { c })
            .collect()
    };
    let valid = !cleaned.is_empty()
        && cleaned
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && cleaned.bytes().any(|b| b.is_ascii_digit());
    if !valid {
        return Err("not a number");
    }
    match cleaned.parse::<f64>() {
        // Beyond f64's range a value becomes infinite, which JSON cannot hold.
        Ok(v) if v.is_finite() => Ok(Some(v)),
        Ok(_) => Err("too large"),
        Err(_) => Err("not a number"),
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// Reads a Finnish date `d.m.yyyy` (leading zeros optional) into ISO `yyyy-mm-dd`.
pub(crate) fn finnish_date(s: &str) -> Result<String, &'static str> {
    let s = s.trim().trim_end_matches('.');
    let mut parts = s.split('.');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("not a date d.m.yyyy");
    };
    let num = |p: &str, max_len: usize| -> Option<u32> {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (Some(day), Some(month), Some(year)) = (num(d, 2), num(m, 2), num(y, 4)) else {
        return Err("not a date d.m.yyyy");
    };
    if y.len() != 4 || !(1900..=2100).contains(&year) {
        return Err("the year is not a four-digit year");
    }
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err("no such day in the calendar");
    }
    // Written out rather than with `format!` (one for every date of every file): the year
    // has four digits (checked above), month and day two with a leading zero.
    let mut iso = String::with_capacity(10);
    for (value, digits) in [(year, 4), (month, 2), (day, 2)] {
        if digits == 2 {
            iso.push('-');
        }
        for place in (0..digits).rev() {
            iso.push(char::from(b'0' + (value / 10u32.pow(place) % 10) as u8));
        }
    }
    Ok(iso)
}

/// Finds the date-shaped words of a period such as "Alkaa 1.1.2019 ja päättyy 31.12.2019"
/// or "1.1.2008 - 31.12.2010", in order.
pub(crate) fn date_words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || c == '–' || c == '—')
        .flat_map(|w| w.split(" - "))
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()))
        .filter(|w| w.bytes().filter(|&b| b == b'.').count() == 2 && w.len() >= 5)
        .collect()
}

/// Checks a Y-tunnus (Finnish business ID): seven digits, a hyphen and a check digit.
/// Weights 7, 9, 10, 5, 8, 4, 2; remainder 0 gives 0, remainder 1 is never issued, otherwise
/// the check digit is 11 − remainder. Six-digit old IDs are read with a leading zero.
pub(crate) fn business_id_valid(s: &str) -> bool {
    let Some((body, check)) = s.trim().split_once('-') else {
        return false;
    };
    if !(6..=7).contains(&body.len())
        || check.len() != 1
        || !body
            .bytes()
            .chain(check.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return false;
    }
    // A six-digit ID's leading zero weighs nothing: its digits take the last six weights.
    let weights = [7u32, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .bytes()
        .zip(&weights[7 - body.len()..])
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let expected = match sum % 11 {
        0 => 0,
        1 => return false,
        r => 11 - r,
    };
    u32::from(check.as_bytes()[0] - b'0') == expected
}

/// Whether a word looks like a business ID, valid or not (digits and one hyphen).
pub(crate) fn looks_like_business_id(s: &str) -> bool {
    let s = s.trim();
    s.len() >= 8
        && s.len() <= 10
        && s.bytes().filter(|&b| b == b'-').count() == 1
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// Turns the service's spam-proofed `name(at)domain` into `name@domain`.
pub(crate) fn email(s: &str) -> Result<String, String> {
    let mut out = s.trim().to_owned();
    for at in [" (at) ", "(at)", "[at]", " [at] ", "(a)", "(ät)"] {
        // Most addresses hold none of these: `replace` would copy them all the same.
        if out.contains(at) {
            out = out.replace(at, "@");
        }
    }
    let valid = match out.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.contains('@')
                && !out.contains(char::is_whitespace)
        }
        None => false,
    };
    if valid {
        Ok(out)
    } else {
        Err(out)
    }
}

/// Reads "Kyllä" (yes) or "Ei" (no).
pub(crate) fn yes_no(s: &str) -> Option<bool> {
    let s = s.trim().trim_end_matches('.');
    // Compared character by character in lower case, without a lower-cased copy.
    let is = |word: &str| s.chars().flat_map(char::to_lowercase).eq(word.chars());
    if ["kyllä", "kylla", "k", "yes"].into_iter().any(is) {
        Some(true)
    } else if ["ei", "e", "no"].into_iter().any(is) {
        Some(false)
    } else {
        None
    }
}

/// Splits "3. Työllisyys ja työvoiman liikkuvuus" into number "3" and the name;
/// "7.1. Tuottavuuden…" into "7.1". A value without a leading number keeps it all as name.
pub(crate) fn numbered(s: &str) -> Numbered {
    let s = s.trim();
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(s.len(), |(i, _)| i);
    let (num, rest) = s.split_at(end);
    let num = num.trim_end_matches('.');
    if !num.is_empty()
        && num.split('.').all(|p| !p.is_empty())
        && rest.starts_with(char::is_whitespace)
    {
        Numbered {
            number: Some(num.to_owned()),
            name: rest.trim().to_owned(),
        }
    } else {
        Numbered {
            number: None,
            name: s.to_owned(),
        }
    }
}

/// Splits a comma (or semicolon) separated list, dropping empty items.
pub(crate) fn list(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Interprets "Toiminnan tila", lower-cased (and its white space folded) in the normaliser's
/// reused buffer.
pub(crate) fn status(s: &str) -> Option<Status> {
    lines::with_normalized(s, |lower| {
        let has = |word| lines::contains(lower, word);
        if has("päättynyt") || has("päättyi") || has("suljettu") {
            Some(Status::Ended)
        } else if has("toiminnassa") || has("käynnissä") {
            Some(Status::Active)
        } else if has("keskeyty") {
            Some(Status::Interrupted)
        } else {
            None
        }
    })
}

/// Reads "Vain yksi hakija" (one applicant) or "Hakijoita on useampi kuin yksi (yhteishanke)".
pub(crate) fn joint_project(s: &str) -> Option<bool> {
    lines::with_normalized(s, |lower| {
        let has = |word| lines::contains(lower, word);
        if has("yhteishanke") || has("useampi") {
            Some(true)
        } else if has("vain yksi") {
            Some(false)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        let euros = |e| Ok(Some(Amount::euros(e)));
        assert_eq!(amount("48 724"), euros(48_724));
        assert_eq!(amount("48\u{A0}724"), euros(48_724));
        assert_eq!(amount("1\u{202F}234\u{202F}567 €"), euros(1_234_567));
        assert_eq!(amount("929 082,00"), euros(929_082));
        assert_eq!(amount("0"), euros(0));
        assert_eq!(amount(""), Ok(None));
        assert_eq!(amount("-"), Ok(None));
        assert_eq!(amount("-1 000"), euros(-1000));
        assert_eq!(amount("12,50"), Ok(Some(Amount::from_cents(1250))));
        assert_eq!(
            amount("99 355.99 €"),
            Ok(Some(Amount::from_cents(9_935_599)))
        );
        assert_eq!(amount("-12,05"), Ok(Some(Amount::from_cents(-1205))));
        assert!(amount("48 72x").is_err());
        assert!(amount("48.724").is_err(), "a thousands point, not cents");
        assert!(amount("12,5").is_err(), "one decimal is not cents");
        assert!(amount("x €").is_err());
        assert_eq!(amount("€"), Ok(None));
        assert!(amount("99999999999999999999").is_err());
        assert!(
            amount("999999999999999999").is_err(),
            "fits i64 as euros, not as cents"
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(number("30"), Ok(Some(30.0)));
        assert_eq!(number("1 250"), Ok(Some(1250.0)));
        assert_eq!(number("12,5"), Ok(Some(12.5)));
        assert_eq!(number("-1 250,5"), Ok(Some(-1250.5)));
        assert_eq!(number("7.25"), Ok(Some(7.25)));
        assert!(number("-").is_ok_and(|n| n.is_none()));
        assert!(number("--").is_err(), "no digit");
        assert_eq!(number(""), Ok(None));
        assert!(number("kolme").is_err());
        assert!(number("1.2.3").is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(finnish_date("1.1.2019").as_deref(), Ok("2019-01-01"));
        assert_eq!(finnish_date("31.12.2019").as_deref(), Ok("2019-12-31"));
        assert_eq!(finnish_date("29.2.2020").as_deref(), Ok("2020-02-29"));
        assert!(finnish_date("29.2.2019").is_err());
        assert!(finnish_date("31.4.2018").is_err());
        assert!(finnish_date("1.13.2019").is_err());
        assert!(finnish_date("1.1.19").is_err());
        assert!(finnish_date("2019-01-01").is_err());
    }

    #[test]
    fn period_words() {
        assert_eq!(
            date_words("Alkaa 1.10.2015 ja päättyy 30.4.2018"),
            vec!["1.10.2015", "30.4.2018"]
        );
        assert_eq!(
            date_words("1.1.2008 - 31.12.2010"),
            vec!["1.1.2008", "31.12.2010"]
        );
        assert_eq!(date_words("Alkaa 1.1.2019"), vec!["1.1.2019"]);
    }

    #[test]
    fn business_ids() {
        // From the seeds: all valid.
        for id in [
            "0600598-8",
            "0204819-8",
            "0211675-2",
            "2528160-3",
            "1015428-1",
            "0172446-5",
        ] {
            assert!(business_id_valid(id), "{id}");
        }
        assert!(!business_id_valid("0600598-7"), "wrong check digit");
        assert!(!business_id_valid("0600598"), "no check digit");
        assert!(!business_id_valid("06005988"), "no hyphen");
        assert!(!business_id_valid("A600598-8"), "letter");
        assert!(business_id_valid("600598-8"), "six digits: a leading zero");
        assert!(
            !business_id_valid("600598-7"),
            "six digits, wrong check digit"
        );
        assert!(!business_id_valid("60598-8"), "five digits");
        // Remainder 1 is never issued: 0000010 → sum 4·… pick a body with remainder 1.
        let body_r1 = (0..10_000_000u32)
            .map(|n| format!("{n:07}"))
            .find(|b| {
                b.bytes()
                    .zip([7u32, 9, 10, 5, 8, 4, 2])
                    .map(|(c, w)| u32::from(c - b'0') * w)
                    .sum::<u32>()
                    % 11
                    == 1
            })
            .unwrap();
        for check in 0..10 {
            assert!(!business_id_valid(&format!("{body_r1}-{check}")));
        }
        assert!(looks_like_business_id("0211675-2"));
        assert!(!looks_like_business_id("Oy Ab"));
    }

    #[test]
    fn emails() {
        assert_eq!(
            email("heikki.silvennoinen(at)mikseimikkeli.fi").as_deref(),
            Ok("heikki.silvennoinen@mikseimikkeli.fi")
        );
        assert_eq!(email("a@b.fi").as_deref(), Ok("a@b.fi"));
        assert!(email("no address").is_err());
    }

    #[test]
    fn answers_and_lists() {
        assert_eq!(yes_no("Kyllä"), Some(true));
        assert_eq!(yes_no(" Ei "), Some(false));
        assert_eq!(yes_no("Ehkä"), None);
        assert_eq!(yes_no("KYLLÄ."), Some(true));
        assert_eq!(yes_no("NO"), Some(false));
        assert_eq!(yes_no("Kylläkin"), None);
        assert_eq!(yes_no(""), None);
        assert_eq!(
            list("Pirkanmaa, Varsinais-Suomi"),
            vec!["Pirkanmaa", "Varsinais-Suomi"]
        );
        assert!(list(" , ").is_empty());
        assert_eq!(status("Toiminta päättynyt"), Some(Status::Ended));
        assert_eq!(status("Toiminnassa"), Some(Status::Active));
        assert_eq!(status("Keskeytynyt"), Some(Status::Interrupted));
        assert_eq!(status("Hylätty"), None);
        assert_eq!(status("PÄÄTTYNYT"), Some(Status::Ended));
        assert_eq!(status("Hanke on  KÄYNNISSÄ"), Some(Status::Active));
        assert_eq!(joint_project("HAKIJOITA ON USEAMPI KUIN YKSI"), Some(true));
        assert_eq!(joint_project("Vain   yksi hakija"), Some(false));
        assert_eq!(joint_project("Vain yksi hakija"), Some(false));
        assert_eq!(
            joint_project("Hakijoita on useampi kuin yksi (yhteishanke)"),
            Some(true)
        );
    }

    #[test]
    fn numbered_names() {
        let n = numbered("3. Työllisyys ja työvoiman liikkuvuus");
        assert_eq!(n.number.as_deref(), Some("3"));
        assert_eq!(n.name, "Työllisyys ja työvoiman liikkuvuus");
        let n = numbered("7.1. Tuottavuuden ja työhyvinvoinnin parantaminen");
        assert_eq!(n.number.as_deref(), Some("7.1"));
        let n = numbered("Ilman numeroa");
        assert_eq!((n.number, n.name.as_str()), (None, "Ilman numeroa"));
        let n = numbered("2020 Vision");
        assert_eq!(n.number.as_deref(), Some("2020"));
    }
}
