//! The command line as a shell user meets it: option spellings, errors, `--version` and the
//! completion scripts.

mod common;
use common::{run, seeds, stderr, stdout, testdata_files};

#[test]
fn short_flags_cluster_with_a_value() {
    let files = testdata_files();
    let clustered = run(&["-qf", "ndjson"], &files);
    let spelled_out = run(&["--quiet", "--format", "ndjson"], &files);
    assert_eq!(clustered.status.code(), Some(0), "{}", stderr(&clustered));
    assert_eq!(stdout(&clustered).lines().count(), files.len());
    assert_eq!(clustered.stdout, spelled_out.stdout);
    assert_eq!(clustered.stderr, spelled_out.stderr);
    // Quiet indeed: `unknown-fields.txt` has info diagnostics that only the loud run prints.
    let loud = run(&["-f", "ndjson"], &files);
    assert!(stderr(&loud).contains(": info["), "{}", stderr(&loud));
    assert!(!stderr(&clustered).contains(": info["));
}

#[test]
fn a_flag_given_a_value_is_an_error() {
    let out = run(&["--quiet=x"], &seeds());
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("'--quiet'"), "{err}");
    assert!(err.contains("Usage: hankekuvaus"), "{err}");
}

#[test]
fn version_names_the_program_and_the_json_schema() {
    for flag in ["--version", "-V"] {
        let out = run(&[flag], &[]);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            stdout(&out),
            format!(
                "hankekuvaus {} (JSON schema version {})\n",
                env!("CARGO_PKG_VERSION"),
                hankekuvaus::SCHEMA_VERSION
            )
        );
    }
}

#[test]
fn completion_scripts_know_the_options() {
    // How each shell's script names an option and lists the formats.
    let shells = [
        ("bash", "--format", Some("csv-fi")),
        ("zsh", "--format", Some("csv-fi")),
        ("fish", "-l format", Some("csv-fi")),
        ("powershell", "'--format'", None),
        ("elvish", "--format", None),
    ];
    for (shell, format_option, format_value) in shells {
        let out = run(&["completions", shell], &[]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains("hankekuvaus"), "{shell}: {script}");
        for word in [format_option, "max-file-mb", "quiet"] {
            assert!(
                script.contains(word),
                "{shell} script lacks {word}:\n{script}"
            );
        }
        if let Some(value) = format_value {
            assert!(script.contains(value), "{shell} script lacks {value}");
        }
    }
    let out = run(&["completions", "tcsh"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("possible values: bash"));
}

#[test]
fn a_file_named_like_a_subcommand_is_still_a_file() {
    // Only the first word can name a subcommand; after `--` it is a file.
    let out = run(&["--", "completions"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("completions: error: cannot read the file: "),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), "[]\n");
}
