//! Programme roll-ups and indicator values on a synthetic roadmap: `n` projects in a tree of
//! programmes (10 top-level, 10 sub-programmes each), each project contributing to one of 20
//! indicators with 3 targets. Setup (parse, validate, plan) is not timed.
//!
//! `cargo bench --bench strategy`

use std::fmt::Write as _;

use roadmap::model::Roadmap;
use roadmap::plan::Plan;

fn main() {
    divan::main();
}

fn roadmap(n: usize) -> (Roadmap, Plan) {
    let mut text = String::from(
        "[roadmap]\nstart = 2024-01-01\n[[objective]]\nid = \"o\"\n[[actor]]\nid = \"a\"\n",
    );
    for top in 0..10 {
        writeln!(text, "[[programme]]\nid = \"p{top}\"").unwrap();
        for sub in 0..10 {
            writeln!(
                text,
                "[[programme]]\nid = \"p{top}-{sub}\"\nparent = \"p{top}\""
            )
            .unwrap();
        }
    }
    for i in 0..20 {
        writeln!(
            text,
            "[[indicator]]\nid = \"k{i}\"\nobjective = \"o\"\nbaseline = {{ year = 2023, value = 0 }}\ntargets = [{{ year = 2025, value = 10 }}, {{ year = 2027, value = 20 }}, {{ year = 2030, value = 30 }}]"
        )
        .unwrap();
    }
    for p in 0..n {
        let depends = if p > 0 {
            format!("depends_on = [\"x{}\"]\n", p / 2)
        } else {
            String::new()
        };
        writeln!(
            text,
            "[[project]]\nid = \"x{p}\"\nduration = \"{}d\"\nlead = \"a\"\nobjectives = [\"o\"]\nprogramme = \"p{}-{}\"\ncost = 1000\ncontributes = {{ k{} = 1 }}\n{depends}",
            10 + p % 50,
            p % 10,
            (p / 10) % 10,
            p % 20
        )
        .unwrap();
    }
    let parsed = roadmap::model::load::parse_str("bench.toml".into(), text);
    let validated = roadmap::validate::validate(&parsed.raw.expect("parses"), parsed.findings);
    let model = validated.roadmap.expect("valid");
    let plan = roadmap::plan::plan(&model, &roadmap::schedule::Options::default()).expect("plans");
    (model, plan)
}

#[divan::bench(args = [1_000, 10_000], sample_count = 10)]
fn roll_up(bencher: divan::Bencher, n: usize) {
    let (model, plan) = roadmap(n);
    let position: Vec<usize> = (0..n).collect();
    bencher.bench(|| {
        roadmap::plan::rollup::roll_up(divan::black_box(&model), &plan.projects, &position)
    });
}

#[divan::bench(args = [1_000, 10_000], sample_count = 10)]
fn indicator_values(bencher: divan::Bencher, n: usize) {
    let (model, plan) = roadmap(n);
    bencher.bench(|| {
        roadmap::plan::targets::indicators(divan::black_box(&model), |p| plan.projects[p].finish)
    });
}
