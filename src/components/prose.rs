//! Readable prose: paragraphs split on blank lines, bulleted lines kept as lists; and the
//! card of the document's long texts (summary, target groups, final report).

use hankekuvaus::paths::FieldPath;
use yew::prelude::*;

use crate::components::field::{DocContext, FieldValue};
use crate::i18n::Lang;
use crate::view_model::{text_blocks, TextBlock};

/// Properties of [`Prose`].
#[derive(Properties, PartialEq)]
pub struct ProseProps {
    /// The text as the document has it.
    pub text: AttrValue,
}

/// Paragraphs and lists of a text.
#[component]
pub fn Prose(props: &ProseProps) -> Html {
    let blocks = text_blocks(&props.text).into_iter().map(|b| match b {
        TextBlock::Paragraph(lines) => {
            let n = lines.len();
            html! {
                <p>
                    { for lines.into_iter().enumerate().map(|(i, l)| html! {
                        <>{ l }if i + 1 < n { <br /> }</>
                    }) }
                </p>
            }
        }
        TextBlock::List(items) => html! {
            <ul>{ for items.into_iter().map(|i| html! { <li>{ i }</li> }) }</ul>
        },
    });
    html! { <div class="prose">{ for blocks }</div> }
}

/// Summary, target groups and final report summary.
#[component]
pub fn ProseCard() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(ctx) = use_context::<DocContext>() else {
        return html! {};
    };
    let t = lang.t();
    let doc = &ctx.loaded.doc;
    let part = |path: &'static str, text: &Option<hankekuvaus::Text>| match text {
        Some(text) if !text.trim().is_empty() => html! {
            <section class="prose-part">
                <h4>{ lang.field_label(path) }</h4>
                <FieldValue path={path} rich=true block=true>
                    <Prose text={AttrValue::from(text.to_string())} />
                </FieldValue>
            </section>
        },
        _ => html! {
            <section class="prose-part">
                <h4>{ lang.field_label(path) }</h4>
                <p><FieldValue path={path}>{ t.none }</FieldValue></p>
            </section>
        },
    };
    html! {
        <section id="descriptions" class="card wide" aria-labelledby="descriptions-title">
            <h3 id="descriptions-title">{ t.descriptions }</h3>
            { part(FieldPath::Summary.as_str(), &doc.summary) }
            { part(FieldPath::TargetGroupsPrimary.as_str(), &doc.target_groups.primary) }
            { part(FieldPath::TargetGroupsIndirect.as_str(), &doc.target_groups.indirect) }
            { part(FieldPath::FinalReportSummary.as_str(), &doc.final_report_summary) }
        </section>
    }
}
