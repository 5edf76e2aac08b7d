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
//! - Results go to standard output in the order of the files given: `json` (default) is one
//!   pretty JSON array with an item per input, `ndjson` a line per input, `csv` and
//!   `csv-fi` the summary table of the documents. A ZIP archive's members are read as files
//!   named `archive.zip/dir/file.txt`, each refused member a failure of its own. Every
//!   format is written item by item as the files are converted on every core, so memory
//!   does not grow with the number of files.
//! - Diagnostics go to standard error as `path:line: severity[code]: message`; a file that
//!   is not a description as `path: error[code]: message`; `--quiet` drops `info`.
//! - Exit status: 0 all files parsed, 1 some were not descriptions, 2 usage or I/O error.
//!   A file that cannot be read is reported and skipped; the others are still converted.
//! - `hankekuvaus search QUERY FILE...` prints the projects that match, ranked, with
//!   snippets (`--format ndjson` for programs): the viewer's search, `hankekuvaus-search`.
//! - `hankekuvaus completions SHELL` prints a shell completion script.
//!
//! Modules: [`cli`] declares the command line (clap), [`input`] reads one input,
//! [`archive`] reads the members of a ZIP archive given as one, [`convert`] turns it into
//! output and report on a worker thread, [`pipeline`] runs the inputs on rayon's pool and
//! hands results over in order, [`output`] writes each format, [`search`] runs `search`.

mod archive;
mod cli;
mod convert;
mod input;
mod output;
mod pipeline;
mod search;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue};
use clap::{CommandFactory, Parser};

use cli::{Cli, Command, ConvertArgs, Format};
use convert::{Converted, Settings};
use output::ItemWriter;

// mimalloc rather than the system's allocator: parsing and rendering allocate many small
// strings on every core, and with it 8,000 files take 8-15 % less CPU time (json 1.32 ->
// 1.16 s, csv 0.86 -> 0.73 s) for some 15 MB more resident memory, which stays constant.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = parse_args();
    let status = match cli.command {
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "hankekuvaus", &mut script);
            print_or_pipe(&script)
        }
        Some(Command::Search(args)) => search::run(&args),
        None => run(&cli.convert),
    };
    ExitCode::from(status)
}

/// The command line, or the exit: usage errors with clap's status 2 (ours too), `--help`
/// and `--version` with 0.
fn parse_args() -> Cli {
    Cli::try_parse().unwrap_or_else(|mut error| {
        // clap shows the usage with some errors only (not with a bad value): show it with
        // every one, so each usage error says how the command is used.
        if error.use_stderr() && error.get(ContextKind::Usage).is_none() {
            let usage = Cli::command().render_usage();
            error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
        }
        error.exit()
    })
}

const ALL_PARSED: u8 = 0;
const SOME_NOT_DESCRIPTIONS: u8 = 1;
const USAGE_OR_IO_ERROR: u8 = 2;

fn print_or_pipe(bytes: &[u8]) -> u8 {
    match io::stdout().lock().write_all(bytes) {
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

/// Converts every input, on every core, and writes the results in input order.
fn run(args: &ConvertArgs) -> u8 {
    let settings = Settings::new(args);
    if settings.render.format == Format::Xlsx && args.output.is_none() {
        eprintln!(
            "hankekuvaus: --format xlsx writes a file: give its name with --output FILE \
             (-o FILE)"
        );
        return USAGE_OR_IO_ERROR;
    }
    let (target, out): (String, Box<dyn Write>) = match &args.output {
        Some(path) => match File::create(path) {
            Ok(file) => (path.display().to_string(), Box::new(file)),
            Err(e) => {
                eprintln!("hankekuvaus: cannot create {}: {e}", path.display());
                return USAGE_OR_IO_ERROR;
            }
        },
        None => ("standard output".to_owned(), Box::new(io::stdout().lock())),
    };
    let mut tally = Tally::default();
    // Items are tens of KB: a larger buffer than the default 8 KB gathers several per write.
    let out = BufWriter::with_capacity(128 * 1024, out);
    let mut outcomes = Vec::new();
    let written = ItemWriter::start(out, &settings.render).and_then(|items| {
        let mut sink = Writer {
            items,
            err: io::stderr().lock(),
            tally: &mut tally,
            outcomes: &mut outcomes,
        };
        pipeline::for_each_ordered(
            &args.inputs,
            |input| convert::convert(input, &settings),
            &mut sink,
        )?;
        if settings.render.format == Format::Xlsx {
            let lang = args.lang.map_or(hankekuvaus_tables::Lang::Fi, |l| l.lang());
            sink.items.raw(&workbook(sink.outcomes, lang)?)?;
        }
        sink.items.finish()
    });
    match written {
        Ok(()) => {}
        // The reader went away (`| head`): nothing more can be delivered, and that is
        // not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("hankekuvaus: cannot write to {target}: {e}");
            tally.io_errors = true;
        }
    }
    tally.exit_status()
}

/// The workbook of every table of `outcomes`. It needs all of them at once, so unlike the
/// other formats it holds every document until the end.
fn workbook(
    outcomes: &[hankekuvaus::Outcome],
    lang: hankekuvaus_tables::Lang,
) -> io::Result<Vec<u8>> {
    let items = hankekuvaus_tables::items(outcomes);
    let tables = hankekuvaus_tables::build_all(&items);
    hankekuvaus_tables::workbook(&tables, lang)
        .map_err(|e| io::Error::other(format!("cannot write the workbook: {e}")))
}

/// The writing end: each converted input's report to standard error, then its items to
/// standard output.
struct Writer<'a, W: Write, E: Write> {
    items: ItemWriter<W>,
    err: E,
    tally: &'a mut Tally,
    /// The outcomes kept for a workbook (empty for the other formats).
    outcomes: &'a mut Vec<hankekuvaus::Outcome>,
}

impl<W: Write, E: Write> pipeline::Sink<Converted> for Writer<'_, W, E> {
    type Error = io::Error;

    fn accept(&mut self, converted: Converted) -> io::Result<()> {
        // Best effort: a failing standard error must not stop the conversion.
        let _ = self.err.write_all(converted.report.as_bytes());
        self.tally.not_descriptions |= converted.not_descriptions;
        self.tally.io_errors |= converted.unreadable;
        for item in &converted.items {
            self.items.item(item)?;
        }
        self.outcomes.extend(converted.outcomes);
        Ok(())
    }

    /// Delivers the items written so far while the next input is slow to convert, so a
    /// pipeline that follows along is not kept waiting by the buffer.
    fn waiting(&mut self) -> io::Result<()> {
        self.items.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
