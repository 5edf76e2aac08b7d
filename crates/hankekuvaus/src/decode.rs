//! Bytes to text: byte-order marks, UTF-8, UTF-16 and the Windows-1252 fallback.
//!
//! Written out here rather than taken from `encoding_rs`: its decoder dispatch links every
//! encoding's tables (CJK included) into the WebAssembly bundle, while these three need a
//! 32-entry table. `tests/encodings.rs` checks every byte against `encoding_rs`.

use std::borrow::Cow;

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
    let (encoding, text, had_errors) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, had_errors) = utf8_lossy(rest);
        (TextEncoding::Utf8, text, had_errors)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, had_errors) = utf16(rest, u16::from_le_bytes);
        (TextEncoding::Utf16Le, text, had_errors)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, had_errors) = utf16(rest, u16::from_be_bytes);
        (TextEncoding::Utf16Be, text, had_errors)
    } else if let Some(enc) = sniff_bomless_utf16(bytes) {
        let unit = match enc {
            TextEncoding::Utf16Be => u16::from_be_bytes,
            _ => u16::from_le_bytes,
        };
        let (text, had_errors) = utf16(bytes, unit);
        (enc, text, had_errors)
    } else if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        // The common case: valid UTF-8 is borrowed as it is.
        (TextEncoding::Utf8, Cow::Borrowed(text), false)
    } else {
        (
            TextEncoding::Windows1252,
            Cow::Owned(windows_1252(bytes)),
            false,
        )
    };
    Decoded {
        text,
        encoding,
        had_errors,
    }
}

fn utf8_lossy(body: &[u8]) -> (Cow<'_, str>, bool) {
    match String::from_utf8_lossy(body) {
        Cow::Borrowed(text) => (Cow::Borrowed(text), false),
        Cow::Owned(text) => (Cow::Owned(text), true),
    }
}

/// Decodes UTF-16 code units; unpaired surrogates and a trailing odd byte become U+FFFD.
fn utf16(body: &[u8], unit: fn([u8; 2]) -> u16) -> (Cow<'static, str>, bool) {
    let units = body.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut had_errors = body.len() % 2 == 1;
    let mut text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                had_errors = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    // A trailing odd byte is one more error, unless a lead surrogate is already pending at
    // the end: the WHATWG decoder reports those two as a single error at end of input.
    let ends_in_lead = body.len() >= 3 && {
        let n = body.len() - 1;
        (0xD800..=0xDBFF).contains(&unit([body[n - 2], body[n - 1]]))
    };
    if body.len() % 2 == 1 && !ends_in_lead {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (Cow::Owned(text), had_errors)
}

/// Windows-1252 as the WHATWG Encoding Standard defines it: Latin-1 except 0x80–0x9F.
fn windows_1252(body: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    body.iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
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
