//! The stable codes of archive and member refusals. Kebab-case, never renamed: the CLI
//! prints them and the viewer translates by them.

/// The archive cannot be read at all (not a ZIP, truncated, damaged directory).
pub const CORRUPT_ARCHIVE: &str = "corrupt-archive";
/// The archive has more entries than [`crate::Limits::max_members`].
pub const TOO_MANY_MEMBERS: &str = "too-many-members";
/// A member's data is damaged: it does not inflate, or its size or checksum is wrong.
pub const CORRUPT_MEMBER: &str = "corrupt-member";
/// A member declares more bytes than [`crate::Limits::max_member_bytes`].
pub const MEMBER_TOO_LARGE: &str = "member-too-large";
/// Reading the member would pass [`crate::Limits::max_total_bytes`].
pub const TOTAL_TOO_LARGE: &str = "total-too-large";
/// A member inflates to more than its header declares (a ZIP bomb whose header lies).
pub const SIZE_MISMATCH: &str = "size-mismatch";
/// A member's name has `..`, is absolute, has a drive letter or a control character.
pub const UNSAFE_NAME: &str = "unsafe-name";
/// A member is encrypted.
pub const ENCRYPTED: &str = "encrypted-member";
/// A member uses a compression method other than stored or deflated.
pub const UNSUPPORTED_COMPRESSION: &str = "unsupported-compression";
/// A member is a symbolic link.
pub const SYMLINK: &str = "symlink";
/// A ZIP archive nested deeper than [`crate::Limits::max_nesting`].
pub const NESTED_ARCHIVE: &str = "nested-archive";
