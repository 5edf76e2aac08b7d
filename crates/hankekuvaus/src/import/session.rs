//! The session file of the viewer's "Save session": this project's JSON export wrapped with
//! the view it was looked at in,
//! `{"session_version": 1, "view": {"key": "value", …}, "documents": […]}`.
//!
//! The documents are the array "Download all" writes, and the last member, so that a large
//! session is read item by item like a plain export ([`super::json_items`]); the members
//! before it are read whole first. The view is an object of strings whose keys the viewer
//! knows (its address keys); the core keeps it as pairs and gives it meaning nowhere.

use serde_json::{Map, Value};

use crate::codes::Code;
use crate::NotADescription;

/// The version of the session wrapper this crate writes and reads.
pub const SESSION_VERSION: u64 = 1;

/// The view of a session: its members, key and value (their order carries no meaning).
pub type View = Vec<(String, String)>;

/// The wrapper's members, in the order [`crate::export::session_json`] writes them.
pub(super) const VERSION_KEY: &str = "session_version";
pub(super) const VIEW_KEY: &str = "view";
pub(super) const DOCUMENTS_KEY: &str = "documents";

/// Whether a top-level object is a session rather than a document or a failure record.
pub(super) fn is_session(map: &Map<String, Value>) -> bool {
    map.contains_key(VERSION_KEY) || map.contains_key(DOCUMENTS_KEY)
}

fn damaged(what: String) -> NotADescription {
    NotADescription {
        code: Code::Json.as_str().to_owned(),
        message: format!(
            "This session file is damaged: {what}. Expected {{\"session_version\": \
             {SESSION_VERSION}, \"view\": {{…}}, \"documents\": […]}}, as the viewer's \
             \"Save session\" writes it."
        ),
    }
}

/// Checks the `session_version` member's value.
pub(super) fn check_version(value: Option<&Value>) -> Result<(), NotADescription> {
    let Some(value) = value else {
        return Err(damaged("it has no \"session_version\"".into()));
    };
    match value.as_u64() {
        Some(SESSION_VERSION) => Ok(()),
        Some(v) => Err(NotADescription {
            code: Code::Json.as_str().to_owned(),
            message: format!(
                "This session was written for session version {v}; this version reads \
                 version {SESSION_VERSION}."
            ),
        }),
        None => Err(damaged(format!(
            "\"session_version\" is {}, not a number",
            kind(value)
        ))),
    }
}

/// The view from the `view` member's value: an object of strings.
pub(super) fn view_of(value: Option<Value>) -> Result<View, NotADescription> {
    let Some(value) = value else {
        return Err(damaged("it has no \"view\"".into()));
    };
    let Value::Object(map) = value else {
        return Err(damaged(format!(
            "\"view\" is {}, not an object",
            kind(&value)
        )));
    };
    map.into_iter()
        .map(|(key, value)| match value {
            Value::String(s) => Ok((key, s)),
            other => Err(damaged(format!(
                "the view's \"{key}\" is {}, not a string",
                kind(&other)
            ))),
        })
        .collect()
}

/// A session read whole: its view and its documents' array (each item still to import).
pub(super) fn split(mut map: Map<String, Value>) -> Result<(View, Vec<Value>), NotADescription> {
    if let Some(key) = map
        .keys()
        .find(|k| ![VERSION_KEY, VIEW_KEY, DOCUMENTS_KEY].contains(&k.as_str()))
    {
        return Err(damaged(format!("it has an unknown member \"{key}\"")));
    }
    check_version(map.get(VERSION_KEY))?;
    let view = view_of(map.remove(VIEW_KEY))?;
    match map.remove(DOCUMENTS_KEY) {
        Some(Value::Array(items)) => Ok((view, items)),
        Some(other) => Err(damaged(format!(
            "\"documents\" is {}, not an array",
            kind(&other)
        ))),
        None => Err(damaged("it has no \"documents\"".into())),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The members before `"documents"` of a session starting at `start` (its `{`), read whole;
/// returns the view and the position just after the documents' `[`. `None` when the bytes
/// are not such a session with its documents last: the whole read then says what is wrong.
pub(super) fn head(bytes: &[u8], start: usize) -> Option<(View, usize)> {
    let mut pos = start + 1;
    let (mut version, mut view) = (None, None);
    loop {
        pos = super::skip_space(bytes, pos);
        let key_end = string_end(bytes, pos)?;
        // Read as a `Value`, as the values are: one instance of the reader in the bundle.
        let Ok(Value::String(key)) = serde_json::from_slice(&bytes[pos..key_end]) else {
            return None;
        };
        pos = super::skip_space(bytes, key_end);
        (bytes.get(pos) == Some(&b':')).then_some(())?;
        pos = super::skip_space(bytes, pos + 1);
        if key == DOCUMENTS_KEY {
            (bytes.get(pos) == Some(&b'[')).then_some(())?;
            check_version(version.as_ref()).ok()?;
            return Some((view_of(view).ok()?, pos + 1));
        }
        let end = value_end(bytes, pos)?;
        let value: Value = serde_json::from_slice(&bytes[pos..end]).ok()?;
        match key.as_str() {
            VERSION_KEY => version = Some(value),
            VIEW_KEY => view = Some(value),
            _ => return None,
        }
        pos = super::skip_space(bytes, end);
        (bytes.get(pos) == Some(&b',')).then_some(())?;
        pos += 1;
    }
}

/// The end (exclusive) of the JSON string starting at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    (bytes.get(start) == Some(&b'"')).then_some(())?;
    let mut escaped = false;
    for (k, &b) in bytes[start + 1..].iter().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => return Some(start + 1 + k + 1),
            _ => {}
        }
    }
    None
}

/// The end (exclusive) of the JSON value starting at `start`: an object, an array, a string
/// or a scalar running to the next delimiter.
fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
    match *bytes.get(start)? {
        b'{' | b'[' => super::object_end(bytes, start),
        b'"' => string_end(bytes, start),
        _ => {
            let len = bytes[start..]
                .iter()
                .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))?;
            (len > 0).then_some(start + len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_gives_the_view_and_where_the_documents_begin() {
        let text = br#"{"session_version": 1, "view": {"q": "a,\"}"}, "documents": [ ]}"#;
        let (view, at) = head(text, 0).unwrap();
        assert_eq!(view, vec![("q".to_owned(), "a,\"}".to_owned())]);
        assert_eq!(&text[at..], b" ]}");
    }

    #[test]
    fn a_head_that_is_not_a_session_version_1_is_left_to_the_whole_read() {
        for text in [
            r#"{"session_version": 2, "view": {}, "documents": []}"#,
            r#"{"view": {}, "documents": []}"#,
            r#"{"session_version": 1, "documents": []}"#,
            r#"{"session_version": 1, "view": {"year": 2019}, "documents": []}"#,
            r#"{"session_version": 1, "view": {}, "extra": 0, "documents": []}"#,
            r#"{"session_version": 1, "view": {}, "documents": {}}"#,
            r#"{"session_version": 1 "view": {}, "documents": []}"#,
            r#"{"session_version": 1, "view": {"#,
        ] {
            assert!(head(text.as_bytes(), 0).is_none(), "{text}");
        }
    }
}
