//! The web app through Trunk: `cargo xtask serve` and `cargo xtask dist`.
//!
//! Trunk runs `--offline`: Trunk.toml's `[tools]` versions match what [`tools::install`] put on
//! `PATH`, so it never tries to download a tool.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cmd;
use crate::paths;
use crate::tools;
use crate::Result;

/// Where `trunk build` writes the app (Trunk.toml's `dist`).
pub fn dist_dir() -> PathBuf {
    paths::repo_root().join("dist")
}

/// Whether the app's front end is there to build: Trunk starts from index.html.
pub fn has_app() -> bool {
    paths::repo_root().join("index.html").exists()
}

/// `trunk build --release --offline`, the release build of the app into dist/.
pub fn trunk_build(public_url: Option<&str>) -> Command {
    let mut command = cmd::new("trunk");
    command.args(["build", "--release", "--offline"]);
    if let Some(url) = public_url {
        command.args(["--public-url", url]);
    }
    command
}

/// Installs the tools, then serves the app with live reload until interrupted.
pub fn serve(port: u16) -> Result {
    tools::install()?;
    require_app()?;
    let port = port.to_string();
    println!("\nHankekatselin will be at  http://127.0.0.1:{port}/  once built (Ctrl-C stops)\n");
    cmd::run(cmd::new("trunk").args([
        "serve",
        "--offline",
        "--address",
        "127.0.0.1",
        "--port",
        &port,
    ]))
}

/// Fails unless there is an index.html for Trunk to build.
pub fn require_app() -> Result {
    if has_app() {
        Ok(())
    } else {
        Err("no index.html in the repository root: the app's front end is not there yet".into())
    }
}

/// The files of the workers, wasm binaries of their own fetched on first use: the workbook
/// writer (`crates/hankekuvaus-workbook`) and the engine (`crates/hankekuvaus-engine`).
const WORKERS: [&str; 2] = ["workbook_worker", "engine_worker"];

/// Prints the raw and gzipped size of each .wasm and .js file in `dir`: what a user downloads
/// (the workers' files marked, and left out of the page's total).
pub fn print_sizes(dir: &Path) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "wasm" || ext == "js")
        })
        .collect();
    files.sort();
    println!("\n{}:", dir.display());
    let (mut raw_total, mut gzip_total) = (0, 0);
    for file in &files {
        let raw = fs::metadata(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?
            .len();
        let gzip = gzipped_size(file)?;
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        // The workers are not part of the page: they are fetched on first use.
        let on_first_use = WORKERS.iter().any(|w| name.starts_with(w));
        if !on_first_use {
            raw_total += raw;
            gzip_total += gzip;
        }
        println!(
            "  {:>9} gzipped  ({:>9} raw)  {name}{}",
            kilobytes(gzip),
            kilobytes(raw),
            if on_first_use { " (on first use)" } else { "" }
        );
    }
    println!(
        "  {:>9} gzipped  ({:>9} raw)  total .wasm + .js of the page",
        kilobytes(gzip_total),
        kilobytes(raw_total)
    );
    Ok(())
}

/// The size of `file` after `gzip -9`, as a web server would send it.
fn gzipped_size(file: &Path) -> Result<u64> {
    let mut gzip = Command::new("gzip");
    gzip.args(["-9", "--stdout"]).arg(file);
    Ok(cmd::output_bytes(&mut gzip)?.len() as u64)
}

/// `bytes` as kilobytes with one decimal, e.g. `52.3 KB` (1 KB = 1000 bytes).
fn kilobytes(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}
