//! `roadmap.schema.json`: committed, up to date, and true to what the loader accepts.

use assert_cmd::Command;
use roadmap::model::schema::json_schema;

const REGENERATE: &str = "roadmap.schema.json is out of date: regenerate it with\n    cargo run -- schema > roadmap.schema.json";

#[test]
fn committed_schema_is_the_generated_one() {
    let committed = std::fs::read_to_string("roadmap.schema.json").expect(REGENERATE);
    // Compare line by line, so a failure shows the first line that differs.
    let generated = json_schema();
    for (number, (old, new)) in committed.lines().zip(generated.lines()).enumerate() {
        assert_eq!(old, new, "line {}: {REGENERATE}", number + 1);
    }
    assert_eq!(committed, generated, "{REGENERATE}");
}

#[test]
fn schema_command_prints_it() {
    let output = Command::cargo_bin("roadmap")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap(), json_schema());
}

/// TOML as an editor's schema validator sees it: dates and times become strings.
fn to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as Json;
    match value {
        toml::Value::String(s) => Json::String(s),
        toml::Value::Integer(i) => Json::from(i),
        toml::Value::Float(f) => Json::from(f),
        toml::Value::Boolean(b) => Json::Bool(b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(items) => Json::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => {
            Json::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// The schema's complaints about a TOML text (empty when it passes).
fn schema_errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: toml::Value = toml::from_str(text).unwrap();
    validator
        .iter_errors(&to_json(value))
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn schema_accepts_the_bundled_roadmap_examples_and_init_template() {
    let validator = validator();
    let mut files = vec![std::path::PathBuf::from("roadmap.toml")];
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let errors = schema_errors(&validator, &text);
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
    let errors = schema_errors(&validator, roadmap::commands::init::TEMPLATE);
    assert!(errors.is_empty(), "init template: {errors:#?}");
}

#[test]
fn schema_accepts_dates_as_strings_and_both_kinds_of_dependency() {
    let text = r#"
        "$schema" = "./roadmap.schema.json"
        [roadmap]
        start = "2020-01-01"
        [[project]]
        id = "a"
        duration = "2 Weeks"
        lead = "x"
        depends_on = ["b", { project = "c", type = "FF", lag = "1m" }]
        resources = { staff = 1.5 }
        funding = { "eu.fund_2" = 10 }
    "#;
    assert_eq!(schema_errors(&validator(), text), Vec::<String>::new());
}

#[test]
fn schema_rejects_what_the_loader_rejects() {
    let validator = validator();
    let base = "[roadmap]\nstart = 2020-01-01\n[[project]]\nid = \"a\"\nlead = \"x\"\n";
    for (what, extra) in [
        ("unknown key", "duration = \"1d\"\nlaed = \"x\"\n"),
        ("missing duration", ""),
        (
            "effort and duration",
            "duration = \"1d\"\neffort = { staff = \"2 pd\" }\nresources = { staff = 1 }\n",
        ),
        (
            "effort without unit",
            "effort = { staff = \"2\" }\nresources = { staff = 1 }\n",
        ),
        ("duration without unit", "duration = \"5\"\n"),
        ("negative cost", "duration = \"1d\"\ncost = -1\n"),
        ("priority out of range", "duration = \"1d\"\npriority = 9\n"),
        (
            "bad link type",
            "duration = \"1d\"\ndepends_on = [{ project = \"b\", type = \"XX\" }]\n",
        ),
        (
            "dependency of the wrong type",
            "duration = \"1d\"\ndepends_on = [3]\n",
        ),
        ("bad id", "duration = \"1d\"\nparticipants = [\"a b\"]\n"),
        (
            "bad resource amount",
            "duration = \"1d\"\nresources = { staff = \"2\" }\n",
        ),
        (
            "date-time",
            "duration = \"1d\"\ndeadline = 2020-01-01T10:00:00\n",
        ),
        (
            "impossible date",
            "duration = \"1d\"\ndeadline = \"2020-02-30\"\n",
        ),
    ] {
        let errors = schema_errors(&validator, &format!("{base}{extra}"));
        assert!(!errors.is_empty(), "the schema accepts a file with {what}");
    }
    let errors = schema_errors(&validator, "[[project]]\nid = \"a\"\n");
    assert!(
        !errors.is_empty(),
        "the schema accepts a file with no [roadmap]"
    );
}
