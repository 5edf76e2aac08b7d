//! Running child processes: each command is echoed before it runs, runs in the repository root
//! unless told otherwise, and a failure becomes a message naming the command.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use crate::paths;
use crate::Result;

/// A command for `program`, to run in the repository root.
pub fn new(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    command.current_dir(paths::repo_root());
    command
}

/// A command for the cargo that runs xtask (`$CARGO`), so every step uses one toolchain.
pub fn cargo() -> Command {
    new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// The command as a person would type it, with the variables it sets (e.g. `X=1 cargo test`).
pub fn display(command: &Command) -> String {
    let mut words: Vec<String> = command
        .get_envs()
        .filter_map(|(name, value)| Some(format!("{}={}", name.to_str()?, value?.to_str()?)))
        .collect();
    let program = command.get_program();
    // `$CARGO` is a full path; show the familiar name.
    let program = match std::path::Path::new(program).file_stem() {
        Some(stem) if stem == "cargo" => "cargo".into(),
        _ => program.to_string_lossy(),
    };
    words.push(program.into_owned());
    words.extend(command.get_args().map(|arg| {
        let arg = arg.to_string_lossy();
        if arg.contains(' ') {
            format!("'{arg}'")
        } else {
            arg.into_owned()
        }
    }));
    words.join(" ")
}

/// Runs the command with inherited input and output; fails unless it exits with success.
pub fn run(command: &mut Command) -> Result {
    println!("$ {}", display(command));
    let status = command
        .status()
        .map_err(|e| format!("cannot start `{}`: {e}", display(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", display(command)))
    }
}

/// Runs the command like [`run`], and also returns its standard output, which is passed
/// through line by line as it comes so a long run shows progress.
pub fn run_tee(command: &mut Command) -> Result<String> {
    println!("$ {}", display(command));
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{}`: {e}", display(command)))?;
    let mut captured = Vec::new();
    let mut reader = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let mut stdout = std::io::stdout();
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {
                // Our own stdout closing (e.g. `| head`) must not stop the child's run.
                let _ = stdout.write_all(&line).and_then(|()| stdout.flush());
                captured.extend_from_slice(&line);
            }
            Err(e) => return Err(format!("reading from `{}`: {e}", display(command))),
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for `{}`: {e}", display(command)))?;
    let output = String::from_utf8_lossy(&captured).into_owned();
    if status.success() {
        Ok(output)
    } else {
        Err(format!("`{}` failed ({status})", display(command)))
    }
}

/// Runs the command quietly and returns its standard output as text; for questions such as
/// `rustup target list --installed`. Fails with the command's error output.
pub fn output(command: &mut Command) -> Result<String> {
    output_bytes(command).map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// Runs the command quietly and returns its standard output as bytes.
/// Fails with the command's error output.
pub fn output_bytes(command: &mut Command) -> Result<Vec<u8>> {
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot start `{}`: {e}", display(command)))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(format!(
            "`{}` failed ({}):\n{}",
            display(command),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim_end()
        ))
    }
}
