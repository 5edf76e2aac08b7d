//! The one-file edition (`--single-file`): CSS inlined, the wasm-bindgen JS inlined as a
//! module script, the wasm inlined as gzipped base64 (unpacked by the page and passed to the
//! init function as bytes), no service worker, for opening from disk (`file://`).

use std::fs;
use std::path::{Path, PathBuf};

use super::csp::policy;
use super::digest::{base64, sha256_base64};
use super::{asset_name, read_text, write};
use crate::cmd;
use crate::paths;
use crate::Result;

/// Where `--single-file` writes, and the file's name.
pub(super) const SINGLE_DIR: &str = "dist-single";

pub(super) const SINGLE_NAME: &str = "hankekatselin.html";

/// `dist-single/`, where `--single-file` writes.
pub fn single_dir() -> PathBuf {
    paths::repo_root().join(SINGLE_DIR)
}

/// Writes the one-file edition of the finished site in `dist` into `out_dir`; returns its path.
pub fn single_file(dist: &Path, out_dir: &Path) -> Result<PathBuf> {
    let index = read_text(&dist.join("index.html"))?;
    let wasm_name = asset_name(&index, "_bg.wasm")?;
    let js_name = format!("{}.js", wasm_name.trim_end_matches("_bg.wasm"));
    let mut css = String::new();
    for name in stylesheets(&index) {
        css.push_str(&read_text(&dist.join(name))?);
        css.push('\n');
    }
    let js = read_text(&dist.join(&js_name))?;
    let wasm =
        fs::read(dist.join(&wasm_name)).map_err(|e| format!("cannot read {wasm_name}: {e}"))?;
    let icon = fs::read(dist.join("icons/icon.svg")).ok();

    let head_end = index.find("</head>").ok_or("index.html has no </head>")?;
    let head_start = index.find("<head>").ok_or("index.html has no <head>")? + "<head>".len();
    // The page's own head lines (charset, viewport, description, title), without what refers
    // to other files or to the service worker.
    let kept: Vec<&str> = index[head_start..head_end]
        .lines()
        .map(str::trim)
        .filter(|l| {
            l.starts_with("<meta charset")
                || l.starts_with("<meta name=\"viewport\"")
                || l.starts_with("<meta name=\"color-scheme\"")
                || l.starts_with("<meta name=\"description\"")
                || l.starts_with("<title>")
        })
        .collect();
    let body_start = index.find("<body>").ok_or("index.html has no <body>")?;

    let module = format!(
        "{js}\n\
         const packed = Uint8Array.from(atob(document.getElementById('hankekatselin-wasm').textContent.trim()), (c) => c.charCodeAt(0));\n\
         const bytes = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();\n\
         await __wbg_init({{ module_or_path: bytes }});\n",
        js = strip_exports(&js)?,
    );
    let style = css.replace("</style", "<\\/style");
    let mut html = String::from("<!doctype html>\n<html lang=\"fi\">\n<head>\n");
    for line in kept {
        html.push_str(line);
        html.push('\n');
    }
    html.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
        policy(&[sha256_base64(&module)], &[sha256_base64(&style)], true)
    ));
    if let Some(icon) = icon {
        html.push_str(&format!(
            "<link rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml;base64,{}\">\n",
            base64(&icon)
        ));
    }
    html.push_str(&format!("<style>{style}</style>\n"));
    // The wasm as data, not script: `type` makes the browser leave it alone, and the CSP does
    // not apply to it. Gzipped first (the page unpacks it with `DecompressionStream`), which
    // halves the file: base64 does not compress on its own.
    html.push_str(&format!(
        "<script type=\"application/octet-stream\" id=\"hankekatselin-wasm\">{}</script>\n",
        base64(&gzip(&wasm)?)
    ));
    html.push_str(&format!("<script type=\"module\">{module}</script>\n"));
    html.push_str("</head>\n");
    html.push_str(&index[body_start..]);

    fs::create_dir_all(out_dir).map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let path = out_dir.join(SINGLE_NAME);
    write(&path, html.as_bytes())?;
    Ok(path)
}

/// `bytes` through `gzip -9`.
pub(super) fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("gzip")
        .args(["-9", "--stdout", "--no-name"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start gzip: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("gzip has no stdin")?;
    let input = bytes.to_vec();
    // Written from another thread: gzip's output pipe would fill up otherwise.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("gzip failed: {e}"))?;
    writer
        .join()
        .map_err(|_| "writing to gzip panicked")?
        .map_err(|e| format!("writing to gzip: {e}"))?;
    if !output.status.success() {
        return Err(format!("gzip failed ({})", output.status));
    }
    Ok(output.stdout)
}

/// Prints the raw and gzipped size of the one-file edition.
pub fn print_single_size(file: &Path) -> Result {
    let raw = fs::metadata(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?
        .len();
    let mut gzip = std::process::Command::new("gzip");
    gzip.args(["-9", "--stdout"]).arg(file);
    let gz = cmd::output_bytes(&mut gzip)?.len();
    println!(
        "\n{}: {:.1} KB gzipped ({:.1} KB raw)",
        file.display(),
        gz as f64 / 1000.0,
        raw as f64 / 1000.0
    );
    Ok(())
}

/// The file names (last path segments) of the page's `<link rel="stylesheet">`s, in order.
pub(super) fn stylesheets(index: &str) -> Vec<&str> {
    index
        .match_indices("<link ")
        .filter_map(|(at, _)| {
            let tag = &index[at..at + index[at..].find('>')?];
            if !tag.contains("rel=\"stylesheet\"") {
                return None;
            }
            let href = tag.split("href=\"").nth(1)?.split('"').next()?;
            href.rsplit('/').next()
        })
        .collect()
}

/// The wasm-bindgen module's JS without its `export` statements, for an inline classic body
/// of a module script that calls `__wbg_init` itself.
pub(super) fn strip_exports(js: &str) -> Result<String> {
    let mut out = String::with_capacity(js.len());
    let mut found_init = false;
    for line in js.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("export {") || trimmed.starts_with("export default") {
            found_init |= line.contains("__wbg_init");
            continue;
        }
        out.push_str(line.strip_prefix("export ").unwrap_or(line));
        out.push('\n');
    }
    if !found_init || !out.contains("function __wbg_init") {
        return Err("the wasm-bindgen JS has no `__wbg_init` export: its shape changed".into());
    }
    if out.contains("import ") && out.lines().any(|l| l.starts_with("import ")) {
        return Err("the wasm-bindgen JS imports other modules: cannot inline it".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::asset_base;
    use super::*;

    #[test]
    fn asset_names_and_exports() {
        let index = "<link rel=\"stylesheet\" href=\"/sub/main-1.css\"/>\n\
            <link rel=\"icon\" href=\"i.svg\"><link rel=\"stylesheet\" href=\"print-3.css\"/>\n\
            import init from '/sub/app-2.js';\ninit({ module_or_path: '/sub/app-2_bg.wasm' });";
        assert_eq!(stylesheets(index), vec!["main-1.css", "print-3.css"]);
        assert_eq!(asset_name(index, "_bg.wasm").unwrap(), "app-2_bg.wasm");
        assert_eq!(asset_base(index).unwrap(), "/sub/");
        assert_eq!(
            asset_base("init({ module_or_path: './a_bg.wasm' })").unwrap(),
            "./"
        );
        let js = "export function f() {}\nasync function __wbg_init() {}\n\
            export { initSync, __wbg_init as default };\n";
        assert_eq!(
            strip_exports(js).unwrap(),
            "function f() {}\nasync function __wbg_init() {}\n"
        );
    }
}
