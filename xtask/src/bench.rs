//! `cargo xtask bench`: runs the benchmarks, then prints all their figures in one final block.
//!
//! Each [`Step`] runs one benchmark and returns its [`Figure`]s. To add figures (e.g. parser
//! throughput in wasm), write a step function and list it in [`STEPS`].

use std::fs;
use std::path::{Path, PathBuf};

// A child module, so that it builds the figures of this one.
#[path = "bench_cli.rs"]
mod bench_cli;

use crate::cmd;
use crate::paths;
use crate::tools;
use crate::web;
use crate::Result;

/// One benchmark: what it measures and how to run it.
struct Step {
    /// The heading of its figures, saying what was measured and how.
    title: &'static str,
    run: fn() -> Result<Measured>,
}

/// What a step measured.
enum Measured {
    Figures(Vec<Figure>),
    /// Nothing to measure; the reason says what is absent.
    Skipped(&'static str),
}

/// One line of the final block.
struct Figure {
    /// What was measured, e.g. a seed file.
    label: String,
    /// The figure with its unit, e.g. `412.7 MB/s`.
    value: String,
    /// What it was computed from, e.g. `16.7 KB in 40.5 µs`; may be empty.
    detail: String,
}

/// Labels longer than this do not widen the label column of the final block.
const MAX_LABEL_WIDTH: usize = 40;

/// The benchmarks, in the order they run and print.
const STEPS: &[Step] = &[
    Step {
        title: "native parser throughput: hankekuvaus::parse on testdata/seeds (criterion mean), \
                with the system's allocator and with the CLI's mimalloc",
        run: native_parser,
    },
    Step {
        title: "slow inputs: the 28 hostile inputs of crates/hankekuvaus/tests/adversarial.rs \
                (600 KB each) in release, the slowest first",
        run: slow_inputs,
    },
    Step {
        title: "search in wasm (Node's V8): hankekuvaus-search's examples/wasm_bench.rs over \
                8,000 descriptions + 40,000 list rows, 20 fixed queries, best of 5 each",
        run: search_in_wasm,
    },
    Step {
        title: "search in the app in headless Chromium: ?bench=search over 8,000 descriptions + \
                40,000 list rows, 20 fixed queries, median of 5 runs each \
                (tests/e2e/measure-search.mjs)",
        run: search_in_browser,
    },
    Step {
        title: "the CLI on 8,000 generated descriptions: hankekuvaus --format F FILES | wc -l \
                against cat FILES | wc -l, best of 3, with peak memory (bench_cli.rs)",
        run: bench_cli::run,
    },
    Step {
        title: "the app in headless Chromium: release build, tests/e2e/measure-first-document.mjs",
        run: app_in_browser,
    },
    Step {
        title: "many files in headless Chromium: parser as wasm, then 1, 100 and 8,000 generated \
                descriptions through the file input, and the 8,000 as one JSON export \
                (tests/e2e/measure-many.mjs)",
        run: many_files,
    },
];

/// Runs every step, then prints the figures.
pub fn run() -> Result {
    let mut results = Vec::new();
    for step in STEPS {
        println!("\n== bench: {} ==", step.title);
        results.push((step.title, (step.run)()?));
    }
    println!("\n==================== benchmark figures ====================");
    for (title, measured) in results {
        println!("{title}");
        let figures = match measured {
            Measured::Figures(figures) => figures,
            Measured::Skipped(why) => {
                println!("  skipped: {why}");
                continue;
            }
        };
        // Labels line up in a column; a label too long for it takes its own line.
        let label_width = figures
            .iter()
            .map(|f| f.label.chars().count())
            .filter(|&width| width <= MAX_LABEL_WIDTH)
            .max()
            .unwrap_or(0);
        for figure in figures {
            let detail = match figure.detail.as_str() {
                "" => String::new(),
                detail => format!("   ({detail})"),
            };
            if figure.label.chars().count() > label_width {
                println!("  {}", figure.label);
                println!("  {:label_width$}  {}{detail}", "", figure.value);
            } else {
                println!("  {:<label_width$}  {}{detail}", figure.label, figure.value);
            }
        }
    }
    println!("(MB = 10^6 bytes; KB = 10^3 bytes)");
    Ok(())
}

/// The parser's criterion groups (`benches/common` names each benchmark `<group>/<seed file
/// stem>`), with what their figures' labels add: the system's allocator (what a program
/// linking the library gets, and what wasm is compared with first, having an allocator of
/// its own) and mimalloc (what the `hankekuvaus` binary links).
const PARSER_GROUPS: [(&str, &str); 2] = [("parse", ""), ("parse-mimalloc", ", mimalloc")];

/// `cargo bench -p hankekuvaus --bench parse --bench parse_mimalloc`, then MB/s per seed
/// and over all seeds of each group, from criterion's mean estimates and the seed sizes.
fn native_parser() -> Result<Measured> {
    cmd::run(cmd::cargo().args([
        "bench",
        "-p",
        "hankekuvaus",
        "--bench",
        "parse",
        "--bench",
        "parse_mimalloc",
    ]))?;
    let mut figures = Vec::new();
    let seeds = seed_files()?;
    for (group, allocator) in PARSER_GROUPS {
        let (mut all_bytes, mut all_seconds) = (0, 0.0);
        for (stem, bytes) in &seeds {
            let seconds = criterion_mean_seconds(&format!("{group}/{stem}"))?;
            figures.push(throughput(format!("{stem}{allocator}"), *bytes, seconds));
            all_bytes += bytes;
            all_seconds += seconds;
        }
        figures.push(throughput(
            format!("all {} seeds{allocator}", seeds.len()),
            all_bytes,
            all_seconds,
        ));
    }
    Ok(Measured::Figures(figures))
}

/// The seeds' bytes and the sum of their mean times in criterion's `group`.
fn all_seeds(seeds: &[(String, u64)], group: &str) -> Result<(u64, f64)> {
    let mut seconds = 0.0;
    for (stem, _) in seeds {
        seconds += criterion_mean_seconds(&format!("{group}/{stem}"))?;
    }
    Ok((seeds.iter().map(|(_, bytes)| bytes).sum(), seconds))
}

/// The release build of the hostile-input test, whose lines say each case's time and
/// throughput: the five slowest cases.
fn slow_inputs() -> Result<Measured> {
    let output = cmd::output(cmd::cargo().args([
        "test",
        "--release",
        "-p",
        "hankekuvaus",
        "--test",
        "adversarial",
        "--",
        "--nocapture",
        "--test-threads",
        "1",
    ]))?;
    // "html: cells      24.22 ms     25.3 MB/s   2.23× the baseline"
    let mut cases: Vec<(f64, Figure)> = output
        .lines()
        .filter_map(|line| {
            // The test harness may start the line with "test <name> ... ".
            let line = line.rsplit(" ... ").next()?;
            let (name, rest) = line.split_once("  ")?;
            let (before, ratio) = rest.split_once(" MB/s")?;
            let (time, mb) = before.trim().rsplit_once(' ')?;
            let mb: f64 = mb.parse().ok()?;
            let figure = Figure {
                label: name.trim().to_owned(),
                value: format!("{mb:.1} MB/s"),
                detail: format!("{}, {}", time.trim(), ratio.trim()),
            };
            Some((mb, figure))
        })
        .collect();
    if cases.is_empty() {
        return Err("the adversarial test printed no figures".into());
    }
    cases.sort_by(|a, b| a.0.total_cmp(&b.0));
    let figures = cases.into_iter().take(5).map(|(_, f)| f).collect();
    Ok(Measured::Figures(figures))
}

/// Builds the search benchmark for wasm32 and runs it in Node: index build cost, memory,
/// median and worst query time.
fn search_in_wasm() -> Result<Measured> {
    cmd::run(cmd::cargo().args([
        "build",
        "-p",
        "hankekuvaus-search",
        "--example",
        "wasm_bench",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    let wasm = paths::target_dir().join("wasm32-unknown-unknown/release/examples/wasm_bench.wasm");
    let script = paths::repo_root().join("crates/hankekuvaus-search/benches/wasm_bench.mjs");
    let output = cmd::run_tee(cmd::new("node").arg(script).arg(wasm))?;
    Ok(Measured::Figures(figure_lines(&output)))
}

/// Builds the site for release and runs `measure-search.mjs`: the app's search (the
/// `?bench=search` page) in Chromium, index build cost and query latency.
fn search_in_browser() -> Result<Measured> {
    script_on_site("measure-search.mjs")
}

/// Builds the app for release and runs the end-to-end tests' timing script, whose output
/// lines (`what: figure`) become the figures: time to the first document shown, and download
/// sizes.
fn app_in_browser() -> Result<Measured> {
    script_on_site("measure-first-document.mjs")
}

/// Builds the site as published (strict CSP and service worker included) and runs the
/// measuring script `name`, whose output lines (`what: figure`) become the figures.
fn script_on_site(name: &'static str) -> Result<Measured> {
    let script = match measuring_script(name) {
        Ok(script) => script,
        Err(skipped) => return Ok(skipped),
    };
    tools::install()?;
    crate::dist::build_site(None, &web::dist_dir())?;
    let output = cmd::run_tee(&mut node_script(&script))?;
    Ok(Measured::Figures(figure_lines(&output)))
}

/// `node <script>` in tests/e2e against the site built into `dist/`.
fn node_script(script: &Path) -> std::process::Command {
    let mut command = cmd::new("node");
    command
        .arg(script)
        .current_dir(tools::e2e_dir())
        .env("DIST_DIR", web::dist_dir());
    command
}

/// The path of a measuring script in tests/e2e, or why the step is skipped: no app to
/// measure, or no such script.
fn measuring_script(name: &'static str) -> std::result::Result<std::path::PathBuf, Measured> {
    let script = tools::e2e_dir().join(name);
    if !web::has_app() {
        Err(Measured::Skipped("no app (index.html) to measure"))
    } else if !script.exists() {
        Err(Measured::Skipped("no such script in tests/e2e"))
    } else {
        Ok(script)
    }
}

/// The `label: value` lines a measuring script prints, as figures.
fn figure_lines(output: &str) -> Vec<Figure> {
    output
        .lines()
        .filter_map(|line| {
            let (label, value) = line.split_once(": ")?;
            Some(Figure {
                label: label.to_owned(),
                value: value.to_owned(),
                detail: String::new(),
            })
        })
        .collect()
}

/// File counts of the many-files runs: one file, a hundred, and a whole programme (the
/// 2014–2020 service holds ~8,000 projects).
const MANY_FILES: [usize; 3] = [1, 100, 8_000];

/// Generates the corpora (`cargo xtask corpus`'s generator, default seed) under
/// `target/bench-corpus/<count>/` and the largest as one JSON export, builds the site and
/// runs `measure-many.mjs`; adds the wasm parser's throughput as a share of the native one
/// (criterion, all seeds).
fn many_files() -> Result<Measured> {
    let script = match measuring_script("measure-many.mjs") {
        Ok(script) => script,
        Err(skipped) => return Ok(skipped),
    };
    let corpus_dir = paths::target_dir().join("bench-corpus");
    for count in MANY_FILES {
        let dir = corpus_dir.join(count.to_string());
        let present = fs::read_dir(&dir).map_or(0, |d| d.count());
        if present != count {
            let _ = fs::remove_dir_all(&dir);
            // The export is made from the corpus: made again with it.
            let _ = fs::remove_dir_all(corpus_dir.join("export"));
            fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            for file in hankekuvaus_corpus::generate(count, hankekuvaus_corpus::DEFAULT_SEED) {
                let path = dir.join(&file.name);
                fs::write(&path, &file.bytes)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
        }
    }
    write_export(&corpus_dir, MANY_FILES[2])?;
    write_large(&corpus_dir, MANY_FILES[2])?;
    let programme = corpus_dir.join("programme");
    if fs::read_dir(&programme).map_or(0, |d| d.count()) != 3 {
        fs::create_dir_all(&programme)
            .map_err(|e| format!("cannot create {}: {e}", programme.display()))?;
        crate::corpus::write_lists(&programme, hankekuvaus_corpus::DEFAULT_SEED)?;
    }
    tools::install()?;
    crate::dist::build_site(None, &web::dist_dir())?;
    let output = cmd::run_tee(node_script(&script).env("CORPUS_DIR", &corpus_dir))?;
    let mut figures = figure_lines(&output);
    let wasm = figures
        .iter()
        .find(|f| f.label.starts_with("parser in wasm"))
        .and_then(|f| f.value.split_once(" MB/s"))
        .and_then(|(n, _)| n.parse::<f64>().ok());
    let seeds = seed_files().unwrap_or_default();
    for (group, allocator) in PARSER_GROUPS {
        let native = all_seeds(&seeds, group)
            .ok()
            .filter(|&(_, seconds)| seconds > 0.0)
            .map(|(bytes, seconds)| bytes as f64 / seconds / 1e6);
        if let (Some(wasm), Some(native)) = (wasm, native) {
            figures.push(Figure {
                label: format!("parser, wasm of native{allocator}"),
                value: format!("{:.0} %", wasm / native * 100.0),
                detail: format!("{wasm:.1} of {native:.1} MB/s, all seeds"),
            });
        }
    }
    Ok(Measured::Figures(figures))
}

/// Writes `large/iso-kuvaus.txt` under `corpus_dir`: the UTF-8 files of the `<count>/`
/// corpus joined into one description just under the parser's 50 MiB limit (the largest
/// single file the viewer reads), for `measure-many.mjs` to time one large file.
fn write_large(corpus_dir: &Path, count: usize) -> Result {
    let dir = corpus_dir.join("large");
    let target = dir.join("iso-kuvaus.txt");
    if target.exists() {
        return Ok(());
    }
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    // The parser's limit (`Options::max_file_bytes`, 50 MiB), less a margin.
    let limit = (50 << 20) - (1 << 20);
    let mut files: Vec<PathBuf> = fs::read_dir(corpus_dir.join(count.to_string()))
        .map_err(|e| format!("cannot list the corpus: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut joined = Vec::with_capacity(limit);
    for file in files {
        let bytes = fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        if std::str::from_utf8(&bytes).is_err() || bytes.contains(&b'\r') {
            continue;
        }
        if joined.len() + bytes.len() + 1 > limit {
            break;
        }
        joined.extend_from_slice(&bytes);
        joined.push(b'\n');
    }
    fs::write(&target, &joined).map_err(|e| format!("cannot write {}: {e}", target.display()))
}

/// Writes `export/hankkeet-<count>.json` under `corpus_dir`: the `<count>/` corpus as one
/// JSON export, written by the CLI as the viewer's "Download all" writes it (a programme
/// shared as one file, for `measure-many.mjs` to re-import).
fn write_export(corpus_dir: &Path, count: usize) -> Result {
    let dir = corpus_dir.join("export");
    let target = dir.join(format!("hankkeet-{count}.json"));
    if target.exists() {
        return Ok(());
    }
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = fs::read_dir(corpus_dir.join(count.to_string()))
        .map_err(|e| format!("cannot list the corpus: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let partial = dir.join("partial.json.tmp");
    let out = fs::File::create(&partial)
        .map_err(|e| format!("cannot create {}: {e}", partial.display()))?;
    println!(
        "$ hankekuvaus --format json <{count} files> > {}",
        target.display()
    );
    let status = cmd::cargo()
        .args(["run", "--release", "--quiet", "-p", "hankekuvaus-cli", "--"])
        .args(["--format", "json"])
        .args(&files)
        .stdout(out)
        .status()
        .map_err(|e| format!("cannot run the CLI: {e}"))?;
    // Exit status 1 means some files were not descriptions: the export still holds them all.
    if !matches!(status.code(), Some(0 | 1)) {
        return Err(format!("the CLI failed writing the export ({status})"));
    }
    fs::rename(&partial, &target).map_err(|e| format!("cannot write {}: {e}", target.display()))
}

/// The seed descriptions as (file stem, size in bytes), sorted by name.
fn seed_files() -> Result<Vec<(String, u64)>> {
    let dir = paths::repo_root().join("testdata/seeds");
    let entries = fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut seeds = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            let size = fs::metadata(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?
                .len();
            let stem = path.file_stem().unwrap_or_default().to_string_lossy();
            seeds.push((stem.into_owned(), size));
        }
    }
    seeds.sort();
    Ok(seeds)
}

/// Criterion's mean time per iteration for benchmark `id` (`group/function`), in seconds,
/// from the latest run's `target/criterion/<id>/new/estimates.json`.
fn criterion_mean_seconds(id: &str) -> Result<f64> {
    let path: PathBuf = paths::target_dir()
        .join("criterion")
        .join(id)
        .join("new/estimates.json");
    let text = fs::read_to_string(&path)
        .map_err(|e| format!("no criterion result for `{id}` ({}): {e}", path.display()))?;
    let estimates: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let nanoseconds = estimates["mean"]["point_estimate"]
        .as_f64()
        .ok_or_else(|| format!("{}: no mean.point_estimate", path.display()))?;
    Ok(nanoseconds * 1e-9)
}

/// A throughput figure: `bytes` processed in `seconds`.
fn throughput(label: String, bytes: u64, seconds: f64) -> Figure {
    Figure {
        label,
        value: format!("{:.1} MB/s", bytes as f64 / seconds / 1e6),
        detail: format!("{:.1} KB in {}", bytes as f64 / 1e3, duration(seconds)),
    }
}

/// A short duration with a readable unit, e.g. `40.5 µs`.
fn duration(seconds: f64) -> String {
    match seconds {
        s if s < 1e-6 => format!("{:.1} ns", s * 1e9),
        s if s < 1e-3 => format!("{:.1} µs", s * 1e6),
        s if s < 1.0 => format!("{:.1} ms", s * 1e3),
        s => format!("{s:.2} s"),
    }
}
