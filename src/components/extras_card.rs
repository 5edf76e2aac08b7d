//! "Other information": sections and fields of the page that the parser does not know,
//! shown as they are so that nothing a page adds is lost.

use yew::prelude::*;

use crate::components::field::DocContext;
use crate::extras::{extras, Extra};
use crate::i18n::Lang;

/// The card; renders nothing when the page has only known content.
#[component]
pub fn ExtrasCard() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(ctx) = use_context::<DocContext>() else {
        return html! {};
    };
    let t = lang.t();
    let items = extras(&ctx.loaded.doc);
    if items.is_empty() {
        return html! {};
    }
    let jump = |line: u32| {
        let onclick = ctx.on_jump.reform(move |_: MouseEvent| line);
        html! {
            <button type="button" class="jump" {onclick} data-line={line.to_string()}
                title={format!("{} {line}", t.show_in_source)}>
                <span aria-hidden="true">{ "↧" }</span>
                <span class="visually-hidden">{ format!("{} {line}", t.show_in_source) }</span>
            </button>
        }
    };
    let field_row = |label: &str, value: &str, line: u32| {
        html! {
            <div class="meta-row">
                <dt>{ label.to_owned() }</dt>
                <dd>{ value.to_owned() }{ " " }{ jump(line) }</dd>
            </div>
        }
    };
    fn section_html(
        s: &hankekuvaus::Section,
        field_row: &dyn Fn(&str, &str, u32) -> Html,
        jump: &dyn Fn(u32) -> Html,
    ) -> Html {
        let heading = format!(
            "{} {}",
            s.number.as_deref().unwrap_or(""),
            s.title.as_deref().unwrap_or("")
        );
        html! {
            <div class="extra-section" data-section={s.number.clone().unwrap_or_default()}>
                <h4>{ heading }{ " " }{ jump(s.line) }</h4>
                if !s.fields.is_empty() {
                    <dl class="meta">
                        { for s.fields.iter().map(|f| field_row(&f.label, &f.value, f.line)) }
                    </dl>
                }
                { for s.paragraphs.iter().map(|p| html! { <p class="prose">{ p.text.as_str() }</p> }) }
                { for s.subsections.iter().map(|sub| section_html(sub, field_row, jump)) }
            </div>
        }
    }
    html! {
        <section id="extras" class="card" aria-labelledby="extras-title">
            <h3 id="extras-title">{ t.extras }</h3>
            <p class="muted">{ t.extras_note }</p>
            { for items.iter().map(|item| match item {
                Extra::Section(s) => section_html(s, &field_row, &jump),
                Extra::Field { place, field } => html! {
                    <dl class="meta" data-place={place.clone()}>
                        { field_row(&format!("{} ({place})", field.label), &field.value, field.line) }
                    </dl>
                },
            }) }
        </section>
    }
}
