//! The strict Content-Security-Policy of the built page: the `<meta>` Trunk wrote is replaced
//! with one that allows the inline scripts Trunk injected by their SHA-256 hashes only.

use super::digest::sha256_base64;
use super::insert_after_charset;
use crate::Result;

/// The policy of the built page, with the hashes of its inline scripts and styles.
/// `connect-src 'self'`: the wasm and the service worker's cache fill are same-origin fetches;
/// `img-src data: blob:`: the icon and downloads. The one-file edition, opened from disk, has
/// everything inline: no source but its hashes.
pub(super) fn policy(
    script_hashes: &[String],
    style_hashes: &[String],
    single_file: bool,
) -> String {
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

/// `html` with its CSP `<meta>` replaced by the strict policy hashing its inline scripts and
/// styles (inserted after `<meta charset>` when there is none).
pub(super) fn with_csp(html: &str, single_file: bool) -> Result<String> {
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
pub(super) fn inline_bodies<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
