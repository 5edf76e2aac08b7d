//! The CLI on a whole programme's worth of files: `hankekuvaus --format F FILES | wc -l`
//! for json, ndjson and csv against `cat FILES | wc -l` on the same 8,000 generated
//! descriptions, best of three, with the CLI's peak resident memory.
//!
//! Both sides end in `wc -l`, so each is a pipeline that reads every file and delivers all
//! its output; on a shared machine only the ratio of the two, measured in the same run,
//! means much. Peak memory is the kernel's high-water mark (`VmHWM` in
//! `/proc/<pid>/status`), read while the process runs: std only, no `time -v` needed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::{Figure, Measured};
use crate::cmd;
use crate::paths;
use crate::Result;

/// Files in the corpus: the 2014–2020 service holds about 8,000 projects.
const FILES: usize = 8_000;

/// A smaller run, to show that memory does not grow with the number of files.
const FEW_FILES: usize = 1_000;

/// Runs of each measurement; the fastest counts.
const RUNS: usize = 3;

/// Builds the CLI for release, writes the corpus if absent, and measures.
pub fn run() -> Result<Measured> {
    cmd::run(cmd::cargo().args(["build", "--release", "-p", "hankekuvaus-cli"]))?;
    let cli = paths::target_dir().join("release/hankekuvaus");
    let dir = paths::target_dir().join(format!("bench-corpus/{FILES}"));
    let files = corpus(&dir)?;
    let bytes: u64 = files
        .iter()
        .map(|f| fs::metadata(dir.join(f)).map_or(0, |m| m.len()))
        .sum();
    println!(
        "measuring {} files ({:.1} MB), best of {RUNS}",
        files.len(),
        bytes as f64 / 1e6
    );

    // The commands take turns, round after round, so that each one's best run comes from
    // the same stretch of the machine's other work as the floor's.
    let mut cat = Command::new("cat");
    cat.args(&files);
    let cli_command = |args: &[&str], files: &[String], threads: Option<&str>| {
        let mut command = Command::new(&cli);
        command.args(args).args(files);
        if let Some(threads) = threads {
            command.env("RAYON_NUM_THREADS", threads);
        }
        command
    };
    let mut commands = [
        cat,
        cli_command(&["--format", "json"], &files, None),
        cli_command(&["--format", "ndjson"], &files, None),
        cli_command(&["--format", "csv"], &files, None),
        // What the second core brings.
        cli_command(&["--format", "json"], &files, Some("1")),
        // Memory with an eighth of the files: the same when it does not grow with their
        // number.
        cli_command(&["--format", "json"], &files[..FEW_FILES], None),
    ];
    let mut best = [None; 6];
    for _ in 0..RUNS {
        for (command, best) in commands.iter_mut().zip(&mut best) {
            let run = piped_to_wc(&dir, command)?;
            *best = Some(best.map_or(run, |best: Run| best.better(run)));
        }
    }
    let [floor, json, ndjson, csv, json_one_thread, json_few] =
        best.map(|run| run.expect("RUNS > 0"));
    let against_cat = |label: &str, run: Run| Figure {
        label: label.to_owned(),
        value: format!("{:.1}× cat | wc -l", run.seconds / floor.seconds),
        detail: format!(
            "{:.2} s, CPU {:.2} s, peak memory {}",
            run.seconds,
            run.cpu_seconds,
            megabytes(run.peak_kb)
        ),
    };
    let figures = vec![
        Figure {
            label: format!("cat FILES | wc -l, {FILES} files"),
            value: format!("{:.2} s", floor.seconds),
            detail: format!("{:.1} MB; {}", bytes as f64 / 1e6, machine_load()),
        },
        against_cat("--format json", json),
        against_cat("--format ndjson", ndjson),
        against_cat("--format csv", csv),
        against_cat("--format json, one thread", json_one_thread),
        Figure {
            label: format!("--format json, {FEW_FILES} of the files"),
            value: format!("peak memory {}", megabytes(json_few.peak_kb)),
            detail: format!("{:.2} s", json_few.seconds),
        },
        Figure {
            label: "target".to_owned(),
            value: "≤ 3× cat | wc -l for each format".to_owned(),
            detail: "memory independent of the number of files".to_owned(),
        },
    ];
    Ok(Measured::Figures(figures))
}

/// The corpus's file names, sorted; `cargo xtask corpus` writes it first if `dir` does not
/// hold exactly [`FILES`] files (the many-files browser step uses the same directory).
fn corpus(dir: &Path) -> Result<Vec<String>> {
    let list = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(|e| Some(e.ok()?.file_name().to_str()?.to_owned()))
            .collect();
        names.sort();
        names
    };
    let names = list(dir);
    if names.len() == FILES {
        return Ok(names);
    }
    let _ = fs::remove_dir_all(dir);
    let out = dir.to_string_lossy().into_owned();
    let count = FILES.to_string();
    cmd::run(cmd::cargo().args(["xtask", "corpus", "--count", &count, "--out", &out]))?;
    let names = list(dir);
    match names.len() {
        FILES => Ok(names),
        n => Err(format!("{} holds {n} files, not {FILES}", dir.display())),
    }
}

/// How busy the machine was: other work on a shared machine slows every figure.
fn machine_load() -> String {
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    let load = fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| Some(l.split_whitespace().next()?.to_owned()))
        .unwrap_or_else(|| "unknown".to_owned());
    format!("load average {load} on {cores} cores")
}

/// A memory figure in MB from kernel KB (KiB).
fn megabytes(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 * 1024.0 / 1e6)
}

/// One run of a pipeline.
#[derive(Clone, Copy)]
struct Run {
    /// From start until `wc` ends.
    seconds: f64,
    /// The CPU time of the pipeline's first command (user and system).
    cpu_seconds: f64,
    /// The peak resident memory of the pipeline's first command, in KB.
    peak_kb: u64,
}

impl Run {
    /// The faster run's times, and the higher memory peak of the two.
    fn better(self, other: Run) -> Run {
        let faster = if other.seconds < self.seconds {
            other
        } else {
            self
        };
        Run {
            peak_kb: self.peak_kb.max(other.peak_kb),
            ..faster
        }
    }
}

/// Runs `command | wc -l` in `dir`, timing it from start until `wc` ends, and samples the
/// command's memory high-water mark and CPU time until it exits.
fn piped_to_wc(dir: &Path, command: &mut Command) -> Result<Run> {
    let name = command.get_program().to_string_lossy().into_owned();
    let start = Instant::now();
    let mut first = command
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {name}: {e}"))?;
    let wc = Command::new("wc")
        .arg("-l")
        .stdin(first.stdout.take().expect("stdout is piped"))
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start wc: {e}"))?;
    let (status, sample) = wait_sampling(&mut first)?;
    let wc_status = wc
        .wait_with_output()
        .map_err(|e| format!("waiting for wc: {e}"))?
        .status;
    let seconds = start.elapsed().as_secs_f64();
    // The CLI exits 1 when some file is not a description: the corpus may hold such files.
    if !matches!(status.code(), Some(0 | 1)) || !wc_status.success() {
        return Err(format!("{name} | wc -l failed ({status}, wc {wc_status})"));
    }
    Ok(Run {
        seconds,
        cpu_seconds: sample.cpu_seconds,
        peak_kb: sample.peak_kb,
    })
}

/// What `/proc` last showed of a process.
#[derive(Default)]
struct Sample {
    peak_kb: u64,
    cpu_seconds: f64,
}

/// Waits for `child`, reading its `/proc` entries every few milliseconds; the last reading
/// before it exits is its peak memory, as the mark only rises, and nearly all its CPU time.
fn wait_sampling(child: &mut Child) -> Result<(std::process::ExitStatus, Sample)> {
    let proc_dir = PathBuf::from(format!("/proc/{}", child.id()));
    let mut sample = Sample::default();
    loop {
        let read = |name: &str| fs::read_to_string(proc_dir.join(name)).ok();
        if let Some(kb) = read("status").and_then(|status| high_water_mark_kb(&status)) {
            sample.peak_kb = sample.peak_kb.max(kb);
        }
        if let Some(cpu) = read("stat").and_then(|stat| cpu_seconds(&stat)) {
            sample.cpu_seconds = cpu;
        }
        match child.try_wait() {
            Ok(Some(status)) => return Ok((status, sample)),
            Ok(None) => thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(format!("waiting for a benchmark run: {e}")),
        }
    }
}

/// The `VmHWM:   1234 kB` line of `/proc/<pid>/status`, in KB.
fn high_water_mark_kb(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// User plus system time from `/proc/<pid>/stat`, whose 14th and 15th fields count clock
/// ticks of 1/100 s (Linux's fixed `USER_HZ`). The fields are counted after the command
/// name, which is in parentheses and may hold spaces.
fn cpu_seconds(stat: &str) -> Option<f64> {
    let (_, after_name) = stat.rsplit_once(')')?;
    // After the name come field 3 (state) onwards: utime is the 12th of them.
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some((user + system) as f64 / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_figures_are_read() {
        let status = "Name:\tcat\nVmPeak:\t  9000 kB\nVmHWM:\t  1234 kB\nVmRSS:\t  1000 kB\n";
        assert_eq!(high_water_mark_kb(status), Some(1234));
        let stat = "4242 (a b) R 1 4242 1 0 -1 4194304 100 0 0 0 153 27 0 0 20 0 3 0 99";
        assert_eq!(cpu_seconds(stat), Some(1.8));
        assert_eq!(cpu_seconds("4242 (x"), None);
    }
}
