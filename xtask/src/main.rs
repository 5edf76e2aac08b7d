//! `cargo xtask`: the project's own automation, written in Rust with two dependencies
//! (`serde_json` for criterion's figures, `hankekuvaus-corpus` for the synthetic corpus) so
//! it compiles in seconds on a fresh clone.
//!
//! ```text
//! cargo xtask install              install the tools the other commands need
//! cargo xtask serve [--port N]     serve the app on http://127.0.0.1:8080/ with live reload
//! cargo xtask dist [--public-url P] [--single-file]
//!                                  release build of the app into dist/ (and dist-single/)
//! cargo xtask test                 every check CI runs, in order
//! cargo xtask bench                benchmarks, with a final block of figures
//! cargo xtask fuzz [--seconds N] [--target NAME] [--formats LIST]
//!                                  the cargo-fuzz targets in fuzz/, N seconds in all
//! ```
//!
//! Tools go to a per-user cache (see [`paths::cache_dir`]) that later runs and other clones on
//! the same machine reuse, and their bin directories are put first on `PATH` for every
//! command xtask runs.

mod bench;
mod cmd;
mod corpus;
mod dist;
mod fuzz;
mod paths;
mod test;
mod tools;
mod web;

use std::process::ExitCode;

/// Errors are messages for people; each names what failed and, where it can, what to do.
pub type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  install                   install the tools the other commands need (cached, once per machine)
  serve [--port N]          build and serve the app at http://127.0.0.1:N/ (default 8080)
  dist [--public-url P] [--single-file]
                            release build of the app into dist/, with gzipped sizes; with
                            --single-file also dist-single/hankekatselin.html, one file
  test                      every check CI runs: fmt, clippy, tests, wasm build, app build, e2e
  bench                     parser throughput (criterion) and the app's load time in
                            Chromium, then one block of figures
  corpus --count N --out DIR [--seed S]
                            write N synthetic descriptions (2014-2020 layout) into DIR
  corpus --lists --out DIR [--seed S]
                            write the three periods' list exports (real sizes) into DIR
  fuzz [--seconds N] [--target NAME] [--formats LIST]
                            run the cargo-fuzz targets in fuzz/ for N seconds in all (300),
                            or only NAME for all N, or slow_input on LIST's formats only
                            (e.g. Json,JsonItems; see fuzz/README.md)

Tools are cached in $HANKEKATSELIN_CACHE, else $XDG_CACHE_HOME/hankekatselin,
else $HOME/.cache/hankekatselin (under tools/).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result {
    let Some((command, options)) = args.split_first() else {
        println!("{USAGE}");
        return Ok(());
    };
    match command.as_str() {
        "install" => {
            no_options(command, options)?;
            tools::install()
        }
        "serve" => {
            let port = option_value(command, options, "--port")?.unwrap_or("8080");
            let port: u16 = port
                .parse()
                .map_err(|_| format!("--port needs a port number, not `{port}`"))?;
            web::serve(port)
        }
        "dist" => dist::run(options),
        "test" => {
            no_options(command, options)?;
            test::run()
        }
        "bench" => {
            no_options(command, options)?;
            bench::run()
        }
        "corpus" => corpus::run(options),
        "fuzz" => fuzz::run(options),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}

/// Refuses options for a command that takes none.
fn no_options(command: &str, options: &[String]) -> Result {
    match options.first() {
        None => Ok(()),
        Some(option) => Err(format!("`{command}` takes no option `{option}`\n\n{USAGE}")),
    }
}

/// The value of the one option `name` a command takes, as `--name VALUE` or `--name=VALUE`.
fn option_value<'a>(command: &str, options: &'a [String], name: &str) -> Result<Option<&'a str>> {
    match options {
        [] => Ok(None),
        [option, value] if option == name => Ok(Some(value)),
        [option] => match option.strip_prefix(name).and_then(|v| v.strip_prefix('=')) {
            Some(value) => Ok(Some(value)),
            None if option == name => Err(format!("{name} needs a value")),
            None => Err(format!("`{command}` takes no option `{option}`\n\n{USAGE}")),
        },
        _ => Err(format!("`{command}` takes only {name} VALUE\n\n{USAGE}")),
    }
}
