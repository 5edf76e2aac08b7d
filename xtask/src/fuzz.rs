//! `cargo xtask fuzz [--seconds N]`: runs the cargo-fuzz targets in `fuzz/` one after another
//! for N seconds in all (default 300), split as in `fuzz/README.md`: 40 % `parse_text`, 33 %
//! `parse_html`, 27 % `import_json`.
//!
//! There is no nightly toolchain on these machines; cargo-fuzz's nightly flags work on the
//! stable compiler with `RUSTC_BOOTSTRAP=1`. A finding stops the run with a non-zero exit and
//! leaves its input in `fuzz/artifacts/<target>/`.

use crate::{cmd, paths, tools, Result};

/// (target, share of the time in percent, dictionary)
const TARGETS: [(&str, u64, &str); 3] = [
    ("parse_text", 40, "fuzz/dict/hankekuvaus.dict"),
    ("parse_html", 33, "fuzz/dict/hankekuvaus.dict"),
    ("import_json", 27, "fuzz/dict/json.dict"),
];

/// Runs every target for its share of `--seconds`.
pub fn run(options: &[String]) -> Result {
    let seconds = crate::option_value("fuzz", options, "--seconds")?.unwrap_or("300");
    let seconds: u64 = seconds
        .parse()
        .map_err(|_| format!("--seconds needs a whole number, not `{seconds}`"))?;
    tools::install_cargo_fuzz()?;
    for (target, share, dict) in TARGETS {
        let time = (seconds * share / 100).max(1);
        println!("\n== fuzz {target}: {time} s ==");
        cmd::run(
            cmd::cargo()
                .current_dir(paths::repo_root())
                .env("RUSTC_BOOTSTRAP", "1")
                .args(["fuzz", "run", "--fuzz-dir", "fuzz", "-a", target, "--"])
                .arg(format!("-max_total_time={time}"))
                .args(["-timeout=10", "-rss_limit_mb=2048", "-print_final_stats=1"])
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
