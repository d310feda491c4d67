//! Plans every PSPLIB `.sm` file of a directory and prints the makespan, the gap to a reference
//! table and the time per instance, then the means.
//!
//! `cargo run --release --example psplib -- DIR [--reference FILE] [--effort fast|default|thorough] [--seed N]`
//!
//! The reference is a `problem,optimum` CSV (as in `benches/data/j30-optimum.csv`) or a PSPLIB
//! `j30opt.sm` / `j120hrs.sm` table.

#[path = "../benches/support/psplib.rs"]
mod psplib;

use std::time::Instant;

use roadmap::schedule::{Effort, Options, plan};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut reference = None;
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reference" => reference = args.next(),
            "--seed" => options.seed = args.next().ok_or("--seed needs a value")?.parse()?,
            "--effort" => {
                options.effort = match args.next().as_deref() {
                    Some("fast") => Effort::Fast,
                    Some("default") => Effort::Default,
                    Some("thorough") => Effort::Thorough,
                    other => return Err(format!("unknown effort {other:?}").into()),
                }
            }
            _ => dir = Some(arg),
        }
    }
    let dir = dir.ok_or("usage: psplib DIR [--reference FILE] [--effort LEVEL] [--seed N]")?;
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sm"))
        .collect();
    files.sort();
    let prefix = files
        .first()
        .and_then(|f| f.file_name()?.to_str()?.get(..3).map(str::to_string))
        .unwrap_or_default();
    let table = match &reference {
        Some(path) => psplib::parse_reference(&String::from_utf8_lossy(&std::fs::read(path)?), &prefix),
        None => Default::default(),
    };
    let (mut gaps, mut seconds, mut worst) = (Vec::new(), Vec::new(), 0.0f64);
    let mut at_reference = 0;
    println!("instance\tmakespan\treference\tgap%\tms\tschedules");
    for file in &files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let problem = psplib::parse_sm(&std::fs::read_to_string(file)?)?;
        let clock = Instant::now();
        let solution = plan(&problem, &options)?;
        let elapsed = clock.elapsed().as_secs_f64();
        psplib::feasible(&problem, &solution.start, &solution.end)
            .map_err(|e| format!("{name}: infeasible plan: {e}"))?;
        seconds.push(elapsed);
        worst = worst.max(elapsed);
        let known = table.get(&name).copied();
        let gap = known
            .map(|k| 100.0 * (f64::from(solution.makespan as u32) - f64::from(k)) / f64::from(k));
        if let Some(g) = gap {
            gaps.push(g);
            if g <= 0.0 {
                at_reference += 1;
            }
        }
        println!(
            "{name}\t{}\t{}\t{}\t{:.1}\t{}",
            solution.makespan,
            known.map_or("-".into(), |k| k.to_string()),
            gap.map_or("-".into(), |g| format!("{g:.2}")),
            elapsed * 1e3,
            solution.stats.schedules
        );
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            f64::NAN
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    println!(
        "# {} instances, effort {:?}, seed {}: mean gap {:.3}% over {} with a reference ({} at it), mean {:.1} ms, max {:.1} ms",
        files.len(),
        options.effort,
        options.seed,
        mean(&gaps),
        gaps.len(),
        at_reference,
        mean(&seconds) * 1e3,
        worst * 1e3
    );
    Ok(())
}
