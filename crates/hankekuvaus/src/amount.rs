//! [`Amount`]: a sum of money in euros, kept exactly as whole cents.
//!
//! Descriptions write whole euros ("48 724"); the list exports of 2014–2020 and 2021–2027
//! write cents ("99355.99"). A float would turn 99355.99 into 99355.98999…, and whole euros
//! would drop the cents, so amounts are integers of cents. In JSON a whole amount is an
//! integer (`48724`, as schema version 1 wrote it) and any other a number with its cents
//! (`99355.99`).

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A sum of money in euros, held exactly as a whole number of cents.
///
/// ```
/// use hankekuvaus::Amount;
/// let a = Amount::parse_decimal("99355.99").unwrap();
/// assert_eq!(a.cents(), 9_935_599);
/// assert_eq!(a.to_string(), "99355.99");
/// assert_eq!(serde_json::to_string(&a).unwrap(), "99355.99");
/// assert_eq!(serde_json::to_string(&Amount::euros(48_724)).unwrap(), "48724");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(i64);

/// Fractional amounts up to this many cents (10 000 billion euros) are written to JSON as
/// numbers that read back to the same cents: every decimal of at most 15 significant digits
/// survives the trip through a double.
const EXACT_CENTS: i64 = 1_000_000_000_000_000;

impl Amount {
    /// Zero euros.
    pub const ZERO: Amount = Amount(0);

    /// An amount of `cents` cents.
    pub const fn from_cents(cents: i64) -> Amount {
        Amount(cents)
    }

    /// An amount of whole euros.
    ///
    /// # Panics
    /// When `euros` times 100 does not fit in an `i64` (beyond ±92 233 billion euros); use
    /// [`Amount::checked_euros`] for values that are not constants.
    pub const fn euros(euros: i64) -> Amount {
        match Amount::checked_euros(euros) {
            Some(a) => a,
            None => panic!("amount out of range"),
        }
    }

    /// An amount of whole euros, or `None` when it does not fit.
    pub const fn checked_euros(euros: i64) -> Option<Amount> {
        match euros.checked_mul(100) {
            Some(c) => Some(Amount(c)),
            None => None,
        }
    }

    /// The amount in cents.
    pub const fn cents(self) -> i64 {
        self.0
    }

    /// `true` when the amount has no cents.
    pub const fn is_whole(self) -> bool {
        self.0 % 100 == 0
    }

    /// The amount in euros as a float, for ratios and chart geometry (not for sums).
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).map(Amount)
    }

    /// `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Amount) -> Option<Amount> {
        self.0.checked_sub(other.0).map(Amount)
    }

    /// Reads a plain decimal as machines write it: an optional `-`, ASCII digits, and at
    /// most two decimals after a `.` ("48724", "99355.99", "-12.5", "7."). Anything else,
    /// thousands separators included, is `None`.
    pub fn parse_decimal(s: &str) -> Option<Amount> {
        let (negative, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || frac.len() > 2 || !digits(frac) {
            return None;
        }
        let mut cents: i64 = 0;
        for b in whole.bytes() {
            cents = cents.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
        }
        let frac_cents = match frac.as_bytes() {
            [] => 0,
            [t] => i64::from(t - b'0') * 10,
            [t, h] => i64::from(t - b'0') * 10 + i64::from(h - b'0'),
            _ => return None,
        };
        let cents = cents.checked_mul(100)?.checked_add(frac_cents)?;
        Some(Amount(if negative { -cents } else { cents }))
    }
}

/// `48724`, `99355.99`, `-0.50`: euros with a decimal point, cents only when there are any.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (euros, cents) = (abs / 100, abs % 100);
        if cents == 0 {
            write!(f, "{sign}{euros}")
        } else {
            write!(f, "{sign}{euros}.{cents:02}")
        }
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_whole() {
            s.serialize_i64(self.0 / 100)
        } else {
            // The division is correctly rounded, and the shortest form of the nearest double
            // to a decimal of at most 15 significant digits is that decimal (see EXACT_CENTS).
            s.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
        d.deserialize_any(AmountVisitor)
    }
}

struct AmountVisitor;

impl Visitor<'_> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount of euros with at most two decimals")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
        Amount::checked_euros(v).ok_or_else(|| E::custom(format!("{v} euros is out of range")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
        i64::try_from(v)
            .ok()
            .and_then(Amount::checked_euros)
            .ok_or_else(|| E::custom(format!("{v} euros is out of range")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
        let cents = (v * 100.0).round();
        // Only amounts that are whole cents, and that this type writes back as the same
        // number: 12.345 or 1e300 are refused, not rounded.
        if cents.is_finite() && cents.abs() < EXACT_CENTS as f64 {
            let a = Amount(cents as i64);
            if a.to_f64() == v {
                return Ok(a);
            }
        }
        Err(E::custom(format!(
            "{v} is not an amount of euros with at most two decimals"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        let p = |s| Amount::parse_decimal(s).map(Amount::cents);
        assert_eq!(p("48724"), Some(4_872_400));
        assert_eq!(p("99355.99"), Some(9_935_599));
        assert_eq!(p("12.5"), Some(1250));
        assert_eq!(p("7."), Some(700));
        assert_eq!(p("-0.05"), Some(-5));
        assert_eq!(p("1.234"), None);
        assert_eq!(p(".5"), None);
        assert_eq!(p("1 000"), None);
        assert_eq!(p("1,5"), None);
        assert_eq!(p(""), None);
        assert_eq!(p("-"), None);
        assert_eq!(p("99999999999999999999"), None);
    }

    #[test]
    fn display() {
        assert_eq!(Amount::euros(48_724).to_string(), "48724");
        assert_eq!(Amount::from_cents(9_935_599).to_string(), "99355.99");
        assert_eq!(Amount::from_cents(-50).to_string(), "-0.50");
        assert_eq!(Amount::from_cents(-2_088_200).to_string(), "-20882");
        assert_eq!(
            Amount::from_cents(i64::MIN).to_string(),
            "-92233720368547758.08"
        );
    }

    #[test]
    fn json_round_trip() {
        for cents in [
            0,
            1,
            -1,
            9_935_599,
            4_872_400,
            99_999_999_999_999,
            -999_999_999_999_999,
            123_456_789_012_345,
        ] {
            let a = Amount::from_cents(cents);
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(json, a.to_string().trim_end_matches(".00"), "{cents}");
            let back: Amount = serde_json::from_str(&json).unwrap();
            assert_eq!(back, a, "{json}");
        }
        let read = |s| serde_json::from_str::<Amount>(s);
        assert_eq!(read("48724").unwrap(), Amount::euros(48_724));
        assert_eq!(read("48724.0").unwrap(), Amount::euros(48_724));
        assert_eq!(read("0.1").unwrap(), Amount::from_cents(10));
        assert_eq!(
            serde_json::to_string(&Amount::from_cents(10)).unwrap(),
            "0.1"
        );
        assert!(read("12.345").is_err());
        assert!(read("1e300").is_err());
        assert!(read("\"12\"").is_err());
        assert!(
            read("92233720368547759").is_err(),
            "euros that overflow as cents"
        );
    }
}
