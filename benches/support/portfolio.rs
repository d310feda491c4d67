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

/// [`portfolio_toml`] with three resources on a working calendar: Monday to Friday, Bulgaria's
/// public holidays and a summer closure each year of 2025-2030, every capacity stepping up and
/// down (hiring, a team moving away), day durations in working days, and every tenth project
/// with resources stating its `effort` instead of a duration. The same projects, links and
/// demands as [`portfolio_toml`], so the two compare what calendars and steps cost.
#[allow(dead_code)] // Each bench or example that includes this file uses some of it.
pub fn calendar_portfolio_toml(n: usize) -> String {
    let plain = portfolio_toml(n, true);
    let mut text = String::with_capacity(plain.len() + 4096);
    let closures: Vec<String> = (2025..=2030)
        .map(|y| format!("{{ from = {y}-08-04, until = {y}-08-15, name = \"Summer closure\" }}"))
        .collect();
    let steps = [
        "[{ from = 2026-01-01, capacity = 50 }, { from = 2029-07-01, capacity = 35 }]",
        "[{ from = 2025-07-01, capacity = 20 }, { from = 2027-01-01, capacity = 30 }]",
        "[{ from = 2026-04-01, capacity = 25 }, { from = 2031-01-01, capacity = 20 }]",
    ];
    let mut block: Vec<&str> = Vec::new();
    let mut project = 0usize;
    let flush = |block: &mut Vec<&str>, text: &mut String, project: &mut usize| {
        let is_project = block.first() == Some(&"[[project]]");
        // Every tenth project holding a resource: its days of work as person-days.
        let demand = block
            .iter()
            .find_map(|l| l.strip_prefix("resources = { "))
            .and_then(|d| d.split(',').next())
            .and_then(|d| d.trim_end_matches(" }").split_once(" = "));
        let days = block.iter().find_map(|l| {
            l.strip_prefix("duration = \"")
                .and_then(|d| d.strip_suffix(" days\""))
                .and_then(|d| d.parse::<u32>().ok())
        });
        let effort = match (is_project && project.is_multiple_of(10), demand, days) {
            (true, Some((pool, units)), Some(days)) => units
                .parse::<u32>()
                .ok()
                .map(|u| format!("effort = {{ {pool} = \"{} person-days\" }}", days * u)),
            _ => None,
        };
        for line in block.drain(..) {
            if line.starts_with("duration = ") {
                if let Some(effort) = &effort {
                    text.push_str(effort);
                } else {
                    text.push_str(&line.replace(" days\"", " wd\""));
                }
            } else {
                text.push_str(line);
            }
            text.push('\n');
            if let Some(r) = line.strip_prefix("id = \"pool") {
                let r: usize = r.trim_end_matches('"').parse().unwrap_or(0);
                let _ = writeln!(text, "changes = {}", steps[r % 3]);
            }
        }
        if is_project {
            *project += 1;
        }
    };
    for line in plain.lines() {
        if line.starts_with('[') && !block.is_empty() {
            flush(&mut block, &mut text, &mut project);
        }
        block.push(line);
        if line == "start = 2025-01-01" {
            flush(&mut block, &mut text, &mut project);
            let _ = writeln!(
                text,
                "\n[calendar]\nworkdays = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]\nholidays = [\"BG\", {}]\n",
                closures.join(", ")
            );
        }
    }
    flush(&mut block, &mut text, &mut project);
    text
}
