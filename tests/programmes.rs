//! Programmes and indicators end to end: roll-ups against figures computed by hand on
//! `examples/programmes.toml`, the same roll-ups on random hierarchies, the plan's CSV and JSON
//! keeping the contract's columns in order (new ones only at the end), and the tree in the
//! terminal views.

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::Value;

const EXAMPLE: &str = "examples/programmes.toml";

fn stdout(args: &[&str]) -> String {
    let output = Command::cargo_bin("roadmap")
        .unwrap()
        .env_remove("CLICOLOR_FORCE")
        .arg("--quiet")
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn plan_json() -> Value {
    serde_json::from_str(&stdout(&["plan", EXAMPLE, "--format", "json"])).unwrap()
}

fn programme<'a>(plan: &'a Value, id: &str) -> &'a Value {
    plan["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap()
}

/// The figures worked out by hand from the file: months are calendar months from the start,
/// an SS link with a 1-month lag starts a month after its predecessor, no resources compete.
#[test]
fn roll_ups_match_the_hand_computed_figures() {
    let plan = plan_json();
    // (id, start, finish, cost, committed, critical, projects, wbs)
    let expected = [
        (
            "digital-city",
            "2024-01-01",
            "2024-10-31",
            1_050_000.0,
            1_050_000.0,
            false,
            4,
            "1",
        ),
        (
            "e-government",
            "2024-01-01",
            "2024-10-31",
            600_000.0,
            600_000.0,
            false,
            2,
            "1.1",
        ),
        (
            "data",
            "2024-01-01",
            "2024-09-30",
            450_000.0,
            450_000.0,
            false,
            2,
            "1.2",
        ),
        (
            "mobility",
            "2024-03-01",
            "2025-03-01",
            800_000.0,
            800_000.0,
            true,
            2,
            "3",
        ),
    ];
    for (id, start, finish, cost, committed, critical, projects, wbs) in expected {
        let p = programme(&plan, id);
        assert_eq!(p["start"], start, "{id}");
        assert_eq!(p["finish"], finish, "{id}");
        assert_eq!(p["cost"], cost, "{id}");
        assert_eq!(p["committed"], committed, "{id}");
        assert_eq!(p["critical"], critical, "{id}");
        assert_eq!(p["projects"].as_array().unwrap().len(), projects, "{id}");
        assert_eq!(p["wbs"], wbs, "{id}");
    }
    assert_eq!(
        programme(&plan, "data")["path"],
        serde_json::json!(["digital-city", "data"])
    );
    assert_eq!(programme(&plan, "mobility")["days"], 366);
    // The outline order: a programme before what it holds.
    let order: Vec<&str> = plan["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["digital-city", "e-government", "data", "mobility"]);
}

#[test]
fn indicator_values_and_the_missed_target() {
    let plan = plan_json();
    let indicator = |id: &str| {
        plan["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    let online = indicator("online-services");
    // 25 + portal 20 (June 2024) + e-payments 15 (October 2024).
    assert_eq!(online["targets"][0]["planned"], 60.0);
    assert_eq!(online["targets"][0]["reached"], true);
    let signals = indicator("smart-intersections");
    assert_eq!(signals["targets"][0]["planned"], 200.0);
    assert_eq!(signals["targets"][0]["shortfall"], 60.0);
    assert_eq!(
        signals["targets"][0]["would_close"],
        serde_json::json!(["traffic-sensors"])
    );
    assert_eq!(signals["targets"][1]["planned"], 280.0);
    // A target below the baseline is reached by going down: 12 - 3 = 9.
    let wait = indicator("waiting-time");
    assert_eq!(wait["targets"][0]["planned"], 9.0);
    assert_eq!(wait["targets"][0]["reached"], true);
    let missed: Vec<&Value> = plan["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "W010")
        .collect();
    assert_eq!(missed.len(), 1);
    assert!(
        missed[0]["message"]
            .as_str()
            .unwrap()
            .contains("60 intersections short")
    );
    assert!(
        missed[0]["help"]
            .as_str()
            .unwrap()
            .contains("`traffic-sensors`")
    );
}

/// The CSV columns of the contract, in their order, before programmes existed.
const CSV_COLUMNS: [&str; 20] = [
    "id",
    "name",
    "priority",
    "lead",
    "participants",
    "objectives",
    "start",
    "finish",
    "duration",
    "days",
    "slack_days",
    "free_slack_days",
    "critical",
    "wave",
    "early_start",
    "late_start",
    "depends_on",
    "cost",
    "funded",
    "funding",
];

#[test]
fn csv_and_json_only_gain_columns_at_the_end() {
    for file in [EXAMPLE, "examples/minimal.toml"] {
        let csv = stdout(&["plan", file, "--format", "csv"]);
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        assert_eq!(header[..CSV_COLUMNS.len()], CSV_COLUMNS, "{file}");
        // `roadmap import` added its columns after `programme`.
        assert_eq!(
            header[CSV_COLUMNS.len()..],
            [
                "programme",
                "links",
                "status",
                "actual_start",
                "actual_finish",
                "progress"
            ],
            "{file}"
        );
    }
    let csv = stdout(&["plan", EXAMPLE, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let portal = rows.iter().find(|r| &r[0] == "portal").unwrap();
    assert_eq!(&portal[20], "digital-city/e-government");
    let officer = rows.iter().find(|r| &r[0] == "digital-officer").unwrap();
    assert_eq!(&officer[20], "");

    // serde_json keeps keys sorted, so read the order from the text itself.
    let text = stdout(&["plan", EXAMPLE, "--format", "json"]);
    let first_project = &text[text.find("\"projects\": [").unwrap()..];
    let first_project = &first_project[..first_project.find("\n    }").unwrap()];
    let keys: Vec<&str> = first_project
        .lines()
        .filter(|l| l.starts_with("      \"") && l.contains("\":"))
        .map(|l| l.trim().split('"').nth(1).unwrap())
        .collect();
    let contract = [
        "id",
        "name",
        "priority",
        "lead",
        "participants",
        "objectives",
        "milestone",
        "duration",
        "start",
        "finish",
        "days",
        "early_start",
        "late_start",
        "total_slack",
        "free_slack",
        "critical",
        "wave",
        "held_back",
        "depends_on",
        "resources",
        "cost",
        "funding",
        "deadline",
    ];
    assert_eq!(keys[..contract.len()], contract);
    assert_eq!(
        keys[contract.len()..],
        [
            "programme",
            "programme_path",
            "description",
            "contributes",
            "status",
            "progress"
        ]
    );
    let top: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  \"") && l.contains("\":"))
        .map(|l| l.trim().split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        top,
        [
            "version",
            "roadmap",
            "projects",
            "critical_path",
            "order",
            "resources",
            "funding",
            "actors",
            "findings",
            "opportunities",
            "objectives",
            "programmes",
            "indicators",
            "critical_chains",
            "critical_chain_count",
            "projects_without_objective"
        ]
    );
}

#[test]
fn the_terminal_shows_the_tree_at_any_width() {
    for width in ["80", "200"] {
        let text = stdout(&["plan", EXAMPLE, "--width", width]);
        assert!(text.contains("│ digital-city "), "{text}");
        assert!(text.contains("│   e-government "), "{text}");
        assert!(text.contains("│     portal "), "{text}");
        assert!(text.contains("\n  e-government     ━"), "{text}");
        assert!(text.contains("━ programme"), "{text}");
        // (The one-line summary after the timeline is not wrapped.)
        for line in text.lines().filter(|l| !l.starts_with("Plan ")) {
            assert!(
                line.chars().count() <= width.parse().unwrap(),
                "{width}: {line}"
            );
        }
    }
    let flat = stdout(&["plan", EXAMPLE, "--group-by", "none"]);
    assert!(!flat.contains("digital-city"));
    let ascii = stdout(&["plan", EXAMPLE, "--ascii"]);
    assert!(ascii.contains("~ programme"));
}

#[test]
fn mermaid_has_a_section_per_programme() {
    let text = stdout(&["export", EXAMPLE, "--format", "mermaid"]);
    assert!(
        text.contains("section Digital city / E-government\n"),
        "{text}"
    );
    assert!(text.contains("section Mobility\n"), "{text}");
    assert!(text.contains("section No programme\n"), "{text}");
    let by_lead = stdout(&[
        "export",
        EXAMPLE,
        "--format",
        "mermaid",
        "--group-by",
        "lead",
    ]);
    assert!(!by_lead.contains("section Mobility"));
}

#[test]
fn reports_roll_up_per_programme() {
    let funding = stdout(&["funding", EXAMPLE]);
    assert!(funding.contains("By programme"));
    assert!(funding.contains("│ digital-city"));
    let json: Value =
        serde_json::from_str(&stdout(&["funding", EXAMPLE, "--format", "json"])).unwrap();
    let row = json["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "mobility")
        .unwrap();
    assert_eq!(
        row["by_source"],
        serde_json::json!({ "budget": 200000.0, "erdf": 600000.0 })
    );
    assert_eq!(row["gap"], 0.0);
    for report in ["order", "actors", "resources"] {
        let json: Value =
            serde_json::from_str(&stdout(&[report, EXAMPLE, "--format", "json"])).unwrap();
        assert_eq!(json["programmes"].as_array().unwrap().len(), 4, "{report}");
        assert!(
            stdout(&[report, EXAMPLE]).contains("By programme"),
            "{report}"
        );
    }
    let order: Value =
        serde_json::from_str(&stdout(&["order", EXAMPLE, "--format", "json"])).unwrap();
    assert_eq!(order["programmes"][0]["waves"], serde_json::json!([0, 1]));
    // Without programmes, the reports are as they were.
    let plain: Value = serde_json::from_str(&stdout(&[
        "funding",
        "examples/minimal.toml",
        "--format",
        "json",
    ]))
    .unwrap();
    assert!(plain.get("programmes").is_none());
}

/// A random project: its programme, days, cost, funding and the projects it depends on.
type RandomProject = (Option<usize>, u32, u32, u32, Vec<usize>);

/// A random roadmap: programmes whose parents come earlier (so no cycles), projects in random
/// programmes with random durations, costs, funding and finish-to-start links to earlier ones.
fn random_roadmap(parents: &[Option<usize>], projects: &[RandomProject]) -> String {
    let mut text = String::from(
        "[roadmap]\nstart = 2024-01-01\n[[actor]]\nid = \"a\"\n[[funding]]\nid = \"f\"\namount = 1_000_000_000\n",
    );
    for (q, parent) in parents.iter().enumerate() {
        text.push_str(&format!("[[programme]]\nid = \"q{q}\"\n"));
        if let Some(parent) = parent {
            text.push_str(&format!("parent = \"q{parent}\"\n"));
        }
    }
    for (p, (programme, days, cost, funded, deps)) in projects.iter().enumerate() {
        text.push_str(&format!(
            "[[project]]\nid = \"p{p}\"\nduration = \"{days}d\"\nlead = \"a\"\ncost = {cost}\nfunding = {{ f = {} }}\n",
            funded.min(cost)
        ));
        if let Some(q) = programme {
            text.push_str(&format!("programme = \"q{q}\"\n"));
        }
        let deps: Vec<String> = deps
            .iter()
            .filter(|&&d| d < p)
            .map(|d| format!("\"p{d}\""))
            .collect();
        text.push_str(&format!("depends_on = [{}]\n", deps.join(", ")));
    }
    text
}

fn hierarchy() -> impl Strategy<Value = (Vec<Option<usize>>, Vec<RandomProject>)> {
    (1usize..6).prop_flat_map(|programmes| {
        let parents = (0..programmes)
            .map(|q| {
                if q == 0 {
                    Just(None).boxed()
                } else {
                    proptest::option::of(0..q).boxed()
                }
            })
            .collect::<Vec<_>>();
        let project = (
            proptest::option::weighted(0.85, 0..programmes),
            0u32..40,
            0u32..1000,
            0u32..1000,
            proptest::collection::vec(0usize..12, 0..3),
        );
        (parents, proptest::collection::vec(project, 1..12))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A programme starts with its earliest project, finishes with its latest, costs the sum
    /// of its projects and is critical when one of them is, for any hierarchy.
    #[test]
    fn roll_ups_hold_on_random_hierarchies((parents, projects) in hierarchy()) {
        let text = random_roadmap(&parents, &projects);
        let parsed = roadmap::model::load::parse_str("random.toml".into(), text.clone());
        let validated = roadmap::validate::validate(&parsed.raw.unwrap(), parsed.findings);
        let model = validated.roadmap.unwrap_or_else(|| panic!("{text}\n{:?}", validated.findings));
        let plan = roadmap::plan::plan(&model, &roadmap::schedule::Options::default()).unwrap();
        for (q, rolled) in plan.programmes.iter().enumerate() {
            // Membership by walking each project's parents, independently of the roll-up.
            let inside: Vec<usize> = (0..projects.len())
                .filter(|&p| {
                    let mut at = projects[p].0;
                    while let Some(r) = at {
                        if r == q {
                            return true;
                        }
                        at = parents[r];
                    }
                    false
                })
                .collect();
            prop_assert_eq!(&rolled.projects, &inside);
            let start = inside.iter().map(|&p| plan.projects[p].start).min();
            let finish = inside.iter().map(|&p| plan.projects[p].finish).max();
            prop_assert_eq!(rolled.start, start);
            prop_assert_eq!(rolled.finish, finish);
            let cost: f64 = inside.iter().map(|&p| f64::from(projects[p].2)).sum();
            prop_assert_eq!(rolled.cost, cost);
            let committed: f64 = inside.iter().map(|&p| f64::from(projects[p].3.min(projects[p].2))).sum();
            prop_assert_eq!(rolled.committed, committed);
            prop_assert_eq!(rolled.critical, inside.iter().any(|&p| plan.projects[p].critical));
        }
        // Every programme and project appears in the outline exactly once, parents first.
        prop_assert_eq!(plan.outline.len(), parents.len() + projects.len());
        for (n, row) in plan.outline.iter().enumerate() {
            if let roadmap::plan::rollup::Item::Programme(q) = row.item
                && let Some(parent) = parents[q]
            {
                let at = plan
                    .outline
                    .iter()
                    .position(|r| r.item == roadmap::plan::rollup::Item::Programme(parent));
                prop_assert!(at.is_some_and(|at| at < n));
            }
        }
    }
}

#[test]
fn indicators_command_shows_targets_gaps_and_projects() {
    let text = stdout(&["indicators", EXAMPLE, "--width", "100"]);
    assert!(text.contains("online-services "), "{text}");
    assert!(text.contains("(%)"), "{text}");
    assert!(text.contains("+10"), "{text}");
    assert!(text.contains("-60"), "{text}");
    assert!(
        text.contains("would close it: traffic-sensors +80"),
        "{text}"
    );
    assert!(text.contains("5 of 6 targets reached"), "{text}");
    let csv = stdout(&["indicators", EXAMPLE, "--format", "csv"]);
    assert!(csv.contains(
        "smart-intersections,mobility,intersections,2023,200,2024,260,200,false,60,-60,traffic-sensors,traffic-sensors"
    ), "{csv}");
    let json: Value =
        serde_json::from_str(&stdout(&["indicators", EXAMPLE, "--format", "json"])).unwrap();
    assert_eq!(json["report"], "indicators");
    assert_eq!(json["indicators"].as_array().unwrap().len(), 4);
    assert_eq!(json["indicators"][0]["targets"][0]["gap"], 10.0);
}

#[test]
fn calendar_events_carry_descriptions() {
    use icalendar::{Calendar, CalendarComponent, Component};
    let text = stdout(&["export", EXAMPLE, "--format", "ics"]);
    let calendar: Calendar = text.parse().unwrap();
    let portal = calendar
        .components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Event(e)
                if e.get_uid().is_some_and(|u| u.starts_with("start.portal@")) =>
            {
                Some(e)
            }
            _ => None,
        })
        .unwrap();
    let description = portal.get_description().unwrap();
    assert!(
        description.contains("Programme: E-government."),
        "{description}"
    );
    assert!(
        description.ends_with("One portal for the municipality's e-services."),
        "{description}"
    );
}

#[test]
fn html_report_has_the_strategy_section() {
    let html = stdout(&["report", EXAMPLE]);
    let strategy = &html[html
        .find("<section id=\"strategy\">")
        .expect("strategy section")..];
    let strategy = &strategy[..strategy.find("</section>").unwrap()];
    // Objective -> indicators (a chart each) -> programmes -> projects, with descriptions.
    let services = strategy.find("Municipal services online").unwrap();
    let chart = strategy.find("<svg class=\"kpi\"").unwrap();
    let programme = strategy.find("Digital city › E-government").unwrap();
    let project = strategy.find("E-services portal").unwrap();
    assert!(services < chart && chart < programme && programme < project);
    assert_eq!(strategy.matches("<svg class=\"kpi\"").count(), 4);
    assert!(strategy.contains("Citizens and businesses deal with the city online."));
    assert!(strategy.contains("One portal for the municipality&apos;s e-services."));
    assert!(strategy.contains("60 intersections short"));
    // A missed target is a red dot, a reached one green.
    assert!(strategy.contains("fill=\"#d0453a\"><title>target 2024"));
    // The roll-ups as a table, in outline order.
    let table = &strategy[strategy.find("<h3>Programmes</h3>").unwrap()..];
    let digital = table.find("<b>Digital city</b>").unwrap();
    let data = table.find("<b>Open data</b>").unwrap();
    let mobility = table.find("<b>Mobility</b>").unwrap();
    assert!(digital < data && data < mobility);
    assert!(table.contains("<td class=\"num\">1,050,000</td>"));
    assert!(html.contains("About the actors"));
    assert!(html.contains("<dt>ERDF</dt><dd>EU regional development fund.</dd>"));
    roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("well-formed");
}

/// The chance of a target comes from the same runs as the deadlines': with one uncertain
/// contributor whose deadline is the target's year end, the two probabilities are equal.
#[test]
fn risk_gives_each_target_its_probability() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("risk.toml");
    std::fs::write(
        &file,
        r#"
[roadmap]
start = 2024-01-01
[[objective]]
id = "o"
[[actor]]
id = "a"
[[indicator]]
id = "k"
objective = "o"
baseline = { year = 2023, value = 0 }
targets = [{ year = 2024, value = 10 }, { year = 2026, value = 10 }]
[[project]]
id = "x"
objectives = ["o"]
duration = { optimistic = "10 months", likely = "11 months", pessimistic = "15 months" }
deadline = 2024-12-31
lead = "a"
contributes = { k = 10 }
"#,
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let json: Value = serde_json::from_str(&stdout(&[
        "risk", file, "--format", "json", "--runs", "2000",
    ]))
    .unwrap();
    let targets = json["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 2);
    let p = targets[0]["probability"].as_f64().unwrap();
    assert!(p > 0.05 && p < 0.95, "{p}");
    assert_eq!(targets[0]["planned_met"], true);
    assert_eq!(json["due"][0]["probability"].as_f64().unwrap(), p);
    // Two more years of room: every run makes it.
    assert_eq!(targets[1]["probability"], 1.0);
    let text = stdout(&["risk", file, "--runs", "2000"]);
    assert!(text.contains("Indicator targets"), "{text}");
}

#[test]
fn dot_draws_programmes_as_nested_clusters() {
    let text = stdout(&["export", EXAMPLE, "--format", "dot"]);
    let digital = text.find("subgraph \"cluster_digital-city\" {").unwrap();
    let egov = text.find("subgraph \"cluster_e-government\" {").unwrap();
    let portal = text.find("\"portal\" [").unwrap();
    let mobility = text.find("subgraph \"cluster_mobility\" {").unwrap();
    let officer = text.find("\"digital-officer\" [").unwrap();
    assert!(digital < egov && egov < portal && portal < mobility && mobility < officer);
    // Braces balance, and e-government is closed before its sibling `data` opens.
    assert_eq!(text.matches('{').count(), text.matches('}').count());
    let data = text.find("subgraph \"cluster_data\" {").unwrap();
    assert!(text[egov..data].contains("        }\n"));
}
