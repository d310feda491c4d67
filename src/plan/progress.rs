//! Recorded progress in the engine's problem: what is done stays where it was, what is running
//! keeps its start, and (with `--as-of`) what remains runs from that day.
//!
//! - `done`: fixed at `actual_start ..= actual_finish`; it holds no resources (its days are past)
//!   and its own prerequisites no longer move it.
//! - `in-progress`: it started on `actual_start`, so its prerequisites no longer move it. Without
//!   `as_of` it runs its whole planned duration from `actual_start`. With `as_of` its remaining
//!   work, `(1 - progress)` of its planned duration (or, without `progress`, what is left of the
//!   planned duration counted from `actual_start`), runs from `as_of`; reports still show
//!   `actual_start` as its start.
//! - `not-started`: with `as_of` it starts no earlier than `as_of`.
//!
//! The wall clock is never read: without `--as-of` only the recorded dates are used.

use chrono::NaiveDate;

use super::ProjectPlan;
use crate::calendar::Span;
use crate::model::{Roadmap, Status};
use crate::schedule::problem::{Day, Problem};

/// Changes `problem` (built from `roadmap`) for the recorded progress.
pub fn apply(roadmap: &Roadmap, problem: &mut Problem, as_of: Option<NaiveDate>) {
    let as_of_day = as_of.map(|d| problem.day(d).max(0));
    let mut started = vec![false; roadmap.projects.len()];
    for (i, project) in roadmap.projects.iter().enumerate() {
        let planned_duration = problem.activities[i].duration;
        let planned_end_from = |first: Day| problem.add(first, planned_duration);
        let planned_end = project
            .actual_start
            .map(|s| planned_end_from(problem_day(problem.origin, s)));
        let activity = &mut problem.activities[i];
        match (project.status, project.actual_start, project.actual_finish) {
            (Status::Done, start, Some(finish)) => {
                let start = start.unwrap_or(finish);
                let first = problem_day(problem.origin, start);
                activity.release = first;
                activity.duration = if project.is_milestone() {
                    Span::ZERO
                } else {
                    Span::Days(days_between(start, finish) + 1)
                };
                activity.demands.clear();
                activity.due = None;
                started[i] = true;
            }
            (Status::InProgress, Some(start), _) => {
                let first = problem_day(problem.origin, start);
                started[i] = true;
                match as_of_day {
                    Some(today) if today > first => {
                        let planned_end = planned_end.unwrap_or(first);
                        let planned = (planned_end - first).max(0);
                        let remaining = match project.progress {
                            Some(done) => {
                                (f64::from(planned) * (1.0 - done.min(1.0))).ceil() as Day
                            }
                            None => (planned_end - today).max(0),
                        };
                        // A project in progress keeps running at least one more day.
                        activity.release = today;
                        activity.duration = Span::Days(remaining.max(1) as u32);
                    }
                    _ => activity.release = first,
                }
            }
            _ => {
                if let Some(today) = as_of_day {
                    activity.release = activity.release.max(today);
                }
            }
        }
    }
    // A project that has started is no longer held back by its prerequisites.
    problem.links.retain(|link| !started[link.to]);
}

/// Where the work stands: projects done, in progress (with their recorded progress, 0..=1) and
/// still to do, each in file order. Reports and exports show it beside the re-planned dates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Standing {
    pub done: Vec<usize>,
    pub in_progress: Vec<(usize, Option<f64>)>,
    pub to_do: Vec<usize>,
}

impl Standing {
    pub fn of(roadmap: &Roadmap) -> Standing {
        let mut standing = Standing::default();
        for (i, project) in roadmap.projects.iter().enumerate() {
            match project.status {
                Status::Done => standing.done.push(i),
                Status::InProgress => standing.in_progress.push((i, project.progress)),
                Status::NotStarted => standing.to_do.push(i),
            }
        }
        standing
    }

    /// Has any work been recorded at all?
    pub fn started(&self) -> bool {
        !self.done.is_empty() || !self.in_progress.is_empty()
    }
}

/// Reports show the actual start of a project in progress, even when its remaining work was
/// planned from `--as-of`.
pub fn restore_actual_starts(roadmap: &Roadmap, projects: &mut [ProjectPlan]) {
    for (project, plan) in roadmap.projects.iter().zip(projects) {
        if let (Status::InProgress, Some(start)) = (project.status, project.actual_start)
            && start < plan.start
        {
            plan.start = start;
            plan.days = i32::try_from((plan.finish - start).num_days() + 1).unwrap_or(i32::MAX);
        }
    }
}

fn problem_day(origin: NaiveDate, date: NaiveDate) -> Day {
    Day::try_from((date - origin).num_days())
        .unwrap_or(0)
        .max(0)
}

fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days()).unwrap_or(0)
}
