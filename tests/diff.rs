//! `roadmap diff`: two files, a git revision, and every output format.

use assert_cmd::Command;

mod support;

fn roadmap() -> Command {
    let mut cmd = Command::cargo_bin("roadmap").unwrap();
    cmd.args(["--color", "never"]);
    cmd
}

const OLD: &str = "examples/risk.toml";
const NEW: &str = "tests/fixtures/diff/risk-changed.toml";

fn json(old: &str, new: &str) -> serde_json::Value {
    support::stdout_json(roadmap().args(["diff", old, new, "--format", "json"]))
}

#[test]
fn a_plan_compared_with_itself_has_no_changes() {
    let diff = json(OLD, OLD);
    assert_eq!(diff["version"], 1);
    assert_eq!(diff["finish"]["slip_days"], 0);
    for key in ["added", "removed", "changed"] {
        assert_eq!(diff[key].as_array().unwrap().len(), 0, "{key}");
    }
    assert_eq!(diff["critical_path"]["changed"], false);
}

#[test]
fn added_changed_and_slipped_projects_are_found_both_ways() {
    let forward = json(OLD, NEW);
    assert_eq!(forward["added"][0]["id"], "evaluation");
    assert_eq!(forward["removed"].as_array().unwrap().len(), 0);
    let changed = forward["changed"].as_array().unwrap();
    let tender = changed.iter().find(|c| c["id"] == "tender").unwrap();
    assert_eq!(tender["fields"][0]["key"], "duration");
    assert_eq!(tender["finish"]["slip_days"], 61);
    let platform = changed.iter().find(|c| c["id"] == "platform").unwrap();
    assert_eq!(platform["fields"].as_array().unwrap().len(), 0);
    assert_eq!(platform["start"]["slip_days"], 61);
    assert_eq!(forward["finish"]["slip_days"], 91);
    assert_eq!(forward["critical_path"]["changed"], true);
    // Backwards: the same changes mirrored.
    let backward = json(NEW, OLD);
    assert_eq!(backward["removed"][0]["id"], "evaluation");
    assert_eq!(backward["finish"]["slip_days"], -91);
    let tender = backward["changed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "tender")
        .unwrap();
    assert_eq!(tender["fields"][0]["old"], forward_new(&forward, "tender"));
    assert_eq!(tender["finish"]["slip_days"], -61);
}

fn forward_new(diff: &serde_json::Value, id: &str) -> serde_json::Value {
    diff["changed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()["fields"][0]["new"]
        .clone()
}

fn snapshot(name: &str, args: &[&str]) {
    let output = roadmap().args(args).output().unwrap();
    support::assert_snapshot(name, &support::transcript(&output));
}

#[test]
fn snapshots_of_the_table_and_markdown() {
    snapshot("diff-table", &["diff", OLD, NEW, "--width", "100"]);
    snapshot("diff-markdown", &["diff", OLD, NEW, "--format", "markdown"]);
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

#[test]
fn a_git_revision_is_read_with_git_show() {
    if !support::tool_present(support::runs("git"), "git", "apt-get install -y git") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roadmap.toml");
    git(dir.path(), &["init", "-q"]);
    std::fs::copy(OLD, &file).unwrap();
    git(dir.path(), &["add", "roadmap.toml"]);
    git(dir.path(), &["commit", "-q", "-m", "old"]);
    std::fs::copy(NEW, &file).unwrap();
    let output = roadmap()
        .current_dir(dir.path())
        .args(["diff", "HEAD", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let diff: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(diff["old"], "HEAD:roadmap.toml");
    assert_eq!(diff["added"][0]["id"], "evaluation");
    // From another directory, naming the file.
    let output = roadmap()
        .args(["diff", "HEAD", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // A revision that does not exist: exit 2 with git's reason.
    roadmap()
        .current_dir(dir.path())
        .args(["diff", "no-such-revision"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no-such-revision"));
}
