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
    /// Capacity of each resource, in [`Units`] per day, from the start (and before it).
    pub capacities: Vec<Units>,
    /// Where a resource's capacity changes (hiring, a team moving away): `(day, units)` steps
    /// in strictly increasing day order, each giving the capacity from that day on. Indexed like
    /// `capacities`; missing or empty: the capacity never changes.
    pub capacity_changes: Vec<Vec<(Day, Units)>>,
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
    /// The capacity steps of resource `r` (empty when it never changes).
    pub fn changes_of(&self, r: usize) -> &[(Day, Units)] {
        self.capacity_changes.get(r).map_or(&[], Vec::as_slice)
    }

    /// Capacity of resource `r` on `day`.
    pub fn capacity_at(&self, r: usize, day: Day) -> Units {
        let changes = self.changes_of(r);
        match changes.partition_point(|&(from, _)| from <= day) {
            0 => self.capacities.get(r).copied().unwrap_or(0),
            i => changes[i - 1].1,
        }
    }

    /// The most resource `r` ever has.
    pub fn max_capacity(&self, r: usize) -> Units {
        let base = self.capacities.get(r).copied().unwrap_or(0);
        self.changes_of(r)
            .iter()
            .map(|c| c.1)
            .fold(base, Units::max)
    }

    /// Capacity of `r` from its last step on (forever after).
    pub fn final_capacity(&self, r: usize) -> Units {
        self.changes_of(r)
            .last()
            .map_or_else(|| self.capacities.get(r).copied().unwrap_or(0), |c| c.1)
    }

    /// Capacity of `r` as a step function: `(day, units)` points from `Day::MIN`, each giving
    /// the capacity until the next point.
    pub fn capacity_line(&self, r: usize) -> Vec<(Day, Units)> {
        let mut line = vec![(Day::MIN, self.capacities.get(r).copied().unwrap_or(0))];
        line.extend(self.changes_of(r).iter().filter(|c| c.0 > Day::MIN));
        line
    }

    /// Unit-days of `r` available over `[from, to)` (0 when `to <= from`).
    pub fn energy(&self, r: usize, from: Day, to: Day) -> i128 {
        self.curve(r).energy(from, to)
    }

    /// The first day `t >= from` by which `r` has offered `work` unit-days since `from`, or
    /// `Day::MAX` when it never does (its capacity drops to 0 too early).
    pub fn day_reaching(&self, r: usize, from: Day, work: u128) -> Day {
        self.curve(r).day_reaching(from, work)
    }

    /// `r`'s capacity summed over time, for many interval queries in logarithmic time.
    pub fn curve(&self, r: usize) -> CapacityCurve {
        CapacityCurve::new(&self.capacity_line(r))
    }

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

/// A capacity step function with its running sum: `energy` and `day_reaching` cost a binary
/// search however many steps there are.
#[derive(Clone, Debug)]
pub struct CapacityCurve {
    /// `(day, units)` from `Day::MIN` (the first point), each until the next.
    points: Vec<(Day, Units)>,
    /// Unit-days from the second point's day (or day 0) to each point's day; the first point's
    /// entry is unused (its stretch runs back for ever).
    sums: Vec<i128>,
    origin: Day,
}

impl CapacityCurve {
    fn new(line: &[(Day, Units)]) -> CapacityCurve {
        let points: Vec<(Day, Units)> = if line.is_empty() {
            vec![(Day::MIN, 0)]
        } else {
            line.to_vec()
        };
        let origin = points.get(1).map_or(0, |p| p.0);
        let mut sums = vec![0i128; points.len()];
        for i in 2..points.len() {
            let (day, units) = points[i - 1];
            sums[i] = sums[i - 1] + i128::from(units) * i128::from(points[i].0 - day);
        }
        CapacityCurve {
            points,
            sums,
            origin,
        }
    }

    /// Unit-days from `origin` to `t` (negative before it).
    fn at(&self, t: Day) -> i128 {
        let i = self.points.partition_point(|p| p.0 <= t).saturating_sub(1);
        let (day, units) = self.points[i];
        let (base, from) = if i == 0 {
            (0, self.origin)
        } else {
            (self.sums[i], day)
        };
        base + i128::from(units) * (i128::from(t) - i128::from(from))
    }

    /// Unit-days offered over `[from, to)` (0 when `to <= from`).
    pub fn energy(&self, from: Day, to: Day) -> i128 {
        if to <= from {
            return 0;
        }
        self.at(to) - self.at(from)
    }

    /// The first day `t >= from` with `energy(from, t) >= work`, or `Day::MAX` when none is.
    pub fn day_reaching(&self, from: Day, work: u128) -> Day {
        let Ok(work) = i128::try_from(work) else {
            return Day::MAX;
        };
        if work <= 0 {
            return from;
        }
        let target = self.at(from) + work;
        // The running sum only grows: the first point past which it reaches the target.
        let i = self
            .points
            .partition_point(|p| p.0 <= from)
            .saturating_sub(1);
        let later = self.points[i + 1..].partition_point(|p| self.at(p.0) < target);
        let stretch = i + later; // the target is reached inside this stretch (or never)
        let (day, units) = self.points[stretch];
        let begin = day.max(from);
        if units == 0 {
            return Day::MAX;
        }
        let left = target - self.at(begin);
        let days = (left + i128::from(units) - 1) / i128::from(units);
        Day::try_from(i128::from(begin) + days).unwrap_or(Day::MAX)
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
            capacity_changes: vec![],
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
    fn capacity_steps_give_the_capacity_of_each_day_and_its_energy() {
        let mut p = problem(Span::Days(1));
        p.capacities = vec![2000];
        p.capacity_changes = vec![vec![(10, 4000), (20, 1000)]];
        assert_eq!(p.capacity_at(0, -5), 2000);
        assert_eq!(p.capacity_at(0, 9), 2000);
        assert_eq!(p.capacity_at(0, 10), 4000);
        assert_eq!(p.capacity_at(0, 25), 1000);
        assert_eq!((p.max_capacity(0), p.final_capacity(0)), (4000, 1000));
        // 5 days at 2 units, 10 at 4, 5 at 1.
        assert_eq!(p.energy(0, 5, 25), 5 * 2000 + 10 * 4000 + 5 * 1000);
        assert_eq!(p.energy(0, 25, 25), 0);
        // 10_000 unit-days from day 5: 5 days at 2 give 10_000 exactly.
        assert_eq!(p.day_reaching(0, 5, 10_000), 10);
        // 50_000 from day 5: 10_000 by day 10, 40_000 more by day 20.
        assert_eq!(p.day_reaching(0, 5, 50_000), 20);
        assert_eq!(p.day_reaching(0, 5, 50_001), 21);
        p.capacity_changes = vec![vec![(10, 0)]];
        assert_eq!(p.day_reaching(0, 5, 50_000), Day::MAX);
    }

    /// The running sums agree with adding up day by day.
    #[test]
    fn capacity_curves_agree_with_day_by_day_sums() {
        let mut p = problem(Span::Days(1));
        p.capacities = vec![3];
        p.capacity_changes = vec![vec![(-4, 0), (2, 5), (9, 0), (12, 1), (30, 2)]];
        let curve = p.curve(0);
        for from in -10..40 {
            for to in from..45 {
                let naive: i128 = (from..to).map(|d| i128::from(p.capacity_at(0, d))).sum();
                assert_eq!(curve.energy(from, to), naive, "{from}..{to}");
            }
            for work in 0..60u128 {
                let naive = (from..1000)
                    .find(|&t| {
                        (from..t)
                            .map(|d| u128::from(p.capacity_at(0, d)))
                            .sum::<u128>()
                            >= work
                    })
                    .unwrap();
                assert_eq!(curve.day_reaching(from, work), naive, "{from} {work}");
            }
        }
    }

    #[test]
    fn far_days_saturate_instead_of_panicking() {
        let p = problem(Span::Months(3));
        assert_eq!(p.add(Day::MAX, Span::Months(3)), Day::MAX);
        assert_eq!(p.sub(Day::MIN, Span::Months(3)), Day::MIN);
        assert_eq!(p.end(0, Day::MAX - 5), Day::MAX - 5);
    }
}
