//! Hostile input: text that tries to inject into terminals, calendars and XML, and outputs that
//! are devices, closed or interrupted. Every input is generated here; none is committed.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

mod support;

fn roadmap() -> Command {
    Command::cargo_bin("roadmap").unwrap()
}

/// Text with everything a name should not be able to do: terminal escapes (OSC title, clear
/// screen, C1 CSI), CR, BS, NUL, DEL, VT, non-characters, bidi overrides, the characters iCalendar
/// and XML give meaning to, a line that would start a new calendar property, and wide text.
/// Written as TOML escapes, so the file itself is plain ASCII.
const HOSTILE: &str = r#"A\u001b]0;pwn\u0007B\u001b[2J\r\b\u0000\u007f\u000b\ufffe\uffff\u202ertl\u2066; , \\ \nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:x < & > \" ' \u0085\u009b31m é€😀 and a long tail so that lines must fold"#;

/// A small valid roadmap with [`HOSTILE`] in every text: roadmap, objective, actor, resource
/// (name and unit), funding source, currency, projects, criterion and scenario.
fn hostile_roadmap() -> String {
    let h = HOSTILE;
    format!(
        r#"[roadmap]
name = "{h}"
start = 2025-01-01
currency = "E{h}"

[[objective]]
id = "o"
name = "{h}"

[[criterion]]
id = "c"
name = "{h}"

[[actor]]
id = "a"
name = "{h}"

[[resource]]
id = "r"
name = "{h}"
capacity = 1
unit = "{h}"

[[funding]]
id = "f"
name = "{h}"
amount = 1000

[[scenario]]
id = "s"
name = "{h}"
capacity = {{ r = 2 }}

[[project]]
id = "p1"
name = "{h}"
duration = {{ optimistic = "2 months", likely = "3 months", pessimistic = "5 months" }}
lead = "a"
objectives = ["o"]
resources = {{ r = 1 }}
cost = 800
funding = {{ f = 500 }}
scores = {{ c = 4 }}

[[project]]
id = "p2"
name = "{h} two"
duration = "2 months"
lead = "a"
resources = {{ r = 1 }}
scores = {{ c = 2 }}

[[project]]
id = "m"
name = "{h} milestone"
duration = "0d"
lead = "a"
depends_on = ["p1", {{ project = "p2", type = "FF" }}]
scores = {{ c = 1 }}
"#
    )
}

fn write_hostile(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("hostile.toml");
    std::fs::write(&path, hostile_roadmap()).unwrap();
    path
}

/// Control characters (C0 but tab and line feed, DEL, C1) and bidi controls: what must never
/// reach a terminal from a file.
fn unsafe_for_terminal(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[test]
fn hostile_text_reaches_the_terminal_escaped_in_every_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_hostile(dir.path());
    let other = dir.path().join("other.toml");
    std::fs::write(
        &other,
        hostile_roadmap().replace("\"2 months\"", "\"4 months\""),
    )
    .unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["plan"],
        vec!["plan", "--scenario", "s"],
        vec!["rank"],
        vec!["order"],
        vec!["actors"],
        vec!["funding"],
        vec!["funding", "--opportunities"],
        vec!["resources"],
        vec!["compare"],
        vec!["risk", "--runs", "20"],
        vec!["validate"],
    ];
    for width in ["60", "80", "200"] {
        for args in &commands {
            let output = roadmap()
                .args(args)
                .arg(&file)
                .args(["--color", "never", "--width", width])
                .output()
                .unwrap();
            let shown = format!("{:?}", args);
            assert!(output.status.code().is_some(), "{shown}");
            for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
                let text = String::from_utf8(bytes.clone()).unwrap();
                let bad: Vec<char> = text.chars().filter(|&c| unsafe_for_terminal(c)).collect();
                assert!(
                    bad.is_empty(),
                    "{shown} at {width} wrote {bad:?} on {stream}"
                );
            }
            // The text is shown, escaped, not dropped.
            let stdout = String::from_utf8_lossy(&output.stdout);
            if args[0] != "validate" && args[0] != "compare" {
                assert!(
                    stdout.contains('␛'),
                    "{shown} shows no escaped ESC:\n{stdout}"
                );
            }
        }
        let output = roadmap()
            .arg("diff")
            .arg(&file)
            .arg(&other)
            .args(["--color", "never", "--width", width])
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(!text.chars().any(unsafe_for_terminal), "diff: {text}");
    }
}

#[test]
fn findings_show_hostile_ids_and_names_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.toml");
    std::fs::write(
        &file,
        "[roadmap]\nname = \"x\\u0085\"\nstart = 2025-01-01\n[[actor]]\nid = \"a\"\n\
         [[project]]\nid = \"p\\u001b]0;t\\u0007\\u202e\"\nduration = \"1d\"\nlead = \"a\\u009b2J\"\n\
         depends_on = [\"q\\r\\nx\"]\ncost = 5\n",
    )
    .unwrap();
    let output = roadmap()
        .arg("validate")
        .arg(&file)
        .args(["--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.chars().any(unsafe_for_terminal), "{stderr}");
    assert!(stderr.contains("p␛]0;t␇�"), "{stderr}");
    assert!(stderr.contains("q␍␊x"), "{stderr}");
}

#[test]
fn xml_exports_with_hostile_names_parse_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_hostile(dir.path());
    for format in ["svg", "mspdi"] {
        let output = roadmap()
            .args(["export", "--format", format])
            .arg(&file)
            .output()
            .unwrap();
        assert!(output.status.success(), "{format}");
        let text = String::from_utf8(output.stdout).unwrap();
        let document = roxmltree::Document::parse(&text)
            .unwrap_or_else(|err| panic!("{format} is not well-formed: {err}"));
        // The names are there, with what XML cannot carry mapped.
        let texts: String = document
            .descendants()
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(texts.contains("rtl"), "{format}");
        assert!(texts.contains("x < & > \" '"), "{format}");
        assert!(!texts.contains(['\u{1b}', '\u{0}', '\u{b}', '\u{7}', '\u{fffe}', '\u{ffff}']));
    }
    // The HTML report inlines the same SVG.
    let html = roadmap()
        .args(["export", "--format", "html"])
        .arg(&file)
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap() + 6];
    roxmltree::Document::parse(svg).expect("the report's chart is well-formed");
}

#[test]
fn calendar_with_hostile_names_keeps_its_events_and_folds_lines() {
    use icalendar::{Calendar, CalendarComponent, Component};
    let dir = tempfile::tempdir().unwrap();
    let file = write_hostile(dir.path());
    let output = roadmap()
        .args(["export", "--format", "ics"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    // Lines end in CRLF, none is longer than 75 octets, no CR or LF stands alone.
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains(['\r', '\n']), "{line:?}");
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "{line:?}"
        );
    }
    // The name cannot add events or properties: 2 projects x 2 + 1 milestone.
    let unfolded = text.replace("\r\n ", "");
    assert_eq!(unfolded.matches("\r\nBEGIN:VEVENT\r\n").count(), 5);
    assert_eq!(unfolded.matches("\r\nSUMMARY:").count(), 5);
    let calendar: Calendar = text.parse().unwrap();
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 5);
    let summary = events[0].get_summary().unwrap();
    assert!(summary.contains("END:VEVENT"), "{summary}");
    // Every text property is escaped: the separators appear only escaped.
    for line in unfolded.split_terminator("\r\n") {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if ["NAME", "X-WR-CALNAME", "SUMMARY", "DESCRIPTION"].contains(&name) {
            let unescaped = value
                .replace("\\\\", "")
                .replace("\\;", "")
                .replace("\\,", "")
                .replace("\\n", "");
            assert!(!unescaped.contains([';', ',', '\\']), "{line}");
        }
    }
}

#[test]
fn bundled_calendar_lines_fit_75_octets() {
    let output = roadmap()
        .args(["export", "roadmap.toml", "--format", "ics"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.split_terminator("\r\n").all(|l| l.len() <= 75));
    assert!(text.contains("\r\n "), "long lines are folded");
}

#[cfg(unix)]
#[test]
fn init_and_exports_write_into_a_fifo_and_never_replace_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for args in [
        vec!["init", "--force"],
        vec!["init"],
        vec!["plan", "roadmap.toml", "--format", "csv", "--force", "-o"],
        vec!["export", "roadmap.toml", "--format", "json", "-o"],
    ] {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        roadmap().args(&args).arg(&fifo).assert().success();
        let read = reader.join().unwrap();
        assert!(!read.is_empty(), "{args:?} wrote nothing into the fifo");
        use std::os::unix::fs::FileTypeExt;
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "{args:?} replaced the fifo");
    }
}

#[test]
fn output_paths_that_cannot_be_files_are_named_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roadmap.toml");
    std::fs::copy("roadmap.toml", &file).unwrap();
    // A name ending in `/` is a directory, not a file to create.
    let slash = format!("{}/", dir.path().join("x.csv").display());
    roadmap()
        .args(["plan", "roadmap.toml", "--format", "csv", "-o", &slash])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ending in `/`"))
        .stderr(predicate::str::contains("File exists").not());
    // A dangling symbolic link is named as one.
    #[cfg(unix)]
    {
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(dir.path().join("missing"), &link).unwrap();
        roadmap()
            .args(["plan", "roadmap.toml", "--format", "csv", "-o"])
            .arg(&link)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("symbolic link"))
            .stderr(predicate::str::contains("File exists").not());
    }
    // A directory that does not exist is named, never the temporary file.
    let missing = dir.path().join("nowhere").join("p.csv");
    roadmap()
        .args(["plan", "roadmap.toml", "--format", "csv", "-o"])
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(missing.display().to_string()))
        .stderr(predicate::str::contains(".roadmap-").not());
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_says_why_once() {
    let output = roadmap()
        .args(["validate", "/proc/self/mem"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_closed_stdout_is_an_error_and_a_closed_pipe_is_quiet() {
    let binary = assert_cmd::cargo::cargo_bin("roadmap");
    for command in [
        "plan roadmap.toml",
        "export roadmap.toml --format json",
        "schema",
    ] {
        let output = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("'{}' {command} >&-", binary.display()))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("stdout"),
            "{command}"
        );
        // Writing to /dev/null on purpose is fine.
        let output = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("'{}' {command} >/dev/null", binary.display()))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{command}");
    }
    // A reader that stops early: no message, success.
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' export roadmap.toml --format json | head -c 10 >/dev/null; exit 0",
            binary.display()
        ))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// A roadmap of `n` independent projects with long names: its JSON export takes a while to
/// write, long enough to be interrupted.
fn big_roadmap(n: usize) -> String {
    let mut text =
        String::from("[roadmap]\nname = \"big\"\nstart = 2025-01-01\n[[actor]]\nid = \"a\"\n");
    let name = "n".repeat(400);
    for i in 0..n {
        text.push_str(&format!(
            "[[project]]\nid = \"p{i}\"\nname = \"{name}\"\nduration = \"{}d\"\nlead = \"a\"\n",
            1 + i % 50
        ));
    }
    text
}

#[cfg(unix)]
#[test]
fn an_interrupted_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.toml");
    std::fs::write(&input, big_roadmap(20_000)).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    for signal in ["TERM", "INT"] {
        let target = out_dir.join("plan.html");
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("roadmap"))
            .args(["export", "--format", "html", "-o"])
            .arg(&target)
            .arg(&input)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the temporary file exists and is being written, then interrupt.
        let started = std::time::Instant::now();
        let temporary = loop {
            let found = std::fs::read_dir(&out_dir)
                .unwrap()
                .filter_map(Result::ok)
                .find(|e| e.file_name().to_string_lossy().starts_with(".roadmap-"));
            if let Some(entry) = found {
                break Some(entry.path());
            }
            if child.try_wait().unwrap().is_some()
                || started.elapsed() > std::time::Duration::from_secs(120)
            {
                break None;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        };
        if temporary.is_none() {
            // Finished before it could be caught: nothing to check this round.
            let _ = child.wait();
            let _ = std::fs::remove_file(&target);
            continue;
        }
        std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        let leftovers: Vec<_> = std::fs::read_dir(&out_dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        if status.success() {
            // The write won the race: the file is whole and nothing else is left.
            assert_eq!(leftovers.len(), 1, "{leftovers:?}");
            std::fs::remove_file(&target).unwrap();
        } else {
            assert!(leftovers.is_empty(), "SIG{signal} left {leftovers:?}");
        }
    }
}

#[cfg(feature = "xlsx")]
#[test]
fn workbooks_hold_what_excel_cannot_the_way_it_can() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let long_name = "n".repeat(40_000);
    // Starts before 1900, runs 2,000 years (more months than Excel has columns), has a name
    // longer than a cell holds.
    let file = dir.path().join("long.toml");
    std::fs::write(
        &file,
        format!(
            "[roadmap]\nname = \"long\"\nstart = 1850-01-01\n[[actor]]\nid = \"a\"\nname = \"{long_name}\"\n\
             [[project]]\nid = \"p1\"\nname = \"{long_name}\"\nduration = \"1000 years\"\nlead = \"a\"\n\
             [[project]]\nid = \"p2\"\nname = \"two\"\nduration = \"1000 years\"\nlead = \"a\"\ndepends_on = [\"p1\"]\n"
        ),
    )
    .unwrap();
    let out = dir.path().join("plan.xlsx");
    roadmap()
        .args(["export", "-o"])
        .arg(&out)
        .arg(&file)
        .assert()
        .success();
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    let plan = workbook.worksheet_range("Plan").unwrap();
    let name = plan.get_value((1, 1)).unwrap().to_string();
    assert_eq!(name.chars().count(), 32_767);
    assert!(name.ends_with('…'));
    // Before 1900 a date is text; the band fits Excel's columns.
    assert_eq!(
        plan.get_value((1, 3)),
        Some(&Data::String("1850-01-01".into()))
    );
    assert!(plan.width() <= 16_384, "{} columns", plan.width());
    assert!(
        plan.width() > 1_000,
        "the band is drawn: {} columns",
        plan.width()
    );
}

/// Runs `validate --format json` on `text` and returns its findings as (code, line, message).
fn findings_of(text: &str) -> Vec<(String, Option<u64>, String)> {
    let output = roadmap()
        .args(["validate", "-", "--format", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["line"].as_u64(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const HEAD: &str = "[roadmap]\nname = \"x\"\nstart = 2025-01-01\n[[actor]]\nid = \"a\"\n";

#[test]
fn messages_say_what_they_mean() {
    // A key nested too deep is E011 at its line.
    let deep = format!("{HEAD}[{}b]\nc = 1\n", "a.".repeat(100));
    let got = findings_of(&deep);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0.as_str(), got[0].1), ("E011", Some(6)));

    // A time of day where a date belongs is called a time.
    let time = format!(
        "{HEAD}[[project]]\nid = \"p\"\nduration = \"1d\"\nlead = \"a\"\ndeadline = 10:00:00\n"
    );
    let got = findings_of(&time);
    assert!(got[0].2.contains("time of day 10:00:00"), "{got:?}");
    assert!(!got[0].2.contains("date-time"), "{got:?}");

    // A score that is not a number is one finding, not also a missing score.
    let nan = format!(
        "{HEAD}[[criterion]]\nid = \"c\"\n[[project]]\nid = \"p\"\nduration = \"1d\"\nlead = \"a\"\nscores = {{ c = nan }}\n"
    );
    let codes: Vec<_> = findings_of(&nan).into_iter().map(|f| f.0).collect();
    assert_eq!(codes, vec!["E004"]);

    // A yearly cap of 0.01 is not a cap of 0.
    let cap = format!(
        "{HEAD}[[funding]]\nid = \"f\"\namount = 1000\nper_year = 0.01\n[[project]]\nid = \"p\"\nduration = \"1 month\"\nlead = \"a\"\ncost = 100\nfunding = {{ f = 100 }}\n"
    );
    let got = findings_of(&cap);
    let w008 = got.iter().find(|f| f.0 == "W008").expect("W008");
    assert!(w008.2.contains("cap of 0.01 "), "{w008:?}");

    // Capacity 2.9999 against a demand of 3 shows the digits that differ.
    let capacity = format!(
        "{HEAD}[[resource]]\nid = \"r\"\ncapacity = 2.9999\n[[project]]\nid = \"p\"\nduration = \"1d\"\nlead = \"a\"\nresources = {{ r = 3 }}\n[[project]]\nid = \"m\"\nduration = \"0d\"\nlead = \"a\"\nresources = {{ r = 9 }}\n"
    );
    let got = findings_of(&capacity);
    let e008: Vec<_> = got.iter().filter(|f| f.0 == "E008").collect();
    assert_eq!(e008.len(), 1, "a milestone holds nothing: {got:?}");
    assert!(e008[0].2.contains("has only 2.9999"), "{e008:?}");
}

#[test]
fn standard_input_is_read_once_and_every_export_format_is_listed() {
    for args in [vec!["validate", "-", "-"], vec!["diff", "-", "-"]] {
        roadmap()
            .args(&args)
            .write_stdin(HEAD)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("only once"));
    }
    roadmap()
        .args(["export", "roadmap.toml", "-o", "plan.unknown"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mspdi"));
}

#[test]
fn no_path_moves_a_date_past_the_last_supported_day() {
    let late = String::from(
        "[roadmap]\nname = \"x\"\nstart = 9900-01-01\n[[actor]]\nid = \"a\"\n\
         [[funding]]\nid = \"f\"\namount = 10\n\
         [[scenario]]\nid = \"late\"\nfunding_from = { f = 9999-12-31 }\n\
         [[project]]\nid = \"far\"\nduration = { optimistic = \"1 month\", likely = \"2 months\", pessimistic = \"1000 years\" }\nlead = \"a\"\n\
         [[project]]\nid = \"paid\"\nduration = \"1 month\"\nlead = \"a\"\ncost = 10\nfunding = { f = 10 }\n",
    );
    let progress = format!(
        "{HEAD}[[project]]\nid = \"p\"\nduration = \"3d\"\nlead = \"a\"\nstatus = \"in-progress\"\nactual_start = 9999-12-31\n"
    );
    let earliest = format!(
        "{HEAD}[[project]]\nid = \"p\"\nduration = \"2 months\"\nlead = \"a\"\nearliest_start = 9999-12-01\n"
    );
    let cases: Vec<(&String, Vec<&str>, u64)> = vec![
        // Its `earliest_start` moved it.
        (&earliest, vec!["plan", "-"], 10),
        (&late, vec!["plan", "-", "--as-of", "9999-12-31"], 14),
        // The scenario's `funding_from` value, not the project's duration, moved it.
        (&late, vec!["plan", "-", "--scenario", "late"], 11),
        (&late, vec!["risk", "-", "--runs", "200"], 14),
        (
            &late,
            vec!["export", "-", "--format", "html", "--runs", "200"],
            14,
        ),
        // The recorded `actual_start` moved it.
        (&progress, vec!["plan", "-"], 11),
        (&progress, vec!["export", "-", "--format", "json"], 11),
    ];
    for (text, args, line) in cases {
        let output = roadmap()
            .args(&args)
            .write_stdin(text.clone())
            .output()
            .unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        );
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("error[E011]"), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!("<stdin>:{line}:")),
            "{args:?}: {stderr}"
        );
        // Dates are always YYYY-MM-DD: nothing like +10000-04-20 anywhere.
        assert!(!stdout.contains("+1"), "{args:?}: {stdout}");
    }
}
