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

use std::borrow::Cow;
use std::sync::OnceLock;

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

/// A key of [`Document::field_lines`](crate::Document::field_lines): a path's text,
/// borrowed when it is a [`FieldPath`] or an item of a short list, owned otherwise.
///
/// Why not `String`: a description has about sixty typed fields, and a `String` key each
/// was about a sixth of the parser's allocations and, over 8,000 descriptions, 11 MB of
/// key text besides the allocator's overhead on every one.
pub type PathKey = Cow<'static, str>;

/// The key of `path`, borrowed when it is a fixed path or an indexed one of the first
/// [`SHARED_ITEMS`] items (as made on import, so imported documents share keys too).
pub fn key(path: String) -> PathKey {
    if let Some(fixed) = FieldPath::parse(&path) {
        return Cow::Borrowed(fixed.as_str());
    }
    match shared_item(&path) {
        Some(text) => Cow::Borrowed(text),
        None => Cow::Owned(path),
    }
}

/// The shared key that spells `path`, if it is one of the first [`SHARED_ITEMS`] items of
/// a list (`indicators.3.planned`, but not `indicators.03.planned`).
fn shared_item(path: &str) -> Option<&'static str> {
    List::ALL.iter().find_map(|&list| {
        let rest = path.strip_prefix(list.parent())?.strip_prefix('.')?;
        let digits = match list.suffix() {
            "" => rest,
            suffix => rest.strip_suffix(suffix)?.strip_suffix('.')?,
        };
        let text = list.shared().get(digits.parse::<usize>().ok()?)?;
        (text == path).then_some(text.as_str())
    })
}

/// How many items of each list have their keys made once, for every document: more than
/// the lists hold in nearly every description (15 sustainability items, a few indicators and
/// co-implementers), few enough to cost nothing (about 10 KB, made at first use).
pub const SHARED_ITEMS: usize = 64;

/// The lists whose items have indexed paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    CoImplementers,
    Indicators,
    IndicatorValues(IndicatorValue),
    Sustainability,
}

impl List {
    const ALL: [List; 5] = [
        List::CoImplementers,
        List::Indicators,
        List::IndicatorValues(IndicatorValue::Planned),
        List::IndicatorValues(IndicatorValue::Realized),
        List::Sustainability,
    ];

    fn parent(self) -> &'static str {
        match self {
            List::CoImplementers => FieldPath::ApplicantCoImplementers.as_str(),
            List::Indicators | List::IndicatorValues(_) => "indicators",
            List::Sustainability => "sustainability",
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            List::IndicatorValues(which) => which.as_str(),
            _ => "",
        }
    }

    /// The keys of the first [`SHARED_ITEMS`] items, made at first use.
    fn shared(self) -> &'static [String] {
        static KEYS: [OnceLock<Vec<String>>; 5] = [const { OnceLock::new() }; 5];
        let slot = List::ALL.iter().position(|&l| l == self).unwrap_or(0);
        KEYS[slot].get_or_init(|| {
            (0..SHARED_ITEMS)
                .map(|i| indexed(self.parent(), i, self.suffix()))
                .collect()
        })
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
pub fn co_implementer(index: usize) -> PathKey {
    item(List::CoImplementers, index)
}

/// The `index`th indicator (its heading line): `indicators.{index}`.
pub fn indicator(index: usize) -> PathKey {
    item(List::Indicators, index)
}

/// The keys every document shares (the fixed paths and the first [`SHARED_ITEMS`] items
/// of each list), numbered in their sorted order, so that the numbers sort as the keys do:
/// [`crate::FieldLines`] keeps a shared key as its number, 2 bytes instead of 12 and a
/// comparison of integers instead of strings.
struct Shared {
    /// The keys, sorted; a key's number is its index.
    keys: Vec<&'static str>,
    /// The number of each fixed path, by [`FieldPath`].
    fixed: Vec<u16>,
    /// The numbers of the first [`SHARED_ITEMS`] items of each list, by [`List::ALL`].
    items: [Vec<u16>; 5],
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let mut keys: Vec<&'static str> = FieldPath::ALL.iter().map(|p| p.as_str()).collect();
        for list in List::ALL {
            keys.extend(list.shared().iter().map(String::as_str));
        }
        keys.sort_unstable();
        let number = |key: &str| keys.binary_search(&key).unwrap_or(0) as u16;
        let fixed = FieldPath::ALL.iter().map(|p| number(p.as_str())).collect();
        let items = List::ALL.map(|list| list.shared().iter().map(|k| number(k)).collect());
        Shared { keys, fixed, items }
    })
}

/// The number of a shared key that spells `path`, if one does.
pub(crate) fn shared_number(path: &str) -> Option<u16> {
    shared().keys.binary_search(&path).ok().map(|n| n as u16)
}

/// The shared key numbered `number` (a number from this module).
pub(crate) fn shared_key(number: u16) -> &'static str {
    shared().keys[number as usize]
}

/// The number of a fixed path's key.
pub(crate) fn fixed_number(path: FieldPath) -> u16 {
    shared().fixed[path as usize]
}

/// The number of the key of the `index`th item of `list`, if it is shared, else the key.
pub(crate) fn item_key(list: List, index: usize) -> Result<u16, String> {
    let slot = List::ALL.iter().position(|&l| l == list).unwrap_or(0);
    match shared().items[slot].get(index) {
        Some(&number) => Ok(number),
        None => Err(indexed(list.parent(), index, list.suffix())),
    }
}

/// The key of the `index`th item of `list`.
fn item(list: List, index: usize) -> PathKey {
    match list.shared().get(index) {
        Some(text) => Cow::Borrowed(text.as_str()),
        None => Cow::Owned(indexed(list.parent(), index, list.suffix())),
    }
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
pub fn indicator_value(index: usize, which: IndicatorValue) -> PathKey {
    item(List::IndicatorValues(which), index)
}

/// The `index`th sustainability item of section 8.2: `sustainability.{index}`.
pub fn sustainability_item(index: usize) -> PathKey {
    item(List::Sustainability, index)
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
    fn keys_are_shared_only_where_they_spell_the_path() {
        let borrowed = |k: &PathKey| matches!(k, Cow::Borrowed(_));
        for path in [
            "project.code",
            "indicators.3",
            "indicators.3.planned",
            "indicators.63.realized",
            "applicant.co_implementers.0",
            "sustainability.14",
        ] {
            let k = key(path.to_owned());
            assert_eq!(k, path);
            assert!(borrowed(&k), "{path}");
        }
        for path in [
            "indicators.03",
            "indicators.+3",
            "indicators.64",
            "indicators.3.planned.x",
            "indicators.3.other",
            "sustainability",
            "something.else",
            "",
        ] {
            let k = key(path.to_owned());
            assert_eq!(k, path);
            assert!(!borrowed(&k), "{path}");
        }
        assert!(borrowed(&indicator_value(63, IndicatorValue::Planned)));
        assert!(!borrowed(&sustainability_item(SHARED_ITEMS)));
        assert_eq!(sustainability_item(SHARED_ITEMS), "sustainability.64");
    }

    #[test]
    fn shared_keys_are_numbered_in_their_order() {
        let table = shared();
        assert_eq!(table.keys.len(), FieldPath::ALL.len() + 5 * SHARED_ITEMS);
        assert!(table.keys.windows(2).all(|w| w[0] < w[1]));
        for &path in FieldPath::ALL {
            assert_eq!(shared_key(fixed_number(path)), path.as_str());
            assert_eq!(shared_number(path.as_str()), Some(fixed_number(path)));
        }
        let n = item_key(List::IndicatorValues(IndicatorValue::Planned), 63).unwrap();
        assert_eq!(shared_key(n), "indicators.63.planned");
        assert_eq!(
            item_key(List::Sustainability, 64),
            Err("sustainability.64".to_owned())
        );
        assert_eq!(shared_number("indicators.64"), None);
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
