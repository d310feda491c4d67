//! The scheduling problem as the engine sees it: activities on a day axis, links, capacities.
//!
//! This is the contract between the roadmap model (ids, dates, TOML) and the engine (indices and
//! day offsets). The model side builds a [`Problem`] from a validated roadmap; the engine never
//! sees ids or files. Day 0 is `origin` (the roadmap's `start`).

use chrono::NaiveDate;

use crate::model::span::Span;

/// Resource amounts are fixed-point thousandths of a unit (1.5 FTE = 1500), so capacity checks
/// are exact integer sums and never suffer from float rounding.
pub type Units = u32;
pub const UNITS_PER_ONE: f64 = 1000.0;

/// A day offset from [`Problem::origin`]; may be negative only in intermediate computations.
pub type Day = i32;

#[derive(Clone, Debug)]
pub struct Problem {
    /// Calendar date of day 0; spans in months are added on real dates from here.
    pub origin: NaiveDate,
    pub activities: Vec<Activity>,
    pub links: Vec<Link>,
    /// Capacity of each resource, in [`Units`] per day.
    pub capacities: Vec<Units>,
}

#[derive(Clone, Debug)]
pub struct Activity {
    /// How long it runs; in months its length in days depends on its start day.
    pub duration: Span,
    /// It may not start before this day (roadmap start, `earliest_start`, funding `from`).
    pub release: Day,
    /// Soft due date: it should end (exclusive end `E`) on or before this day. The planner
    /// prefers any plan that meets all due dates to a shorter one that does not.
    pub due: Option<Day>,
    /// 1 (highest) .. 5 (lowest): the tie-breaker when activities compete for a resource.
    pub priority: u8,
    /// Units of each resource held on every day it runs: `(resource index, units)`.
    /// Milestones (zero duration) hold nothing, whatever is listed here.
    pub demands: Vec<(usize, Units)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum LinkKind {
    /// `S(to) >= E(from) + lag`
    FinishToStart,
    /// `S(to) >= S(from) + lag`
    StartToStart,
    /// `E(to) >= E(from) + lag`
    FinishToFinish,
}

/// `to` depends on `from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub from: usize,
    pub to: usize,
    pub kind: LinkKind,
    pub lag: Span,
}

impl Problem {
    /// The calendar date of a day offset.
    pub fn date(&self, day: Day) -> NaiveDate {
        // Offsets come from dates inside the plan's range, so this cannot leave chrono's range.
        self.origin + chrono::Duration::days(i64::from(day))
    }

    /// The day offset of a calendar date.
    pub fn day(&self, date: NaiveDate) -> Day {
        Day::try_from((date - self.origin).num_days()).unwrap_or(Day::MAX)
    }

    /// `day + span` as a day offset (calendar months counted from the real date).
    pub fn add(&self, day: Day, span: Span) -> Day {
        match span {
            Span::Days(d) => day.saturating_add(Day::try_from(d).unwrap_or(Day::MAX)),
            Span::Months(_) => span
                .add(self.date(day))
                .map_or(Day::MAX, |date| self.day(date)),
        }
    }

    /// Exclusive end of activity `a` when it starts on `start`.
    pub fn end(&self, a: usize, start: Day) -> Day {
        self.add(start, self.activities[a].duration)
    }
}
