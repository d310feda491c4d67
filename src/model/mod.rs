//! The roadmap as the rest of the tool sees it, once loaded and validated: ids resolved to
//! indices, dates as dates, defaults filled in. Positions are kept only where a later finding
//! (a missed deadline, a funding window) must point back into the file.

pub mod decode;
pub mod ics;
pub mod load;
mod pieces;
pub mod raw;
pub mod raw_ext;
pub mod raw_strategy;
pub mod scenario;
pub mod schema;
pub mod strategy;

use std::ops::Range;

use chrono::NaiveDate;

use crate::calendar::LinkKind;
use crate::calendar::Span;

pub use scenario::{Estimate, Scenario, Status};
pub use strategy::{Indicator, IndicatorContribution, Programme, YearValue};

#[derive(Clone, Debug)]
pub struct Roadmap {
    pub name: String,
    /// The first day of the plan.
    pub start: NaiveDate,
    pub currency: String,
    /// The language of its reports for people (`language` in `[roadmap]`).
    pub language: crate::i18n::Lang,
    pub objectives: Vec<Objective>,
    pub actors: Vec<Actor>,
    pub resources: Vec<Resource>,
    pub funding: Vec<FundingSource>,
    pub projects: Vec<Project>,
    /// What-if scenarios (`[[scenario]]`), applied with [`Roadmap::with_scenario`].
    pub scenarios: Vec<Scenario>,
    /// Criteria projects are scored on (may be empty).
    pub criteria: Vec<Criterion>,
    /// Programmes grouping the projects (may be empty).
    pub programmes: Vec<Programme>,
    /// Indicators of the objectives (may be empty).
    pub indicators: Vec<Indicator>,
    /// The working calendar (`[calendar]`); `None`: every day is a working day.
    pub calendar: Option<crate::calendar::WorkCalendar>,
    /// The dated entries of `[calendar]` (`holidays` days and ranges, `working` days), each by
    /// its first day, so that days after the plan can be pointed at.
    pub calendar_dates: Vec<CalendarDate>,
}

/// A day or range written in `[calendar]`: its first day and where it is written.
#[derive(Clone, Debug)]
pub struct CalendarDate {
    pub first: NaiveDate,
    pub at: Range<usize>,
}

/// A criterion projects are scored on, with its relative weight.
#[derive(Clone, Debug)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    pub weight: f64,
    pub at: Range<usize>,
}

/// A project's score (0-5) on one criterion.
#[derive(Clone, Debug)]
pub struct Score {
    pub criterion: usize,
    pub value: u8,
    pub at: Range<usize>,
}

/// A co-financing rule or cap of a funding source, and where it is written.
#[derive(Clone, Debug)]
pub struct Limit {
    pub value: f64,
    pub at: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Objective {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub at: Range<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Public,
    Business,
    Startup,
    Utility,
    Academia,
    Ngo,
    Other,
}

impl ActorKind {
    pub const ALL: [(&'static str, ActorKind); 7] = [
        ("public", ActorKind::Public),
        ("business", ActorKind::Business),
        ("startup", ActorKind::Startup),
        ("utility", ActorKind::Utility),
        ("academia", ActorKind::Academia),
        ("ngo", ActorKind::Ngo),
        ("other", ActorKind::Other),
    ];

    pub fn parse(text: &str) -> Option<ActorKind> {
        Self::ALL
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, kind)| *kind)
    }

    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, kind)| *kind == self)
            .map_or("other", |(name, _)| name)
    }

    /// The kind as people read it, in `t`'s language (JSON and CSV keep [`Self::as_str`]).
    pub fn label(self, t: &crate::i18n::Messages) -> String {
        t.tr(self.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub description: Option<String>,
    pub at: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Resource {
    pub id: String,
    pub name: String,
    /// Units available on every day from the roadmap start (until the first of `changes`).
    pub capacity: f64,
    /// Where `capacity` is written (the entry when it is missing).
    pub capacity_at: Range<usize>,
    /// Changes of the capacity over time, in strictly increasing date order after the start.
    pub changes: Vec<CapacityStep>,
    pub unit: Option<String>,
    pub description: Option<String>,
    pub at: Range<usize>,
}

/// `capacity` units of a resource from `from` on (until the next step).
#[derive(Clone, Debug, PartialEq)]
pub struct CapacityStep {
    pub from: NaiveDate,
    pub capacity: f64,
    pub at: Range<usize>,
}

impl Resource {
    /// Units available on `date`.
    pub fn capacity_on(&self, date: NaiveDate) -> f64 {
        self.changes
            .iter()
            .rev()
            .find(|step| step.from <= date)
            .map_or(self.capacity, |step| step.capacity)
    }

    /// The most it ever has, and where that is written.
    pub fn max_capacity(&self) -> (f64, Range<usize>) {
        self.changes.iter().fold(
            (self.capacity, self.capacity_at.clone()),
            |(best, at), step| {
                if step.capacity > best {
                    (step.capacity, step.at.clone())
                } else {
                    (best, at)
                }
            },
        )
    }

    /// Its capacity over `[from, until)` as `(first day, units)` stretches, in date order.
    pub fn capacity_periods(&self, from: NaiveDate, until: NaiveDate) -> Vec<(NaiveDate, f64)> {
        let mut periods = vec![(from, self.capacity_on(from))];
        for step in self
            .changes
            .iter()
            .filter(|s| s.from > from && s.from < until)
        {
            periods.push((step.from, step.capacity));
        }
        periods
    }
}

#[derive(Clone, Debug)]
pub struct FundingSource {
    pub id: String,
    pub name: String,
    /// The most that can be committed to projects (0 when `amount_unresolved`).
    pub amount: f64,
    /// `amount` was written but failed to decode (and was reported): no rule reads `amount`.
    pub amount_unresolved: bool,
    /// Projects it pays for start on or after this day.
    pub from: Option<NaiveDate>,
    /// Where `from` is written (a scenario's `funding_from` value under that scenario).
    pub from_at: Option<Range<usize>>,
    /// Projects it pays for finish on or before this day.
    pub until: Option<NaiveDate>,
    pub description: Option<String>,
    pub at: Range<usize>,
    pub amount_at: Range<usize>,
    /// The most it pays of a project's cost (0..=1).
    pub max_share: Option<Limit>,
    /// The least it pays to one project.
    pub min_project: Option<Limit>,
    /// The most it pays to one project.
    pub max_project: Option<Limit>,
    /// The most it pays out in one calendar year.
    pub per_year: Option<Limit>,
    /// Objectives whose projects it may pay for; empty: any.
    pub eligible_objectives: Vec<usize>,
}

/// `project` depends on the one at index `on`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dependency {
    pub on: usize,
    pub kind: LinkKind,
    pub lag: Span,
    pub at: Range<usize>,
}

/// Units of one resource that a project holds on every day it runs.
#[derive(Clone, Debug)]
pub struct Demand {
    pub resource: usize,
    pub units: f64,
    pub at: Range<usize>,
}

/// Work a project needs from one resource it holds (`effort`), from which its duration follows.
#[derive(Clone, Debug)]
pub struct EffortDemand {
    pub resource: usize,
    pub effort: crate::calendar::Effort,
    pub at: Range<usize>,
}

/// A share of a project's cost paid by one funding source.
#[derive(Clone, Debug)]
pub struct Contribution {
    pub source: usize,
    pub amount: f64,
    pub at: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub objectives: Vec<usize>,
    /// 1 (highest) .. 5 (lowest).
    pub priority: u8,
    pub duration: Span,
    pub duration_at: Range<usize>,
    pub depends_on: Vec<Dependency>,
    pub earliest_start: Option<NaiveDate>,
    pub earliest_start_at: Option<Range<usize>>,
    pub deadline: Option<NaiveDate>,
    pub deadline_at: Option<Range<usize>>,
    /// Index of the leading actor.
    pub lead: usize,
    pub participants: Vec<usize>,
    /// Units of resources held on every day it runs.
    pub resources: Vec<Demand>,
    /// The work it needs from resources it holds, when `effort` is given instead of a
    /// `duration` (which is then derived: see [`crate::calendar::Effort::duration`]).
    pub effort: Vec<EffortDemand>,
    pub cost: Option<f64>,
    pub cost_at: Option<Range<usize>>,
    pub funding: Vec<Contribution>,
    /// A contribution in `funding` failed to decode or names no source (and was reported):
    /// `funding` is incomplete, so no rule compares it with the cost.
    pub funding_unresolved: bool,
    /// Where its `id` is written.
    pub at: Range<usize>,
    /// A three-point estimate, when `duration` is written as one (`duration` is then `likely`).
    pub estimate: Option<Estimate>,
    /// Progress: not started, in progress or done.
    pub status: Status,
    /// The day it actually started.
    pub actual_start: Option<NaiveDate>,
    /// Where the recorded start is written (`actual_finish` for a done milestone without one).
    pub actual_start_at: Option<Range<usize>>,
    /// The day it actually finished (its last day).
    pub actual_finish: Option<NaiveDate>,
    /// Share of the work done, 0 .. 1.
    pub progress: Option<f64>,
    /// Its scores on the roadmap's criteria.
    pub scores: Vec<Score>,
    /// Whether `priority` was written in the file (else it comes from the scores, or is 3).
    pub priority_explicit: bool,
    /// Some key of its `scores` names no criterion (reported as E006): a missing score is
    /// then not reported again as W007.
    pub scores_unresolved: bool,
    /// The programme it belongs to.
    pub programme: Option<usize>,
    /// Its `programme` names no programme (reported as E006): the programmes' emptiness is
    /// then not reported as W009.
    pub programme_unresolved: bool,
    pub description: Option<String>,
    /// What it adds to indicators when it finishes.
    pub contributes: Vec<IndicatorContribution>,
}

impl Project {
    pub fn is_milestone(&self) -> bool {
        self.duration.is_zero()
    }

    /// The sum of its funding contributions.
    pub fn funded(&self) -> f64 {
        // Folded from 0.0: an empty `sum` of floats is -0.0, which prints as `-0`.
        self.funding.iter().fold(0.0, |sum, c| sum + c.amount)
    }
}

impl Roadmap {
    /// Total cost of all projects.
    pub fn total_cost(&self) -> f64 {
        self.projects
            .iter()
            .filter_map(|p| p.cost)
            .fold(0.0, |sum, cost| sum + cost)
    }

    /// Total committed by each funding source, in source order.
    pub fn committed(&self) -> Vec<f64> {
        let mut committed = vec![0.0; self.funding.len()];
        for contribution in self.projects.iter().flat_map(|p| &p.funding) {
            committed[contribution.source] += contribution.amount;
        }
        committed
    }
}

impl Roadmap {
    /// A copy whose every text (names, units, currency; ids too, though valid ids never need
    /// it) has gone through [`crate::display::terminal`]: what reports for people render, so no
    /// text from the file reaches a terminal raw and the plan is the same as for the original.
    pub fn for_terminal(&self) -> Roadmap {
        let t = |text: &mut String| {
            if let std::borrow::Cow::Owned(safe) = crate::display::terminal(text) {
                *text = safe;
            }
        };
        let mut safe = self.clone();
        t(&mut safe.name);
        t(&mut safe.currency);
        for o in &mut safe.objectives {
            t(&mut o.id);
            t(&mut o.name);
        }
        for a in &mut safe.actors {
            t(&mut a.id);
            t(&mut a.name);
        }
        for r in &mut safe.resources {
            t(&mut r.id);
            t(&mut r.name);
            if let Some(unit) = &mut r.unit {
                t(unit);
            }
        }
        for f in &mut safe.funding {
            t(&mut f.id);
            t(&mut f.name);
        }
        for p in &mut safe.projects {
            t(&mut p.id);
            t(&mut p.name);
        }
        for s in &mut safe.scenarios {
            t(&mut s.id);
            t(&mut s.name);
        }
        for c in &mut safe.criteria {
            t(&mut c.id);
            t(&mut c.name);
        }
        safe
    }
}
