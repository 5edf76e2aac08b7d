//! The hit words marked in the shown document, wherever its text is (header, cards, the
//! Source tab), through the CSS Custom Highlight API: ranges over the page's text nodes,
//! painted by `::highlight(search-hit)` and `::highlight(search-current)`. Nothing is
//! added to the DOM, so the components that render the document stay as they are.
//!
//! [`word_ranges`] is the pure part (native tests); [`mark`] and [`show`] touch the page.

use std::cell::RefCell;
use std::collections::HashSet;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node, Range};

/// The highlight of every hit.
const HIT: &str = "search-hit";
/// The highlight of the hit stepped to.
const CURRENT: &str = "search-current";

thread_local! {
    /// The ranges marked last, in document order.
    static RANGES: RefCell<Vec<Range>> = const { RefCell::new(Vec::new()) };
}

/// The words of `text` whose lower case is in `words`, as UTF-16 offsets (the DOM's):
/// words are runs of letters and digits, as the index cuts them.
pub fn word_ranges(text: &str, words: &HashSet<String>) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut start: Option<(u32, usize)> = None;
    let mut at16 = 0u32;
    let mut check = |from: (u32, usize), end16: u32, end: usize| {
        if words.contains(&text[from.1..end].to_lowercase()) {
            out.push((from.0, end16));
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert((at16, i));
        } else if let Some(from) = start.take() {
            check(from, at16, i);
        }
        at16 += c.len_utf16() as u32;
    }
    if let Some(from) = start {
        check(from, at16, text.len());
    }
    out
}

/// Marks the `words` (lower case) in the text under `root`; returns how many were marked.
/// Without the Highlight API (an old browser) the count is still right, only unpainted.
pub fn mark(root: &Element, words: &[String]) -> usize {
    let words: HashSet<String> = words.iter().cloned().collect();
    let mut ranges = Vec::new();
    if !words.is_empty() {
        collect(root, &words, &mut ranges);
    }
    set_highlight(HIT, &ranges);
    set_highlight(CURRENT, &[]);
    let n = ranges.len();
    RANGES.with(|r| *r.borrow_mut() = ranges);
    n
}

/// Makes hit `i` (of the last [`mark`]) the current one and scrolls it into view.
pub fn show(i: usize) {
    let range = RANGES.with(|r| r.borrow().get(i).cloned());
    let Some(range) = range else { return };
    set_highlight(CURRENT, std::slice::from_ref(&range));
    let element = range
        .start_container()
        .ok()
        .and_then(|n| n.parent_element());
    if let Some(element) = element {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Takes every mark away.
pub fn unmark() {
    set_highlight(HIT, &[]);
    set_highlight(CURRENT, &[]);
    RANGES.with(|r| r.borrow_mut().clear());
}

/// The ranges of the words in every text node under `root`, in document order.
fn collect(root: &Element, words: &HashSet<String>, out: &mut Vec<Range>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // NodeFilter.SHOW_TEXT.
    let Ok(walker) = document.create_tree_walker_with_what_to_show(root, 0x4) else {
        return;
    };
    while let Ok(Some(node)) = walker.next_node() {
        let Some(text) = node.node_value() else {
            continue;
        };
        for (start, end) in word_ranges(&text, words) {
            if let Some(range) = range_of(&document, &node, start, end) {
                out.push(range);
            }
        }
    }
}

fn range_of(document: &web_sys::Document, node: &Node, start: u32, end: u32) -> Option<Range> {
    let range = document.create_range().ok()?;
    range.set_start(node, start).ok()?;
    range.set_end(node, end).ok()?;
    Some(range)
}

/// `CSS.highlights.set(name, new Highlight(...ranges))`, or `delete(name)` for none.
fn set_highlight(name: &str, ranges: &[Range]) {
    let global = js_sys::global();
    let get = |target: &JsValue, key: &str| Reflect::get(target, &JsValue::from_str(key)).ok();
    let Some(registry) = get(&global, "CSS")
        .and_then(|css| get(&css, "highlights"))
        .filter(|r| !r.is_undefined())
    else {
        return;
    };
    let method = |key: &str| get(&registry, key).and_then(|f| f.dyn_into::<Function>().ok());
    if ranges.is_empty() {
        if let Some(delete) = method("delete") {
            let _ = delete.call1(&registry, &JsValue::from_str(name));
        }
        return;
    }
    let highlight = get(&global, "Highlight")
        .and_then(|c| c.dyn_into::<Function>().ok())
        .and_then(|c| Reflect::construct(&c, &ranges.iter().collect::<Array>()).ok());
    if let (Some(set), Some(highlight)) = (method("set"), highlight) {
        let _ = set.call2(&registry, &JsValue::from_str(name), &highlight);
    }
}

/// The hit after (`forward`) or before `current` of `count`, round the ends; the first (or
/// last) when none is current; `None` without hits.
pub fn step(current: Option<usize>, count: usize, forward: bool) -> Option<usize> {
    if count == 0 {
        return None;
    }
    Some(match (current, forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(c), true) => (c + 1) % count,
        (Some(c), false) => (c + count - 1) % count.max(1),
    })
}

/// What the find bar announces: "3 / 12" once stepped, else the number of hits, or `none`.
pub fn status(current: Option<usize>, count: usize, hits: &str, none: &str) -> String {
    match (current, count) {
        (_, 0) => none.to_owned(),
        (Some(c), n) if c < n => format!("{} / {n}", c + 1),
        (_, n) => format!("{n} {hits}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_goes_round_and_the_status_says_where() {
        assert_eq!(step(None, 12, true), Some(0));
        assert_eq!(step(None, 12, false), Some(11));
        assert_eq!(step(Some(11), 12, true), Some(0));
        assert_eq!(step(Some(0), 12, false), Some(11));
        assert_eq!(step(Some(2), 12, true), Some(3));
        assert_eq!(step(Some(3), 0, true), None);
        assert_eq!(status(Some(2), 12, "osumaa", "-"), "3 / 12");
        assert_eq!(status(None, 12, "osumaa", "-"), "12 osumaa");
        assert_eq!(status(Some(12), 12, "osumaa", "-"), "12 osumaa");
        assert_eq!(status(None, 0, "osumaa", "Ei osumia"), "Ei osumia");
    }

    #[test]
    fn words_are_found_whole_in_any_case_with_utf16_offsets() {
        let words: HashSet<String> = ["maahanmuuttajat", "mikkelissä"].map(String::from).into();
        let text = "Maahanmuuttajat ja maahanmuuttajatyö Mikkelissä; 😀 MIKKELISSÄ.";
        let got = word_ranges(text, &words);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let pieces: Vec<String> = got
            .iter()
            .map(|&(s, e)| String::from_utf16(&utf16[s as usize..e as usize]).unwrap())
            .collect();
        assert_eq!(pieces, ["Maahanmuuttajat", "Mikkelissä", "MIKKELISSÄ"]);
        assert!(word_ranges("", &words).is_empty());
        assert_eq!(word_ranges("mikkelissä", &words), [(0, 10)]);
    }
}
