//! `sw.js`, the service worker, written from the template at the repository root with the
//! list of the site's files and a version made of their hashes.

use std::fs;
use std::path::Path;

use super::digest::sha256;
use super::read_text;
use crate::paths;
use crate::Result;

/// The service worker's source, a template with the two placeholders below.
pub(super) const SW_TEMPLATE: &str = "sw.js";

pub(super) const SW_VERSION_PLACEHOLDER: &str = "__HANKEKATSELIN_VERSION__";

pub(super) const SW_FILES_PLACEHOLDER: &str = "['__HANKEKATSELIN_FILES__']";

/// The service worker for the site in `dir`: the template with the file list and version.
pub(super) fn service_worker(dir: &Path) -> Result<String> {
    let template = read_text(&paths::repo_root().join(SW_TEMPLATE))?;
    let mut files = Vec::new();
    list_files(dir, dir, &mut files)?;
    files.retain(|f| f != "sw.js");
    files.sort();
    // The version: a hash over every cached file's name and bytes.
    let mut all = Vec::new();
    for file in &files {
        all.extend_from_slice(file.as_bytes());
        all.push(0);
        all.extend_from_slice(&sha256(
            &fs::read(dir.join(file))
                .map_err(|e| format!("cannot read {}: {e}", dir.join(file).display()))?,
        ));
    }
    let version: String = sha256(&all)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let list = files
        .iter()
        .map(|f| format!("'{}'", f.replace('\\', "\\\\").replace('\'', "\\'")))
        .collect::<Vec<_>>()
        .join(", ");
    if !template.contains(SW_VERSION_PLACEHOLDER) || !template.contains(SW_FILES_PLACEHOLDER) {
        return Err(format!(
            "{SW_TEMPLATE} lacks {SW_VERSION_PLACEHOLDER} or {SW_FILES_PLACEHOLDER}"
        ));
    }
    Ok(template
        .replace(SW_VERSION_PLACEHOLDER, &version)
        .replace(SW_FILES_PLACEHOLDER, &format!("[{list}]")))
}

/// Every file under `dir`, as `/`-separated paths relative to `root`; hidden ones (a `.stage`
/// of Trunk's, which static hosts do not serve either) are not part of the site.
pub(super) fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            list_files(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}
