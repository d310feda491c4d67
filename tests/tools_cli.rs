//! `init`, `completions` and `man` end to end.

use assert_cmd::Command;
use predicates::prelude::*;

mod support;

fn roadmap() -> Command {
    let mut cmd = Command::cargo_bin("roadmap").unwrap();
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

#[test]
fn init_writes_a_roadmap_that_validates_clean() {
    let dir = tempfile::tempdir().unwrap();
    roadmap()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("wrote roadmap.toml"));
    let written = std::fs::read_to_string(dir.path().join("roadmap.toml")).unwrap();
    assert!(written.starts_with("#:schema ./roadmap.schema.json\n"));
    roadmap()
        .current_dir(dir.path())
        .args(["validate", "--deny-warnings", "--format", "json"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains(r#""findings":[]"#)
                .or(predicate::str::contains(r#""findings": []"#)),
        );
    // Nothing but the roadmap is left behind (no temporary file).
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["roadmap.toml"]);
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, "# mine\n").unwrap();
    roadmap()
        .arg("init")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "already exists; use --force to replace it",
        ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
    roadmap()
        .arg("init")
        .arg(&path)
        .arg("--force")
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("#:schema")
    );
}

#[test]
fn init_into_a_directory_writes_roadmap_toml_there() {
    let dir = tempfile::tempdir().unwrap();
    roadmap().arg("init").arg(dir.path()).assert().success();
    assert!(dir.path().join("roadmap.toml").is_file());
}

#[test]
fn init_prints_to_stdout_with_dash_or_flag() {
    let template = roadmap::commands::init::TEMPLATE;
    roadmap()
        .args(["init", "-"])
        .assert()
        .success()
        .stdout(template);
    roadmap()
        .args(["init", "--stdout"])
        .assert()
        .success()
        .stdout(template);
}

#[test]
fn init_reports_a_directory_it_cannot_write_to() {
    let dir = tempfile::tempdir().unwrap();
    roadmap()
        .arg("init")
        .arg(dir.path().join("missing").join("roadmap.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing does not exist"));
    let file = dir.path().join("file");
    std::fs::write(&file, "").unwrap();
    roadmap()
        .arg("init")
        .arg(file.join("roadmap.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a directory"));
}

#[cfg(unix)]
#[test]
fn init_reports_a_read_only_directory() {
    let (_dir, read_only) = support::read_only_dir();
    support::roadmap_unprivileged()
        .arg("init")
        .arg(read_only.join("roadmap.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot create a file in"))
        .stderr(predicate::str::contains("Permission denied"))
        .stderr(predicate::str::contains(".tmp").not());
}

#[test]
fn completions_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = roadmap().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for subcommand in ["plan", "validate", "init", "schema", "completions"] {
            assert!(
                script.contains(subcommand),
                "{shell} completions lack {subcommand}"
            );
        }
    }
    roadmap().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page_is_roff_and_hidden_from_help() {
    roadmap()
        .arg("man")
        .assert()
        .success()
        // clap_mangen starts with a two-line quote-character preamble, then the title.
        .stdout(predicate::str::is_match(r"\A(\.(ie|el) .*\n)*\.TH roadmap 1 ").unwrap())
        .stdout(predicate::str::contains("validate"));
    roadmap()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("completions"))
        .stdout(predicate::str::contains("\n  man ").not());
}

#[test]
fn every_subcommand_help_has_examples() {
    for subcommand in ["plan", "validate", "init", "schema", "completions", "man"] {
        roadmap()
            .args([subcommand, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:\n  roadmap "));
    }
}
