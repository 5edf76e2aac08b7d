//! A generated programme for measuring: description texts varied from real ones and
//! list rows, always the same for the same input, and the 20 queries the benchmarks time.
//! Shared by the criterion bench and a page that measures the same in the browser.

use hankekuvaus::{Document, Kind, ListKind, Source, SourceFormat, TextEncoding};

/// The 20 queries: single words, inflected forms, phrases, OR, exclusions, fields, words
/// being typed (one, two and six letters), and a word found in nearly every document.
pub const QUERIES: [&str; 20] = [
    "maahanmuuttaja",
    "nuori",
    "kunta",
    "työllisyys",
    "\"etelä-savo\"",
    "\"Mikkelin kaupunki\"",
    "nuoret työttömät",
    "maahanmuuttajat OR nuoret",
    "kehittämishanke -mikkeli",
    "kunta:Mikkeli",
    "toteuttaja:kaupunki",
    "y-tunnus:0600598-8",
    "tiivistelmä:pilotointi",
    "rahasto:ESR vuosi:2019",
    "hanke",
    "ja",
    "m",
    "ma",
    "maahan",
    "yrit OR palv",
];

/// A deterministic pseudo-random sequence (64-bit LCG), so every run indexes the same text.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// `count` description texts: seed `i % seeds.len()` with code `S9xxxxx` and, after
/// section 3's heading, a paragraph of 120 words drawn from the seeds' vocabulary, a third
/// of them made into new compounds, so the dictionary grows as a real programme's does.
pub fn descriptions(seeds: &[String], count: usize) -> Vec<String> {
    let mut vocabulary: Vec<&str> = seeds
        .iter()
        .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() > 3)
        .collect();
    vocabulary.sort_unstable();
    vocabulary.dedup();
    let mut rng = Lcg(7);
    (0..count)
        .map(|i| {
            let seed = &seeds[i % seeds.len()];
            let mut words = Vec::with_capacity(120);
            for k in 0..120 {
                let w = vocabulary[rng.next(vocabulary.len())].to_lowercase();
                if k % 3 == 0 {
                    let tail = vocabulary[rng.next(vocabulary.len())].to_lowercase();
                    words.push(format!("{w}{tail}"));
                } else {
                    words.push(w);
                }
            }
            let code_line = seed.lines().find(|l| l.starts_with("Hankekoodi:")).unwrap();
            let heading = "3 Suunnitelman mukainen tiivistelmä toteutuksesta\n";
            seed.replacen(code_line, &format!("Hankekoodi: S9{i:05}"), 1)
                .replacen(heading, &format!("{heading}\n{}.\n", words.join(" ")), 1)
        })
        .collect()
}

/// The source of a made-up list row: line `row` of an EURA 2014 CSV list
/// `projektilista.csv` (UTF-8, with no counts or fingerprint of a real file).
pub fn list_row_source(row: u32) -> Source {
    Source {
        file_name: "projektilista.csv".into(),
        format: SourceFormat::Csv,
        encoding: TextEncoding::Utf8,
        line_count: 0,
        byte_count: 0,
        fingerprint: String::new(),
        list: Some(ListKind::Eura2014Csv),
        row: Some(row),
    }
}

/// `count` list rows: documents with code, name, applicant, authority, funding and (in a
/// third of them, as 2021–2027 exports carry one) a summary, taken from `descriptions`.
pub fn list_rows(descriptions: &[Document], count: usize) -> Vec<Document> {
    let mut rng = Lcg(11);
    (0..count)
        .map(|i| {
            let from = &descriptions[rng.next(descriptions.len())];
            let mut row = Document::new(
                list_row_source(i as u32 + 2),
                Kind {
                    fund: from.kind.fund,
                    period: from.kind.period,
                },
            );
            row.project.code = Some(format!("A{i:06}").into());
            row.project.name = from.project.name.clone();
            row.project.responsible_authority = from.project.responsible_authority.clone();
            row.applicant.name = from.applicant.name.clone();
            row.funding = from.funding;
            if i % 3 == 0 {
                row.summary = from.summary.clone();
            }
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_parses_with_distinct_codes_and_is_the_same_every_time() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/seeds");
        let mut seeds: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        seeds.sort();
        let texts = descriptions(&seeds, 12);
        assert_eq!(texts, descriptions(&seeds, 12));
        let docs: Vec<Document> = texts
            .iter()
            .map(|t| hankekuvaus::parse(t.as_bytes(), "x.txt").unwrap())
            .collect();
        let mut codes: Vec<_> = docs
            .iter()
            .map(|d| d.project.code.clone().unwrap())
            .collect();
        codes.dedup();
        assert_eq!(codes.len(), 12);
        // The generated paragraph is part of the summary: the seed's summary grew.
        let seed = hankekuvaus::parse(seeds[0].as_bytes(), "s.txt").unwrap();
        assert!(docs[0].summary.as_ref().unwrap().len() > seed.summary.unwrap().len() + 500);
        let rows = list_rows(&docs, 30);
        assert_eq!(rows.len(), 30);
        assert!(rows
            .iter()
            .all(|r| r.sections.is_empty() && r.project.name.is_some()));
        assert_eq!(rows.iter().filter(|r| r.summary.is_some()).count(), 10);
        for q in QUERIES {
            crate::Query::parse(q, true).unwrap();
        }
    }
}
