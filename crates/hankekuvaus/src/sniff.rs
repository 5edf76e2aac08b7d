//! Recognising inputs that are not descriptions before decoding them.

use crate::{codes::Code, swar, NotADescription, Options};

fn refuse(code: Code, message: String) -> NotADescription {
    NotADescription {
        code: code.as_str().to_owned(),
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
            Code::Empty,
            "The file is empty. Expected a project description saved as text or HTML.".to_owned(),
        ));
    }
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"%PDF") {
        return Err(refuse(
            Code::Pdf,
            "This is a PDF file. Open the project's page in the browser and save the page as text or HTML instead.".to_owned(),
        ));
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return Err(refuse(
            Code::Zip,
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
            Code::Image,
            "This is an image, not a project description. Expected the project's page saved as text or HTML.".to_owned(),
        ));
    }
    Ok(())
}

/// Refuses decoded text that is binary data or JSON of another kind.
pub(crate) fn check_text(text: &str) -> Result<(), NotADescription> {
    let (total, control) = sample(text.as_bytes(), 4096);
    if control * 20 > total.max(1) {
        return Err(refuse(
            Code::Binary,
            "This file holds binary data, not text. Expected a project description saved as text or HTML.".to_owned(),
        ));
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return Err(refuse(
            Code::Json,
            "This is a JSON file but not a Hankekatselin export. Expected a description, or JSON downloaded from this viewer or written by the hankekuvaus command.".to_owned(),
        ));
    }
    Ok(())
}

/// Counts the first `limit` characters of UTF-8 `bytes`, and among them those binary data
/// is made of: controls other than line ends, tabs and form feeds, and U+FFFD (what decoding
/// made of invalid bytes). Byte by byte, as a character starts at every byte that is not a
/// continuation byte (10xxxxxx). Eight bytes at a time where they hold at most eight
/// characters below the limit and no byte 0xEF (U+FFFD's first): Finnish text has a
/// two-byte letter every few words, so a word of plain ASCII alone would not be enough.
fn sample(bytes: &[u8], limit: usize) -> (usize, usize) {
    let (mut total, mut odd) = (0, 0);
    let mut i = 0;
    while total < limit {
        if total + 8 <= limit {
            if let Some(w) = swar::load(bytes, i) {
                if swar::eq(w, 0xEF) == 0 {
                    total += 8 - swar::count(swar::continuation(w));
                    // Bytes below the space are rare but for line ends: only then are
                    // the allowed ones told apart.
                    let low = swar::below(w, 0x20);
                    if low != 0 {
                        let allowed = swar::eq(w, b'\n')
                            | swar::eq(w, b'\r')
                            | swar::eq(w, b'\t')
                            | swar::eq(w, 0x0C);
                        odd += swar::count(low & !allowed);
                    }
                    i += 8;
                    continue;
                }
            }
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b & 0xC0 != 0x80 {
            total += 1;
        }
        let control = b < b' ' && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C);
        if control || (b == 0xEF && bytes.get(i + 1..i + 3) == Some(&[0xBF, 0xBD])) {
            odd += 1;
        }
        i += 1;
    }
    (total, odd)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte count gives what counting characters gives, at every prefix length.
    #[test]
    fn sample_counts_characters() {
        let text = "Hanke\u{FFFD}\x01 ää\tÖ\r\n–\u{0}€ x\x0C\u{FFFD}\u{FFFD}yz 1234567890 ok \
                    Etelä-Savon ELY-keskus\x02 – 48 724 € \u{FEFF}päättyy\x1F\u{FFFD}ä";
        for limit in 0..=text.chars().count() + 2 {
            let chars = text.chars().take(limit);
            let expected = chars.clone().filter(|&c| {
                (c < ' ' && !matches!(c, '\n' | '\r' | '\t' | '\x0C')) || c == '\u{FFFD}'
            });
            assert_eq!(
                sample(text.as_bytes(), limit),
                (chars.count(), expected.count()),
                "limit {limit}"
            );
        }
    }
}
