//! Every deliberately broken file in `tests/broken/` gives exactly the findings its header
//! names (`# expect: E006 12:15`), through the real binary, and exit code 1 or 0 as they imply.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    code: String,
    /// `None` when the header names the code only.
    position: Option<(u64, u64)>,
}

fn expectations(path: &Path) -> Vec<Expected> {
    let listed = Path::new("tests/broken/expectations.txt");
    let name = path.file_name().unwrap().to_str().unwrap();
    if let Ok(list) = std::fs::read_to_string(listed) {
        let from_list: Vec<Expected> = list
            .lines()
            .filter_map(|line| line.split_once(' '))
            .filter(|(file, _)| *file == name)
            .map(|(_, rest)| parse_expectation(rest))
            .collect();
        if !from_list.is_empty() {
            return from_list;
        }
    }
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    text.lines()
        .take_while(|line| line.starts_with('#'))
        .filter_map(|line| line.strip_prefix("# expect:"))
        .map(parse_expectation)
        .collect()
}

fn parse_expectation(text: &str) -> Expected {
    let mut words = text.split_whitespace();
    let code = words.next().expect("a code").to_string();
    let position = words.next().map(|pos| {
        let (line, column) = pos.split_once(':').expect("line:column");
        (line.parse().unwrap(), column.parse().unwrap())
    });
    Expected { code, position }
}

fn broken_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/broken")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_broken_file_gives_exactly_its_findings() {
    let files = broken_files();
    assert!(files.len() >= 40, "only {} broken files", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let expected = expectations(path);
        assert!(
            !expected.is_empty(),
            "{} has no `# expect:` header",
            path.display()
        );
        let output = Command::cargo_bin("roadmap")
            .unwrap()
            .args(["validate", "--format", "json"])
            .arg(path)
            .output()
            .unwrap();
        let json: serde_json::Value = match serde_json::from_slice(&output.stdout) {
            Ok(json) => json,
            Err(err) => {
                failures.push(format!(
                    "{}: no JSON ({err}); stderr: {}",
                    path.display(),
                    String::from_utf8_lossy(&output.stderr)
                ));
                continue;
            }
        };
        let found: Vec<(String, Option<(u64, u64)>)> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let position = f["line"].as_u64().zip(f["column"].as_u64());
                (f["code"].as_str().unwrap().to_string(), position)
            })
            .collect();
        // A header without a position matches the code at any position.
        let found_cmp: BTreeSet<Expected> = found
            .iter()
            .zip(std::iter::repeat(()))
            .map(|((code, position), ())| {
                let wants_position = expected
                    .iter()
                    .any(|e| &e.code == code && e.position.is_some());
                Expected {
                    code: code.clone(),
                    position: if wants_position { *position } else { None },
                }
            })
            .collect();
        let expected_set: BTreeSet<Expected> = expected.iter().cloned().collect();
        if found_cmp != expected_set || found.len() != expected.len() {
            failures.push(format!(
                "{}:\n  expected {:?}\n  found    {:?}",
                path.display(),
                expected,
                found
            ));
            continue;
        }
        let has_error = expected.iter().any(|e| e.code.starts_with('E'));
        let want_code = if has_error { 1 } else { 0 };
        if output.status.code() != Some(want_code) {
            failures.push(format!(
                "{}: exit code {:?}, expected {want_code}",
                path.display(),
                output.status.code()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
