//! The view in the page's address, after `#`: a fragment never leaves the browser, so a link
//! names a view without sending anything anywhere. Pure and tested natively; the browser's
//! side is `hooks::use_view_url`.
//!
//! `#lang=fi&view=overview&project=S20884&tab=source&q=ty%C3%B6&region=Etel%C3%A4-Savo&sort=-granted_eu_state`
//!
//! One key per part of [`ViewState`], in the table [`KEYS`]: a key writes its value, or
//! nothing for its default, and reads its value back, ignoring one it cannot read. Keys are
//! written in the table's order, values percent-encoded as UTF-8; unknown keys are ignored.
//! A session file's `view` holds the same keys unencoded ([`pairs`], [`from_pairs`]).
//! No document content goes in: a project is named by its code (or file name).
//!
//! To add a part of the view: a field in [`ViewState`] and a row in [`KEYS`] (and a row in
//! `schema/session.schema.json` and `schema/README.md`; a test checks the schema).

mod keys;

pub use keys::{Key, KEYS};

use crate::state::ViewState;
/// The view's keys and values, in the table's order, defaults left out; the language only
/// when something else is there (a page where nothing is chosen has a bare address).
pub fn pairs(view: &ViewState) -> Vec<(&'static str, String)> {
    let pairs: Vec<(&'static str, String)> = KEYS
        .iter()
        .filter_map(|k| (k.get)(view).map(|v| (k.name, v)))
        .collect();
    if pairs.iter().all(|(k, _)| *k == "lang") {
        return Vec::new();
    }
    pairs
}

/// The view from keys and values (a session's `view`); unknown keys and values that cannot
/// be read are ignored, and a later key wins over an earlier one of the same name.
pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ViewState {
    let mut view = ViewState::default();
    for (name, value) in pairs {
        if let Some(key) = KEYS.iter().find(|k| k.name == name) {
            (key.set)(&mut view, value);
        }
    }
    view
}

/// The fragment of `view`, without `#`: `""` for the default view.
pub fn write(view: &ViewState) -> String {
    join(&pairs(view))
}

fn join(pairs: &[(&'static str, String)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    parts.join("&")
}

/// The view of a fragment (with or without `#`): whatever it holds that is not a key=value
/// of a known key with a value that can be read is ignored.
pub fn parse(fragment: &str) -> ViewState {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let decoded: Vec<(String, String)> = fragment
        .split('&')
        .filter_map(|part| part.split_once('='))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect();
    from_pairs(decoded.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// Whether a fragment is a view (empty, or `key=value` pairs) rather than an anchor within
/// the page (`#main` of the skip link), which leaves the view as it is.
pub fn is_view(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.is_empty() || fragment.contains('=')
}

/// Percent-encodes every byte of the UTF-8 but the unreserved characters (RFC 3986).
pub fn encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// Decodes `%XX` escapes (as UTF-8; invalid sequences become U+FFFD) and `+` as a space,
/// as forms write it; a `%` not followed by two hex digits stays as it is.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How the address follows a change of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A new history entry with this fragment: a view was chosen.
    Push(String),
    /// The current entry gets this fragment: typing goes on, or only the written language
    /// changed.
    Replace(String),
}

/// What the address shows and whether the user is typing into it, so that each view chosen
/// is one step back and a word typed is one step, not one per key press.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// The pairs of the view the address shows.
    shown: Vec<(&'static str, String)>,
    /// The typed key of the last step, while typing goes on.
    typing: Option<&'static str>,
}

impl History {
    /// The address shows `view` (the page opened or went back or forward to it).
    pub fn restored(&mut self, view: &ViewState) {
        self.shown = pairs(view);
        self.typing = None;
    }

    /// The page's view is now `next`: how the address follows (`None`: it shows it already).
    pub fn follow(&mut self, next: &ViewState) -> Option<Step> {
        let next = pairs(next);
        if next == self.shown {
            return None;
        }
        let value = |pairs: &[(&'static str, String)], name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
        };
        // The language appears and disappears with the rest of the view; that alone is no step.
        let changed: Vec<&Key> = KEYS
            .iter()
            .filter(|k| {
                let (a, b) = (value(&self.shown, k.name), value(&next, k.name));
                a != b && !(k.name == "lang" && (a.is_none() || b.is_none()))
            })
            .collect();
        let typed = match changed.as_slice() {
            [key] if key.typed => Some(key.name),
            _ => None,
        };
        let fragment = join(&next);
        let step = if changed.is_empty() || (typed.is_some() && typed == self.typing) {
            Step::Replace(fragment)
        } else {
            Step::Push(fragment)
        };
        self.typing = typed;
        self.shown = next;
        Some(step)
    }
}

#[cfg(test)]
mod tests {
    use hankekuvaus_search::Facet;

    use super::*;
    use crate::i18n::Lang;
    use crate::overview::Column;
    use crate::state::{MainView, Tab};
    use crate::state::{OverviewAction, OverviewState};

    fn full_view() -> ViewState {
        let mut overview = OverviewState::default();
        for action in [
            OverviewAction::Search("työllisyys \"Etelä-Savo\" & #1 = 100% + ?".into()),
            OverviewAction::Region("Etelä-Savo".into()),
            OverviewAction::Status("ended".into()),
            OverviewAction::Fund("ESR+".into()),
            OverviewAction::Axis("3 Työllisyys ja työvoiman liikkuvuus".into()),
            OverviewAction::Year(Some(2019)),
            OverviewAction::Period("2014-2020".into()),
            OverviewAction::ToggleFacet(Facet::Region, "Etelä-Savo".into()),
            OverviewAction::ToggleFacet(Facet::Region, "Pohjois-Savo".into()),
            OverviewAction::ToggleFacet(Facet::Authority, "Hämeen ELY-keskus, työ".into()),
            OverviewAction::MinGranted("250 000".into()),
            OverviewAction::MaxGranted("1 500 000,50 €".into()),
            OverviewAction::Organisation("0174846-7".into()),
            OverviewAction::SortBy(Column::Granted),
        ] {
            overview.apply(action);
        }
        ViewState {
            lang: Some(Lang::Fi),
            view: MainView::Overview,
            project: Some("Hämeen kysely/ä&ö=1.txt".into()),
            tab: Tab::Json,
            list_filter: "ö ä å € 🙂".into(),
            overview,
            compare: vec!["S21498".into(), "a, b.txt".into()],
        }
    }

    #[test]
    fn every_part_of_the_view_round_trips_through_the_address() {
        let view = full_view();
        let fragment = write(&view);
        assert_eq!(parse(&fragment), view);
        assert_eq!(parse(&format!("#{fragment}")), view);
        for key in KEYS {
            assert!(
                fragment.contains(&format!("{}=", key.name)),
                "{} is written",
                key.name
            );
        }
        // The session's unencoded pairs give the same view.
        let pairs = pairs(&view);
        assert_eq!(
            from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))),
            view
        );
        assert!(fragment.starts_with("lang=fi&view=overview&project=H%C3%A4meen%20kysely%2F"));
        assert!(fragment.contains("&sort=-granted_eu_state"));
        assert!(fragment.contains("&compare=S21498%7Ca%2C%20b.txt"));
    }

    #[test]
    fn the_comparison_view_and_unknown_facets() {
        let view = parse("view=compare&facets=region:Lappi;nonsense:x;year:;fund:ESR");
        assert_eq!(view.view, MainView::Compare);
        let facets: Vec<(Facet, Vec<&str>)> = view
            .overview
            .search
            .facets
            .iter()
            .map(|(f, v)| (*f, v.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            facets,
            vec![(Facet::Region, vec!["Lappi"]), (Facet::Fund, vec!["ESR"])]
        );
        let five = parse("compare=A|B|C|D|E");
        assert_eq!(five.compare, ["A", "B", "C", "D"], "at most four");
    }

    #[test]
    fn only_unreserved_characters_stay_unencoded() {
        let fragment = write(&full_view());
        assert!(
            fragment.split(['&', '=']).all(|p| p
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b))),
            "{fragment}"
        );
        assert_eq!(encode("ä ö&=#%+/"), "%C3%A4%20%C3%B6%26%3D%23%25%2B%2F");
        assert_eq!(decode("%C3%A4+%c3%b6%2"), "ä ö%2");
        assert_eq!(decode("%FF%41"), "\u{FFFD}A", "invalid UTF-8 is replaced");
    }

    #[test]
    fn defaults_are_left_out_and_an_untouched_page_has_a_bare_address() {
        assert_eq!(write(&ViewState::default()), "");
        let only_lang = ViewState {
            lang: Some(Lang::En),
            ..ViewState::default()
        };
        assert_eq!(write(&only_lang), "");
        let sorted_by_code = ViewState {
            lang: Some(Lang::En),
            view: MainView::Overview,
            ..ViewState::default()
        };
        assert_eq!(write(&sorted_by_code), "lang=en&view=overview");
    }

    #[test]
    fn garbage_and_unknown_keys_are_ignored() {
        let view = parse(
            "#q=a&&=x&nokey&zzz=1&tab=cards&view=elsewhere&year=20x9&sort=-nope\
             &lang=xx&region=%E4&q=b&facets=nokey:1",
        );
        assert_eq!(view, from_pairs([("q", "b"), ("region", "\u{FFFD}")]));
        assert_eq!(parse(""), ViewState::default());
        assert_eq!(parse("#"), ViewState::default());
        assert_eq!(parse("%%%&==&"), ViewState::default());
        assert!(!is_view("#main"), "an anchor within the page is no view");
        assert!(is_view("") && is_view("#") && is_view("#q=a") && is_view("zzz=1"));
    }

    #[test]
    fn the_session_schema_names_every_key() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/session.schema.json");
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let named = schema["properties"]["view"]["properties"]
            .as_object()
            .unwrap();
        let keys: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
        let mut schema_keys: Vec<&str> = named.keys().map(String::as_str).collect();
        schema_keys.sort_unstable();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(
            schema_keys, sorted,
            "schema/session.schema.json's view keys"
        );
    }

    #[test]
    fn chosen_views_push_and_typing_pushes_once_then_replaces() {
        let mut history = History::default();
        history.restored(&ViewState::default());
        let mut view = ViewState {
            lang: Some(Lang::En),
            ..ViewState::default()
        };
        assert_eq!(history.follow(&view), None, "the language alone is no view");

        view.view = MainView::Overview;
        assert_eq!(
            history.follow(&view),
            Some(Step::Push("lang=en&view=overview".into()))
        );
        for (typed, step) in [("m", "push"), ("mi", "replace"), ("mik", "replace")] {
            view.overview.filter.text = typed.into();
            let got = history.follow(&view).unwrap();
            let fragment = format!("lang=en&view=overview&q={typed}");
            let want = match step {
                "push" => Step::Push(fragment),
                _ => Step::Replace(fragment),
            };
            assert_eq!(got, want);
        }
        view.overview.filter.region = "Lappi".into();
        assert!(matches!(history.follow(&view), Some(Step::Push(_))));
        view.overview.filter.text = "mikkeli".into();
        assert!(
            matches!(history.follow(&view), Some(Step::Push(_))),
            "typing again after a choice is a new step"
        );
        view.list_filter = "S2".into();
        assert!(
            matches!(history.follow(&view), Some(Step::Push(_))),
            "typing in another box is a new step"
        );
        assert_eq!(history.follow(&view), None, "no change, no step");

        view.lang = Some(Lang::Fi);
        assert!(matches!(history.follow(&view), Some(Step::Push(_))));

        // Back: the address shows an earlier view; the page then shows the same.
        let earlier = parse("lang=en&view=overview&q=mik");
        history.restored(&earlier);
        assert_eq!(history.follow(&earlier), None);
        let mut next = earlier.clone();
        next.overview.filter.text = "mikk".into();
        assert!(
            matches!(history.follow(&next), Some(Step::Push(_))),
            "typing after going back starts a new step"
        );

        // A link without a language: the page's language joins it without a step.
        history.restored(&parse("view=overview"));
        let shown = ViewState {
            lang: Some(Lang::Fi),
            ..parse("view=overview")
        };
        assert_eq!(
            history.follow(&shown),
            Some(Step::Replace("lang=fi&view=overview".into()))
        );
    }
}
