//! Plans RCPSP instances (PSPLIB `.sm`, Patterson `.rcp`) and compares them with a reference
//! table: per set, the mean gap to the reference, how many plans reach it, the time per
//! instance, how close the planner's lower bound comes to the reference and how far the plans
//! end above that bound.
//!
//! `cargo run --release --example psplib -- DIR [--reference FILE] [--effort fast|default|thorough] [--seed N] [--sample K] [--quiet]`
//!
//! `DIR` is one set (a directory of PSPLIB `.sm` or Patterson `.rcp` files, e.g.
//! `../shared/psplib/j30`, or the RG30/RG300 sets) or a directory of sets (e.g.
//! `../shared/psplib`), each then run in turn. Without `--reference`, a set `S` is compared with
//! the first of `S/../Sopt.sm`, `Shrs.sm`, `S.csv` and `S-reference.csv` that exists. The
//! reference is a PSPLIB `j30opt.sm` / `j120hrs.sm` table or rows of an instance name (with or
//! without its extension) and a makespan, separated by a comma, semicolon, tab or spaces (as in
//! `benches/data/j30-optimum.csv`). `--sample K` plans every K-th instance only.

#[path = "../benches/support/psplib.rs"]
mod psplib;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use roadmap::schedule::{Effort, Options, plan};

// The allocator of the `roadmap` binary, so that times are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

type Error = Box<dyn std::error::Error>;

struct Args {
    dir: PathBuf,
    reference: Option<PathBuf>,
    options: Options,
    sample: usize,
    quiet: bool,
}

fn parse_args() -> Result<Args, Error> {
    let mut args = std::env::args().skip(1);
    let mut parsed = Args {
        dir: PathBuf::new(),
        reference: None,
        options: Options::default(),
        sample: 1,
        quiet: false,
    };
    let mut dir = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reference" => parsed.reference = args.next().map(PathBuf::from),
            "--seed" => parsed.options.seed = args.next().ok_or("--seed needs a value")?.parse()?,
            "--sample" => parsed.sample = args.next().ok_or("--sample needs a value")?.parse()?,
            "--quiet" => parsed.quiet = true,
            "--effort" => {
                parsed.options.effort = match args.next().as_deref() {
                    Some("fast") => Effort::Fast,
                    Some("default") => Effort::Default,
                    Some("thorough") => Effort::Thorough,
                    other => return Err(format!("unknown effort {other:?}").into()),
                }
            }
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    parsed.dir = dir.ok_or(
        "usage: psplib DIR [--reference FILE] [--effort LEVEL] [--seed N] [--sample K] [--quiet]",
    )?;
    parsed.sample = parsed.sample.max(1);
    Ok(parsed)
}

/// One set's results.
struct Summary {
    set: String,
    planned: usize,
    compared: usize,
    mean_gap: f64,
    at_reference: usize,
    mean_bound_gap: f64,
    /// How far the plans end above the planner's own lower bound: the only measure for a set
    /// without a reference.
    mean_above_bound: f64,
    mean_ms: f64,
    max_ms: f64,
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        f64::NAN
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

fn run_set(dir: &Path, reference: Option<&Path>, args: &Args) -> Result<Summary, Error> {
    let set = dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let guessed = ["opt.sm", "hrs.sm", ".csv", "-reference.csv"]
        .iter()
        .map(|suffix| dir.with_file_name(format!("{set}{suffix}")))
        .find(|p| p.is_file());
    let table: HashMap<String, u32> = match reference.map(Path::to_path_buf).or(guessed) {
        // j120hrs.sm spells some authors' names in Latin-1.
        Some(path) => {
            psplib::parse_reference(&String::from_utf8_lossy(&std::fs::read(path)?), &set)
        }
        None => HashMap::new(),
    };
    let files: Vec<PathBuf> = psplib::instance_files(dir)?
        .into_iter()
        .step_by(args.sample)
        .collect();
    let (mut gaps, mut bound_gaps, mut seconds) = (Vec::new(), Vec::new(), Vec::new());
    let mut above_bound = Vec::new();
    let mut at_reference = 0;
    if !args.quiet {
        println!("instance\tmakespan\treference\tgap%\tbound\tms\tschedules");
    }
    for file in &files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let problem = psplib::read_instance(file)?;
        let clock = Instant::now();
        let solution = plan(&problem, &args.options)?;
        let elapsed = clock.elapsed().as_secs_f64();
        psplib::feasible(&problem, &solution.start, &solution.end)
            .map_err(|e| format!("{name}: infeasible plan: {e}"))?;
        seconds.push(elapsed);
        let makespan = f64::from(solution.makespan);
        let bound = solution.stats.lower_bound.unwrap_or(0);
        if bound > 0 {
            above_bound.push(100.0 * (makespan - f64::from(bound)) / f64::from(bound));
        }
        let known = psplib::reference_of(&table, &name);
        let gap = known.map(|k| 100.0 * (makespan - f64::from(k)) / f64::from(k));
        if let Some(k) = known {
            let k = f64::from(k);
            gaps.push(100.0 * (makespan - k) / k);
            bound_gaps.push(100.0 * (k - f64::from(bound)) / k);
            if makespan <= k {
                at_reference += 1;
            }
        }
        if !args.quiet {
            println!(
                "{name}\t{}\t{}\t{}\t{bound}\t{:.1}\t{}",
                solution.makespan,
                known.map_or("-".into(), |k| k.to_string()),
                gap.map_or("-".into(), |g| format!("{g:.2}")),
                elapsed * 1e3,
                solution.stats.schedules
            );
        }
    }
    Ok(Summary {
        set,
        planned: files.len(),
        compared: gaps.len(),
        mean_gap: mean(&gaps),
        at_reference,
        mean_bound_gap: mean(&bound_gaps),
        mean_above_bound: mean(&above_bound),
        mean_ms: mean(&seconds) * 1e3,
        max_ms: seconds.iter().copied().fold(0.0, f64::max) * 1e3,
    })
}

fn main() -> Result<(), Error> {
    let args = parse_args()?;
    // A directory of sets holds subdirectories of instances (and the reference tables).
    let mut sets: Vec<PathBuf> = std::fs::read_dir(&args.dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir() && psplib::instance_files(p).is_ok_and(|f| !f.is_empty()))
        .collect();
    // j30, j60, j120: by size, not by name.
    sets.sort_by_key(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let digits: String = name.chars().filter(char::is_ascii_digit).collect();
        (digits.parse::<u64>().unwrap_or(u64::MAX), name.to_string())
    });
    if sets.is_empty() {
        sets.push(args.dir.clone());
    }
    let reference = if sets.len() == 1 {
        args.reference.as_deref()
    } else {
        None
    };
    let mut summaries = Vec::new();
    for set in &sets {
        summaries.push(run_set(set, reference, &args)?);
    }
    println!(
        "\neffort {:?}, seed {}, every {} instance(s), {} thread(s)",
        args.options.effort,
        args.options.seed,
        args.sample,
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    println!(
        "| set | instances | mean gap to reference | at reference | bound below reference | mean time | max time |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for s in &summaries {
        let percent = |value: f64, digits: usize| {
            if s.compared == 0 {
                "-".to_string()
            } else {
                format!("{value:.digits$} %")
            }
        };
        println!(
            "| {} | {} ({} with a reference) | {} | {} | {} | {:.0} ms | {:.0} ms |",
            s.set,
            s.planned,
            s.compared,
            percent(s.mean_gap, 3),
            s.at_reference,
            percent(s.mean_bound_gap, 2),
            s.mean_ms,
            s.max_ms
        );
    }
    println!();
    for s in &summaries {
        println!(
            "{}: the plans end on average {:.2} % above the planner's own lower bound",
            s.set, s.mean_above_bound
        );
    }
    Ok(())
}
