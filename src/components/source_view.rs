//! The Source tab: the decoded text with line numbers; diagnostics marked on their lines and
//! the line of the last jump highlighted and scrolled into view. A document from a file the
//! user gave keeps no text: the file is read again when the tab is first shown.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::hooks::use_source_text;
use crate::i18n::Lang;
use crate::ingest::{Loaded, Rebuilt};
use crate::view_model::{diagnostics_by_line, severity_label};

/// Properties of [`SourceView`].
#[derive(Properties)]
pub struct SourceViewProps {
    /// The document and its text.
    pub loaded: Rc<Loaded>,
    /// The line to highlight and show.
    pub current_line: Option<u32>,
}

impl PartialEq for SourceViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded) && self.current_line == other.current_line
    }
}

/// Lines `#src-line-N`; `.current` on the highlighted line, `.diag` on lines with diagnostics.
#[component]
pub fn SourceView(props: &SourceViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let t = lang.t();
    let source = use_source_text(&props.loaded);
    {
        let line = props.current_line;
        use_effect_with(
            (line, Rc::as_ptr(&props.loaded) as usize, source.is_some()),
            move |(line, ..)| {
                if let Some(line) = line {
                    browser::reveal(&format!("src-line-{line}"));
                }
            },
        );
    }
    let Some(source) = source else {
        return html! {
            <section class="source-view" aria-labelledby="source-title" aria-busy="true">
                <h3 id="source-title" class="visually-hidden">{ t.source_text }</h3>
                <p class="muted" role="status">{ t.source_reading }</p>
            </section>
        };
    };
    let rebuilt_note = source.rebuilt.map(|why| match why {
        Rebuilt::Imported => ("imported", t.source_rebuilt),
        Rebuilt::Unreadable => ("unreadable", t.source_unreadable),
    });
    let by_line = diagnostics_by_line(&props.loaded.doc.diagnostics);
    // Numbered as the core numbers them (CR, LF and CRLF), so every jump lands.
    let lines = hankekuvaus::source_lines(&source.text)
        .enumerate()
        .map(|(i, text)| {
            let n = i as u32 + 1;
            let diags = by_line.get(&n);
            let current = props.current_line == Some(n);
            let class = classes!(
                "src-line",
                diags.map(|_| "diag"),
                diags
                    .and_then(|d| d.iter().map(|d| d.severity).max())
                    .map(|s| s.as_str()),
                current.then_some("current")
            );
            let notes = diags.map(|ds| {
                html! {
                    <span class="src-notes">
                        { for ds.iter().map(|d| html! {
                            <span class={classes!("src-note", d.severity.as_str())}>
                                { format!("{}: {}", severity_label(lang, d.severity), d.message) }
                            </span>
                        }) }
                    </span>
                }
            });
            html! {
                <div id={format!("src-line-{n}")} {class} data-line={n.to_string()}
                    tabindex={current.then_some("-1")}
                    aria-current={current.then_some("true")}>
                    <span class="ln" aria-hidden="true">{ n }</span>
                    <span class="txt">{ text }</span>
                    { notes.unwrap_or_default() }
                </div>
            }
        });
    html! {
        <section class="source-view" aria-labelledby="source-title">
            <h3 id="source-title" class="visually-hidden">{ t.source_text }</h3>
            if let Some((key, note)) = rebuilt_note {
                <p class="note" data-rebuilt={key}>{ note }</p>
            }
            <div class="source" translate="no">{ for lines }</div>
        </section>
    }
}
