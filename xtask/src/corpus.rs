//! `cargo xtask corpus --count N --out DIR [--seed S]`: writes N synthetic project
//! descriptions (the `hankekuvaus-corpus` crate) to a directory, for load tests and
//! benchmarks of many files at once. With `--lists` instead of `--count`, it writes the
//! three periods' list exports at their real sizes, with the real defects.

use std::path::Path;

use hankekuvaus_corpus::{generate, generate_lists, Defect, Encoding, DEFAULT_SEED};

/// `corpus --count N --out DIR [--seed S]` or `corpus --lists --out DIR [--seed S]`.
pub fn run(options: &[String]) -> Result<(), String> {
    let mut count = None;
    let mut out = None;
    let mut seed = DEFAULT_SEED;
    let mut lists = false;
    let mut it = options.iter();
    while let Some(option) = it.next() {
        let (name, inline) = match option.split_once('=') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (option.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name {
            "--count" => {
                let v = value()?;
                count = Some(
                    v.parse::<usize>()
                        .map_err(|_| format!("--count needs a number, not `{v}`"))?,
                );
            }
            "--out" => out = Some(value()?),
            "--lists" => lists = true,
            "--seed" => {
                let v = value()?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed needs a number, not `{v}`"))?;
            }
            other => {
                return Err(format!(
                    "`corpus` takes --count N | --lists, --out DIR [--seed S], not `{other}`"
                ))
            }
        }
    }
    let out = out.ok_or("`corpus` needs --out DIR")?;
    let dir = Path::new(&out);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if lists {
        return write_lists(dir, seed);
    }
    let count = count.ok_or("`corpus` needs --count N (or --lists)")?;
    let files = generate(count, seed);
    let mut bytes = 0usize;
    for file in &files {
        let path = dir.join(&file.name);
        std::fs::write(&path, &file.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        bytes += file.bytes.len();
    }
    let of = |e: Encoding| files.iter().filter(|f| f.encoding == e).count();
    let duplicates: Vec<&str> = files
        .iter()
        .filter(|f| f.duplicate)
        .map(|f| f.code.as_str())
        .collect();
    println!(
        "corpus: {count} descriptions, {:.1} MB, in {} (seed {seed})\n\
         corpus: UTF-8 {}, UTF-8 CRLF {}, Windows-1252 {}, UTF-16LE {}\n\
         corpus: {} files repeat an earlier code: {}",
        bytes as f64 / 1e6,
        dir.display(),
        of(Encoding::Utf8),
        of(Encoding::Utf8Crlf),
        of(Encoding::Windows1252),
        of(Encoding::Utf16Le),
        duplicates.len(),
        duplicates.join(" "),
    );
    Ok(())
}

/// Writes the three list exports into `dir` and says what is in them.
pub fn write_lists(dir: &Path, seed: u64) -> Result<(), String> {
    for export in generate_lists(seed) {
        let path = dir.join(export.name);
        std::fs::write(&path, &export.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let of = |d: Defect| export.rows.iter().filter(|r| r.defect == d).count();
        println!(
            "corpus: {}: {} project rows, {:.1} MB; {} with commas inside values, {} with \
             spreadsheet damage to repair, {} shifted (to be reported)",
            path.display(),
            export.rows.len(),
            export.bytes.len() as f64 / 1e6,
            of(Defect::SplitCommas),
            of(Defect::Repairable),
            of(Defect::Shifted),
        );
    }
    Ok(())
}
