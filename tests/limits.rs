//! Large and long roadmaps: planned whenever their plan fits before 9999-12-31, refused with
//! E011 at the first project that would pass it otherwise. Generated in the test.

#[path = "../benches/support/portfolio.rs"]
mod portfolio;

use assert_cmd::Command;

fn roadmap() -> Command {
    Command::cargo_bin("roadmap").unwrap()
}

fn write(dir: &tempfile::TempDir, text: &str) -> std::path::PathBuf {
    let path = dir.path().join("roadmap.toml");
    std::fs::write(&path, text).unwrap();
    path
}

const HEAD: &str = "[roadmap]\nname = \"Far\"\nstart = 9000-01-01\n\n[[actor]]\nid = \"a\"\n";

fn project(id: &str, duration: &str, depends_on: &str) -> String {
    format!(
        "\n[[project]]\nid = \"{id}\"\nduration = \"{duration}\"\nlead = \"a\"\ndepends_on = [{depends_on}]\n"
    )
}

#[test]
fn a_plan_past_9999_is_refused_at_the_first_project_to_pass_it() {
    let dir = tempfile::tempdir().unwrap();
    // x then y, 600 years each from 9000: y is the one that would end after 9999-12-31.
    let text = format!(
        "{HEAD}{}{}",
        project("x", "600 years", ""),
        project("y", "600 years", "\"x\"")
    );
    let file = write(&dir, &text);
    let output = roadmap().arg("plan").arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("E011"), "{stderr}");
    assert!(stderr.contains("`y` starts 9600-01-01"), "{stderr}");
    // The finding points at y's duration: line 16 of the file.
    assert!(stderr.contains("roadmap.toml:16:12"), "{stderr}");
}

#[test]
fn durations_that_add_up_past_9999_are_planned_when_the_plan_fits() {
    let dir = tempfile::tempdir().unwrap();
    // Side by side, the two fit easily; one after another they would not.
    let text = format!(
        "{HEAD}{}{}",
        project("x", "600 years", ""),
        project("y", "600 years", "")
    );
    let file = write(&dir, &text);
    roadmap().arg("plan").arg(&file).assert().success();
}

/// A generated portfolio whose durations add up to about 45,000 years but whose plan takes a
/// few decades (its critical path runs through layers of 40 projects).
#[test]
fn a_large_portfolio_is_planned_not_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, &portfolio::portfolio_toml(20_000, false));
    let output = roadmap()
        .args(["plan", "--format", "csv"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let csv = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        csv.lines().count(),
        20_001,
        "one row per project and a header"
    );
}

/// Projects queueing for one resource of capacity 1 run back to back (the schedule pass jumps
/// over the busy stretch instead of walking it: see `benches/whole.rs` for the timing).
#[test]
fn projects_queueing_for_one_resource_run_back_to_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, &portfolio::one_pool_toml(5_000, 2));
    let output = roadmap()
        .args(["plan", "--format", "json", "--effort", "fast"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success());
    let plan: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // 5,000 x 2 days from 2025-01-01: the last day is day 9,999.
    assert_eq!(plan["roadmap"]["days"], 10_000);
    assert_eq!(plan["roadmap"]["lower_bound"]["days_longer"], 0);
}
