//! The selected document: its header, downloads and the three tabs.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::applicant_card::ApplicantCard;
use crate::components::area_card::AreaCard;
use crate::components::diagnostics_list::DiagnosticsList;
use crate::components::doc_header::DocHeader;
use crate::components::extras_card::ExtrasCard;
use crate::components::field::DocContext;
use crate::components::funding_card::FundingCard;
use crate::components::gender_card::GenderCard;
use crate::components::indicators_card::IndicatorsCard;
use crate::components::json_view::JsonView;
use crate::components::list_origin_card::ListOriginCard;
use crate::components::prose::ProseCard;
use crate::components::source_view::SourceView;
use crate::components::sustainability_card::SustainabilityCard;
use crate::components::tab_list::TabList;
use crate::i18n::Lang;
use crate::ingest::Loaded;
use crate::state::Tab;

/// Properties of [`DocumentView`].
#[derive(Properties)]
pub struct DocumentViewProps {
    /// The document with its text.
    pub loaded: Rc<Loaded>,
    /// The open tab.
    pub tab: Tab,
    /// The source line to show.
    pub current_line: Option<u32>,
    /// A short message after copying.
    pub notice: Option<AttrValue>,
    /// A tab was chosen.
    pub on_tab: Callback<Tab>,
    /// A field or diagnostic asked for its source line.
    pub on_jump: Callback<u32>,
    /// "Download JSON".
    pub on_download: Callback<()>,
    /// "Copy JSON".
    pub on_copy: Callback<()>,
}

impl PartialEq for DocumentViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && self.tab == other.tab
            && self.current_line == other.current_line
            && self.notice == other.notice
            && self.on_tab == other.on_tab
            && self.on_jump == other.on_jump
            && self.on_download == other.on_download
            && self.on_copy == other.on_copy
    }
}

/// `#document-view[data-code]`: header, actions, tabs and the open tab's panel.
#[component]
pub fn DocumentView(props: &DocumentViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let t = lang.t();
    let loaded = &props.loaded;
    let doc = &loaded.doc;
    let ctx = DocContext {
        loaded: Rc::clone(loaded),
        on_jump: props.on_jump.clone(),
    };
    // Only the open tab's content is built: the JSON and the source lines of a large file
    // cost nothing until asked for.
    let panel = |tab: Tab, content: &dyn Fn() -> Html| {
        let open = tab == props.tab;
        html! {
            <div role="tabpanel" id={format!("panel-{}", tab.id())}
                aria-labelledby={format!("tab-{}", tab.id())} class="panel" hidden={!open}
                tabindex="0">
                if open { { content() } }
            </div>
        }
    };
    let document_panel = || {
        html! {
            <div class="cards">
                <ListOriginCard />
                <FundingCard />
                <ApplicantCard />
                <AreaCard />
                <IndicatorsCard />
                <GenderCard />
                <SustainabilityCard />
                <ProseCard />
                <ExtrasCard />
                <DiagnosticsList />
            </div>
        }
    };
    let source_panel = || {
        html! {
            <SourceView loaded={Rc::clone(loaded)} current_line={props.current_line} />
        }
    };
    let json_panel = || html! { <JsonView json={AttrValue::from(loaded.json())} /> };
    let on_download = props.on_download.reform(|_: MouseEvent| ());
    let on_copy = props.on_copy.reform(|_: MouseEvent| ());
    html! {
        <ContextProvider<DocContext> context={ctx}>
            <article id="document-view" class="document-view"
                data-code={doc.project.code.as_deref().unwrap_or_default().to_owned()}
                aria-labelledby="doc-title">
                <DocHeader />
                <div class="toolbar">
                    <button id="download-json" type="button" class="button" onclick={on_download}>
                        { t.download_json }
                    </button>
                    <button id="copy-json" type="button" class="button" onclick={on_copy}>
                        { t.copy_json }
                    </button>
                    <span class="notice" role="status" aria-live="polite">
                        { props.notice.clone().unwrap_or_default() }
                    </span>
                </div>
                <TabList tab={props.tab} on_tab={props.on_tab.clone()} />
                { panel(Tab::Document, &document_panel) }
                { panel(Tab::Source, &source_panel) }
                { panel(Tab::Json, &json_panel) }
            </article>
        </ContextProvider<DocContext>>
    }
}
