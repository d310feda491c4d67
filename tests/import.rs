//! `roadmap import`: round trips through our own exports, files from independent producers
//! (MPXJ, ProjectLibre- and GanttProject-style MSPDI), spreadsheets in English and Bulgarian,
//! templates, and bad input (a clear error with the place, exit 1, nothing written).

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn roadmap() -> Command {
    Command::cargo_bin("roadmap").unwrap()
}

/// The planner's fast effort keeps the round trips quick; every step uses the same effort.
const FAST: [&str; 2] = ["--effort", "fast"];

fn plan_json(file: &Path) -> Value {
    support::stdout_json(
        roadmap()
            .args(["plan", "--format", "json"])
            .args(FAST)
            .arg(file),
    )
}

/// Runs `roadmap import` and returns (exit code, stderr).
fn import(args: &[&str]) -> (i32, String) {
    let output = roadmap()
        .arg("import")
        .args(args)
        .args(FAST)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn import_ok(args: &[&str]) -> String {
    let (code, stderr) = import(args);
    assert_eq!(code, 0, "import {args:?} failed:\n{stderr}");
    stderr
}

fn examples() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("roadmap.toml")];
    let mut more: Vec<PathBuf> = std::fs::read_dir("examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    more.sort();
    files.extend(more);
    files
}

/// Each project's id → (start, finish, cost).
fn dates(plan: &Value) -> BTreeMap<String, (String, String, Value)> {
    plan["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                (
                    p["start"].as_str().unwrap().to_string(),
                    p["finish"].as_str().unwrap().to_string(),
                    p["cost"].clone(),
                ),
            )
        })
        .collect()
}

/// Each project's dependencies as (project, type).
fn links(plan: &Value) -> BTreeMap<String, Vec<(String, String)>> {
    plan["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let links = p["depends_on"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    (
                        d["project"].as_str().unwrap().to_string(),
                        d["type"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            (p["id"].as_str().unwrap().to_string(), links)
        })
        .collect()
}

/// The programme tree: each programme's id → (parent, its projects in id order), and each
/// project's path.
type Tree = BTreeMap<String, (Value, Vec<String>)>;
fn programmes(plan: &Value) -> (Tree, BTreeMap<String, Value>) {
    let tree = plan["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let mut projects: Vec<String> = p["projects"]
                .as_array()
                .unwrap()
                .iter()
                .map(|id| id.as_str().unwrap().to_string())
                .collect();
            projects.sort();
            (
                p["id"].as_str().unwrap().to_string(),
                (p["parent"].clone(), projects),
            )
        })
        .collect();
    let paths = plan["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["programme_path"].clone(),
            )
        })
        .collect();
    (tree, paths)
}

/// Each programme's id → (name, description).
fn programme_texts(plan: &Value) -> BTreeMap<String, (Value, Value)> {
    plan["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                (p["name"].clone(), p["description"].clone()),
            )
        })
        .collect()
}

/// Each project's id → description.
fn descriptions(plan: &Value) -> BTreeMap<String, Value> {
    plan["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["description"].clone(),
            )
        })
        .collect()
}

#[test]
fn mspdi_round_trip_keeps_dates_links_resources_and_costs_of_every_example() {
    let dir = tempfile::tempdir().unwrap();
    for file in examples() {
        let xml = dir.path().join("plan.xml");
        let back = dir.path().join("back.toml");
        roadmap()
            .args(["--quiet", "export", "--format", "mspdi", "--force", "-o"])
            .arg(&xml)
            .args(FAST)
            .arg(&file)
            .assert()
            .success();
        import_ok(&[
            xml.to_str().unwrap(),
            "-o",
            back.to_str().unwrap(),
            "--force",
        ]);
        let (before, after) = (plan_json(&file), plan_json(&back));
        assert_eq!(dates(&before), dates(&after), "{}", file.display());
        assert_eq!(links(&before), links(&after), "{}", file.display());
        // Summary tasks come back as the same nested programmes, with names and descriptions.
        assert_eq!(
            programmes(&before),
            programmes(&after),
            "{}",
            file.display()
        );
        if file == Path::new("roadmap.toml") {
            let nested = before["programmes"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| !p["parent"].is_null())
                .count();
            assert!(nested >= 3, "the bundled roadmap has nested programmes");
        }
        assert_eq!(
            programme_texts(&before),
            programme_texts(&after),
            "{}",
            file.display()
        );
        assert_eq!(
            descriptions(&before),
            descriptions(&after),
            "{}",
            file.display()
        );
        let units = |plan: &Value| -> BTreeMap<String, Value> {
            plan["projects"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| !p["milestone"].as_bool().unwrap())
                .map(|p| {
                    (
                        p["id"].as_str().unwrap().to_string(),
                        p["resources"].clone(),
                    )
                })
                .collect()
        };
        assert_eq!(units(&before), units(&after), "{}", file.display());
        let capacities = |plan: &Value| -> Vec<(Value, Value)> {
            plan["resources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| (r["id"].clone(), r["capacity"].clone()))
                .collect()
        };
        assert_eq!(
            capacities(&before),
            capacities(&after),
            "{}",
            file.display()
        );
        assert_eq!(
            before["roadmap"]["total_cost"],
            after["roadmap"]["total_cost"]
        );
    }
}

#[test]
fn csv_round_trip_keeps_dates_links_and_costs_of_every_example() {
    let dir = tempfile::tempdir().unwrap();
    let mut calendars = 0;
    for file in examples() {
        let csv = dir.path().join("plan.csv");
        let back = dir.path().join("back.toml");
        roadmap()
            .args(["--quiet", "plan", "--format", "csv", "--force", "-o"])
            .arg(&csv)
            .args(FAST)
            .arg(&file)
            .assert()
            .success();
        let before = plan_json(&file);
        let start = before["roadmap"]["start"].as_str().unwrap();
        let mut args: Vec<String> = [csv.to_str().unwrap(), "-o", back.to_str().unwrap()]
            .into_iter()
            .chain(["--force", "--start", start])
            .map(String::from)
            .collect();
        // A roadmap on a calendar: its days off and worked days from `roadmap calendar`, its
        // weekdays (which that CSV does not list) from the JSON.
        if std::fs::read_to_string(&file)
            .unwrap()
            .contains("\n[calendar]")
        {
            calendars += 1;
            let days = dir.path().join("calendar.csv");
            roadmap()
                .args(["--quiet", "calendar", "--format", "csv", "--force", "-o"])
                .arg(&days)
                .args(FAST)
                .arg(&file)
                .assert()
                .success();
            let calendar = support::stdout_json(
                roadmap()
                    .args(["calendar", "--format", "json"])
                    .args(FAST)
                    .arg(&file),
            );
            let workdays = calendar["workdays"].as_str().unwrap().to_string();
            args.extend(["--calendar".into(), days.display().to_string()]);
            args.extend(["--workdays".into(), workdays]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let stderr = import_ok(&args);
        assert!(!stderr.contains("Monday to Friday is assumed"), "{stderr}");
        let after = plan_json(&back);
        assert_eq!(dates(&before), dates(&after), "{}", file.display());
        assert_eq!(links(&before), links(&after), "{}", file.display());
        // The `programme` path column comes back as the same nested programmes.
        assert_eq!(
            programmes(&before),
            programmes(&after),
            "{}",
            file.display()
        );
        if file == Path::new("roadmap.toml") {
            let nested = before["programmes"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| !p["parent"].is_null())
                .count();
            assert!(nested >= 3, "the bundled roadmap has nested programmes");
        }
        // Lags too: the typed `links` column carries them.
        let lags = |plan: &Value| -> Vec<Value> {
            plan["projects"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|p| p["depends_on"].as_array().unwrap().clone())
                .collect::<Vec<_>>()
        };
        let sorted = |mut v: Vec<Value>| {
            v.sort_by_key(|d| d.to_string());
            v
        };
        assert_eq!(sorted(lags(&before)), sorted(lags(&after)));
        if file == Path::new("roadmap.toml") {
            // On Bulgaria's calendar: every BG holiday of the plan's years is in the table.
            let toml: toml::Table = std::fs::read_to_string(&back).unwrap().parse().unwrap();
            assert_eq!(
                toml["calendar"]["holidays"].to_string(),
                "[\"BG\"]",
                "{toml:?}"
            );
        }
    }
    assert!(
        calendars >= 2,
        "the bundled roadmap and examples/calendar.toml have a [calendar]"
    );
}

#[test]
fn the_output_is_commented_validated_and_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let xml = dir.path().join("plan.xml");
    let out = dir.path().join("roadmap.toml");
    roadmap()
        .args([
            "--quiet",
            "export",
            "roadmap.toml",
            "--format",
            "mspdi",
            "-o",
        ])
        .arg(&xml)
        .assert()
        .success();
    import_ok(&[xml.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# Imported by `roadmap import` from "));
    let order: Vec<usize> = ["[roadmap]", "[[actor]]", "[[resource]]", "[[project]]"]
        .iter()
        .map(|t| text.find(t).unwrap())
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "tables in format order"
    );
    roadmap().arg("validate").arg(&out).assert().success();

    std::fs::write(&out, "keep me").unwrap();
    let (code, stderr) = import(&[xml.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("already exists; use --force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    import_ok(&[
        xml.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert_ne!(std::fs::read_to_string(&out).unwrap(), "keep me");
}

fn import_to_text(args: &[&str]) -> (String, String) {
    let output = roadmap()
        .arg("import")
        .args(args)
        .args(["-o", "-"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{args:?}:\n{stderr}");
    (String::from_utf8(output.stdout).unwrap(), stderr)
}

#[test]
fn reads_the_mspdi_that_mpxj_writes() {
    let (text, stderr) = import_to_text(&["tests/fixtures/import/mpxj-city-plan.xml"]);
    let toml: toml::Table = text.parse().unwrap();
    assert_eq!(toml["roadmap"]["start"].to_string(), "2025-01-06");
    assert_eq!(toml["roadmap"]["currency"].as_str(), Some("BGN"));
    let projects = toml["project"].as_array().unwrap();
    let project = |id: &str| {
        projects
            .iter()
            .find(|p| p["id"].as_str() == Some(id))
            .unwrap_or_else(|| panic!("no project {id} in\n{text}"))
    };
    // 10 working days on the file's calendar, which comes in as `[calendar]`: "10wd", and
    // planned Monday 6th to Friday 17th as in the file.
    assert_eq!(
        project("requirements-analysis")["duration"].as_str(),
        Some("10wd")
    );
    assert_eq!(
        toml["calendar"]["workdays"].to_string(),
        r#"["mon", "tue", "wed", "thu", "fri"]"#
    );
    // Costs are hundredths in MSPDI.
    assert_eq!(
        project("requirements-analysis")["cost"].as_integer(),
        Some(12000)
    );
    assert_eq!(
        project("requirements-analysis")["status"].as_str(),
        Some("done")
    );
    assert_eq!(project("portal-build")["progress"].as_float(), Some(0.4));
    assert_eq!(
        project("portal-build")["deadline"].to_string(),
        "2025-03-31"
    );
    assert_eq!(
        project("staff-training")["earliest_start"].to_string(),
        "2025-02-10"
    );
    assert_eq!(project("launch")["duration"].as_str(), Some("0d"));
    // SS with 2 working days' lag, kept in working days.
    let ss = &project("staff-training")["depends_on"][0];
    assert_eq!(ss["type"].as_str(), Some("SS"));
    assert_eq!(ss["lag"].as_str(), Some("2wd"));
    assert_eq!(
        project("launch")["depends_on"][1]["type"].as_str(),
        Some("FF")
    );
    // The SF link and the material resource are listed on stderr and in the file.
    assert!(project("support-contract").get("depends_on").is_none());
    for message in ["start-to-finish (SF) link", "material resource"] {
        assert!(stderr.contains(message), "{stderr}");
        assert!(text.contains(message), "{text}");
    }
    assert!(
        stderr.contains("line "),
        "notes name the XML line: {stderr}"
    );
    // Resources with max units, assignments with units.
    let resource = &toml["resource"][0];
    assert_eq!(resource["id"].as_str(), Some("it-team"));
    assert_eq!(resource["capacity"].as_float(), Some(2.5));
    assert_eq!(
        project("staff-training")["resources"]["it-team"].as_float(),
        Some(0.5)
    );
    // The summary task is a programme its tasks name.
    let programme = &toml["programme"][0];
    assert_eq!(programme["id"].as_str(), Some("e-services"), "{text}");
    assert!(programme.get("parent").is_none());
    assert_eq!(
        project("portal-build")["programme"].as_str(),
        Some("e-services")
    );
    assert!(project("launch").get("programme").is_none());
    // Notes are descriptions.
    assert_eq!(
        project("requirements-analysis")["description"].as_str(),
        Some("Interviews with every directorate.")
    );
    assert!(
        text.contains(
            "{ from = 2025-03-03, until = 2025-03-04, name = \"Liberation Day bridge\" }"
        )
    );
    assert_eq!(
        text.matches("Liberation Day bridge").count(),
        1,
        "one holiday"
    );
    // The lead comes from the file's company.
    assert_eq!(
        toml["actor"][0]["id"].as_str(),
        Some("plovdiv-municipality")
    );
}

#[test]
fn reads_projectlibre_and_ganttproject_style_variants() {
    let (text, _) = import_to_text(&["tests/fixtures/import/projectlibre-style.xml"]);
    let toml: toml::Table = text.parse().unwrap();
    let projects = toml["project"].as_array().unwrap();
    assert_eq!(projects.len(), 3, "the summary tasks are not projects");
    assert_eq!(
        projects[0]["duration"].as_str(),
        Some("30d"),
        "PT240H on a 7-day calendar"
    );
    assert_eq!(
        projects[0]["deadline"].to_string(),
        "2025-03-31",
        "finish no later than"
    );
    assert_eq!(projects[0]["priority"].as_integer(), Some(1));
    assert_eq!(projects[0]["cost"].as_integer(), Some(50000));
    assert_eq!(
        projects[1]["depends_on"][0]["lag"].as_str(),
        Some("1m"),
        "lag in months"
    );
    // A link from a summary task becomes links from each of its projects.
    let open_data: Vec<&str> = projects[2]["depends_on"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(open_data, ["traffic-sensors", "data-platform"]);
    assert!(text.contains("from a link of summary task \"Mobility data\""));
    assert_eq!(toml["resource"][0]["capacity"].as_integer(), Some(3));
    assert!(
        !text.contains("[calendar]"),
        "a calendar of every day needs no table"
    );

    let (text, _) = import_to_text(&["tests/fixtures/import/ganttproject-style.xml"]);
    let toml: toml::Table = text.parse().unwrap();
    let projects = toml["project"].as_array().unwrap();
    assert_eq!(
        projects[0]["duration"].as_str(),
        Some("8d"),
        "elapsed PT192H is 8 days"
    );
    assert_eq!(projects[0]["status"].as_str(), Some("in-progress"));
    assert_eq!(projects[0]["progress"].as_float(), Some(0.5));
    assert_eq!(
        projects[1]["depends_on"][0]["lag"].as_str(),
        Some("2d"),
        "elapsed lag"
    );
    assert_eq!(projects[2]["duration"].as_str(), Some("0d"));
}

#[test]
fn reads_a_bulgarian_spreadsheet_with_semicolons_accents_and_local_notation() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("проекти.csv");
    std::fs::write(
        &csv,
        "Код;Наименование;Продължителност;Зависи от;Водещ;Стойност;Финансиране;Най-ранно начало;Краен срок;Статус;Действително начало;Напредък;Програма;Описание\n\
         p1;Портал;6 месеца;;община;450 000,50;оп=450000,50;01.02.2025;;в изпълнение;03.02.2025;40%;Градски услуги / Е-управление;Един портал за услугите.\n\
         p2;Обучение;10 дни;p1 SS+2 седмици;община;1 200;;;31.12.2025;;;;Градски услуги;\n",
    )
    .unwrap();
    let (text, _) = import_to_text(&[csv.to_str().unwrap(), "--start", "2025-01-01"]);
    let toml: toml::Table = text.parse().unwrap();
    let p = &toml["project"].as_array().unwrap();
    assert_eq!(p[0]["name"].as_str(), Some("Портал"));
    assert_eq!(p[0]["duration"].as_str(), Some("6m"));
    assert_eq!(p[0]["cost"].as_float(), Some(450_000.5));
    assert_eq!(p[0]["earliest_start"].to_string(), "2025-02-01");
    assert_eq!(p[0]["status"].as_str(), Some("in-progress"));
    assert_eq!(p[0]["progress"].as_float(), Some(0.4));
    assert_eq!(p[1]["duration"].as_str(), Some("10d"));
    assert_eq!(p[1]["depends_on"][0]["type"].as_str(), Some("SS"));
    assert_eq!(p[1]["depends_on"][0]["lag"].as_str(), Some("2w"));
    assert_eq!(p[1]["deadline"].to_string(), "2025-12-31");
    // Actors and funding sources the rows name are created, with a comment.
    assert_eq!(toml["actor"][0]["id"].as_str(), Some("община"));
    assert_eq!(p[0]["actual_start"].to_string(), "2025-02-03");
    assert_eq!(toml["funding"][0]["amount"].as_float(), Some(450_000.5));
    assert!(text.contains("no sheet of funding sources lists it"));
    // The programme column's path of names gives nested programmes; descriptions are keys.
    let programmes = toml["programme"].as_array().unwrap();
    assert_eq!(programmes.len(), 2, "{text}");
    assert_eq!(programmes[0]["id"].as_str(), Some("градски-услуги"));
    assert_eq!(programmes[0]["name"].as_str(), Some("Градски услуги"));
    assert_eq!(programmes[1]["id"].as_str(), Some("е-управление"));
    assert_eq!(programmes[1]["parent"].as_str(), Some("градски-услуги"));
    assert_eq!(p[0]["programme"].as_str(), Some("е-управление"));
    assert_eq!(p[1]["programme"].as_str(), Some("градски-услуги"));
    assert_eq!(
        p[0]["description"].as_str(),
        Some("Един портал за услугите.")
    );
    assert!(p[1].get("description").is_none());
}

#[test]
fn templates_import_into_a_valid_roadmap() {
    let dir = tempfile::tempdir().unwrap();
    for (format, file) in [("xlsx", "projects.xlsx"), ("csv", "projects.csv")] {
        roadmap()
            .current_dir(dir.path())
            .args(["init", "--template", format])
            .assert()
            .success();
        assert!(dir.path().join(file).exists());
        roadmap()
            .current_dir(dir.path())
            .args(["init", "--template", format])
            .assert()
            .code(2);
        let out = dir.path().join(format!("{format}.toml"));
        let stderr = import_ok(&[
            dir.path().join(file).to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(!stderr.contains("warning"), "{format}: {stderr}");
        roadmap().arg("validate").arg(&out).assert().success();
        let plan = plan_json(&out);
        assert_eq!(plan["projects"].as_array().unwrap().len(), 2);
    }
    // The workbook has the five sheets, a Roadmap sheet and the explanation.
    use calamine::Reader;
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook(dir.path().join("projects.xlsx")).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "Projects",
            "Actors",
            "Resources",
            "Funding",
            "Objectives",
            "Calendar",
            "Roadmap",
            "Explanation"
        ]
    );
    let toml: toml::Table = std::fs::read_to_string(dir.path().join("xlsx.toml"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        toml["calendar"]["workdays"].to_string(),
        r#"["mon", "tue", "wed", "thu", "fri"]"#
    );
    assert_eq!(toml["calendar"]["working"].to_string(), "[2025-05-17]");
    let explanation = workbook.worksheet_range("Explanation").unwrap();
    let text: Vec<String> = explanation
        .rows()
        .flatten()
        .map(|c| c.to_string())
        .collect();
    assert!(text.iter().any(|t| t == "depends_on"));
    assert!(
        text.iter().any(|t| t.contains("празник")),
        "the calendar's columns"
    );
    assert!(text.iter().any(|t| t.contains("зависи от")));
}

/// A bad input: exit 1, the file and the place named, nothing written.
fn refused(file: &Path, extra: &[&str], expected: &[&str]) {
    let out = file.with_extension("out.toml");
    let mut args = vec![file.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (code, stderr) = import(&args);
    assert_eq!(code, 1, "{}: {stderr}", file.display());
    assert!(
        stderr.contains(&file.display().to_string()),
        "names the file: {stderr}"
    );
    for text in expected {
        assert!(stderr.contains(text), "expected {text:?} in:\n{stderr}");
    }
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(!out.exists(), "{} was written", out.display());
}

#[test]
fn bad_input_is_a_clear_error_with_its_place_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    refused(
        &write("not.xml", "this is not XML at all"),
        &[],
        &["line 1", "not well-formed XML"],
    );
    refused(
        &write(
            "pom.xml",
            "<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>",
        ),
        &[],
        &["line 2", "not MS Project XML"],
    );
    let task = |uid: u32, extra: &str| {
        format!(
            "<Task><UID>{uid}</UID><Name>T{uid}</Name><Duration>PT8H0M0S</Duration>{extra}</Task>\n"
        )
    };
    let mspdi = |tasks: String| {
        format!(
            "<Project xmlns=\"http://schemas.microsoft.com/project\">\n<StartDate>2025-01-01T08:00:00</StartDate>\n<Tasks>\n{tasks}</Tasks>\n</Project>\n"
        )
    };
    refused(
        &write(
            "unknown-uid.xml",
            &mspdi(task(
                1,
                "<PredecessorLink><PredecessorUID>7</PredecessorUID></PredecessorLink>",
            )),
        ),
        &[],
        &["line 4", "no task has that UID"],
    );
    refused(
        &write("duplicate-uid.xml", &mspdi(task(1, "") + &task(1, ""))),
        &[],
        &["line 5", "duplicate task UID 1"],
    );
    refused(
        &write(
            "bad-date.xml",
            &mspdi(task(1, "<Deadline>31/12/2025</Deadline>")),
        ),
        &[],
        &["line 4", "cannot read the date"],
    );
    refused(
        &write(
            "cycle.xml",
            &mspdi(
                task(
                    1,
                    "<PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink>",
                ) + &task(
                    2,
                    "<PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink>",
                ),
            ),
        ),
        &[],
        &["line 4", "E007"],
    );
    refused(
        &write("no-id.csv", "name,duration\nPortal,6 months\n"),
        &[],
        &["row 1", "no `id` (or code"],
    );
    refused(
        &write("no-duration.csv", "id,name\np1,Portal\n"),
        &[],
        &["row 1", "no `duration` (or"],
    );
    let csv = |rows: &str| format!("id,duration,depends_on,lead,earliest_start\n{rows}");
    refused(
        &write(
            "duplicate.csv",
            &csv("a,1m,,office,2025-01-01\na,2m,,office,\n"),
        ),
        &[],
        &["row 3", "E005"],
    );
    refused(
        &write(
            "unknown.csv",
            &csv("a,1m,,office,2025-01-01\nb,1m,zz,office,\n"),
        ),
        &[],
        &["row 3, column C (depends_on)", "E006"],
    );
    refused(
        &write(
            "cycle.csv",
            &csv("a,1m,b,office,2025-01-01\nb,1m,a,office,\n"),
        ),
        &[],
        &["column C (depends_on)", "E007"],
    );
    refused(
        &write("date.csv", &csv("a,1m,,office,next spring\n")),
        &["--start", "2025-01-01"],
        &[
            "row 2, column E (earliest_start)",
            "cannot read the date \"next spring\"",
        ],
    );
    refused(
        &write("duration.csv", &csv("a,6 mnths,,office,2025-01-01\n")),
        &[],
        &["row 2, column B (duration)", "unknown duration unit"],
    );
    let actors = write("actors.csv", "id,name\noffice,Office\noffice,Again\n");
    refused(
        &write("with-actors.csv", &csv("a,1m,,office,2025-01-01\n")),
        &["--actors", actors.to_str().unwrap()],
        &["actors.csv, row 3", "E005"],
    );
    refused(
        &write("fake.xlsx", "id,duration\n"),
        &[],
        &["not an XLSX workbook"],
    );

    // A binary MS Project file: a usage error with a hint.
    let (code, stderr) = import(&[write("plan.mpp", "").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("save the plan as XML"), "{stderr}");

    // 100 MB: refused before it is read.
    let big = dir.path().join("big.xml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    refused(&big, &[], &["100 MiB", "larger than"]);

    // A zip bomb (tests/tools/make_zip_bomb.py): 300 KB that inflate to 300 MiB.
    let bomb = dir.path().join("bomb.xlsx");
    std::fs::copy("tests/fixtures/import/zip-bomb.xlsx", &bomb).unwrap();
    refused(&bomb, &[], &["inflates to more than 256 MiB"]);
}

/// MPXJ reads our MSPDI export: the dates, links, lags, calendar and assignments it sees are
/// ours. Needs Java and MPXJ (`.ci/run` installs them); fails under CI=true without them.
#[test]
fn mpxj_reads_our_mspdi_export_as_we_planned_it() {
    let python = Path::new("target/mpxj-venv/bin/python");
    let ready = python.exists()
        && std::process::Command::new(python)
            .args(["-c", "import mpxj, jpype"])
            .status()
            .is_ok_and(|s| s.success())
        && std::process::Command::new("java")
            .arg("-version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !support::tool_present(
        ready,
        "MPXJ with a Java runtime",
        "python3 -m venv target/mpxj-venv && target/mpxj-venv/bin/pip install mpxj JPype1; apt-get install -y default-jre-headless",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let calendar_file = dir.path().join("calendar.toml");
    std::fs::write(&calendar_file, WORKING_CALENDAR).unwrap();
    for file in [
        "roadmap.toml",
        "examples/dependency-types.toml",
        "examples/resources.toml",
        calendar_file.to_str().unwrap(),
    ] {
        let xml = dir.path().join("plan.xml");
        roadmap()
            .args([
                "--quiet", "export", file, "--format", "mspdi", "--force", "-o",
            ])
            .arg(&xml)
            .assert()
            .success();
        let output = std::process::Command::new(python)
            .arg("tests/tools/mpxj_read.py")
            .arg(&xml)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let seen: Value = serde_json::from_slice(&output.stdout).unwrap();
        let plan = plan_json(Path::new(file));
        let (working_days, exceptions) = our_calendar(Path::new(file));
        assert_eq!(seen["calendar"]["working_days"], working_days, "{file}");
        // Every holiday and worked day of the plan's years is an exception MPXJ sees.
        let theirs: Vec<(String, bool)> = seen["calendar"]["exceptions"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|e| {
                let from: chrono::NaiveDate = e["from"].as_str().unwrap().parse().unwrap();
                let until: chrono::NaiveDate = e["until"].as_str().unwrap().parse().unwrap();
                let working = e["working"].as_bool().unwrap();
                from.iter_days()
                    .take_while(move |d| *d <= until)
                    .map(move |d| (d.to_string(), working))
            })
            .collect();
        for exception in &exceptions {
            assert!(
                theirs.contains(exception),
                "{file}: {exception:?} not in {theirs:?}"
            );
        }
        let projects = plan["projects"].as_array().unwrap();
        // Programmes are summary tasks; projects are the others, in outline order.
        let tasks: Vec<&Value> = seen["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| !t["summary"].as_bool().unwrap())
            .collect();
        assert_eq!(tasks.len(), projects.len(), "{file}");
        let task_named = |name: &Value| *tasks.iter().find(|t| t["name"] == *name).unwrap();
        let by_id: BTreeMap<&str, &Value> = projects
            .iter()
            .map(|p| (p["id"].as_str().unwrap(), p))
            .collect();
        for project in projects {
            let task = task_named(&project["name"]);
            assert_eq!(task["name"], project["name"], "{file}");
            assert_eq!(task["start"], project["start"], "{file}");
            assert_eq!(task["finish"], project["finish"], "{file}");
            // MPXJ's own calendar arithmetic (start + duration) lands on our finish, as MS
            // Project's would.
            if !project["milestone"].as_bool().unwrap() {
                assert_eq!(
                    task["computed_finish"], project["finish"],
                    "{file}: {}",
                    project["id"]
                );
            }
            assert_eq!(task["milestone"], project["milestone"], "{file}");
            let ours: Vec<(String, String, f64)> = project["depends_on"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    let before = by_id[d["project"].as_str().unwrap()];
                    (
                        before["name"].as_str().unwrap().to_string(),
                        d["type"].as_str().unwrap().to_string(),
                        lag_days(d, before) as f64,
                    )
                })
                .collect();
            let theirs: Vec<(String, String, f64)> = task["predecessors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    (
                        p["task"].as_str().unwrap().to_string(),
                        p["type"].as_str().unwrap().to_string(),
                        p["lag_days"].as_f64().unwrap(),
                    )
                })
                .collect();
            assert_eq!(ours, theirs, "{file}: {}", project["id"]);
        }
        let capacities: Vec<(Value, f64)> = plan["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                // MaxUnits is the most the resource ever has (its steps are AvailabilityPeriods).
                let most = r["capacity_changes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c["capacity"].as_f64())
                    .fold(r["capacity"].as_f64().unwrap(), f64::max);
                (r["name"].clone(), most)
            })
            .collect();
        let max_units: Vec<(Value, f64)> = seen["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["name"].clone(), r["max_units"].as_f64().unwrap()))
            .collect();
        assert_eq!(capacities, max_units, "{file}");
        let resource_name = |id: &str| {
            plan["resources"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == id)
                .unwrap()["name"]
                .as_str()
                .unwrap()
                .to_string()
        };
        let mut ours: Vec<(String, String, String)> = projects
            .iter()
            .filter(|p| !p["milestone"].as_bool().unwrap())
            .flat_map(|p| {
                p["resources"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .map(|(r, u)| {
                        (
                            p["name"].as_str().unwrap().to_string(),
                            resource_name(r),
                            format!("{:.3}", u.as_f64().unwrap()),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut theirs: Vec<(String, String, String)> = seen["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["task"].as_str().unwrap().to_string(),
                    a["resource"].as_str().unwrap().to_string(),
                    format!("{:.3}", a["units"].as_f64().unwrap()),
                )
            })
            .collect();
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs, "{file}");
    }
}

/// A link's lag in days, as the plan applies it (months counted from the day the lag starts).
/// A roadmap on working days with holidays, a closure, a worked Saturday, and tasks and lags in
/// working and calendar days (one ending on a weekend).
const WORKING_CALENDAR: &str = r#"
[roadmap]
name = "Working calendar"
start = 2024-12-21

[calendar]
workdays = ["mon", "tue", "wed", "thu", "fri"]
holidays = ["BG", 2025-01-02, { from = 2025-01-06, until = 2025-01-07, name = "Closure" }]
working = [2025-01-11]

[[actor]]
id = "city"
name = "City"

[[project]]
id = "first"
name = "First"
duration = "3 wd"
lead = "city"

[[project]]
id = "second"
name = "Second"
duration = "10d"
lead = "city"
depends_on = ["first"]

[[project]]
id = "third"
name = "Third"
duration = "2 working days"
lead = "city"
depends_on = [{ project = "second", type = "FS", lag = "1 wd" }]

[[project]]
id = "fourth"
name = "Fourth"
duration = "12d"
lead = "city"
depends_on = [{ project = "third", type = "SS", lag = "3d" }]

[[project]]
id = "fifth"
name = "Fifth"
duration = "20 wd"
lead = "city"
depends_on = ["fourth"]
"#;

/// The working weekdays (Monday = 1) and the exception days (date, worked?) of a roadmap's
/// calendar, from `roadmap calendar` over the plan's years.
fn our_calendar(file: &Path) -> (Value, Vec<(String, bool)>) {
    let plan = plan_json(file);
    let year = |key: &str| {
        plan["roadmap"][key].as_str().unwrap()[..4]
            .parse::<i32>()
            .unwrap()
    };
    let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut workdays = Value::Null;
    let mut exceptions = Vec::new();
    for y in year("start")..=year("finish") {
        let out = roadmap()
            .args(["calendar", "--format", "json", "--year", &y.to_string()])
            .arg(file)
            .output()
            .unwrap();
        let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = listed["workdays"].as_str().unwrap();
        workdays = if text.starts_with("every day") {
            serde_json::json!([1, 2, 3, 4, 5, 6, 7])
        } else {
            let days: Vec<usize> = text
                .split(", ")
                .map(|d| names.iter().position(|n| n == &d).unwrap() + 1)
                .collect();
            serde_json::json!(days)
        };
        for day in listed["days"].as_array().unwrap() {
            let date = day["date"].as_str().unwrap().to_string();
            exceptions.push((date, day["kind"] == "worked"));
        }
    }
    (workdays, exceptions)
}

fn lag_days(link: &Value, before: &Value) -> i64 {
    use chrono::{Days, Months, NaiveDate};
    let date = |v: &Value| v.as_str().unwrap().parse::<NaiveDate>().unwrap();
    let lag = link["lag"].as_str().unwrap();
    if let Some(working) = lag.strip_suffix("wd") {
        // Working days: MPXJ counts them on the calendar, as we do.
        return working.parse().unwrap();
    }
    let (number, unit) = lag.split_at(lag.len() - 1);
    let n: u32 = number.parse().unwrap();
    let anchor = match link["type"].as_str().unwrap() {
        "SS" => date(&before["start"]),
        _ if before["milestone"].as_bool().unwrap() => date(&before["start"]),
        _ => date(&before["finish"]) + Days::new(1),
    };
    let end = match unit {
        "d" => anchor + Days::new(u64::from(n)),
        "w" => anchor + Days::new(u64::from(n) * 7),
        "m" => anchor + Months::new(n),
        "q" => anchor + Months::new(n * 3),
        "y" => anchor + Months::new(n * 12),
        other => panic!("unit {other}"),
    };
    (end - anchor).num_days()
}

/// Writes a workbook: each sheet a name and rows of cells; `YYYY-MM-DD` text becomes a real
/// date cell, as a spreadsheet program stores a typed date.
fn workbook(path: &Path, sheets: &[(&str, Vec<Vec<String>>)]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                    Ok(date) => {
                        sheet
                            .write_datetime_with_format(r, c, date, &date_format)
                            .unwrap();
                    }
                    Err(_) if text.is_empty() => {}
                    Err(_) => {
                        sheet.write_string(r, c, text).unwrap();
                    }
                }
            }
        }
    }
    book.save(path).unwrap();
}

fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect()
}

fn planned(plan: &Value, id: &str) -> (String, String) {
    let project = plan["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap();
    (
        project["start"].as_str().unwrap().to_string(),
        project["finish"].as_str().unwrap().to_string(),
    )
}

#[test]
fn a_workbooks_calendar_sheet_and_workdays_row_become_the_calendar() {
    let dir = tempfile::tempdir().unwrap();
    // A Sunday-to-Thursday week, a closure that is not a Bulgarian holiday, a worked Saturday.
    let file = dir.path().join("week.xlsx");
    workbook(
        &file,
        &[
            (
                "Projects",
                rows(&[
                    &["id", "duration", "depends_on", "lead", "earliest_start"],
                    &["a", "5wd", "", "office", "2025-08-03"],
                    &["b", "3wd", "a", "office", ""],
                ]),
            ),
            (
                "Roadmap",
                rows(&[&["start", "2025-08-01"], &["workdays", "sun-thu"]]),
            ),
            (
                "Calendar",
                rows(&[
                    &["date", "kind", "source"],
                    &["2025-08-05", "off", "Closure"],
                    &["2025-08-06", "off", "Closure"],
                    &["2025-08-09", "working", "Saturday worked"],
                ]),
            ),
        ],
    );
    let out = dir.path().join("week.toml");
    let stderr = import_ok(&[file.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(!stderr.contains("assumed"), "{stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    let toml: toml::Table = text.parse().unwrap();
    let calendar = &toml["calendar"];
    assert_eq!(
        calendar["workdays"].to_string(),
        r#"["mon", "tue", "wed", "thu", "sun"]"#
    );
    assert!(
        text.contains(
            "holidays = [\n  { from = 2025-08-05, until = 2025-08-06, name = \"Closure\" },\n]"
        ),
        "two days in a row with one name are a range:\n{text}"
    );
    assert_eq!(calendar["working"].to_string(), "[2025-08-09]");
    // a: Sun 3, Mon 4, (Tue-Wed closed) Thu 7, (Fri off) Sat 9 worked, Sun 10;
    // b: Mon 11 to Wed 13.
    let plan = plan_json(&out);
    assert_eq!(
        planned(&plan, "a"),
        ("2025-08-03".into(), "2025-08-10".into())
    );
    assert_eq!(
        planned(&plan, "b"),
        ("2025-08-11".into(), "2025-08-13".into())
    );

    // Bulgarian sheets and headers; every Bulgarian holiday of 2025 is there, so "BG".
    let file = dir.path().join("календар.xlsx");
    let mut days = rows(&[&["Дата", "Вид", "Празник"]]);
    for (date, _) in roadmap::calendar::bulgaria::holidays(2025) {
        days.push(vec![
            date.format("%d.%m.%Y").to_string(),
            "почивен".into(),
            "Официален празник".into(),
        ]);
    }
    days.extend(rows(&[
        &["04.08.2025 г.", "неработен", "Лятна почивка"],
        &["17.05.2025", "работен", ""],
        &["31.12.2025", "", ""],
    ]));
    workbook(
        &file,
        &[
            (
                "Проекти",
                rows(&[
                    &["Код", "Продължителност", "Водещ", "Най-ранно начало"],
                    &["p1", "5wd", "община", "01.01.2025"],
                ]),
            ),
            (
                "Пътна карта",
                rows(&[&["Начало", "01.01.2025"], &["Работни дни", "пн-пт"]]),
            ),
            ("Календар", days),
        ],
    );
    let (text, stderr) = import_to_text(&[file.to_str().unwrap()]);
    assert!(!stderr.contains("assumed"), "{stderr}");
    let toml: toml::Table = text.parse().unwrap();
    let calendar = &toml["calendar"];
    assert_eq!(
        calendar["workdays"].to_string(),
        r#"["mon", "tue", "wed", "thu", "fri"]"#
    );
    assert_eq!(
        calendar["holidays"].to_string(),
        r#"["BG", { from = 2025-08-04, name = "Лятна почивка", until = 2025-08-04 }, 2025-12-31]"#,
        "{text}"
    );
    assert_eq!(calendar["working"].to_string(), "[2025-05-17]");
    let out = dir.path().join("bg.toml");
    std::fs::write(&out, &text).unwrap();
    // 1 January is a holiday: the project starts on the 2nd.
    assert_eq!(planned(&plan_json(&out), "p1").0, "2025-01-02");

    // A calendar table without weekdays: Monday to Friday, said on stderr and in the file.
    let file = dir.path().join("no-weekdays.xlsx");
    workbook(
        &file,
        &[
            (
                "Projects",
                rows(&[
                    &["id", "duration", "earliest_start"],
                    &["a", "5wd", "2025-08-01"],
                ]),
            ),
            (
                "Calendar",
                rows(&[&["date", "kind"], &["2025-08-04", "off"]]),
            ),
        ],
    );
    let (text, stderr) = import_to_text(&[file.to_str().unwrap()]);
    assert!(
        stderr.contains(
            "note: sheet Calendar gives no working weekdays: Monday to Friday is assumed"
        ),
        "{stderr}"
    );
    assert!(
        text.contains("# It gives no working weekdays: Monday to Friday is assumed"),
        "{text}"
    );
    let toml: toml::Table = text.parse().unwrap();
    assert_eq!(
        toml["calendar"]["workdays"].to_string(),
        r#"["mon", "tue", "wed", "thu", "fri"]"#
    );
    assert_eq!(toml["calendar"]["holidays"].to_string(), "[2025-08-04]");

    // --workdays alone: a calendar of those weekdays only; it wins over a workdays row.
    let csv = dir.path().join("plain.csv");
    std::fs::write(&csv, "id,duration,earliest_start\na,5wd,2025-08-01\n").unwrap();
    let (text, _) = import_to_text(&[csv.to_str().unwrap(), "--workdays", "пн-чт"]);
    let toml: toml::Table = text.parse().unwrap();
    assert_eq!(
        toml["calendar"].to_string(),
        "{ workdays = [\"mon\", \"tue\", \"wed\", \"thu\"] }"
    );
    let week = dir.path().join("week.xlsx");
    let (text, _) = import_to_text(&[week.to_str().unwrap(), "--workdays", "mon-fri"]);
    assert!(text.contains("workdays = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]"));
}

#[test]
fn bad_calendar_tables_are_clear_errors_with_their_place_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let projects = rows(&[
        &["id", "duration", "earliest_start"],
        &["a", "5wd", "2025-08-01"],
    ]);
    let book = |name: &str, sheets: &[(&str, Vec<Vec<String>>)]| {
        let path = dir.path().join(name);
        let mut all = vec![("Projects", projects.clone())];
        all.extend(sheets.iter().cloned());
        workbook(&path, &all);
        path
    };
    refused(
        &book(
            "date.xlsx",
            &[(
                "Calendar",
                rows(&[
                    &["date", "kind"],
                    &["2025-08-04", "off"],
                    &["next week", "off"],
                ]),
            )],
        ),
        &[],
        &[
            "sheet Calendar, row 3, column A (date)",
            "cannot read the date \"next week\"",
        ],
    );
    refused(
        &book(
            "kind.xlsx",
            &[(
                "Календар",
                rows(&[&["Дата", "Вид"], &["04.08.2025", "maybe"]]),
            )],
        ),
        &[],
        &[
            "sheet Календар, row 2, column B (Вид)",
            "unknown kind of day \"maybe\"",
        ],
    );
    refused(
        &book(
            "no-date.xlsx",
            &[(
                "Calendar",
                rows(&[&["when", "kind"], &["2025-08-04", "off"]]),
            )],
        ),
        &[],
        &["sheet Calendar, row 1", "no `date` (or day, дата"],
    );
    refused(
        &book(
            "workdays.xlsx",
            &[("Roadmap", rows(&[&["workdays", "mon-funday"]]))],
        ),
        &[],
        &[
            "sheet Roadmap, row 1, column B (workdays)",
            "unknown weekday \"funday\"",
        ],
    );
    // The CSV file of --calendar: its rows named with the file.
    let csv = dir.path().join("projects.csv");
    std::fs::write(&csv, "id,duration,earliest_start\na,5wd,2025-08-01\n").unwrap();
    let days = dir.path().join("days.csv");
    std::fs::write(
        &days,
        "date,kind,source\n2025-08-04,off,x\n2025-13-01,off,y\n",
    )
    .unwrap();
    refused(
        &csv,
        &["--calendar", days.to_str().unwrap()],
        &[
            "days.csv, row 3, column A (date)",
            "cannot read the date \"2025-13-01\"",
        ],
    );
    // Two calendar tables: which one is meant?
    refused(
        &book(
            "two.xlsx",
            &[("Calendar", rows(&[&["date"], &["2025-08-04"]]))],
        ),
        &["--calendar", days.to_str().unwrap()],
        &["a second calendar table (the first is sheet Calendar)"],
    );

    // Usage errors: exit 2, nothing written.
    let out = dir.path().join("out.toml");
    let usage = |args: &[&str], expected: &str| {
        let mut all = args.to_vec();
        all.extend(["-o", out.to_str().unwrap()]);
        let (code, stderr) = import(&all);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(
            stderr.contains(expected),
            "expected {expected:?} in:\n{stderr}"
        );
        assert!(!out.exists());
    };
    let missing = dir.path().join("missing.csv");
    usage(
        &[
            csv.to_str().unwrap(),
            "--calendar",
            missing.to_str().unwrap(),
        ],
        "cannot read",
    );
    usage(
        &[csv.to_str().unwrap(), "--workdays", "mon,funday"],
        "unknown weekday \"funday\"",
    );
    let xml = dir.path().join("plan.xml");
    roadmap()
        .args([
            "--quiet",
            "export",
            "roadmap.toml",
            "--format",
            "mspdi",
            "-o",
        ])
        .arg(&xml)
        .assert()
        .success();
    usage(
        &[xml.to_str().unwrap(), "--calendar", days.to_str().unwrap()],
        "--calendar and --workdays are for spreadsheet imports",
    );
}
