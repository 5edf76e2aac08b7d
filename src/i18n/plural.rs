//! Counts with their noun in the right form: "1 hanke" / "2 hanketta", "1 project" /
//! "2 projects". Every count the UI shows with a noun goes through [`Plural`], so that no
//! view writes "1 projects".
//!
//! Finnish and English (and Swedish) need two forms: one for exactly 1, another for every
//! other number (0 included: "0 hanketta", "0 projects").

use super::Lang;
use crate::view_model::format_number;

/// The two forms of a counted noun (or phrase).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    /// After 1: "hanke", "project".
    pub one: &'static str,
    /// After any other number: "hanketta", "projects".
    pub other: &'static str,
}

impl Plural {
    /// The form that follows `n`.
    pub fn word(&self, n: usize) -> &'static str {
        if n == 1 {
            self.one
        } else {
            self.other
        }
    }

    /// `n` as the language writes numbers, then the form that follows it: "1 500 hanketta".
    pub fn count(&self, lang: Lang, n: usize) -> String {
        format!("{} {}", format_number(lang, n as f64), self.word(n))
    }
}

/// The counted nouns of the UI in one language.
#[derive(Debug)]
pub struct CountWords {
    /// Projects: the totals row, the aggregates, the comparison.
    pub projects: Plural,
    /// "N / M projects shown" over the overview table.
    pub projects_shown: Plural,
    /// Files being read.
    pub files: Plural,
    /// Files that are not descriptions.
    pub not_descriptions: Plural,
    /// Lines of a source file.
    pub lines: Plural,
}

/// Finnish: the singular after 1, the partitive after any other number.
pub const COUNTS_FI: CountWords = CountWords {
    projects: Plural {
        one: "hanke",
        other: "hanketta",
    },
    projects_shown: Plural {
        one: "hanke näkyvissä",
        other: "hanketta näkyvissä",
    },
    files: Plural {
        one: "tiedosto",
        other: "tiedostoa",
    },
    not_descriptions: Plural {
        one: "ei hankekuvaus",
        other: "ei hankekuvauksia",
    },
    lines: Plural {
        one: "rivi",
        other: "riviä",
    },
};

/// English.
pub const COUNTS_EN: CountWords = CountWords {
    projects: Plural {
        one: "project",
        other: "projects",
    },
    projects_shown: Plural {
        one: "project shown",
        other: "projects shown",
    },
    files: Plural {
        one: "file",
        other: "files",
    },
    not_descriptions: Plural {
        one: "not a description",
        other: "not descriptions",
    },
    lines: Plural {
        one: "line",
        other: "lines",
    },
};

/// The counted nouns in `lang`.
pub fn counts(lang: Lang) -> &'static CountWords {
    match lang {
        Lang::Fi => &COUNTS_FI,
        Lang::En => &COUNTS_EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_takes_the_singular_and_every_other_number_the_plural() {
        let fi = counts(Lang::Fi);
        assert_eq!(fi.projects.count(Lang::Fi, 1), "1 hanke");
        assert_eq!(fi.projects.count(Lang::Fi, 2), "2 hanketta");
        assert_eq!(fi.projects.count(Lang::Fi, 0), "0 hanketta");
        assert_eq!(fi.projects.count(Lang::Fi, 1500), "1\u{a0}500 hanketta");
        assert_eq!(fi.lines.count(Lang::Fi, 1), "1 rivi");
        let en = counts(Lang::En);
        assert_eq!(en.projects.count(Lang::En, 1), "1 project");
        assert_eq!(en.projects.count(Lang::En, 2), "2 projects");
        assert_eq!(en.files.count(Lang::En, 21), "21 files");
        assert_eq!(
            en.not_descriptions.count(Lang::En, 1),
            "1 not a description"
        );
        assert_eq!(en.projects_shown.word(1), "project shown");
    }
}
