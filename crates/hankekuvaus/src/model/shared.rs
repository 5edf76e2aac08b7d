//! How JSON read into the model shares the texts every description repeats, as the parser
//! does (see ARCHITECTURE.md, "what every description repeats is shared"): the
//! `deserialize_with` functions of [`super`]'s members, so a re-imported export is as small
//! as the parsed files were.

use std::borrow::Cow;

use serde::Deserialize;

use crate::parse::labels;

/// A text as read from JSON, passed through `share`, which borrows it from a table when it
/// spells one of its texts.
fn shared_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    share: fn(Cow<'_, str>) -> Cow<'static, str>,
) -> Result<Cow<'static, str>, D::Error> {
    Ok(share(Cow::Owned(String::deserialize(deserializer)?)))
}

/// A sustainability category or item name as read from JSON, shared with the layout's.
pub(super) fn layout_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Cow<'static, str>, D::Error> {
    shared_text(deserializer, labels::sustainability_text)
}

/// A section number as read from JSON, shared with the parser's.
pub(super) fn section_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Cow<'static, str>>, D::Error> {
    let read = Option::<String>::deserialize(deserializer)?;
    Ok(read.map(labels::shared_number))
}

/// A section title as read from JSON, shared with the parser's.
pub(super) fn section_title<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Cow<'static, str>>, D::Error> {
    let read = Option::<String>::deserialize(deserializer)?;
    Ok(read.map(|t| labels::section_title(Cow::Owned(t))))
}

/// A field's label as read from JSON, shared with the parser's known labels.
pub(super) fn field_label<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Cow<'static, str>, D::Error> {
    shared_text(deserializer, labels::field_label)
}
