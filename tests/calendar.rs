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
