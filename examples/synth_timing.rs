//! Times `plan()` on one synthetic portfolio: `cargo run --release --example synth_timing -- N [resources] [fast|default|thorough]`.

use std::time::Instant;

use roadmap::schedule::{Effort, Options, plan, synth};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().map_or(Ok(10_000), |a| a.parse())?;
    let resources = args.get(1).is_none_or(|a| a != "none");
    let effort = match args.get(2).map(String::as_str) {
        Some("fast") => Effort::Fast,
        Some("thorough") => Effort::Thorough,
        _ => Effort::Default,
    };
    let problem = synth::portfolio(n, resources, 1);
    let clock = Instant::now();
    let solution = plan(&problem, &Options { effort, seed: 42 })?;
    println!(
        "n={n} links={} resources={resources} {effort:?}: {:.1} ms, {} schedules, {} generations, makespan {} (lower bound {:?})",
        problem.links.len(),
        clock.elapsed().as_secs_f64() * 1e3,
        solution.stats.schedules,
        solution.stats.iterations,
        solution.makespan,
        solution.stats.lower_bound
    );
    Ok(())
}
