//! How JSON read into the model shares the texts every description repeats, as the parser
//! does (see ARCHITECTURE.md, "what every description repeats is shared"): the
//! `deserialize_with` functions of [`super`]'s members, so a re-imported export is as small
//! as the parsed files were.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::parse::labels;
use crate::paths::{self, PathKey};

/// A sustainability category or item name as read from JSON, shared with the layout's.
pub(super) fn layout_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Cow<'static, str>, D::Error> {
    let read = String::deserialize(deserializer)?;
    Ok(labels::sustainability_text(Cow::Owned(read)))
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
    let read = String::deserialize(deserializer)?;
    Ok(labels::field_label(Cow::Owned(read)))
}

/// `field_lines` as read from JSON, each key made by [`paths::key`].
pub(super) fn shared_keys<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<PathKey, u32>, D::Error> {
    let read = BTreeMap::<String, u32>::deserialize(deserializer)?;
    Ok(read.into_iter().map(|(k, v)| (paths::key(k), v)).collect())
}
