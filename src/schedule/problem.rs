//! The scheduling problem as the engine sees it: activities on a day axis, links, capacities.
//!
//! This is the contract between the roadmap model (ids, dates, TOML) and the engine (indices and
//! day offsets). The model side builds a [`Problem`] from a validated roadmap; the engine never
//! sees ids or files. Day 0 is `origin` (the roadmap's `start`).

use chrono::NaiveDate;

pub use crate::calendar::LinkKind;
use crate::calendar::{Span, WorkCalendar};

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
    /// Funding capped per calendar year, and what each activity spends (empty: no caps).
    pub budgets: super::budget::Budgets,
    /// Working days (`[calendar]`): activities start on them and `wd` spans count them.
    /// `None`: every day is a working day.
    pub calendar: Option<WorkCalendar>,
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
        // Plans past the last supported day are refused before their dates are shown; saturate
        // rather than panic on the way there.
        self.checked_date(day).unwrap_or(if day < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
    }

    /// The day offset of a calendar date.
    pub fn day(&self, date: NaiveDate) -> Day {
        Day::try_from((date - self.origin).num_days()).unwrap_or(Day::MAX)
    }

    /// `day + span` as a day offset (calendar months counted from the real date).
    ///
    /// Saturates at `Day::MIN`/`Day::MAX` when the result leaves the calendar or the `i32` range.
    pub fn add(&self, day: Day, span: Span) -> Day {
        match span {
            Span::WorkingDays(n) => match (&self.calendar, self.checked_date(day)) {
                (Some(calendar), Some(date)) => calendar
                    .add_working(date, n)
                    .map_or(Day::MAX, |date| self.clamped_day(date)),
                (Some(_), None) => day,
                (None, _) => day.saturating_add(Day::try_from(n).unwrap_or(Day::MAX)),
            },
            Span::Days(d) => day.saturating_add(Day::try_from(d).unwrap_or(Day::MAX)),
            Span::Months(_) => match self.checked_date(day) {
                Some(date) => span
                    .add(date)
                    .map_or(Day::MAX, |date| self.clamped_day(date)),
                None => day,
            },
        }
    }

    /// `day - span`: the latest day `d` with `add(d, span) <= day` (see [`Span::sub`]).
    ///
    /// Saturates like [`Problem::add`].
    pub fn sub(&self, day: Day, span: Span) -> Day {
        match span {
            Span::WorkingDays(n) => match (&self.calendar, self.checked_date(day)) {
                (Some(calendar), Some(date)) => calendar
                    .sub_working(date, n)
                    .map_or(Day::MIN, |date| self.clamped_day(date)),
                (Some(_), None) => day,
                (None, _) => day.saturating_sub(Day::try_from(n).unwrap_or(Day::MAX)),
            },
            Span::Days(d) => day.saturating_sub(Day::try_from(d).unwrap_or(Day::MAX)),
            Span::Months(_) => match self.checked_date(day) {
                Some(date) => span
                    .sub(date)
                    .map_or(Day::MIN, |date| self.clamped_day(date)),
                None => day,
            },
        }
    }

    /// Exclusive end of activity `a` when it starts on `start`.
    pub fn end(&self, a: usize, start: Day) -> Day {
        self.add(start, self.activities[a].duration)
    }

    /// The latest start of activity `a` that ends (exclusive end) on or before `limit`.
    pub fn latest_start_ending_by(&self, a: usize, limit: Day) -> Day {
        self.sub(limit, self.activities[a].duration)
    }

    /// The earliest start of activity `a` whose exclusive end is on or after `target`.
    pub fn earliest_start_ending_at_least(&self, a: usize, target: Day) -> Day {
        match self.activities[a].duration {
            Span::Days(_) => self.latest_start_ending_by(a, target),
            Span::WorkingDays(_) if self.calendar.is_none() => {
                self.latest_start_ending_by(a, target)
            }
            // Non-working days share an end with the working day after them, like month ends.
            Span::WorkingDays(_) |
            // Month lengths vary, so several starts can share one end (Jan 28..31 + 1 month):
            // the day after the latest start ending before `target` is the earliest reaching it.
            Span::Months(_) => self
                .latest_start_ending_by(a, target.saturating_sub(1))
                .saturating_add(1),
        }
    }

    /// The first working day on or after `day` (`day` itself without a calendar).
    pub fn snap_forward(&self, day: Day) -> Day {
        let Some(calendar) = &self.calendar else {
            return day;
        };
        match self.checked_date(day) {
            Some(date) if day < Day::MAX => self.clamped_day(calendar.next_working(date)),
            _ => day,
        }
    }

    /// The last working day on or before `day` (`day` itself without a calendar).
    pub fn snap_back(&self, day: Day) -> Day {
        let Some(calendar) = &self.calendar else {
            return day;
        };
        match self.checked_date(day) {
            Some(date) if day > Day::MIN => self.clamped_day(calendar.prev_working(date)),
            _ => day,
        }
    }

    /// The calendar date of a day offset, or `None` outside chrono's calendar.
    pub fn checked_date(&self, day: Day) -> Option<NaiveDate> {
        self.origin
            .checked_add_signed(chrono::TimeDelta::try_days(i64::from(day))?)
    }

    /// The day offset of a date, saturated to the `Day` range.
    fn clamped_day(&self, date: NaiveDate) -> Day {
        let days = (date - self.origin).num_days();
        Day::try_from(days).unwrap_or(if days < 0 { Day::MIN } else { Day::MAX })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(duration: Span) -> Problem {
        Problem {
            origin: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
            activities: vec![Activity {
                duration,
                release: 0,
                due: None,
                priority: 3,
                demands: vec![],
            }],
            links: vec![],
            capacities: vec![],
            budgets: Default::default(),
            calendar: None,
        }
    }

    #[test]
    fn month_ends_clamp_and_start_bounds_invert_them() {
        let p = problem(Span::Months(1));
        let jan = |d: u32| p.day(NaiveDate::from_ymd_opt(2019, 1, d).unwrap());
        let feb28 = p.day(NaiveDate::from_ymd_opt(2019, 2, 28).unwrap());
        assert_eq!(p.end(0, jan(31)), feb28);
        assert_eq!(p.end(0, jan(28)), feb28);
        assert_eq!(p.latest_start_ending_by(0, feb28), jan(31));
        assert_eq!(p.earliest_start_ending_at_least(0, feb28), jan(28));
        assert_eq!(p.earliest_start_ending_at_least(0, feb28 + 1), jan(29) + 3); // Feb 1
    }

    #[test]
    fn day_spans_are_plain_offsets() {
        let p = problem(Span::Days(10));
        assert_eq!(p.end(0, 5), 15);
        assert_eq!(p.latest_start_ending_by(0, 15), 5);
        assert_eq!(p.earliest_start_ending_at_least(0, 15), 5);
    }

    #[test]
    fn far_days_saturate_instead_of_panicking() {
        let p = problem(Span::Months(3));
        assert_eq!(p.add(Day::MAX, Span::Months(3)), Day::MAX);
        assert_eq!(p.sub(Day::MIN, Span::Months(3)), Day::MIN);
        assert_eq!(p.end(0, Day::MAX - 5), Day::MAX - 5);
    }
}
