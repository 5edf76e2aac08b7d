//! The applicant, its contact person and the co-implementers.

use yew::prelude::*;

use crate::components::field::{meta_row, DocContext, FieldValue};
use crate::i18n::Lang;
use crate::view_model::{mailto_href, website_href};

/// Properties of [`BusinessIdMark`].
#[derive(Properties, PartialEq)]
pub struct BusinessIdMarkProps {
    /// `business_id_valid` of the document.
    pub valid: Option<bool>,
}

/// A visible mark after a business ID whose check digit is wrong.
#[component]
pub fn BusinessIdMark(props: &BusinessIdMarkProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let t = lang.t();
    if props.valid == Some(false) {
        html! {
            <span class="invalid-mark" title={t.invalid_business_id}>
                <span aria-hidden="true">{ " ⚠" }</span>
                <span class="visually-hidden">{ format!(" ({})", t.invalid_business_id) }</span>
            </span>
        }
    } else {
        html! {}
    }
}

/// The applicant card.
#[component]
pub fn ApplicantCard() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let Some(ctx) = use_context::<DocContext>() else {
        return html! {};
    };
    let t = lang.t();
    let a = &ctx.loaded.doc.applicant;
    let none = || t.none.to_owned();
    let row = |path: &'static str, value: Html| meta_row(lang, path, value);
    let text = |path: &'static str, v: &Option<String>| {
        row(
            path,
            html! { <FieldValue path={path}>{ v.clone().unwrap_or_else(none) }</FieldValue> },
        )
    };
    let website = match a.website.as_deref().map(|w| (w, website_href(w))) {
        Some((w, Some(href))) => html! {
            <FieldValue path="applicant.website" rich=true>
                <a {href} target="_blank" rel="noopener noreferrer">{ w }</a>
            </FieldValue>
        },
        Some((w, None)) => html! { <FieldValue path="applicant.website">{ w }</FieldValue> },
        None => html! { <FieldValue path="applicant.website">{ none() }</FieldValue> },
    };
    let email = match a.contact.email.as_deref().map(|e| (e, mailto_href(e))) {
        Some((e, Some(href))) => html! {
            <FieldValue path="applicant.contact.email" rich=true>
                <a {href}>{ e }</a>
            </FieldValue>
        },
        Some((e, None)) => html! { <FieldValue path="applicant.contact.email">{ e }</FieldValue> },
        None => html! { <FieldValue path="applicant.contact.email">{ none() }</FieldValue> },
    };
    let joint = a.joint_project.map_or_else(none, |j| {
        if j {
            t.joint_project
        } else {
            t.single_applicant
        }
        .to_owned()
    });
    let co = a.co_implementers.iter().enumerate().map(|(i, c)| {
        let path = format!("applicant.co_implementers.{i}");
        html! {
            <li>
                <FieldValue path={path}>
                    { &c.name }
                    if let Some(id) = &c.business_id {
                        { format!(", {id}") }
                    }
                </FieldValue>
                <BusinessIdMark valid={c.business_id_valid} />
            </li>
        }
    });
    html! {
        <section id="applicant" class="card" aria-labelledby="applicant-title">
            <h3 id="applicant-title">{ t.applicant }</h3>
            <dl class="meta">
                { text("applicant.name", &a.name) }
                { text("applicant.organisation_type", &a.organisation_type) }
                { row("applicant.business_id", html! {
                    <>
                        <FieldValue path="applicant.business_id">{ a.business_id.clone().unwrap_or_else(none) }</FieldValue>
                        <BusinessIdMark valid={a.business_id_valid} />
                    </>
                }) }
                { text("applicant.street_address", &a.street_address) }
                { text("applicant.postal_code", &a.postal_code) }
                { text("applicant.city", &a.city) }
                { text("applicant.phone", &a.phone) }
                { row("applicant.website", website) }
                { row("applicant.joint_project", html! {
                    <FieldValue path="applicant.joint_project">{ joint }</FieldValue>
                }) }
            </dl>
            <h4>{ t.contact }</h4>
            <dl class="meta">
                { text("applicant.contact.name", &a.contact.name) }
                { text("applicant.contact.position", &a.contact.position) }
                { row("applicant.contact.email", email) }
                { text("applicant.contact.phone", &a.contact.phone) }
            </dl>
            if !a.co_implementers.is_empty() {
                <h4>{ t.co_implementers }</h4>
                <ul class="co-implementers">{ for co }</ul>
            }
        </section>
    }
}
