//! `export --format mspdi`: read the XML back and check that tasks, dates, links, lags,
//! resources and assignments survive.

use assert_cmd::Command;
use chrono::NaiveDate;

fn run(args: &[&str]) -> Vec<u8> {
    let output = Command::cargo_bin("roadmap")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn child<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.has_tag_name(name))
        .and_then(|c| c.text())
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&text[..10], "%Y-%m-%d").unwrap()
}

fn round_trip(file: &str) {
    let xml = String::from_utf8(run(&["export", "--format", "mspdi", file])).unwrap();
    let plan: serde_json::Value =
        serde_json::from_slice(&run(&["plan", "--format", "json", file])).unwrap();
    let on_calendar = std::fs::read_to_string(file)
        .unwrap()
        .contains("\n[calendar]");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "Project");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://schemas.microsoft.com/project")
    );
    assert_eq!(child(root, "Title"), plan["roadmap"]["name"].as_str());
    // Projects' tasks (not the summary tasks of the roadmap and its programmes), by UID.
    let mut tasks: Vec<_> = root
        .descendants()
        .filter(|n| n.has_tag_name("Task") && child(*n, "Summary") == Some("0"))
        .collect();
    tasks.sort_by_key(|t| child(*t, "UID").unwrap().parse::<usize>().unwrap());
    let projects = plan["projects"].as_array().unwrap();
    assert_eq!(tasks.len(), projects.len(), "{file}");
    // Plan JSON lists projects in file order, like the tasks' UIDs.
    for (i, (task, project)) in tasks.iter().zip(projects).enumerate() {
        let uid: usize = child(*task, "UID").unwrap().parse().unwrap();
        assert_eq!(uid, i + 1);
        assert_eq!(child(*task, "Name"), project["name"].as_str());
        let start = date(child(*task, "Start").unwrap());
        let finish = date(child(*task, "Finish").unwrap());
        assert_eq!(
            start.to_string(),
            project["start"].as_str().unwrap(),
            "{file}"
        );
        assert_eq!(
            finish.to_string(),
            project["finish"].as_str().unwrap(),
            "{file}"
        );
        let milestone = child(*task, "Milestone") == Some("1");
        assert_eq!(milestone, project["milestone"].as_bool().unwrap());
        let hours: i64 = child(*task, "Duration")
            .unwrap()
            .trim_start_matches("PT")
            .split('H')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let days = project["days"].as_i64().unwrap();
        match child(*task, "DurationFormat") {
            // Elapsed: from the first day's 08:00 to the last day's 17:00.
            Some("8") => assert_eq!(hours, (days - 1) * 24 + 9, "{file}"),
            // Working days of 8 hours: every day without a calendar, fewer with one (the MPXJ
            // test in tests/import.rs checks them against the calendar's own arithmetic).
            _ if on_calendar => {
                assert_eq!(hours % 8, 0, "{file}");
                assert!(hours <= days * 8, "{file}");
            }
            _ => assert_eq!(hours, days * 8, "{file}"),
        }
        // Links: same predecessors and types, lags in tenths of minutes.
        let links: Vec<(usize, String, i64)> = task
            .children()
            .filter(|c| c.has_tag_name("PredecessorLink"))
            .map(|l| {
                let from: usize = child(l, "PredecessorUID").unwrap().parse().unwrap();
                let kind = match child(l, "Type").unwrap() {
                    "0" => "FF",
                    "1" => "FS",
                    "3" => "SS",
                    other => panic!("link type {other}"),
                };
                let lag: i64 = child(l, "LinkLag").unwrap().parse().unwrap();
                // Tenths of a minute: of 8-hour days, or of 24-hour days when elapsed.
                let per_day = if child(l, "LagFormat") == Some("8") {
                    14_400
                } else {
                    4800
                };
                assert_eq!(lag % per_day, 0);
                (from, kind.to_string(), lag / per_day)
            })
            .collect();
        let deps = project["depends_on"].as_array().unwrap();
        assert_eq!(links.len(), deps.len(), "{file}: {}", project["id"]);
        for ((from, kind, lag_days), dep) in links.iter().zip(deps) {
            let on = projects
                .iter()
                .position(|p| p["id"] == dep["project"])
                .unwrap();
            assert_eq!(*from, on + 1);
            assert_eq!(kind, dep["type"].as_str().unwrap());
            // The link holds in the exported dates with the exported lag.
            let before = &tasks[on];
            let (b_start, b_finish) = (
                date(child(*before, "Start").unwrap()),
                date(child(*before, "Finish").unwrap()),
            );
            let b_end = if child(*before, "Milestone") == Some("1") {
                b_start
            } else {
                b_finish.succ_opt().unwrap()
            };
            let end = if milestone {
                start
            } else {
                finish.succ_opt().unwrap()
            };
            let lag = chrono::Duration::days(*lag_days);
            match kind.as_str() {
                "FS" => assert!(start >= b_end + lag, "{file}"),
                "SS" => assert!(start >= b_start + lag, "{file}"),
                _ => assert!(end >= b_end + lag, "{file}"),
            }
        }
    }
    let resources = root
        .descendants()
        .filter(|n| n.has_tag_name("Resource"))
        .count();
    assert_eq!(resources, plan["resources"].as_array().unwrap().len());
    let demands: usize = projects
        .iter()
        .filter(|p| !p["milestone"].as_bool().unwrap())
        .map(|p| p["resources"].as_object().map_or(0, |r| r.len()))
        .sum();
    let assignments = root
        .descendants()
        .filter(|n| n.has_tag_name("Assignment"))
        .count();
    assert_eq!(assignments, demands);
}

#[test]
fn bundled_roadmap_round_trips() {
    round_trip("roadmap.toml");
}

#[test]
fn link_types_and_lags_round_trip() {
    round_trip("examples/dependency-types.toml");
    round_trip("examples/resources.toml");
    round_trip("examples/risk.toml");
}

#[test]
fn format_follows_the_xml_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xml");
    Command::cargo_bin("roadmap")
        .unwrap()
        .args(["export", "examples/minimal.toml", "-o"])
        .arg(&path)
        .assert()
        .success();
    let xml = std::fs::read_to_string(path).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"));
    assert!(xml.contains("<Project xmlns=\"http://schemas.microsoft.com/project\">"));
}

/// MS Project builds the tree from the task order and `OutlineLevel`: read it back the same
/// way and check every task's parent, WBS code and the summary tasks' rolled-up dates.
#[test]
fn programmes_read_back_as_an_outline() {
    let file = "examples/programmes.toml";
    let xml = String::from_utf8(run(&["export", "--format", "mspdi", file])).unwrap();
    let plan: serde_json::Value =
        serde_json::from_slice(&run(&["plan", "--format", "json", file])).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let tasks: Vec<_> = doc
        .root_element()
        .descendants()
        .filter(|n| n.has_tag_name("Task") && child(*n, "UID") != Some("0"))
        .collect();
    // (name, level, wbs, parent's name) in document order.
    let mut parents: Vec<(usize, String, String)> = Vec::new();
    let mut outline = Vec::new();
    for (row, task) in tasks.iter().enumerate() {
        let level: usize = child(*task, "OutlineLevel").unwrap().parse().unwrap();
        let wbs = child(*task, "WBS").unwrap().to_string();
        assert_eq!(child(*task, "OutlineNumber"), Some(wbs.as_str()));
        assert_eq!(child(*task, "ID"), Some((row + 1).to_string().as_str()));
        while parents.last().is_some_and(|(l, _, _)| *l >= level) {
            parents.pop();
        }
        let parent = parents.last().map(|(_, name, parent_wbs)| {
            // A child's WBS extends its parent's.
            assert!(
                wbs.starts_with(&format!("{parent_wbs}.")),
                "{wbs} under {parent_wbs}"
            );
            name.clone()
        });
        assert_eq!(parents.len() + 1, level, "{wbs}");
        let name = child(*task, "Name").unwrap().to_string();
        if child(*task, "Summary") == Some("1") {
            parents.push((level, name.clone(), wbs.clone()));
        }
        outline.push((name, level, wbs, parent));
    }
    let expected = [
        ("Digital city", 1, "1", None),
        ("E-government", 2, "1.1", Some("Digital city")),
        ("E-services portal", 3, "1.1.1", Some("E-government")),
        ("Online payments", 3, "1.1.2", Some("E-government")),
        ("Open data", 2, "1.2", Some("Digital city")),
        ("Open data portal", 3, "1.2.1", Some("Open data")),
        ("Data catalogue", 3, "1.2.2", Some("Open data")),
        ("Appoint a digital officer", 1, "2", None),
        ("Mobility", 1, "3", None),
        (
            "Traffic sensors and adaptive signals",
            2,
            "3.1",
            Some("Mobility"),
        ),
        ("Adaptive signals live", 2, "3.2", Some("Mobility")),
    ];
    let got: Vec<(&str, usize, &str, Option<&str>)> = outline
        .iter()
        .map(|(n, l, w, p)| (n.as_str(), *l, w.as_str(), p.as_deref()))
        .collect();
    assert_eq!(got, expected);
    // Summary tasks carry the roll-ups of the plan.
    for programme in plan["programmes"].as_array().unwrap() {
        let task = tasks
            .iter()
            .find(|t| child(**t, "Name") == programme["name"].as_str())
            .unwrap();
        assert_eq!(child(*task, "Summary"), Some("1"));
        assert_eq!(
            date(child(*task, "Start").unwrap()).to_string(),
            programme["start"]
        );
        assert_eq!(
            date(child(*task, "Finish").unwrap()).to_string(),
            programme["finish"]
        );
        assert_eq!(child(*task, "WBS"), programme["wbs"].as_str());
    }
    // Descriptions become task notes.
    let portal = tasks
        .iter()
        .find(|t| child(**t, "Name") == Some("E-services portal"))
        .unwrap();
    assert!(
        child(*portal, "Notes")
            .unwrap()
            .starts_with("One portal for the municipality")
    );
}
