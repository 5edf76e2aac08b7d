//! Section 8.1: the three gender-equality answers as yes/no badges with explanations.

use hankekuvaus::paths::FieldPath;
use yew::prelude::*;

use crate::components::field::{DocContext, FieldValue};
use crate::components::prose::Prose;
use crate::i18n::Lang;

/// The gender-equality card.
#[component]
pub fn GenderCard() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(ctx) = use_context::<DocContext>() else {
        return html! {};
    };
    let t = lang.t();
    let g = &ctx.loaded.doc.gender_equality;
    let answer = |path: &'static str,
                  text_path: &'static str,
                  value: Option<bool>,
                  text: &Option<hankekuvaus::Text>| {
        let (class, label) = match value {
            Some(true) => ("badge yes", t.yes),
            Some(false) => ("badge no", t.no),
            None => ("badge unknown", t.none),
        };
        html! {
            <li class="answer">
                <p class="question">
                    <FieldValue path={path} class={class}>{ label }</FieldValue>
                    <span class="question-text">{ lang.field_label(path) }</span>
                </p>
                if let Some(text) = text {
                    <FieldValue path={text_path} rich=true block=true class="explanation">
                        <Prose text={AttrValue::from(text.to_string())} />
                    </FieldValue>
                }
            </li>
        }
    };
    html! {
        <section id="gender-equality" class="card" aria-labelledby="gender-title">
            <h3 id="gender-title">{ t.gender_equality }</h3>
            <ul class="answers">
                { answer(FieldPath::GenderEqualityAnalysisDone.as_str(), FieldPath::GenderEqualityAnalysisText.as_str(), g.analysis_done, &g.analysis_text) }
                { answer(FieldPath::GenderEqualityMainstreamed.as_str(), FieldPath::GenderEqualityMainstreamingText.as_str(), g.mainstreamed, &g.mainstreaming_text) }
                { answer(FieldPath::GenderEqualityMainGoal.as_str(), FieldPath::GenderEqualityMainGoalText.as_str(), g.main_goal, &g.main_goal_text) }
            </ul>
        </section>
    }
}
