//! Writes the benchmark portfolio with yearly caps as a roadmap file, to time the whole binary:
//!
//! ```sh
//! cargo run --release --example money_portfolio -- 10000 > /tmp/portfolio-10k.toml
//! /usr/bin/time target/release/roadmap plan /tmp/portfolio-10k.toml --format csv -o /dev/null
//! ```
//!
//! The projects, links, resources and payments are those of
//! `roadmap::schedule::synth::portfolio_with_budgets(N, true, 1)` (the `money` benchmark):
//! three scarce staff pools and three funding sources capped per calendar year.

use std::fmt::Write as _;

use roadmap::schedule::{LinkKind, synth};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args().nth(1).map_or(Ok(10_000), |a| a.parse())?;
    let problem = synth::portfolio_with_budgets(n, true, 1);
    let budgets = &problem.budgets;
    let mut out = String::new();
    writeln!(
        out,
        "[roadmap]\nname = \"Synthetic portfolio of {n} projects with yearly caps\"\nstart = {}\n\n[[objective]]\nid = \"portfolio\"\n\n[[actor]]\nid = \"city\"\nkind = \"public\"\n",
        problem.origin
    )?;
    for (r, capacity) in problem.capacities.iter().enumerate() {
        writeln!(
            out,
            "[[resource]]\nid = \"pool-{r}\"\ncapacity = {}\n",
            f64::from(*capacity) / 1000.0
        )?;
    }
    let mut totals = vec![0i64; budgets.caps.len()];
    for spend in &budgets.spend {
        for &(b, cents) in spend {
            totals[b] += cents;
        }
    }
    for (b, cap) in budgets.caps.iter().enumerate() {
        writeln!(
            out,
            "[[funding]]\nid = \"source-{b}\"\namount = {}\nper_year = {}\n",
            totals[b] / 100,
            cap / 100
        )?;
    }
    for (a, activity) in problem.activities.iter().enumerate() {
        writeln!(
            out,
            "[[project]]\nid = \"p{a}\"\nobjectives = [\"portfolio\"]\nlead = \"city\"\npriority = {}\nduration = \"{}\"",
            activity.priority, activity.duration
        )?;
        if activity.release > 0 {
            writeln!(out, "earliest_start = {}", problem.date(activity.release))?;
        }
        if let Some(due) = activity.due {
            let last = if activity.duration.is_zero() {
                due
            } else {
                due - 1
            };
            writeln!(out, "deadline = {}", problem.date(last))?;
        }
        let links: Vec<String> = problem
            .links
            .iter()
            .filter(|l| l.to == a)
            .map(|l| {
                let kind = match l.kind {
                    LinkKind::FinishToStart => "FS",
                    LinkKind::StartToStart => "SS",
                    LinkKind::FinishToFinish => "FF",
                };
                format!(
                    "{{ project = \"p{}\", type = \"{kind}\", lag = \"{}\" }}",
                    l.from, l.lag
                )
            })
            .collect();
        if !links.is_empty() {
            writeln!(out, "depends_on = [{}]", links.join(", "))?;
        }
        if !activity.demands.is_empty() {
            let demands: Vec<String> = activity
                .demands
                .iter()
                .map(|&(r, u)| format!("pool-{r} = {}", f64::from(u) / 1000.0))
                .collect();
            writeln!(out, "resources = {{ {} }}", demands.join(", "))?;
        }
        let spend = budgets.of(a);
        if !spend.is_empty() {
            let cost: i64 = spend.iter().map(|s| s.1).sum();
            let parts: Vec<String> = spend
                .iter()
                .map(|&(b, cents)| format!("source-{b} = {}", cents / 100))
                .collect();
            writeln!(
                out,
                "cost = {}\nfunding = {{ {} }}",
                cost / 100,
                parts.join(", ")
            )?;
        }
        out.push('\n');
    }
    print!("{out}");
    Ok(())
}
