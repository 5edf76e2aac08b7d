//! The strings of the full-text search, its facets and filters and the find bar, in Finnish,
//! Swedish and English: a table of their own, reached with [`Lang::s`].

use hankekuvaus_search::Facet;

use super::Lang;

/// The search's strings in one language.
#[derive(Debug)]
pub struct SearchTexts {
    /// Heading of the results.
    pub results: &'static str,
    /// One hit.
    pub hit_one: &'static str,
    /// Several hits, after the number.
    pub hit_many: &'static str,
    /// Shows more results.
    pub show_more: &'static str,
    /// Before a query's error.
    pub query_error: &'static str,
    /// How to write a query, under the search field.
    pub query_help: &'static str,
    /// Heading of the facets.
    pub facets: &'static str,
    /// Facet names, in [`Facet::ALL`] order.
    pub facet_names: [&'static str; 10],
    /// After the number of values left out.
    pub more_values: &'static str,
    /// The funding range's legend.
    pub granted_range: &'static str,
    /// Its lower bound.
    pub at_least: &'static str,
    /// Its upper bound.
    pub at_most: &'static str,
    /// A bound that is not an amount.
    pub not_an_amount: &'static str,
    /// The organisation filter.
    pub organisation: &'static str,
    /// Its placeholder.
    pub organisation_hint: &'static str,
    /// Label of the find bar.
    pub find: &'static str,
    /// The previous hit.
    pub previous: &'static str,
    /// The next hit.
    pub next: &'static str,
    /// The keys of the find bar.
    pub find_keys: &'static str,
    /// No hit shown in the document's open tab.
    pub no_hits_here: &'static str,
    /// Documents waiting to be indexed, after the number.
    pub indexing: &'static str,
}

impl SearchTexts {
    /// "1 osuma", "12 osumaa".
    pub fn hits(&self, n: u32) -> String {
        if n == 1 {
            format!("1 {}", self.hit_one)
        } else {
            format!("{n} {}", self.hit_many)
        }
    }

    /// The name of a facet.
    pub fn facet(&self, facet: Facet) -> &'static str {
        let i = Facet::ALL.iter().position(|&f| f == facet).unwrap_or(0);
        self.facet_names[i]
    }
}

const FI: SearchTexts = SearchTexts {
    results: "Hakutulokset",
    hit_one: "osuma",
    hit_many: "osumaa",
    show_more: "Näytä lisää",
    query_error: "Hakua ei voi lukea:",
    query_help: "Kaikki sanat; \"sanat peräkkäin\"; OR; -pois; kenttä: kunta:, toteuttaja:, \
                 maakunta:, tiivistelmä:, kohderyhmä:, rahasto:, vuosi:",
    facets: "Rajaa",
    facet_names: [
        "Maakunta",
        "Seutukunta",
        "Kunta",
        "Organisaatiotyyppi",
        "Vastuuviranomainen",
        "Rahasto",
        "Ohjelmakausi",
        "Tila",
        "Aloitusvuosi",
        "Toimintalinja",
    ],
    more_values: "muuta",
    granted_range: "Myönnetty EU- ja valtion rahoitus (€)",
    at_least: "Vähintään",
    at_most: "Enintään",
    not_an_amount: "Ei summa: kirjoita euroina, esim. 250 000",
    organisation: "Organisaatio",
    organisation_hint: "Nimi tai Y-tunnus",
    find: "Osumat asiakirjassa",
    previous: "Edellinen osuma",
    next: "Seuraava osuma",
    find_keys: "Enter, Vaihto+Enter, F3",
    no_hits_here: "Ei osumia tällä välilehdellä",
    indexing: "odottaa hakuun",
};

const EN: SearchTexts = SearchTexts {
    results: "Search results",
    hit_one: "hit",
    hit_many: "hits",
    show_more: "Show more",
    query_error: "The query cannot be read:",
    query_help: "All words; \"words in a row\"; OR; -left out; fields: kunta:, toteuttaja:, \
                 maakunta:, tiivistelmä:, kohderyhmä:, rahasto:, vuosi:",
    facets: "Refine",
    facet_names: [
        "Region",
        "Sub-region",
        "Municipality",
        "Organisation type",
        "Responsible authority",
        "Fund",
        "Programme period",
        "Status",
        "Start year",
        "Priority axis",
    ],
    more_values: "more",
    granted_range: "Granted EU and state funding (€)",
    at_least: "At least",
    at_most: "At most",
    not_an_amount: "Not an amount: write euros, e.g. 250 000",
    organisation: "Organisation",
    organisation_hint: "Name or Business ID (Y-tunnus)",
    find: "Hits in the document",
    previous: "Previous hit",
    next: "Next hit",
    find_keys: "Enter, Shift+Enter, F3",
    no_hits_here: "No hits in this tab",
    indexing: "waiting to be searchable",
};

const SV: SearchTexts = SearchTexts {
    results: "Sökresultat",
    hit_one: "träff",
    hit_many: "träffar",
    show_more: "Visa fler",
    query_error: "Sökningen kan inte läsas:",
    query_help: "Alla ord; \"ord i följd\"; OR; -utelämnat; fält (på finska): kunta:, \
                 toteuttaja:, maakunta:, tiivistelmä:, kohderyhmä:, rahasto:, vuosi:",
    facets: "Avgränsa",
    facet_names: [
        "Landskap",
        "Ekonomisk region",
        "Kommun",
        "Organisationstyp",
        "Ansvarig myndighet",
        "Fond",
        "Programperiod",
        "Status",
        "Startår",
        "Insatsområde",
    ],
    more_values: "till",
    granted_range: "Beviljad EU- och statlig finansiering (€)",
    at_least: "Minst",
    at_most: "Högst",
    not_an_amount: "Inget belopp: skriv euro, t.ex. 250 000",
    organisation: "Organisation",
    organisation_hint: "Namn eller FO-nummer (Y-tunnus)",
    find: "Träffar i dokumentet",
    previous: "Föregående träff",
    next: "Nästa träff",
    find_keys: "Enter, Skift+Enter, F3",
    no_hits_here: "Inga träffar på den här fliken",
    indexing: "väntar på att bli sökbara",
};

impl Lang {
    /// The search's strings in this language.
    pub fn s(self) -> &'static SearchTexts {
        match self {
            Lang::Fi => &FI,
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_are_counted_in_the_right_number_and_facets_named() {
        assert_eq!(Lang::Fi.s().hits(1), "1 osuma");
        assert_eq!(Lang::Fi.s().hits(12), "12 osumaa");
        assert_eq!(Lang::En.s().hits(1), "1 hit");
        assert_eq!(Lang::En.s().hits(0), "0 hits");
        assert_eq!(Lang::En.s().facet(Facet::StartYear), "Start year");
        assert_eq!(Lang::Fi.s().facet(Facet::Region), "Maakunta");
        assert_eq!(Lang::Sv.s().hits(2), "2 träffar");
        assert_eq!(Lang::Sv.s().facet(Facet::Region), "Landskap");
    }
}
