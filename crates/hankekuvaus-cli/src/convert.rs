//! The work done for one input, on any thread: read it, parse it, and render both what goes
//! to standard output and the lines for standard error, so the writing thread only copies
//! bytes.

use std::fmt::Write as _;
use std::path::Path;

use hankekuvaus::{Diagnostic, Options, Outcome, Severity};
use hankekuvaus_tables::Labels;

use crate::cli::{ConvertArgs, Format, Input};
use crate::input;
use crate::output::Render;

/// What every input is converted with.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// How outcomes become output.
    pub render: Render,
    /// The parser's limits.
    pub options: Options,
    /// Leave out info-level diagnostics.
    pub quiet: bool,
}

impl Settings {
    /// The settings the arguments ask for.
    pub fn new(args: &ConvertArgs) -> Settings {
        Settings {
            render: Render {
                format: args.format,
                table: args.table.map(|t| t.kind()),
                labels: args.lang.map_or(Labels::Keys, |l| Labels::Lang(l.lang())),
            },
            options: Options {
                max_file_bytes: args.max_file_bytes(),
                ..Options::default()
            },
            quiet: args.quiet,
        }
    }
}

/// One input, converted and rendered.
#[derive(Debug, Default)]
pub struct Converted {
    /// Lines for standard error: diagnostics, failures, or why the input was not read.
    pub report: String,
    /// The items for standard output in input order, rendered by [`Render::item`].
    pub items: Vec<String>,
    /// The outcomes themselves, kept only for a workbook, which is written at the end.
    pub outcomes: Vec<Outcome>,
    /// Some outcome is not a description.
    pub not_descriptions: bool,
    /// The input could not be read.
    pub unreadable: bool,
}

/// Reads, parses and renders one input.
pub fn convert(input: &Input, settings: &Settings) -> Converted {
    let (display, file_name) = names(input);
    let mut converted = Converted::default();
    // Each file's outcomes are rendered as soon as they are read (an archive's members one
    // at a time) and kept only for a workbook.
    let mut each = |from: &str, outcomes: Vec<Outcome>| {
        let shown = shown_name(&display, &file_name, from);
        for outcome in &outcomes {
            report(&mut converted.report, &shown, outcome, settings.quiet);
            converted.not_descriptions |= matches!(outcome, Outcome::Failure(_));
            converted.items.extend(settings.render.item(outcome));
        }
        if settings.render.format == Format::Xlsx {
            converted.outcomes.extend(outcomes);
        }
    };
    if let Err(message) = input::read(input, &file_name, &settings.options, &mut each) {
        converted.report = format!("{display}: error: {message}\n");
        converted.unreadable = true;
    }
    converted
}

/// The name shown in messages for outcomes read under `from`: the input's `display` name,
/// followed for an archive's member (`from` = `file_name/dir/file.txt`) by its path in the
/// archive, so that `dir/k.zip` gives `dir/k.zip/dir/file.txt`.
pub fn shown_name(display: &str, file_name: &str, from: &str) -> String {
    match from.strip_prefix(file_name) {
        Some(inside) => format!("{display}{inside}"),
        None => from.to_owned(),
    }
}

/// The name shown in messages (the path as given) and the name given to the parser (the
/// path's final component, as a browser would give it).
pub fn names(input: &Input) -> (String, String) {
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

/// Appends the human-readable report of one outcome: its diagnostics, or why it failed.
fn report(err: &mut String, path: &str, outcome: &Outcome, quiet: bool) {
    match outcome {
        Outcome::Document(doc) => {
            for d in &doc.diagnostics {
                if !(quiet && d.severity == Severity::Info) {
                    diagnostic_line(err, path, d);
                }
            }
        }
        Outcome::Failure(f) => {
            let error = Severity::Error.as_str();
            // Writing to a String cannot fail.
            let _ = writeln!(
                err,
                "{path}: {error}[{}]: {}",
                f.error.code, f.error.message
            );
        }
    }
}

/// `path:line: severity[code]: message`, or `path: severity[code]: message` without a line.
fn diagnostic_line(err: &mut String, path: &str, d: &Diagnostic) {
    let severity = d.severity.as_str();
    let _ = match d.line {
        Some(line) => writeln!(err, "{path}:{line}: {severity}[{}]: {}", d.code, d.message),
        None => writeln!(err, "{path}: {severity}[{}]: {}", d.code, d.message),
    };
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
        let mut err = String::new();
        diagnostic_line(&mut err, "a/S1.txt", &d);
        assert_eq!(
            err,
            "a/S1.txt:27: warning[bad-business-id]: Y-tunnus 0600598-7 has a wrong check digit.\n"
        );
        d.line = None;
        d.severity = Severity::Info;
        let mut err = String::new();
        diagnostic_line(&mut err, "S1.txt", &d);
        assert!(err.starts_with("S1.txt: info[bad-business-id]: "));
    }

    #[test]
    fn parser_gets_the_final_path_component() {
        let (display, name) = names(&Input::Path("dir/sub/S21498.txt".into()));
        assert_eq!(display, "dir/sub/S21498.txt");
        assert_eq!(name, "S21498.txt");
        assert_eq!(names(&Input::Stdin).1, "<stdin>");
    }

    #[test]
    fn archive_members_are_shown_under_the_path_given() {
        let member = "k.zip/kansio/S1.txt";
        assert_eq!(
            shown_name("dir/k.zip", "k.zip", member),
            "dir/k.zip/kansio/S1.txt"
        );
        assert_eq!(shown_name("dir/k.zip", "k.zip", "k.zip"), "dir/k.zip");
        assert_eq!(
            shown_name("<stdin>", "<stdin>", "<stdin>/a.txt"),
            "<stdin>/a.txt"
        );
    }

    #[test]
    fn an_unreadable_input_is_reported_and_has_no_items() {
        let settings = Settings {
            render: Render {
                format: Format::Json,
                table: None,
                labels: Labels::Keys,
            },
            options: Options::default(),
            quiet: false,
        };
        let missing = Input::Path("no/such/dir/S1.txt".into());
        let converted = convert(&missing, &settings);
        assert!(converted.unreadable);
        assert!(converted.items.is_empty());
        assert!(
            converted
                .report
                .starts_with("no/such/dir/S1.txt: error: cannot read the file: "),
            "{}",
            converted.report
        );
    }
}
