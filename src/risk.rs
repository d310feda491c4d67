//! Monte Carlo schedule risk: sample every duration, schedule each run with the baseline plan's
//! activity list (see [`crate::schedule::simulate`]), and summarise the runs: percentiles of
//! the roadmap's and every project's finish, the probability of meeting each deadline and
//! funding window, and each project's criticality index.
//!
//! Run `i` draws from a ChaCha8 generator seeded with `seed` on stream `i`, so the numbers
//! depend only on the file, the seed, the number of runs and the distribution: never on the
//! number of threads or the machine.

use chrono::NaiveDate;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution as _, Pert, Triangular};

use crate::model::{Roadmap, Status};
use crate::plan::Plan;
use crate::schedule::problem::Day;
use crate::schedule::simulate::Simulator;
use crate::schedule::{ScheduleError, Solution};

/// How a three-point estimate is sampled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Distribution {
    /// Beta-PERT (shape 4) between optimistic and pessimistic, mode at likely: mean
    /// (o + 4l + p) / 6.
    #[default]
    Pert,
    /// Triangular between optimistic and pessimistic, mode at likely: mean (o + l + p) / 3.
    Triangular,
    /// Uniform between optimistic and pessimistic (likely is ignored).
    Uniform,
}

/// Most (run, project) results one simulation keeps: every run's finish of every project is kept
/// for the percentiles, 4 bytes each, so this bounds memory near 400 MB (and time with it).
pub const MAX_SAMPLES: usize = 100_000_000;

/// The most runs a roadmap of `projects` projects can have within [`MAX_SAMPLES`].
pub fn max_runs(projects: usize) -> usize {
    MAX_SAMPLES / projects.max(1)
}

/// Settings of a simulation.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub runs: usize,
    pub seed: u64,
    pub distribution: Distribution,
    /// Worker threads (at least 1); results do not depend on it.
    pub threads: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            runs: 10_000,
            seed: 42,
            distribution: Distribution::Pert,
            threads: 2,
        }
    }
}

/// Finish dates at the 50th, 80th and 95th percentile (nearest rank), and the mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Percentiles {
    pub p50: NaiveDate,
    pub p80: NaiveDate,
    pub p95: NaiveDate,
    pub mean: NaiveDate,
}

/// A project's risk.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectRisk {
    pub planned_finish: NaiveDate,
    pub finish: Percentiles,
    /// Share of runs in which it had zero total slack.
    pub criticality: f64,
    /// Mean length in days over the runs (its occupied days).
    pub mean_days: f64,
}

/// What a due date belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueKind {
    Deadline,
    /// The `until` of the funding source with this index.
    Window(usize),
}

/// The chance that a project finishes on or before a due date.
#[derive(Clone, Debug, PartialEq)]
pub struct DueRisk {
    pub project: usize,
    pub kind: DueKind,
    /// Last allowed day.
    pub date: NaiveDate,
    pub probability: f64,
    /// Does the deterministic plan meet it?
    pub planned_met: bool,
}

/// The chance that an indicator reaches one of its targets by the end of the target's year.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetRisk {
    pub indicator: usize,
    pub year: i32,
    pub target: f64,
    /// Share of runs in which the projects finishing by the end of `year` bring it there.
    pub probability: f64,
    /// Does the deterministic plan reach it?
    pub planned_met: bool,
}

/// The outcome of a simulation.
#[derive(Clone, Debug)]
pub struct Risk {
    pub settings: Settings,
    pub origin: NaiveDate,
    pub planned_finish: NaiveDate,
    pub finish: Percentiles,
    /// Probability of finishing on or before the planned finish.
    pub on_time: f64,
    /// The roadmap's last day in each run, as day offsets, sorted.
    pub finish_days: Vec<Day>,
    /// Indexed like the roadmap's projects.
    pub projects: Vec<ProjectRisk>,
    /// Deadlines first, then funding windows, each in project order.
    pub due: Vec<DueRisk>,
    /// Projects with a three-point estimate.
    pub uncertain: usize,
    /// Every indicator's targets, in indicator then year order.
    pub targets: Vec<TargetRisk>,
}

/// How one activity's days are drawn.
#[derive(Clone, Debug)]
enum Sampler {
    Fixed(Day),
    Pert(Pert<f64>),
    Triangular(Triangular<f64>),
    Uniform(f64, f64),
}

impl Sampler {
    fn sample(&self, rng: &mut ChaCha8Rng) -> Day {
        let days = match self {
            Sampler::Fixed(d) => return *d,
            Sampler::Pert(d) => d.sample(rng),
            Sampler::Triangular(d) => d.sample(rng),
            Sampler::Uniform(lo, hi) => lo + (hi - lo) * rand::RngExt::random::<f64>(rng),
        };
        days.round().max(0.0) as Day
    }
}

/// Builds each activity's sampler: three-point estimates converted to days at the baseline
/// start (calendar months from that day), scaled to the work the plan left to do (a project in
/// progress under `--as-of`); fixed durations, done projects and milestones are constant.
fn samplers(roadmap: &Roadmap, plan: &Plan, distribution: Distribution) -> Vec<Sampler> {
    let problem = &plan.problem;
    let solution: &Solution = &plan.solution;
    roadmap
        .projects
        .iter()
        .enumerate()
        .map(|(a, project)| {
            let (start, end) = (solution.start[a], solution.end[a]);
            let base = (end - start).max(0);
            let Some(estimate) = project.estimate.filter(|_| project.status != Status::Done) else {
                return Sampler::Fixed(base);
            };
            let days = |span| f64::from((problem.add(start, span) - start).max(0));
            let (o, l, p) = (
                days(estimate.optimistic),
                days(estimate.likely),
                days(estimate.pessimistic),
            );
            let scale = if l > 0.0 { f64::from(base) / l } else { 1.0 };
            let (o, l, p) = (o * scale, l * scale, p * scale);
            if p <= o {
                return Sampler::Fixed(base);
            }
            match distribution {
                Distribution::Pert => Pert::new(o, p)
                    .with_mode(l)
                    .map_or(Sampler::Fixed(base), Sampler::Pert),
                Distribution::Triangular => {
                    Triangular::new(o, p, l).map_or(Sampler::Fixed(base), Sampler::Triangular)
                }
                Distribution::Uniform => Sampler::Uniform(o, p),
            }
        })
        .collect()
}

/// What one worker collects over its block of runs.
struct Block {
    /// `last[a][k]`: activity `a`'s last day in the block's run `k`.
    last: Vec<Vec<Day>>,
    /// `days[a]`: sum of its occupied days.
    days: Vec<i64>,
    critical: Vec<u64>,
    finish: Vec<Day>,
}

/// Runs the simulation of a planned roadmap. `progress` is called with the number of runs
/// finished since its last call (from any worker thread).
pub fn simulate(
    roadmap: &Roadmap,
    plan: &Plan,
    settings: Settings,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Risk, ScheduleError> {
    let n = roadmap.projects.len();
    let runs = settings.runs.max(1);
    let samplers = samplers(roadmap, plan, settings.distribution);
    let simulator = Simulator::new(&plan.problem, &plan.solution.start)?;
    let threads = settings.threads.clamp(1, runs);
    let blocks: Vec<Block> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (from, to) = (runs * t / threads, runs * (t + 1) / threads);
                let mut simulator_copy = simulator.clone();
                let samplers = &samplers;
                scope.spawn(move || {
                    run_block(
                        &mut simulator_copy,
                        samplers,
                        settings.seed,
                        from..to,
                        progress,
                    )
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a simulation worker panicked"))
            .collect()
    });
    let origin = plan.problem.origin;
    let date = |day: Day| plan.problem.date(day);
    let mut finish_days: Vec<Day> = blocks
        .iter()
        .flat_map(|b| b.finish.iter().copied())
        .collect();
    finish_days.sort_unstable();
    let planned_finish = plan.finish();
    let planned_day = plan.problem.day(planned_finish);
    let on_time = share(
        finish_days.iter().filter(|&&d| d <= planned_day).count(),
        runs,
    );

    let mut projects = Vec::with_capacity(n);
    // Run by run (the same run order for every project), for the indicators' targets.
    let mut last_by_project: Vec<Vec<Day>> = (0..n)
        .map(|a| {
            blocks
                .iter()
                .flat_map(|b| b.last[a].iter().copied())
                .collect()
        })
        .collect();
    let targets = target_risks(roadmap, plan, &last_by_project, runs);
    for (a, last) in last_by_project.iter_mut().enumerate() {
        last.sort_unstable();
        let critical: u64 = blocks.iter().map(|b| b.critical[a]).sum();
        let days: i64 = blocks.iter().map(|b| b.days[a]).sum();
        projects.push(ProjectRisk {
            planned_finish: plan.projects[a].finish,
            finish: percentiles(last, date),
            criticality: share(critical as usize, runs),
            mean_days: days as f64 / runs as f64,
        });
    }

    let mut due = Vec::new();
    let mut add = |a: usize, kind: DueKind, date: NaiveDate| {
        let day = plan.problem.day(date);
        let met = last_by_project[a].partition_point(|&d| d <= day);
        due.push(DueRisk {
            project: a,
            kind,
            date,
            probability: share(met, runs),
            planned_met: plan.projects[a].finish <= date,
        });
    };
    for (a, project) in roadmap.projects.iter().enumerate() {
        if let Some(deadline) = project.deadline {
            add(a, DueKind::Deadline, deadline);
        }
    }
    for (a, project) in roadmap.projects.iter().enumerate() {
        for c in &project.funding {
            if let Some(until) = roadmap.funding[c.source].until {
                add(a, DueKind::Window(c.source), until);
            }
        }
    }
    Ok(Risk {
        settings: Settings { runs, ..settings },
        origin,
        planned_finish,
        finish: percentiles(&finish_days, date),
        on_time,
        finish_days,
        projects,
        due,
        uncertain: roadmap
            .projects
            .iter()
            .filter(|p| p.estimate.is_some() && p.status != Status::Done)
            .count(),
        targets,
    })
}

/// For every target, the share of runs in which the baseline plus the contributions of the
/// projects whose last day falls by the end of the target's year reaches it. `last[a][r]` is
/// project `a`'s last day in run `r`.
fn target_risks(roadmap: &Roadmap, plan: &Plan, last: &[Vec<Day>], runs: usize) -> Vec<TargetRisk> {
    let mut out = Vec::new();
    for (i, indicator) in roadmap.indicators.iter().enumerate() {
        let contributors: Vec<(usize, f64)> = (0..roadmap.projects.len())
            .map(|p| (p, crate::plan::targets::contribution(roadmap, p, i)))
            .filter(|&(p, _)| {
                roadmap.projects[p]
                    .contributes
                    .iter()
                    .any(|c| c.indicator == i)
            })
            .collect();
        for (t, target) in indicator.targets.iter().enumerate() {
            let year_end = NaiveDate::from_ymd_opt(target.year, 12, 31).unwrap_or(NaiveDate::MAX);
            let by = plan
                .problem
                .day(year_end.min(crate::model::decode::Date::LAST));
            let reached = (0..runs)
                .filter(|&r| {
                    let value = indicator.baseline.value
                        + contributors
                            .iter()
                            .filter(|&&(p, _)| last[p].get(r).is_some_and(|&d| d <= by))
                            .map(|&(_, c)| c)
                            .sum::<f64>();
                    indicator.reaches(value, target.value)
                })
                .count();
            out.push(TargetRisk {
                indicator: i,
                year: target.year,
                target: target.value,
                probability: share(reached, runs),
                planned_met: plan.indicators[i].targets.get(t).is_some_and(|p| p.reached),
            });
        }
    }
    out
}

fn run_block(
    simulator: &mut Simulator,
    samplers: &[Sampler],
    seed: u64,
    runs: std::ops::Range<usize>,
    progress: &(dyn Fn(u64) + Sync),
) -> Block {
    let n = samplers.len();
    let count = runs.len();
    let mut block = Block {
        last: vec![Vec::with_capacity(count); n],
        days: vec![0; n],
        critical: vec![0; n],
        finish: Vec::with_capacity(count),
    };
    let mut days = vec![0; n];
    let mut pending = 0;
    for run in runs {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(run as u64);
        for (d, sampler) in days.iter_mut().zip(samplers) {
            *d = sampler.sample(&mut rng);
        }
        let result = simulator.run(&days, true);
        let mut finish = Day::MIN;
        for a in 0..n {
            let (start, end) = (result.start[a], result.end[a]);
            let last = if end > start { end - 1 } else { start };
            finish = finish.max(last);
            block.last[a].push(last);
            block.days[a] += i64::from(end - start);
            block.critical[a] += u64::from(result.critical[a]);
        }
        block.finish.push(if n == 0 { 0 } else { finish });
        pending += 1;
        if pending == 64 {
            progress(pending);
            pending = 0;
        }
    }
    progress(pending);
    block
}

fn share(count: usize, runs: usize) -> f64 {
    count as f64 / runs.max(1) as f64
}

/// Nearest-rank percentiles and the mean of sorted days, as dates.
fn percentiles(sorted: &[Day], date: impl Fn(Day) -> NaiveDate) -> Percentiles {
    let rank = |p: f64| {
        let k = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len().max(1));
        sorted.get(k - 1).copied().unwrap_or(0)
    };
    let mean = if sorted.is_empty() {
        0.0
    } else {
        sorted.iter().map(|&d| f64::from(d)).sum::<f64>() / sorted.len() as f64
    };
    Percentiles {
        p50: date(rank(0.5)),
        p80: date(rank(0.8)),
        p95: date(rank(0.95)),
        mean: date(mean.round() as Day),
    }
}

/// Equal-width bins of the roadmap's finish day over the runs: `(first day, last day, runs)`,
/// at most `max_bins` of them, each a whole number of days wide.
pub fn histogram(risk: &Risk, max_bins: usize) -> Vec<(NaiveDate, NaiveDate, usize)> {
    let days = &risk.finish_days;
    let (Some(&lo), Some(&hi)) = (days.first(), days.last()) else {
        return Vec::new();
    };
    let span = i64::from(hi - lo) + 1;
    let bins_wanted = max_bins.max(1) as i64;
    let width = ((span + bins_wanted - 1) / bins_wanted).max(1);
    let bins = ((span + width - 1) / width) as usize;
    let mut counts = vec![0usize; bins];
    for &d in days {
        counts[(i64::from(d - lo) / width) as usize] += 1;
    }
    let date = |offset: i64| risk.origin + chrono::Duration::days(i64::from(lo) + offset);
    counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| {
            let first = i as i64 * width;
            (date(first), date((first + width - 1).min(span - 1)), count)
        })
        .collect()
}
