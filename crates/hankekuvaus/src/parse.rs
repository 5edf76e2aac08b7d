//! From decoded lines to a [`Document`]: finding the header, building the section tree,
//! and reading typed fields out of the known sections.
//!
//! Two passes. The first recognises headings and puts every non-blank line into the tree
//! (fields and paragraphs). The second reads the typed fields from the tree's known sections,
//! so the tree is the single place where lines are classified.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::lines::{self, Heading, Line};
use crate::{
    codes, decode, fields, fingerprint, html, sniff, Applicant, Area, CoImplementer, Diagnostic,
    Document, Field, Fund, Funding, GenderEquality, Indicator, Kind, NotADescription, Options,
    Paragraph, Period, Project, Section, Severity, Source, SourceFormat, SustainabilityItem,
};

pub(crate) fn parse_bytes(
    bytes: &[u8],
    file_name: &str,
    options: &Options,
) -> Result<Document, NotADescription> {
    sniff::check_bytes(bytes, options)?;
    let decoded = decode(bytes);
    sniff::check_text(&decoded.text)?;
    let (format, text): (SourceFormat, Cow<'_, str>) = if html::looks_like_html(&decoded.text) {
        (SourceFormat::Html, Cow::Owned(html::to_text(&decoded.text)))
    } else {
        (SourceFormat::Text, Cow::Borrowed(decoded.text.as_ref()))
    };
    let lines = lines::split(&text, options.max_line_bytes)?;
    let kind = detect_kind(&lines, format)?;

    let mut parser = Parser {
        period: kind.period,
        diagnostics: Vec::new(),
        field_lines: BTreeMap::new(),
    };
    if decoded.had_errors {
        parser.diag(
            Severity::Warning,
            codes::DECODING,
            format!(
                "Some bytes are not valid {}; they were replaced with \u{FFFD}.",
                decoded.encoding.as_str()
            ),
            None,
        );
    }
    let sections = parser.build_tree(&lines);
    let mut doc = Document::new(
        Source {
            file_name: file_name.to_owned(),
            format,
            encoding: decoded.encoding,
            line_count: u32::try_from(lines.len()).unwrap_or(u32::MAX),
            byte_count: bytes.len() as u64,
            fingerprint: fingerprint(bytes),
            list: None,
            row: None,
        },
        kind,
    );
    parser.extract(&sections, &mut doc);
    parser.check(&mut doc, &sections);
    doc.sections = sections.into_iter().map(|s| s.section).collect();
    parser
        .diagnostics
        .sort_by_key(|d| (d.line.is_none(), d.line.unwrap_or(0)));
    doc.diagnostics = parser.diagnostics;
    doc.field_lines = parser.field_lines;
    Ok(doc)
}

/// Finds the title line ("…rahoittaman hankkeen kuvaus") and the project code, which decide
/// fund and period. Without either, the text is not a description.
fn detect_kind(lines: &[Line<'_>], format: SourceFormat) -> Result<Kind, NotADescription> {
    let mut fund = None;
    let mut period = None;
    let mut code_label_period = None;
    let mut code_prefix_fund = None;
    let mut found = false;
    for line in lines.iter().take(400) {
        // Cheap byte checks first: most lines are long prose that is neither.
        if line.text.len() < 300 && line.text.contains("rahoittaman") {
            let norm = lines::normalize(&line.text);
            if norm.contains("rahoittaman hankkeen kuvaus")
                || norm.contains("rahoittaman projektin kuvaus")
            {
                found = true;
                period = Some(if norm.contains("projektin kuvaus") {
                    Period::P2007_2013
                } else {
                    Period::P2014_2020
                });
                if norm.contains("(esr)") || norm.contains("sosiaalirahasto") {
                    fund = Some(Fund::Esr);
                } else if norm.contains("(eakr)") || norm.contains("aluekehitysrahasto") {
                    fund = Some(Fund::Eakr);
                }
            }
        }
        if !line.text.contains("koodi") {
            continue;
        }
        if let Some((label, value)) = lines::split_field(&line.text) {
            let label = lines::normalize(label);
            if label == "hankekoodi" || label == "projektikoodi" {
                found = true;
                code_label_period.get_or_insert(if label == "hankekoodi" {
                    Period::P2014_2020
                } else {
                    Period::P2007_2013
                });
                code_prefix_fund = code_prefix_fund.or(match value.trim().chars().next() {
                    Some('S' | 's') => Some(Fund::Esr),
                    Some('A' | 'a') => Some(Fund::Eakr),
                    _ => None,
                });
                // The code comes after the title line: nothing more to look for.
                break;
            }
        }
    }
    if !found {
        let start: String = lines
            .iter()
            .find(|l| !l.text.is_empty())
            .map(|l| l.text.chars().take(60).collect())
            .unwrap_or_default();
        let what = match format {
            SourceFormat::Html => "This HTML page is not a project description",
            _ => "This text is not a project description",
        };
        return Err(NotADescription {
            code: codes::NOT_A_DESCRIPTION.to_owned(),
            message: format!(
                "{what}: it has neither the title line \"… rahoittaman hankkeen kuvaus\" nor a \
                 \"Hankekoodi:\" line. It begins: \"{start}\"."
            ),
        });
    }
    Ok(Kind {
        fund: fund.or(code_prefix_fund),
        period: period.or(code_label_period),
    })
}

/// What a section is, recognised by its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SectionKind {
    Preamble,
    Project,
    Applicant,
    Summary,
    TargetGroups,
    PrimaryTargets,
    IndirectTargets,
    Funding,
    Area,
    /// 2007–2013 "3. Projektin toteutusalue ja kohderyhmän kuvaus".
    AreaAndTargets,
    Indicators,
    Indicator,
    Horizontal,
    Gender,
    Sustainability,
    FinalReport,
    Unknown,
}

impl SectionKind {
    fn top_level(title: &str) -> SectionKind {
        let t = lines::normalize(title);
        match t.as_str() {
            "hanke" | "projekti" => SectionKind::Project,
            "hakijan perustiedot" | "projektin toteuttaja" | "hakija" | "toteuttaja" => {
                SectionKind::Applicant
            }
            "hankkeen kohderyhmät" | "projektin kohderyhmät" | "kohderyhmät" => {
                SectionKind::TargetGroups
            }
            "maantieteellinen kohdealue" => SectionKind::Area,
            "horisontaaliset periaatteet" => SectionKind::Horizontal,
            _ if t.starts_with("suunnitelman mukainen tiivistelmä") => SectionKind::Summary,
            _ if t.contains("julkinen rahoitus") => SectionKind::Funding,
            _ if t.starts_with("projektin toteutusalue") => SectionKind::AreaAndTargets,
            _ if t.starts_with("hakemusvaiheessa ilmoitettavat arviot")
                || t.contains("seurantiedoista")
                || t.contains("seurantatiedoista") =>
            {
                SectionKind::Indicators
            }
            _ if t.starts_with("loppuraportin tiivistelmä") => SectionKind::FinalReport,
            _ => SectionKind::Unknown,
        }
    }

    fn sub(parent: SectionKind, title: &str) -> SectionKind {
        let t = lines::normalize(title);
        match parent {
            SectionKind::TargetGroups if t.starts_with("varsinaiset") => {
                SectionKind::PrimaryTargets
            }
            SectionKind::TargetGroups if t.starts_with("välilliset") => {
                SectionKind::IndirectTargets
            }
            SectionKind::Indicators => SectionKind::Indicator,
            SectionKind::Horizontal if t.starts_with("sukupuolten tasa-arvo") => {
                SectionKind::Gender
            }
            SectionKind::Horizontal if t.starts_with("kestävä kehitys") => {
                SectionKind::Sustainability
            }
            SectionKind::AreaAndTargets if t == "maantieteellinen kohdealue" => SectionKind::Area,
            SectionKind::AreaAndTargets if t.contains("kohderyhm") => SectionKind::PrimaryTargets,
            _ => SectionKind::Unknown,
        }
    }

    /// How the lines of the section's own body are read into the tree.
    fn mode(self) -> Mode {
        match self {
            SectionKind::Summary
            | SectionKind::PrimaryTargets
            | SectionKind::IndirectTargets
            | SectionKind::FinalReport
            | SectionKind::Sustainability
            | SectionKind::Preamble => Mode::Prose,
            SectionKind::Gender => Mode::Questions,
            _ => Mode::Fields,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Every line is paragraph text.
    Prose,
    /// `Label: value` lines are fields.
    Fields,
    /// Only the three gender-equality questions are fields.
    Questions,
}

/// A top-level section with its recognised kind and its subsections' kinds.
struct Parsed {
    kind: SectionKind,
    sub_kinds: Vec<SectionKind>,
    section: Section,
}

struct Parser {
    period: Option<Period>,
    diagnostics: Vec<Diagnostic>,
    field_lines: BTreeMap<String, u32>,
}

/// A heading accepted by [`Parser::accept_heading`].
struct Accepted {
    parts: Vec<u32>,
    number: String,
    title: String,
    kind: SectionKind,
}

impl Parser {
    fn diag(&mut self, severity: Severity, code: &str, message: String, line: Option<u32>) {
        self.diagnostics.push(Diagnostic {
            severity,
            code: code.to_owned(),
            message,
            line,
        });
    }

    fn line(&mut self, path: impl Into<String>, line: u32) {
        self.field_lines.entry(path.into()).or_insert(line);
    }

    /// Decides whether a heading-shaped line starts a section, given the sections so far.
    /// Numbers must go forwards; headings with unknown titles must also look like headings
    /// in this period's style, so that numbered list items in prose stay prose.
    fn accept_heading(
        &self,
        h: &Heading<'_>,
        top: Option<(u32, SectionKind)>,
        sub: u32,
    ) -> Option<Accepted> {
        let (top_no, top_kind) = top.unwrap_or((0, SectionKind::Preamble));
        let (kind, in_sequence) = match *h.parts.as_slice() {
            [n] => (SectionKind::top_level(h.title), n > top_no),
            [n, m] if n == top_no => (SectionKind::sub(top_kind, h.title), m > sub),
            _ => return None,
        };
        if !in_sequence {
            return None;
        }
        if kind == SectionKind::Unknown {
            let close = match *h.parts.as_slice() {
                [n] => n <= top_no + 2,
                [_, m] => m <= sub + 2,
                _ => false,
            };
            let style = match (self.period, h.parts.len()) {
                (Some(Period::P2014_2020), _) => !h.trailing_dot,
                (Some(Period::P2007_2013), 1) => h.trailing_dot,
                _ => true,
            };
            let looks = h.title.chars().count() <= 80
                && h.title.split_whitespace().count() <= 10
                && !h.title.ends_with(['.', ',', ':', ';']);
            if !(close && style && looks) {
                return None;
            }
        }
        Some(Accepted {
            number: h.number(),
            parts: h.parts.clone(),
            title: h.title.to_owned(),
            kind,
        })
    }

    /// Builds the section tree: a preamble (lines before the first heading), then each
    /// numbered section with its subsections.
    fn build_tree(&mut self, lines: &[Line<'_>]) -> Vec<Parsed> {
        // Find the headings first, so each body is a plain slice of lines.
        let mut heads: Vec<(usize, Accepted)> = Vec::new();
        let mut top: Option<(u32, SectionKind)> = None;
        let mut sub = 0;
        for (i, line) in lines.iter().enumerate() {
            let Some(h) = lines::heading(&line.text) else {
                continue;
            };
            if let Some(acc) = self.accept_heading(&h, top, sub) {
                if acc.parts.len() == 1 {
                    top = Some((acc.parts[0], acc.kind));
                    sub = 0;
                } else {
                    sub = acc.parts[1];
                }
                heads.push((i, acc));
            }
        }

        let mut out: Vec<Parsed> = Vec::new();
        let first_head = heads.first().map_or(lines.len(), |(i, _)| *i);
        if lines[..first_head].iter().any(|l| !l.text.is_empty()) {
            let (fields, paragraphs) = self.read_body(&lines[..first_head], Mode::Prose);
            out.push(Parsed {
                kind: SectionKind::Preamble,
                sub_kinds: Vec::new(),
                section: Section {
                    number: None,
                    title: None,
                    line: first_line_no(&lines[..first_head]),
                    end_line: last_line_no(&lines[..first_head]),
                    fields,
                    paragraphs,
                    subsections: Vec::new(),
                },
            });
        }
        for (k, (start, acc)) in heads.iter().enumerate() {
            let end = heads.get(k + 1).map_or(lines.len(), |(i, _)| *i);
            let body = &lines[start + 1..end];
            let (fields, paragraphs) = self.read_body(body, acc.kind.mode());
            let section = Section {
                number: Some(acc.number.clone()),
                title: Some(acc.title.clone()),
                line: lines[*start].no,
                end_line: last_line_no(&lines[*start..end]),
                fields,
                paragraphs,
                subsections: Vec::new(),
            };
            match (acc.parts.len(), out.last_mut()) {
                (2, Some(parent)) if parent.kind != SectionKind::Preamble => {
                    parent.section.end_line = section.end_line;
                    parent.sub_kinds.push(acc.kind);
                    parent.section.subsections.push(section);
                }
                _ => out.push(Parsed {
                    kind: acc.kind,
                    sub_kinds: Vec::new(),
                    section,
                }),
            }
        }
        out
    }

    /// Reads a body into fields and paragraphs. A blank line or a field ends a paragraph.
    fn read_body(&mut self, body: &[Line<'_>], mode: Mode) -> (Vec<Field>, Vec<Paragraph>) {
        let mut fields = Vec::new();
        let mut paragraphs: Vec<Paragraph> = Vec::new();
        let mut open = false;
        for line in body {
            if line.text.is_empty() {
                open = false;
                continue;
            }
            let field = match mode {
                Mode::Prose => None,
                Mode::Fields => lines::split_field(&line.text),
                Mode::Questions => lines::split_field(&line.text)
                    .filter(|(label, _)| gender_question(label).is_some()),
            };
            if let Some((label, value)) = field {
                fields.push(Field {
                    label: lines::display(label).into_owned(),
                    value: lines::display(value).into_owned(),
                    line: line.no,
                });
                open = false;
                continue;
            }
            let text = lines::display(&line.text);
            match paragraphs.last_mut() {
                Some(p) if open => {
                    p.text.push('\n');
                    p.text.push_str(&text);
                    p.end_line = line.no;
                }
                _ => {
                    paragraphs.push(Paragraph {
                        text: text.into_owned(),
                        line: line.no,
                        end_line: line.no,
                    });
                    open = true;
                }
            }
        }
        (fields, paragraphs)
    }

    /// Reads typed fields out of the known sections.
    fn extract(&mut self, sections: &[Parsed], doc: &mut Document) {
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
            SectionKind::Summary => doc.summary = self.prose(s, "summary"),
            SectionKind::PrimaryTargets => {
                doc.target_groups.primary = self.prose(s, "target_groups.primary");
            }
            SectionKind::IndirectTargets => {
                doc.target_groups.indirect = self.prose(s, "target_groups.indirect");
            }
            SectionKind::FinalReport => {
                doc.final_report_summary = self
                    .prose(s, "final_report_summary")
                    .filter(|t| t.trim() != "-");
            }
            SectionKind::Unknown => {
                let number = s.number.as_deref().unwrap_or("");
                let title = s.title.as_deref().unwrap_or("");
                self.diag(
                    Severity::Info,
                    codes::UNKNOWN_SECTION,
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
        let where_ = match (&s.number, &s.title) {
            (Some(n), Some(t)) => format!("section {n} \"{t}\""),
            _ => "the header".to_owned(),
        };
        for f in fields {
            self.diag(
                Severity::Info,
                codes::UNKNOWN_FIELD,
                format!(
                    "Unknown field \"{}\" in {where_}; it is kept in the section tree.",
                    f.label
                ),
                Some(f.line),
            );
        }
    }

    /// Paragraphs joined by a blank line; records the first line.
    fn prose(&mut self, s: &Section, path: &str) -> Option<String> {
        let first = s.paragraphs.first()?;
        self.line(path, first.line);
        let texts: Vec<&str> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
        Some(texts.join("\n\n"))
    }

    /// Goes through a section's fields, calling `set` for the known ones (those for which it
    /// returns true), reporting unknown and repeated labels.
    fn each_field(
        &mut self,
        s: &Section,
        mut set: impl FnMut(&mut Self, &str, &Field) -> Option<&'static str>,
    ) {
        // Known keys are few (about thirty), so a small list with each first line is enough
        // and keeps a file of many repeated fields linear.
        let mut seen: Vec<(&'static str, u32)> = Vec::new();
        for f in &s.fields {
            let label = lines::normalize(&f.label);
            let known = known_label(&label);
            if let Some(&(_, first)) = known.and_then(|k| seen.iter().find(|(s, _)| *s == k)) {
                self.diag(
                    Severity::Warning,
                    codes::DUPLICATE_FIELD,
                    format!(
                        "\"{}\" appears again; the first value (line {first}) is used.",
                        f.label
                    ),
                    Some(f.line),
                );
                continue;
            }
            match (set(self, &label, f), known) {
                (Some(_), Some(key)) => seen.push((key, f.line)),
                _ => self.unknown_fields(s, std::iter::once(f)),
            }
        }
    }

    fn project(&mut self, s: &Section, p: &mut Project) {
        self.each_field(s, |me, label, f| {
            let v = non_empty(&f.value);
            let key = match known_label(label)? {
                "code" => {
                    p.code = v.map(str::to_owned);
                    "project.code"
                }
                "name" => {
                    p.name = v.map(str::to_owned);
                    "project.name"
                }
                "priority_axis" => {
                    p.priority_axis = v.map(fields::numbered);
                    "project.priority_axis"
                }
                "specific_objective" => {
                    p.specific_objective = v.map(fields::numbered);
                    "project.specific_objective"
                }
                "period" => {
                    if let Some(v) = v {
                        me.period_value(v, f.line, p);
                    }
                    "project.start_date"
                }
                "status" => {
                    p.status_text = v.map(str::to_owned);
                    p.status = v.and_then(fields::status);
                    if let (Some(v), None) = (v, p.status) {
                        me.diag(
                            Severity::Info,
                            codes::UNKNOWN_VALUE,
                            format!("Status \"{v}\" is neither \"Toiminta päättynyt\" nor \"Toiminnassa\"."),
                            Some(f.line),
                        );
                    }
                    "project.status"
                }
                "authority" => {
                    p.responsible_authority = v.map(str::to_owned);
                    "project.responsible_authority"
                }
                _ => return None,
            };
            me.line(key, f.line);
            Some(key)
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
                        codes::BAD_DATE,
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
                codes::BAD_DATE,
                format!("The period \"{v}\" does not have a start and an end date (d.m.yyyy)."),
                Some(line),
            );
        }
        self.line("project.end_date", line);
    }

    fn applicant(&mut self, s: &Section, a: &mut Applicant) {
        // Co-implementers: the lines after an "Osatoteuttajat" line, as "Name, Y-tunnus".
        let mut list_from: Option<u32> = None;
        self.each_field(s, |me, label, f| {
            let v = non_empty(&f.value);
            let owned = v.map(str::to_owned);
            let key = match known_label(label)? {
                "applicant_name" => {
                    a.name = owned;
                    "applicant.name"
                }
                "organisation_type" => {
                    a.organisation_type = owned;
                    "applicant.organisation_type"
                }
                "business_id" => {
                    a.business_id = owned;
                    a.business_id_valid = v.map(fields::business_id_valid);
                    if let (Some(id), Some(false)) = (v, a.business_id_valid) {
                        me.bad_business_id(id, "The applicant's", f.line);
                    }
                    "applicant.business_id"
                }
                "street_address" => {
                    a.street_address = owned;
                    "applicant.street_address"
                }
                "postal_code" => {
                    a.postal_code = owned;
                    "applicant.postal_code"
                }
                "city" => {
                    a.city = owned;
                    "applicant.city"
                }
                "phone" => {
                    a.phone = owned;
                    "applicant.phone"
                }
                "website" => {
                    a.website = owned;
                    "applicant.website"
                }
                "contact_name" => {
                    a.contact.name = owned;
                    "applicant.contact.name"
                }
                "contact_position" => {
                    a.contact.position = owned;
                    "applicant.contact.position"
                }
                "contact_email" => {
                    a.contact.email = v.map(|v| match fields::email(v) {
                        Ok(e) => e,
                        Err(e) => {
                            me.diag(
                                Severity::Warning,
                                codes::BAD_EMAIL,
                                format!("\"{v}\" does not look like an e-mail address."),
                                Some(f.line),
                            );
                            e
                        }
                    });
                    "applicant.contact.email"
                }
                "contact_phone" => {
                    a.contact.phone = owned;
                    "applicant.contact.phone"
                }
                "joint" => {
                    a.joint_project = v.and_then(fields::joint_project);
                    "applicant.joint_project"
                }
                "co_implementers" => {
                    list_from = Some(f.line);
                    if let Some(v) = v {
                        me.co_implementer(v, f.line, &mut a.co_implementers);
                    }
                    "applicant.co_implementers"
                }
                _ => return None,
            };
            me.line(key, f.line);
            Some(key)
        });
        for p in &s.paragraphs {
            for (k, text) in p.text.split('\n').enumerate() {
                let line = p.line + k as u32;
                let norm = lines::normalize(text);
                if norm.trim_end_matches(':') == "osatoteuttajat" {
                    list_from = Some(line);
                    self.line("applicant.co_implementers", line);
                } else if list_from.is_some_and(|from| line > from) {
                    self.co_implementer(text, line, &mut a.co_implementers);
                }
            }
        }
    }

    fn co_implementer(&mut self, text: &str, line: u32, list: &mut Vec<CoImplementer>) {
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
        self.line(format!("applicant.co_implementers.{}", list.len()), line);
        list.push(CoImplementer {
            name: name.to_owned(),
            business_id: id.map(str::to_owned),
            business_id_valid: valid,
        });
    }

    fn bad_business_id(&mut self, id: &str, whose: &str, line: u32) {
        self.diag(
            Severity::Warning,
            codes::BAD_BUSINESS_ID,
            format!("{whose} Y-tunnus \"{id}\" is not valid: expected seven digits, a hyphen and the right check digit."),
            Some(line),
        );
    }

    fn funding(&mut self, s: &Section, fu: &mut Funding) {
        self.each_field(s, |me, label, f| {
            let (slot, key) = match known_label(label)? {
                "granted_eu_state" => (&mut fu.granted_eu_state, "funding.granted_eu_state"),
                "realized_eu_state" => (&mut fu.realized_eu_state, "funding.realized_eu_state"),
                "planned_public_total" => {
                    (&mut fu.planned_public_total, "funding.planned_public_total")
                }
                "realized_public_total" => (
                    &mut fu.realized_public_total,
                    "funding.realized_public_total",
                ),
                _ => return None,
            };
            match fields::amount(&f.value) {
                Ok(v) => *slot = v,
                Err(why) => me.diag(
                    Severity::Error,
                    codes::BAD_AMOUNT,
                    format!(
                        "\"{}\" of {} cannot be read as an amount: {why}.",
                        f.value, f.label
                    ),
                    Some(f.line),
                ),
            }
            me.line(key, f.line);
            Some(key)
        });
    }

    fn area(&mut self, s: &Section, a: &mut Area) {
        if s.paragraphs
            .iter()
            .any(|p| lines::normalize(&p.text).contains("valtakunnallinen"))
        {
            a.national = true;
        }
        self.each_field(s, |me, label, f| {
            let v = non_empty(&f.value).map(str::to_owned);
            let key = match known_label(label)? {
                "regions" => {
                    a.regions = fields::list(&f.value);
                    "area.regions"
                }
                "sub_regions" => {
                    a.sub_regions = fields::list(&f.value);
                    "area.sub_regions"
                }
                "municipalities" => {
                    a.municipalities = fields::list(&f.value);
                    "area.municipalities"
                }
                "street_address" => {
                    a.site.street_address = v;
                    "area.site.street_address"
                }
                "postal_code" => {
                    a.site.postal_code = v;
                    "area.site.postal_code"
                }
                "city" => {
                    a.site.city = v;
                    "area.site.city"
                }
                _ => return None,
            };
            me.line(key, f.line);
            Some(key)
        });
    }

    fn indicator(&mut self, s: &Section, list: &mut Vec<Indicator>) {
        let index = list.len();
        let mut ind = Indicator {
            number: s.number.clone(),
            name: s.title.clone().unwrap_or_default(),
            planned: None,
            realized: None,
        };
        self.line(format!("indicators.{index}"), s.line);
        self.each_field(s, |me, label, f| {
            let (slot, which) = match known_label(label)? {
                "planned" => (&mut ind.planned, "planned"),
                "realized" => (&mut ind.realized, "realized"),
                _ => return None,
            };
            match fields::number(&f.value) {
                Ok(v) => *slot = v,
                Err(why) => me.diag(
                    Severity::Error,
                    codes::BAD_NUMBER,
                    format!(
                        "\"{}\" of indicator \"{}\" cannot be read: {why}.",
                        f.value, ind.name
                    ),
                    Some(f.line),
                ),
            }
            me.line(format!("indicators.{index}.{which}"), f.line);
            Some(if which == "planned" {
                "planned"
            } else {
                "realized"
            })
        });
        list.push(ind);
    }

    fn gender(&mut self, s: &Section, g: &mut GenderEquality) {
        let mut questions: Vec<(u32, Question)> = Vec::new();
        for f in &s.fields {
            let Some(q) = gender_question(&f.label) else {
                continue;
            };
            let answer = fields::yes_no(&f.value);
            if answer.is_none() {
                self.diag(
                    Severity::Warning,
                    codes::BAD_ANSWER,
                    format!(
                        "The answer \"{}\" is neither \"Kyllä\" nor \"Ei\".",
                        f.value
                    ),
                    Some(f.line),
                );
            }
            let (slot, path) = match q {
                Question::Analysis => (&mut g.analysis_done, "gender_equality.analysis_done"),
                Question::Mainstreamed => (&mut g.mainstreamed, "gender_equality.mainstreamed"),
                Question::MainGoal => (&mut g.main_goal, "gender_equality.main_goal"),
            };
            if !questions.iter().any(|&(_, seen)| seen == q) {
                *slot = answer;
                self.line(path, f.line);
            }
            questions.push((f.line, q));
        }
        // Explanations: the paragraphs between a question and the next one. Both lists are in
        // line order, so one pass over the paragraphs serves all questions.
        let mut paragraphs = s.paragraphs.iter().peekable();
        let mut filled: Vec<Question> = Vec::new();
        for (k, &(line, q)) in questions.iter().enumerate() {
            let next = questions.get(k + 1).map_or(u32::MAX, |&(l, _)| l);
            while paragraphs.next_if(|p| p.line < line).is_some() {}
            let mut text: Vec<&str> = Vec::new();
            while let Some(p) = paragraphs.next_if(|p| p.line < next) {
                text.push(&p.text);
            }
            // A repeated question keeps its first explanation, as repeated fields do.
            if text.is_empty() || filled.contains(&q) {
                continue;
            }
            filled.push(q);
            let (slot, path) = match q {
                Question::Analysis => (&mut g.analysis_text, "gender_equality.analysis_text"),
                Question::Mainstreamed => (
                    &mut g.mainstreaming_text,
                    "gender_equality.mainstreaming_text",
                ),
                Question::MainGoal => (&mut g.main_goal_text, "gender_equality.main_goal_text"),
            };
            *slot = Some(text.join("\n"));
            self.line(path, line + 1);
        }
    }

    fn sustainability(&mut self, s: &Section, items: &mut Vec<SustainabilityItem>) {
        let mut category = String::new();
        for p in &s.paragraphs {
            for (k, text) in p.text.split('\n').enumerate() {
                let line = p.line + k as u32;
                // Header and category lines are short; explanations can be long.
                let short = text.len() < 100;
                if short && is_score_header(text) {
                    continue;
                }
                // Category names are the service's own: compare them as written, case aside.
                if let Some(name) = SUSTAINABILITY_CATEGORIES
                    .iter()
                    .find(|c| short && text.eq_ignore_ascii_case(c))
                {
                    category = (*name).to_owned();
                    continue;
                }
                if let Some((name, direct, indirect)) = self.score_line(text, line) {
                    self.line(format!("sustainability.{}", items.len()), line);
                    items.push(SustainabilityItem {
                        category: category.clone(),
                        name,
                        direct,
                        indirect,
                        explanation: None,
                    });
                } else if let Some(item) = items.last_mut() {
                    let e = item.explanation.get_or_insert_with(String::new);
                    if !e.is_empty() {
                        e.push('\n');
                    }
                    e.push_str(text);
                }
            }
        }
        if items.len() != 15 {
            self.diag(
                Severity::Warning,
                codes::SUSTAINABILITY_COUNT,
                format!(
                    "Section {} has {} scored items; the layout has 15.",
                    s.number.as_deref().unwrap_or("8.2"),
                    items.len()
                ),
                Some(s.line),
            );
        }
    }

    /// Reads "Item name D I". Known item names are always items (with a diagnostic for bad
    /// scores); other lines are items only when they end in two scores from 0 to 10.
    fn score_line(&mut self, text: &str, line: u32) -> Option<(String, Option<u8>, Option<u8>)> {
        let score = |w: &str| w.parse::<u8>().ok().filter(|&n| n <= 10);
        // The service writes the item names itself: compare them as written, case aside.
        let known = SUSTAINABILITY_ITEMS.iter().find(|item| {
            text.get(..item.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(item))
        });
        let split = text
            .trim_end()
            .rsplit_once(char::is_whitespace)
            .and_then(|(rest, last)| {
                let (name, before) = rest.trim_end().rsplit_once(char::is_whitespace)?;
                Some((name.trim(), before, last))
            });
        if let Some((name, before, last)) = split {
            if let (Some(d), Some(i)) = (score(before), score(last)) {
                let plausible = known.is_some()
                    || (!name.is_empty()
                        && name.chars().count() <= 100
                        && !name.ends_with(['.', ',', ':']));
                if plausible {
                    return Some((name.to_owned(), Some(d), Some(i)));
                }
            }
        }
        let name = known?;
        self.diag(
            Severity::Error,
            codes::BAD_SCORE,
            format!("The scores of \"{name}\" cannot be read: expected two whole numbers from 0 to 10 after the name."),
            Some(line),
        );
        Some(((*name).to_owned(), None, None))
    }

    /// Cross-field checks and missing parts.
    fn check(&mut self, doc: &mut Document, sections: &[Parsed]) {
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
                codes::MISSING_SECTION,
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
                    codes::TRUNCATED,
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
                        codes::MISSING_FIELD,
                        format!("The field \"{label}\" is missing or empty."),
                        None,
                    );
                }
            }
        }
        let f = doc.funding;
        let fl = |me: &Self, key: &str| me.field_lines.get(key).copied();
        if let (Some(r), Some(g)) = (f.realized_eu_state, f.granted_eu_state) {
            if r > g {
                self.diag(
                    Severity::Warning,
                    codes::REALIZED_ABOVE_GRANTED,
                    format!("Realised EU and state funding ({r} €) is above the granted amount ({g} €)."),
                    fl(self, "funding.realized_eu_state"),
                );
            }
        }
        if let (Some(r), Some(p)) = (f.realized_public_total, f.planned_public_total) {
            if r > p {
                self.diag(
                    Severity::Warning,
                    codes::REALIZED_ABOVE_GRANTED,
                    format!("Realised public funding ({r} €) is above the planned total ({p} €)."),
                    fl(self, "funding.realized_public_total"),
                );
            }
        }
        if let (Some(g), Some(p)) = (f.granted_eu_state, f.planned_public_total) {
            if g > p {
                self.diag(
                    Severity::Warning,
                    codes::EU_STATE_ABOVE_TOTAL,
                    format!("Granted EU and state funding ({g} €) is above the planned public total ({p} €), which includes it."),
                    fl(self, "funding.granted_eu_state"),
                );
            }
        }
        if let (Some(start), Some(end)) = (&doc.project.start_date, &doc.project.end_date) {
            // ISO dates compare correctly as strings.
            if end < start {
                self.diag(
                    Severity::Error,
                    codes::END_BEFORE_START,
                    format!("The project ends ({end}) before it starts ({start})."),
                    fl(self, "project.start_date"),
                );
            }
        }
    }
}

fn first_line_no(lines: &[Line<'_>]) -> u32 {
    lines
        .iter()
        .find(|l| !l.text.is_empty())
        .or(lines.first())
        .map_or(1, |l| l.no)
}

fn last_line_no(lines: &[Line<'_>]) -> u32 {
    lines
        .iter()
        .rev()
        .find(|l| !l.text.is_empty())
        .or(lines.first())
        .map_or(1, |l| l.no)
}

fn non_empty(v: &str) -> Option<&str> {
    let v = v.trim();
    (!v.is_empty()).then_some(v)
}

/// Maps a normalised label to the field it names. Labels of both periods map to the same
/// keys; the section decides which struct a key fills (Jakeluosoite is the applicant's
/// street in section 2 and the site's in section 6).
fn known_label(label: &str) -> Option<&'static str> {
    Some(match label {
        "hankekoodi" | "projektikoodi" => "code",
        "hankkeen nimi" | "projektin nimi" => "name",
        "toimintalinja" => "priority_axis",
        "erityistavoite" => "specific_objective",
        "suunnitelman mukainen toteutusaika" | "toteutusaika" | "projektin toteutusaika" => {
            "period"
        }
        "toiminnan tila" | "projektin tila" | "tila" => "status",
        "vastuuviranomainen" => "authority",
        "hakijan virallinen nimi"
        | "toteuttajan virallinen nimi"
        | "toteuttajan nimi"
        | "hakijan nimi" => "applicant_name",
        "organisaatiotyyppi" => "organisation_type",
        "y-tunnus" => "business_id",
        "jakeluosoite" => "street_address",
        "postinumero" => "postal_code",
        "postitoimipaikka" => "city",
        "puhelinnumero" => "phone",
        "www-osoite" => "website",
        "hankkeen yhteyshenkilön nimi"
        | "projektin yhteyshenkilön nimi"
        | "yhteyshenkilön nimi" => "contact_name",
        "yhteyshenkilön asema hakijaorganisaatiossa" | "yhteyshenkilön asema" => {
            "contact_position"
        }
        "yhteyshenkilön sähköpostisoite" | "yhteyshenkilön sähköpostiosoite" => {
            "contact_email"
        }
        "yhteyshenkilön puhelinnumero" => "contact_phone",
        "hakijoiden lukumäärä tai tuen siirto -menettely" => "joint",
        "osatoteuttajat" => "co_implementers",
        "myönnetty eu- ja valtion rahoitus" => "granted_eu_state",
        "toteutunut eu- ja valtion rahoitus" => "realized_eu_state",
        "suunniteltu julkinen rahoitus yhteensä" => "planned_public_total",
        "toteutunut julkinen rahoitus yhteensä" => "realized_public_total",
        "maakunnat" | "maakunta" => "regions",
        "seutukunnat" | "seutukunta" => "sub_regions",
        "kunnat" | "kunta" => "municipalities",
        "suunniteltu" => "planned",
        "toteutunut seurantatietojen mukaan" | "toteutunut" => "realized",
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Question {
    Analysis,
    Mainstreamed,
    MainGoal,
}

fn gender_question(label: &str) -> Option<Question> {
    let l = lines::normalize(label);
    if l.starts_with("hankkeessa on tehty toimintaympäristön analyysi") {
        Some(Question::Analysis)
    } else if l.starts_with("sukupuolinäkökulma on huomioitu") {
        Some(Question::Mainstreamed)
    } else if l.starts_with("hankkeen päätavoite on sukupuolten tasa-arvon") {
        Some(Question::MainGoal)
    } else {
        None
    }
}

/// "VälitönVälillinen" (direct, indirect): the score table's header, its cells run together
/// in saved text, separated in text copied from a browser.
fn is_score_header(text: &str) -> bool {
    let mut words = text.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(one), None, None) => one.eq_ignore_ascii_case("VälitönVälillinen"),
        (Some(a), Some(b), None) => {
            a.eq_ignore_ascii_case("Välitön") && b.eq_ignore_ascii_case("Välillinen")
        }
        _ => false,
    }
}

/// The three categories of section 8.2, in order.
const SUSTAINABILITY_CATEGORIES: [&str; 3] = [
    "Ekologinen kestävyys",
    "Taloudellinen kestävyys",
    "Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus",
];

/// The fifteen items of section 8.2, five per category.
const SUSTAINABILITY_ITEMS: [&str; 15] = [
    "Luonnonvarojen käytön kestävyys",
    "Ilmastonmuutoksen aiheuttamien riskien vähentäminen",
    "Kasvillisuus, eliöt ja luonnon monimuotoisuus",
    "Pinta- ja pohjavedet, maaperä sekä ilma (ja kasvihuonekaasujen väheneminen)",
    "Natura 2000 -ohjelman kohteet",
    "Materiaalit ja jätteet",
    "Uusiutuvien energialähteiden käyttö",
    "Paikallisen elinkeinorakenteen kestävä kehittäminen",
    "Aineettomien tuotteiden ja palvelujen kehittäminen",
    "Liikkuminen ja logistiikka",
    "Hyvinvoinnin edistäminen",
    "Tasa-arvon edistäminen",
    "Yhteiskunnallinen ja kulttuurinen yhdenvertaisuus",
    "Kulttuuriympäristö",
    "Ympäristöosaaminen",
];
