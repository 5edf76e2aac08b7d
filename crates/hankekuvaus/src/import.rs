//! Re-import of this project's JSON: a document, a failure record, or an array of them.

use serde_json::Value;

use crate::{codes, NotADescription, Outcome, SCHEMA_VERSION};

/// Reads JSON written by the CLI or the viewer: one object or an array of objects, each a
/// document or a `{source, error}` failure. Rejects JSON of another shape or another
/// schema version with a message saying which.
pub fn import_json(text: &str) -> Result<Vec<Outcome>, NotADescription> {
    let value: Value = serde_json::from_str(text).map_err(|e| NotADescription {
        code: codes::JSON.to_owned(),
        message: format!("This JSON cannot be read ({e})."),
    })?;
    let items = match value {
        Value::Array(items) => items,
        other => vec![other],
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| import_item(item, i))
        .collect()
}

fn import_item(item: Value, index: usize) -> Result<Outcome, NotADescription> {
    let wrong_shape = |what: &str| NotADescription {
        code: codes::JSON.to_owned(),
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
        Some(v) if v == u64::from(SCHEMA_VERSION) => serde_json::from_value(item)
            .map(|d| Outcome::Document(Box::new(d)))
            .map_err(|e| wrong_shape(&format!("does not match schema version 1 ({e})"))),
        Some(v) => Err(NotADescription {
            code: codes::JSON.to_owned(),
            message: format!(
                "This JSON was written for schema version {v}; this version reads version \
                 {SCHEMA_VERSION}."
            ),
        }),
        None => Err(wrong_shape("has no \"schema_version\"")),
    }
}
