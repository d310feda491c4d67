//! Every figure a planner reads is true, and every view agrees with the others (issue 11).

mod support;

use assert_cmd::Command;
use serde_json::Value;

fn roadmap() -> Command {
    Command::cargo_bin("roadmap").unwrap()
}

fn plan_json(path: &str, extra: &[&str]) -> Value {
    support::stdout_json(
        roadmap()
            .args(["plan", path, "--format", "json"])
            .args(extra),
    )
}

fn project<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no project {id}"))
}

const DUE: &str = "tests/fixtures/views/due-dates.toml";

#[test]
fn slack_counts_to_deadlines_and_funding_windows() {
    let json = plan_json(DUE, &[]);
    // `due` ends 2030-01-10 with a deadline of 2030-01-31: 21 days, not the 355 to the plan's end.
    assert_eq!(project(&json, "due")["total_slack"], 21);
    assert_eq!(project(&json, "due")["late_start"], "2030-01-22");
    // `paid` ends exactly when its grant's window closes, and so does its prerequisite `prep`
    // through the backward pass: both critical.
    for id in ["paid", "prep"] {
        assert_eq!(project(&json, id)["total_slack"], 0, "{id}");
        assert_eq!(project(&json, id)["critical"], true, "{id}");
    }
    // CSV and the table say the same.
    let csv = roadmap()
        .args(["plan", DUE, "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let slack = header.iter().position(|&h| h == "slack_days").unwrap();
    let critical = header.iter().position(|&h| h == "critical").unwrap();
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let id = cells[0];
        assert_eq!(
            cells[slack],
            project(&json, id)["total_slack"].to_string(),
            "{id}"
        );
        assert_eq!(
            cells[critical],
            project(&json, id)["critical"].to_string(),
            "{id}"
        );
    }
    let table = roadmap()
        .args(["plan", DUE, "--width", "120"])
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    let row = table.lines().find(|l| l.contains("│ due ")).unwrap();
    assert!(row.contains(" 21d "), "{row}");
}

#[test]
fn the_bundled_roadmap_has_no_slack_past_a_deadline() {
    let json = plan_json("roadmap.toml", &[]);
    for p in json["projects"].as_array().unwrap() {
        let Some(deadline) = p["deadline"].as_str() else {
            continue;
        };
        let late_finish =
            chrono::NaiveDate::parse_from_str(p["finish"].as_str().unwrap(), "%Y-%m-%d").unwrap()
                + chrono::Days::new(p["total_slack"].as_u64().unwrap());
        let deadline = chrono::NaiveDate::parse_from_str(deadline, "%Y-%m-%d").unwrap();
        assert!(
            late_finish <= deadline,
            "{}: slack past {deadline}",
            p["id"]
        );
    }
}

#[test]
fn every_critical_chain_runs_to_the_end_and_matches_the_flags() {
    for path in [
        "roadmap.toml",
        DUE,
        "examples/resources.toml",
        "examples/deadlines.toml",
    ] {
        let json = plan_json(path, &[]);
        let chains = json["critical_chains"].as_array().unwrap();
        assert_eq!(
            json["critical_chain_count"].as_u64().unwrap(),
            chains.len() as u64,
            "{path}"
        );
        let on_chain = |id: &str| {
            chains
                .iter()
                .any(|c| c.as_array().unwrap().iter().any(|p| p == id))
        };
        for p in json["projects"].as_array().unwrap() {
            let id = p["id"].as_str().unwrap();
            assert_eq!(
                p["critical"].as_bool().unwrap(),
                on_chain(id),
                "{path}: {id}"
            );
        }
        // The first chain ends with a project that finishes the plan.
        let last = chains[0]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .as_str()
            .unwrap();
        assert_eq!(
            project(&json, last)["finish"],
            json["roadmap"]["finish"],
            "{path}"
        );
        assert_eq!(json["critical_path"], chains[0], "{path}");
    }
    // The bundled plan ends with its close-out milestone: every chain reaches it.
    let json = plan_json("roadmap.toml", &[]);
    for chain in json["critical_chains"].as_array().unwrap() {
        assert_eq!(
            chain.as_array().unwrap().last().unwrap(),
            "ms4-close-out-review"
        );
    }
    // The human summary says how many chains there are.
    let out = roadmap()
        .args(["plan", DUE, "--width", "200"])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("2 critical chains: long; prep → paid"),
        "{out}"
    );
}

#[test]
fn as_of_plans_the_remaining_work_in_every_command() {
    let file = "examples/progress.toml";
    let as_of = ["--as-of", "2026-09-01"];
    let planned = plan_json(file, &as_of);
    let finish = planned["roadmap"]["finish"].as_str().unwrap().to_string();
    // Planned from 2026-09-01, the plan ends later than on the recorded dates alone.
    assert_ne!(plan_json(file, &[])["roadmap"]["finish"], finish.as_str());
    let exported = support::stdout_json(
        roadmap()
            .args(["export", file, "--format", "json"])
            .args(as_of),
    );
    assert_eq!(exported["roadmap"]["finish"], finish.as_str());
    assert_eq!(exported["projects"], planned["projects"]);
    let csv = |command: &str| {
        let out = roadmap()
            .args([command, file, "--format", "csv"])
            .args(as_of)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(csv("export"), csv("plan"));
    // The shared report says the same, and where the work stands.
    let out = roadmap()
        .args(["report", file])
        .args(as_of)
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains(&format!(
        "Plan from 2026-01-05 to {finish}, as of 2026-09-01"
    )));
    assert!(
        html.contains("<h3>Progress as of 2026-09-01</h3>"),
        "no progress section"
    );
    assert!(html.contains("<td>in progress</td>"));
    assert!(html.contains("<td>40 %</td>"));
    assert!(html.contains("<td>done</td>"));
    // The JSON export says it too.
    let statuses: Vec<&str> = planned["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert!(statuses.contains(&"done") && statuses.contains(&"in-progress"));
}

/// The due-dates fixture with `old` replaced by `new`, written to a temporary file.
fn variant(old: &str, new: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let text = std::fs::read_to_string(DUE).unwrap();
    assert!(text.contains(old), "{old}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.toml");
    std::fs::write(&path, text.replacen(old, new, 1)).unwrap();
    (dir, path)
}

#[test]
fn a_value_that_failed_to_decode_feeds_no_later_check() {
    let (_dir, path) = variant("amount = 100\n", "amount = \"3 000 000\"\n");
    let out = roadmap().arg("validate").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("expected a number, found string"), "{text}");
    assert!(text.contains("3_000_000"), "no hint: {text}");
    assert!(!text.contains("E009"), "a false over-commitment: {text}");
    assert_eq!(text.matches("error[").count(), 1, "{text}");
    // A contribution that failed to decode makes no false funding gap either.
    let (_dir, path) = variant("funding = { grant = 100 }", "funding = { grant = \"100\" }");
    let out = roadmap().arg("validate").arg(&path).output().unwrap();
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(!text.contains("W002"), "a false funding gap: {text}");
    assert_eq!(text.matches("error[").count(), 1, "{text}");
}

#[test]
fn an_over_committed_source_names_who_commits_it() {
    let (_dir, path) = variant("amount = 100\n", "amount = 60\n");
    let out = roadmap().arg("validate").arg(&path).output().unwrap();
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(
        text.contains(
            "`grant` is committed 100 EUR across 1 project (`paid` 100) but has 60 EUR (40 over)"
        ),
        "{text}"
    );
    assert!(text.contains("`paid` commits 100 EUR"), "{text}");
}

#[test]
fn the_format_follows_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let written = |command: &[&str], name: &str| {
        let path = dir.path().join(name);
        let out = roadmap()
            .args(command)
            .arg("-o")
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(&path).unwrap()
    };
    let json = written(&["plan", DUE], "plan.json");
    serde_json::from_str::<Value>(&json).expect("plan -o plan.json writes JSON");
    let csv = written(&["plan", DUE], "plan.csv");
    assert!(csv.starts_with("id,name,"), "{csv}");
    let actors = written(&["actors", DUE], "actors.csv");
    assert!(!actors.contains('│'), "{actors}");
    let table = written(&["plan", DUE], "plan.txt");
    assert!(table.contains('│'));
    // A --format that contradicts the extension is a usage error naming both, and no file.
    for (command, flag, name) in [
        (vec!["plan", DUE], "csv", "plan.xlsx"),
        (vec!["plan", DUE], "json", "plan.csv"),
        (vec!["funding", DUE], "table", "funding.json"),
        (vec!["export", DUE], "csv", "plan.json"),
    ] {
        // A directory of its own: plan.csv above was written on purpose.
        let fresh = tempfile::tempdir().unwrap();
        let path = fresh.path().join(name);
        let out = roadmap()
            .args(&command)
            .args(["--format", flag, "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command:?} {flag} {name}");
        let text = String::from_utf8(out.stderr).unwrap();
        assert!(
            text.contains(&format!("--format {flag}")) && text.contains(name),
            "{text}"
        );
        assert!(!path.exists(), "{name} was written");
    }
    // plan cannot write a workbook; it says which command can.
    let path = dir.path().join("plan.xlsx");
    let out = roadmap()
        .args(["plan", DUE, "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("roadmap export -o")
    );
    assert!(!path.exists());
}

#[test]
fn diff_says_why_a_project_moved() {
    // `prep` takes a month longer: `paid` moves with it, held by `prep`.
    let (_dir, path) = variant(
        "id = \"prep\"\nlead = \"city\"\nobjectives = [\"o\"]\nduration = \"1 month\"",
        "id = \"prep\"\nlead = \"city\"\nobjectives = [\"o\"]\nduration = \"2 months\"",
    );
    let json = support::stdout_json(
        roadmap()
            .args(["diff", DUE])
            .arg(&path)
            .args(["--format", "json"]),
    );
    let changed = json["changed"].as_array().unwrap();
    let paid = changed.iter().find(|c| c["id"] == "paid").unwrap();
    assert_eq!(paid["moved_by"], "after `prep` (FS), which moved +28 days");
    // `prep` changed its duration but did not move: no cause is invented.
    let prep = changed.iter().find(|c| c["id"] == "prep").unwrap();
    assert_eq!(prep["moved_by"], Value::Null);
    let out = roadmap()
        .args(["diff", DUE])
        .arg(&path)
        .args(["--width", "200"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("moved: after `prep` (FS), which moved +28 days"),
        "{text}"
    );
}

#[test]
fn rank_without_criteria_ranks_by_priority_and_invents_no_scores() {
    let (_dir, path) = variant(
        "id = \"long\"\nlead = \"city\"",
        "id = \"long\"\npriority = 1\nlead = \"city\"",
    );
    let json = support::stdout_json(roadmap().arg("rank").arg(&path).args(["--format", "json"]));
    let projects = json["projects"].as_array().unwrap();
    assert_eq!(projects[0]["id"], "long");
    for p in projects {
        assert_eq!(p["score"], Value::Null, "{p}");
        assert_eq!(p["implied"], Value::Null, "{p}");
    }
    let out = roadmap()
        .arg("rank")
        .arg(&path)
        .args(["--width", "120"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains("-0.00") && !text.contains("score:"),
        "{text}"
    );
    assert!(text.contains("ranked by priority"), "{text}");
    assert!(
        text.contains("1 (set)") && text.contains("3 (default)"),
        "{text}"
    );
}

#[test]
fn numbers_print_as_numbers() {
    let out = roadmap()
        .args(["plan", "examples/progress.toml", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(!csv.contains(",-0,") && !csv.contains(",-0\n"), "{csv}");
}

#[test]
fn money_at_risk_is_an_opportunity() {
    for file in [
        "examples/yearly-caps.toml",
        "examples/funding-windows.toml",
        "examples/portfolio.toml",
        "roadmap.toml",
    ] {
        let findings = support::stdout_json(roadmap().args(["validate", file, "--format", "json"]));
        let report = support::stdout_json(roadmap().args([
            "funding",
            file,
            "--opportunities",
            "--format",
            "json",
        ]));
        let rows = report["projects"].as_array().unwrap();
        for finding in findings["findings"].as_array().unwrap() {
            if finding["code"] != "W005" {
                continue;
            }
            // "`p` finishes ..., after `s`'s window closes ...; 900,000 EUR at risk"
            let message = finding["message"].as_str().unwrap();
            let project = message.split('`').nth(1).unwrap();
            let source = message.split('`').nth(3).unwrap();
            let row = rows
                .iter()
                .find(|r| {
                    r["id"] == project
                        && r["need"] == "outside_window"
                        && r["at_risk_from"] == source
                })
                .unwrap_or_else(|| panic!("{file}: no opportunity row for {message}"));
            let at_risk = message.rsplit("; ").next().unwrap();
            let amount = row["gap"].as_f64().unwrap();
            assert!(
                at_risk.starts_with(&roadmap::display::amount(amount)),
                "{file}: {at_risk} vs {amount}"
            );
            // Its candidates are other sources whose window holds the whole project.
            for o in row["opportunities"].as_array().unwrap() {
                assert_ne!(o["source"], source);
                assert_eq!(o["inside_window"], true);
            }
        }
        for finding in findings["findings"].as_array().unwrap() {
            if finding["code"] == "W008" {
                assert!(
                    rows.iter().any(|r| r["need"] == "over_yearly_cap"),
                    "{file}: W008 without money at risk listed"
                );
            }
        }
        let out = roadmap()
            .args(["funding", file, "--opportunities", "--width", "160"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        if !rows.is_empty() {
            assert!(
                !text.contains("Every project's cost is covered"),
                "{file}: {text}"
            );
        }
    }
}

#[test]
fn order_reads_in_order() {
    for file in [
        "roadmap.toml",
        "examples/dependency-types.toml",
        "examples/portfolio.toml",
    ] {
        let json = support::stdout_json(roadmap().args(["order", file, "--format", "json"]));
        let rows = json["projects"].as_array().unwrap();
        let key = |r: &Value| {
            (
                r["wave"].as_u64().unwrap(),
                r["start"].as_str().unwrap().to_string(),
            )
        };
        for pair in rows.windows(2) {
            assert!(
                key(&pair[0]) <= key(&pair[1]),
                "{file}: {} before {}",
                pair[0]["id"],
                pair[1]["id"]
            );
        }
        for (k, row) in rows.iter().enumerate() {
            assert_eq!(row["position"], k + 1);
        }
    }
    let out = roadmap()
        .args(["order", "examples/dependency-types.toml", "--width", "160"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("A wave orders prerequisites, not time"),
        "{text}"
    );
}

// Point 4: every objective counts its projects.

const SHARED: &str = "tests/fixtures/views/shared-objectives.toml";

fn plan_text(path: &str, extra: &[&str]) -> String {
    let output = roadmap()
        .args(["plan", path, "--color", "never"])
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", support::transcript(&output));
    String::from_utf8(output.stdout).unwrap()
}

/// The timeline's groups: each title line (objective id or "(no objective)") with the ids of
/// the rows under it (marks kept), read off the lines after the axis.
fn timeline_groups(text: &str, titles: &[&str]) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    let timeline = text.split("By objective").last().unwrap();
    for line in timeline.lines() {
        if let Some(title) = titles.iter().find(|t| {
            line.starts_with(*t)
                && (line[t.len()..].starts_with(':')
                    || line[t.len()..].starts_with(" —")
                    || line[t.len()..].starts_with(" -"))
        }) {
            groups.push((title.to_string(), Vec::new()));
        } else if let Some(group) = groups.last_mut() {
            if line.trim().is_empty() {
                break;
            }
            // The label: the id, and the shared mark when there is one.
            let mut words = line.split_whitespace();
            let id = words.next().unwrap().to_string();
            let label = match words.next() {
                Some(mark @ ("↔" | "<>")) => format!("{id} {mark}"),
                _ => id,
            };
            group.1.push(label);
        }
    }
    groups
}

#[test]
fn a_project_serving_several_objectives_is_under_each() {
    let titles = ["mobility", "services", "data", "(no objective)"];
    for width in ["80", "200"] {
        let text = plan_text(SHARED, &["--group-by", "objective", "--width", width]);
        for line in text.lines() {
            assert!(line.chars().count() <= width.parse().unwrap(), "{line:?}");
        }
        let groups = timeline_groups(&text, &titles);
        let expected = [
            (
                "mobility",
                vec!["data-platform ↔", "traffic-sensors ↔", "bus-app"],
            ),
            (
                "services",
                vec!["data-platform ↔", "e-forms", "open-portal ↔"],
            ),
            (
                "data",
                vec!["data-platform ↔", "traffic-sensors ↔", "open-portal ↔"],
            ),
            ("(no objective)", vec!["launch"]),
        ];
        let expected: Vec<(String, Vec<String>)> = expected
            .iter()
            .map(|(t, rows)| (t.to_string(), rows.iter().map(|r| r.to_string()).collect()))
            .collect();
        assert_eq!(groups, expected, "width {width}:\n{text}");
        // The titles count the projects, and the key explains the mark.
        assert!(
            text.contains("mobility: Cleaner mobility — 3 projects, 2 shared"),
            "{text}"
        );
        assert!(
            text.contains("data: Open data — 3 projects, 3 shared"),
            "{text}"
        );
        assert!(text.contains("(no objective) — 1 project"), "{text}");
        assert!(
            text.contains("↔ shared: serves several objectives, listed under each"),
            "{text}"
        );
    }
    // ASCII: the same groups with `<>`.
    let text = plan_text(
        SHARED,
        &["--group-by", "objective", "--ascii", "--width", "100"],
    );
    assert!(text.is_ascii(), "{text}");
    let groups = timeline_groups(&text, &titles);
    assert_eq!(
        groups[2].1,
        ["data-platform <>", "traffic-sensors <>", "open-portal <>"]
    );
    assert!(
        text.contains("<> shared: serves several objectives"),
        "{text}"
    );
}

#[test]
fn objective_totals_count_shared_projects_in_full_and_the_plan_once() {
    let text = plan_text(SHARED, &["--group-by", "objective", "--width", "120"]);
    let row = |first: &str| -> Vec<String> {
        let line = text
            .lines()
            .find(|l| l.trim_start_matches(['│', ' ']).starts_with(first))
            .unwrap_or_else(|| panic!("no row {first}:\n{text}"));
        // Cells are apart by at least two spaces; a cell has single spaces at most.
        line.trim_matches(['│', ' '])
            .split("  ")
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect()
    };
    // objective, projects, shared, start, finish, cost, committed, crit
    assert_eq!(
        row("mobility "),
        [
            "mobility",
            "3",
            "2",
            "2030-01-01",
            "2031-01-31",
            "1,000,000",
            "400,000",
            "yes"
        ]
    );
    assert_eq!(row("services ")[1..3], ["3", "2"]);
    assert_eq!(row("services ")[5], "850,000");
    assert_eq!(row("data ")[5], "950,000");
    assert_eq!(row("(no objective)")[1], "1");
    // The plan's own totals count each project once: 1,250,000, not the objectives' sum.
    let total = row("plan (each once)");
    assert_eq!(total[1..3], ["6", "3"]);
    assert_eq!(total[5], "1,250,000");
    let note = text.split("By objective").nth(1).unwrap();
    assert!(
        note.contains("Each objective counts its shared projects (↔) in full"),
        "{note}"
    );
    // JSON says the same, objective by objective.
    let json = plan_json(SHARED, &[]);
    let objective = |id: &str| {
        json["objectives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        objective("data")["projects"],
        serde_json::json!(["data-platform", "traffic-sensors", "open-portal"])
    );
    assert_eq!(objective("data")["shared"], 3);
    assert_eq!(objective("mobility")["cost"], 1_000_000.0);
    assert_eq!(objective("mobility")["shared_cost"], 900_000.0);
    assert_eq!(objective("services")["finish"], "2030-12-31");
    assert_eq!(
        json["projects_without_objective"],
        serde_json::json!(["launch"])
    );
    assert_eq!(json["roadmap"]["total_cost"], 1_250_000.0);
}

#[test]
fn charts_and_the_report_show_shared_projects_under_each_objective() {
    let output = roadmap()
        .args(["export", SHARED, "--format", "mermaid"])
        .output()
        .unwrap();
    let mermaid = String::from_utf8(output.stdout).unwrap();
    let section = |name: &str| -> Vec<String> {
        mermaid
            .split("    section ")
            .find(|s| s.starts_with(name))
            .unwrap_or_else(|| panic!("no section {name}:\n{mermaid}"))
            .lines()
            .skip(1)
            .map(|l| l.trim().split(" :").next().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        section("Open data"),
        [
            "City data platform (shared)",
            "Traffic sensors (shared)",
            "Open data portal (shared)"
        ]
    );
    assert_eq!(
        section("Digital public services"),
        [
            "City data platform (shared)",
            "Online forms",
            "Open data portal (shared)"
        ]
    );
    assert_eq!(section("No objective"), ["Public launch"]);
    assert!(mermaid.contains("%% (shared): the project serves several objectives"));

    let output = roadmap()
        .args(["export", SHARED, "--format", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8(output.stdout).unwrap();
    let strategy = html.split("<section id=\"strategy\">").nth(1).unwrap();
    let articles: Vec<&str> = strategy
        .split("<article class=\"objective\">")
        .skip(1)
        .collect();
    assert_eq!(
        articles.len(),
        4,
        "three objectives and the projects serving none"
    );
    let data = articles[2];
    for id in ["data-platform", "traffic-sensors", "open-portal"] {
        assert!(
            data.contains(&format!(
                "<span class=\"id\">{id}</span> <span class=\"shared\">↔ shared"
            )),
            "{id}: {data}"
        );
    }
    assert!(
        data.contains("3 projects, 3 shared (counted in full: 950,000 of the cost)"),
        "{data}"
    );
    assert!(data.contains("cost 950,000 EUR"), "{data}");
    assert!(articles[3].contains("(no objective)") && articles[3].contains("launch"));
}

#[cfg(feature = "xlsx")]
#[test]
fn the_workbook_has_an_objectives_sheet() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    roadmap()
        .args(["export", SHARED, "-o"])
        .arg(&path)
        .assert()
        .success();
    let bytes = std::fs::read(&path).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range("Objectives").unwrap();
    let text = |r: usize, c: usize| match sheet.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        other => format!("{other:?}"),
    };
    assert_eq!(text(1, 1), "mobility");
    assert_eq!(text(1, 2), "3");
    assert_eq!(text(1, 3), "2");
    assert_eq!(text(1, 6), "1000000");
    assert_eq!(
        text(3, 10),
        "data-platform ↔, traffic-sensors ↔, open-portal ↔"
    );
    assert_eq!(text(4, 0), "(no objective)");
    assert_eq!(text(5, 0), "Plan (each project once)");
    assert_eq!(text(5, 6), "1250000");
    assert!(text(7, 0).starts_with("Each objective counts its shared projects"));
}
