//! The geographical area: regions, sub-regions, municipalities and the site address.

use hankekuvaus::paths::FieldPath;
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
    let site_row = |path: &'static str, label_path: &'static str, v: Option<&str>| {
        let value = v
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
                        <dd><span data-field={FieldPath::AreaNational.as_str()}>{ t.national }</span></dd>
                    </div>
                }
                { list(FieldPath::AreaRegions.as_str(), &area.regions) }
                { list(FieldPath::AreaSubRegions.as_str(), &area.sub_regions) }
                { list(FieldPath::AreaMunicipalities.as_str(), &area.municipalities) }
            </dl>
            <h4>{ lang.field_label(FieldPath::AreaSite.as_str()) }</h4>
            <dl class="meta">
                { site_row(FieldPath::AreaSiteStreetAddress.as_str(), FieldPath::ApplicantStreetAddress.as_str(), site.street_address.as_deref()) }
                { site_row(FieldPath::AreaSitePostalCode.as_str(), FieldPath::ApplicantPostalCode.as_str(), site.postal_code.as_deref()) }
                { site_row(FieldPath::AreaSiteCity.as_str(), FieldPath::ApplicantCity.as_str(), site.city.as_deref()) }
            </dl>
        </section>
    }
}
