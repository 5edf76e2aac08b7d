//! The geographical area: regions, sub-regions, municipalities and the site address.

use yew::prelude::*;

use crate::components::field::{DocContext, FieldValue};
use crate::i18n::Lang;

/// The area card.
#[component]
pub fn AreaCard() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(ctx) = use_context::<DocContext>() else {
        return html! {};
    };
    let t = lang.t();
    let area = &ctx.loaded.doc.area;
    let list = |path: &'static str, items: &[String]| {
        let value = if items.is_empty() {
            t.none.to_owned()
        } else {
            items.join(", ")
        };
        html! {
            <div class="meta-row">
                <dt>{ lang.field_label(path) }</dt>
                <dd><FieldValue path={path}>{ value }</FieldValue></dd>
            </div>
        }
    };
    let site = &area.site;
    let site_row = |path: &'static str, label_path: &'static str, v: &Option<String>| {
        let value = v
            .as_deref()
            .filter(|v| !v.trim().is_empty())
            .unwrap_or(t.none)
            .to_owned();
        html! {
            <div class="meta-row">
                <dt>{ lang.field_label(label_path) }</dt>
                <dd><FieldValue path={path}>{ value }</FieldValue></dd>
            </div>
        }
    };
    html! {
        <section id="area" class="card" aria-labelledby="area-title">
            <h3 id="area-title">{ t.area }</h3>
            <dl class="meta">
                if area.national {
                    <div class="meta-row">
                        <dt>{ t.area }</dt>
                        <dd><span data-field="area.national">{ t.national }</span></dd>
                    </div>
                }
                { list("area.regions", &area.regions) }
                { list("area.sub_regions", &area.sub_regions) }
                { list("area.municipalities", &area.municipalities) }
            </dl>
            <h4>{ lang.field_label("area.site") }</h4>
            <dl class="meta">
                { site_row("area.site.street_address", "applicant.street_address", &site.street_address) }
                { site_row("area.site.postal_code", "applicant.postal_code", &site.postal_code) }
                { site_row("area.site.city", "applicant.city", &site.city) }
            </dl>
        </section>
    }
}
