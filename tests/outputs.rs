//! Output files: written whole or not at all, never over an existing file without --force,
//! never over the input, and devices are written into rather than replaced.

use assert_cmd::Command;
use predicates::prelude::*;

mod support;

fn roadmap() -> Command {
    Command::cargo_bin("roadmap").unwrap()
}

#[test]
fn writes_a_new_file_and_refuses_to_replace_it_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.csv");
    roadmap()
        .args(["plan", "--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.starts_with("id,name,priority,lead,"));

    std::fs::write(&out, "keep me").unwrap();
    roadmap()
        .args(["plan", "--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists; use --force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");

    roadmap()
        .args(["plan", "--format", "csv", "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), first);
    // No temporary files are left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn never_writes_over_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("roadmap.toml");
    std::fs::copy("roadmap.toml", &input).unwrap();
    roadmap()
        .arg("plan")
        .arg(&input)
        .args(["--force", "-o"])
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("over the input file"));
    assert_eq!(
        std::fs::read(&input).unwrap(),
        std::fs::read("roadmap.toml").unwrap()
    );
}

#[test]
fn a_missing_directory_is_an_io_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no/such/dir/plan.csv");
    roadmap()
        .args(["plan", "--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write"));
    assert!(!out.exists());
}

#[test]
fn devices_are_written_into_not_replaced() {
    roadmap()
        .args(["plan", "--format", "csv", "-o", "/dev/null"])
        .assert()
        .success();
    let metadata = std::fs::metadata("/dev/null").unwrap();
    assert!(!metadata.is_file(), "/dev/null was replaced by a file");
}

#[test]
fn invalid_roadmap_writes_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.csv");
    roadmap()
        .args([
            "plan",
            "tests/broken/E006-lead.toml",
            "--format",
            "csv",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(1);
    assert!(!out.exists());
}

#[test]
fn plan_output_is_byte_identical_across_runs() {
    let run = || {
        roadmap()
            .args([
                "plan",
                "examples/portfolio.toml",
                "--format",
                "json",
                "--effort",
                "fast",
            ])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn csv_has_the_contract_columns_and_dates() {
    let output = roadmap()
        .args(["plan", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    for column in ["id", "name", "start", "finish", "slack_days", "critical"] {
        assert!(headers.iter().any(|h| h == column), "missing {column}");
    }
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 28);
    for row in &rows {
        chrono::NaiveDate::parse_from_str(&row[6], "%Y-%m-%d").unwrap();
        chrono::NaiveDate::parse_from_str(&row[7], "%Y-%m-%d").unwrap();
    }
}

#[test]
fn a_full_disk_is_an_io_error() {
    roadmap()
        .args(["plan", "--format", "csv", "-o", "/dev/full"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write /dev/full"))
        .stderr(predicate::str::contains("No space left on device"));
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_is_an_io_error_and_leaves_nothing() {
    let (_dir, read_only) = support::read_only_dir();
    let roadmap_file = std::fs::canonicalize("roadmap.toml").unwrap();
    let out = read_only.join("plan.csv");
    support::roadmap_unprivileged()
        .arg("plan")
        .arg(&roadmap_file)
        .args(["--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write"))
        .stderr(predicate::str::contains("ermission denied"));
    assert_eq!(std::fs::read_dir(&read_only).unwrap().count(), 0);
}
