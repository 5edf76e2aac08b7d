//! The document's header: name, code, fund, status, period and responsible authority.

use hankekuvaus::paths::FieldPath;
use hankekuvaus::Numbered;
use yew::prelude::*;

use crate::components::field::{meta_row, DocContext, FieldValue};
use crate::i18n::Lang;
use crate::view_model::{period_parts, status_label};

/// "3. Työllisyys …" as written: number and name.
pub fn numbered_text(n: &Numbered) -> String {
    match &n.number {
        Some(number) => format!("{number}. {}", n.name),
        None => n.name.clone(),
    }
}

/// The header of the document view.
#[component]
pub fn DocHeader() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(ctx) = use_context::<DocContext>() else {
        return html! {};
    };
    let t = lang.t();
    let doc = &ctx.loaded.doc;
    let p = &doc.project;
    let none = || t.none.to_owned();
    let (start, end, months) = period_parts(lang, doc);
    let fund = doc.kind.fund.map_or_else(none, |f| lang.fund_name(f));
    let row = |path: &'static str, value: Html| meta_row(lang, path, value);
    let text = |path: &'static str, v: Option<String>| {
        row(
            path,
            html! { <FieldValue path={path}>{ v.unwrap_or_else(none) }</FieldValue> },
        )
    };
    let period = html! {
        <>
            <FieldValue path={FieldPath::ProjectStartDate.as_str()}>{ start }</FieldValue>
            { "\u{2013}" }
            <FieldValue path={FieldPath::ProjectEndDate.as_str()}>{ end }</FieldValue>
            if let Some(m) = months {
                <span class="months">{ format!(" ({m})") }</span>
            }
        </>
    };
    html! {
        <header class="doc-header">
            <p class="eyebrow">
                <FieldValue path={FieldPath::ProjectCode.as_str()} class="code">{ p.code.as_deref().unwrap_or(t.none).to_owned() }</FieldValue>
                <span class="sep" aria-hidden="true">{ " · " }</span>
                <span data-field={FieldPath::KindFund.as_str()}>{ fund }</span>
                if let Some(period) = doc.kind.period {
                    <span class="sep" aria-hidden="true">{ " · " }</span>
                    <span class="muted">{ period.as_str() }</span>
                }
            </p>
            <h2 id="doc-title">
                <FieldValue path={FieldPath::ProjectName.as_str()}>{ p.name.as_deref().unwrap_or(&doc.source.file_name).to_owned() }</FieldValue>
            </h2>
            <dl class="meta">
                { row(FieldPath::ProjectStatus.as_str(), html! {
                    <FieldValue path={FieldPath::ProjectStatus.as_str()} class={classes!("status", p.status.map(|s| s.as_str()))}>
                        { status_label(lang, p.status, p.status_text.as_deref()) }
                    </FieldValue>
                }) }
                { row(FieldPath::ProjectPeriod.as_str(), period) }
                { text(FieldPath::ProjectResponsibleAuthority.as_str(), p.responsible_authority.as_deref().map(str::to_owned)) }
                { text(FieldPath::ProjectPriorityAxis.as_str(), p.priority_axis.as_ref().map(numbered_text)) }
                { text(FieldPath::ProjectSpecificObjective.as_str(), p.specific_objective.as_ref().map(numbered_text)) }
            </dl>
            <p class="file-info muted">
                { format!("{}: {} · {}: {} · {}", t.file, doc.source.file_name, t.encoding,
                    doc.source.encoding.as_str(), t.line_count_unit.count(lang, doc.source.line_count as usize)) }
            </p>
        </header>
    }
}
