//! Reading one member: its checks in order (name, kind, encryption, method, declared size),
//! then inflating it within the limits and checking it against its header.

use std::io::Read as _;

use flate2::read::DeflateDecoder;
use zip::CompressionMethod;

use crate::{codes, Level, Limits, Member, MemberError};

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
pub(crate) fn read(level: &mut Level<'_>, index: usize, limits: &Limits, remaining: u64) -> Read {
    let entry = match level.zip.by_index_data(index) {
        Ok(entry) => entry,
        Err(e) => {
            let name = format!("{}/#{}", level.prefix, index + 1);
            return refuse(
                &name,
                codes::CORRUPT_MEMBER,
                format!(
                    "entry {} of {} cannot be read ({e})",
                    index + 1,
                    level.prefix
                ),
            );
        }
    };
    if entry.is_dir() {
        return Read::Directory;
    }
    // A name the archive cannot decode is shown as its bytes would be.
    let written = entry
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.into_owned());
    let shown = format!("{}/{}", level.prefix, written);
    let Some(path) = safe_path(&written) else {
        return refuse(&shown, codes::UNSAFE_NAME, format!(
            "{shown} was not read: its name leads outside the archive (an absolute path, a drive letter, \"..\" or a control character). Such names are refused, not rewritten."
        ));
    };
    let name = format!("{}/{}", level.prefix, path);
    if entry.is_symlink() {
        return refuse(
            &name,
            codes::SYMLINK,
            format!("{name} is a symbolic link, not a file; links are not followed."),
        );
    }
    if entry.encrypted() {
        return refuse(&name, codes::ENCRYPTED, format!(
            "{name} is encrypted (password-protected); encrypted members are not read. Extract it with its password and add the file itself."
        ));
    }
    let method = entry.compression();
    if method != CompressionMethod::Stored && method != CompressionMethod::DEFLATE {
        #[allow(deprecated)] // `to_u16` is the only way to name a method zip does not know.
        let number = method.to_u16();
        let method = CompressionMethod::name_from_u16(number);
        return refuse(&name, codes::UNSUPPORTED_COMPRESSION, format!(
            "{name} is compressed with {method} (method {number}); only stored and deflated members are read. Re-create the archive with ordinary ZIP compression."
        ));
    }
    let declared = entry.size();
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
    let crc = entry.crc32();
    let raw = match level.zip.by_index_raw(index) {
        Ok(raw) => raw,
        Err(e) => {
            return refuse(
                &name,
                codes::CORRUPT_MEMBER,
                format!("{name} cannot be read: the archive is damaged there ({e})."),
            )
        }
    };
    // One byte more than declared is enough to know the header lies: the output never
    // grows past that, whatever the data would inflate to.
    let cap = declared + 1;
    // The header may lie: allocate at most a megabyte up front.
    let mut bytes = Vec::with_capacity(declared.min(1 << 20) as usize);
    let result = if method == CompressionMethod::Stored {
        raw.take(cap).read_to_end(&mut bytes)
    } else {
        DeflateDecoder::new(raw).take(cap).read_to_end(&mut bytes)
    };
    if let Err(e) = result {
        return refuse(
            &name,
            codes::CORRUPT_MEMBER,
            format!("{name} cannot be unpacked: its data is damaged ({e})."),
        );
    }
    let actual = bytes.len() as u64;
    if actual > declared {
        return refuse(&name, codes::SIZE_MISMATCH, format!(
            "{name} unpacks to more than the {declared} bytes its header declares. The header lies (a ZIP bomb) or the archive is damaged; it was not read."
        ));
    }
    if actual < declared || crc32fast::hash(&bytes) != crc {
        return refuse(&name, codes::CORRUPT_MEMBER, format!(
            "{name} is damaged: its data does not match its header (size or checksum). It was not read."
        ));
    }
    Read::File(Member { name, bytes })
}

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
    use super::safe_path;

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
