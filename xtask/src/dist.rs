//! `cargo xtask dist`: the release site, finished after Trunk.
//!
//! Trunk builds the app into a directory; [`build_site`] then finishes it:
//! - the Content-Security-Policy `<meta>` of `index.html` becomes the strict one, with the
//!   SHA-256 hashes of the inline scripts Trunk injected (its loader), so no `'unsafe-inline'`;
//! - `sw.js` (the service worker, from the repository root) is written with the list of the
//!   site's files and a version made of their hashes, and a `<meta>` tells the app to register
//!   it; a new release is a new version, so the worker replaces the old cache.
//!
//! [`single_file`] turns a finished site into one HTML file (`--single-file`): CSS inlined, the
//! wasm-bindgen JS inlined as a module script, the wasm inlined as gzipped base64 (unpacked by
//! the page and passed to the init function as bytes), no service worker,
//! for opening from disk (`file://`).
//!
//! SHA-256 and base64 are implemented here (tested against the standard vectors) so that xtask
//! keeps to the standard library.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cmd;
use crate::paths;
use crate::tools;
use crate::web;
use crate::Result;

/// The service worker's source, a template with the two placeholders below.
const SW_TEMPLATE: &str = "sw.js";
const SW_VERSION_PLACEHOLDER: &str = "__HANKEKATSELIN_VERSION__";
const SW_FILES_PLACEHOLDER: &str = "['__HANKEKATSELIN_FILES__']";
/// The `<meta name>` that tells the app which service worker to register (relative URL).
const SW_META: &str = "hankekatselin-service-worker";
/// Where `--single-file` writes, and the file's name.
const SINGLE_DIR: &str = "dist-single";
const SINGLE_NAME: &str = "hankekatselin.html";

/// The policy of the built page, with the hashes of its inline scripts and styles.
/// `connect-src 'self'`: the wasm and the service worker's cache fill are same-origin fetches;
/// `img-src data: blob:`: the icon and downloads. The one-file edition, opened from disk, has
/// everything inline: no source but its hashes.
fn policy(script_hashes: &[String], style_hashes: &[String], single_file: bool) -> String {
    let own = if single_file { "" } else { "'self'" };
    let sources = |extra: &[String], more: &str| {
        let list: Vec<String> = [own, more]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .chain(extra.iter().map(|h| format!("'sha256-{h}'")))
            .collect();
        if list.is_empty() {
            "'none'".to_owned()
        } else {
            list.join(" ")
        }
    };
    format!(
        "default-src {}; script-src {}; style-src {}; img-src {}; connect-src {}; \
         font-src 'none'; object-src 'none'; base-uri 'self'; form-action 'none'; \
         worker-src {}; manifest-src {}",
        sources(&[], ""),
        sources(script_hashes, "'wasm-unsafe-eval'"),
        sources(style_hashes, ""),
        sources(&[], "data: blob:"),
        sources(&[], ""),
        sources(&[], ""),
        sources(&[], ""),
    )
}

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

/// `dist-single/`, where `--single-file` writes.
pub fn single_dir() -> PathBuf {
    paths::repo_root().join(SINGLE_DIR)
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

/// The service worker for the site in `dir`: the template with the file list and version.
fn service_worker(dir: &Path) -> Result<String> {
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
fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result {
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
fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
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

/// The file names (last path segments) of the page's `<link rel="stylesheet">`s, in order.
fn stylesheets(index: &str) -> Vec<&str> {
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
fn strip_exports(js: &str) -> Result<String> {
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

/// `html` with its CSP `<meta>` replaced by the strict policy hashing its inline scripts and
/// styles (inserted after `<meta charset>` when there is none).
fn with_csp(html: &str, single_file: bool) -> Result<String> {
    let scripts = inline_bodies(html, "script")
        .iter()
        .map(|s| sha256_base64(s))
        .collect::<Vec<_>>();
    let styles = inline_bodies(html, "style")
        .iter()
        .map(|s| sha256_base64(s))
        .collect::<Vec<_>>();
    let tag = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
        policy(&scripts, &styles, single_file)
    );
    let marker = "http-equiv=\"Content-Security-Policy\"";
    match html.find(marker) {
        Some(at) => {
            let start = html[..at].rfind("<meta").ok_or("malformed CSP <meta>")?;
            let end = at + html[at..].find('>').ok_or("unclosed CSP <meta>")? + 1;
            Ok(format!("{}{tag}{}", &html[..start], &html[end..]))
        }
        None => Ok(insert_after_charset(html, &tag)),
    }
}

/// The text of every `<tag …>…</tag>` without a `src` attribute (inline scripts or styles),
/// outside HTML comments.
fn inline_bodies<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = html;
    let mut offset = 0;
    while let Some(i) = rest.find(&open) {
        let abs = offset + i;
        // Skip anything inside a comment.
        let before = &html[..abs];
        if before
            .rfind("<!--")
            .is_some_and(|c| before[c..].find("-->").is_none())
        {
            offset = abs + open.len();
            rest = &html[offset..];
            continue;
        }
        let Some(gt) = html[abs..].find('>') else {
            break;
        };
        let attrs = &html[abs + open.len()..abs + gt];
        let body_start = abs + gt + 1;
        let Some(end) = html[body_start..].find(&close) else {
            break;
        };
        if !attrs.contains("src=") && attrs.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
            out.push(&html[body_start..body_start + end]);
        }
        offset = body_start + end + close.len();
        rest = &html[offset..];
    }
    out
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Base64 of the SHA-256 of `text`, as CSP hash sources take it.
fn sha256_base64(text: &str) -> String {
    base64(&sha256(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// SHA-256 (FIPS 180-4).
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha256_standard_vectors() {
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        // A million 'a's: many blocks.
        assert_eq!(
            hex(&sha256(&vec![b'a'; 1_000_000])),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
    }

    #[test]
    fn base64_rfc4648_vectors() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn csp_hashes_inline_scripts_only() {
        let html = "<head><meta charset=\"utf-8\" />\n\
            <meta http-equiv=\"Content-Security-Policy\"\n content=\"default-src *\" />\n\
            <!-- <script>not this</script> -->\n\
            <script type=\"module\">run()</script><script src=\"/a.js\"></script>\
            <scripts-x></scripts-x></head>";
        assert_eq!(inline_bodies(html, "script"), vec!["run()"]);
        let out = with_csp(html, false).unwrap();
        assert!(!out.contains("default-src *"));
        assert_eq!(out.matches("Content-Security-Policy").count(), 1);
        let hash = sha256_base64("run()");
        assert!(out.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}';"
        )));
        assert!(out.contains("style-src 'self';"));
        assert!(out.contains("object-src 'none'"));
        let single = policy(std::slice::from_ref(&hash), &[], true);
        assert!(single.starts_with("default-src 'none'; "));
        assert!(single.contains(&format!("script-src 'wasm-unsafe-eval' 'sha256-{hash}';")));
        assert!(single.contains("img-src data: blob:;"));
    }

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
