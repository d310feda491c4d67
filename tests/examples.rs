//! The bundled roadmap and every example validate with no findings at all, and plan.

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
        let errors: Vec<_> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
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
