//! A noun that follows a count, in its singular and its plural form.
//!
//! Finnish, Swedish and English all use the singular for exactly one and the plural
//! otherwise ("1 hanke" / "2 hanketta", "1 fil" / "2 filer", "1 line" / "2 lines"), so
//! two forms are enough for the three languages.

use super::Lang;
use crate::view_model::format_number;

/// The two forms of a noun after a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    /// After exactly one.
    pub one: &'static str,
    /// After any other count, zero included.
    pub other: &'static str,
}

impl Plural {
    /// The form that follows `n`.
    pub fn of(&self, n: usize) -> &'static str {
        if n == 1 {
            self.one
        } else {
            self.other
        }
    }

    /// `n` as the language writes numbers, then the right form: "1 500 riviä".
    pub fn count(&self, lang: Lang, n: usize) -> String {
        format!("{} {}", format_number(lang, n as f64), self.of(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        let rows = Plural {
            one: "rivi",
            other: "riviä",
        };
        assert_eq!(rows.of(1), "rivi");
        assert_eq!(rows.of(0), "riviä");
        assert_eq!(rows.of(2), "riviä");
        assert_eq!(rows.count(Lang::Fi, 1), "1 rivi");
        assert_eq!(rows.count(Lang::Fi, 1500), "1\u{a0}500 riviä");
        assert_eq!(rows.count(Lang::Sv, 21), "21 riviä");
    }
}
