//! Capacity over time (`changes`) and effort-based durations end to end: the plan, the
//! reports, scenarios, the MSPDI round trip, and the messages of the broken files.

mod support;

use assert_cmd::Command;
use serde_json::Value;

const ROADMAP: &str = r#"
[roadmap]
name = "Hiring"
start = 2024-01-01

[calendar]
workdays = ["mon", "tue", "wed", "thu", "fri"]
holidays = ["BG"]

[[actor]]
id = "city"
name = "City"

[[resource]]
id = "team"
capacity = 2
changes = [{ from = 2024-07-01, capacity = 4 }, { from = 2025-07-01, capacity = 1 }]

[[project]]
id = "portal"
lead = "city"
effort = { team = "6 person-months" }
resources = { team = 2 }

[[project]]
id = "registry"
lead = "city"
duration = "40 wd"
resources = { team = 3 }

[[project]]
id = "survey"
lead = "city"
effort = { team = "30 person-days" }
resources = { team = 1 }

[[scenario]]
id = "late-hire"
changes = { team = [{ from = 2025-01-01, capacity = 4 }] }
effort = { portal = { team = "12 person-months" } }

[[scenario]]
id = "four-day-week"
calendar = { workdays = ["mon", "tue", "wed", "thu"], holidays = ["BG"] }
"#;

fn run_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("roadmap")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn with_roadmap(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("roadmap.toml"), text).unwrap();
    dir
}

fn json(dir: &std::path::Path, args: &[&str]) -> Value {
    let out = run_in(dir, args);
    assert!(out.status.success(), "{}", support::transcript(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn project<'a>(plan: &'a Value, id: &str) -> &'a Value {
    plan["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap()
}

#[test]
fn work_that_needs_the_hire_waits_for_it_and_effort_gives_durations() {
    let dir = with_roadmap(ROADMAP);
    let plan = json(dir.path(), &["plan", "--format", "json"]);
    // 3 of the team exist only from 2024-07-01 (a Monday, a working day).
    let registry = project(&plan, "registry");
    assert_eq!(registry["start"], "2024-07-01");
    assert_eq!(registry["held_back"]["by"], "capacity");
    assert_eq!(registry["held_back"]["resource"], "team");
    // 6 person-months at 2 is 3 months; 30 person-days at 1 is 30 working days.
    let portal = project(&plan, "portal");
    assert_eq!(portal["duration"], "3m");
    assert_eq!(portal["effort"]["team"], "6 person-months");
    assert_eq!(project(&plan, "survey")["duration"], "30wd");
    // Projects with a written duration have no `effort` key.
    assert!(registry.get("effort").is_none());
    let team = &plan["resources"][0];
    assert_eq!(team["capacity_changes"][0]["from"], "2024-07-01");
    assert_eq!(team["capacity_changes"][1]["capacity"], 1.0);

    let resources = json(dir.path(), &["resources", "--format", "json"]);
    let months = resources["resources"][0]["months"].as_array().unwrap();
    assert_eq!(months[0]["capacity"], 2.0);
    let july = months.iter().find(|m| m["month"] == "2024-07").unwrap();
    assert_eq!(july["capacity"], 4.0);
    // Every month's use is a share of that month's capacity: never above it.
    assert!(
        months
            .iter()
            .all(|m| m["utilisation"].as_f64().unwrap() <= 1.0)
    );
    // 3 of 4 in use over July: 75 %.
    assert_eq!(july["utilisation"], 0.75);
}

#[test]
fn the_terminal_resources_view_lists_the_steps() {
    let dir = with_roadmap(ROADMAP);
    let out = run_in(dir.path(), &["resources", "--width", "80"]);
    assert!(out.status.success(), "{}", support::transcript(&out));
    support::assert_snapshot(
        "capacity-resources",
        &String::from_utf8(out.stdout).unwrap(),
    );
}

#[test]
fn a_scenario_moves_the_hire_and_changes_the_effort() {
    let dir = with_roadmap(ROADMAP);
    let plan = json(
        dir.path(),
        &["plan", "--format", "json", "--scenario", "late-hire"],
    );
    let registry = project(&plan, "registry");
    assert_eq!(registry["start"], "2025-01-02"); // 2025-01-01 is a public holiday
    assert_eq!(project(&plan, "portal")["duration"], "6m");
    assert_eq!(
        project(&plan, "portal")["effort"]["team"],
        "12 person-months"
    );
}

#[test]
fn a_scenario_can_change_the_calendar() {
    let dir = with_roadmap(ROADMAP);
    let base = json(dir.path(), &["plan", "--format", "json"]);
    let short = json(
        dir.path(),
        &["plan", "--format", "json", "--scenario", "four-day-week"],
    );
    // 30 working days from 2024-01-02: to 2024-02-12 on five days a week, later on four.
    assert_eq!(project(&base, "survey")["finish"], "2024-02-12");
    assert_eq!(project(&short, "survey")["start"], "2024-01-02");
    assert_eq!(project(&short, "survey")["finish"], "2024-02-21");
}

#[test]
fn mspdi_carries_the_capacity_steps_there_and_back() {
    let dir = with_roadmap(ROADMAP);
    let out = run_in(
        dir.path(),
        &["export", "--format", "mspdi", "-o", "plan.xml"],
    );
    assert!(out.status.success(), "{}", support::transcript(&out));
    let xml = std::fs::read_to_string(dir.path().join("plan.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let periods: Vec<(String, String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("AvailabilityPeriod"))
        .map(|p| {
            let text = |name: &str| {
                p.children()
                    .find(|c| c.has_tag_name(name))
                    .and_then(|c| c.text())
                    .unwrap()
                    .to_string()
            };
            (
                text("AvailableFrom"),
                text("AvailableTo"),
                text("AvailableUnits"),
            )
        })
        .collect();
    assert_eq!(
        periods,
        [
            ("2024-01-01T00:00:00", "2024-06-30T23:59:00", "2.00"),
            ("2024-07-01T00:00:00", "2025-06-30T23:59:00", "4.00"),
            ("2025-07-01T00:00:00", "2049-12-31T23:59:00", "1.00"),
        ]
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );
    let out = run_in(dir.path(), &["import", "plan.xml", "-o", "back.toml"]);
    assert!(out.status.success(), "{}", support::transcript(&out));
    let back = std::fs::read_to_string(dir.path().join("back.toml")).unwrap();
    assert!(
        back.contains(
            "capacity = 2\nchanges = [{ from = 2024-07-01, capacity = 4 }, { from = 2025-07-01, capacity = 1 }]\n"
        ),
        "{back}"
    );
}

#[test]
fn risk_and_diff_plan_with_the_same_capacities() {
    let dir = with_roadmap(ROADMAP);
    let out = run_in(dir.path(), &["risk", "--runs", "50", "--format", "json"]);
    assert!(out.status.success(), "{}", support::transcript(&out));
    let flat = ROADMAP.replace(
        "changes = [{ from = 2024-07-01, capacity = 4 }, { from = 2025-07-01, capacity = 1 }]",
        "changes = [{ from = 2024-03-01, capacity = 4 }]",
    );
    std::fs::write(dir.path().join("earlier.toml"), flat).unwrap();
    let out = run_in(dir.path(), &["diff", "roadmap.toml", "earlier.toml"]);
    assert!(out.status.success(), "{}", support::transcript(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    // The registry moves from the July hire to the March one.
    assert!(text.contains("registry"), "{text}");
    assert!(text.contains("2024-03-01"), "{text}");
}

/// The message of every broken file about capacity steps and effort, as people read it.
#[test]
fn the_findings_on_steps_and_effort_read_well() {
    let mut names: Vec<_> = std::fs::read_dir("tests/broken")
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| {
            n.ends_with(".toml")
                && (n.contains("capacity-step")
                    || n.contains("effort")
                    || n.starts_with("E008-over-every-step")
                    || n.starts_with("E008-no-room"))
        })
        .collect();
    names.sort();
    assert!(names.len() >= 9, "{names:?}");
    let mut all = String::new();
    for name in names {
        let out = Command::cargo_bin("roadmap")
            .unwrap()
            .args(["validate", "--color", "never"])
            .arg(format!("tests/broken/{name}"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        all.push_str(&format!(
            "== {name}\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    support::assert_snapshot("capacity-effort-findings", &all);
}
