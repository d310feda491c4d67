//! One schedule per Monte Carlo run: given a duration in days for every activity, one forward
//! serial schedule-generation pass over a fixed activity list (the baseline plan's start order),
//! then the critical flags of that schedule.
//!
//! This is the standard approach of schedule risk analysis: the activity list stands for the
//! decisions of the baseline plan (who goes first on a contested resource), and each run lets
//! the sampled durations ripple through links and resources. A full search per run would be far
//! too slow and would also "re-plan" around every delay, which real projects rarely do.

use super::analysis::{profile_of, resource_arcs, slack};
use super::cpm::Dates;
use super::graph::{Direction, keyed_order};
use super::network::{Network, month_table};
use super::problem::{Day, Problem};
use super::sgs::Decoder;
use super::{ScheduleError, find_cycle};
use crate::calendar::Span;

/// The schedule of one run. `end` is exclusive, as everywhere in the engine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub start: Vec<Day>,
    pub end: Vec<Day>,
    /// Zero total slack in this run (links and the run's resource precedences).
    pub critical: Vec<bool>,
}

impl Run {
    /// The run's finish: the latest exclusive end.
    pub fn finish(&self) -> Day {
        self.end.iter().copied().max().unwrap_or(0)
    }
}

/// Schedules runs of one problem with varying durations. Reuses its buffers between runs.
#[derive(Clone, Debug)]
pub struct Simulator {
    problem: Problem,
    list: Vec<usize>,
    dates: Dates,
    /// Built once: a run changes durations to days, never the origin or the lags.
    months: Option<crate::calendar::MonthStarts>,
}

impl Simulator {
    /// Prepares runs of `problem` with the activity list of a baseline schedule: activities in
    /// order of `baseline_start` (predecessors first; priority, then index, break ties).
    pub fn new(problem: &Problem, baseline_start: &[Day]) -> Result<Simulator, ScheduleError> {
        let list = activity_list(problem, baseline_start)?;
        let n = problem.activities.len();
        Ok(Simulator {
            problem: problem.clone(),
            months: month_table(problem),
            list,
            dates: Dates {
                start: vec![0; n],
                end: vec![0; n],
            },
        })
    }

    /// The activity list every run follows.
    pub fn list(&self) -> &[usize] {
        &self.list
    }

    /// Schedules one run with `days[a]` days for activity `a` (0 makes it a milestone).
    /// With `critical`, also computes which activities have zero total slack.
    pub fn run(&mut self, days: &[Day], critical: bool) -> Run {
        for (activity, &d) in self.problem.activities.iter_mut().zip(days) {
            activity.duration = Span::Days(u32::try_from(d.max(0)).unwrap_or(0));
        }
        // The problem was checked when the simulator was made, and durations cannot break it.
        let net =
            Network::with_months(&self.problem, self.months.clone()).expect("a checked problem");
        let mut decoder = Decoder::new(&net);
        decoder.forward(&self.list, &mut self.dates);
        let flags = if critical {
            let profile = profile_of(&net, &self.dates);
            let arcs = resource_arcs(&net, &self.dates, &profile);
            let (_, total, _) = slack(&net, &self.dates, &arcs);
            total.iter().map(|&s| s == 0).collect()
        } else {
            Vec::new()
        };
        Run {
            start: self.dates.start.clone(),
            end: self.dates.end.clone(),
            critical: flags,
        }
    }
}

/// A precedence-feasible activity list following `start`: predecessors first, then by start
/// day, priority and index.
pub fn activity_list(problem: &Problem, start: &[Day]) -> Result<Vec<usize>, ScheduleError> {
    let net = Network::new(problem)?;
    let activities = &problem.activities;
    let (list, complete) = keyed_order(&net, Direction::Forward, None, |a| {
        (
            start.get(a).copied().unwrap_or(0),
            activities[a].priority,
            a,
        )
    });
    if !complete {
        return Err(ScheduleError::Cycle(find_cycle(&net).unwrap_or_default()));
    }
    Ok(list)
}

/// One forward serial SGS pass of `problem` over `list` with `days[a]` days for activity `a`:
/// the `(start, exclusive end)` of every activity.
pub fn simulate(
    problem: &Problem,
    list: &[usize],
    days: &[Day],
) -> Result<(Vec<Day>, Vec<Day>), ScheduleError> {
    let mut problem = problem.clone();
    for (activity, &d) in problem.activities.iter_mut().zip(days) {
        activity.duration = Span::Days(u32::try_from(d.max(0)).unwrap_or(0));
    }
    let net = Network::new(&problem)?;
    let n = net.len();
    let mut dates = Dates {
        start: vec![0; n],
        end: vec![0; n],
    };
    Decoder::new(&net).forward(list, &mut dates);
    Ok((dates.start, dates.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::problem::{Activity, Link, LinkKind};

    fn activity(days: u32, demand: u32) -> Activity {
        Activity {
            duration: Span::Days(days),
            release: 0,
            due: None,
            priority: 3,
            demands: if demand > 0 {
                vec![(0, demand)]
            } else {
                vec![]
            },
        }
    }

    #[test]
    fn runs_follow_links_and_resources() {
        // a and b share a resource of capacity 1; c follows a.
        let problem = Problem {
            origin: "2020-01-01".parse().unwrap(),
            activities: vec![activity(5, 1000), activity(3, 1000), activity(2, 0)],
            links: vec![Link {
                from: 0,
                to: 2,
                kind: LinkKind::FinishToStart,
                lag: Span::ZERO,
            }],
            capacities: vec![1000],
            capacity_changes: Vec::new(),
            budgets: Default::default(),
            calendar: None,
        };
        let mut sim = Simulator::new(&problem, &[0, 5, 5]).unwrap();
        let run = sim.run(&[5, 3, 2], true);
        assert_eq!(run.start, vec![0, 5, 5]);
        assert_eq!(run.finish(), 8);
        assert_eq!(run.critical, vec![true, true, false]);
        // a takes longer: b waits for it, and the chain through c becomes the longest.
        let run = sim.run(&[10, 1, 6], true);
        assert_eq!(run.start, vec![0, 10, 10]);
        assert_eq!(run.finish(), 16);
        assert_eq!(run.critical, vec![true, false, true]);
        let (start, end) = simulate(&problem, sim.list(), &[10, 1, 6]).unwrap();
        assert_eq!((start, end), (run.start, run.end));
    }
}
