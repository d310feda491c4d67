//! Exports read back with independent parsers: CSV and JSON agree on dates, JSON matches its
//! documented schema, the calendar parses, the workbook opens with the right dates, SVG and
//! HTML are well-formed, and files are never overwritten without --force.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value;

/// Small files that plan in well under a second in a debug build.
const FILES: [&str; 4] = [
    "roadmap.toml",
    "examples/resources.toml",
    "examples/dependency-types.toml",
    "examples/funding-windows.toml",
];

fn roadmap() -> Command {
    let mut cmd = Command::cargo_bin("roadmap").unwrap();
    cmd.env_remove("CLICOLOR_FORCE").arg("--quiet");
    cmd
}

fn stdout(args: &[&str]) -> Vec<u8> {
    let output = roadmap().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "roadmap {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn json(file: &str) -> Value {
    serde_json::from_slice(&stdout(&["export", file, "--format", "json"])).unwrap()
}

/// `id -> (start, finish)` from the JSON plan.
fn json_dates(plan: &Value) -> BTreeMap<String, (NaiveDate, NaiveDate)> {
    let date = |v: &Value| v.as_str().unwrap().parse::<NaiveDate>().unwrap();
    plan["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                (date(&p["start"]), date(&p["finish"])),
            )
        })
        .collect()
}

#[test]
fn csv_parses_back_to_the_json_dates() {
    for file in FILES {
        let csv = stdout(&["export", file, "--format", "csv"]);
        let mut reader = csv::Reader::from_reader(csv.as_slice());
        let headers = reader.headers().unwrap().clone();
        let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let (id, start, finish) = (column("id"), column("start"), column("finish"));
        let from_csv: BTreeMap<String, (NaiveDate, NaiveDate)> = reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                (
                    r[id].to_string(),
                    (r[start].parse().unwrap(), r[finish].parse().unwrap()),
                )
            })
            .collect();
        assert_eq!(from_csv, json_dates(&json(file)), "{file}");
    }
}

#[test]
fn json_matches_the_documented_schema() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("docs/plan.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for file in FILES.iter().chain(&[
        "examples/deadlines.toml",
        "examples/durations.toml",
        "examples/programmes.toml",
    ]) {
        let plan = json(file);
        let errors: Vec<String> = validator
            .iter_errors(&plan)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
    // The schema does reject what it should.
    let mut broken = json("roadmap.toml");
    broken["projects"][0]["start"] = Value::from("1 July");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn calendar_parses_and_holds_every_milestone_and_project() {
    use icalendar::{Calendar, CalendarComponent, Component};
    let text = String::from_utf8(stdout(&["export", "roadmap.toml", "--format", "ics"])).unwrap();
    let calendar: Calendar = text.parse().unwrap();
    let plan = json("roadmap.toml");
    let projects = plan["projects"].as_array().unwrap();
    let milestones = projects.iter().filter(|p| p["milestone"] == true).count();
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    let deadlines = projects.iter().filter(|p| !p["deadline"].is_null()).count();
    let windows = plan["funding"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["until"].is_null())
        .count();
    assert!(deadlines > 0 && windows > 0);
    assert_eq!(
        events.len(),
        milestones + 2 * (projects.len() - milestones) + deadlines + windows
    );
    // A deadline and a window closing are all-day events on their day.
    let school = events
        .iter()
        .find(|e| e.get_uid() == Some("deadline.e04-school-platform@sofia-digital-transformation-roadmap-2019-2025.roadmap"))
        .expect("deadline event");
    assert_eq!(
        school.get_summary(),
        Some("Deadline: School communication e-platform for teachers, parents and students")
    );
    assert!(school.get_description().unwrap().contains("days of margin"));
    assert!(events.iter().any(|e| {
        e.get_uid()
            .is_some_and(|uid| uid.starts_with("window-closes."))
            && e.get_summary()
                .unwrap()
                .starts_with("Funding window closes: ")
    }));
    let kickoff = events
        .iter()
        .find(|e| e.get_uid() == Some("milestone.ms1-strategy-approved@sofia-digital-transformation-roadmap-2019-2025.roadmap"))
        .expect("milestone event");
    let expected: NaiveDate = projects
        .iter()
        .find(|p| p["id"] == "ms1-strategy-approved")
        .unwrap()["start"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        kickoff.get_start(),
        Some(icalendar::DatePerhapsTime::Date(expected))
    );
    // No clock: the stamp is the roadmap's start, so the file is the same on every run.
    assert!(text.contains("DTSTAMP:20190701T000000Z"));
    assert_eq!(
        text.as_bytes(),
        stdout(&["export", "roadmap.toml", "--format", "ics"])
    );
}

#[cfg(feature = "xlsx")]
#[test]
fn workbook_opens_with_real_dates() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    roadmap()
        .args(["export", "roadmap.toml", "-o"])
        .arg(&path)
        .assert()
        .success();
    let bytes = std::fs::read(&path).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "Plan",
            "Funding by project",
            "Funding per year",
            "Resources",
            "Actors",
            "Findings",
            "Indicators",
            "Programmes",
            "Objectives"
        ]
    );
    let sheet = workbook.worksheet_range("Plan").unwrap();
    let excel_epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    let date = |cell: Option<&Data>| match cell {
        Some(Data::DateTime(d)) => excel_epoch + chrono::Days::new(d.as_f64() as u64),
        other => panic!("not a date: {other:?}"),
    };
    let plan = json("roadmap.toml");
    let expected = json_dates(&plan);
    let programmes: BTreeMap<&str, (NaiveDate, NaiveDate)> = plan["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let day = |key: &str| p[key].as_str().unwrap().parse().unwrap();
            (p["id"].as_str().unwrap(), (day("start"), day("finish")))
        })
        .collect();
    let mut seen = 0;
    for row in 1..sheet.height() as u32 {
        let Some(Data::String(id)) = sheet.get_value((row, 0)) else {
            panic!("row {row} has no id");
        };
        // A programme's summary row: its rolled-up dates.
        if let Some(dates) = programmes.get(id.as_str()) {
            let got = (
                date(sheet.get_value((row, 3))),
                date(sheet.get_value((row, 4))),
            );
            assert_eq!(&got, dates, "{id}");
            continue;
        }
        let dates = (
            date(sheet.get_value((row, 3))),
            date(sheet.get_value((row, 4))),
        );
        assert_eq!(Some(&dates), expected.get(id), "{id}");
        seen += 1;
    }
    assert_eq!(seen, expected.len());
}

#[test]
fn svg_and_html_are_well_formed() {
    for file in FILES {
        let svg = String::from_utf8(stdout(&[
            "export",
            file,
            "--format",
            "svg",
            "--as-of",
            "2022-03-01",
        ]))
        .unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        let bars = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
        assert!(bars > 3, "{file}: {bars} rects");

        let html = String::from_utf8(stdout(&["report", file])).unwrap();
        let doc = roxmltree::Document::parse_with_options(
            &html,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(doc.descendants().any(|n| n.has_tag_name("svg")), "{file}");
        assert!(
            !html.contains("http://") || !html.contains("<link"),
            "no external resources"
        );
        assert!(!html.contains('\u{1b}'), "no ANSI codes in files");
    }
}

#[test]
fn exports_are_byte_identical_and_today_comes_from_as_of() {
    for format in ["svg", "html", "mermaid", "dot", "ics"] {
        let args = [
            "export",
            "roadmap.toml",
            "--format",
            format,
            "--as-of",
            "2023-05-01",
        ];
        assert_eq!(stdout(&args), stdout(&args), "{format}");
    }
    let svg = stdout(&[
        "export",
        "roadmap.toml",
        "--format",
        "svg",
        "--as-of",
        "2023-05-01",
    ]);
    assert!(String::from_utf8(svg).unwrap().contains("as of 2023-05-01"));
    let svg = stdout(&["export", "roadmap.toml", "--format", "svg"]);
    assert!(!String::from_utf8(svg).unwrap().contains("rm-today\""));
}

#[test]
fn files_are_kept_unless_forced_and_formats_come_from_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.svg");
    roadmap()
        .args(["export", "roadmap.toml", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&path).unwrap().contains("<svg"));
    std::fs::write(&path, "keep me").unwrap();
    roadmap()
        .args(["export", "roadmap.toml", "-o"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    roadmap()
        .args(["export", "roadmap.toml", "--force", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&path).unwrap().contains("<svg"));

    // XLSX is binary: never to stdout.
    roadmap()
        .args(["export", "roadmap.toml", "--format", "xlsx"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("-o"));
    roadmap()
        .args(["export", "roadmap.toml", "-o"])
        .arg(dir.path().join("plan.unknown"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--format"));
    for report in ["actors", "funding", "resources", "order"] {
        let out = dir.path().join(format!("{report}.csv"));
        roadmap()
            .args([report, "roadmap.toml", "--format", "csv", "-o"])
            .arg(&out)
            .assert()
            .success();
        assert!(Path::new(&out).exists());
        roadmap()
            .args([report, "roadmap.toml", "-o"])
            .arg(&out)
            .assert()
            .code(2);
    }
}

#[test]
fn invalid_roadmaps_export_nothing() {
    roadmap()
        .args(["export", "tests/broken/E006-lead.toml", "--format", "svg"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn html_report_marks_gaps_and_lists_findings() {
    let html = String::from_utf8(stdout(&["report", "tests/fixtures/gaps.toml"])).unwrap();
    assert!(html.contains("⚠ under-funded"));
    assert!(html.contains("⚠ No role: idle-partner"));
    assert!(html.contains("warning[W001]"), "missed deadline listed");
    assert!(html.contains("warning[W002]"), "funding gap listed");
    // User text is escaped, never markup.
    assert!(html.contains("=HYPERLINK(&quot;x&quot;)"));
}

#[test]
fn mermaid_parses_with_mermaid() {
    // Installed by .ci/run (`npm install --prefix target/mermaid-check mermaid@10 jsdom`).
    let checker = Path::new("target/mermaid-check");
    if !support::tool_present(
        support::runs("node") && checker.join("node_modules/mermaid").is_dir(),
        "node or target/mermaid-check/node_modules/mermaid",
        "see .ci/run",
    ) {
        return;
    }
    // The script imports `mermaid` from the folder it runs in.
    let script = checker.join("mermaid-check.mjs");
    std::fs::copy("tests/tools/mermaid-check.mjs", &script).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, file) in FILES.iter().chain(&["examples/portfolio.toml"]).enumerate() {
        let path = dir.path().join(format!("{i}.mmd"));
        std::fs::write(&path, stdout(&["export", "--format", "mermaid", file])).unwrap();
        files.push(path);
    }
    let broken = dir.path().join("broken.mmd");
    std::fs::write(
        &broken,
        "gantt\n    dateFormat YYYY-MM-DD\n    ::: not a task\n",
    )
    .unwrap();

    let check = |paths: &[std::path::PathBuf]| {
        std::process::Command::new("node")
            .arg(&script)
            .args(paths)
            .output()
            .unwrap()
    };
    let output = check(&files);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    // The checker can fail: a broken chart is refused.
    assert!(!check(&[broken]).status.success());
}

/// The Plan sheet of a roadmap with programmes is an Excel outline: each row's level is its
/// depth in the programme tree (read from the sheet's XML, which calamine does not expose).
#[cfg(feature = "xlsx")]
#[test]
fn workbook_rows_have_outline_levels() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    roadmap()
        .args(["export", "examples/programmes.toml", "-o"])
        .arg(&path)
        .assert()
        .success();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let levels: Vec<(u32, u32)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("row"))
        .map(|r| {
            (
                r.attribute("r").unwrap().parse().unwrap(),
                r.attribute("outlineLevel")
                    .map_or(0, |l| l.parse().unwrap()),
            )
        })
        .collect();
    // Header, then digital-city, e-government, portal, e-payments, data, open-data,
    // data-catalogue, digital-officer, mobility, traffic-sensors, sensors-live.
    let expected = [0, 0, 1, 2, 2, 1, 2, 2, 0, 0, 1, 1];
    let got: Vec<u32> = (1..=expected.len() as u32)
        .map(|r| levels.iter().find(|(row, _)| *row == r).map_or(0, |l| l.1))
        .collect();
    assert_eq!(got, expected);
}

/// Descriptions reach the workbook: projects' on the Plan sheet, sources' on the Funding sheet,
/// actors' under the role matrix.
#[cfg(feature = "xlsx")]
#[test]
fn workbook_has_the_descriptions() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    roadmap()
        .args(["export", "examples/programmes.toml", "-o"])
        .arg(&path)
        .assert()
        .success();
    let bytes = std::fs::read(&path).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let mut strings = |sheet: &str| -> Vec<String> {
        workbook
            .worksheet_range(sheet)
            .unwrap()
            .cells()
            .filter_map(|(_, _, c)| match c {
                Data::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect()
    };
    assert!(strings("Plan").contains(&"One portal for the municipality's e-services.".to_string()));
    assert!(strings("Plan").contains(&"digital-city/e-government".to_string()));
    assert!(strings("Funding per year").contains(&"EU regional development fund.".to_string()));
    assert!(strings("Actors").contains(&"Owner of the roadmap.".to_string()));
}

/// `(uid, summary, start, end)` of every event, as the icalendar crate reads them.
fn calendar_events(text: &str) -> Vec<(String, String, String, String, i64)> {
    use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
    let calendar: Calendar = text.parse().unwrap();
    let day = |d: Option<DatePerhapsTime>| match d {
        Some(DatePerhapsTime::Date(d)) => d.to_string(),
        other => panic!("not an all-day date: {other:?}"),
    };
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some((
                e.get_uid().unwrap().to_string(),
                e.get_summary().unwrap().to_string(),
                day(e.get_start()),
                day(e.get_end()),
                e.property_value("SEQUENCE").unwrap().parse().unwrap(),
            )),
            _ => None,
        })
        .collect()
}

/// Importing an updated plan updates its events instead of duplicating them: after edits to a
/// name and a duration the UIDs are the same, and a later `--as-of` raises SEQUENCE and DTSTAMP.
#[test]
fn calendar_uids_survive_edits_and_later_exports_supersede() {
    let dir = tempfile::tempdir().unwrap();
    let edited = dir.path().join("edited.toml");
    let text = std::fs::read_to_string("roadmap.toml").unwrap();
    let changed = text
        .replace(
            "Digital governance set-up: Digital Board and digital unit",
            "Digital Board set-up",
        )
        .replacen(
            "duration       = \"6 months\"",
            "duration       = \"8 months\"",
            1,
        );
    assert_ne!(changed, text);
    std::fs::write(&edited, changed).unwrap();
    let before = String::from_utf8(stdout(&[
        "export",
        "roadmap.toml",
        "--format",
        "ics",
        "--as-of",
        "2022-01-01",
    ]))
    .unwrap();
    let after = String::from_utf8(stdout(&[
        "export",
        edited.to_str().unwrap(),
        "--format",
        "ics",
        "--as-of",
        "2022-02-01",
    ]))
    .unwrap();
    let (before, after) = (calendar_events(&before), calendar_events(&after));
    let uids = |events: &[(String, String, String, String, i64)]| {
        events
            .iter()
            .map(|e| e.0.clone())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(uids(&before), uids(&after));
    assert_eq!(uids(&before).len(), before.len(), "UIDs are unique");
    assert_ne!(before, after, "the edit shows");
    for (old, new) in before.iter().zip(&after) {
        assert!(new.4 > old.4, "SEQUENCE grows with the later export");
    }
}

/// A second, independent reader: Python's `icalendar` (installed by `.ci/run` in
/// `target/ics-venv`) reads the same events, dates and summaries as the icalendar crate.
#[test]
fn calendar_reads_the_same_in_python_icalendar() {
    let python =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ics-venv/bin/python");
    let present = std::process::Command::new(&python)
        .args(["-c", "import icalendar"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !support::tool_present(
        present,
        "Python icalendar",
        "python3 -m venv target/ics-venv && target/ics-venv/bin/pip install icalendar",
    ) {
        return;
    }
    for file in [
        "roadmap.toml",
        "examples/portfolio.toml",
        "examples/funding-windows.toml",
    ] {
        let text = String::from_utf8(stdout(&["export", file, "--format", "ics"])).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ics");
        std::fs::write(&path, &text).unwrap();
        let script = "import icalendar, json, sys\n\
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
            print(json.dumps([[str(e['UID']), str(e['SUMMARY']), e.decoded('DTSTART').isoformat(), e.decoded('DTEND').isoformat(), int(e['SEQUENCE'])] for e in cal.walk('VEVENT')]))";
        let out = std::process::Command::new(&python)
            .args(["-c", script])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let python_events: Vec<(String, String, String, String, i64)> =
            serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(python_events, calendar_events(&text), "{file}");
        assert!(!python_events.is_empty());
    }
}

/// The workbook's tables read back: human headers, money as numbers that add up to the totals
/// row, window dates as date cells, milestones as a ◆ in one period, and no Indicators or
/// Programmes sheet for a file without them.
#[cfg(feature = "xlsx")]
#[test]
fn workbook_tables_have_headers_numbers_and_totals() {
    use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    roadmap()
        .args(["export", "roadmap.toml", "-o"])
        .arg(&path)
        .assert()
        .success();
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    let plan = json("roadmap.toml");
    let by_project = workbook.worksheet_range("Funding by project").unwrap();
    assert_eq!(
        by_project.get_value((0, 0)),
        Some(&Data::String("Project".into()))
    );
    let last = by_project.height() as u32 - 1;
    assert_eq!(
        by_project.get_value((last, 0)),
        Some(&Data::String("Total".into()))
    );
    let cost: f64 = plan["projects"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["cost"].as_f64())
        .sum();
    assert_eq!(by_project.get_value((last, 4)), Some(&Data::Float(cost)));
    // Each source's column adds up to its total.
    for col in 5..by_project.width() as u32 {
        let sum: f64 = (1..last)
            .filter_map(|r| by_project.get_value((r, col)).and_then(|d| d.get_float()))
            .sum();
        let total = by_project
            .get_value((last, col))
            .unwrap()
            .get_float()
            .unwrap();
        assert!((sum - total).abs() < 0.01, "column {col}: {sum} vs {total}");
    }
    let per_year = workbook.worksheet_range("Funding per year").unwrap();
    assert_eq!(
        per_year.get_value((0, 6)),
        Some(&Data::String("Window closes".into()))
    );
    assert!(
        (1..per_year.height() as u32 - 1)
            .any(|r| matches!(per_year.get_value((r, 6)), Some(Data::DateTime(_)))),
        "window closings are date cells"
    );
    let sheet = workbook.worksheet_range("Plan").unwrap();
    let milestones = plan["projects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["milestone"] == true)
        .count();
    let diamonds = sheet
        .cells()
        .filter(|(_, _, c)| matches!(c, Data::String(s) if s == "◆"))
        .count();
    assert_eq!(diamonds, milestones);
    let actors = workbook.worksheet_range("Actors").unwrap();
    assert_eq!(
        actors.get_value((0, 2)),
        Some(&Data::String("Sofia Municipality".into()))
    );

    let bare = dir.path().join("minimal.xlsx");
    roadmap()
        .args(["export", "examples/minimal.toml", "-o"])
        .arg(&bare)
        .assert()
        .success();
    let workbook: Xlsx<_> = open_workbook(&bare).unwrap();
    assert!(!workbook.sheet_names().contains(&"Indicators".to_string()));
    assert!(!workbook.sheet_names().contains(&"Programmes".to_string()));
}

/// The SVG chart reads without the file: rows are labelled by name (the id in the tooltip),
/// each deadline is a marker, each closing window of a paying source too, and with more than
/// 40 links only the critical chain is drawn while each row carries its links for hover.
#[test]
fn svg_names_rows_marks_deadlines_and_thins_arrows() {
    let svg = String::from_utf8(stdout(&["export", "roadmap.toml", "--format", "svg"])).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let plan = json("roadmap.toml");
    let projects = plan["projects"].as_array().unwrap();
    let class = |name: &str| {
        doc.descendants()
            .filter(|n| {
                n.attribute("class")
                    .is_some_and(|c| c.split(' ').any(|c| c == name))
            })
            .count()
    };
    let labels: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.children()
                .filter(|c| c.is_text())
                .map(|c| c.text().unwrap())
                .collect()
        })
        .collect();
    let first = projects[0]["name"].as_str().unwrap();
    assert!(
        labels
            .iter()
            .any(|l| first.starts_with(l.trim_end_matches('…'))),
        "{first} labels its row"
    );
    // The chart ends with the month the plan finishes in; deadlines after it are off the chart.
    use chrono::Datelike;
    let finish: NaiveDate = plan["roadmap"]["finish"].as_str().unwrap().parse().unwrap();
    let end =
        NaiveDate::from_ymd_opt(finish.year(), finish.month(), 1).unwrap() + chrono::Months::new(1);
    let deadlines = projects
        .iter()
        .filter_map(|p| p["deadline"].as_str())
        .filter(|d| d.parse::<NaiveDate>().unwrap() < end)
        .count();
    assert!(deadlines > 2);
    assert_eq!(
        class("rm-deadline"),
        deadlines + 1,
        "a marker per deadline, and the legend's"
    );
    assert!(class("rm-closes") > 1);
    assert_eq!(class("rm-row"), projects.len());
    let links: usize = projects
        .iter()
        .map(|p| p["depends_on"].as_array().unwrap().len())
        .sum();
    assert!(links > 40);
    assert!(class("rm-dep-crit") > 1, "the critical chain is drawn");
    assert_eq!(
        class("rm-link"),
        2 * links,
        "each link hides in both of its rows"
    );

    // A small roadmap draws every link.
    let small = String::from_utf8(stdout(&[
        "export",
        "examples/minimal.toml",
        "--format",
        "svg",
    ]))
    .unwrap();
    assert!(!small.contains("class=\"rm-dep rm-link\""));
    assert!(small.contains("class=\"rm-dep\""));
}
