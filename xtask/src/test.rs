//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure, then a
//! summary line per step with its time.
//!
//! Steps whose subject does not exist yet (no app wasm tests, no index.html, no end-to-end
//! tests) say so and are skipped; everything that exists is checked.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::cmd;
use crate::dist;
use crate::paths;
use crate::tools::{self, CHROMEDRIVER, WASM_TARGET};
use crate::web;
use crate::Result;

/// One check.
struct Step {
    name: &'static str,
    run: fn(&mut Counts) -> Result<Outcome>,
}

/// How a step that did not fail ended.
enum Outcome {
    Passed,
    /// Nothing to check; the reason says what is absent.
    Skipped(&'static str),
}

/// The checks, in the order they run: cheap and most likely to fail first.
const STEPS: &[Step] = &[
    Step {
        name: "install tools",
        run: install,
    },
    Step {
        name: "cargo fmt --check",
        run: fmt,
    },
    Step {
        name: "clippy, native",
        run: clippy_native,
    },
    Step {
        name: "clippy, app for wasm",
        run: clippy_app_wasm,
    },
    Step {
        name: "tests, native",
        run: native_tests,
    },
    Step {
        name: "parser core builds for wasm",
        run: core_wasm_build,
    },
    Step {
        name: "app wasm tests in Chromium",
        run: app_wasm_tests,
    },
    Step {
        name: "app release build (trunk)",
        run: app_build,
    },
    Step {
        name: "end-to-end tests",
        run: e2e_tests,
    },
];

/// Runs the steps; fails with the first failing step's error.
pub fn run() -> Result {
    let started = Instant::now();
    let mut counts = Counts::default();
    let mut summary: Vec<(&str, String, Option<Duration>)> = Vec::new();
    let mut failure = None;
    for step in STEPS {
        if failure.is_some() {
            summary.push((step.name, "not run".into(), None));
            continue;
        }
        println!("\n== test: {} ==", step.name);
        let step_started = Instant::now();
        let result = (step.run)(&mut counts);
        let elapsed = Some(step_started.elapsed());
        match result {
            Ok(Outcome::Passed) => summary.push((step.name, "ok".into(), elapsed)),
            Ok(Outcome::Skipped(why)) => {
                println!("skipped: {why}");
                summary.push((step.name, format!("skipped: {why}"), elapsed));
            }
            Err(error) => {
                summary.push((step.name, "FAILED".into(), elapsed));
                failure = Some(format!("step `{}` failed: {error}", step.name));
            }
        }
    }

    println!("\n==================== cargo xtask test ====================");
    let name_width = STEPS.iter().map(|s| s.name.len()).max().unwrap_or(0);
    for (name, status, elapsed) in &summary {
        let time = elapsed.map_or(String::new(), |t| format!("{:.1}s", t.as_secs_f64()));
        println!("  {name:<name_width$}  {time:>7}  {status}");
    }
    let total = format!("{:.1}s", started.elapsed().as_secs_f64());
    println!("  {:<name_width$}  {total:>7}", "total");
    match failure {
        Some(error) => Err(error),
        None => {
            // The closing line CI reads: the tests the runners reported, all steps together.
            println!(
                "tests: {} passed, {} failed, {} skipped",
                counts.passed, counts.failed, counts.skipped
            );
            Ok(())
        }
    }
}

fn install(_: &mut Counts) -> Result<Outcome> {
    tools::install()?;
    Ok(Outcome::Passed)
}

fn fmt(_: &mut Counts) -> Result<Outcome> {
    cmd::run(cmd::cargo().args(["fmt", "--all", "--check"]))
        .map_err(|e| format!("{e}\nrun `cargo fmt --all` to format the code"))?;
    Ok(Outcome::Passed)
}

fn clippy_native(_: &mut Counts) -> Result<Outcome> {
    cmd::run(cmd::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    Ok(Outcome::Passed)
}

fn clippy_app_wasm(_: &mut Counts) -> Result<Outcome> {
    cmd::run(cmd::cargo().args([
        "clippy",
        "-p",
        "hankekatselin",
        "--target",
        WASM_TARGET,
        "--",
        "-D",
        "warnings",
    ]))?;
    Ok(Outcome::Passed)
}

fn native_tests(counts: &mut Counts) -> Result<Outcome> {
    let output = cmd::run_tee(cmd::cargo().args(["test", "--workspace"]))?;
    counts.add_cargo_test(&output);
    Ok(Outcome::Passed)
}

/// The core must stay free of native-only code: the app runs it in the browser.
fn core_wasm_build(_: &mut Counts) -> Result<Outcome> {
    cmd::run(cmd::cargo().args(["build", "-p", "hankekuvaus", "--target", WASM_TARGET]))?;
    Ok(Outcome::Passed)
}

/// `#[wasm_bindgen_test]`s of the app, run in headless Chromium through chromedriver.
fn app_wasm_tests(counts: &mut Counts) -> Result<Outcome> {
    let root = paths::repo_root();
    if !mentions(&root.join("src"), "wasm_bindgen_test")
        && !mentions(&root.join("tests"), "wasm_bindgen_test")
    {
        return Ok(Outcome::Skipped("no wasm_bindgen_test in src/ or tests/"));
    }
    if !Path::new(CHROMEDRIVER).exists() {
        return Err(format!(
            "{CHROMEDRIVER} is missing: apt-get install chromium chromium-driver"
        ));
    }
    let output = cmd::run_tee(
        cmd::cargo()
            .args(["test", "-p", "hankekatselin", "--target", WASM_TARGET])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )?;
    counts.add_cargo_test(&output);
    Ok(Outcome::Passed)
}

/// The release build users get, into dist/ (the end-to-end tests load it), finished as
/// `cargo xtask dist` finishes it (strict CSP, service worker); then the one-file edition made
/// from it, and a build for a sub-path, which the end-to-end tests load too.
fn app_build(_: &mut Counts) -> Result<Outcome> {
    if !web::has_app() {
        return Ok(Outcome::Skipped("no index.html, so no app to build"));
    }
    dist::build_site(None, &web::dist_dir())?;
    web::print_sizes(&web::dist_dir())?;
    let single = dist::single_file(&web::dist_dir(), &e2e_single_dir())?;
    dist::print_single_size(&single)?;
    dist::build_site(Some(SUB_PATH), &e2e_sub_path_dist())?;
    Ok(Outcome::Passed)
}

/// The sub-path the end-to-end tests serve the sub-path build under.
const SUB_PATH: &str = "/sub/path/";

/// Where the test run puts the one-file edition (not `dist-single/`, which is the user's).
/// In this checkout's `target/`, not a shared `CARGO_TARGET_DIR`: checkouts sharing one must
/// not test each other's builds.
fn e2e_single_dir() -> std::path::PathBuf {
    paths::repo_root().join("target/e2e/dist-single")
}

/// Where the test run puts the build for [`SUB_PATH`] (in this checkout, as above).
fn e2e_sub_path_dist() -> std::path::PathBuf {
    paths::repo_root().join("target/e2e/dist-sub-path")
}

/// `npm test` in tests/e2e (Node's test runner driving Chromium) against dist/.
fn e2e_tests(counts: &mut Counts) -> Result<Outcome> {
    let dir = tools::e2e_dir();
    if !dir.join("package.json").exists() {
        return Ok(Outcome::Skipped(
            "no end-to-end tests (no tests/e2e/package.json)",
        ));
    }
    if !web::has_app() {
        return Ok(Outcome::Skipped(
            "no app (index.html) for the end-to-end tests to load",
        ));
    }
    // The app build step just wrote it.
    let dist = web::dist_dir();
    // The workbook tests read .xlsx files back with calamine through this example.
    cmd::run(cmd::cargo().args([
        "build",
        "-p",
        "hankekuvaus-tables",
        "--example",
        "dump_xlsx",
    ]))?;
    let dump_xlsx = paths::target_dir().join("debug/examples/dump_xlsx");
    let output = cmd::run_tee(
        cmd::new("npm")
            .arg("test")
            .current_dir(&dir)
            .env("DIST_DIR", &dist)
            .env("DUMP_XLSX", dump_xlsx)
            .env("SINGLE_FILE", e2e_single_dir().join("hankekatselin.html"))
            .env("SUB_PATH_DIST_DIR", e2e_sub_path_dist())
            .env("SUB_PATH", SUB_PATH),
    )?;
    counts.add_node_test(&output);
    Ok(Outcome::Passed)
}

/// Whether any `.rs` file under `dir` contains `needle` (`node_modules` is not looked into).
fn mentions(dir: &Path, needle: &str) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(|entry| entry.ok()).any(|entry| {
        let path = entry.path();
        if path.is_dir() {
            path.file_name() != Some("node_modules".as_ref()) && mentions(&path, needle)
        } else {
            path.extension().is_some_and(|ext| ext == "rs")
                && fs::read_to_string(&path).is_ok_and(|text| text.contains(needle))
        }
    })
}

/// Test counts read from the runners' own summary lines.
#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
    skipped: u64,
}

impl Counts {
    /// Adds the libtest (and wasm-bindgen-test-runner) lines
    /// `test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; …`.
    fn add_cargo_test(&mut self, output: &str) {
        for line in output.lines() {
            let Some(result) = line.trim().strip_prefix("test result:") else {
                continue;
            };
            let words: Vec<&str> = result.split([' ', ';']).collect();
            for pair in words.windows(2) {
                if let Ok(n) = pair[0].parse::<u64>() {
                    self.add(pair[1], n);
                }
            }
        }
    }

    /// Adds Node's test runner totals: `ℹ pass 3` (spec reporter) or `# pass 3` (TAP).
    fn add_node_test(&mut self, output: &str) {
        for line in output.lines() {
            let line = line.trim();
            let Some(total) = line.strip_prefix("ℹ ").or_else(|| line.strip_prefix("# ")) else {
                continue;
            };
            if let Some((kind, n)) = total.split_once(' ') {
                if let Ok(n) = n.trim().parse::<u64>() {
                    self.add(kind, n);
                }
            }
        }
    }

    fn add(&mut self, kind: &str, n: u64) {
        match kind {
            "passed" | "pass" => self.passed += n,
            "failed" | "fail" => self.failed += n,
            "ignored" | "skipped" => self.skipped += n,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_libtest_and_node_summaries() {
        let mut counts = Counts::default();
        counts.add_cargo_test(
            "running 3 tests\n\
             test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; \
             finished in 0.01s\n\
             test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; \
             finished in 0.00s\n",
        );
        counts.add_node_test("ℹ tests 4\nℹ pass 3\nℹ fail 0\nℹ skipped 1\n# pass 2\n");
        assert_eq!(
            (counts.passed, counts.failed, counts.skipped),
            (3 + 2 + 3 + 2, 0, 1 + 1)
        );
    }
}
