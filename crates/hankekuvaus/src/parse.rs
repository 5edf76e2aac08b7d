//! Placeholder: the real parser lands in the next commit.
use crate::{Document, NotADescription, Options};

pub(crate) fn parse_bytes(
    _bytes: &[u8],
    _file_name: &str,
    _options: &Options,
) -> Result<Document, NotADescription> {
    Err(NotADescription { code: "not-a-description".into(), message: "parser not written yet".into() })
}
