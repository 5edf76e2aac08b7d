//! The hand-written decoders agree with `encoding_rs`, the reference implementation of the
//! WHATWG Encoding Standard, byte for byte.

use hankekuvaus::{decode, TextEncoding};
use proptest::prelude::*;

#[test]
fn every_windows_1252_byte() {
    // One invalid UTF-8 lead byte forces the Windows-1252 fallback; then every byte value.
    let bytes: Vec<u8> = std::iter::once(0xFF).chain(0u8..=255).collect();
    let d = decode(&bytes);
    assert_eq!(d.encoding, TextEncoding::Windows1252);
    let (expected, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    assert_eq!(d.text, expected);
    assert!(!d.had_errors);
}

#[test]
fn lone_lead_surrogate_then_odd_byte_is_one_error() {
    for (bytes, le) in [
        (&b"\xFF\xFEA\x00\x00\xD8\x41"[..], true),
        (&b"\xFE\xFF\x00A\xD8\x00\x41"[..], false),
    ] {
        let d = decode(bytes);
        let reference = if le {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (expected, _) = reference.decode_without_bom_handling(&bytes[2..]);
        assert_eq!(d.text, expected);
        assert_eq!(d.text, "A\u{FFFD}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn utf16_agrees_with_the_reference(units in proptest::collection::vec(any::<u16>(), 0..64), odd in any::<bool>(), le in any::<bool>()) {
        let mut bytes: Vec<u8> = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for u in &units {
            bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        if odd {
            bytes.push(0x41);
        }
        let d = decode(&bytes);
        let reference = if le { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (expected, had_errors) = reference.decode_without_bom_handling(&bytes[2..]);
        prop_assert_eq!(d.text.as_ref(), expected.as_ref());
        prop_assert_eq!(d.had_errors, had_errors);
    }

    #[test]
    fn utf8_with_bom_agrees_with_the_reference(body in proptest::collection::vec(any::<u8>(), 0..64)) {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(&body);
        let d = decode(&bytes);
        let (expected, had_errors) = encoding_rs::UTF_8.decode_without_bom_handling(&body);
        prop_assert_eq!(d.text.as_ref(), expected.as_ref());
        prop_assert_eq!(d.had_errors, had_errors);
    }
}
