//! The CI recipes in examples/ci/ work: the pre-commit hook blocks a broken roadmap and lets a
//! good one through, and the workflow's command finds roadmap files and reports on them.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Where the built `roadmap` binary is, to put on the hook's PATH.
fn bin_dir() -> PathBuf {
    assert_cmd::cargo::cargo_bin("roadmap")
        .parent()
        .unwrap()
        .to_path_buf()
}

fn path_with_roadmap() -> std::ffi::OsString {
    let mut paths = vec![bin_dir()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).unwrap()
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(["-c", "user.name=test", "-c", "user.email=test@example.org"])
        .args(args)
        .current_dir(dir)
        .env("PATH", path_with_roadmap())
        .output()
        .unwrap()
}

#[test]
fn pre_commit_hook_blocks_a_broken_roadmap() {
    if !support::tool_present(
        support::runs("git") && support::runs("bash"),
        "git or bash",
        "apt-get install -y git bash",
    ) {
        return;
    }
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    assert!(git(dir, &["init", "-q"]).status.success());
    let hook = dir.join(".git/hooks/pre-commit");
    std::fs::copy("examples/ci/pre-commit", &hook).unwrap();

    let good = roadmap::commands::init::TEMPLATE;
    std::fs::write(dir.join("plan.toml"), good).unwrap();
    std::fs::write(dir.join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    git(dir, &["add", "."]);
    let output = git(dir, &["commit", "-q", "-m", "good"]);
    assert!(output.status.success(), "{output:?}");

    let broken = good.replacen("lead       = \"city-hall\"", "lead       = \"nobody\"", 1);
    assert_ne!(broken, good);
    std::fs::write(dir.join("plan.toml"), broken).unwrap();
    git(dir, &["add", "plan.toml"]);
    // The working copy is fixed again, but the staged version is what counts.
    std::fs::write(dir.join("plan.toml"), good).unwrap();
    let output = git(dir, &["commit", "-q", "-m", "broken"]);
    assert!(
        !output.status.success(),
        "the hook let a broken roadmap through"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("plan.toml:"), "{stderr}");
    assert!(stderr.contains("error[E006]"), "{stderr}");
}

#[test]
fn workflow_command_finds_and_reports_roadmap_files() {
    if !support::tool_present(
        support::runs("git") && support::runs("bash"),
        "git or bash",
        "apt-get install -y git bash",
    ) {
        return;
    }
    let workflow = std::fs::read_to_string("examples/ci/roadmap.yml").unwrap();
    // The `run:` block of the validate step, unindented.
    let script: String = workflow
        .split("- name: Validate roadmaps\n        run: |\n")
        .nth(1)
        .expect("the workflow has a 'Validate roadmaps' step")
        .lines()
        .take_while(|line| line.is_empty() || line.starts_with("          "))
        .map(|line| format!("{}\n", line.trim_start_matches("          ")))
        .collect();
    assert!(script.contains("roadmap validate --format github --deny-warnings"));

    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    git(dir, &["init", "-q"]);
    std::fs::create_dir(dir.join("plans")).unwrap();
    let broken =
        roadmap::commands::init::TEMPLATE.replacen("kind = \"academia\"", "kind = \"college\"", 1);
    std::fs::write(dir.join("plans/city.toml"), broken).unwrap();
    std::fs::write(dir.join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    git(dir, &["add", "."]);

    let output = Command::new("bash")
        .args(["-euo", "pipefail", "-c", &script])
        .current_dir(dir)
        .env("PATH", path_with_roadmap())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("checking plans/city.toml"), "{stdout}");
    assert!(!stdout.contains("Cargo.toml"), "{stdout}");
    assert!(
        stdout.contains("::error file=plans/city.toml,line="),
        "{stdout}"
    );
}
