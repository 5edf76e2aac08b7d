//! Bytes to text: byte-order marks, UTF-8, UTF-16 and the Windows-1252 fallback.

use std::borrow::Cow;

use encoding_rs::{UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::TextEncoding;

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text without a byte-order mark. Borrowed when the input was UTF-8 already.
    pub text: Cow<'a, str>,
    /// The encoding that was used.
    pub encoding: TextEncoding,
    /// Whether invalid byte sequences were replaced by U+FFFD.
    pub had_errors: bool,
}

/// Decodes bytes: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); without one, valid UTF-8 is
/// UTF-8, text whose every other byte is NUL is BOM-less UTF-16, and anything else is
/// Windows-1252 (what Windows tools in Finland write). Never fails.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let (encoding, body) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (TextEncoding::Utf8, rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (TextEncoding::Utf16Le, rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (TextEncoding::Utf16Be, rest)
    } else if let Some(enc) = sniff_bomless_utf16(bytes) {
        (enc, bytes)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        // The common case: valid UTF-8 is borrowed as it is, validated once.
        return Decoded {
            text: Cow::Borrowed(text),
            encoding: TextEncoding::Utf8,
            had_errors: false,
        };
    } else {
        (TextEncoding::Windows1252, bytes)
    };
    let codec = match encoding {
        TextEncoding::Utf8 => UTF_8,
        TextEncoding::Utf16Le => UTF_16LE,
        TextEncoding::Utf16Be => UTF_16BE,
        TextEncoding::Windows1252 => WINDOWS_1252,
    };
    let (text, had_errors) = codec.decode_without_bom_handling(body);
    Decoded {
        text,
        encoding,
        had_errors,
    }
}

/// BOM-less UTF-16 shows as ASCII text with a NUL in every other byte.
fn sniff_bomless_utf16(bytes: &[u8]) -> Option<TextEncoding> {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Finnish text is mostly ASCII: require nearly all high bytes to be NUL and no low ones.
    if odd_nuls * 10 >= pairs * 8 && even_nuls == 0 {
        Some(TextEncoding::Utf16Le)
    } else if even_nuls * 10 >= pairs * 8 && odd_nuls == 0 {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("Hankekoodi: S1 ä".as_bytes());
        assert_eq!(d.encoding, TextEncoding::Utf8);
        assert!(matches!(d.text, Cow::Borrowed(_)));
        let d = decode(b"\xEF\xBB\xBFa\xC3\xA4");
        assert_eq!(d.text, "aä");
        assert_eq!(d.encoding, TextEncoding::Utf8);
    }

    #[test]
    fn utf16_both_orders_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Päättyy".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let d = decode(&le);
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            ("Päättyy", TextEncoding::Utf16Le)
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Päättyy".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        let d = decode(&be);
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            ("Päättyy", TextEncoding::Utf16Be)
        );
    }

    #[test]
    fn utf16_without_bom_is_sniffed() {
        let le: Vec<u8> = "Hankekoodi: S21498"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let d = decode(&le);
        assert_eq!(d.encoding, TextEncoding::Utf16Le);
        assert_eq!(d.text, "Hankekoodi: S21498");
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let d = decode(b"P\xE4\xE4ttyy \x80");
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert_eq!(d.text, "Päättyy €");
        assert!(!d.had_errors);
    }
}
