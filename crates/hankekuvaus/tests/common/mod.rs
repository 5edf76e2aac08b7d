//! Helpers shared by the integration tests: the seed files and the golden comparison.

use std::path::{Path, PathBuf};

/// The directory of the five real descriptions.
#[allow(dead_code)] // Not every test binary uses every helper.
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seeds")
}

/// (file name, bytes) of every seed, sorted by name.
#[allow(dead_code)]
pub fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(seeds_dir())
        .expect("testdata/seeds exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("readable seed"))
        })
        .collect();
    out.sort();
    assert_eq!(out.len(), 5, "five seeds expected in {:?}", seeds_dir());
    out
}

/// (`dir/name`, bytes) of every file under `testdata/seeds/` and `testdata/breadth/`,
/// sorted: the inputs of the golden tests.
#[allow(dead_code)]
pub fn testdata_files() -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut out = Vec::new();
    for dir in ["seeds", "breadth"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("testdata exists") {
            let path = entry.expect("readable entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push((
                format!("{dir}/{name}"),
                std::fs::read(&path).expect("readable file"),
            ));
        }
    }
    out.sort();
    out
}

/// A hand-made file under `testdata/breadth/`.
#[allow(dead_code)] // Not every test binary uses every helper.
pub fn breadth(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/breadth")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Writes a description's text as the service's page markup: `<h2>` per section, `<h3>` per
/// subsection, a `<p>` per block (lines joined by `<br>`), and section 8.2 as a table with
/// header cells "Välitön" and "Välillinen". With `entities`, non-ASCII letters are written
/// as character references, as older pages do.
#[allow(dead_code)]
pub fn to_service_html(text: &str, entities: bool) -> String {
    let esc = |s: &str| {
        let s = s
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        if entities {
            s.replace('ä', "&auml;")
                .replace('ö', "&#246;")
                .replace('Ä', "&#xC4;")
        } else {
            s
        }
    };
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"fi\"><head><meta charset=\"utf-8\">\
         <title>Hankkeen kuvaus</title><style>p { margin: 0 }</style>\
         <script>var x = \"<p>not text</p>\";</script></head>\n<body>\n",
    );
    let mut in_table = false;
    // Blocks of consecutive lines; each blank line beyond the first between two blocks
    // becomes a `<br>`, which renders as an empty line.
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut blanks: usize = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blanks += 1;
        } else if blanks == 0 && !blocks.is_empty() {
            blocks.last_mut().unwrap().1.push(line);
        } else {
            // Before the first block every blank line is extra.
            let extra = if blocks.is_empty() {
                blanks
            } else {
                blanks.saturating_sub(1)
            };
            blocks.push((extra, vec![line]));
            blanks = 0;
        }
    }
    for (extra_blanks, lines) in blocks {
        let first = lines[0];
        let is_heading = |l: &str| {
            let num: String = l
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            !num.is_empty()
                && l[num.len()..].starts_with(' ')
                && lines.len() == 1
                && l.len() < 120
                && l[num.len() + 1..].starts_with(|c: char| c.is_uppercase())
        };
        if in_table {
            out.push_str("</table>\n");
            in_table = false;
        }
        out.push_str(&"<br>".repeat(extra_blanks));
        if is_heading(first) {
            let tag = if first.split(' ').next().unwrap().contains('.') {
                "h3"
            } else {
                "h2"
            };
            out.push_str(&format!("<{tag}>{}</{tag}>\n", esc(first)));
        } else if first.replace(' ', "") == "VälitönVälillinen" {
            out.push_str("<table>\n<tr><th></th><th>Välitön</th><th>Välillinen</th></tr>\n");
            for l in &lines[1..] {
                let words: Vec<&str> = l.rsplitn(3, ' ').collect();
                let scored = words.len() == 3
                    && words[0].parse::<u8>().is_ok()
                    && words[1].parse::<u8>().is_ok();
                if scored {
                    out.push_str(&format!(
                        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        esc(words[2]),
                        words[1],
                        words[0]
                    ));
                } else if l.ends_with("kestävyys") || l.ends_with("yhdenvertaisuus") {
                    out.push_str(&format!("<tr><th colspan=\"3\">{}</th></tr>\n", esc(l)));
                } else {
                    out.push_str(&format!("<tr><td colspan=\"3\">{}</td></tr>\n", esc(l)));
                }
            }
            in_table = true;
        } else {
            let body: Vec<String> = lines.iter().map(|l| esc(l)).collect();
            out.push_str(&format!("<p>{}</p>\n", body.join("<br>\n")));
        }
    }
    if in_table {
        out.push_str("</table>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// Compares `actual` with the golden file at `path`; with `UPDATE_GOLDEN` set, writes it
/// there instead. `None` when they match or the file was written, else the golden text.
/// A missing golden file panics, asking for `UPDATE_GOLDEN=1`.
#[allow(dead_code)]
pub fn golden_mismatch(path: &Path, actual: &str) -> Option<String> {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    (expected != actual).then_some(expected)
}
