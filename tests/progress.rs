//! Recorded progress and `--as-of`: done work stays put, the rest is planned from the day.

use assert_cmd::Command;

mod support;

fn plan(args: &[&str]) -> serde_json::Value {
    support::stdout_json(
        Command::cargo_bin("roadmap")
            .unwrap()
            .args(["plan", "examples/progress.toml", "--format", "json"])
            .args(args),
    )
}

fn dates(plan: &serde_json::Value, id: &str) -> (String, String) {
    let p = plan["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap();
    (
        p["start"].as_str().unwrap().to_string(),
        p["finish"].as_str().unwrap().to_string(),
    )
}

#[test]
fn without_as_of_only_recorded_dates_count() {
    let plan = plan(&[]);
    let d = |id| dates(&plan, id);
    assert_eq!(
        d("requirements"),
        ("2026-01-05".into(), "2026-03-20".into())
    );
    // In progress: its actual start and its whole planned duration (6 months).
    assert_eq!(d("tender"), ("2026-03-23".into(), "2026-09-22".into()));
    // Not started: as early as the plan allows, right after the actual finish.
    assert_eq!(d("data-portal").0, "2026-03-21");
}

#[test]
fn as_of_plans_the_remaining_work_from_that_day() {
    let plan = plan(&["--as-of", "2026-06-01"]);
    let d = |id| dates(&plan, id);
    assert_eq!(
        d("requirements"),
        ("2026-01-05".into(), "2026-03-20".into())
    );
    // 60% of 184 planned days = 111 days from 2026-06-01; the start stays the actual one.
    assert_eq!(d("tender"), ("2026-03-23".into(), "2026-09-19".into()));
    // Nothing new starts before the as-of day.
    assert_eq!(d("data-portal").0, "2026-06-01");
    for p in plan["projects"].as_array().unwrap() {
        if p["id"] != "requirements" && p["id"] != "tender" {
            assert!(p["start"].as_str().unwrap() >= "2026-06-01", "{}", p["id"]);
        }
    }
}

#[test]
fn risk_keeps_done_work_fixed() {
    let output = Command::cargo_bin("roadmap")
        .unwrap()
        .args(["risk", "examples/progress.toml", "--as-of", "2026-06-01"])
        .args(["--runs", "500", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let risk: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let requirements = &risk["projects"][0];
    assert_eq!(requirements["id"], "requirements");
    assert_eq!(requirements["finish"]["p50"], "2026-03-20");
    assert_eq!(requirements["finish"]["p95"], "2026-03-20");
    let tender = &risk["projects"][1];
    assert_ne!(tender["finish"]["p50"], tender["finish"]["p95"]);
}
