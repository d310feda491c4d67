//! The planning engine: dependency order, critical path and resource-constrained scheduling.
//!
//! [`plan`] turns a [`Problem`] into a [`Solution`]: the chosen start and end of every
//! activity, its classic CPM dates, slack, the critical path, implementation waves and why each
//! activity starts when it does. [`usage`] gives the per-day resource profile of a solution.
//!
//! The plan is deterministic: the same problem and [`Options`] always give the same solution
//! (only [`Stats::elapsed`] varies).

mod analysis;
mod bound;
pub mod budget;
mod cpm;
#[doc(hidden)]
pub mod exact;
mod graph;
mod grid;
mod network;
pub mod problem;
mod profile;
mod search;
mod sgs;
pub mod simulate;
pub mod synth;

use std::time::{Duration, Instant};

pub use analysis::MAX_CHAINS;
use analysis::{critical_chains, holds, profile_of, resource_arcs, slack};
use cpm::early_dates;
use graph::{Direction, find_cycle, keyed_order, waves};
use network::Network;
pub use problem::{Activity, Day, Link, LinkKind, Problem, Units};
use search::{Budget, search};

/// How hard the planner searches when resources conflict. The work is counted in schedules
/// built (one serial schedule-generation pass each), never in seconds, so results never depend
/// on the machine. Large problems get proportionally fewer schedules (see [`Effort::budget`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Effort {
    /// Up to 1,000 schedules: a good plan in milliseconds for a roadmap-sized problem.
    Fast,
    /// Up to 112,500 schedules: near-optimal on the standard benchmarks; on two cores about
    /// 0.4 s on average for a 120-activity benchmark instance and 0.6 s for a 300-activity one,
    /// about 1.5 s for a 120-project roadmap in calendar months, under half a second for 10,000
    /// projects (which get far fewer schedules).
    #[default]
    Default,
    /// Up to 800,000 schedules and a larger population: for when several more seconds may buy
    /// a shorter plan.
    Thorough,
}

impl Effort {
    /// Schedules to build at most for `activities` activities: the nominal count, scaled down so
    /// that the work stays bounded. A schedule of `n` activities costs about `n` placements, and
    /// each placement costs more as the plan gets denser, so the budget is divided by
    /// `n * (1 + n / 160)` on the per-resource profile and by `n * (1 + n / 320)` on the day grid
    /// (see [`Schedules`]), where a placement's cost grows about half as fast; it never drops
    /// below 12 schedules (a few priority rules, justified), or 3 above 20,000 activities. Large
    /// roadmaps gain less from more schedules: their finish is usually set by a saturated
    /// resource, which the lower bound shows, and the search stops there.
    pub fn budget(self, activities: usize, schedules: Schedules) -> u64 {
        let (nominal, work): (u64, u64) = match self {
            Effort::Fast => (1_000, 200_000),
            Effort::Default => (112_500, 13_500_000),
            Effort::Thorough => (800_000, 96_000_000),
        };
        let n = activities.max(1) as u64;
        // Measured at the default on two cores: a 120-activity benchmark instance takes 3.3 µs
        // a schedule and a 300-activity one 12.9 µs (3.9 times as much, not 5), and 300-activity
        // instances gain a lot from more schedules (README, "Plan quality").
        let density = match schedules {
            Schedules::OnProfile => 1 + n / 160,
            Schedules::OnDayGrid => 1 + n / 320,
        };
        let scaled = work / n.saturating_mul(density);
        // Very large problems get one justified schedule: minutes of search would not pay off.
        let floor = if n > 20_000 { 3 } else { 12 };
        nominal.min(scaled).max(floor)
    }

    /// Individuals in the search's population. A justified schedule costs 3 to 7 schedule
    /// passes (one forward, two per justification round), so a small budget (a large roadmap)
    /// gets a population of a sixtieth of it, which still leaves room for a few generations.
    fn population(self, budget: u64) -> usize {
        let nominal: u64 = match self {
            Effort::Fast => 20,
            // On every 10th j120 instance at the default budget of 112,500 schedules, 80 beat
            // 60 and 100 (mean gap of seeds 42, 1, 7 and 2024: 1.29 % against 1.36 and 1.33 %).
            Effort::Default => 80,
            // A larger budget feeds a larger population: on every 10th j120 instance at
            // 800,000 schedules, 300 beat 200 (seeds 42 and 1: 0.76 % against 0.84 %; 400 gave
            // the same as 300).
            Effort::Thorough => 300,
        };
        // Bounded by `nominal`, so the cast cannot truncate.
        (budget / 60).clamp(10, nominal) as usize
    }
}

/// Where the schedule generation keeps free capacity, which sets how a schedule's cost grows
/// with the number of activities ([`Effort::budget`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schedules {
    /// One step function per resource: any problem.
    OnProfile,
    /// One row of up to four resources per day: day-based problems over a short horizon (every
    /// standard benchmark instance).
    OnDayGrid,
}

/// Options of [`plan`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    pub effort: Effort,
    /// Seed of the search's random choices; the same seed always gives the same plan.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            effort: Effort::Default,
            seed: 42,
        }
    }
}

/// Why an activity starts on its day in the chosen plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Hold {
    /// Its release (earliest start, funding window, ...) after the plan's first day.
    Release,
    /// The link with this index in [`Problem::links`].
    Link(usize),
    /// The capacity of `resource`, freed on this day when activity `by` ended.
    Resource { resource: usize, by: usize },
    /// The capacity of `resource` grows on this day (a step of
    /// [`Problem::capacity_changes`]): it had too little free before.
    Capacity { resource: usize },
    /// Nothing: it starts on day 0 with nothing before it.
    NotHeld,
    /// The yearly cap of budget `budget` (an index of [`budget::Budgets::caps`]): starting a
    /// day earlier would spend more than the cap in `year`.
    Budget { budget: usize, year: i32 },
}

/// What the planner did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Schedules built (serial SGS passes, forward or backward).
    pub schedules: u64,
    /// Generations of the genetic algorithm (0 when no search was needed).
    pub iterations: u64,
    /// A proven lower bound on the finish: no plan can end (exclusive end) before it. The
    /// critical path, and when durations are in days the work of each resource and a
    /// destructive bound from energetic reasoning (see `bound.rs`).
    pub lower_bound: Option<Day>,
    /// Wall-clock time spent. The only field that varies between runs: keep it out of reports
    /// that must be reproducible.
    pub elapsed: Duration,
}

/// A plan and its analysis. Vectors are indexed like [`Problem::activities`]; days are offsets
/// from [`Problem::origin`]; every `end` is exclusive (the first day after the activity), so a
/// milestone has `end == start`.
///
/// **Slack in a resource-constrained plan.** Late dates come from a backward pass from the
/// plan's finish over the links *plus the resource-induced precedences of this plan*: activity
/// `b` is treated as finish-to-start linked to activity `c` when `c` holds a resource `r` that
/// `b` holds too and `c`'s start is the first day on which `b`, slipping past its end, would
/// overload `r`. In particular an activity that starts exactly when another holding the same
/// contested resource ends is linked to it. So total slack never claims room the resources do
/// not leave (for one activity slipping alone), and the critical path runs through resource
/// conflicts. Without resource conflicts these are the classic CPM late dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Solution {
    /// Chosen start of each activity.
    pub start: Vec<Day>,
    /// Chosen exclusive end.
    pub end: Vec<Day>,
    /// Classic CPM early dates, ignoring resources.
    pub early_start: Vec<Day>,
    pub early_end: Vec<Day>,
    /// Latest dates that neither delay the plan's finish nor miss a due date the plan meets
    /// (see the type's documentation).
    pub late_start: Vec<Day>,
    pub late_end: Vec<Day>,
    /// `late_start - start`: days it can slip without delaying the finish.
    pub total_slack: Vec<Day>,
    /// Days it can slip without moving any successor (by link or resource precedence).
    pub free_slack: Vec<Day>,
    /// Zero total slack.
    pub critical: Vec<bool>,
    /// Every critical chain, first activity to last (at most [`MAX_CHAINS`]): critical
    /// activities each held by the one before through a tight link or resource arc, from one
    /// with no critical predecessor to one that ends the plan or meets its due date with no day
    /// to spare. Chains that end the plan come first. Every critical activity is on one.
    pub critical_chains: Vec<Vec<usize>>,
    /// How many critical chains there are in all (more than listed when past [`MAX_CHAINS`]).
    pub critical_chain_count: u64,
    /// Topological order of the links; among ready activities, higher priority then lower index.
    pub order: Vec<usize>,
    /// Implementation wave: 0 without prerequisites, else 1 + the latest wave of its predecessors.
    pub wave: Vec<u32>,
    /// Why each activity starts when it does.
    pub held_back: Vec<Hold>,
    /// Days past its due date (0 when met or without one).
    pub overrun: Vec<Day>,
    /// The plan's finish: the latest `end` (0 without activities).
    pub makespan: Day,
    pub stats: Stats,
}

/// Why no plan could be made. The validator catches all of these first; the engine checks again
/// so that it never loops or panics.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// The links form a cycle: the activities along it, the first repeated at the end.
    #[error("dependency cycle through activities {0:?}")]
    Cycle(Vec<usize>),
    #[error("link {link} refers to an activity that does not exist")]
    UnknownActivity { link: usize },
    #[error("activity {activity} uses resource {resource}, which does not exist")]
    UnknownResource { activity: usize, resource: usize },
    #[error("activity {activity} needs more of resource {resource} than its capacity")]
    OverCapacity { activity: usize, resource: usize },
}

/// The lower bound on the finish that [`plan`] proves (see [`Stats::lower_bound`]), without
/// planning: no plan of `problem` can end before this day.
pub fn lower_bound(problem: &Problem) -> Result<Day, ScheduleError> {
    let net = Network::new(problem)?;
    let (order, complete) = keyed_order(&net, Direction::Forward, None, |a| a);
    if !complete {
        return Err(ScheduleError::Cycle(find_cycle(&net).unwrap_or_default()));
    }
    Ok(bound::lower_bound(&net, &order, &early_dates(&net, &order)))
}

/// Plans `problem`: the CPM schedule when resources never conflict in it, else the best
/// resource-feasible plan the search finds (lexicographically: least total overrun of due dates,
/// then earliest finish, then higher priorities finishing first). Never exceeds a capacity.
pub fn plan(problem: &Problem, options: &Options) -> Result<Solution, ScheduleError> {
    let started = Instant::now();
    let net = Network::new(problem)?;
    let activities = &problem.activities;
    let (order, complete) = keyed_order(&net, Direction::Forward, None, |a| {
        (activities[a].priority, a)
    });
    if !complete {
        return Err(ScheduleError::Cycle(find_cycle(&net).unwrap_or_default()));
    }
    let early = early_dates(&net, &order);
    let bound = bound::lower_bound(&net, &order, &early);
    let mut stats = Stats {
        lower_bound: Some(bound),
        ..Stats::default()
    };

    let early_profile = profile_of(&net, &early);
    let conflict = (0..problem.capacities.len())
        .any(|r| early_profile.first_day_short(r, Day::MIN, 0).is_some())
        || analysis::over_budget(&net, &early);
    let chosen = if conflict {
        let schedules = options
            .effort
            .budget(net.len(), sgs::Decoder::new(&net).schedules_on());
        let budget = Budget {
            schedules,
            population: options.effort.population(schedules),
        };
        let found = search(&net, &order, &early, bound, budget, options.seed);
        stats.schedules = found.schedules;
        stats.iterations = found.generations;
        found.dates
    } else {
        stats.schedules = 1;
        early.clone()
    };

    let profile = profile_of(&net, &chosen);
    let arcs = resource_arcs(&net, &chosen, &profile);
    let (late, total_slack, free_slack) = slack(&net, &chosen, &arcs);
    let critical: Vec<bool> = total_slack.iter().map(|&s| s == 0).collect();
    let chains = critical_chains(&net, &chosen, &arcs, &critical);
    let held_back = holds(&net, &chosen, &profile);
    let overrun = activities
        .iter()
        .zip(&chosen.end)
        .map(|(a, &end)| a.due.map_or(0, |due| end.saturating_sub(due).max(0)))
        .collect();
    let wave = waves(&net, &order);
    stats.elapsed = started.elapsed();
    Ok(Solution {
        makespan: chosen.finish(),
        start: chosen.start,
        end: chosen.end,
        early_start: early.start,
        early_end: early.end,
        late_start: late.start,
        late_end: late.end,
        total_slack,
        free_slack,
        critical,
        critical_chains: chains.chains,
        critical_chain_count: chains.count,
        order,
        wave,
        held_back,
        overrun,
        stats,
    })
}

/// Units of resource `r` in use under `solution`, as change points `(day, units)`: usage is
/// `units` from `day` until the next point, 0 before the first, and the last point is 0.
pub fn usage(problem: &Problem, solution: &Solution, r: usize) -> Vec<(Day, Units)> {
    let mut events: Vec<(Day, i64)> = Vec::new();
    for (a, activity) in problem.activities.iter().enumerate() {
        let (Some(&start), Some(&end)) = (solution.start.get(a), solution.end.get(a)) else {
            continue;
        };
        if start >= end {
            continue;
        }
        let units: i64 = activity
            .demands
            .iter()
            .filter(|d| d.0 == r)
            .map(|d| i64::from(d.1))
            .sum();
        if units > 0 {
            events.push((start, units));
            events.push((end, -units));
        }
    }
    events.sort_unstable();
    let mut steps: Vec<(Day, Units)> = Vec::new();
    let mut level: i64 = 0;
    let mut i = 0;
    while i < events.len() {
        let day = events[i].0;
        while i < events.len() && events[i].0 == day {
            level += events[i].1;
            i += 1;
        }
        let units = Units::try_from(level.max(0)).unwrap_or(Units::MAX);
        if steps.last().map_or(0, |s| s.1) != units {
            steps.push((day, units));
        }
    }
    steps
}

#[cfg(test)]
mod tests;
