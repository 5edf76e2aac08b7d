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

/// A typed field's JSON path. Some paths only name a label shown over several fields
/// (their doc comments say so); the others key `field_lines`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum FieldPath {
    /// `project.code`: The project code (Hankekoodi).
    ProjectCode,
    /// `project.name`: The project's name.
    ProjectName,
    /// `project.priority_axis`: Toimintalinja, the priority axis.
    ProjectPriorityAxis,
    /// `project.specific_objective`: Erityistavoite, the specific objective.
    ProjectSpecificObjective,
    /// `project.period`: The start and end dates together: a label only; lines are under the two dates.
    ProjectPeriod,
    /// `project.start_date`: The start date.
    ProjectStartDate,
    /// `project.end_date`: The end date.
    ProjectEndDate,
    /// `project.status`: Toiminnan tila, the status.
    ProjectStatus,
    /// `project.responsible_authority`: Vastuuviranomainen, the responsible authority.
    ProjectResponsibleAuthority,
    /// `kind.fund`: The fund: a label only, read from the title line or the code.
    KindFund,
    /// `applicant.name`: The applicant's official name.
    ApplicantName,
    /// `applicant.organisation_type`: The applicant's organisation type.
    ApplicantOrganisationType,
    /// `applicant.business_id`: The applicant's Y-tunnus (business ID).
    ApplicantBusinessId,
    /// `applicant.street_address`: The applicant's street address.
    ApplicantStreetAddress,
    /// `applicant.postal_code`: The applicant's postal code.
    ApplicantPostalCode,
    /// `applicant.city`: The applicant's post office.
    ApplicantCity,
    /// `applicant.phone`: The applicant's phone number.
    ApplicantPhone,
    /// `applicant.website`: The applicant's website.
    ApplicantWebsite,
    /// `applicant.contact.name`: The contact person's name.
    ApplicantContactName,
    /// `applicant.contact.position`: The contact person's position.
    ApplicantContactPosition,
    /// `applicant.contact.email`: The contact person's e-mail address.
    ApplicantContactEmail,
    /// `applicant.contact.phone`: The contact person's phone number.
    ApplicantContactPhone,
    /// `applicant.joint_project`: Whether the project is a joint one (co-implementers).
    ApplicantJointProject,
    /// `applicant.co_implementers`: The co-implementers list; each item is [`co_implementer`].
    ApplicantCoImplementers,
    /// `funding.granted_eu_state`: EU and state funding granted.
    FundingGrantedEuState,
    /// `funding.realized_eu_state`: EU and state funding realised.
    FundingRealizedEuState,
    /// `funding.planned_public_total`: Total public funding planned.
    FundingPlannedPublicTotal,
    /// `funding.realized_public_total`: Total public funding realised.
    FundingRealizedPublicTotal,
    /// `area.national`: The project covers the whole country.
    AreaNational,
    /// `area.regions`: Maakunnat, the regions.
    AreaRegions,
    /// `area.sub_regions`: Seutukunnat, the sub-regions.
    AreaSubRegions,
    /// `area.municipalities`: Kunnat, the municipalities.
    AreaMunicipalities,
    /// `area.site`: The site's address: a label only; lines are under its parts.
    AreaSite,
    /// `area.site.street_address`: The site's street address.
    AreaSiteStreetAddress,
    /// `area.site.postal_code`: The site's postal code.
    AreaSitePostalCode,
    /// `area.site.city`: The site's post office.
    AreaSiteCity,
    /// `indicators.planned`: An indicator's planned value: a label only; lines are under [`indicator_value`].
    IndicatorsPlanned,
    /// `indicators.realized`: An indicator's realised value: a label only; lines are under [`indicator_value`].
    IndicatorsRealized,
    /// `gender_equality.analysis_done`: The answer to the gender-analysis question.
    GenderEqualityAnalysisDone,
    /// `gender_equality.analysis_text`: The explanation under the gender-analysis question.
    GenderEqualityAnalysisText,
    /// `gender_equality.mainstreamed`: The answer to the mainstreaming question.
    GenderEqualityMainstreamed,
    /// `gender_equality.mainstreaming_text`: The explanation under the mainstreaming question.
    GenderEqualityMainstreamingText,
    /// `gender_equality.main_goal`: The answer to the main-goal question.
    GenderEqualityMainGoal,
    /// `gender_equality.main_goal_text`: The explanation under the main-goal question.
    GenderEqualityMainGoalText,
    /// `summary`: Section 3, the planned summary.
    Summary,
    /// `target_groups.primary`: The primary target groups.
    TargetGroupsPrimary,
    /// `target_groups.indirect`: The indirect target groups.
    TargetGroupsIndirect,
    /// `final_report_summary`: Section 9, the final report's summary.
    FinalReportSummary,
}

/// Each path with its string: the one table both directions read.
const TABLE: [(FieldPath, &str); 48] = [
    (FieldPath::ProjectCode, "project.code"),
    (FieldPath::ProjectName, "project.name"),
    (FieldPath::ProjectPriorityAxis, "project.priority_axis"),
    (
        FieldPath::ProjectSpecificObjective,
        "project.specific_objective",
    ),
    (FieldPath::ProjectPeriod, "project.period"),
    (FieldPath::ProjectStartDate, "project.start_date"),
    (FieldPath::ProjectEndDate, "project.end_date"),
    (FieldPath::ProjectStatus, "project.status"),
    (
        FieldPath::ProjectResponsibleAuthority,
        "project.responsible_authority",
    ),
    (FieldPath::KindFund, "kind.fund"),
    (FieldPath::ApplicantName, "applicant.name"),
    (
        FieldPath::ApplicantOrganisationType,
        "applicant.organisation_type",
    ),
    (FieldPath::ApplicantBusinessId, "applicant.business_id"),
    (
        FieldPath::ApplicantStreetAddress,
        "applicant.street_address",
    ),
    (FieldPath::ApplicantPostalCode, "applicant.postal_code"),
    (FieldPath::ApplicantCity, "applicant.city"),
    (FieldPath::ApplicantPhone, "applicant.phone"),
    (FieldPath::ApplicantWebsite, "applicant.website"),
    (FieldPath::ApplicantContactName, "applicant.contact.name"),
    (
        FieldPath::ApplicantContactPosition,
        "applicant.contact.position",
    ),
    (FieldPath::ApplicantContactEmail, "applicant.contact.email"),
    (FieldPath::ApplicantContactPhone, "applicant.contact.phone"),
    (FieldPath::ApplicantJointProject, "applicant.joint_project"),
    (
        FieldPath::ApplicantCoImplementers,
        "applicant.co_implementers",
    ),
    (FieldPath::FundingGrantedEuState, "funding.granted_eu_state"),
    (
        FieldPath::FundingRealizedEuState,
        "funding.realized_eu_state",
    ),
    (
        FieldPath::FundingPlannedPublicTotal,
        "funding.planned_public_total",
    ),
    (
        FieldPath::FundingRealizedPublicTotal,
        "funding.realized_public_total",
    ),
    (FieldPath::AreaNational, "area.national"),
    (FieldPath::AreaRegions, "area.regions"),
    (FieldPath::AreaSubRegions, "area.sub_regions"),
    (FieldPath::AreaMunicipalities, "area.municipalities"),
    (FieldPath::AreaSite, "area.site"),
    (FieldPath::AreaSiteStreetAddress, "area.site.street_address"),
    (FieldPath::AreaSitePostalCode, "area.site.postal_code"),
    (FieldPath::AreaSiteCity, "area.site.city"),
    (FieldPath::IndicatorsPlanned, "indicators.planned"),
    (FieldPath::IndicatorsRealized, "indicators.realized"),
    (
        FieldPath::GenderEqualityAnalysisDone,
        "gender_equality.analysis_done",
    ),
    (
        FieldPath::GenderEqualityAnalysisText,
        "gender_equality.analysis_text",
    ),
    (
        FieldPath::GenderEqualityMainstreamed,
        "gender_equality.mainstreamed",
    ),
    (
        FieldPath::GenderEqualityMainstreamingText,
        "gender_equality.mainstreaming_text",
    ),
    (
        FieldPath::GenderEqualityMainGoal,
        "gender_equality.main_goal",
    ),
    (
        FieldPath::GenderEqualityMainGoalText,
        "gender_equality.main_goal_text",
    ),
    (FieldPath::Summary, "summary"),
    (FieldPath::TargetGroupsPrimary, "target_groups.primary"),
    (FieldPath::TargetGroupsIndirect, "target_groups.indirect"),
    (FieldPath::FinalReportSummary, "final_report_summary"),
];

impl FieldPath {
    /// Every path, in declaration order.
    pub const ALL: [FieldPath; TABLE.len()] = {
        let mut all = [FieldPath::ProjectCode; TABLE.len()];
        let mut i = 0;
        while i < TABLE.len() {
            all[i] = TABLE[i].0;
            i += 1;
        }
        all
    };

    /// The path as written in JSON and in `field_lines`, e.g. `applicant.contact.email`.
    pub const fn as_str(self) -> &'static str {
        // TABLE is in declaration order, which `every_path_is_in_the_table_in_order` checks.
        TABLE[self as usize].1
    }

    /// The path written `s`, if it is a fixed one.
    pub fn parse(s: &str) -> Option<FieldPath> {
        TABLE.iter().find(|(_, t)| *t == s).map(|(p, _)| *p)
    }
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `index`th co-implementer: `applicant.co_implementers.{index}`.
pub fn co_implementer(index: usize) -> String {
    format!("{}.{index}", FieldPath::ApplicantCoImplementers.as_str())
}

/// The `index`th indicator (its heading line): `indicators.{index}`.
pub fn indicator(index: usize) -> String {
    format!("indicators.{index}")
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
    format!("indicators.{index}.{}", which.as_str())
}

/// The `index`th sustainability item of section 8.2: `sustainability.{index}`.
pub fn sustainability_item(index: usize) -> String {
    format!("sustainability.{index}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_is_in_the_table_in_order() {
        for (i, (path, text)) in TABLE.iter().enumerate() {
            assert_eq!(*path as usize, i, "{text}");
            assert_eq!(FieldPath::parse(text), Some(*path));
        }
        assert_eq!(FieldPath::ALL.len(), TABLE.len());
        assert_eq!(FieldPath::FinalReportSummary as usize, TABLE.len() - 1);
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
    }
}
