//! The funds' abbreviations and names in each language.

use hankekuvaus::Fund;

use super::{sv_tables, Lang};

impl Lang {
    /// A fund's abbreviation as this language writes it: ESR, EAKR in Finnish and English
    /// (as the service does), the official Swedish ESF, Eruf, ESF+, FRO in Swedish.
    pub fn fund_code(self, fund: Fund) -> &'static str {
        match self {
            Lang::Fi | Lang::En => fund.as_str(),
            Lang::Sv => sv_tables::fund(fund).0,
        }
    }

    /// A fund's abbreviation and full name: "ESR (Euroopan sosiaalirahasto)",
    /// "ESF (Europeiska socialfonden)".
    pub fn fund_name(self, fund: Fund) -> String {
        let name = match (self, fund) {
            (Lang::Fi, Fund::Esr) => "Euroopan sosiaalirahasto",
            (Lang::Fi, Fund::Eakr) => "Euroopan aluekehitysrahasto",
            (Lang::Fi, Fund::EsrPlus) => "Euroopan sosiaalirahasto plus",
            (Lang::Fi, Fund::Jtf) => "Oikeudenmukaisen siirtymän rahasto",
            (Lang::En, Fund::Esr) => "European Social Fund",
            (Lang::En, Fund::Eakr) => "European Regional Development Fund",
            (Lang::En, Fund::EsrPlus) => "European Social Fund Plus",
            (Lang::En, Fund::Jtf) => "Just Transition Fund",
            (Lang::Sv, fund) => sv_tables::fund(fund).1,
        };
        format!("{} ({name})", self.fund_code(fund))
    }
}
