//! Reading one member: its checks in order (name, kind, encryption, method, declared size),
//! then inflating it within the limits and checking it against its header.

use rawzip::{CompressionMethod, ZipArchiveEntryWayfinder, ZipFileHeaderRecord};

use crate::{codes, Level, Limits, Member, MemberError};

/// What the central directory says of one entry.
pub(crate) struct Entry {
    /// The name as written, decoded.
    name: String,
    is_dir: bool,
    is_symlink: bool,
    encrypted: bool,
    method: CompressionMethod,
    /// The uncompressed size the header declares.
    declared: u64,
    crc: u32,
    wayfinder: ZipArchiveEntryWayfinder,
}

impl Entry {
    pub(crate) fn of(record: &ZipFileHeaderRecord<'_>) -> Entry {
        Entry {
            name: decode_name(record.file_path().as_ref(), record.flags().is_utf8()),
            is_dir: record.is_dir(),
            is_symlink: record.mode().is_symlink(),
            encrypted: record.flags().is_encrypted(),
            method: record.compression_method(),
            declared: record.uncompressed_size_hint(),
            crc: record.crc32(),
            wayfinder: record.wayfinder(),
        }
    }
}

/// What became of one entry.
pub(crate) enum Read {
    /// A directory: skipped.
    Directory,
    /// A file that was read.
    File(Member),
    /// A file that was not read, and why.
    Refused(MemberError),
}

/// Reads entry `index` of `level`, with at most `remaining` bytes left of the archive's
/// total.
pub(crate) fn read(level: &Level<'_>, index: usize, limits: &Limits, remaining: u64) -> Read {
    let entry = &level.entries[index];
    if entry.is_dir {
        return Read::Directory;
    }
    let shown = format!("{}/{}", level.prefix, entry.name);
    let Some(path) = safe_path(&entry.name) else {
        return refuse(&shown, codes::UNSAFE_NAME, format!(
            "{shown} was not read: its name leads outside the archive (an absolute path, a drive letter, \"..\" or a control character). Such names are refused, not rewritten."
        ));
    };
    let name = format!("{}/{}", level.prefix, path);
    if entry.is_symlink {
        return refuse(
            &name,
            codes::SYMLINK,
            format!("{name} is a symbolic link, not a file; links are not followed."),
        );
    }
    if entry.encrypted {
        return refuse(&name, codes::ENCRYPTED, format!(
            "{name} is encrypted (password-protected); encrypted members are not read. Extract it with its password and add the file itself."
        ));
    }
    let method = entry.method;
    if method != CompressionMethod::STORE && method != CompressionMethod::DEFLATE {
        return refuse(&name, codes::UNSUPPORTED_COMPRESSION, format!(
            "{name} is compressed with method {method}; only stored and deflated members are read. Re-create the archive with ordinary ZIP compression."
        ));
    }
    let declared = entry.declared;
    if declared > limits.max_member_bytes {
        return refuse(&name, codes::MEMBER_TOO_LARGE, format!(
            "{name} declares {} MB when unpacked; the limit is {} MB per file. It was not unpacked (a ZIP bomb, or not a project description).",
            mb(declared),
            mb(limits.max_member_bytes)
        ));
    }
    if declared > remaining {
        return refuse(
            &name,
            codes::TOTAL_TOO_LARGE,
            format!(
                "{name} was not unpacked: the archive's files would exceed {} MB in all.",
                mb(limits.max_total_bytes)
            ),
        );
    }
    let data = match level.zip.get_entry(entry.wayfinder) {
        Ok(local) => local.data(),
        Err(e) => {
            return refuse(
                &name,
                codes::CORRUPT_MEMBER,
                format!("{name} cannot be read: the archive is damaged there ({e})."),
            )
        }
    };
    // One byte more than declared is enough to know the header lies: the output never
    // grows past that, whatever the data would inflate to. (`declared` is under the
    // member limit, so it fits in memory and in usize.)
    let cap = declared as usize + 1;
    let bytes = if method == CompressionMethod::STORE {
        data[..data.len().min(cap)].to_vec()
    } else {
        match miniz_oxide::inflate::decompress_to_vec_with_limit(data, cap) {
            Ok(bytes) => bytes,
            Err(e) if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => e.output,
            Err(e) => {
                return refuse(
                    &name,
                    codes::CORRUPT_MEMBER,
                    format!("{name} cannot be unpacked: its data is damaged ({e})."),
                )
            }
        }
    };
    let actual = bytes.len() as u64;
    if actual > declared {
        return refuse(&name, codes::SIZE_MISMATCH, format!(
            "{name} unpacks to more than the {declared} bytes its header declares. The header lies (a ZIP bomb) or the archive is damaged; it was not read."
        ));
    }
    if actual < declared || rawzip::crc32(&bytes) != entry.crc {
        return refuse(&name, codes::CORRUPT_MEMBER, format!(
            "{name} is damaged: its data does not match its header (size or checksum). It was not read."
        ));
    }
    Read::File(Member { name, bytes })
}

/// A member name: UTF-8 when flagged or valid as such (many tools write UTF-8 without the
/// flag), otherwise code page 437, the ZIP format's original encoding, which Windows'
/// built-in archiver still writes for names like "Hankekuvaus_ä.txt".
fn decode_name(raw: &[u8], utf8_flag: bool) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_owned(),
        Err(_) if utf8_flag => String::from_utf8_lossy(raw).into_owned(),
        Err(_) => raw
            .iter()
            .map(|&b| match b {
                0..=0x7f => char::from(b),
                _ => CP437_HIGH[usize::from(b - 0x80)],
            })
            .collect(),
    }
}

/// Code page 437, bytes 0x80–0xFF.
const CP437_HIGH: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å', //
    'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', '¢', '£', '¥', '₧', 'ƒ', //
    'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '⌐', '¬', '½', '¼', '¡', '«', '»', //
    '░', '▒', '▓', '│', '┤', '╡', '╢', '╖', '╕', '╣', '║', '╗', '╝', '╜', '╛', '┐', //
    '└', '┴', '┬', '├', '─', '┼', '╞', '╟', '╚', '╔', '╩', '╦', '╠', '═', '╬', '╧', //
    '╨', '╤', '╥', '╙', '╘', '╒', '╓', '╫', '╪', '┘', '┌', '█', '▄', '▌', '▐', '▀', //
    'α', 'ß', 'Γ', 'π', 'Σ', 'σ', 'µ', 'τ', 'Φ', 'Θ', 'Ω', 'δ', '∞', 'φ', 'ε', '∩', //
    '≡', '±', '≥', '≤', '⌠', '⌡', '÷', '≈', '°', '∙', '·', '√', 'ⁿ', '²', '■', '\u{a0}',
];

fn refuse(name: &str, code: &'static str, message: String) -> Read {
    Read::Refused(MemberError {
        name: name.to_owned(),
        code,
        message,
    })
}

/// The member's path with `\` read as `/` and empty and `.` parts dropped; `None` when it
/// would lead outside the archive or holds control characters.
fn safe_path(written: &str) -> Option<String> {
    let unified = written.replace('\\', "/");
    let drive = unified.as_bytes().get(1) == Some(&b':');
    if unified.starts_with('/') || drive || unified.chars().any(char::is_control) {
        return None;
    }
    let parts: Vec<&str> = unified
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    if parts.is_empty() || parts.contains(&"..") {
        return None;
    }
    Some(parts.join("/"))
}

/// Whether `bytes` are a ZIP archive (a local file header, or the end record of an empty
/// archive).
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The refusal of an archive nested deeper than the limits allow.
pub(crate) fn too_deep(name: String, depth: u8) -> MemberError {
    let message = if depth == 0 {
        format!("{name} is a ZIP archive inside the archive; archives inside archives are not opened. Extract it and add it on its own.")
    } else {
        format!("{name} is a ZIP archive inside a ZIP archive inside an archive; only one level of archives inside archives is opened. Extract it and add it on its own.")
    };
    MemberError {
        name,
        code: codes::NESTED_ARCHIVE,
        message,
    }
}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

#[cfg(test)]
mod tests {
    use super::{decode_name, safe_path};

    #[test]
    fn names_in_code_page_437() {
        assert_eq!(decode_name(&[b'a', 0x84, 0x94, 0x8f], false), "aäöÅ");
        assert_eq!(decode_name("aä".as_bytes(), false), "aä");
        assert_eq!(decode_name(&[b'a', 0x84], true), "a\u{fffd}");
    }

    #[test]
    fn names() {
        assert_eq!(safe_path("dir/file.txt").as_deref(), Some("dir/file.txt"));
        assert_eq!(
            safe_path("./dir//file.txt").as_deref(),
            Some("dir/file.txt")
        );
        assert_eq!(safe_path("dir\\file.txt").as_deref(), Some("dir/file.txt"));
        // Two dots inside a name are fine; as a part they are not.
        assert_eq!(safe_path("a..b.txt").as_deref(), Some("a..b.txt"));
        for bad in [
            "../x.txt",
            "a/../../x.txt",
            "/etc/passwd",
            "C:\\x.txt",
            "a\\..\\..\\x",
            "a\0b",
            "",
        ] {
            assert_eq!(safe_path(bad), None, "{bad:?}");
        }
    }
}
