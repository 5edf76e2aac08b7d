//! Re-import of this project's JSON: a document, a failure record, an array of them, or a
//! session (the viewer's "Save session": the array wrapped with a view, see [`session`]).
//!
//! [`import_json`] reads it all at once ([`import_session`] also gives a session's view).
//! [`json_items`] reads an array's items one at a time from the bytes, for exports of whole
//! programmes (8,000 documents are 260 MB of JSON): only one item is a JSON tree at a time,
//! and the caller can stop between items.

pub mod session;

use serde_json::Value;

pub use session::{View, SESSION_VERSION};

use crate::codes::Code;
use crate::{Document, NotADescription, Outcome, OLDEST_SCHEMA_VERSION, SCHEMA_VERSION};

/// Reads JSON written by the CLI or the viewer: one object or an array of objects, each a
/// document or a `{source, error}` failure, or a session holding such an array. Reads schema
/// versions [`OLDEST_SCHEMA_VERSION`] to [`SCHEMA_VERSION`]; a document of an earlier
/// version is upgraded (the members added since are null). Rejects JSON of another shape or
/// another schema version with a message saying which.
pub fn import_json(text: &str) -> Result<Vec<Outcome>, NotADescription> {
    import_session(text).map(|(_, outcomes)| outcomes)
}

/// Reads what [`import_json`] reads, and gives a session's view too (`None` for a plain
/// export). A damaged session is refused with a message naming the damaged member.
pub fn import_session(text: &str) -> Result<(Option<View>, Vec<Outcome>), NotADescription> {
    let value: Value = serde_json::from_str(text).map_err(|e| NotADescription {
        code: Code::Json.as_str().to_owned(),
        message: format!("This JSON cannot be read ({e})."),
    })?;
    let (view, items) = match value {
        Value::Array(items) => (None, items),
        Value::Object(map) if session::is_session(&map) => {
            let (view, items) = session::split(map)?;
            (Some(view), items)
        }
        other => (None, vec![other]),
    };
    let outcomes = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| import_item(item, i))
        .collect::<Result<_, _>>()?;
    Ok((view, outcomes))
}

fn import_item(item: Value, index: usize) -> Result<Outcome, NotADescription> {
    let wrong_shape = |what: &str| NotADescription {
        code: Code::Json.as_str().to_owned(),
        message: format!(
            "This JSON is not a Hankekatselin export: item {} {what}. Expected documents \
             with \"schema_version\": {SCHEMA_VERSION}, as the viewer's \"Download JSON\" \
             or the hankekuvaus command writes them.",
            index + 1
        ),
    };
    let Value::Object(map) = &item else {
        return Err(wrong_shape("is not an object"));
    };
    if map.contains_key("error") && map.contains_key("source") {
        return serde_json::from_value(item)
            .map(Outcome::Failure)
            .map_err(|e| wrong_shape(&format!("is a damaged failure record ({e})")));
    }
    match map.get("schema_version").and_then(Value::as_u64) {
        Some(v) if (u64::from(OLDEST_SCHEMA_VERSION)..=u64::from(SCHEMA_VERSION)).contains(&v) => {
            serde_json::from_value::<Document>(item)
                .map(|mut d| {
                    // An earlier version lacks only members that are now null: the document
                    // read is one of this version.
                    d.schema_version = SCHEMA_VERSION;
                    // Read, each text is a string of its own: shared again as parsed.
                    crate::share_prose(&mut d);
                    Outcome::Document(Box::new(d))
                })
                .map_err(|e| wrong_shape(&format!("does not match schema version {v} ({e})")))
        }
        Some(v) => Err(NotADescription {
            code: Code::Json.as_str().to_owned(),
            message: format!(
                "This JSON was written for schema version {v}; this version reads versions \
                 {OLDEST_SCHEMA_VERSION} to {SCHEMA_VERSION}."
            ),
        }),
        None => Err(wrong_shape("has no \"schema_version\"")),
    }
}

/// The items of this project's JSON read one at a time from its bytes (UTF-8, as this project
/// writes it): each item is parsed into a tree and imported before the next is looked at.
/// A session's documents are read the same way, its view read first ([`JsonItems::view`]).
///
/// Items it yields as `Ok` are those [`import_json`] gives for the same input. It yields an
/// `Err` and stops where it cannot go on: input that is not a UTF-8 array of objects (a
/// single object, another encoding, damaged JSON) or an item that is not a document or a
/// failure record. Then read the whole input with [`import_json`], which decodes other
/// encodings, points at syntax errors by line and column, and says which item is wrong.
///
/// ```
/// use hankekuvaus::import::json_items;
/// let items: Vec<_> = json_items(b"[]").collect();
/// assert!(items.is_empty());
/// assert!(json_items(b"{}").next().unwrap().is_err(), "not an array: use import_json");
/// ```
pub fn json_items(bytes: &[u8]) -> JsonItems<'_> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = skip_space(bytes, 0);
    let (state, pos, view) = match bytes.get(start) {
        Some(b'[') => (ItemsState::First, start + 1, None),
        Some(b'{') => match session::head(bytes, start) {
            Some((view, pos)) => (ItemsState::First, pos, Some(view)),
            None => (ItemsState::Stuck, start, None),
        },
        _ => (ItemsState::Stuck, start, None),
    };
    JsonItems {
        bytes,
        pos,
        index: 0,
        state,
        view,
    }
}

/// The iterator of [`json_items`].
#[derive(Debug)]
pub struct JsonItems<'a> {
    bytes: &'a [u8],
    /// Where to read on from.
    pos: usize,
    /// The index of the next item.
    index: usize,
    state: ItemsState,
    /// A session's view; `None` for a plain export.
    view: Option<View>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemsState {
    /// After `[`.
    First,
    /// After an item.
    Next,
    /// After `]` and nothing but white space.
    Done,
    /// Cannot go on (reported once, then done).
    Stuck,
}

impl Iterator for JsonItems<'_> {
    type Item = Result<Outcome, NotADescription>;

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.bytes;
        let mut pos = skip_space(bytes, self.pos);
        match self.state {
            ItemsState::Done => return None,
            ItemsState::Stuck => return Some(Err(self.stuck())),
            ItemsState::First if bytes.get(pos) == Some(&b']') => return self.end(pos + 1),
            ItemsState::First => {}
            ItemsState::Next => match bytes.get(pos) {
                Some(b',') => pos = skip_space(bytes, pos + 1),
                Some(b']') => return self.end(pos + 1),
                _ => return Some(Err(self.stuck())),
            },
        }
        // Items are objects; anything else is for `import_json` to name.
        let Some(end) = (bytes.get(pos) == Some(&b'{'))
            .then(|| object_end(bytes, pos))
            .flatten()
        else {
            return Some(Err(self.stuck()));
        };
        let item = match serde_json::from_slice::<Value>(&bytes[pos..end]) {
            Ok(item) => item,
            Err(_) => return Some(Err(self.stuck())),
        };
        let outcome = import_item(item, self.index);
        if outcome.is_err() {
            self.state = ItemsState::Done;
        } else {
            self.state = ItemsState::Next;
            self.index += 1;
            self.pos = end;
        }
        Some(outcome)
    }
}

impl JsonItems<'_> {
    /// The view of a session, read before its documents; `None` for a plain export (or
    /// input the reader cannot go through).
    pub fn view(&self) -> Option<&View> {
        self.view.as_ref()
    }

    /// The array ended at `after`: nothing but white space may follow (a session's `}`
    /// first).
    fn end(&mut self, mut after: usize) -> Option<Result<Outcome, NotADescription>> {
        if self.view.is_some() {
            after = skip_space(self.bytes, after);
            if self.bytes.get(after) != Some(&b'}') {
                return Some(Err(self.stuck()));
            }
            after += 1;
        }
        if skip_space(self.bytes, after) == self.bytes.len() {
            self.state = ItemsState::Done;
            None
        } else {
            Some(Err(self.stuck()))
        }
    }

    fn stuck(&mut self) -> NotADescription {
        self.state = ItemsState::Done;
        NotADescription {
            code: Code::Json.as_str().to_owned(),
            message: format!(
                "Item {} of this JSON cannot be read on its own; read the whole file.",
                self.index + 1
            ),
        }
    }
}

fn skip_space(bytes: &[u8], mut pos: usize) -> usize {
    while bytes
        .get(pos)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        pos += 1;
    }
    pos
}

/// The end (exclusive) of the object or array starting at `start`, found by counting
/// brackets outside strings; `None` when the input ends first. Whether what lies between is
/// JSON is for the parser to say.
fn object_end(bytes: &[u8], start: usize) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (k, &b) in bytes[start..].iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(start + k + 1);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the item reader gives: its items when it read them all, `None` when it stopped.
    fn streamed(input: &str) -> Option<Vec<Outcome>> {
        json_items(input.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .ok()
    }

    #[test]
    fn items_read_one_by_one_equal_the_whole_read() {
        let failure = r#"{"source": {"file_name": "a.png", "byte_count": 3, "fingerprint": "0123456789abcdef"}, "error": {"code": "image", "message": "An image. {[\"]}"}}"#;
        let inputs = [
            "[]".to_owned(),
            " \r\n[ ]\n".to_owned(),
            format!("[{failure}]"),
            format!("\u{FEFF}[ {failure} ,\n\t{failure} ]  "),
        ];
        for input in &inputs {
            let whole = import_json(input.trim_start_matches('\u{FEFF}')).expect("valid");
            assert_eq!(streamed(input), Some(whole), "{input}");
        }
    }

    #[test]
    fn whatever_the_whole_read_refuses_the_item_reader_refuses() {
        let failure = r#"{"source": {"file_name": "a.png", "byte_count": 3, "fingerprint": "0123456789abcdef"}, "error": {"code": "image", "message": "x"}}"#;
        let bad = [
            String::new(),
            "[".to_owned(),
            "[,]".to_owned(),
            format!("[{failure},]"),
            format!("[{failure} {failure}]"),
            format!("[{failure}] x"),
            format!("[{failure}]]"),
            format!("[{failure}, 1]"),
            format!("[{failure}, {{\"a\": tru}}]"),
            format!("[{failure}, {{\"a\": \"\\q\"}}]"),
            format!("[{failure}, {{\"schema_version\": 3}}]"),
            format!("[{failure}, {{\"a\": 1}}"),
            "[{\"a\": \"}]".to_owned(),
            "[}]".to_owned(),
        ];
        for input in &bad {
            assert!(
                import_json(input).is_err(),
                "the whole read refuses {input}"
            );
            let items: Vec<_> = json_items(input.as_bytes()).collect();
            assert!(
                items.last().is_some_and(Result::is_err),
                "the item reader stops with an error on {input}: {items:?}"
            );
            assert_eq!(items.iter().filter(|i| i.is_err()).count(), 1, "{input}");
        }
    }

    #[test]
    fn other_shapes_and_encodings_are_left_to_the_whole_read() {
        let one = r#"{"source": {"file_name": "a.png", "byte_count": 3, "fingerprint": "0123456789abcdef"}, "error": {"code": "image", "message": "ä"}}"#;
        assert!(import_json(one).is_ok());
        assert_eq!(streamed(one), None, "a single object");
        let latin1: Vec<u8> = format!("[{one}]")
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect();
        assert!(json_items(&latin1).next().unwrap().is_err(), "not UTF-8");
    }
}
