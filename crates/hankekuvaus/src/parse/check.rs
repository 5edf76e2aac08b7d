//! Cross-field diagnostics: missing sections and fields, a description cut short, funding
//! sums that contradict each other, an end before the start.

use super::tree::{Parsed, SectionKind};
use super::Parser;
use crate::codes::Code;
use crate::paths::FieldPath;
use crate::{Document, Period, Severity};

impl Parser {
    /// Cross-field checks and missing parts.
    pub(super) fn check(&mut self, doc: &mut Document, sections: &[Parsed]) {
        let present: Vec<SectionKind> = sections
            .iter()
            .flat_map(|p| std::iter::once(p.kind).chain(p.sub_kinds.iter().copied()))
            .collect();
        let expected: &[(SectionKind, &str)] = match doc.kind.period {
            Some(Period::P2007_2013) => &[
                (SectionKind::Project, "1. Projekti"),
                (SectionKind::Applicant, "2. Projektin toteuttaja"),
                (
                    SectionKind::Funding,
                    "4. Projektin julkinen rahoitus, euroa",
                ),
            ],
            _ => &[
                (SectionKind::Project, "1 Hanke"),
                (SectionKind::Applicant, "2 Hakijan perustiedot"),
                (
                    SectionKind::Summary,
                    "3 Suunnitelman mukainen tiivistelmä toteutuksesta",
                ),
                (SectionKind::TargetGroups, "4 Hankkeen kohderyhmät"),
                (SectionKind::Funding, "5 Projektin julkinen rahoitus, euroa"),
                (SectionKind::Area, "6 Maantieteellinen kohdealue"),
                (
                    SectionKind::Indicators,
                    "7 Hakemusvaiheessa ilmoitettavat arviot",
                ),
                (SectionKind::Horizontal, "8 Horisontaaliset periaatteet"),
                (SectionKind::FinalReport, "9 Loppuraportin tiivistelmä"),
            ],
        };
        let last_line = sections.last().map(|p| p.section.end_line);
        let missing: Vec<usize> = (0..expected.len())
            .filter(|&i| !present.contains(&expected[i].0))
            .collect();
        for &i in &missing {
            self.diag(
                Severity::Warning,
                Code::MissingSection,
                format!("Section \"{}\" is missing.", expected[i].1),
                None,
            );
        }
        if let Some(&first) = missing.first() {
            let tail = missing.iter().enumerate().all(|(k, &i)| i == first + k)
                && *missing.last().unwrap_or(&0) == expected.len() - 1
                && first > 0;
            if tail {
                self.diag(
                    Severity::Warning,
                    Code::Truncated,
                    format!(
                        "The description ends before section \"{}\": the file may be cut short.",
                        expected[first].1
                    ),
                    last_line,
                );
            }
        }
        if present.contains(&SectionKind::Project) {
            for (value, label) in [
                (doc.project.code.is_none(), "Hankekoodi"),
                (doc.project.name.is_none(), "Hankkeen nimi"),
            ] {
                if value {
                    self.diag(
                        Severity::Warning,
                        Code::MissingField,
                        format!("The field \"{label}\" is missing or empty."),
                        None,
                    );
                }
            }
        }
        let f = doc.funding;
        if let (Some(r), Some(g)) = (f.realized_eu_state, f.granted_eu_state) {
            if r > g {
                self.diag(
                    Severity::Warning,
                    Code::RealizedAboveGranted,
                    format!("Realised EU and state funding ({r} €) is above the granted amount ({g} €)."),
                    self.field_line(FieldPath::FundingRealizedEuState),
                );
            }
        }
        if let (Some(r), Some(p)) = (f.realized_public_total, f.planned_public_total) {
            if r > p {
                self.diag(
                    Severity::Warning,
                    Code::RealizedAboveGranted,
                    format!("Realised public funding ({r} €) is above the planned total ({p} €)."),
                    self.field_line(FieldPath::FundingRealizedPublicTotal),
                );
            }
        }
        if let (Some(g), Some(p)) = (f.granted_eu_state, f.planned_public_total) {
            if g > p {
                self.diag(
                    Severity::Warning,
                    Code::EuStateAboveTotal,
                    format!("Granted EU and state funding ({g} €) is above the planned public total ({p} €), which includes it."),
                    self.field_line(FieldPath::FundingGrantedEuState),
                );
            }
        }
        if let (Some(start), Some(end)) = (&doc.project.start_date, &doc.project.end_date) {
            // ISO dates compare correctly as strings.
            if end < start {
                self.diag(
                    Severity::Error,
                    Code::EndBeforeStart,
                    format!("The project ends ({end}) before it starts ({start})."),
                    self.field_line(FieldPath::ProjectStartDate),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{codes, parse};

    #[test]
    fn funding_above_its_total_points_at_the_field() {
        let doc = parse(
            "5 Projektin julkinen rahoitus, euroa\nMyönnetty EU- ja valtion rahoitus: 100\n\
             Toteutunut EU- ja valtion rahoitus: 150\nSuunniteltu julkinen rahoitus yhteensä: 90\n",
        );
        let c = codes(&doc);
        assert!(c.contains(&("realized-above-granted", Some(4))), "{c:?}");
        assert!(c.contains(&("eu-state-above-total", Some(3))), "{c:?}");
    }

    #[test]
    fn end_before_start_and_missing_fields() {
        let doc = parse("1 Hanke\nToteutusaika: 1.1.2020 - 1.1.2019\n");
        let c = codes(&doc);
        assert!(c.contains(&("end-before-start", Some(3))), "{c:?}");
        // Code and name are missing from section 1; no line to point at.
        let missing = c.iter().filter(|d| **d == ("missing-field", None)).count();
        assert_eq!(missing, 2, "{c:?}");
    }

    #[test]
    fn a_tail_of_missing_sections_means_cut_short() {
        let doc = parse("1 Hanke\nHankekoodi: S1\n2 Hakijan perustiedot\nY-tunnus: x\n");
        let c = codes(&doc);
        assert!(c.contains(&("truncated", Some(5))), "{c:?}");
        let missing = c.iter().filter(|d| d.0 == "missing-section").count();
        assert_eq!(missing, 7, "{c:?}");
    }
}
