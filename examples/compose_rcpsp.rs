//! Writes larger RCPSP instances (Patterson `.rcp`) made of PSPLIB ones, for measuring the
//! planner where no large set with references is at hand: each instance chains a j120, a j60 and
//! a j120 instance (picked at random) under the larger of their capacities, with random links
//! from each part to the next (from an activity to one at least 15 % further along its own
//! part's numbering, about 0.4 a predecessor), so the parts compete for resources and partly
//! wait for each other. 120 + 60 + 120 activities: 300, plus a source and a sink.
//!
//! `cargo run --release --example compose_rcpsp -- OUT_DIR [--seed N] [--count K] [--psplib DIR]`
//!
//! Then `target/release/examples/psplib OUT_DIR` plans them (without a reference table, it
//! prints the makespans and the gaps to the planner's own lower bound).

#[path = "../benches/support/psplib.rs"]
mod psplib;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use roadmap::calendar::Span;
use roadmap::schedule::Problem;

type Error = Box<dyn std::error::Error>;

/// Links from one part to the next, per activity of the next part: a pair of activities is
/// linked with chance `CROSS_LINKS / activities of the next part`.
const CROSS_LINKS: f64 = 0.4;

/// One part: its real activities (without the dummy source and sink), their durations, demands
/// and successors among them, by index within the part.
struct Part {
    durations: Vec<u32>,
    demands: Vec<Vec<u32>>,
    successors: Vec<Vec<usize>>,
    capacities: Vec<u32>,
}

fn part_of(problem: &Problem) -> Result<Part, Error> {
    let n = problem.activities.len();
    if n < 3 {
        return Err("an instance needs a source, a sink and an activity".into());
    }
    let resources = problem.capacities.len();
    let real = 1..n - 1;
    let mut part = Part {
        durations: Vec::new(),
        demands: Vec::new(),
        successors: vec![Vec::new(); n - 2],
        capacities: problem.capacities.clone(),
    };
    for a in real.clone() {
        let Span::Days(days) = problem.activities[a].duration else {
            return Err("durations must be in days".into());
        };
        part.durations.push(days);
        let mut units = vec![0; resources];
        for &(r, u) in &problem.activities[a].demands {
            units[r] = u;
        }
        part.demands.push(units);
    }
    for link in &problem.links {
        if real.contains(&link.from) && real.contains(&link.to) {
            part.successors[link.from - 1].push(link.to - 1);
        }
    }
    Ok(part)
}

/// The Patterson text of `parts` chained, with random links from each part to the next.
fn compose(parts: &[Part], rng: &mut ChaCha8Rng) -> String {
    let resources = parts[0].capacities.len();
    let mut first = Vec::new(); // the number of each part's first activity (1 is the source)
    let mut next = 2;
    for part in parts {
        first.push(next);
        next += part.durations.len();
    }
    let sink = next;
    let mut successors: Vec<Vec<usize>> = vec![Vec::new(); sink + 1];
    let mut durations = vec![0; sink + 1];
    let mut demands = vec![vec![0; resources]; sink + 1];
    for (p, part) in parts.iter().enumerate() {
        for (i, list) in part.successors.iter().enumerate() {
            let job = first[p] + i;
            durations[job] = part.durations[i];
            demands[job].clone_from(&part.demands[i]);
            successors[job].extend(list.iter().map(|&j| first[p] + j));
        }
    }
    // How far along its part an activity is, from 0 to 1.
    let along = |k: usize, of: &Part| k as f64 / of.durations.len() as f64;
    for (p, pair) in parts.windows(2).enumerate() {
        let (from, to) = (&pair[0], &pair[1]);
        let chance = CROSS_LINKS / to.durations.len() as f64;
        for i in 0..from.durations.len() {
            for j in 0..to.durations.len() {
                if along(j, to) > along(i, from) + 0.15 && rng.random_bool(chance) {
                    successors[first[p] + i].push(first[p + 1] + j);
                }
            }
        }
    }
    let mut has_predecessor = vec![false; sink + 1];
    for list in &successors {
        for &j in list {
            has_predecessor[j] = true;
        }
    }
    for job in 2..sink {
        if successors[job].is_empty() {
            successors[job].push(sink);
        }
        if !has_predecessor[job] {
            successors[1].push(job);
        }
    }
    let capacities: Vec<u32> = (0..resources)
        .map(|r| parts.iter().map(|p| p.capacities[r]).max().unwrap_or(0))
        .collect();
    let mut text = format!("{sink}\t{resources}\n");
    let numbers = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join("\t");
    let _ = writeln!(text, "{}", numbers(&capacities));
    for job in 1..=sink {
        let list = &mut successors[job];
        list.sort_unstable();
        list.dedup();
        let mut row = vec![durations[job]];
        row.extend(&demands[job]);
        row.push(list.len() as u32);
        row.extend(list.iter().map(|&j| j as u32));
        let _ = writeln!(text, "{}", numbers(&row));
    }
    text
}

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let mut out: Option<PathBuf> = None;
    let (mut seed, mut count) = (1_u64, 12_usize);
    let mut sets = PathBuf::from("../shared/psplib");
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--seed" => seed = value("--seed")?.parse()?,
            "--count" => count = value("--count")?.parse()?,
            "--psplib" => sets = value("--psplib")?.into(),
            _ if out.is_none() => out = Some(arg.into()),
            _ => return Err(format!("unexpected argument {arg:?}").into()),
        }
    }
    let out = out.ok_or(
        "usage: compose_rcpsp OUT_DIR [--seed N] [--count K] [--psplib DIR] (DIR holds j120/ and j60/)",
    )?;
    let files = |set: &str| psplib::instance_files(&sets.join(set));
    let (j120, j60) = (files("j120")?, files("j60")?);
    if j120.is_empty() || j60.is_empty() {
        return Err(format!("no j120 or j60 instances under {}", sets.display()).into());
    }
    std::fs::create_dir_all(&out)?;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    for k in 1..=count {
        let mut pick = |set: &[PathBuf]| -> Result<Part, Error> {
            let file: &Path = &set[rng.random_range(0..set.len())];
            part_of(&psplib::read_instance(file)?)
        };
        let parts = [pick(&j120)?, pick(&j60)?, pick(&j120)?];
        let path = out.join(format!("C300_{k}.rcp"));
        std::fs::write(&path, compose(&parts, &mut rng))?;
    }
    println!("{count} instances written to {}", out.display());
    Ok(())
}
