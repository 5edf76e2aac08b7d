//! The progress of file reads: files and megabytes done of the total, files that are not
//! descriptions so far, a cancel button; and the notice of a refused drop.

use yew::prelude::*;

use crate::i18n::{counts, Lang};
use crate::loading::{megabytes, Phase, Progress, MAX_FILES_PER_DROP};
use crate::view_model::format_number;

/// Properties of [`LoadProgress`].
#[derive(Properties, PartialEq)]
pub struct LoadProgressProps {
    /// The progress of the latest reads, if any.
    pub progress: Option<Progress>,
    /// The number of files of a refused drop, if the latest drop was refused.
    pub refused: Option<usize>,
    /// The cancel button was pressed.
    pub on_cancel: Callback<()>,
    /// A finished progress or a refusal was dismissed.
    pub on_dismiss: Callback<()>,
}

/// The progress bar (`#load-progress`) and the refusal notice (`#load-refused`).
#[component]
pub fn LoadProgress(props: &LoadProgressProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Fi);
    let o = lang.o();
    let group = |n: usize| format_number(lang, n as f64);
    let words = counts(lang);
    let refused = props.refused.map(|n| {
        let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
        html! {
            <div id="load-refused" class="ov-notice error" role="alert" data-count={n.to_string()}>
                <p>
                    { format!("{} {}. ", o.too_many_files, words.files.count(lang, n)) }
                    { o.too_many_files_limit }
                </p>
                <button type="button" class="button subtle" onclick={on_dismiss}>{ o.dismiss }</button>
            </div>
        }
    });
    let progress = props.progress.as_ref().map(|p| {
        let running = p.phase == Phase::Running;
        let heading = match p.phase {
            Phase::Running => o.reading,
            Phase::Finished => o.finished,
            Phase::Cancelled => o.cancelled,
        };
        let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
        let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
        html! {
            <section id="load-progress" class="load-progress" data-state={p.phase.as_str()}
                data-done={p.files_done.to_string()} data-total={p.files_total.to_string()}
                data-errors={p.errors.to_string()} aria-labelledby="load-progress-heading">
                <h2 id="load-progress-heading" class="load-heading">{ heading }</h2>
                <progress id="load-progress-bar" max={p.files_total.max(1).to_string()}
                    value={p.files_done.to_string()} aria-labelledby="load-progress-heading" />
                <p class="load-figures" role="status">
                    <span class="load-files">
                        { format!("{} / {}", group(p.files_done), words.files.count(lang, p.files_total)) }
                    </span>
                    <span class="load-bytes">
                        { format!("{} MB", megabytes(p.bytes_done)) }
                    </span>
                    <span class={classes!("load-errors", (p.errors > 0).then_some("has-errors"))}>
                        { words.not_descriptions.count(lang, p.errors) }
                    </span>
                </p>
                if running {
                    <button id="cancel-load" type="button" class="button" onclick={on_cancel}>
                        { o.cancel }
                    </button>
                } else {
                    <button type="button" class="button subtle" onclick={on_dismiss}>{ o.dismiss }</button>
                }
            </section>
        }
    });
    html! { <>{ for refused }{ for progress }</> }
}

const _: () = assert!(
    MAX_FILES_PER_DROP == 20_000,
    "the refusal text names 20 000"
);
