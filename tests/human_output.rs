//! Pins the human output of representative findings: what a person sees in the terminal.
//! Run with `UPDATE_SNAPSHOTS=1` to rewrite the expected files after an intended change.

use assert_cmd::Command;

mod support;

/// Compares the run with its snapshot and returns the transcript, for further checks.
fn check_snapshot(name: &str, args: &[&str]) -> String {
    let output = Command::cargo_bin("roadmap")
        .unwrap()
        .args(args)
        .args(["--color", "never"])
        .output()
        .unwrap();
    let transcript = support::transcript(&output);
    support::assert_snapshot(name, &transcript);
    transcript
}

#[test]
fn unknown_reference_with_suggestion() {
    let transcript = check_snapshot(
        "unknown-reference",
        &["validate", "tests/broken/E006-dependency.toml"],
    );
    assert!(
        transcript.contains("help: did you mean `portal`?"),
        "{transcript}"
    );
}

#[test]
fn dependency_cycle_names_the_path() {
    check_snapshot(
        "dependency-cycle",
        &["validate", "tests/broken/E007-three-cycle.toml"],
    );
}

#[test]
fn misspelt_key_suggests_the_right_one() {
    check_snapshot(
        "unknown-key",
        &["validate", "tests/broken/E002-dependson.toml"],
    );
}

#[test]
fn missed_deadline_explains_what_holds_it_back() {
    check_snapshot("missed-deadline", &["validate", "examples/deadlines.toml"]);
}

#[test]
fn valid_roadmap_summary() {
    check_snapshot("valid-summary", &["validate", "roadmap.toml"]);
}

#[test]
fn yearly_cap_findings_name_the_projects_sources_and_years() {
    check_snapshot(
        "yearly-caps-findings",
        &["validate", "examples/yearly-caps.toml"],
    );
    check_snapshot(
        "over-yearly-cap",
        &["validate", "tests/broken/W008-over-yearly-cap.toml"],
    );
    check_snapshot(
        "co-financing-findings",
        &["validate", "tests/broken/E013-max-share.toml"],
    );
}
