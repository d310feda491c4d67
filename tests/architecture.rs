//! The layers of `/work/shared/architecture.md`, held by a test: every `crate::…` path in the
//! code of `src/` (tests excluded) may only reach a top-level module of a lower layer, and the
//! engine only the calendar and the base. A new top-level module must be given a layer here.

use std::path::Path;

/// Top-level modules of `src/`, lowest layer first. A module may use those of lower layers only.
const LAYERS: &[(&str, &[&str])] = &[
    // With the message catalogues and locale formats (`i18n`): findings carry their message as
    // a catalogue id, and the file names its language, so the model reads it.
    ("base", &["diag", "display", "output", "i18n", "threads"]),
    ("calendar", &["calendar"]),
    ("model", &["model"]),
    // Scores (`rank`: weighted criteria and the priority they give) are read by the resolver.
    ("money before planning, scores", &["money", "rank"]),
    ("rules", &["validate"]),
    // `roadmap import`: files of other tools as a draft roadmap and its TOML text (checks ids
    // with the rules' `is_well_formed`; the command runs the result through the check pipeline).
    ("importers", &["import"]),
    ("engine", &["schedule"]),
    ("plan", &["plan"]),
    ("money read off a plan", &["funding"]),
    ("plan findings", &["findings"]),
    ("check pipeline", &["check"]),
    ("analyses", &["risk", "scenarios", "diff"]),
    ("reports", &["report"]),
    ("clap", &["cli"]),
    ("commands", &["commands"]),
    ("exit codes", &["run"]),
];

/// The engine knows neither the model nor the money rules: only these, whatever the layers.
const ENGINE_MAY_USE: &[&str] = &["diag", "display", "output", "threads", "calendar"];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, ms)| ms.contains(&module))
}

/// The top-level module a file of `src/` belongs to (`None`: the crate root and `main.rs`).
fn module_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then_some(name)
}

/// The code of a file without its tests (from the first `#[cfg(test)]`) and comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The top-level modules a file's code names through `crate::` (in `use` lines, groups such as
/// `use crate::{a::b, c}` over several lines, and paths inside the code).
fn used_modules(text: &str) -> Vec<String> {
    let code = code(text);
    let mut used = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut expect_ident = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 1 => expect_ident = true,
                    c if expect_ident && depth == 1 && (c.is_alphanumeric() || c == '_') => {
                        used.push(ident(&group[i..]).to_string());
                        expect_ident = false;
                    }
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
            }
        } else {
            used.push(ident(rest).to_string());
        }
    }
    used.retain(|m| !m.is_empty() && m != "self");
    used.sort();
    used.dedup();
    used
}

/// Every import of `files` (path under the crate, text) that runs up the layers.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in files {
        let Some(module) = module_of(path) else {
            continue;
        };
        let Some(own) = layer(module) else {
            found.push(format!("{path}: module `{module}` has no layer in LAYERS"));
            continue;
        };
        for used in used_modules(text) {
            if used == module {
                continue;
            }
            let Some(theirs) = layer(&used) else {
                found.push(format!("{path}: uses `crate::{used}`, which has no layer"));
                continue;
            };
            if theirs > own {
                found.push(format!(
                    "{path}: `{module}` ({}) uses `crate::{used}` ({}), a higher layer",
                    LAYERS[own].0, LAYERS[theirs].0
                ));
            } else if module == "schedule" && !ENGINE_MAY_USE.contains(&used.as_str()) {
                found.push(format!(
                    "{path}: the engine uses `crate::{used}`; it may only use {ENGINE_MAY_USE:?}"
                ));
            }
        }
    }
    found
}

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn no_import_runs_up_the_layers() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 50, "found only {} files", files.len());
    let found = violations(&files);
    assert!(
        found.is_empty(),
        "imports up the layers:\n{}",
        found.join("\n")
    );
}

/// Files below the face (`main.rs`, `cli.rs`, `commands/`) that name clap: its types stay in
/// `cli.rs` and `commands/` maps them to the library's own.
fn clap_below_the_face(files: &[(String, String)]) -> Vec<String> {
    files
        .iter()
        .filter(|(path, _)| !matches!(module_of(path), None | Some("cli" | "commands" | "run")))
        .filter(|(_, text)| code(text).contains("clap"))
        .map(|(path, _)| path.clone())
        .collect()
}

#[test]
fn only_the_face_knows_clap() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let found = clap_below_the_face(&files);
    assert!(found.is_empty(), "clap outside the face: {found:?}");
    let planted = file(
        "src/report/gantt.rs",
        "#[derive(Clone, clap::ValueEnum)]\npub enum Scale { Week }\n",
    );
    assert_eq!(clap_below_the_face(&planted), ["src/report/gantt.rs"]);
}

fn file(path: &str, text: &str) -> Vec<(String, String)> {
    vec![(path.to_string(), text.to_string())]
}

#[test]
fn the_checker_finds_planted_violations() {
    // The engine importing the model, even though the model is a lower layer.
    assert_eq!(
        violations(&file("src/schedule/x.rs", "use crate::model::Roadmap;\n")).len(),
        1
    );
    // The model importing the engine, inside a group over several lines.
    let group = "use crate::{\n    calendar::Span,\n    schedule::{Problem, Day},\n};\n";
    let found = violations(&file("src/model/x.rs", group));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("crate::schedule"), "{found:?}");
    // Money before planning importing the plan; rules calling the planner; a renderer
    // importing the CLI through a path in the code.
    assert_eq!(
        violations(&file("src/money.rs", "use crate::plan::Plan;\n")).len(),
        1
    );
    assert_eq!(
        violations(&file(
            "src/validate/x.rs",
            "fn f() { crate::plan::plan(r, o); }\n"
        ))
        .len(),
        1
    );
    assert_eq!(
        violations(&file(
            "src/report/x.rs",
            "let g = crate::cli::GroupByName::None;\n"
        ))
        .len(),
        1
    );
    // A module nobody placed fails too, so a new one cannot slip past.
    assert_eq!(violations(&file("src/newthing.rs", "")).len(), 1);
}

#[test]
fn the_checker_allows_imports_down_and_ignores_comments_and_tests() {
    let text = "//! See [`crate::report`].\nuse crate::{diag::Code, model::Roadmap};\nuse crate::plan::Plan; // not crate::cli\n\n#[cfg(test)]\nmod tests {\n    use crate::check::check_source;\n}\n";
    assert_eq!(
        violations(&file("src/funding.rs", text)),
        Vec::<String>::new()
    );
    assert_eq!(
        used_modules("use crate::{self, a::b, c::{d, e}, f};"),
        ["a", "c", "f"]
    );
}
