//! The README and docs show real output: the timeline in them is what the tool prints today.

use assert_cmd::Command;

/// The timeline part of `roadmap plan`: from the axis (the line after the table) to the end.
fn timeline() -> String {
    let output = Command::cargo_bin("roadmap")
        .unwrap()
        .args(["plan", "--width", "100", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let after_table = text.rfind('┘').expect("a table") + '┘'.len_utf8();
    text[after_table..].trim_matches('\n').to_string() + "\n"
}

#[test]
fn docs_timeline_is_current() {
    let actual = timeline();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write("docs/timeline.txt", &actual).unwrap();
    }
    let documented = std::fs::read_to_string("docs/timeline.txt").unwrap();
    assert_eq!(
        documented, actual,
        "docs/timeline.txt is stale: run UPDATE_SNAPSHOTS=1 cargo test --test docs"
    );
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.contains(documented.trim_end()),
        "README.md does not show docs/timeline.txt: paste it into the `roadmap plan` section"
    );
}
