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

#[test]
fn readme_codes_table_matches_the_code() {
    // The table sits between these two comments; everything between them is generated.
    const START: &str = "<!-- codes: generated from src/diag/mod.rs; UPDATE_SNAPSHOTS=1 cargo test --test docs rewrites it -->\n";
    const END: &str = "<!-- codes: end -->";
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find(START)
        .expect("README.md has the codes table's start marker")
        + START.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("README.md has the codes table's end marker");
    let table = roadmap::diag::markdown_table();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(
            "README.md",
            format!("{}{table}{}", &readme[..start], &readme[end..]),
        )
        .unwrap();
        return;
    }
    let documented = &readme[start..end];
    if let Some((line, (doc, code))) = documented
        .lines()
        .zip(table.lines())
        .enumerate()
        .find(|(_, (d, c))| d != c)
    {
        panic!(
            "README.md's codes table differs from src/diag/mod.rs at row {line}:\n  README: {doc}\n  code:   {code}\n(UPDATE_SNAPSHOTS=1 cargo test --test docs rewrites it)"
        );
    }
    assert_eq!(
        documented, table,
        "README.md's codes table has a different number of rows than src/diag/mod.rs (UPDATE_SNAPSHOTS=1 cargo test --test docs rewrites it)"
    );
    // Every code is in the table once.
    for code in roadmap::diag::Code::ALL {
        assert_eq!(
            documented.matches(&format!("| {} |", code.id())).count(),
            1,
            "{}",
            code.id()
        );
    }
}
