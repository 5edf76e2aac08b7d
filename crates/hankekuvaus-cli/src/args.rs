//! Command-line arguments, parsed by hand: the surface is small and a parser crate would
//! cost more build time than it saves.

use std::ffi::OsString;

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Print the help text and exit 0.
    Help,
    /// Print the version and exit 0.
    Version,
    /// Convert files.
    Run(Config),
}

/// Settings of a conversion run.
#[derive(Debug, PartialEq, Eq)]
pub struct Config {
    /// How results are written to standard output.
    pub format: Format,
    /// `--max-file-mb`, converted to bytes.
    pub max_file_bytes: u64,
    /// `--quiet`: leave out info-level diagnostics.
    pub quiet: bool,
    /// The inputs in the order given; `Input::Stdin` for `-`.
    pub inputs: Vec<Input>,
}

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// `-`: standard input.
    Stdin,
    /// A file path.
    Path(OsString),
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A pretty JSON array, one item per input.
    Json,
    /// One JSON object per line, written as each file finishes.
    Ndjson,
    /// The summary table, comma-separated.
    Csv,
    /// The summary table for Excel in Finnish locale: semicolons, decimal comma, BOM.
    CsvFi,
}

impl Format {
    const NAMES: &'static str = "json, ndjson, csv, csv-fi";

    fn from_name(name: &str) -> Option<Format> {
        match name {
            "json" => Some(Format::Json),
            "ndjson" | "jsonl" => Some(Format::Ndjson),
            "csv" => Some(Format::Csv),
            "csv-fi" => Some(Format::CsvFi),
            _ => None,
        }
    }
}

/// Default of `--max-file-mb`; equals the core's default limit.
pub const DEFAULT_MAX_FILE_MB: u64 = 50;

/// The help text (`--help`).
pub const HELP: &str = "\
hankekuvaus: convert Finnish EU structural-fund project descriptions (hankkeen kuvaus,
ESR/EAKR) saved as text or HTML into JSON, NDJSON or CSV.

Usage: hankekuvaus [OPTIONS] FILE...

Arguments:
  FILE...               Description files (.txt or .html); `-` reads standard input.

Options:
  -f, --format FORMAT   json (default): a JSON array with one item per file, in order;
                        ndjson: one JSON object per line, written as each file finishes;
                        csv: a summary table, one row per description;
                        csv-fi: the same table for Excel in Finnish locale
                        (semicolons, decimal comma, UTF-8 byte-order mark).
      --max-file-mb N   Refuse files larger than N megabytes (default 50).
  -q, --quiet           Do not print info-level diagnostics.
  -h, --help            Print this help.
  -V, --version         Print the version and the JSON schema version.

Diagnostics go to standard error, one per line:
  FILE:LINE: SEVERITY[CODE]: MESSAGE
A file that is not a description is an item {\"source\", \"error\"} in JSON and NDJSON,
and is reported on standard error only with CSV.

Exit status: 0 when every file is a description, 1 when some are not,
2 on a usage error or when a file cannot be read (the other files are still converted).

Examples:
  hankekuvaus S21498.txt > S21498.json
  hankekuvaus --format csv-fi descriptions/*.txt > summary.csv
  hankekuvaus --format ndjson --quiet *.html | head -n 1
";

/// A usage error: the message, to be followed by a hint to `--help`.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut format = Format::Json;
    let mut max_file_mb = DEFAULT_MAX_FILE_MB;
    let mut quiet = false;
    let mut inputs = Vec::new();
    let mut only_files = false;
    let mut args = args.into_iter();

    while let Some(arg) = args.next() {
        if only_files {
            inputs.push(input(arg));
            continue;
        }
        let Some(text) = arg.to_str() else {
            // Not UTF-8: cannot be an option, so it is a path.
            inputs.push(Input::Path(arg));
            continue;
        };
        // `--name=value` and `--name value` are both accepted.
        let (name, inline_value) = match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
            _ => (text, None),
        };
        let mut value = |option: &str| -> Result<String, UsageError> {
            if let Some(v) = inline_value.clone() {
                return Ok(v);
            }
            match args.next() {
                Some(v) => v
                    .into_string()
                    .map_err(|v| UsageError(format!("{option}: value {v:?} is not valid UTF-8"))),
                None => Err(UsageError(format!("{option} needs a value"))),
            }
        };
        match name {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "-q" | "--quiet" => quiet = true,
            "-f" | "--format" => {
                let v = value("--format")?;
                format = Format::from_name(&v).ok_or_else(|| {
                    UsageError(format!(
                        "--format: unknown format {v:?}; expected one of {}",
                        Format::NAMES
                    ))
                })?;
            }
            "--max-file-mb" => {
                let v = value("--max-file-mb")?;
                max_file_mb = match v.parse::<u64>() {
                    Ok(n) if n > 0 && n.checked_mul(1024 * 1024).is_some() => n,
                    _ => {
                        return Err(UsageError(format!(
                            "--max-file-mb: {v:?} is not a whole number of megabytes above 0"
                        )))
                    }
                };
            }
            "--" => only_files = true,
            "-" => inputs.push(Input::Stdin),
            _ if name.starts_with('-') => {
                return Err(UsageError(format!("unknown option {text:?}")));
            }
            _ => inputs.push(Input::Path(arg)),
        }
    }

    if inputs.is_empty() {
        return Err(UsageError("no input files given".to_owned()));
    }
    Ok(Command::Run(Config {
        format,
        max_file_bytes: max_file_mb * 1024 * 1024,
        quiet,
        inputs,
    }))
}

fn input(arg: OsString) -> Input {
    if arg == "-" {
        Input::Stdin
    } else {
        Input::Path(arg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    fn config(args: &[&str]) -> Config {
        match run(args) {
            Ok(Command::Run(c)) => c,
            other => panic!("expected a run for {args:?}, got {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let c = config(&["a.txt"]);
        assert_eq!(c.format, Format::Json);
        assert_eq!(c.max_file_bytes, 50 * 1024 * 1024);
        assert!(!c.quiet);
        assert_eq!(c.inputs, vec![Input::Path("a.txt".into())]);
    }

    #[test]
    fn options_in_both_spellings() {
        let c = config(&["--format=csv-fi", "-q", "--max-file-mb", "2", "a", "-", "b"]);
        assert_eq!(c.format, Format::CsvFi);
        assert!(c.quiet);
        assert_eq!(c.max_file_bytes, 2 * 1024 * 1024);
        assert_eq!(
            c.inputs,
            vec![
                Input::Path("a".into()),
                Input::Stdin,
                Input::Path("b".into())
            ]
        );
        assert_eq!(config(&["-f", "ndjson", "x"]).format, Format::Ndjson);
    }

    #[test]
    fn double_dash_ends_options() {
        let c = config(&["--", "--quiet", "-"]);
        assert!(!c.quiet);
        assert_eq!(c.inputs, vec![Input::Path("--quiet".into()), Input::Stdin]);
    }

    #[test]
    fn help_and_version_win() {
        assert_eq!(run(&["a", "--help"]), Ok(Command::Help));
        assert_eq!(run(&["-V"]), Ok(Command::Version));
    }

    #[test]
    fn usage_errors_name_the_problem() {
        let err = |args: &[&str]| match run(args) {
            Err(UsageError(m)) => m,
            other => panic!("expected a usage error for {args:?}, got {other:?}"),
        };
        assert!(err(&[]).contains("no input files"));
        assert!(err(&["--format", "xml", "a"]).contains("\"xml\""));
        assert!(err(&["--format"]).contains("needs a value"));
        assert!(err(&["--max-file-mb", "0", "a"]).contains("--max-file-mb"));
        assert!(err(&["--max-file-mb=lots", "a"]).contains("\"lots\""));
        assert!(err(&["--colour", "a"]).contains("unknown option \"--colour\""));
    }
}
