//! A typed field's value: carries `data-field="<json path>"` and jumps to its source line.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::ingest::Loaded;
use crate::view_model::field_line;

/// What the fields of the shown document need: the document (for `field_lines`) and the
/// jump to a source line.
#[derive(Clone, Debug)]
pub struct DocContext {
    /// The shown document.
    pub loaded: Rc<Loaded>,
    /// Opens the Source tab at a line.
    pub on_jump: Callback<u32>,
}

impl PartialEq for DocContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded) && self.on_jump == other.on_jump
    }
}

/// A row of a `<dl class="meta">`: the field's label (by its JSON path) and its value.
pub fn meta_row(lang: Lang, path: &str, value: Html) -> Html {
    html! {
        <div class="meta-row">
            <dt>{ lang.field_label(path) }</dt>
            <dd>{ value }</dd>
        </div>
    }
}

/// Properties of [`FieldValue`].
#[derive(Properties, PartialEq)]
pub struct FieldValueProps {
    /// The JSON path of the field, as in `field_lines` (`funding.granted_eu_state`).
    pub path: AttrValue,
    /// The rendered value.
    pub children: Html,
    /// Extra classes.
    #[prop_or_default]
    pub class: Classes,
    /// Rich content (links, paragraphs) cannot sit inside a button: the value is wrapped and
    /// a separate small button jumps to the source.
    #[prop_or_default]
    pub rich: bool,
    /// The value holds blocks (paragraphs): wrap it in a `div` rather than a `span`.
    #[prop_or_default]
    pub block: bool,
}

/// A field value. Plain values are themselves the button that jumps to the source line;
/// rich values get a jump button beside them. Without a known line, just the value.
#[component]
pub fn FieldValue(props: &FieldValueProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let ctx = use_context::<DocContext>();
    let line = ctx
        .as_ref()
        .and_then(|c| field_line(&c.loaded.doc, &props.path));
    let t = lang.t();
    let class = classes!("field", props.class.clone());
    match (line, ctx) {
        (Some(line), Some(ctx)) => {
            let title = format!("{} {line}", t.show_in_source);
            let onclick = ctx.on_jump.reform(move |_: MouseEvent| line);
            if props.rich {
                let rich_class = classes!(class, "field-rich");
                let tag = if props.block { "div" } else { "span" };
                html! {
                    <@{tag} class={rich_class} data-field={props.path.clone()}>
                        { props.children.clone() }
                        <button type="button" class="jump" {title} {onclick} data-line={line.to_string()}>
                            <span aria-hidden="true">{ "↧" }</span>
                            if props.block {
                                // Under a block of text a bare arrow says too little.
                                <span aria-hidden="true">{ format!(" {} {line}", t.line) }</span>
                            }
                            <span class="visually-hidden">{ format!("{} {line}", t.show_in_source) }</span>
                        </button>
                    </@>
                }
            } else {
                let link_class = classes!(class, "field-link");
                html! {
                    <button type="button" class={link_class} data-field={props.path.clone()}
                        data-line={line.to_string()} {title} {onclick}>
                        { props.children.clone() }
                    </button>
                }
            }
        }
        _ => {
            let tag = if props.block { "div" } else { "span" };
            html! {
                <@{tag} {class} data-field={props.path.clone()}>{ props.children.clone() }</@>
            }
        }
    }
}
