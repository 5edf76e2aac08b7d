//! # hankekuvaus-tables
//!
//! Tidy tables of parsed project descriptions, for analysts: one table per kind of
//! observation, each with typed cells, written as CSV (for pandas and R, or Excel in
//! Finnish) and, with the `xlsx` feature, as one `.xlsx` workbook with a sheet per table.
//!
//! | table | one row per |
//! | --- | --- |
//! | [`TableKind::Projects`] | document: the summary CSV's columns plus the derived ratios |
//! | [`TableKind::Indicators`] | indicator of a document (section 7) |
//! | [`TableKind::Sustainability`] | scored item of section 8.2 |
//! | [`TableKind::Areas`] | region, sub-region or municipality of a document |
//! | [`TableKind::Organisations`] | applicant or co-implementer |
//! | [`TableKind::Diagnostics`] | diagnostic of a document, or file that is not a description |
//!
//! The tables are built once ([`build`]) and both writers read the same [`Table`], so the
//! CSV and the workbook never disagree. Headers come in Finnish, English or Swedish
//! ([`Lang`]); CSV can also carry the stable snake_case keys ([`Labels::Keys`]).
//!
//! ```
//! use hankekuvaus::export::CsvDialect;
//! use hankekuvaus_tables::{build, csv, Item, Labels, TableKind};
//!
//! let text = "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n\
//!             1 Hanke\n\
//!             Hankekoodi: S21498\n\
//!             5 Projektin julkinen rahoitus, euroa\n\
//!             Myönnetty EU- ja valtion rahoitus: 48 724\n";
//! let doc = hankekuvaus::parse(text.as_bytes(), "S21498.txt").unwrap();
//! let projects = build(TableKind::Projects, &[Item::Document(&doc)]);
//! let out = csv(&projects, CsvDialect::Plain, Labels::Keys);
//! assert!(out.starts_with("file_name,code,name,"));
//! assert!(out.contains("S21498.txt,S21498,"));
//! ```

#![warn(missing_docs)]

mod build;
mod columns;
mod csv;
#[cfg(feature = "xlsx")]
mod xlsx;

use hankekuvaus::derived::IsoDate;
use hankekuvaus::{Document, Failure, Outcome};

pub use build::build;
pub use columns::Column;
pub use csv::{csv, csv_header, csv_rows};
#[cfg(feature = "xlsx")]
pub use xlsx::{workbook, XlsxError};

/// The language of headers, sheet names and [`Term`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Finnish.
    Fi,
    /// English.
    En,
    /// Swedish, with the official terms (FO-nummer, landskap, ESF, Eruf).
    Sv,
}

impl Lang {
    /// All languages.
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::En, Lang::Sv];

    /// The ISO 639-1 code, as in `?lang=sv` and `--lang sv`.
    pub fn code(self) -> &'static str {
        pick(self, "fi", "en", "sv")
    }

    /// The language of an ISO 639-1 code; `None` for another.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// What a CSV header row and its [`Term`] cells say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Labels {
    /// Stable snake_case keys (`granted_eu_state`, `co-implementer`): for pandas and R,
    /// the same whatever the interface language.
    Keys,
    /// Headers and terms in a language, as the workbook has them.
    Lang(Lang),
}

/// One input of the tables: a parsed document or a file that is not a description.
///
/// Borrowed, so that callers holding documents in their own structures need not clone them.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    /// A description.
    Document(&'a Document),
    /// A file that is not a description (it appears in the diagnostics table only).
    Failure(&'a Failure),
}

impl<'a> From<&'a Outcome> for Item<'a> {
    fn from(outcome: &'a Outcome) -> Item<'a> {
        match outcome {
            Outcome::Document(doc) => Item::Document(doc),
            Outcome::Failure(failure) => Item::Failure(failure),
        }
    }
}

impl<'a> From<&'a Document> for Item<'a> {
    fn from(doc: &'a Document) -> Item<'a> {
        Item::Document(doc)
    }
}

impl<'a> From<&'a Failure> for Item<'a> {
    fn from(failure: &'a Failure) -> Item<'a> {
        Item::Failure(failure)
    }
}

/// The items of a slice of outcomes, in order.
pub fn items(outcomes: &[Outcome]) -> Vec<Item<'_>> {
    outcomes.iter().map(Item::from).collect()
}

/// All six tables of the items, in [`TableKind::ALL`] order: what a workbook holds.
pub fn build_all(items: &[Item<'_>]) -> Vec<Table> {
    TableKind::ALL
        .iter()
        .map(|&kind| build(kind, items))
        .collect()
}

/// The six tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// One row per document.
    Projects,
    /// Project code, indicator, planned, realised.
    Indicators,
    /// Project code, category, item, direct and indirect score.
    Sustainability,
    /// Project code and one region, sub-region or municipality.
    Areas,
    /// Project code, role, name, Y-tunnus and whether it is valid.
    Organisations,
    /// File, line, severity, code, message.
    Diagnostics,
}

impl TableKind {
    /// All tables, in workbook order.
    pub const ALL: [TableKind; 6] = [
        TableKind::Projects,
        TableKind::Indicators,
        TableKind::Sustainability,
        TableKind::Areas,
        TableKind::Organisations,
        TableKind::Diagnostics,
    ];

    /// The table's stable name, as the CLI's `--table` takes it: `projects`, `indicators`, ….
    pub fn key(self) -> &'static str {
        match self {
            TableKind::Projects => "projects",
            TableKind::Indicators => "indicators",
            TableKind::Sustainability => "sustainability",
            TableKind::Areas => "areas",
            TableKind::Organisations => "organisations",
            TableKind::Diagnostics => "diagnostics",
        }
    }

    /// The table of a [`TableKind::key`]; `None` for another name.
    pub fn from_key(key: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The sheet name in a language (at most 31 characters, as Excel requires).
    pub fn sheet_name(self, lang: Lang) -> &'static str {
        let [fi, en, sv] = match self {
            TableKind::Projects => ["Hankkeet", "Projects", "Projekt"],
            TableKind::Indicators => ["Seurantatiedot", "Indicators", "Indikatorer"],
            TableKind::Sustainability => {
                ["Kestävä kehitys", "Sustainability", "Hållbar utveckling"]
            }
            TableKind::Areas => ["Alueet", "Areas", "Områden"],
            TableKind::Organisations => ["Organisaatiot", "Organisations", "Organisationer"],
            TableKind::Diagnostics => ["Huomautukset", "Diagnostics", "Anmärkningar"],
        };
        pick(lang, fi, en, sv)
    }

    /// The columns of the table, in order.
    pub fn columns(self) -> &'static [Column] {
        columns::of(self)
    }
}

fn pick(lang: Lang, fi: &'static str, en: &'static str, sv: &'static str) -> &'static str {
    match lang {
        Lang::Fi => fi,
        Lang::En => en,
        Lang::Sv => sv,
    }
}

/// A built table: its kind (which gives the columns) and its rows of typed cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Which table.
    pub kind: TableKind,
    /// One cell per column of [`TableKind::columns`] in each row.
    pub rows: Vec<Vec<Cell>>,
}

/// A value with a stable key and a name in each language: a fund, a status, a role, a
/// severity. CSV with [`Labels::Keys`] writes the key, everything else the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Term {
    /// The key, as in the JSON contract where it has one: `ESR`, `ended`, `applicant`.
    pub key: &'static str,
    /// Finnish.
    pub fi: &'static str,
    /// English.
    pub en: &'static str,
    /// Swedish.
    pub sv: &'static str,
}

impl Term {
    /// The name in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        pick(lang, self.fi, self.en, self.sv)
    }

    /// What the cell says under `labels`.
    pub fn text(&self, labels: Labels) -> &'static str {
        match labels {
            Labels::Keys => self.key,
            Labels::Lang(lang) => self.label(lang),
        }
    }
}

/// An amount of money in euro cents: exact, whatever the source gives (whole euros today,
/// cents once the contract carries them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(pub i64);

impl Cents {
    /// The amount in euros, for spreadsheet numbers.
    pub fn euros(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

/// One typed cell: both writers read the type, so numbers stay numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value.
    Empty,
    /// Text as written in the document.
    Text(String),
    /// A value with a name in each language.
    Term(Term),
    /// A whole number: a line, a score, a count of months.
    Int(i64),
    /// A number that may have decimals (an indicator value).
    Number(f64),
    /// Money.
    Euros(Cents),
    /// A percentage on the 0–100 scale (`95.3` is 95.3 %).
    Percent(f64),
    /// A calendar date.
    Date(IsoDate),
    /// Yes or no.
    Bool(bool),
}
