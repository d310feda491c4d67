//! Snapshots of what people read: the plan table and timeline and every report, at a fixed
//! width without colour, on the bundled roadmap and on examples. Expected output lives in
//! `tests/snapshots/*.txt`; run with `UPDATE_SNAPSHOTS=1` to rewrite them after a deliberate
//! change, then review the diff.

use assert_cmd::Command;

mod support;

fn run(args: &[&str]) -> String {
    let output = Command::cargo_bin("roadmap")
        .unwrap()
        .args(args)
        .env_remove("COLUMNS")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "roadmap {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn snapshot(name: &str, args: &[&str]) {
    support::assert_snapshot(name, &run(args));
}

const PLAIN: [&str; 4] = ["--width", "100", "--color", "never"];

fn plain<'a>(args: &[&'a str]) -> Vec<&'a str> {
    args.iter().copied().chain(PLAIN).collect()
}

#[test]
fn plan_table_and_timeline() {
    snapshot("plan-roadmap", &plain(&["plan", "roadmap.toml"]));
    snapshot(
        "plan-resources-example",
        &plain(&["plan", "examples/resources.toml"]),
    );
}

#[test]
fn actors_report() {
    snapshot("actors-roadmap", &plain(&["actors", "roadmap.toml"]));
    snapshot(
        "actors-resources-example",
        &plain(&["actors", "examples/resources.toml"]),
    );
    snapshot(
        "actors-roadmap-csv",
        &["actors", "roadmap.toml", "--format", "csv"],
    );
}

#[test]
fn funding_report() {
    snapshot("funding-roadmap", &plain(&["funding", "roadmap.toml"]));
    snapshot(
        "funding-windows-example",
        &plain(&["funding", "examples/funding-windows.toml"]),
    );
    snapshot(
        "funding-roadmap-csv",
        &["funding", "roadmap.toml", "--format", "csv"],
    );
}

#[test]
fn resources_report() {
    snapshot("resources-roadmap", &plain(&["resources", "roadmap.toml"]));
    snapshot(
        "resources-roadmap-wide-ascii",
        &[
            "resources",
            "roadmap.toml",
            "--width",
            "140",
            "--color",
            "never",
            "--ascii",
        ],
    );
    snapshot(
        "resources-example",
        &plain(&["resources", "examples/resources.toml"]),
    );
    snapshot(
        "resources-roadmap-json",
        &["resources", "roadmap.toml", "--format", "json"],
    );
}

#[test]
fn order_report() {
    snapshot("order-roadmap", &plain(&["order", "roadmap.toml"]));
    snapshot(
        "order-dependency-types-example",
        &plain(&["order", "examples/dependency-types.toml"]),
    );
    snapshot(
        "order-roadmap-csv",
        &["order", "roadmap.toml", "--format", "csv"],
    );
}

#[test]
fn markers_for_gaps_and_idle_actors() {
    let file = "tests/fixtures/gaps.toml";
    snapshot("gaps-funding", &plain(&["funding", file]));
    snapshot("gaps-funding-ascii", &plain(&["funding", file, "--ascii"]));
    snapshot("gaps-actors", &plain(&["actors", file]));
    snapshot("gaps-actors-csv", &["actors", file, "--format", "csv"]);
    snapshot("gaps-funding-json", &["funding", file, "--format", "json"]);
}

#[test]
fn text_exports() {
    snapshot(
        "export-mermaid",
        &["export", "roadmap.toml", "--format", "mermaid"],
    );
    snapshot(
        "export-dot",
        &[
            "export",
            "examples/dependency-types.toml",
            "--format",
            "dot",
        ],
    );
}

#[test]
fn reports_are_byte_identical_across_runs() {
    for report in ["actors", "funding", "resources", "order"] {
        let args = ["--format", "json", report, "roadmap.toml"];
        let args = [args[2], args[3], args[0], args[1]];
        assert_eq!(run(&args), run(&args), "{report}");
    }
}

#[test]
fn rank_report() {
    snapshot("rank-roadmap", &plain(&["rank", "roadmap.toml"]));
    snapshot(
        "rank-roadmap-csv",
        &["rank", "roadmap.toml", "--format", "csv"],
    );
    snapshot(
        "rank-yearly-caps-json",
        &["rank", "examples/yearly-caps.toml", "--format", "json"],
    );
}

#[test]
fn funding_opportunities_and_yearly_caps() {
    let caps = "examples/yearly-caps.toml";
    snapshot("funding-yearly-caps", &plain(&["funding", caps]));
    snapshot(
        "opportunities-yearly-caps",
        &plain(&["funding", caps, "--opportunities"]),
    );
    snapshot(
        "opportunities-yearly-caps-csv",
        &["funding", caps, "--opportunities", "--format", "csv"],
    );
    snapshot(
        "opportunities-gaps",
        &plain(&["funding", "tests/fixtures/gaps.toml", "--opportunities"]),
    );
    snapshot(
        "opportunities-roadmap",
        &plain(&["funding", "roadmap.toml", "--opportunities"]),
    );
}
