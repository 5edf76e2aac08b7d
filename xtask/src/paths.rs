//! Where things are: the repository, its build output, and the per-user tool cache.

use std::env;
use std::path::PathBuf;

/// The repository root (the parent of `xtask/`).
pub fn repo_root() -> PathBuf {
    // `cargo run` passes the manifest directory of the checkout it runs in. The compile-time
    // value is only a fallback: two checkouts that share a target directory share one xtask
    // binary, which would otherwise act on the checkout that built it.
    let xtask_dir = env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    xtask_dir
        .parent()
        .expect("xtask/ lives inside the repository")
        .to_path_buf()
}

/// Cargo's target directory: `$CARGO_TARGET_DIR` or `<repo>/target`.
pub fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => repo_root().join(dir),
        _ => repo_root().join("target"),
    }
}

/// The per-user cache shared by every clone on this machine: `$HANKEKATSELIN_CACHE`, else
/// `$XDG_CACHE_HOME/hankekatselin`, else `$HOME/.cache/hankekatselin`.
pub fn cache_dir() -> crate::Result<PathBuf> {
    let non_empty = |name: &str| env::var_os(name).filter(|value| !value.is_empty());
    if let Some(dir) = non_empty("HANKEKATSELIN_CACHE") {
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = non_empty("XDG_CACHE_HOME") {
        return Ok(PathBuf::from(dir).join("hankekatselin"));
    }
    match non_empty("HOME") {
        Some(home) => Ok(PathBuf::from(home).join(".cache/hankekatselin")),
        None => Err("cannot place the tool cache: set HANKEKATSELIN_CACHE or HOME".into()),
    }
}
