//! The registry of field paths: the one place where the JSON paths of the typed fields are
//! spelled. They key [`Document::field_lines`](crate::Document::field_lines), the viewer's
//! jumps to the source, its labels and its components, so a field is renamed here only.
//!
//! Fixed fields are [`FieldPath`]s; items of lists have indexed paths built by
//! [`co_implementer`], [`indicator`], [`indicator_value`] and [`sustainability_item`].
//!
//! ```
//! use hankekuvaus::paths::{self, FieldPath};
//! assert_eq!(FieldPath::FundingGrantedEuState.as_str(), "funding.granted_eu_state");
//! assert_eq!(FieldPath::parse("project.code"), Some(FieldPath::ProjectCode));
//! assert_eq!(paths::indicator_value(1, paths::IndicatorValue::Planned), "indicators.1.planned");
//! ```

use crate::string_enum::string_enum;

string_enum! {
    /// A typed field's JSON path. Some paths only name a label shown over several fields
    /// (their doc comments say so); the others key `field_lines`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum FieldPath {
        /// `project.code`: The project code (Hankekoodi).
        ProjectCode = "project.code",
        /// `project.name`: The project's name.
        ProjectName = "project.name",
        /// `project.priority_axis`: Toimintalinja, the priority axis.
        ProjectPriorityAxis = "project.priority_axis",
        /// `project.specific_objective`: Erityistavoite, the specific objective.
        ProjectSpecificObjective = "project.specific_objective",
        /// `project.period`: The start and end dates together: a label only; lines are under the two dates.
        ProjectPeriod = "project.period",
        /// `project.start_date`: The start date.
        ProjectStartDate = "project.start_date",
        /// `project.end_date`: The end date.
        ProjectEndDate = "project.end_date",
        /// `project.status`: Toiminnan tila, the status.
        ProjectStatus = "project.status",
        /// `project.responsible_authority`: Vastuuviranomainen, the responsible authority.
        ProjectResponsibleAuthority = "project.responsible_authority",
        /// `kind.fund`: The fund: a label only, read from the title line or the code.
        KindFund = "kind.fund",
        /// `applicant.name`: The applicant's official name.
        ApplicantName = "applicant.name",
        /// `applicant.organisation_type`: The applicant's organisation type.
        ApplicantOrganisationType = "applicant.organisation_type",
        /// `applicant.business_id`: The applicant's Y-tunnus (business ID).
        ApplicantBusinessId = "applicant.business_id",
        /// `applicant.street_address`: The applicant's street address.
        ApplicantStreetAddress = "applicant.street_address",
        /// `applicant.postal_code`: The applicant's postal code.
        ApplicantPostalCode = "applicant.postal_code",
        /// `applicant.city`: The applicant's post office.
        ApplicantCity = "applicant.city",
        /// `applicant.phone`: The applicant's phone number.
        ApplicantPhone = "applicant.phone",
        /// `applicant.website`: The applicant's website.
        ApplicantWebsite = "applicant.website",
        /// `applicant.contact.name`: The contact person's name.
        ApplicantContactName = "applicant.contact.name",
        /// `applicant.contact.position`: The contact person's position.
        ApplicantContactPosition = "applicant.contact.position",
        /// `applicant.contact.email`: The contact person's e-mail address.
        ApplicantContactEmail = "applicant.contact.email",
        /// `applicant.contact.phone`: The contact person's phone number.
        ApplicantContactPhone = "applicant.contact.phone",
        /// `applicant.joint_project`: Whether the project is a joint one (co-implementers).
        ApplicantJointProject = "applicant.joint_project",
        /// `applicant.co_implementers`: The co-implementers list; each item is [`co_implementer`].
        ApplicantCoImplementers = "applicant.co_implementers",
        /// `funding.granted_eu_state`: EU and state funding granted.
        FundingGrantedEuState = "funding.granted_eu_state",
        /// `funding.realized_eu_state`: EU and state funding realised.
        FundingRealizedEuState = "funding.realized_eu_state",
        /// `funding.planned_public_total`: Total public funding planned.
        FundingPlannedPublicTotal = "funding.planned_public_total",
        /// `funding.realized_public_total`: Total public funding realised.
        FundingRealizedPublicTotal = "funding.realized_public_total",
        /// `area.national`: The project covers the whole country.
        AreaNational = "area.national",
        /// `area.regions`: Maakunnat, the regions.
        AreaRegions = "area.regions",
        /// `area.sub_regions`: Seutukunnat, the sub-regions.
        AreaSubRegions = "area.sub_regions",
        /// `area.municipalities`: Kunnat, the municipalities.
        AreaMunicipalities = "area.municipalities",
        /// `area.site`: The site's address: a label only; lines are under its parts.
        AreaSite = "area.site",
        /// `area.site.street_address`: The site's street address.
        AreaSiteStreetAddress = "area.site.street_address",
        /// `area.site.postal_code`: The site's postal code.
        AreaSitePostalCode = "area.site.postal_code",
        /// `area.site.city`: The site's post office.
        AreaSiteCity = "area.site.city",
        /// `indicators.planned`: An indicator's planned value: a label only; lines are under [`indicator_value`].
        IndicatorsPlanned = "indicators.planned",
        /// `indicators.realized`: An indicator's realised value: a label only; lines are under [`indicator_value`].
        IndicatorsRealized = "indicators.realized",
        /// `gender_equality.analysis_done`: The answer to the gender-analysis question.
        GenderEqualityAnalysisDone = "gender_equality.analysis_done",
        /// `gender_equality.analysis_text`: The explanation under the gender-analysis question.
        GenderEqualityAnalysisText = "gender_equality.analysis_text",
        /// `gender_equality.mainstreamed`: The answer to the mainstreaming question.
        GenderEqualityMainstreamed = "gender_equality.mainstreamed",
        /// `gender_equality.mainstreaming_text`: The explanation under the mainstreaming question.
        GenderEqualityMainstreamingText = "gender_equality.mainstreaming_text",
        /// `gender_equality.main_goal`: The answer to the main-goal question.
        GenderEqualityMainGoal = "gender_equality.main_goal",
        /// `gender_equality.main_goal_text`: The explanation under the main-goal question.
        GenderEqualityMainGoalText = "gender_equality.main_goal_text",
        /// `summary`: Section 3, the planned summary.
        Summary = "summary",
        /// `target_groups.primary`: The primary target groups.
        TargetGroupsPrimary = "target_groups.primary",
        /// `target_groups.indirect`: The indirect target groups.
        TargetGroupsIndirect = "target_groups.indirect",
        /// `final_report_summary`: Section 9, the final report's summary.
        FinalReportSummary = "final_report_summary",
    }
}

/// `{prefix}.{index}`, then `.{suffix}` unless it is empty. Written out rather than with
/// `format!`, whose machinery costs several times more for these short paths (the parser
/// makes one for every list item).
fn indexed(prefix: &str, index: usize, suffix: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + suffix.len() + 8);
    out.push_str(prefix);
    out.push('.');
    push_decimal(&mut out, index);
    if !suffix.is_empty() {
        out.push('.');
        out.push_str(suffix);
    }
    out
}

/// Appends `n` in decimal digits.
fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// The `index`th co-implementer: `applicant.co_implementers.{index}`.
pub fn co_implementer(index: usize) -> String {
    indexed(FieldPath::ApplicantCoImplementers.as_str(), index, "")
}

/// The `index`th indicator (its heading line): `indicators.{index}`.
pub fn indicator(index: usize) -> String {
    indexed("indicators", index, "")
}

/// Which value of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorValue {
    /// Suunniteltu, the planned value.
    Planned,
    /// Toteutunut, the realised value.
    Realized,
}

impl IndicatorValue {
    /// The last part of the path: `planned` or `realized`.
    pub const fn as_str(self) -> &'static str {
        match self {
            IndicatorValue::Planned => "planned",
            IndicatorValue::Realized => "realized",
        }
    }
}

/// A value of the `index`th indicator: `indicators.{index}.planned` or `….realized`.
pub fn indicator_value(index: usize, which: IndicatorValue) -> String {
    indexed("indicators", index, which.as_str())
}

/// The `index`th sustainability item of section 8.2: `sustainability.{index}`.
pub fn sustainability_item(index: usize) -> String {
    indexed("sustainability", index, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_reads_back_from_its_string() {
        let mut seen = std::collections::BTreeSet::new();
        for &path in FieldPath::ALL {
            assert_eq!(FieldPath::parse(path.as_str()), Some(path));
            assert!(seen.insert(path.as_str()), "{path} twice");
        }
        assert_eq!(FieldPath::ALL.len(), 48);
    }

    #[test]
    fn indexed_paths_extend_their_parents() {
        assert_eq!(co_implementer(2), "applicant.co_implementers.2");
        assert_eq!(indicator(0), "indicators.0");
        assert_eq!(
            indicator_value(0, IndicatorValue::Realized),
            "indicators.0.realized"
        );
        assert_eq!(sustainability_item(14), "sustainability.14");
        assert_eq!(FieldPath::parse("indicators.0"), None);
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            let mut out = String::new();
            push_decimal(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
