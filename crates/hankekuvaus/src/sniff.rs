//! Recognising inputs that are not descriptions before decoding them.

use crate::{codes, NotADescription, Options};

fn refuse(code: &str, message: String) -> NotADescription {
    NotADescription {
        code: code.to_owned(),
        message,
    }
}

/// Refuses files by size and by their first bytes (magic numbers).
pub(crate) fn check_bytes(bytes: &[u8], options: &Options) -> Result<(), NotADescription> {
    if bytes.len() as u64 > options.max_file_bytes {
        return Err(NotADescription::too_large(
            bytes.len() as u64,
            options.max_file_bytes,
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(refuse(
            codes::EMPTY,
            "The file is empty. Expected a project description saved as text or HTML.".to_owned(),
        ));
    }
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"%PDF") {
        return Err(refuse(
            codes::PDF,
            "This is a PDF file. Open the project's page in the browser and save the page as text or HTML instead.".to_owned(),
        ));
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return Err(refuse(
            codes::ZIP,
            "This is a ZIP archive (or a Word/Excel file). Unpack it, or save the project's page as text or HTML, and open those files.".to_owned(),
        ));
    }
    let image = starts(b"\x89PNG")
        || starts(b"\xFF\xD8\xFF")
        || starts(b"GIF8")
        || starts(b"BM")
        || starts(b"II*\0")
        || starts(b"MM\0*")
        || (starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"));
    if image {
        return Err(refuse(
            codes::IMAGE,
            "This is an image, not a project description. Expected the project's page saved as text or HTML.".to_owned(),
        ));
    }
    Ok(())
}

/// Refuses decoded text that is binary data or JSON of another kind.
pub(crate) fn check_text(text: &str) -> Result<(), NotADescription> {
    let (mut total, mut control) = (0usize, 0usize);
    for c in text.chars().take(4096) {
        total += 1;
        if (c < ' ' && !matches!(c, '\n' | '\r' | '\t' | '\x0C')) || c == '\u{FFFD}' {
            control += 1;
        }
    }
    if control * 20 > total.max(1) {
        return Err(refuse(
            codes::BINARY,
            "This file holds binary data, not text. Expected a project description saved as text or HTML.".to_owned(),
        ));
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return Err(refuse(
            codes::JSON,
            "This is a JSON file but not a Hankekatselin export. Expected a description, or JSON downloaded from this viewer or written by the hankekuvaus command.".to_owned(),
        ));
    }
    Ok(())
}
