//! `cargo xtask install`: installs what is missing and puts the tools on `PATH`.
//!
//! Each tool goes to its own versioned directory under `<cache>/tools/` (see
//! [`paths::cache_dir`]), so every clone on the machine shares one install and a version bump
//! installs beside the old one. Installs are guarded twice against running twice at once: a
//! lock file per tool for concurrent xtask runs, and a look for a `cargo install` into the same
//! directory that someone started by hand.

use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::cmd;
use crate::paths;
use crate::Result;

/// Trunk builds and serves the app; 0.22 needs a newer rustc than ours.
const TRUNK_VERSION: &str = "0.21.14";
/// The npm `binaryen` package whose `wasm-opt` reads today's Rust output (Debian's does not).
/// Trunk.toml's `[tools] wasm_opt = "version_132"` must match.
const BINARYEN_VERSION: &str = "132";
/// The compilation target of the app and of the parser core in the browser.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian's Chromium, used by the wasm tests and the end-to-end tests (never a downloaded one).
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's chromedriver, which `wasm-bindgen-test-runner` drives.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The browser end-to-end tests: a Node project of their own.
pub fn e2e_dir() -> PathBuf {
    paths::repo_root().join("tests/e2e")
}

/// Installs whatever is missing, then puts the tools' bin directories first on `PATH` for this
/// process and so for every command it runs.
pub fn install() -> Result {
    let tools_dir = paths::cache_dir()?.join("tools");
    fs::create_dir_all(&tools_dir)
        .map_err(|e| format!("cannot create the tool cache {}: {e}", tools_dir.display()))?;
    println!("tools (cached in {}):", tools_dir.display());

    wasm_target()?;
    let wasm_bindgen_version = locked_version("wasm-bindgen")?;
    let bin_dirs = [
        cargo_install(
            &tools_dir,
            &CargoTool {
                krate: "trunk",
                version: TRUNK_VERSION,
                binary: "trunk",
                minutes: 8,
                unlocked_fallback: false,
            },
        )?,
        // Must equal the `wasm-bindgen` library in Cargo.lock; brings wasm-bindgen-test-runner.
        cargo_install(
            &tools_dir,
            &CargoTool {
                krate: "wasm-bindgen-cli",
                version: &wasm_bindgen_version,
                binary: "wasm-bindgen",
                minutes: 5,
                // The registry mirror here lacks one dependency version its lock file names.
                unlocked_fallback: true,
            },
        )?,
        binaryen(&tools_dir)?,
    ];
    prepend_to_path(&bin_dirs)?;
    browser()?;
    e2e_dependencies()?;
    Ok(())
}

fn ok(what: &str) {
    println!("  ok  {what}");
}

/// Installs cargo-fuzz (for `cargo xtask fuzz` only, so not part of [`install`]) and puts it
/// on `PATH`.
pub fn install_cargo_fuzz() -> Result {
    let tools_dir = paths::cache_dir()?.join("tools");
    fs::create_dir_all(&tools_dir)
        .map_err(|e| format!("cannot create the tool cache {}: {e}", tools_dir.display()))?;
    let bin_dir = cargo_install(
        &tools_dir,
        &CargoTool {
            krate: "cargo-fuzz",
            version: "0.13.2",
            binary: "cargo-fuzz",
            minutes: 3,
            unlocked_fallback: true,
        },
    )?;
    prepend_to_path(&[bin_dir])
}

/// Adds the wasm target to the toolchain unless it is there.
fn wasm_target() -> Result {
    let installed = cmd::output(cmd::new("rustup").args(["target", "list", "--installed"]))?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        ok(&format!("rust target {WASM_TARGET}"));
        return Ok(());
    }
    println!("installing rust target {WASM_TARGET} (takes ~1 min, once)…");
    cmd::run(cmd::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// The version of `package` in Cargo.lock.
fn locked_version(package: &str) -> Result<String> {
    let lock_path = paths::repo_root().join("Cargo.lock");
    let lock = fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let name_line = format!("name = \"{package}\"");
    lock.split("[[package]]")
        .find(|block| block.lines().any(|line| line.trim() == name_line))
        .and_then(|block| {
            block.lines().find_map(|line| {
                let version = line.trim().strip_prefix("version = \"")?;
                Some(version.trim_end_matches('"').to_owned())
            })
        })
        .ok_or_else(|| format!("Cargo.lock has no `{package}` package"))
}

/// A binary crate installed with `cargo install` into `<tools>/<binary>-<version>`.
struct CargoTool<'a> {
    krate: &'a str,
    version: &'a str,
    /// The binary whose presence means the install is complete.
    binary: &'a str,
    /// Rough build time on this project's 2-core machines, for the progress line.
    minutes: u32,
    /// Retry without `--locked` when the locked install fails.
    unlocked_fallback: bool,
}

/// Installs `tool` unless its binary is in the cache; returns its bin directory.
fn cargo_install(tools_dir: &Path, tool: &CargoTool) -> Result<PathBuf> {
    let name = format!("{} {}", tool.krate, tool.version);
    let root = tools_dir.join(format!("{}-{}", tool.binary, tool.version));
    let bin_dir = root.join("bin");
    let binary = bin_dir.join(tool.binary);
    if binary.exists() {
        ok(&name);
        return Ok(bin_dir);
    }
    let _lock = lock(
        tools_dir,
        &name,
        &format!("{}-{}", tool.binary, tool.version),
    )?;
    wait_for_running_install(&name, &root);
    if binary.exists() {
        ok(&name);
        return Ok(bin_dir);
    }
    println!("installing {name} (takes ~{} min, once)…", tool.minutes);
    let install = |locked: bool| {
        let mut command = cmd::cargo();
        command.args(["install", tool.krate, "--version", tool.version]);
        if locked {
            command.arg("--locked");
        }
        cmd::run(command.arg("--root").arg(&root))
    };
    match install(true) {
        Err(error) if tool.unlocked_fallback => {
            println!("{error}\nretrying {name} without --locked…");
            install(false)?;
        }
        result => result?,
    }
    if !binary.exists() {
        return Err(format!(
            "installed {name}, but {} is not there",
            binary.display()
        ));
    }
    Ok(bin_dir)
}

/// Installs the npm `binaryen` package for `wasm-opt`; returns the bin directory.
fn binaryen(tools_dir: &Path) -> Result<PathBuf> {
    let name = format!("wasm-opt (binaryen {BINARYEN_VERSION})");
    let root = tools_dir.join(format!("binaryen-{BINARYEN_VERSION}"));
    let bin_dir = root.join("node_modules/.bin");
    if bin_dir.join("wasm-opt").exists() {
        ok(&name);
        return Ok(bin_dir);
    }
    let _lock = lock(tools_dir, &name, &format!("binaryen-{BINARYEN_VERSION}"))?;
    if !bin_dir.join("wasm-opt").exists() {
        println!("installing {name} with npm (takes ~1 min, once)…");
        cmd::run(
            cmd::new("npm")
                .args([
                    "install",
                    "--no-save",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                ])
                .arg(&root)
                .arg(format!("binaryen@{BINARYEN_VERSION}")),
        )?;
    }
    Ok(bin_dir)
}

/// Takes `<tools>/<file_stem>.lock` for the life of the returned file, so that two xtask runs
/// do not install one tool at the same time; says so when it has to wait.
fn lock(tools_dir: &Path, name: &str, file_stem: &str) -> Result<File> {
    let path = tools_dir.join(format!("{file_stem}.lock"));
    let file = File::create(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => {
            println!("waiting for another `cargo xtask` that is installing {name}…");
            file.lock()
                .map_err(|e| format!("cannot lock {}: {e}", path.display()))?;
            Ok(file)
        }
        Err(TryLockError::Error(e)) => Err(format!("cannot lock {}: {e}", path.display())),
    }
}

/// Waits while another `cargo install … --root <root>` runs (e.g. one started by hand), rather
/// than building the same tool twice on a 2-core machine.
fn wait_for_running_install(name: &str, root: &Path) {
    let started = Instant::now();
    let mut last_report: Option<Instant> = None;
    loop {
        let pids = running_installs(root);
        if pids.is_empty() {
            return;
        }
        if last_report.is_none_or(|at| at.elapsed() >= Duration::from_secs(60)) {
            println!(
                "waiting for a running `cargo install` of {name} (pid {}), {} min so far…",
                pids[0],
                started.elapsed().as_secs() / 60
            );
            last_report = Some(Instant::now());
        }
        std::thread::sleep(Duration::from_secs(5));
    }
}

/// Process ids of the `cargo install` processes installing into `root`. Reads `/proc`, so it
/// finds none where there is no `/proc`; the lock file still guards xtask runs there.
fn running_installs(root: &Path) -> Vec<u32> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    let own_pid = std::process::id();
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&pid| pid != own_pid)
        .filter(|pid| {
            let Ok(cmdline) = fs::read(format!("/proc/{pid}/cmdline")) else {
                return false;
            };
            let args: Vec<String> = cmdline
                .split(|&b| b == 0)
                .map(|arg| String::from_utf8_lossy(arg).into_owned())
                .collect();
            let is_cargo = args
                .first()
                .is_some_and(|program| Path::new(program).file_name() == Some("cargo".as_ref()));
            let installs_into_root = args
                .iter()
                .any(|arg| Path::new(arg.strip_prefix("--root=").unwrap_or(arg)) == root);
            is_cargo && args.iter().any(|arg| arg == "install") && installs_into_root
        })
        .collect()
}

/// Puts `dirs` first on this process's `PATH`, which every child process inherits.
fn prepend_to_path(dirs: &[PathBuf]) -> Result {
    let current = std::env::var_os("PATH").unwrap_or_default();
    let path = std::env::join_paths(dirs.iter().cloned().chain(std::env::split_paths(&current)))
        .map_err(|e| format!("cannot put the tools on PATH: {e}"))?;
    // xtask is single-threaded here, so changing its environment is sound.
    std::env::set_var("PATH", path);
    Ok(())
}

/// Chromium and chromedriver from apt when we may install them; a warning otherwise, as only
/// the browser tests need them.
fn browser() -> Result {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|path| !Path::new(path).exists())
        .collect();
    if missing.is_empty() {
        ok(&format!(
            "chromium, chromedriver ({CHROMIUM}, {CHROMEDRIVER})"
        ));
        return Ok(());
    }
    let is_root =
        cmd::output(std::process::Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0");
    if !is_root {
        println!(
            "  warning: {} missing; the browser tests need them: \
             sudo apt-get install chromium chromium-driver",
            missing.join(" and ")
        );
        return Ok(());
    }
    println!("installing chromium and chromium-driver with apt-get (takes ~2 min, once)…");
    cmd::run(cmd::new("apt-get").arg("update"))?;
    cmd::run(
        cmd::new("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args(["install", "-y", "chromium", "chromium-driver"]),
    )
}

/// `npm ci` in tests/e2e when its `node_modules` is missing or older than its lock file.
fn e2e_dependencies() -> Result {
    let dir = e2e_dir();
    if !dir.join("package.json").exists() {
        ok("end-to-end test dependencies: none (no tests/e2e/package.json)");
        return Ok(());
    }
    let lock_file = dir.join("package-lock.json");
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let Some(locked_at) = modified(&lock_file) else {
        return Err(format!(
            "{} is missing: run `npm install` in tests/e2e and commit the lock file",
            lock_file.display()
        ));
    };
    if modified(&dir.join("node_modules")).is_some_and(|installed_at| installed_at >= locked_at) {
        ok("end-to-end test dependencies (tests/e2e/node_modules)");
        return Ok(());
    }
    println!("installing end-to-end test dependencies (npm ci in tests/e2e)…");
    cmd::run(
        cmd::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir),
    )
}
