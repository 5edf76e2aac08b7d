//! `cargo xtask dist`: the release site, finished after Trunk.
//!
//! Trunk builds the app into a directory; [`build_site`] then finishes it:
//! - the Content-Security-Policy `<meta>` of `index.html` becomes the strict one, with the
//!   SHA-256 hashes of the inline scripts Trunk injected (its loader), so no `'unsafe-inline'`;
//! - `sw.js` (the service worker, from the repository root) is written with the list of the
//!   site's files and a version made of their hashes, and a `<meta>` tells the app to register
//!   it; a new release is a new version, so the worker replaces the old cache.
//!
//! [`single_file()`] turns a finished site into one HTML file (`--single-file`): CSS inlined, the
//! wasm-bindgen JS inlined as a module script, the wasm inlined as gzipped base64 (unpacked by
//! the page and passed to the init function as bytes), no service worker,
//! for opening from disk (`file://`).
//!
//! Modules by job: [`csp`], [`service_worker`](mod@service_worker),
//! [`single_file`](mod@single_file); [`digest`] holds the SHA-256 and base64 they use.

mod csp;
mod digest;
mod service_worker;
mod single_file;

use std::fs;
use std::path::Path;

use crate::cmd;
use crate::tools;
use crate::web;
use crate::Result;

use csp::with_csp;
use service_worker::service_worker;
use single_file::single_dir;
pub use single_file::{print_single_size, single_file};

/// The `<meta name>` that tells the app which service worker to register (relative URL).
const SW_META: &str = "hankekatselin-service-worker";

/// `cargo xtask dist [--public-url P] [--single-file]`.
pub fn run(options: &[String]) -> Result {
    let mut public_url = None;
    let mut single = false;
    let mut rest = options.iter();
    while let Some(option) = rest.next() {
        if option == "--single-file" {
            single = true;
        } else if option == "--public-url" {
            public_url = Some(rest.next().ok_or("--public-url needs a value")?.as_str());
        } else if let Some(value) = option.strip_prefix("--public-url=") {
            public_url = Some(value);
        } else {
            return Err(format!(
                "`dist` takes --public-url P and --single-file, not `{option}`"
            ));
        }
    }
    if single && public_url.is_some() {
        return Err("--single-file makes one file; --public-url does not apply to it".into());
    }
    tools::install()?;
    let dist = web::dist_dir();
    build_site(public_url, &dist)?;
    web::print_sizes(&dist)?;
    if single {
        let file = single_file(&dist, &single_dir())?;
        print_single_size(&file)?;
    }
    Ok(())
}

/// Trunk's release build into `out`, then the finishing steps (CSP, service worker).
/// Without a public URL the site's URLs are relative (`./`): it then works from any directory
/// of any host, a sub-path included, with no rebuild.
pub fn build_site(public_url: Option<&str>, out: &Path) -> Result {
    web::require_app()?;
    let mut trunk = web::trunk_build(Some(public_url.unwrap_or("./")));
    trunk.arg("--dist").arg(out);
    cmd::run(&mut trunk)?;
    finish_site(out)
}

/// The finishing steps on a Trunk build in `dir`.
pub fn finish_site(dir: &Path) -> Result {
    let index_path = dir.join("index.html");
    let index = read_text(&index_path)?;
    // The files Trunk did not place (the worker, the manifest, the icons) go where it placed
    // the app's: `./` or the `--public-url`.
    let base = asset_base(&index)?;
    let index = with_meta(&index, SW_META, &format!("{base}sw.js"))
        .replace(
            "href=\"manifest.webmanifest\"",
            &format!("href=\"{base}manifest.webmanifest\""),
        )
        .replace("href=\"icons/", &format!("href=\"{base}icons/"));
    let index = with_csp(&index, false)?;
    write(&index_path, index.as_bytes())?;
    let sw = service_worker(dir)?;
    write(&dir.join("sw.js"), sw.as_bytes())?;
    println!("finished {}: strict CSP, service worker", dir.display());
    Ok(())
}

/// The URL prefix Trunk gave the app's files (`./`, `/`, `/sub/path/`): the wasm's URL up to
/// its name.
fn asset_base(index: &str) -> Result<String> {
    let name = asset_name(index, "_bg.wasm")?;
    let end = index.find(&name).ok_or("index.html names no wasm")?;
    let start = index[..end].rfind(['"', '\'']).map_or(end, |q| q + 1);
    Ok(index[start..end].to_owned())
}

/// The file name (last path segment) of the first `href`/`src`/`from` value in `index` that
/// ends with `suffix`.
fn asset_name(index: &str, suffix: &str) -> Result<String> {
    for (i, _) in index.match_indices(suffix) {
        let end = i + suffix.len();
        if !matches!(index[end..].chars().next(), Some('"' | '\'')) {
            continue;
        }
        let start = index[..i].rfind(['"', '\'']).map_or(0, |q| q + 1);
        let url = &index[start..end];
        let name = url.rsplit('/').next().unwrap_or(url);
        if !name.is_empty() && !url.contains(char::is_whitespace) {
            return Ok(name.to_owned());
        }
    }
    Err(format!("index.html names no file ending in {suffix}"))
}

/// `html` with a `<meta name=… content=…>` after `<meta charset…>` (replacing one of that name).
fn with_meta(html: &str, name: &str, content: &str) -> String {
    let tag = format!("<meta name=\"{name}\" content=\"{content}\" />");
    let marker = format!("<meta name=\"{name}\"");
    if let Some(start) = html.find(&marker) {
        let end = start + html[start..].find('>').map_or(0, |e| e + 1);
        return format!("{}{tag}{}", &html[..start], &html[end..]);
    }
    insert_after_charset(html, &tag)
}

fn insert_after_charset(html: &str, tag: &str) -> String {
    let at = html
        .find("<meta charset")
        .and_then(|s| html[s..].find('>').map(|e| s + e + 1))
        .or_else(|| html.find("<head>").map(|s| s + "<head>".len()))
        .unwrap_or(0);
    format!("{}\n    {tag}{}", &html[..at], &html[at..])
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
