//! `cargo xtask fuzz [--seconds N] [--target NAME]`: runs the cargo-fuzz targets in `fuzz/`
//! one after another for N seconds in all (default 300), split as in `fuzz/README.md`: 25 %
//! `parse_text`, 20 % `parse_html`, 15 % `import_json`, 20 % `slow_input`, 10 % `read_any`,
//! 10 % `open_archive`; with `--target`, that one target for all N seconds; with
//! `--formats Json,JsonItems` (names as in `fuzz/src/slow.rs`), `slow_input` for all N
//! seconds on those formats only.
//!
//! There is no nightly toolchain on these machines; cargo-fuzz's nightly flags work on the
//! stable compiler with `RUSTC_BOOTSTRAP=1`. A finding stops the run with a non-zero exit and
//! leaves its input in `fuzz/artifacts/<target>/`.

use crate::{cmd, paths, tools, Result};

/// (target, share of the time in percent, dictionary, sanitizer)
///
/// `slow_input` runs without the address sanitizer: it times the parser against a floor.
const TARGETS: [(&str, u64, &str, &str); 6] = [
    ("parse_text", 25, "fuzz/dict/hankekuvaus.dict", "address"),
    ("parse_html", 20, "fuzz/dict/hankekuvaus.dict", "address"),
    ("import_json", 15, "fuzz/dict/json.dict", "address"),
    ("slow_input", 20, "fuzz/dict/hankekuvaus.dict", "none"),
    ("read_any", 10, "fuzz/dict/hankekuvaus.dict", "address"),
    ("open_archive", 10, "fuzz/dict/hankekuvaus.dict", "address"),
];

/// Runs every target for its share of `--seconds`.
pub fn run(options: &[String]) -> Result {
    let (mut seconds, mut only, mut formats) = ("300", None, None);
    let mut rest = options;
    while let Some((option, tail)) = rest.split_first() {
        let (name, value, tail) = match option.split_once('=') {
            Some((name, value)) => (name, Some(value), tail),
            None => (
                option.as_str(),
                tail.first().map(String::as_str),
                tail.get(1..).unwrap_or(&[]),
            ),
        };
        let value = value.ok_or_else(|| format!("{name} needs a value"))?;
        match name {
            "--seconds" => seconds = value,
            "--target" => only = Some(value),
            "--formats" => formats = Some(value),
            _ => {
                return Err(format!(
                    "`fuzz` takes --seconds N, --target NAME and --formats LIST, not `{option}`"
                ))
            }
        }
        rest = tail;
    }
    let seconds: u64 = seconds
        .parse()
        .map_err(|_| format!("--seconds needs a whole number, not `{seconds}`"))?;
    if let Some(name) = only {
        if !TARGETS.iter().any(|t| t.0 == name) {
            return Err(format!("no fuzz target `{name}`"));
        }
    }
    if formats.is_some() {
        if only.is_some_and(|name| name != "slow_input") {
            return Err("--formats is for the slow_input target".into());
        }
        only = Some("slow_input");
    }
    // Only the JSON formats: the JSON dictionary makes the fuzzer write arrays and objects,
    // which the text one rarely does.
    let json_only = formats.is_some_and(|list| {
        list.split(',')
            .all(|f| matches!(f.trim(), "Json" | "JsonItems"))
    });
    tools::install_cargo_fuzz()?;
    for (target, share, dict, sanitizer) in TARGETS {
        if only.is_some_and(|name| name != target) {
            continue;
        }
        let time = if only.is_some() {
            seconds
        } else {
            (seconds * share / 100).max(1)
        };
        let dict = if json_only {
            "fuzz/dict/json.dict"
        } else {
            dict
        };
        println!("\n== fuzz {target}: {time} s ==");
        let mut command = cmd::cargo();
        if let Some(list) = formats {
            // Read by the target (fuzz/src/slow.rs, `tally`): inputs of other formats are
            // skipped, and each format's time is printed every minute.
            command.env("SLOW_INPUT_FORMATS", list);
        }
        cmd::run(
            command
                .current_dir(paths::repo_root())
                .env("RUSTC_BOOTSTRAP", "1")
                .args(["fuzz", "run", "--fuzz-dir", "fuzz", "-a", "-s", sanitizer, target])
                .arg("--")
                .arg(format!("-max_total_time={time}"))
                // slow_input parses a 1 MiB file up to 21 times when it looks slow, and a
                // list of 1 MiB can be 350,000 documents at once.
                .args(if target == "slow_input" {
                    ["-timeout=120", "-rss_limit_mb=6144"]
                } else {
                    ["-timeout=10", "-rss_limit_mb=2048"]
                })
                .arg("-print_final_stats=1")
                .arg(format!("-dict={dict}")),
        )
        .map_err(|e| {
            format!("{e}\nthe fuzz target `{target}` found a problem: its input is in fuzz/artifacts/{target}/")
        })?;
    }
    println!(
        "\nno findings. New corpus files are in fuzz/corpus/: minimise before committing \
         (fuzz/README.md)."
    );
    Ok(())
}
