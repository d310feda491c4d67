//! Every terminal table and the timeline fit the width and stay readable (issue 11, 13-15):
//! every example and every table command at widths 60, 80, 100, 120 and 200, and a property
//! test over random roadmaps and widths.

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

const WIDTHS: [u16; 5] = [60, 80, 100, 120, 200];

/// The table commands, as arguments after the file.
const COMMANDS: &[&[&str]] = &[
    &["plan"],
    &["plan", "--group-by", "lead"],
    &["plan", "-v"],
    &["actors"],
    &["funding"],
    &["funding", "--opportunities"],
    &["resources"],
    &["order"],
    &["rank"],
    &["risk", "--runs", "50"],
    &["indicators"],
    &["compare"],
];

fn run(file: &Path, args: &[&str], width: u16) -> String {
    let output = Command::cargo_bin("roadmap")
        .unwrap()
        .arg(args[0])
        .arg(file)
        .args(&args[1..])
        .args(["--width", &width.to_string(), "--color", "never"])
        .args(["--effort", "fast"])
        .output()
        .unwrap();
    assert!(
        output.status.code().is_some_and(|code| code <= 1),
        "{} {args:?} --width {width}: {}",
        file.display(),
        support::transcript(&output)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The ids a user types: projects, programmes, actors, sources, resources, indicators.
fn ids(file: &Path) -> BTreeSet<String> {
    ids_of(
        file,
        &[
            "project",
            "programme",
            "actor",
            "funding",
            "resource",
            "indicator",
        ],
    )
}

fn ids_of(file: &Path, tables: &[&str]) -> BTreeSet<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let mut ids = BTreeSet::new();
    for &table in tables {
        for entry in value
            .get(table)
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(id) = entry.get("id").and_then(|v| v.as_str()) {
                ids.insert(id.to_string());
            }
        }
    }
    ids
}

/// Tokens of a line: words between spaces and table borders.
fn tokens(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| c.is_whitespace() || "│|┌┐└┘╞╡═─+".contains(c))
        .map(|t| t.trim_matches(|c: char| ",;:()`'".contains(c)))
        .filter(|t| !t.is_empty())
}

/// No line wider than `width`; no date, id or number broken over two lines.
fn check(output: &str, width: u16, ids: &BTreeSet<String>, context: &str) {
    let axis_fills_width = output.lines().any(|l| l.width() + 1 >= usize::from(width));
    for (n, line) in output.lines().enumerate() {
        assert!(
            line.width() <= usize::from(width),
            "{context}: line {} is {} columns wide:\n{line}\n\n{output}",
            n + 1,
            line.width()
        );
        for token in tokens(line) {
            assert!(
                !broken_date(token),
                "{context}: line {} breaks a date ({token}):\n{output}",
                n + 1
            );
            // An id's head left at the end of a line, its tail on the next.
            if token.ends_with('-') {
                assert!(
                    !ids.iter().any(|id| id.starts_with(token) && id != token),
                    "{context}: line {} breaks the id starting {token}:\n{output}",
                    n + 1
                );
            }
            // An id cut although the timeline's axis leaves room (it fills the width when
            // labels have to give way).
            if let Some(head) = token.strip_suffix('…') {
                assert!(
                    axis_fills_width
                        || head.is_empty()
                        || !ids.iter().any(|id| id.starts_with(head)),
                    "{context}: line {} cuts an id ({token}) with room to spare:\n{output}",
                    n + 1
                );
            }
            assert!(
                !token.starts_with(',') && !token.ends_with(",,"),
                "{context}: line {} breaks a number ({token}):\n{output}",
                n + 1
            );
        }
    }
}

/// `2019-12-` or `2019-1`: the head of a date whose rest went to the next line (`2019-2025`
/// and `2025-Q1` are whole).
fn broken_date(token: &str) -> bool {
    let b = token.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    if b.len() < 5 || !digits(0..4) || b[4] != b'-' {
        return false;
    }
    match b.len() {
        5 | 6 => digits(5..b.len()),
        8 | 9 => digits(5..7) && b[7] == b'-' && digits(8..b.len()),
        _ => false,
    }
}

fn files() -> Vec<std::path::PathBuf> {
    let mut files = vec![Path::new("roadmap.toml").to_path_buf()];
    let mut examples: Vec<_> = std::fs::read_dir("examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    examples.sort();
    files.extend(examples);
    files
}

fn check_file(file: &Path) {
    let ids = ids(file);
    for args in COMMANDS {
        for width in WIDTHS {
            let output = run(file, args, width);
            check(
                &output,
                width,
                &ids,
                &format!("{} {args:?} --width {width}", file.display()),
            );
        }
    }
}

macro_rules! every_table_fits {
    ($($name:ident => $file:expr),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check_file(Path::new($file));
            }
        )*
    };
}

every_table_fits! {
    bundled_roadmap_fits => "roadmap.toml",
    calendar_fits => "examples/calendar.toml",
    deadlines_fits => "examples/deadlines.toml",
    dependency_types_fits => "examples/dependency-types.toml",
    durations_fits => "examples/durations.toml",
    funding_windows_fits => "examples/funding-windows.toml",
    minimal_fits => "examples/minimal.toml",
    portfolio_fits => "examples/portfolio.toml",
    programmes_fits => "examples/programmes.toml",
    progress_fits => "examples/progress.toml",
    resources_fits => "examples/resources.toml",
    risk_fits => "examples/risk.toml",
    scenarios_fits => "examples/scenarios.toml",
    yearly_caps_fits => "examples/yearly-caps.toml",
}

#[test]
fn every_example_is_checked() {
    // A new example must be added to the list above.
    assert_eq!(files().len(), 14, "{:?}", files());
}

#[test]
fn diff_fits() {
    let (old, new) = (
        "examples/risk.toml",
        "tests/fixtures/diff/risk-changed.toml",
    );
    let ids: BTreeSet<String> = ids(Path::new(old))
        .union(&ids(Path::new(new)))
        .cloned()
        .collect();
    for width in WIDTHS {
        let output = Command::cargo_bin("roadmap")
            .unwrap()
            .args(["diff", old, new])
            .args(["--width", &width.to_string(), "--color", "never"])
            .output()
            .unwrap();
        let output = String::from_utf8(output.stdout).unwrap();
        check(&output, width, &ids, &format!("diff --width {width}"));
    }
}

/// 13: at 80 columns `actors` is a table, not a name per letter, and `plan` at 60 keeps whole
/// names or none.
#[test]
fn narrow_tables_switch_layout_instead_of_breaking_words() {
    let actors = run(Path::new("roadmap.toml"), &["actors"], 80);
    assert!(actors.lines().count() < 120, "{actors}");
    let plan = run(Path::new("roadmap.toml"), &["plan"], 60);
    assert!(!plan.contains("governan\n"), "{plan}");
    for line in plan.lines() {
        assert!(line.width() <= 60, "{line}");
    }
    // Every name that is shown at all is shown whole or wrapped at spaces.
    assert!(
        plan.contains("Digital governance set-up: Digital Board and"),
        "{plan}"
    );
}

/// 14: at 200 columns neither the table nor the timeline cuts an id.
#[test]
fn ids_are_whole_when_there_is_room() {
    for file in ["roadmap.toml", "examples/portfolio.toml"] {
        let output = run(Path::new(file), &["plan"], 200);
        assert!(!output.contains('…'), "{output}");
        for id in ids_of(Path::new(file), &["project", "programme"]) {
            assert!(
                output
                    .lines()
                    .filter(|l| tokens(l).any(|t| t == id))
                    .count()
                    >= 2,
                "{file}: {id} should be whole in the table and the timeline:\n{output}"
            );
        }
    }
}

/// 15: every scale labels every year it draws and honours the width, or falls back and says so.
#[test]
fn every_scale_labels_its_years_and_fits() {
    let file = Path::new("roadmap.toml");
    for scale in ["week", "month", "quarter", "year"] {
        for width in WIDTHS {
            let output = run(file, &["plan", "--scale", scale], width);
            check(
                &output,
                width,
                &ids(file),
                &format!("--scale {scale} --width {width}"),
            );
            let axis = timeline_years_row(&output);
            for year in 2019..=2025 {
                let long = year.to_string();
                let short = format!("'{}", year % 100);
                assert!(
                    axis.contains(&long) || axis.contains(&short),
                    "--scale {scale} --width {width}: {year} not labelled in {axis:?}\n{output}"
                );
            }
            let fell_back = output.contains(&format!("--scale {scale} needs"));
            let shown = output
                .lines()
                .find(|l| l.contains("= one") || l.contains("one year"))
                .unwrap_or_default()
                .to_string();
            assert!(
                fell_back || shown.contains(scale),
                "--scale {scale} --width {width} neither shown nor explained: {shown}\n{output}"
            );
        }
    }
    let week = run(file, &["plan", "--scale", "week"], 100);
    assert!(week.contains("--scale week needs"), "{week}");
}

/// The row above the timeline's bars that holds its year labels.
fn timeline_years_row(output: &str) -> String {
    output
        .lines()
        .find(|l| {
            let t = l.trim_start();
            !l.starts_with(t) && (t.starts_with("20") || t.starts_with('\''))
        })
        .unwrap_or_default()
        .to_string()
}

/// A roadmap of `ids.len()` projects in a chain, each `months` long.
fn roadmap_with(ids: &[String], months: &[u8], name_words: usize) -> String {
    let mut text = String::from(
        "[roadmap]\nname = \"Random\"\nstart = 2024-01-01\n\n[[actor]]\nid = \"city\"\nname = \"City\"\n\n",
    );
    for (k, id) in ids.iter().enumerate() {
        let name = vec!["word"; name_words.max(1)].join(" ");
        text.push_str(&format!(
            "[[project]]\nid = \"{id}\"\nname = \"{name} {k}\"\nlead = \"city\"\nduration = \"{} months\"\n",
            months[k % months.len()].max(1)
        ));
        if k > 0 {
            text.push_str(&format!("depends_on = [\"{}\"]\n", ids[k - 1]));
        }
        text.push('\n');
    }
    text
}

fn id_strategy() -> impl Strategy<Value = String> {
    (3usize..=40).prop_flat_map(|len| {
        proptest::string::string_regex(&format!("[a-z][a-z0-9-]{{{}}}[a-z0-9]", len - 2)).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random roadmaps at random widths: no line too wide, no date broken, every id whole
    /// (somewhere) when it is narrower than the width.
    #[test]
    fn random_roadmaps_fit_any_width(
        ids in proptest::collection::btree_set(id_strategy(), 1..8),
        months in proptest::collection::vec(1u8..30, 1..8),
        name_words in 1usize..12,
        width in 40u16..=260,
        command in 0usize..4,
    ) {
        let ids: Vec<String> = ids.into_iter().collect();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("roadmap.toml");
        std::fs::write(&file, roadmap_with(&ids, &months, name_words)).unwrap();
        let args: &[&str] = [&["plan"][..], &["order"], &["risk", "--runs", "20"], &["actors"]][command];
        let output = run(&file, args, width);
        let known: BTreeSet<String> = ids.iter().cloned().collect();
        check(&output, width, &known, &format!("{args:?} --width {width}"));
        for id in &ids {
            if id.len() + 2 <= usize::from(width) {
                prop_assert!(
                    output.lines().any(|l| tokens(l).any(|t| t == id)),
                    "{id} not whole at --width {width}:\n{output}"
                );
            }
        }
    }
}
