//! Stable codes of diagnostics and of [`NotADescription`](crate::NotADescription) errors.
//!
//! Codes never change meaning once published; new ones may be added.

// --- Errors: the input is not a description at all. ---
/// The file is empty or holds only white space.
pub const EMPTY: &str = "empty";
/// The file is larger than [`Options::max_file_bytes`](crate::Options::max_file_bytes).
pub const TOO_LARGE: &str = "too-large";
/// A line is longer than [`Options::max_line_bytes`](crate::Options::max_line_bytes).
pub const LINE_TOO_LONG: &str = "line-too-long";
/// A PDF document.
pub const PDF: &str = "pdf";
/// A ZIP archive (also .docx, .xlsx, .odt).
pub const ZIP: &str = "zip";
/// An image (PNG, JPEG, GIF, WebP, BMP, TIFF).
pub const IMAGE: &str = "image";
/// Binary data that is not text in any supported encoding.
pub const BINARY: &str = "binary";
/// JSON that is not this project's export.
pub const JSON: &str = "json";
/// Text without the description's title line or project code.
pub const NOT_A_DESCRIPTION: &str = "not-a-description";

// --- Diagnostics. ---
/// A section the layout requires is missing (warning).
pub const MISSING_SECTION: &str = "missing-section";
/// A field the layout requires is missing (warning).
pub const MISSING_FIELD: &str = "missing-field";
/// The document ends before its last section (warning).
pub const TRUNCATED: &str = "truncated";
/// An amount is not a whole number of euros (error).
pub const BAD_AMOUNT: &str = "bad-amount";
/// A number (indicator value) cannot be read (error).
pub const BAD_NUMBER: &str = "bad-number";
/// A date or the "Alkaa … ja päättyy …" period cannot be read (error).
pub const BAD_DATE: &str = "bad-date";
/// The end date is before the start date (error).
pub const END_BEFORE_START: &str = "end-before-start";
/// A Y-tunnus (business ID) has the wrong form or check digit (warning).
pub const BAD_BUSINESS_ID: &str = "bad-business-id";
/// A yes/no answer is neither "Kyllä" nor "Ei" (warning).
pub const BAD_ANSWER: &str = "bad-answer";
/// A sustainability score is not a whole number from 0 to 10 (error).
pub const BAD_SCORE: &str = "bad-score";
/// Section 8.2 does not have the 15 scored items (warning).
pub const SUSTAINABILITY_COUNT: &str = "sustainability-count";
/// Realised funding is above the granted or planned amount (warning).
pub const REALIZED_ABOVE_GRANTED: &str = "realized-above-granted";
/// EU and state funding is above total public funding (warning).
pub const EU_STATE_ABOVE_TOTAL: &str = "eu-state-above-total";
/// A value is not one of the known values, e.g. an unknown status (info).
pub const UNKNOWN_VALUE: &str = "unknown-value";
/// A `Label: value` line whose label the parser does not know; kept in the tree (info).
pub const UNKNOWN_FIELD: &str = "unknown-field";
/// A numbered section the parser does not know; kept in the tree (info).
pub const UNKNOWN_SECTION: &str = "unknown-section";
/// The same field appears twice in a section; the first is used (warning).
pub const DUPLICATE_FIELD: &str = "duplicate-field";
/// The e-mail address does not look like one (warning).
pub const BAD_EMAIL: &str = "bad-email";
/// Bytes that are not valid in the detected encoding were replaced (warning).
pub const DECODING: &str = "decoding";

// --- Diagnostics of list exports (one row of a list is one document). ---
/// A list row whose values held unquoted commas, stray quotes or "|" for a comma was put back
/// together from the fields of fixed shape (info).
pub const LIST_ROW_REPAIRED: &str = "list-row-repaired";
/// A list row that cannot be put back together unambiguously; its text is kept in the
/// section tree (error).
pub const LIST_ROW_UNREADABLE: &str = "list-row-unreadable";
