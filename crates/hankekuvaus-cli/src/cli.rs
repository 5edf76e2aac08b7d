//! The command line, declared with `clap`'s derive: help, `--version`, error messages and
//! shell completions come from it.
//!
//! `hankekuvaus FILE...` converts; that default action takes no subcommand name so the
//! command stays what it has always been. Named subcommands (`completions`, later more)
//! sit beside it: a word in first position that names a subcommand runs it, anything else
//! is a file. A file whose name is a subcommand's is given as `./completions` or after `--`.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::sync::LazyLock;

use clap::builder::{OsStringValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};

/// The parsed command line.
#[derive(Debug, Parser)]
#[command(
    name = "hankekuvaus",
    version = version(),
    about = "Convert Finnish EU structural-fund project descriptions (hankkeen kuvaus, ESR/EAKR)\n\
             saved as text or HTML into JSON, NDJSON or CSV.",
    after_help = AFTER_HELP,
    // A file list and a subcommand never mix; a subcommand needs no FILE.
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    // No `help` subcommand: `--help` is enough, and one word fewer is taken from file names.
    disable_help_subcommand = true,
)]
pub struct Cli {
    /// A subcommand; none means convert the files.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The default action's arguments.
    #[command(flatten)]
    pub convert: ConvertArgs,
}

/// Named subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Search every word of the files' projects and print the matching projects, best
    /// first, with snippets.
    ///
    /// Words are ANDed and find their inflected forms ("maahanmuuttaja" finds
    /// "maahanmuuttajille"); "a phrase" in quotes; OR; -word excludes; field: prefixes such
    /// as toteuttaja:, kunta:, maakunta:, nimi:, koodi:, rahasto:, vuosi:.
    #[command(verbatim_doc_comment)]
    Search(SearchArgs),

    /// Print a shell completion script to standard output.
    ///
    /// Install it where the shell looks, e.g.
    ///   bash:  hankekuvaus completions bash > ~/.local/share/bash-completion/completions/hankekuvaus
    ///   zsh:   hankekuvaus completions zsh > ~/.zfunc/_hankekuvaus   (a directory on $fpath)
    ///   fish:  hankekuvaus completions fish > ~/.config/fish/completions/hankekuvaus.fish
    ///   PowerShell:  hankekuvaus completions powershell | Out-String | Invoke-Expression
    #[command(verbatim_doc_comment)]
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Arguments of `search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query, e.g. 'maahanmuuttaja kunta:Kuopio' (quote it for the shell).
    #[arg(value_name = "QUERY")]
    pub query: String,

    /// Description files, list exports or JSON exports; `-` reads standard input.
    #[arg(
        value_name = "FILE",
        required = true,
        value_hint = ValueHint::FilePath,
        value_parser = OsStringValueParser::new().map(Input::from),
    )]
    pub inputs: Vec<Input>,

    /// `text` for people, `ndjson` for programs: one JSON object per result.
    #[arg(short, long, value_enum, default_value_t = SearchFormat::Text)]
    pub format: SearchFormat,

    /// Print at most N results (all by default).
    #[arg(short = 'n', long, value_name = "N")]
    pub limit: Option<usize>,
}

/// Output formats of `search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    /// Ranked results with snippets, the hits in \[brackets\].
    Text,
    /// One JSON object per result: rank, code, name, file, score, hits and snippets with
    /// the byte ranges of the hits.
    Ndjson,
}

/// Arguments of the default action: converting files.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// How results are written to standard output.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    pub format: Format,

    /// Refuse files larger than N megabytes; a refused file is a `too-large` failure.
    #[arg(
        long,
        value_name = "N",
        default_value_t = DEFAULT_MAX_FILE_MB,
        value_parser = clap::value_parser!(u64).range(1..=u64::MAX / MEGABYTE),
    )]
    pub max_file_mb: u64,

    /// Do not print info-level diagnostics (unknown labels and sections).
    #[arg(short, long)]
    pub quiet: bool,

    /// With csv or csv-fi: write this tidy table instead of the summary (one row per
    /// indicator, score, area or organisation, for pandas and R).
    #[arg(short, long, value_enum, value_name = "TABLE")]
    pub table: Option<Table>,

    /// Write to FILE instead of standard output (required with --format xlsx).
    #[arg(short, long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,

    /// Language of the headers of --table and of the workbook (fi, en, sv). Without it,
    /// --table writes stable snake_case keys and the workbook is in Finnish.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Language>,

    /// Description files (.txt or .html); `-` reads standard input.
    #[arg(
        value_name = "FILE",
        required = true,
        value_hint = ValueHint::FilePath,
        value_parser = OsStringValueParser::new().map(Input::from),
    )]
    pub inputs: Vec<Input>,
}

impl ConvertArgs {
    /// `--max-file-mb` in bytes (the parser's range check keeps it from overflowing).
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_mb * MEGABYTE
    }
}

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// `-`: standard input.
    Stdin,
    /// A file path.
    Path(OsString),
}

impl From<OsString> for Input {
    fn from(arg: OsString) -> Input {
        if arg == OsStr::new("-") {
            Input::Stdin
        } else {
            Input::Path(arg)
        }
    }
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A pretty JSON array with one item per file, in the order given.
    Json,
    /// One JSON object per line, written as each file is converted.
    #[value(alias = "jsonl")]
    Ndjson,
    /// The summary table, one row per description: comma-separated, decimal point.
    Csv,
    /// The table for Excel in Finnish locale: semicolons, decimal comma, byte-order mark.
    #[value(name = "csv-fi")]
    CsvFi,
    /// An Excel workbook with one sheet per table (projects, indicators, sustainability,
    /// areas, organisations, diagnostics), typed cells; needs --output.
    Xlsx,
}

/// The tidy tables of `--table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Table {
    /// One row per project: the summary's columns and the derived ratios.
    Projects,
    /// Project code, indicator, planned, realised.
    Indicators,
    /// Project code, category, item, direct, indirect.
    Sustainability,
    /// Project code, region, sub-region, municipality.
    Areas,
    /// Project code, role, name, Y-tunnus, whether it is valid.
    Organisations,
    /// File, line, severity, code, message.
    Diagnostics,
}

impl Table {
    /// The table in the tables crate.
    pub fn kind(self) -> hankekuvaus_tables::TableKind {
        use hankekuvaus_tables::TableKind as K;
        match self {
            Table::Projects => K::Projects,
            Table::Indicators => K::Indicators,
            Table::Sustainability => K::Sustainability,
            Table::Areas => K::Areas,
            Table::Organisations => K::Organisations,
            Table::Diagnostics => K::Diagnostics,
        }
    }
}

/// Languages of `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Language {
    /// Finnish.
    Fi,
    /// English.
    En,
    /// Swedish.
    Sv,
}

impl Language {
    /// The language in the tables crate.
    pub fn lang(self) -> hankekuvaus_tables::Lang {
        match self {
            Language::Fi => hankekuvaus_tables::Lang::Fi,
            Language::En => hankekuvaus_tables::Lang::En,
            Language::Sv => hankekuvaus_tables::Lang::Sv,
        }
    }
}

/// Default of `--max-file-mb`; equals the core's default limit.
const DEFAULT_MAX_FILE_MB: u64 = 50;

const MEGABYTE: u64 = 1024 * 1024;

/// `--version`: the program's version and the version of the JSON it writes.
fn version() -> &'static str {
    static VERSION: LazyLock<String> = LazyLock::new(|| {
        format!(
            "{} (JSON schema version {})",
            env!("CARGO_PKG_VERSION"),
            hankekuvaus::SCHEMA_VERSION
        )
    });
    &VERSION
}

const AFTER_HELP: &str = "\
Diagnostics go to standard error, one per line:
  FILE:LINE: SEVERITY[CODE]: MESSAGE
A file that is not a description is an item {\"source\", \"error\"} in JSON and NDJSON,
and is reported on standard error only with CSV.

Exit status: 0 when every file is a description, 1 when some are not,
2 on a usage error or when a file cannot be read (the other files are still converted).

Examples:
  hankekuvaus S21498.txt > S21498.json
  hankekuvaus --format csv-fi descriptions/*.txt > summary.csv
  hankekuvaus -qf ndjson *.html | head -n 1
  hankekuvaus --format csv --table indicators *.txt > indicators.csv
  hankekuvaus --format xlsx --lang en -o projects.xlsx descriptions/*.txt
  hankekuvaus search 'maahanmuuttaja kunta:Kuopio' descriptions/*.txt
  hankekuvaus completions bash > ~/.local/share/bash-completion/completions/hankekuvaus";

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("hankekuvaus").chain(args.iter().copied()))
    }

    fn convert(args: &[&str]) -> ConvertArgs {
        match parse(args) {
            Ok(Cli {
                command: None,
                convert,
            }) => convert,
            other => panic!("expected a conversion for {args:?}, got {other:?}"),
        }
    }

    fn error_kind(args: &[&str]) -> clap::error::ErrorKind {
        match parse(args) {
            Err(e) => e.kind(),
            Ok(cli) => panic!("expected an error for {args:?}, got {cli:?}"),
        }
    }

    #[test]
    fn the_declaration_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn defaults() {
        let c = convert(&["a.txt"]);
        assert_eq!(c.format, Format::Json);
        assert_eq!(c.max_file_bytes(), 50 * 1024 * 1024);
        assert!(!c.quiet);
        assert_eq!(c.inputs, vec![Input::Path("a.txt".into())]);
    }

    #[test]
    fn options_in_every_spelling() {
        let c = convert(&["--format=csv-fi", "-q", "--max-file-mb", "2", "a", "-", "b"]);
        assert_eq!(c.format, Format::CsvFi);
        assert!(c.quiet);
        assert_eq!(c.max_file_bytes(), 2 * 1024 * 1024);
        assert_eq!(
            c.inputs,
            vec![
                Input::Path("a".into()),
                Input::Stdin,
                Input::Path("b".into())
            ]
        );
        assert_eq!(convert(&["-f", "ndjson", "x"]).format, Format::Ndjson);
        assert_eq!(convert(&["--format", "jsonl", "x"]).format, Format::Ndjson);
        // Short flags cluster, and a value may follow the cluster.
        let c = convert(&["-qf", "csv", "x"]);
        assert!(c.quiet);
        assert_eq!(c.format, Format::Csv);
        assert_eq!(convert(&["-qfndjson", "x"]).format, Format::Ndjson);
    }

    #[test]
    fn double_dash_ends_options() {
        let c = convert(&["--", "--quiet", "-", "completions"]);
        assert!(!c.quiet);
        assert_eq!(
            c.inputs,
            vec![
                Input::Path("--quiet".into()),
                Input::Stdin,
                Input::Path("completions".into())
            ]
        );
    }

    #[test]
    fn completions_is_a_subcommand_and_files_are_not() {
        let cli = parse(&["completions", "zsh"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Completions {
                shell: clap_complete::Shell::Zsh
            })
        ));
        // A subcommand does not take the conversion's files, nor they a subcommand.
        use clap::error::ErrorKind;
        assert_eq!(
            error_kind(&["completions", "bash", "a.txt"]),
            ErrorKind::UnknownArgument
        );
        assert_eq!(
            convert(&["a.txt", "completions"]).inputs[1],
            Input::Path("completions".into())
        );
    }

    #[test]
    fn usage_errors() {
        use clap::error::ErrorKind;
        assert_eq!(error_kind(&[]), ErrorKind::MissingRequiredArgument);
        assert_eq!(error_kind(&["--quiet"]), ErrorKind::MissingRequiredArgument);
        // A flag takes no value.
        assert_eq!(error_kind(&["--quiet=x", "a"]), ErrorKind::TooManyValues);
        assert_eq!(
            error_kind(&["--format", "xml", "a"]),
            ErrorKind::InvalidValue
        );
        assert_eq!(error_kind(&["--format"]), ErrorKind::InvalidValue);
        assert_eq!(
            error_kind(&["--max-file-mb", "0", "a"]),
            ErrorKind::ValueValidation
        );
        assert_eq!(
            error_kind(&["--max-file-mb=lots", "a"]),
            ErrorKind::ValueValidation
        );
        assert_eq!(
            error_kind(&["--max-file-mb", &(u64::MAX / MEGABYTE + 1).to_string(), "a"]),
            ErrorKind::ValueValidation
        );
        assert_eq!(error_kind(&["--colour", "a"]), ErrorKind::UnknownArgument);
        assert_eq!(
            error_kind(&["completions", "tcsh"]),
            ErrorKind::InvalidValue
        );
    }

    #[test]
    fn help_and_version_win() {
        use clap::error::ErrorKind;
        assert_eq!(error_kind(&["a", "--help"]), ErrorKind::DisplayHelp);
        assert_eq!(error_kind(&["-V"]), ErrorKind::DisplayVersion);
        let version = Cli::command().render_version();
        assert_eq!(
            version,
            format!(
                "hankekuvaus {} (JSON schema version {})\n",
                env!("CARGO_PKG_VERSION"),
                hankekuvaus::SCHEMA_VERSION
            )
        );
    }
}
