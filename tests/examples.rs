//! The bundled roadmap and every example validate with exactly the findings their header
//! comments announce (most none at all, warnings included), and plan.

use assert_cmd::Command;

fn roadmap_files() -> Vec<std::path::PathBuf> {
    let mut files = vec![std::path::PathBuf::from("roadmap.toml")];
    let mut examples: Vec<_> = std::fs::read_dir("examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    examples.sort();
    files.extend(examples);
    files
}

/// The findings (code, line, column) an example shows on purpose; every other file has none.
fn expected_findings(file: &std::path::Path) -> Vec<(&'static str, u64, u64)> {
    match file.to_str().unwrap() {
        "examples/deadlines.toml" => vec![("W001", 74, 16)],
        "examples/yearly-caps.toml" => vec![("W005", 111, 27), ("W002", 131, 16)],
        // The smart-intersections target for 2024, missed on purpose.
        "examples/programmes.toml" => vec![("W010", 92, 14)],
        _ => vec![],
    }
}

#[test]
fn bundled_roadmap_and_examples_are_valid() {
    for file in roadmap_files() {
        let output = Command::cargo_bin("roadmap")
            .unwrap()
            .args(["validate", "--format", "json"])
            .arg(&file)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        // Every finding of every severity, not only the errors.
        let findings: Vec<_> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["code"].as_str().unwrap().to_owned(),
                    f["line"].as_u64().unwrap(),
                    f["column"].as_u64().unwrap(),
                )
            })
            .collect();
        let expected: Vec<_> = expected_findings(&file)
            .into_iter()
            .map(|(code, line, column)| (code.to_owned(), line, column))
            .collect();
        assert_eq!(findings, expected, "{}: {json:#}", file.display());
        assert_eq!(output.status.code(), Some(0), "{}", file.display());
    }
}

#[test]
fn bundled_roadmap_has_no_warnings_either() {
    Command::cargo_bin("roadmap")
        .unwrap()
        .args(["validate", "--deny-warnings", "roadmap.toml"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "roadmap.toml: valid: 28 projects",
        ));
}
