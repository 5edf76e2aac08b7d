//! The second pass: typed fields read out of the known sections of the tree, with their
//! first lines in `field_lines`. Section 8 (gender equality, sustainability) is in
//! [`horizontal`](super::horizontal).

use super::labels::Label;
use super::tree::{Parsed, SectionKind};
use super::Parser;
use crate::codes::Code;
use crate::lines;
use crate::paths::{FieldPath, IndicatorValue, List};
use crate::{
    fields, Applicant, Area, CoImplementer, Document, Field, Funding, Indicator, Paragraph,
    Project, Section, Severity, Text,
};

impl Parser {
    /// Reads typed fields out of the known sections.
    pub(super) fn extract(&mut self, sections: &[Parsed], doc: &mut Document) {
        for parsed in sections {
            let s = &parsed.section;
            self.extract_section(parsed.kind, s, doc);
            for (sub, kind) in s.subsections.iter().zip(&parsed.sub_kinds) {
                self.extract_section(*kind, sub, doc);
            }
        }
    }

    fn extract_section(&mut self, kind: SectionKind, s: &Section, doc: &mut Document) {
        match kind {
            SectionKind::Project => self.project(s, &mut doc.project),
            SectionKind::Applicant => self.applicant(s, &mut doc.applicant),
            SectionKind::Funding => self.funding(s, &mut doc.funding),
            SectionKind::Area => self.area(s, &mut doc.area),
            SectionKind::Indicator => self.indicator(s, &mut doc.indicators),
            SectionKind::Gender => self.gender(s, &mut doc.gender_equality),
            SectionKind::Sustainability => self.sustainability(s, &mut doc.sustainability),
            SectionKind::Summary => doc.summary = self.prose(s, FieldPath::Summary),
            SectionKind::PrimaryTargets => {
                doc.target_groups.primary = self.prose(s, FieldPath::TargetGroupsPrimary);
            }
            SectionKind::IndirectTargets => {
                doc.target_groups.indirect = self.prose(s, FieldPath::TargetGroupsIndirect);
            }
            SectionKind::FinalReport => {
                doc.final_report_summary = self
                    .prose(s, FieldPath::FinalReportSummary)
                    .filter(|t| t.trim() != "-");
            }
            SectionKind::Unknown => {
                let number = s.number.as_deref().unwrap_or("");
                let title = s.title.as_deref().unwrap_or("");
                self.diag(
                    Severity::Info,
                    Code::UnknownSection,
                    format!("Section {number} \"{title}\" is not a known section; it is kept in the section tree."),
                    Some(s.line),
                );
                self.unknown_fields(s, s.fields.iter());
            }
            SectionKind::TargetGroups
            | SectionKind::Indicators
            | SectionKind::Horizontal
            | SectionKind::AreaAndTargets
            | SectionKind::Preamble => self.unknown_fields(s, s.fields.iter()),
        }
    }

    fn unknown_fields<'f>(&mut self, s: &Section, fields: impl Iterator<Item = &'f Field>) {
        let mut fields = fields.peekable();
        // Most sections have no unknown field: the place is written only for one that has.
        if fields.peek().is_none() {
            return;
        }
        let where_ = match (&s.number, &s.title) {
            (Some(n), Some(t)) => format!("section {n} \"{t}\""),
            _ => "the header".to_owned(),
        };
        for f in fields {
            self.diag(
                Severity::Info,
                Code::UnknownField,
                format!(
                    "Unknown field \"{}\" in {where_}; it is kept in the section tree.",
                    f.label
                ),
                Some(f.line),
            );
        }
    }

    /// Paragraphs joined by a blank line, sharing their string; records the first line.
    fn prose(&mut self, s: &Section, path: FieldPath) -> Option<Text> {
        let first = s.paragraphs.first()?;
        self.line(path, first.line);
        Some(joined(&s.paragraphs, "\n\n"))
    }

    /// Goes through a section's fields, calling `set` for those with a known label; `set`
    /// returns false for a label this section does not have. Reports unknown and repeated
    /// labels.
    fn each_field(&mut self, s: &Section, mut set: impl FnMut(&mut Self, Label, &Field) -> bool) {
        // Known labels are few (about thirty), so a small list with each first line is enough
        // and keeps a file of many repeated fields linear.
        let mut seen: Vec<(Label, u32)> = Vec::with_capacity(s.fields.len());
        for f in &s.fields {
            let Some(label) = Label::from_written(&f.label) else {
                self.unknown_fields(s, std::iter::once(f));
                continue;
            };
            if let Some(&(_, first)) = seen.iter().find(|(l, _)| *l == label) {
                self.diag(
                    Severity::Warning,
                    Code::DuplicateField,
                    format!(
                        "\"{}\" appears again; the first value (line {first}) is used.",
                        f.label
                    ),
                    Some(f.line),
                );
                continue;
            }
            if set(self, label, f) {
                seen.push((label, f.line));
            } else {
                self.unknown_fields(s, std::iter::once(f));
            }
        }
    }

    fn project(&mut self, s: &Section, p: &mut Project) {
        self.each_field(s, |me, label, f| {
            let v = non_empty(&f.value);
            let key = match label {
                Label::Code => {
                    p.code = v.map(|v| shared(&f.value, v));
                    FieldPath::ProjectCode
                }
                Label::Name => {
                    p.name = v.map(|v| shared(&f.value, v));
                    FieldPath::ProjectName
                }
                Label::PriorityAxis => {
                    p.priority_axis = v.map(fields::numbered);
                    FieldPath::ProjectPriorityAxis
                }
                Label::SpecificObjective => {
                    p.specific_objective = v.map(fields::numbered);
                    FieldPath::ProjectSpecificObjective
                }
                Label::Period => {
                    if let Some(v) = v {
                        me.period_value(v, f.line, p);
                    }
                    FieldPath::ProjectStartDate
                }
                Label::Status => {
                    p.status_text = v.map(|v| shared(&f.value, v));
                    p.status = v.and_then(fields::status);
                    if let (Some(v), None) = (v, p.status) {
                        me.diag(
                            Severity::Info,
                            Code::UnknownValue,
                            format!("Status \"{v}\" is neither \"Toiminta päättynyt\" nor \"Toiminnassa\"."),
                            Some(f.line),
                        );
                    }
                    FieldPath::ProjectStatus
                }
                Label::Authority => {
                    p.responsible_authority = v.map(|v| shared(&f.value, v));
                    FieldPath::ProjectResponsibleAuthority
                }
                _ => return false,
            };
            me.line(key, f.line);
            true
        });
    }

    fn period_value(&mut self, v: &str, line: u32, p: &mut Project) {
        let words = fields::date_words(v);
        let read = |me: &mut Self, word: Option<&&str>, which: &str| -> Option<String> {
            let word = word?;
            match fields::finnish_date(word) {
                Ok(iso) => Some(iso),
                Err(why) => {
                    me.diag(
                        Severity::Error,
                        Code::BadDate,
                        format!("The {which} date \"{word}\" cannot be read: {why}."),
                        Some(line),
                    );
                    None
                }
            }
        };
        p.start_date = read(self, words.first(), "start");
        p.end_date = read(self, words.get(1), "end");
        if words.len() < 2 {
            self.diag(
                Severity::Error,
                Code::BadDate,
                format!("The period \"{v}\" does not have a start and an end date (d.m.yyyy)."),
                Some(line),
            );
        }
        self.line(FieldPath::ProjectEndDate, line);
    }

    fn applicant(&mut self, s: &Section, a: &mut Applicant) {
        // Co-implementers: the lines after an "Osatoteuttajat" line, as "Name, Y-tunnus".
        let mut list_from: Option<u32> = None;
        self.each_field(s, |me, label, f| {
            let v = non_empty(&f.value);
            let owned = v.map(|v| shared(&f.value, v));
            let key = match label {
                Label::ApplicantName => {
                    a.name = owned;
                    FieldPath::ApplicantName
                }
                Label::OrganisationType => {
                    a.organisation_type = owned;
                    FieldPath::ApplicantOrganisationType
                }
                Label::BusinessId => {
                    a.business_id = owned;
                    a.business_id_valid = v.map(fields::business_id_valid);
                    if let (Some(id), Some(false)) = (v, a.business_id_valid) {
                        me.bad_business_id(id, "The applicant's", f.line);
                    }
                    FieldPath::ApplicantBusinessId
                }
                Label::StreetAddress => {
                    a.street_address = owned;
                    FieldPath::ApplicantStreetAddress
                }
                Label::PostalCode => {
                    a.postal_code = owned;
                    FieldPath::ApplicantPostalCode
                }
                Label::City => {
                    a.city = owned;
                    FieldPath::ApplicantCity
                }
                Label::Phone => {
                    a.phone = owned;
                    FieldPath::ApplicantPhone
                }
                Label::Website => {
                    a.website = owned;
                    FieldPath::ApplicantWebsite
                }
                Label::ContactName => {
                    a.contact.name = owned;
                    FieldPath::ApplicantContactName
                }
                Label::ContactPosition => {
                    a.contact.position = owned;
                    FieldPath::ApplicantContactPosition
                }
                Label::ContactEmail => {
                    a.contact.email = v.map(|v| match fields::email(v) {
                        // Most addresses are as written: shared then.
                        Ok(e) if e == v => shared(&f.value, v),
                        Ok(e) => Text::from(e),
                        Err(e) => {
                            me.diag(
                                Severity::Warning,
                                Code::BadEmail,
                                format!("\"{v}\" does not look like an e-mail address."),
                                Some(f.line),
                            );
                            Text::from(e)
                        }
                    });
                    FieldPath::ApplicantContactEmail
                }
                Label::ContactPhone => {
                    a.contact.phone = owned;
                    FieldPath::ApplicantContactPhone
                }
                Label::Joint => {
                    a.joint_project = v.and_then(fields::joint_project);
                    FieldPath::ApplicantJointProject
                }
                Label::CoImplementers => {
                    list_from = Some(f.line);
                    if let Some(v) = v {
                        me.co_implementer(&f.value, v, f.line, &mut a.co_implementers);
                    }
                    FieldPath::ApplicantCoImplementers
                }
                _ => return false,
            };
            me.line(key, f.line);
            true
        });
        for p in &s.paragraphs {
            for (k, text) in lines::split_lf(&p.text).enumerate() {
                let line = p.line + k as u32;
                let heading = lines::with_normalized(text, |norm| {
                    norm.trim_end_matches(':') == "osatoteuttajat"
                });
                if heading {
                    list_from = Some(line);
                    self.line(FieldPath::ApplicantCoImplementers, line);
                } else if list_from.is_some_and(|from| line > from) {
                    self.co_implementer(&p.text, text, line, &mut a.co_implementers);
                }
            }
        }
    }

    /// A co-implementer's line `text`, a part of `source` (whose string its texts share).
    fn co_implementer(
        &mut self,
        source: &Text,
        text: &str,
        line: u32,
        list: &mut Vec<CoImplementer>,
    ) {
        let (name, id) = match text.rsplit_once(',') {
            Some((name, id)) if fields::looks_like_business_id(id) => {
                (name.trim(), Some(id.trim()))
            }
            _ => (text.trim(), None),
        };
        let valid = id.map(fields::business_id_valid);
        if let (Some(id), Some(false)) = (id, valid) {
            self.bad_business_id(id, &format!("Co-implementer \"{name}\"'s"), line);
        }
        self.item_line(List::CoImplementers, list.len(), line);
        list.push(CoImplementer {
            name: shared(source, name),
            business_id: id.map(|id| shared(source, id)),
            business_id_valid: valid,
        });
    }

    pub(super) fn bad_business_id(&mut self, id: &str, whose: &str, line: u32) {
        self.diag(
            Severity::Warning,
            Code::BadBusinessId,
            format!("{whose} Y-tunnus \"{id}\" is not valid: expected seven digits, a hyphen and the right check digit."),
            Some(line),
        );
    }

    fn funding(&mut self, s: &Section, fu: &mut Funding) {
        self.each_field(s, |me, label, f| {
            let (slot, key) = match label {
                Label::GrantedEuState => {
                    (&mut fu.granted_eu_state, FieldPath::FundingGrantedEuState)
                }
                Label::RealizedEuState => {
                    (&mut fu.realized_eu_state, FieldPath::FundingRealizedEuState)
                }
                Label::PlannedPublicTotal => (
                    &mut fu.planned_public_total,
                    FieldPath::FundingPlannedPublicTotal,
                ),
                Label::RealizedPublicTotal => (
                    &mut fu.realized_public_total,
                    FieldPath::FundingRealizedPublicTotal,
                ),
                _ => return false,
            };
            match fields::amount(&f.value) {
                Ok(v) => *slot = v,
                Err(why) => me.diag(
                    Severity::Error,
                    Code::BadAmount,
                    format!(
                        "\"{}\" of {} cannot be read as an amount: {why}.",
                        f.value, f.label
                    ),
                    Some(f.line),
                ),
            }
            me.line(key, f.line);
            true
        });
    }

    fn area(&mut self, s: &Section, a: &mut Area) {
        if s.paragraphs
            .iter()
            .any(|p| lines::with_normalized(&p.text, |t| lines::contains(t, "valtakunnallinen")))
        {
            a.national = true;
        }
        self.each_field(s, |me, label, f| {
            // Only the site's fields keep the value as it is (the lists split it).
            let v = || non_empty(&f.value).map(|v| shared(&f.value, v));
            let key = match label {
                Label::Regions => {
                    a.regions = fields::list(&f.value);
                    FieldPath::AreaRegions
                }
                Label::SubRegions => {
                    a.sub_regions = fields::list(&f.value);
                    FieldPath::AreaSubRegions
                }
                Label::Municipalities => {
                    a.municipalities = fields::list(&f.value);
                    FieldPath::AreaMunicipalities
                }
                Label::StreetAddress => {
                    a.site.street_address = v();
                    FieldPath::AreaSiteStreetAddress
                }
                Label::PostalCode => {
                    a.site.postal_code = v();
                    FieldPath::AreaSitePostalCode
                }
                Label::City => {
                    a.site.city = v();
                    FieldPath::AreaSiteCity
                }
                _ => return false,
            };
            me.line(key, f.line);
            true
        });
    }

    fn indicator(&mut self, s: &Section, list: &mut Vec<Indicator>) {
        let index = list.len();
        let mut ind = Indicator {
            number: s.number.as_deref().map(str::to_owned),
            name: s.title.as_deref().unwrap_or_default().to_owned(),
            planned: None,
            realized: None,
        };
        self.item_line(List::Indicators, index, s.line);
        self.each_field(s, |me, label, f| {
            let (slot, which) = match label {
                Label::Planned => (&mut ind.planned, IndicatorValue::Planned),
                Label::Realized => (&mut ind.realized, IndicatorValue::Realized),
                _ => return false,
            };
            match fields::number(&f.value) {
                Ok(v) => *slot = v,
                Err(why) => me.diag(
                    Severity::Error,
                    Code::BadNumber,
                    format!(
                        "\"{}\" of indicator \"{}\" cannot be read: {why}.",
                        f.value, ind.name
                    ),
                    Some(f.line),
                ),
            }
            me.item_line(List::IndicatorValues(which), index, f.line);
            true
        });
        list.push(ind);
    }
}

/// The paragraphs' texts joined by `separator`: a range of their section's string when
/// that is how they stand in it (see [`Text::joined`]).
pub(super) fn joined(paragraphs: &[Paragraph], separator: &str) -> Text {
    Text::joined(paragraphs.iter().map(|p| &p.text), separator)
}

/// `part`, a slice of `source`'s text, as a text sharing `source`'s string.
fn shared(source: &Text, part: &str) -> Text {
    source.slice_of(part).unwrap_or_else(|| Text::from(part))
}

fn non_empty(v: &str) -> Option<&str> {
    let v = v.trim();
    (!v.is_empty()).then_some(v)
}

#[cfg(test)]
mod tests;
