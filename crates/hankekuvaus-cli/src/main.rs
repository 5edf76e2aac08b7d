//! # hankekuvaus (command line)
//!
//! Converts Finnish EU structural-fund project descriptions ("hankkeen kuvaus", ESR and
//! EAKR projects) saved as text or HTML into JSON, NDJSON or a CSV summary. This binary is
//! glue: reading files, arguments and output; all parsing and formatting is in the
//! [`hankekuvaus`] library, so the command line and the web viewer write the same bytes.
//!
//! ```text
//! $ hankekuvaus --format csv-fi --quiet testdata/seeds/*.txt > summary.csv
//! $ hankekuvaus S21498.txt kuva.png
//! kuva.png: error[image]: This is a PNG image, not a project description. …
//! $ echo $?
//! 1
//! ```
//!
//! - Results go to standard output: `json` (default) is one pretty JSON array with an item
//!   per input, in order; `ndjson` writes one line per input as soon as it is read; `csv`
//!   and `csv-fi` write the summary table of the documents.
//! - Diagnostics go to standard error as `path:line: severity[code]: message`; a file that
//!   is not a description as `path: error[code]: message`; `--quiet` drops `info`.
//! - Exit status: 0 all files parsed, 1 some were not descriptions, 2 usage or I/O error.
//!   A file that cannot be read is reported and skipped; the others are still converted.

mod args;
mod input;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use args::{Command, Config, Format, Input, UsageError};
use hankekuvaus::export::{self, CsvDialect};
use hankekuvaus::{Diagnostic, Document, Options, Outcome, Severity};

fn main() -> ExitCode {
    let status = match args::parse(std::env::args_os().skip(1)) {
        Ok(Command::Help) => print_or_pipe(args::HELP),
        Ok(Command::Version) => print_or_pipe(&format!(
            "hankekuvaus {} (JSON schema version {})\n",
            env!("CARGO_PKG_VERSION"),
            hankekuvaus::SCHEMA_VERSION
        )),
        Ok(Command::Run(config)) => run(&config),
        Err(UsageError(message)) => {
            eprintln!(
                "hankekuvaus: {message}\n\
                 Usage: hankekuvaus [--format json|ndjson|csv|csv-fi] [--max-file-mb N] \
                 [--quiet] FILE...\n\
                 Try 'hankekuvaus --help' for more."
            );
            USAGE_OR_IO_ERROR
        }
    };
    ExitCode::from(status)
}

const ALL_PARSED: u8 = 0;
const SOME_NOT_DESCRIPTIONS: u8 = 1;
const USAGE_OR_IO_ERROR: u8 = 2;

fn print_or_pipe(text: &str) -> u8 {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ALL_PARSED,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ALL_PARSED,
        Err(e) => {
            eprintln!("hankekuvaus: cannot write to standard output: {e}");
            USAGE_OR_IO_ERROR
        }
    }
}

/// What happened to the inputs so far; decides the exit status.
#[derive(Default)]
struct Tally {
    not_descriptions: bool,
    io_errors: bool,
}

impl Tally {
    fn exit_status(&self) -> u8 {
        if self.io_errors {
            USAGE_OR_IO_ERROR
        } else if self.not_descriptions {
            SOME_NOT_DESCRIPTIONS
        } else {
            ALL_PARSED
        }
    }
}

fn run(config: &Config) -> u8 {
    let mut tally = Tally::default();
    let mut out = BufWriter::new(io::stdout().lock());
    match convert(config, &mut out, &mut tally).and_then(|()| out.flush()) {
        Ok(()) => {}
        // The reader went away (`| head`): nothing more can be delivered, and that is
        // not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("hankekuvaus: cannot write to standard output: {e}");
            tally.io_errors = true;
        }
    }
    tally.exit_status()
}

/// Reads, parses and writes every input; returns only errors of writing to `out`.
fn convert(config: &Config, out: &mut impl Write, tally: &mut Tally) -> io::Result<()> {
    let options = Options {
        max_file_bytes: config.max_file_bytes,
        ..Options::default()
    };
    let mut outcomes = Vec::new();
    let mut err = io::stderr().lock();

    for input in &config.inputs {
        let (display, file_name) = names(input);
        let read = match input {
            Input::Stdin => input::read_and_parse(io::stdin().lock(), &file_name, &options),
            Input::Path(path) if Path::new(path).is_dir() => {
                let _ = writeln!(
                    err,
                    "{display}: error: this is a folder; name the files in it, e.g. {}",
                    Path::new(path).join("*.txt").display()
                );
                tally.io_errors = true;
                continue;
            }
            Input::Path(path) => {
                File::open(path).and_then(|file| input::read_and_parse(file, &file_name, &options))
            }
        };
        let outcome = match read {
            Ok(outcome) => outcome,
            Err(e) => {
                // Best effort: a failing stderr must not stop the conversion.
                let _ = writeln!(err, "{display}: error: cannot read the file: {e}");
                tally.io_errors = true;
                continue;
            }
        };
        let _ = report(&mut err, &display, &outcome, config.quiet);
        if matches!(outcome, Outcome::Failure(_)) {
            tally.not_descriptions = true;
        }
        if config.format == Format::Ndjson {
            out.write_all(export::outcome_ndjson_line(&outcome).as_bytes())?;
            // Each line is delivered as its file finishes, for pipelines that follow along.
            out.flush()?;
        } else {
            outcomes.push(outcome);
        }
    }

    match config.format {
        Format::Ndjson => Ok(()),
        Format::Json => out.write_all(export::outcomes_json(&outcomes).as_bytes()),
        Format::Csv => out.write_all(summary(&outcomes, CsvDialect::Plain).as_bytes()),
        Format::CsvFi => out.write_all(summary(&outcomes, CsvDialect::ExcelFi).as_bytes()),
    }
}

fn summary(outcomes: &[Outcome], dialect: CsvDialect) -> String {
    let docs = outcomes.iter().filter_map(|o| match o {
        Outcome::Document(doc) => Some(&**doc),
        Outcome::Failure(_) => None,
    });
    export::summary_csv(docs, dialect)
}

/// The name shown in messages (the path as given) and the name given to the parser (the
/// path's final component, as a browser would give it).
fn names(input: &Input) -> (String, String) {
    match input {
        Input::Stdin => ("<stdin>".to_owned(), "<stdin>".to_owned()),
        Input::Path(path) => {
            let display = path.to_string_lossy().into_owned();
            let file_name = Path::new(path)
                .file_name()
                .map_or_else(|| display.clone(), |n| n.to_string_lossy().into_owned());
            (display, file_name)
        }
    }
}

/// Writes the human-readable report of one outcome: its diagnostics, or why it failed.
fn report(err: &mut impl Write, path: &str, outcome: &Outcome, quiet: bool) -> io::Result<()> {
    match outcome {
        Outcome::Document(doc) => report_document(err, path, doc, quiet),
        Outcome::Failure(f) => writeln!(
            err,
            "{path}: {}[{}]: {}",
            Severity::Error.as_str(),
            f.error.code,
            f.error.message
        ),
    }
}

fn report_document(
    err: &mut impl Write,
    path: &str,
    doc: &Document,
    quiet: bool,
) -> io::Result<()> {
    for d in &doc.diagnostics {
        if quiet && d.severity == Severity::Info {
            continue;
        }
        writeln!(err, "{}", diagnostic_line(path, d))?;
    }
    Ok(())
}

/// `path:line: severity[code]: message`, or `path: severity[code]: message` without a line.
fn diagnostic_line(path: &str, d: &Diagnostic) -> String {
    let location = match d.line {
        Some(line) => format!("{path}:{line}"),
        None => path.to_owned(),
    };
    format!(
        "{location}: {}[{}]: {}",
        d.severity.as_str(),
        d.code,
        d.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostic_lines_with_and_without_a_line() {
        let mut d = Diagnostic {
            severity: Severity::Warning,
            code: "bad-business-id".to_owned(),
            message: "Y-tunnus 0600598-7 has a wrong check digit.".to_owned(),
            line: Some(27),
        };
        assert_eq!(
            diagnostic_line("a/S1.txt", &d),
            "a/S1.txt:27: warning[bad-business-id]: Y-tunnus 0600598-7 has a wrong check digit."
        );
        d.line = None;
        d.severity = Severity::Info;
        assert!(diagnostic_line("S1.txt", &d).starts_with("S1.txt: info[bad-business-id]: "));
    }

    #[test]
    fn parser_gets_the_final_path_component() {
        let (display, name) = names(&Input::Path("dir/sub/S21498.txt".into()));
        assert_eq!(display, "dir/sub/S21498.txt");
        assert_eq!(name, "S21498.txt");
        assert_eq!(names(&Input::Stdin).1, "<stdin>");
    }

    #[test]
    fn exit_status_prefers_io_errors() {
        let mut t = Tally::default();
        assert_eq!(t.exit_status(), 0);
        t.not_descriptions = true;
        assert_eq!(t.exit_status(), 1);
        t.io_errors = true;
        assert_eq!(t.exit_status(), 2);
    }
}
