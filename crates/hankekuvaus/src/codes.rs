//! Stable codes of diagnostics and of [`NotADescription`](crate::NotADescription) errors.
//!
//! Codes never change meaning once published; new ones may be added. The model keeps a code
//! as its string ([`Code::as_str`]) so that JSON from other versions, with codes this one
//! does not know, still imports.

use crate::string_enum::string_enum;

string_enum! {
    /// One stable code. Its serialized form is [`Code::as_str`], e.g. `missing-section`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum Code {
        // --- Errors: the input is not a description at all. ---
        /// The file is empty or holds only white space.
        Empty = "empty",
        /// The file is larger than [`Options::max_file_bytes`](crate::Options::max_file_bytes).
        TooLarge = "too-large",
        /// A line is longer than [`Options::max_line_bytes`](crate::Options::max_line_bytes).
        LineTooLong = "line-too-long",
        /// A PDF document.
        Pdf = "pdf",
        /// A ZIP archive (also .docx, .xlsx, .odt).
        Zip = "zip",
        /// An image (PNG, JPEG, GIF, WebP, BMP, TIFF).
        Image = "image",
        /// Binary data that is not text in any supported encoding.
        Binary = "binary",
        /// JSON that is not this project's export.
        Json = "json",
        /// Text without the description's title line or project code.
        NotADescription = "not-a-description",

        // --- Diagnostics. ---
        /// A section the layout requires is missing (warning).
        MissingSection = "missing-section",
        /// A field the layout requires is missing (warning).
        MissingField = "missing-field",
        /// The document ends before its last section (warning).
        Truncated = "truncated",
        /// An amount is not a whole number of euros (error).
        BadAmount = "bad-amount",
        /// A number (indicator value) cannot be read (error).
        BadNumber = "bad-number",
        /// A date or the "Alkaa … ja päättyy …" period cannot be read (error).
        BadDate = "bad-date",
        /// The end date is before the start date (error).
        EndBeforeStart = "end-before-start",
        /// A Y-tunnus (business ID) has the wrong form or check digit (warning).
        BadBusinessId = "bad-business-id",
        /// A yes/no answer is neither "Kyllä" nor "Ei" (warning).
        BadAnswer = "bad-answer",
        /// A sustainability score is not a whole number from 0 to 10 (error).
        BadScore = "bad-score",
        /// Section 8.2 does not have the 15 scored items (warning).
        SustainabilityCount = "sustainability-count",
        /// Realised funding is above the granted or planned amount (warning).
        RealizedAboveGranted = "realized-above-granted",
        /// EU and state funding is above total public funding (warning).
        EuStateAboveTotal = "eu-state-above-total",
        /// A value is not one of the known values, e.g. an unknown status (info).
        UnknownValue = "unknown-value",
        /// A `Label: value` line whose label the parser does not know; kept in the tree (info).
        UnknownField = "unknown-field",
        /// A numbered section the parser does not know; kept in the tree (info).
        UnknownSection = "unknown-section",
        /// The same field appears twice in a section; the first is used (warning).
        DuplicateField = "duplicate-field",
        /// The e-mail address does not look like one (warning).
        BadEmail = "bad-email",
        /// Bytes that are not valid in the detected encoding were replaced (warning).
        Decoding = "decoding",

        // --- Diagnostics of list exports (one row of a list is one document). ---
        /// A list row whose values held unquoted commas, stray quotes or "|" for a comma was
        /// put back together from the fields of fixed shape (info).
        ListRowRepaired = "list-row-repaired",
        /// A list row that cannot be put back together unambiguously; its text is kept in the
        /// section tree (error).
        ListRowUnreadable = "list-row-unreadable",
    }
}

impl PartialEq<Code> for String {
    fn eq(&self, code: &Code) -> bool {
        self == code.as_str()
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, code: &Code) -> bool {
        *self == code.as_str()
    }
}

// String forms of the codes, for `&str` patterns and for the crates that still compare
// strings (the CLI); derived from [`Code`], so the table above stays the only spelling.
/// [`Code::Empty`] as a string.
pub const EMPTY: &str = Code::Empty.as_str();
/// [`Code::TooLarge`] as a string.
pub const TOO_LARGE: &str = Code::TooLarge.as_str();
/// [`Code::LineTooLong`] as a string.
pub const LINE_TOO_LONG: &str = Code::LineTooLong.as_str();
/// [`Code::Pdf`] as a string.
pub const PDF: &str = Code::Pdf.as_str();
/// [`Code::Zip`] as a string.
pub const ZIP: &str = Code::Zip.as_str();
/// [`Code::Image`] as a string.
pub const IMAGE: &str = Code::Image.as_str();
/// [`Code::Binary`] as a string.
pub const BINARY: &str = Code::Binary.as_str();
/// [`Code::Json`] as a string.
pub const JSON: &str = Code::Json.as_str();
/// [`Code::NotADescription`] as a string.
pub const NOT_A_DESCRIPTION: &str = Code::NotADescription.as_str();
/// [`Code::MissingSection`] as a string.
pub const MISSING_SECTION: &str = Code::MissingSection.as_str();
/// [`Code::MissingField`] as a string.
pub const MISSING_FIELD: &str = Code::MissingField.as_str();
/// [`Code::Truncated`] as a string.
pub const TRUNCATED: &str = Code::Truncated.as_str();
/// [`Code::BadAmount`] as a string.
pub const BAD_AMOUNT: &str = Code::BadAmount.as_str();
/// [`Code::BadNumber`] as a string.
pub const BAD_NUMBER: &str = Code::BadNumber.as_str();
/// [`Code::BadDate`] as a string.
pub const BAD_DATE: &str = Code::BadDate.as_str();
/// [`Code::EndBeforeStart`] as a string.
pub const END_BEFORE_START: &str = Code::EndBeforeStart.as_str();
/// [`Code::BadBusinessId`] as a string.
pub const BAD_BUSINESS_ID: &str = Code::BadBusinessId.as_str();
/// [`Code::BadAnswer`] as a string.
pub const BAD_ANSWER: &str = Code::BadAnswer.as_str();
/// [`Code::BadScore`] as a string.
pub const BAD_SCORE: &str = Code::BadScore.as_str();
/// [`Code::SustainabilityCount`] as a string.
pub const SUSTAINABILITY_COUNT: &str = Code::SustainabilityCount.as_str();
/// [`Code::RealizedAboveGranted`] as a string.
pub const REALIZED_ABOVE_GRANTED: &str = Code::RealizedAboveGranted.as_str();
/// [`Code::EuStateAboveTotal`] as a string.
pub const EU_STATE_ABOVE_TOTAL: &str = Code::EuStateAboveTotal.as_str();
/// [`Code::UnknownValue`] as a string.
pub const UNKNOWN_VALUE: &str = Code::UnknownValue.as_str();
/// [`Code::UnknownField`] as a string.
pub const UNKNOWN_FIELD: &str = Code::UnknownField.as_str();
/// [`Code::UnknownSection`] as a string.
pub const UNKNOWN_SECTION: &str = Code::UnknownSection.as_str();
/// [`Code::DuplicateField`] as a string.
pub const DUPLICATE_FIELD: &str = Code::DuplicateField.as_str();
/// [`Code::BadEmail`] as a string.
pub const BAD_EMAIL: &str = Code::BadEmail.as_str();
/// [`Code::Decoding`] as a string.
pub const DECODING: &str = Code::Decoding.as_str();
/// [`Code::ListRowRepaired`] as a string.
pub const LIST_ROW_REPAIRED: &str = Code::ListRowRepaired.as_str();
/// [`Code::ListRowUnreadable`] as a string.
pub const LIST_ROW_UNREADABLE: &str = Code::ListRowUnreadable.as_str();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_from_its_string() {
        for (i, &code) in Code::ALL.iter().enumerate() {
            assert_eq!(code as usize, i);
            assert_eq!(Code::parse(code.as_str()), Some(code));
        }
        assert_eq!(Code::ALL.len(), Code::ListRowUnreadable as usize + 1);
        assert_eq!(Code::MissingSection.to_string(), "missing-section");
    }

    #[test]
    fn strings_are_unique_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL.iter().copied() {
            let s = code.as_str();
            assert!(seen.insert(s), "{s} twice");
            assert!(
                s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{s}"
            );
        }
        assert_eq!(Code::parse("no-such-code"), None);
        assert_eq!(String::from("pdf"), Code::Pdf);
    }
}
