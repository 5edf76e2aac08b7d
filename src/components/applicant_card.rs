//! The applicant, its contact person and the co-implementers.

use hankekuvaus::paths::{self, FieldPath};
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
    let text = |path: &'static str, v: Option<&str>| {
        row(
            path,
            html! { <FieldValue path={path}>{ v.unwrap_or(t.none).to_owned() }</FieldValue> },
        )
    };
    let website = match a.website.as_deref().map(|w| (w, website_href(w))) {
        Some((w, Some(href))) => html! {
            <FieldValue path={FieldPath::ApplicantWebsite.as_str()} rich=true>
                <a {href} target="_blank" rel="noopener noreferrer">{ w }</a>
            </FieldValue>
        },
        Some((w, None)) => {
            html! { <FieldValue path={FieldPath::ApplicantWebsite.as_str()}>{ w }</FieldValue> }
        }
        None => {
            html! { <FieldValue path={FieldPath::ApplicantWebsite.as_str()}>{ none() }</FieldValue> }
        }
    };
    let email = match a.contact.email.as_deref().map(|e| (e, mailto_href(e))) {
        Some((e, Some(href))) => html! {
            <FieldValue path={FieldPath::ApplicantContactEmail.as_str()} rich=true>
                <a {href}>{ e }</a>
            </FieldValue>
        },
        Some((e, None)) => {
            html! { <FieldValue path={FieldPath::ApplicantContactEmail.as_str()}>{ e }</FieldValue> }
        }
        None => {
            html! { <FieldValue path={FieldPath::ApplicantContactEmail.as_str()}>{ none() }</FieldValue> }
        }
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
        let path = paths::co_implementer(i);
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
                { text(FieldPath::ApplicantName.as_str(), a.name.as_deref()) }
                { text(FieldPath::ApplicantOrganisationType.as_str(), a.organisation_type.as_deref()) }
                { row(FieldPath::ApplicantBusinessId.as_str(), html! {
                    <>
                        <FieldValue path={FieldPath::ApplicantBusinessId.as_str()}>{ a.business_id.as_deref().unwrap_or(t.none).to_owned() }</FieldValue>
                        <BusinessIdMark valid={a.business_id_valid} />
                    </>
                }) }
                { text(FieldPath::ApplicantStreetAddress.as_str(), a.street_address.as_deref()) }
                { text(FieldPath::ApplicantPostalCode.as_str(), a.postal_code.as_deref()) }
                { text(FieldPath::ApplicantCity.as_str(), a.city.as_deref()) }
                { text(FieldPath::ApplicantPhone.as_str(), a.phone.as_deref()) }
                { row(FieldPath::ApplicantWebsite.as_str(), website) }
                { row(FieldPath::ApplicantJointProject.as_str(), html! {
                    <FieldValue path={FieldPath::ApplicantJointProject.as_str()}>{ joint }</FieldValue>
                }) }
            </dl>
            <h4>{ t.contact }</h4>
            <dl class="meta">
                { text(FieldPath::ApplicantContactName.as_str(), a.contact.name.as_deref()) }
                { text(FieldPath::ApplicantContactPosition.as_str(), a.contact.position.as_deref()) }
                { row(FieldPath::ApplicantContactEmail.as_str(), email) }
                { text(FieldPath::ApplicantContactPhone.as_str(), a.contact.phone.as_deref()) }
            </dl>
            if !a.co_implementers.is_empty() {
                <h4>{ t.co_implementers }</h4>
                <ul class="co-implementers">{ for co }</ul>
            }
        </section>
    }
}
