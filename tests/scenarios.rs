//! `[[scenario]]`, `plan --scenario` and `roadmap compare`.

use assert_cmd::Command;

mod support;

fn roadmap() -> Command {
    let mut cmd = Command::cargo_bin("roadmap").unwrap();
    cmd.args(["--color", "never"]);
    cmd
}

fn json(args: &[&str]) -> serde_json::Value {
    support::stdout_json(roadmap().args(args))
}

#[test]
fn compare_lists_the_baseline_and_every_scenario() {
    let value = json(&["compare", "examples/scenarios.toml", "--format", "json"]);
    let scenarios = value["scenarios"].as_array().unwrap();
    let ids: Vec<_> = scenarios
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "baseline",
            "erdf-late",
            "erdf-halved",
            "small-team",
            "slow-tender"
        ]
    );
    assert_eq!(scenarios[0]["slip_days"], 0);
    // A window opening a year later delays what it pays for.
    assert!(scenarios[1]["slip_days"].as_i64().unwrap() > 0);
    // Halving a source leaves its projects' costs uncovered.
    assert_eq!(scenarios[2]["uncovered_cost"], 800_000.0);
    assert!(scenarios[4]["slipped"].as_array().unwrap().len() >= 3);
}

#[test]
fn plan_with_a_scenario_matches_its_column_in_compare() {
    let compare = json(&["compare", "examples/scenarios.toml", "--format", "json"]);
    for scenario in compare["scenarios"].as_array().unwrap().iter().skip(1) {
        let id = scenario["id"].as_str().unwrap();
        let plan = json(&[
            "plan",
            "examples/scenarios.toml",
            "--scenario",
            id,
            "--format",
            "json",
        ]);
        assert_eq!(plan["roadmap"]["finish"], scenario["finish"], "{id}");
    }
    // Without a scenario the plan is the baseline, the same as the roadmap without scenarios.
    let base = json(&["plan", "examples/scenarios.toml", "--format", "json"]);
    let risk = json(&["plan", "examples/risk.toml", "--format", "json"]);
    assert_eq!(base["projects"], risk["projects"]);
}

#[test]
fn an_unknown_scenario_is_a_usage_error() {
    roadmap()
        .args(["plan", "examples/scenarios.toml", "--scenario", "nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("erdf-late, erdf-halved"));
}

#[test]
fn snapshot_of_compare() {
    let output = roadmap()
        .args(["compare", "examples/scenarios.toml", "--width", "100"])
        .output()
        .unwrap();
    support::assert_snapshot("compare-scenarios", &support::transcript(&output));
}

#[test]
fn plan_under_a_scenario_reports_the_funding_gaps_it_opens() {
    let run = |args: &[&str]| {
        let output = assert_cmd::Command::cargo_bin("roadmap")
            .unwrap()
            .args([
                "plan",
                "examples/scenarios.toml",
                "--format",
                "csv",
                "--color",
                "never",
            ])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8(output.stderr).unwrap()
    };
    assert!(!run(&[]).contains("W002"));
    let halved = run(&["--scenario", "erdf-halved"]);
    assert!(
        halved.contains(
            "warning[W002]: `platform` costs 1,500,000 EUR but its funding covers 900,000"
        ),
        "{halved}"
    );
}

#[test]
fn a_scenario_gets_the_findings_of_every_rule_it_breaks() {
    let file = "tests/fixtures/scenarios-break-rules.toml";
    for (scenario, code, exit) in [
        ("small", "E014", 1),
        ("big-share", "E013", 1),
        ("rush", "W008", 0),
        ("slow", "W005", 0),
    ] {
        let output = roadmap()
            .args(["plan", file, "--scenario", scenario])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(code), "{scenario}: {stderr}");
        assert_eq!(output.status.code(), Some(exit), "{scenario}: {stderr}");
    }
    // compare checks each scenario the same way: the broken ones are named with their
    // findings and left out of the table; the command fails.
    let output = roadmap()
        .args(["compare", file, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("scenario `small` (has errors, not planned):"),
        "{stderr}"
    );
    for code in ["E014", "E013", "W008", "W005"] {
        assert!(stderr.contains(code), "{code}: {stderr}");
    }
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let ids: Vec<_> = value["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["baseline", "rush", "slow"]);
}
