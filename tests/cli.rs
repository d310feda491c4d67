//! The binary end to end: streams, exit codes, stdin, many files, hostile input.

use assert_cmd::Command;
use predicates::prelude::*;

fn roadmap() -> Command {
    let mut cmd = Command::cargo_bin("roadmap").unwrap();
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

const VALID: &str = "[roadmap]\nname = \"R\"\nstart = 2020-01-01\n[[actor]]\nid = \"a\"\n[[project]]\nid = \"p\"\nduration = \"1m\"\nlead = \"a\"\n";

#[test]
fn validate_reads_stdin_and_names_it() {
    roadmap()
        .args(["validate", "-"])
        .write_stdin(VALID)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("<stdin>: valid: 1 project"));
    roadmap()
        .args(["validate", "-", "--format", "github"])
        .write_stdin(VALID.replace("lead = \"a\"", "lead = \"b\""))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("::error file=<stdin>,line=9"));
}

#[test]
fn validate_checks_several_files_and_fails_if_any_fails() {
    roadmap()
        .args([
            "validate",
            "roadmap.toml",
            "tests/broken/E006-lead.toml",
            "examples/minimal.toml",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("roadmap.toml: valid"))
        .stdout(predicate::str::contains("examples/minimal.toml: valid"))
        .stderr(predicate::str::contains("error[E006]"));
}

#[test]
fn unreadable_input_is_exit_2_with_a_hint() {
    roadmap()
        .current_dir(std::env::temp_dir())
        .arg("validate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("roadmap.toml not found"))
        .stderr(predicate::str::contains("roadmap init"));
    roadmap()
        .args(["validate", "src"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a directory"));
    roadmap().args(["validate", "--bogus"]).assert().code(2);
}

#[test]
fn help_and_version_exit_0_on_stdout() {
    roadmap()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes"));
    roadmap()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("roadmap "));
}

#[test]
fn warnings_pass_unless_denied() {
    let text = format!("{VALID}[[actor]]\nid = \"idle\"\n");
    roadmap()
        .args(["validate", "-"])
        .write_stdin(text.clone())
        .assert()
        .success()
        .stdout(predicate::str::contains("valid with 1 warning"));
    roadmap()
        .args(["validate", "-", "--deny-warnings"])
        .write_stdin(text)
        .assert()
        .code(1);
}

#[test]
fn a_50_mb_file_is_refused_without_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let line = "# padding padding padding padding padding padding padding padding padding\n";
    let text = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    std::fs::write(&path, text).unwrap();
    roadmap()
        .args(["validate", "--format", "json"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"code\": \"E011\""));
}

#[test]
fn binary_garbage_and_invalid_utf8_are_syntax_findings() {
    roadmap()
        .args(["validate", "-"])
        .write_stdin(vec![0u8, 159, 146, 150, 255, 0, 1, 2])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not UTF-8"));
    roadmap()
        .args(["validate", "-", "--format", "json"])
        .write_stdin(b"[roadmap]\nname = \"caf\xe9\"\n".to_vec())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"line\": 2"));
}

#[test]
fn colour_follows_flag_and_no_color() {
    let broken = VALID.replace("lead = \"a\"", "lead = \"b\"");
    roadmap()
        .args(["validate", "-", "--color", "always"])
        .write_stdin(broken.clone())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\u{1b}["));
    roadmap()
        .args(["validate", "-", "--color", "never"])
        .write_stdin(broken.clone())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\u{1b}[").not());
    roadmap()
        .args(["validate", "-"])
        .env("NO_COLOR", "1")
        .write_stdin(broken)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn quiet_drops_the_summary_but_not_findings() {
    roadmap()
        .args(["validate", "-q", "-"])
        .write_stdin(VALID)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    // Warnings and errors still print in full; only the summary line goes.
    roadmap()
        .args(["validate", "-q", "tests/fixtures/gaps.toml"])
        .assert()
        .success()
        .stdout("")
        .stderr(
            predicate::str::contains("warning[W004]: actor `idle-partner`")
                .and(predicate::str::contains("warning[W002]: `portal` costs"))
                .and(predicate::str::contains("tests/fixtures/gaps.toml:13:8"))
                .and(predicate::str::contains("valid").not()),
        );
    roadmap()
        .args(["validate", "-q", "-"])
        .write_stdin(VALID.replace("lead = \"a\"", "lead = \"b\""))
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("error[E006]: there is no actor with id `b`")
                .and(predicate::str::contains("<stdin>:9:8")),
        );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command as Process, Stdio};
    // More output than a pipe buffers (64 KiB), so the writer sees the reader go away.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.toml");
    let mut text =
        String::from("[roadmap]\nname = \"R\"\nstart = 2020-01-01\n[[actor]]\nid = \"a\"\n");
    for i in 0..2000 {
        text.push_str(&format!(
            "[[project]]\nid = \"project-{i}\"\nname = \"A project with a long enough name {i}\"\nduration = \"1m\"\nlead = \"a\"\n"
        ));
    }
    std::fs::write(&file, text).unwrap();
    for format in ["json", "csv"] {
        let mut child = Process::new(assert_cmd::cargo::cargo_bin("roadmap"))
            .arg("plan")
            .arg(&file)
            .args(["--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The read end is dropped here, like `| head -c 16`.
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{format}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{format}");
    }
}

/// Without a browser to print it, `report -o plan.pdf` says so, exits 2 and writes nothing.
#[test]
fn report_pdf_without_a_browser_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("plan.pdf");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(["report", "roadmap.toml", "-o"])
        .arg(&pdf)
        .env("PATH", dir.path())
        .env_remove("ROADMAP_BROWSER")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot write a PDF"), "{stderr}");
    assert!(stderr.contains("chromium"), "{stderr}");
    assert!(!pdf.exists());
}
