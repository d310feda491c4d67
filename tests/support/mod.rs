//! Helpers shared by the end-to-end tests. Each test crate uses some of them.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

/// The binary, run as an unprivileged user when the tests run as root (as CI does), so that
/// permission bits apply: root writes into read-only directories regardless.
pub fn roadmap_unprivileged() -> Command {
    let binary = assert_cmd::cargo::cargo_bin("roadmap");
    if is_root() && Path::new("/usr/bin/setpriv").exists() {
        let mut command = Command::new("/usr/bin/setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(binary);
        command
    } else {
        Command::new(binary)
    }
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}

/// A directory nobody may write into, inside a temporary directory anybody may enter.
#[cfg(unix)]
pub fn read_only_dir() -> (tempfile::TempDir, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    // Not named `.tmp…`, so messages can be checked for leaked temporary file names.
    let dir = tempfile::Builder::new()
        .prefix("roadmap-test-")
        .tempdir()
        .unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let read_only = dir.path().join("read-only");
    std::fs::create_dir(&read_only).unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o555)).unwrap();
    (dir, read_only)
}

/// A command's exit code, stdout and stderr as one text, for snapshots.
pub fn transcript(output: &std::process::Output) -> String {
    format!(
        "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Compares `actual` with `tests/snapshots/NAME.txt`, naming the first line that differs.
/// `UPDATE_SNAPSHOTS=1` rewrites the file instead (review the diff afterwards).
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new("tests/snapshots").join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_SNAPSHOTS=1", path.display()));
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "{name} differs from {} at line {}:\n  got:      {:?}\n  expected: {:?}\n(UPDATE_SNAPSHOTS=1 rewrites the snapshot)",
            path.display(),
            line + 1,
            actual.lines().nth(line).unwrap_or("<end>"),
            expected.lines().nth(line).unwrap_or("<end>"),
        );
    }
}

/// Runs `command`, which must succeed, and parses its stdout as JSON.
pub fn stdout_json(command: &mut Command) -> serde_json::Value {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Whether a test that needs an external tool may run. Without the tool the test is skipped
/// with a notice, except under CI (the env var `CI` is set): `.ci/run` installs every such tool,
/// so there a missing one is a broken install step and fails the test instead of passing it.
pub fn tool_present(present: bool, tool: &str, install: &str) -> bool {
    if present {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{tool} is missing but CI is set: .ci/run should have installed it ({install})"
    );
    eprintln!("NOTICE: {tool} is missing; skipping this test ({install})");
    false
}

/// Whether `program --version` runs.
pub fn runs(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success())
}
