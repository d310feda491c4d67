//! `roadmap risk`: reproducibility, statistical sanity and the command's output.

use assert_cmd::Command;
use roadmap::model::Roadmap;
use roadmap::model::load::parse_str;
use roadmap::plan::{Plan, plan};
use roadmap::risk::{Distribution, Settings, simulate};
use roadmap::schedule::Options;
use roadmap::validate::validate;

mod support;

fn planned(text: &str) -> (Roadmap, Plan) {
    let parsed = parse_str("test.toml".into(), text.to_string());
    let validated = validate(parsed.raw.as_ref().unwrap(), parsed.findings);
    assert!(
        validated.roadmap.is_some(),
        "invalid: {:?}",
        validated.findings
    );
    let roadmap = validated.roadmap.unwrap();
    let plan = plan(&roadmap, &Options::default()).unwrap();
    (roadmap, plan)
}

const HEADER: &str = "[roadmap]\nstart = 2020-01-01\n[[actor]]\nid = \"a\"\n";

fn settings(runs: usize, distribution: Distribution, threads: usize) -> Settings {
    Settings {
        runs,
        seed: 42,
        distribution,
        threads,
    }
}

#[test]
fn fixed_durations_have_p50_equal_to_p95() {
    let text = format!(
        "{HEADER}[[project]]\nid = \"x\"\nduration = \"3 months\"\nlead = \"a\"\n[[project]]\nid = \"y\"\nduration = \"10d\"\nlead = \"a\"\ndepends_on = [\"x\"]\n"
    );
    let (roadmap, plan) = planned(&text);
    let risk = simulate(
        &roadmap,
        &plan,
        settings(500, Distribution::Pert, 2),
        &|_| {},
    )
    .unwrap();
    assert_eq!(risk.finish.p50, risk.finish.p95);
    assert_eq!(risk.finish.p50, plan.finish());
    for (r, p) in risk.projects.iter().zip(&plan.projects) {
        assert_eq!(r.finish.p50, r.finish.p95);
        assert_eq!(r.finish.p50, p.finish);
        assert_eq!(r.criticality, 1.0);
    }
    assert_eq!(risk.on_time, 1.0);
}

#[test]
fn a_chain_of_two_uniform_projects_has_the_expected_mean() {
    // Each uniform on [10, 30] days: the chain lasts 40 days on average (variance 2 * 400/12).
    let project = |id: &str, extra: &str| {
        format!(
            "[[project]]\nid = \"{id}\"\nduration = {{ optimistic = \"10d\", likely = \"20d\", pessimistic = \"30d\" }}\nlead = \"a\"\n{extra}\n"
        )
    };
    let text = format!(
        "{HEADER}{}{}",
        project("x", ""),
        project("y", "depends_on = [\"x\"]")
    );
    let (roadmap, plan) = planned(&text);
    let runs = 20_000;
    for distribution in [
        Distribution::Uniform,
        Distribution::Triangular,
        Distribution::Pert,
    ] {
        let risk = simulate(&roadmap, &plan, settings(runs, distribution, 2), &|_| {}).unwrap();
        // Days occupied = last day + 1 (the chain starts on day 0).
        let mean = risk
            .finish_days
            .iter()
            .map(|&d| f64::from(d + 1))
            .sum::<f64>()
            / runs as f64;
        // Standard error about 0.06 days; rounding to whole days adds no bias on average.
        assert!((mean - 40.0).abs() < 0.4, "{distribution:?}: mean {mean}");
        let chain: f64 = risk.projects.iter().map(|p| p.mean_days).sum();
        assert!((chain - 40.0).abs() < 0.4, "{distribution:?}: {chain}");
    }
}

#[test]
fn same_seed_same_numbers_whatever_the_threads() {
    let text = std::fs::read_to_string("examples/risk.toml").unwrap();
    let (roadmap, plan) = planned(&text);
    let one = simulate(
        &roadmap,
        &plan,
        settings(3_000, Distribution::Pert, 1),
        &|_| {},
    )
    .unwrap();
    let two = simulate(
        &roadmap,
        &plan,
        settings(3_000, Distribution::Pert, 2),
        &|_| {},
    )
    .unwrap();
    let five = simulate(
        &roadmap,
        &plan,
        settings(3_000, Distribution::Pert, 5),
        &|_| {},
    )
    .unwrap();
    assert_eq!(one.finish_days, two.finish_days);
    assert_eq!(one.finish_days, five.finish_days);
    assert_eq!(one.projects, two.projects);
    assert_eq!(one.due, five.due);
    let other = Settings {
        seed: 7,
        ..settings(3_000, Distribution::Pert, 2)
    };
    let other = simulate(&roadmap, &plan, other, &|_| {}).unwrap();
    assert_ne!(one.finish_days, other.finish_days);
}

#[test]
fn probabilities_and_criticality_are_consistent() {
    let text = std::fs::read_to_string("examples/risk.toml").unwrap();
    let (roadmap, plan) = planned(&text);
    let risk = simulate(
        &roadmap,
        &plan,
        settings(2_000, Distribution::Pert, 2),
        &|_| {},
    )
    .unwrap();
    assert!(risk.finish.p50 <= risk.finish.p80 && risk.finish.p80 <= risk.finish.p95);
    // Long tails: the plan with likely durations is optimistic.
    assert!(risk.finish.p50 > risk.planned_finish);
    for p in &risk.projects {
        assert!((0.0..=1.0).contains(&p.criticality));
    }
    // The launch milestone ends the roadmap in every run, so it is always critical.
    let launch = roadmap
        .projects
        .iter()
        .position(|p| p.id == "launch")
        .unwrap();
    assert_eq!(risk.projects[launch].criticality, 1.0);
    for due in &risk.due {
        assert!((0.0..=1.0).contains(&due.probability));
    }
    let histogram = roadmap::risk::histogram(&risk, 20);
    assert!(histogram.len() <= 20);
    assert_eq!(histogram.iter().map(|b| b.2).sum::<usize>(), 2_000);
}

fn risk_output(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("roadmap")
        .unwrap()
        .arg("risk")
        .args(args)
        .args(["--color", "never"])
        .output()
        .unwrap()
}

#[test]
fn the_command_is_byte_for_byte_reproducible() {
    let args = ["examples/risk.toml", "--runs", "2000", "--format", "json"];
    let a = risk_output(&args);
    let b = risk_output(&[&args[..], &["--threads", "1"]].concat());
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let json: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["runs"], 2000);
    assert_eq!(json["seed"], 42);
    assert_eq!(json["projects"].as_array().unwrap().len(), 6);
}

#[test]
fn snapshot_of_the_risk_table() {
    let output = risk_output(&["examples/risk.toml", "--runs", "2000", "--width", "100"]);
    support::assert_snapshot("risk-example", &support::transcript(&output));
    let output = risk_output(&[
        "examples/risk.toml",
        "--runs",
        "500",
        "--ascii",
        "--width",
        "80",
        "--format",
        "csv",
    ]);
    support::assert_snapshot("risk-example-csv", &String::from_utf8_lossy(&output.stdout));
}

#[test]
fn the_html_report_has_a_risk_section_only_with_estimates() {
    let report = |file: &str| {
        let output = Command::cargo_bin("roadmap")
            .unwrap()
            .args(["export", "--format", "html", file])
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let html = report("examples/risk.toml");
    assert!(html.contains("<section id=\"risk\""));
    assert!(html.contains("aria-label=\"Histogram of the roadmap finish date\""));
    assert!(html.contains(">P95 "));
    assert!(!report("examples/minimal.toml").contains("<section id=\"risk\""));
}

#[test]
fn runs_beyond_the_memory_limit_are_refused_before_simulating() {
    assert_cmd::Command::cargo_bin("roadmap")
        .unwrap()
        .args(["risk", "examples/portfolio.toml", "--runs", "1000000"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("use --runs 833333 or fewer"));
}

/// The HTML report shows the risk the command simulated with `--runs` and `--seed`, the same
/// figures `roadmap risk` gives for those settings.
#[test]
fn the_html_report_simulates_with_the_given_runs_and_seed() {
    let risk = support::stdout_json(Command::cargo_bin("roadmap").unwrap().args([
        "risk",
        "examples/risk.toml",
        "--runs",
        "300",
        "--seed",
        "7",
        "--format",
        "json",
    ]));
    for command in [
        vec!["report", "examples/risk.toml"],
        vec!["export", "examples/risk.toml", "--format", "html"],
    ] {
        let output = Command::cargo_bin("roadmap")
            .unwrap()
            .args(&command)
            .args(["--runs", "300", "--seed", "7"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{command:?}");
        let html = String::from_utf8(output.stdout).unwrap();
        let p80 = risk["roadmap"]["finish"]["p80"].as_str().unwrap();
        assert!(
            html.contains("300 Monte Carlo runs (seed 7,") && html.contains(&format!("P80 {p80}")),
            "{command:?}"
        );
    }
}

/// A simulation the report cannot run is an error (exit 2, no file), not a missing section.
#[test]
fn the_html_report_fails_when_its_simulation_cannot_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "[roadmap]\nname = \"R\"\nstart = 2030-01-01\n\n[[objective]]\nid = \"o\"\n\n[[actor]]\nid = \"a\"\nkind = \"public\"\n",
    );
    for i in 0..20 {
        text.push_str(&format!(
            "\n[[project]]\nid = \"p{i}\"\nlead = \"a\"\nobjectives = [\"o\"]\nduration = {{ optimistic = \"1 month\", likely = \"2 months\", pessimistic = \"4 months\" }}\n"
        ));
    }
    let file = dir.path().join("many.toml");
    std::fs::write(&file, text).unwrap();
    let out = dir.path().join("report.html");
    let output = Command::cargo_bin("roadmap")
        .unwrap()
        .arg("report")
        .arg(&file)
        .args(["--runs", "10000000", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("more than the simulation keeps in memory"),
        "{stderr}"
    );
    assert!(!out.exists());
}
