//! Quality of the search on PSPLIB-like synthetic instances, where no optimum is known: the gap of
//! one run at an effort level to the best of several Thorough runs, and to the lower bound.
//!
//! `cargo run --release --example synth_quality -- N COUNT [fast|default|thorough]`

use std::time::Instant;

use roadmap::schedule::{Effort, Options, plan, synth};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().map_or(Ok(30), |a| a.parse())?;
    let count: u64 = args.get(1).map_or(Ok(20), |a| a.parse())?;
    let effort = match args.get(2).map(String::as_str) {
        Some("fast") => Effort::Fast,
        Some("thorough") => Effort::Thorough,
        _ => Effort::Default,
    };
    let references: u64 = args.get(3).map_or(Ok(3), |a| a.parse())?;
    let (mut gap_best, mut gap_bound, mut time) = (0.0, 0.0, 0.0);
    for seed in 0..count {
        let problem = synth::rcpsp_like(n, seed);
        let clock = Instant::now();
        let run = plan(&problem, &Options { effort, seed: 42 })?;
        time += clock.elapsed().as_secs_f64();
        let mut best = run.makespan;
        for s in 0..references {
            let other = plan(
                &problem,
                &Options {
                    effort: Effort::Thorough,
                    seed: 1000 + s,
                },
            )?;
            best = best.min(other.makespan);
        }
        let bound = run.stats.lower_bound.unwrap_or(1).max(1);
        let g = 100.0 * f64::from(run.makespan - best) / f64::from(best);
        gap_best += g;
        gap_bound += 100.0 * f64::from(run.makespan - bound) / f64::from(bound);
        println!(
            "seed {seed}: {} best {best} bound {bound} gap {g:.2}%",
            run.makespan
        );
    }
    let c = count as f64;
    println!(
        "# n={n} x{count} {effort:?}: mean gap to best-of-runs {:.3}%, to lower bound {:.2}%, mean {:.1} ms",
        gap_best / c,
        gap_bound / c,
        time / c * 1e3
    );
    Ok(())
}
