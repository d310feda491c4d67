//! Generated roadmap files for whole-process benchmarks and tests: large portfolios as TOML
//! text, so that parsing, validation, planning and writing are all measured.
#![allow(dead_code)]

use std::fmt::Write;

/// A portfolio of `n` projects in layers of 40, each depending on up to four projects of the
/// previous three layers (about 2.5 links per project: finish-to-start mostly, some
/// start-to-start with a lag), durations from 2 weeks to 18 months, priorities 1-5, and with
/// `resources` three pools that about 40 % of the projects each draw on. A small linear
/// congruential generator keeps it dependency-free and the same on every run.
pub fn portfolio_toml(n: usize, resources: bool) -> String {
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |bound: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % bound
    };
    let mut text = String::with_capacity(n * 160);
    text.push_str("[roadmap]\nname = \"Generated portfolio\"\nstart = 2025-01-01\n\n");
    text.push_str("[[actor]]\nid = \"city\"\nname = \"City\"\n\n");
    if resources {
        for (r, capacity) in [(0, 40), (1, 30), (2, 20)] {
            let _ = writeln!(
                text,
                "[[resource]]\nid = \"pool{r}\"\ncapacity = {capacity}\n"
            );
        }
    }
    let layer = 40;
    for i in 0..n {
        let duration = match next(20) {
            0 => "0d".to_string(),
            1..=7 => format!("{} months", 1 + next(18)),
            _ => format!("{} days", 14 + next(167)),
        };
        let _ = write!(
            text,
            "[[project]]\nid = \"p{i}\"\nduration = \"{duration}\"\nlead = \"city\"\npriority = {}\n",
            1 + next(5)
        );
        if i >= layer {
            let first = (i / layer).saturating_sub(3) * layer;
            let last = (i / layer) * layer;
            let mut chosen: Vec<u64> = Vec::new();
            for _ in 0..1 + next(4) {
                let from = first as u64 + next((last - first) as u64);
                if !chosen.contains(&from) {
                    chosen.push(from);
                }
            }
            let items: Vec<String> = chosen
                .iter()
                .map(|from| {
                    if next(5) == 0 {
                        format!(
                            "{{ project = \"p{from}\", type = \"SS\", lag = \"{} days\" }}",
                            next(30)
                        )
                    } else {
                        format!("\"p{from}\"")
                    }
                })
                .collect();
            let _ = writeln!(text, "depends_on = [{}]", items.join(", "));
        }
        if resources && !duration.starts_with("0d") {
            let mut demands: Vec<String> = Vec::new();
            for r in 0..3 {
                if next(5) < 2 {
                    demands.push(format!("pool{r} = {}", 1 + next(4)));
                }
            }
            if !demands.is_empty() {
                let _ = writeln!(text, "resources = {{ {} }}", demands.join(", "));
            }
        }
        text.push('\n');
    }
    text
}

/// `n` projects of `days` days each on one resource of capacity 1, no links: they must run one
/// after another.
pub fn one_pool_toml(n: usize, days: u32) -> String {
    let mut text = String::with_capacity(n * 80);
    text.push_str("[roadmap]\nname = \"One pool\"\nstart = 2025-01-01\n\n");
    text.push_str("[[actor]]\nid = \"city\"\n\n[[resource]]\nid = \"team\"\ncapacity = 1\n\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "[[project]]\nid = \"p{i}\"\nduration = \"{days} days\"\nlead = \"city\"\nresources = {{ team = 1 }}\n"
        );
    }
    text
}
