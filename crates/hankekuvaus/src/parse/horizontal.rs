//! Section 8, "Horisontaaliset periaatteet": the three gender-equality questions with their
//! explanations (8.1) and the scored sustainability table (8.2).

use std::borrow::Cow;

use super::extract::joined;
use super::labels::{
    gender_question, is_score_header, sustainability_text, Question, SUSTAINABILITY_CATEGORIES,
    SUSTAINABILITY_ITEMS,
};
use super::Parser;
use crate::codes::Code;
use crate::paths::{FieldPath, List};
use crate::{fields, lines, GenderEquality, Section, Severity, SustainabilityItem, Text};

impl Parser {
    pub(super) fn gender(&mut self, s: &Section, g: &mut GenderEquality) {
        let mut questions: Vec<(u32, Question)> = Vec::new();
        for f in &s.fields {
            let Some(q) = gender_question(&f.label) else {
                continue;
            };
            let answer = fields::yes_no(&f.value);
            if answer.is_none() {
                self.diag(
                    Severity::Warning,
                    Code::BadAnswer,
                    format!(
                        "The answer \"{}\" is neither \"Kyllä\" nor \"Ei\".",
                        f.value
                    ),
                    Some(f.line),
                );
            }
            let (slot, path) = match q {
                Question::Analysis => (&mut g.analysis_done, FieldPath::GenderEqualityAnalysisDone),
                Question::Mainstreamed => {
                    (&mut g.mainstreamed, FieldPath::GenderEqualityMainstreamed)
                }
                Question::MainGoal => (&mut g.main_goal, FieldPath::GenderEqualityMainGoal),
            };
            if !questions.iter().any(|&(_, seen)| seen == q) {
                *slot = answer;
                self.line(path, f.line);
            }
            questions.push((f.line, q));
        }
        // Explanations: the paragraphs between a question and the next one. Both lists are in
        // line order, so one pass over the paragraphs serves all questions.
        let paragraphs = &s.paragraphs[..];
        let mut at = 0;
        let mut filled: Vec<Question> = Vec::new();
        for (k, &(line, q)) in questions.iter().enumerate() {
            let next = questions.get(k + 1).map_or(u32::MAX, |&(l, _)| l);
            let from = at + paragraphs[at..].partition_point(|p| p.line < line);
            at = from + paragraphs[from..].partition_point(|p| p.line < next);
            // A repeated question keeps its first explanation, as repeated fields do.
            if from == at || filled.contains(&q) {
                continue;
            }
            filled.push(q);
            let (slot, path) = match q {
                Question::Analysis => (&mut g.analysis_text, FieldPath::GenderEqualityAnalysisText),
                Question::Mainstreamed => (
                    &mut g.mainstreaming_text,
                    FieldPath::GenderEqualityMainstreamingText,
                ),
                Question::MainGoal => {
                    (&mut g.main_goal_text, FieldPath::GenderEqualityMainGoalText)
                }
            };
            *slot = Some(joined(&paragraphs[from..at], "\n"));
            self.line(path, line + 1);
        }
    }

    pub(super) fn sustainability(&mut self, s: &Section, items: &mut Vec<SustainabilityItem>) {
        // The layout's fifteen, at once rather than by doubling.
        items.reserve(SUSTAINABILITY_ITEMS.len());
        let mut category = Cow::Borrowed("");
        for p in &s.paragraphs {
            for (k, text) in lines::split_lf(&p.text).enumerate() {
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
                    category = Cow::Borrowed(name);
                    continue;
                }
                if let Some((name, direct, indirect)) = self.score_line(text, line) {
                    self.item_line(List::Sustainability, items.len(), line);
                    items.push(SustainabilityItem {
                        category: category.clone(),
                        name,
                        direct,
                        indirect,
                        explanation: None,
                    });
                } else if let Some(item) = items.last_mut() {
                    item.explanation = Some(explained(item.explanation.take(), &p.text, text));
                }
            }
        }
        if items.len() != 15 {
            self.diag(
                Severity::Warning,
                Code::SustainabilityCount,
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
    fn score_line(
        &mut self,
        text: &str,
        line: u32,
    ) -> Option<(Cow<'static, str>, Option<u8>, Option<u8>)> {
        let score = |w: &str| w.parse::<u8>().ok().filter(|&n| n <= 10);
        // The service writes the item names itself: compare them as written, case aside.
        // Looked for only when needed (most item lines are plausible without it), and by
        // the first byte before the whole name: explanations are most of the lines.
        let known = || {
            let first = text.as_bytes().first()?;
            SUSTAINABILITY_ITEMS.iter().find(|item| {
                item.as_bytes()[0].eq_ignore_ascii_case(first)
                    && text
                        .get(..item.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(item))
            })
        };
        let split = text
            .trim_end()
            .rsplit_once(char::is_whitespace)
            .and_then(|(rest, last)| {
                let (name, before) = rest.trim_end().rsplit_once(char::is_whitespace)?;
                Some((name.trim(), before, last))
            });
        if let Some((name, before, last)) = split {
            if let (Some(d), Some(i)) = (score(before), score(last)) {
                let plausible = (!name.is_empty()
                    && lines::chars_at_most(name, 100)
                    && !name.ends_with(['.', ',', ':']))
                    || known().is_some();
                if plausible {
                    return Some((sustainability_text(Cow::Borrowed(name)), Some(d), Some(i)));
                }
            }
        }
        let name = known()?;
        self.diag(
            Severity::Error,
            Code::BadScore,
            format!("The scores of \"{name}\" cannot be read: expected two whole numbers from 0 to 10 after the name."),
            Some(line),
        );
        Some((Cow::Borrowed(name), None, None))
    }
}

/// An item's explanation so far with its next line `line` (a line of `paragraph`) added
/// after a line end: a range of the paragraph's string while the lines follow each other
/// in it, a string of its own otherwise.
fn explained(so_far: Option<Text>, paragraph: &Text, line: &str) -> Text {
    let Some(line) = paragraph.slice_of(line) else {
        return Text::from(line);
    };
    match so_far {
        None => line,
        Some(so_far) => so_far
            .extended("\n", &line)
            .unwrap_or_else(|| Text::from(format!("{so_far}\n{line}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{codes, parse, reimport};

    #[test]
    fn answers_and_their_explanations() {
        let doc = parse(
            "8 Horisontaaliset periaatteet\n8.1 Sukupuolten tasa-arvo\n\
             Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen: Ei\nEi ole.\n\
             Sukupuolinäkökulma on huomioitu hankkeen toiminnassa: Ehkä\n",
        );
        let g = &doc.gender_equality;
        assert_eq!(g.main_goal, Some(false));
        assert_eq!(g.main_goal_text.as_deref(), Some("Ei ole."));
        assert_eq!(doc.field_lines["gender_equality.main_goal_text"], 5);
        assert_eq!(g.mainstreamed, None);
        assert!(codes(&doc).contains(&("bad-answer", Some(6))));
    }

    #[test]
    fn scored_items_with_categories_and_explanations() {
        let doc = parse(
            "8 Horisontaaliset periaatteet\n8.2 Kestävä kehitys\nVälitönVälillinen\n\
             Ekologinen kestävyys\nMateriaalit ja jätteet 2 3\nSelitys.\n\
             Natura 2000 -ohjelman kohteet x 1\n",
        );
        let s = &doc.sustainability;
        assert_eq!(s.len(), 2);
        assert_eq!(
            (
                s[0].category.as_ref(),
                s[0].name.as_ref(),
                s[0].direct,
                s[0].indirect
            ),
            (
                "Ekologinen kestävyys",
                "Materiaalit ja jätteet",
                Some(2),
                Some(3)
            )
        );
        assert_eq!(s[0].explanation.as_deref(), Some("Selitys."));
        assert_eq!(s[1].direct, None);
        assert_eq!(doc.field_lines["sustainability.1"], 8);
        let c = codes(&doc);
        assert!(c.contains(&("bad-score", Some(8))), "{c:?}");
        assert!(c.contains(&("sustainability-count", Some(3))), "{c:?}");
    }

    /// The layout's names are shared, not copied, when parsed and when read back from JSON;
    /// a name the layout does not have (here in other capitals) is the document's own.
    #[test]
    fn layout_names_are_shared() {
        use std::borrow::Cow;
        let doc = parse(
            "8 Horisontaaliset periaatteet\n8.2 Kestävä kehitys\nEkologinen kestävyys\n\
             Materiaalit ja jätteet 2 3\nMATERIAALIT ja jätteet 1 1\nOma kohta 0 0\n",
        );
        let back = reimport(&doc);
        assert_eq!(back.sustainability, doc.sustainability);
        for d in [&doc, &back] {
            let shared: Vec<(bool, bool)> = d
                .sustainability
                .iter()
                .map(|i| {
                    let borrowed = |t: &Cow<'_, str>| matches!(t, Cow::Borrowed(_));
                    (borrowed(&i.category), borrowed(&i.name))
                })
                .collect();
            assert_eq!(shared, [(true, true), (true, false), (true, false)]);
            assert!(d.field_lines.all_shared());
        }
    }
}
