//! `[calendar]` end to end: working-day durations and lags, starts on working days, and
//! `roadmap calendar`.

mod support;

use assert_cmd::Command;
use chrono::{Datelike, NaiveDate};

const ROADMAP: &str = r#"
[roadmap]
name = "Calendar"
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
duration = "3 wd"
lead = "city"

[[project]]
id = "second"
duration = "10d"
lead = "city"
depends_on = ["first"]

[[project]]
id = "third"
duration = "2 working days"
lead = "city"
depends_on = [{ project = "second", type = "FS", lag = "1 wd" }]
"#;

fn run(args: &[&str], text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roadmap.toml");
    std::fs::write(&file, text).unwrap();
    let out = Command::cargo_bin("roadmap")
        .unwrap()
        .args(args)
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", support::transcript(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn dates(csv: &str) -> Vec<(String, NaiveDate, NaiveDate)> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (id, start, finish) = (col("id"), col("start"), col("finish"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                f[id].to_string(),
                f[start].parse().unwrap(),
                f[finish].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn working_days_skip_weekends_holidays_and_closures() {
    let plan = dates(&run(&["plan", "--format", "csv"], ROADMAP));
    let day = |s: &str| s.parse::<NaiveDate>().unwrap();
    // Sat 21 Dec: first working day Mon 23; 24-26 Dec are BG holidays: 23, 27, 30.
    assert_eq!(
        plan[0],
        ("first".into(), day("2024-12-23"), day("2024-12-30"))
    );
    // Calendar days run through holidays: 31 Dec + 10 days.
    assert_eq!(
        plan[1],
        ("second".into(), day("2024-12-31"), day("2025-01-09"))
    );
    // A 1 wd gap (Fri 10), then Sat 11 is worked by exception: 11 and Mon 13.
    assert_eq!(
        plan[2],
        ("third".into(), day("2025-01-11"), day("2025-01-13"))
    );
}

#[test]
fn without_a_calendar_working_days_are_plain_days() {
    let text = ROADMAP.split("[calendar]").next().unwrap().to_string()
        + ROADMAP.split("working = [2025-01-11]").nth(1).unwrap();
    let plan = dates(&run(&["plan", "--format", "csv"], &text));
    let day = |s: &str| s.parse::<NaiveDate>().unwrap();
    assert_eq!(plan[0].1, day("2024-12-21"));
    assert_eq!(plan[0].2, day("2024-12-23"));
    assert!(
        plan.iter()
            .any(|(_, s, _)| s.weekday().number_from_monday() >= 6)
    );
}

#[test]
fn calendar_lists_each_exception_with_its_source() {
    let out = run(&["calendar", "--year", "2025", "--format", "csv"], ROADMAP);
    assert!(
        out.contains("2025-01-02,off,\"holidays: holiday\""),
        "{out}"
    );
    assert!(
        out.contains("2025-01-06,off,\"holidays: Closure\""),
        "{out}"
    );
    assert!(out.contains("2025-01-11,worked,"), "{out}");
    assert!(out.contains("2025-04-18,off,\"BG: Good Friday\""), "{out}");
    assert!(
        out.contains("2025-05-26,off,\"BG: in place of 2025-05-24\""),
        "{out}"
    );
    assert!(!out.contains("2024-"), "{out}");
}

/// An office calendar as a publisher writes it: CRLF lines, a folded summary, a yearly rule
/// with an exception, a multi-day closure and a cancelled event.
const OFFICE_ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sofia Municipality//Office days//BG\r\n\
BEGIN:VEVENT\r\nUID:closure-2025@sofia\r\nDTSTART;VALUE=DATE:20250106\r\nDTEND;VALUE=DATE:20250108\r\n\
SUMMARY:Winter closure of the municipal\r\n  offices\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:founding@sofia\r\nDTSTART;VALUE=DATE:20240917\r\nRRULE:FREQ=YEARLY\r\n\
EXDATE;VALUE=DATE:20260917\r\nSUMMARY:Sofia Day\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:cancelled@sofia\r\nDTSTART;VALUE=DATE:20250109\r\nSTATUS:CANCELLED\r\nSUMMARY:Not off after all\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

/// Runs `roadmap ARGS roadmap.toml` with `holidays.ics` next to it, from another directory, so
/// the file is found relative to the roadmap and not to the working directory.
fn run_with_ics(args: &[&str], toml: &str, ics: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("plans");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("roadmap.toml"), toml).unwrap();
    std::fs::write(sub.join("holidays.ics"), ics).unwrap();
    Command::cargo_bin("roadmap")
        .unwrap()
        .current_dir(dir.path())
        .args(args)
        .arg("plans/roadmap.toml")
        .output()
        .unwrap()
}

const WITH_FILE: &str = r#"
[roadmap]
name = "Office calendar"
start = 2025-01-06

[calendar]
workdays = ["mon", "tue", "wed", "thu", "fri"]
holidays_file = "holidays.ics"

[[actor]]
id = "city"
name = "City"

[[project]]
id = "first"
duration = "3 wd"
lead = "city"
"#;

#[test]
fn holidays_are_read_from_an_icalendar_file_next_to_the_roadmap() {
    let out = run_with_ics(&["plan", "--format", "csv"], WITH_FILE, OFFICE_ICS);
    assert!(out.status.success(), "{}", support::transcript(&out));
    let plan = dates(&String::from_utf8(out.stdout).unwrap());
    let day = |s: &str| s.parse::<NaiveDate>().unwrap();
    // Mon 6 and Tue 7 Jan are closed; the cancelled Thu 9 is worked: 8, 9, 10.
    assert_eq!(
        plan[0],
        ("first".into(), day("2025-01-08"), day("2025-01-10"))
    );

    let out = run_with_ics(
        &["calendar", "--year", "2026", "--format", "csv"],
        WITH_FILE,
        OFFICE_ICS,
    );
    assert!(out.status.success(), "{}", support::transcript(&out));
    let listed = String::from_utf8(out.stdout).unwrap();
    // The yearly rule repeats, less its exception (17 Sep 2026 is a Thursday).
    assert!(!listed.contains("2026-09-17"), "{listed}");
    let out = run_with_ics(
        &["calendar", "--year", "2027", "--format", "csv"],
        WITH_FILE,
        OFFICE_ICS,
    );
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed.contains("2027-09-17,off,\"holidays_file: Sofia Day\""),
        "{listed}"
    );
    let out = run_with_ics(
        &["calendar", "--year", "2025", "--format", "csv"],
        WITH_FILE,
        OFFICE_ICS,
    );
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed
            .contains("2025-01-07,off,\"holidays_file: Winter closure of the municipal offices\""),
        "{listed}"
    );
    assert!(!listed.contains("2025-01-09"), "{listed}");
}

#[test]
fn a_missing_or_broken_holidays_file_is_a_finding_naming_the_file_and_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roadmap.toml");
    std::fs::write(&file, WITH_FILE).unwrap();
    let out = Command::cargo_bin("roadmap")
        .unwrap()
        .args(["validate"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", support::transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("E004"), "{err}");
    assert!(err.contains("holidays.ics: no such file"), "{err}");
    assert!(err.contains("roadmap.toml:8:17"), "{err}");

    let broken = OFFICE_ICS.replace(
        "DTSTART;VALUE=DATE:20240917",
        "DTSTART;VALUE=DATE:2024-09-17",
    );
    let out = run_with_ics(&["validate"], WITH_FILE, &broken);
    assert_eq!(out.status.code(), Some(1), "{}", support::transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    // Line 13 of the file as written (the folded summary takes two lines).
    assert!(
        err.contains("holidays.ics:13: `2024-09-17` is not a date"),
        "{err}"
    );

    let out = run_with_ics(&["validate"], WITH_FILE, "just some text\n");
    assert_eq!(out.status.code(), Some(1), "{}", support::transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("holidays.ics:1:"), "{err}");
}
