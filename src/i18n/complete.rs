//! Compile-time checks that no translation is missing: a code without its Finnish or
//! Swedish summary, or a field label or term without its Swedish row, stops the build with
//! the key as the message ("evaluation of constant value failed … 'bad-date'").
//!
//! The string tables ([`super::Texts`], [`super::OverviewTexts`] and each feature's own)
//! need no check here: they are structs with one field per string, built once per language,
//! and looked up by an exhaustive `match` on [`super::Lang`], so a missing string or a
//! missing language is a compile error already.

use hankekuvaus::codes::Code;
use hankekuvaus::paths::FieldPath;

use super::sv_tables::{CODE_SUMMARIES_SV, FIELD_LABELS_SV, TERMS_SV};
use super::tables::{CODE_SUMMARIES_FI, FIELD_LABELS, TERMS};

/// String equality in a `const` context.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Fails with the first code of [`Code::ALL`] that has no non-empty text in `table`.
const fn every_code_in(table: &[(Code, &str)]) {
    let mut i = 0;
    while i < Code::ALL.len() {
        let code = Code::ALL[i].as_str();
        let mut found = false;
        let mut j = 0;
        while j < table.len() {
            found |= same(table[j].0.as_str(), code) && !table[j].1.is_empty();
            j += 1;
        }
        if !found {
            panic!("{}", code);
        }
        i += 1;
    }
}

/// Fails with the first field label of `FIELD_LABELS` whose Swedish row (same position)
/// is missing, for another path or empty.
const fn every_label_in_swedish(sv: &[(FieldPath, &str)]) {
    let mut i = 0;
    while i < FIELD_LABELS.len() {
        let path = FIELD_LABELS[i].0.as_str();
        if i >= sv.len() || !same(sv[i].0.as_str(), path) || sv[i].1.is_empty() {
            panic!("{}", path);
        }
        i += 1;
    }
    if sv.len() > FIELD_LABELS.len() {
        panic!("{}", sv[FIELD_LABELS.len()].0.as_str());
    }
}

/// Fails with the first term of `TERMS` whose Swedish row (same position) is missing, for
/// another term or empty.
const fn every_term_in_swedish(sv: &[(&str, &str)]) {
    let mut i = 0;
    while i < TERMS.len() {
        let term = TERMS[i].0;
        if i >= sv.len() || !same(sv[i].0, term) || sv[i].1.is_empty() {
            panic!("{}", term);
        }
        i += 1;
    }
    if sv.len() > TERMS.len() {
        panic!("{}", sv[TERMS.len()].0);
    }
}

// `const _` items are evaluated by every build, used or not.
// Every parser code has a Finnish summary.
const _: () = every_code_in(CODE_SUMMARIES_FI);
// Every parser code has a Swedish summary.
const _: () = every_code_in(CODE_SUMMARIES_SV);
// Every field label has its Swedish label.
const _: () = every_label_in_swedish(FIELD_LABELS_SV);
// Every term has its Swedish gloss.
const _: () = every_term_in_swedish(TERMS_SV);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn const_string_equality() {
        assert!(same("bad-date", "bad-date"));
        assert!(!same("bad-date", "bad-dat"));
        assert!(!same("bad-date", "bad-dote"));
    }
}
