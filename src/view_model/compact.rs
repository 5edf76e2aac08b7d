//! Large sums written short, so that a totals cell fits its column: `123,5 M€` (Finnish),
//! `€123.5M` (English). The exact sum stays available for a tooltip and screen readers.

use hankekuvaus::Amount;

use super::format::format_amount;
use crate::i18n::Lang;

/// Sums from this many euros up are written in millions.
pub const COMPACT_FROM_EUROS: i64 = 10_000_000;

/// An amount in millions with one decimal when it is at least [`COMPACT_FROM_EUROS`] (in
/// either direction); `None` for smaller amounts, which are written in full.
pub fn format_compact_amount(lang: Lang, amount: Amount) -> Option<String> {
    let cents = amount.cents();
    if cents.unsigned_abs() < (COMPACT_FROM_EUROS as u64) * 100 {
        return None;
    }
    // Tenths of a million, rounded half away from zero, in whole numbers: no float error.
    let tenths = (cents.unsigned_abs() + 5_000_000) / 10_000_000;
    let whole = group(tenths / 10, lang);
    let negative = cents < 0;
    Some(match lang {
        // Finland-Swedish writes amounts as Finnish does.
        Lang::Fi | Lang::Sv => format!(
            "{}{whole},{}\u{a0}M€",
            if negative { "\u{2212}" } else { "" },
            tenths % 10
        ),
        Lang::En => format!(
            "{}€{whole}.{}M",
            if negative { "-" } else { "" },
            tenths % 10
        ),
    })
}

/// The thousands of a number of millions (a sum over 1,000 M€ is possible for a programme).
fn group(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Fi | Lang::Sv => '\u{a0}',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A sum as a cell shows it: the visible text, and the exact amount when the text is short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SumText {
    /// What the cell shows: compact from 10 M€, exact below.
    pub text: String,
    /// The exact amount, when `text` is compact (for the tooltip and screen readers).
    pub exact: Option<String>,
}

/// The cell text of a sum.
pub fn sum_text(lang: Lang, amount: Amount) -> SumText {
    match format_compact_amount(lang, amount) {
        Some(text) => SumText {
            text,
            exact: Some(format_amount(lang, amount)),
        },
        None => SumText {
            text: format_amount(lang, amount),
            exact: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millions_from_ten_million_up() {
        let e = Amount::euros;
        assert_eq!(format_compact_amount(Lang::Fi, e(9_999_999)), None);
        assert_eq!(
            format_compact_amount(Lang::Fi, e(10_000_000)).as_deref(),
            Some("10,0\u{a0}M€")
        );
        assert_eq!(
            format_compact_amount(Lang::Fi, e(123_456_789)).as_deref(),
            Some("123,5\u{a0}M€")
        );
        assert_eq!(
            format_compact_amount(Lang::En, e(123_449_999)).as_deref(),
            Some("€123.4M")
        );
        assert_eq!(
            format_compact_amount(Lang::En, e(1_234_567_890)).as_deref(),
            Some("€1,234.6M")
        );
        assert_eq!(
            format_compact_amount(Lang::Fi, e(-20_950_000)).as_deref(),
            Some("\u{2212}21,0\u{a0}M€")
        );
    }

    #[test]
    fn a_compact_sum_keeps_its_exact_amount() {
        let big = sum_text(Lang::Fi, Amount::from_cents(12_345_678_950));
        assert_eq!(big.text, "123,5\u{a0}M€");
        assert_eq!(
            big.exact.as_deref(),
            Some("123\u{a0}456\u{a0}789,50\u{a0}€")
        );
        let small = sum_text(Lang::En, Amount::euros(48_724));
        assert_eq!(small.text, "€48,724");
        assert_eq!(small.exact, None);
    }
}
