//! Figures that several reports and exports show, computed once from the [`Plan`] so the table,
//! CSV, JSON, HTML and XLSX outputs always agree: calendar periods, busiest quarters and
//! resource utilisation (money figures are [`crate::money`] and [`crate::funding`]).

use chrono::{Datelike, Months, NaiveDate};

use crate::model::Roadmap;
use crate::plan::Plan;

/// The first days of the calendar periods of `months` months (1 = months, 3 = quarters,
/// 12 = years) that cover `first ..= last`, plus the first day after the last period.
pub fn period_bounds(first: NaiveDate, last: NaiveDate, months: u32) -> Vec<NaiveDate> {
    let month0 = first.month0() / months * months;
    let Some(mut at) = NaiveDate::from_ymd_opt(first.year(), month0 + 1, 1) else {
        return vec![first, last];
    };
    let mut bounds = vec![at];
    while at <= last {
        match at.checked_add_months(Months::new(months)) {
            Some(next) => at = next,
            None => break,
        }
        bounds.push(at);
    }
    bounds
}

/// `2021-04`.
pub fn month_label(date: NaiveDate) -> String {
    format!("{}-{:02}", date.year(), date.month())
}

/// `2021-Q2`.
pub fn quarter_label(date: NaiveDate) -> String {
    format!("{}-Q{}", date.year(), date.month0() / 3 + 1)
}

/// The days a project runs, `[first, end)`. A milestone counts as running on its one day, so
/// it shows up in the period it falls in.
pub fn running(plan: &Plan, project: usize) -> (NaiveDate, NaiveDate) {
    let planned = &plan.projects[project];
    let end = planned.finish.succ_opt().unwrap_or(planned.finish);
    (planned.start, end)
}

/// Days shared by `[a0, a1)` and `[b0, b1)`.
fn overlap_days(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> i64 {
    let (from, to) = (a.0.max(b.0), a.1.min(b.1));
    (to - from).num_days().max(0)
}

/// How an actor takes part in a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Role {
    #[serde(rename = "L")]
    Lead,
    #[serde(rename = "P")]
    Participant,
}

impl Role {
    pub fn letter(self) -> &'static str {
        match self {
            Role::Lead => "L",
            Role::Participant => "P",
        }
    }
}

pub fn role(roadmap: &Roadmap, project: usize, actor: usize) -> Option<Role> {
    let project = &roadmap.projects[project];
    if project.lead == actor {
        Some(Role::Lead)
    } else if project.participants.contains(&actor) {
        Some(Role::Participant)
    } else {
        None
    }
}

/// The calendar quarter in which an actor has the most projects running.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Busiest {
    /// First day of the quarter.
    pub quarter: NaiveDate,
    /// Projects (led or joined) running at some time in it.
    pub projects: usize,
}

/// The actor's busiest quarter of the plan (the earliest of equals); `None` without a role.
pub fn busiest_quarter(roadmap: &Roadmap, plan: &Plan, actor: usize) -> Option<Busiest> {
    let theirs: Vec<usize> = (0..roadmap.projects.len())
        .filter(|&p| role(roadmap, p, actor).is_some())
        .collect();
    if theirs.is_empty() {
        return None;
    }
    let bounds = period_bounds(plan.start(), plan.finish(), 3);
    let quarters = bounds.len().saturating_sub(1);
    // Projects running in each quarter, counted by a sweep: +1 at the first quarter a project
    // overlaps and -1 after its last (a count per quarter and project was quadratic).
    let mut change = vec![0i64; quarters + 1];
    for &p in &theirs {
        let (start, end) = running(plan, p);
        // Quarter i is [bounds[i], bounds[i + 1]): overlapped when it ends after the start and
        // begins before the end.
        let first = bounds.partition_point(|&b| b <= start).saturating_sub(1);
        let last = bounds.partition_point(|&b| b < end).min(quarters);
        if first < last {
            change[first] += 1;
            change[last] -= 1;
        }
    }
    let mut best: Option<Busiest> = None;
    let mut running_now = 0i64;
    for (window, delta) in bounds.windows(2).zip(&change) {
        running_now += delta;
        let count = running_now as usize;
        if best.as_ref().is_none_or(|b| count > b.projects) {
            best = Some(Busiest {
                quarter: window[0],
                projects: count,
            });
        }
    }
    best
}

/// How much of a resource the plan uses.
#[derive(Clone, Debug, PartialEq)]
pub struct Utilisation {
    /// Most units in use on any day.
    pub peak: f64,
    /// Units used over the plan's days, as a share of capacity (0..=1).
    pub average: f64,
    /// `(first day of the period, share of capacity used on average over its days)`.
    pub periods: Vec<(NaiveDate, f64)>,
    /// Average capacity over each period's days (the capacity changes over time).
    pub capacities: Vec<f64>,
}

/// Utilisation of resource `r`, with a profile over calendar periods of `months` months. Only
/// days inside the plan count, so the first and last periods are not diluted.
pub fn utilisation(roadmap: &Roadmap, plan: &Plan, r: usize, months: u32) -> Utilisation {
    let usage = plan.usage(r);
    let resource = &roadmap.resources[r];
    let plan_days = (
        plan.start(),
        plan.finish().succ_opt().unwrap_or(plan.finish()),
    );
    let inside =
        |window: (NaiveDate, NaiveDate)| (window.0.max(plan_days.0), window.1.min(plan_days.1));
    // Against the capacity of each day: a period after a hiring step has more room.
    let share = |window: (NaiveDate, NaiveDate)| {
        let window = inside(window);
        let capacity = capacity_days(resource, window);
        if capacity <= 0.0 {
            return 0.0;
        }
        unit_days(&usage, window) / capacity
    };
    let average_capacity = |window: (NaiveDate, NaiveDate)| {
        let window = inside(window);
        let days = (window.1 - window.0).num_days();
        if days <= 0 {
            return resource.capacity_on(window.0);
        }
        capacity_days(resource, window) / days as f64
    };
    let bounds = period_bounds(plan.start(), plan.finish(), months);
    Utilisation {
        peak: plan.peak(r),
        average: share(plan_days),
        periods: bounds
            .windows(2)
            .map(|w| (w[0], share((w[0], w[1]))))
            .collect(),
        capacities: bounds
            .windows(2)
            .map(|w| average_capacity((w[0], w[1])))
            .collect(),
    }
}

/// Units times days the resource offers within `window`, day by day through its steps.
pub fn capacity_days(resource: &crate::model::Resource, window: (NaiveDate, NaiveDate)) -> f64 {
    if window.1 <= window.0 {
        return 0.0;
    }
    let periods = resource.capacity_periods(window.0, window.1);
    periods
        .iter()
        .enumerate()
        .map(|(i, &(from, units))| {
            let until = periods.get(i + 1).map_or(window.1, |next| next.0);
            (until - from).num_days() as f64 * units
        })
        .sum()
}

/// Units times days in use within `window`, from usage change points.
fn unit_days(usage: &[(NaiveDate, f64)], window: (NaiveDate, NaiveDate)) -> f64 {
    usage
        .iter()
        .enumerate()
        .map(|(i, &(from, units))| {
            let until = usage.get(i + 1).map_or(window.1, |next| next.0);
            overlap_days((from, until), window) as f64 * units
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn periods_align_to_the_calendar() {
        let quarters = period_bounds(date("2019-08-15"), date("2020-01-10"), 3);
        assert_eq!(
            quarters,
            vec![
                date("2019-07-01"),
                date("2019-10-01"),
                date("2020-01-01"),
                date("2020-04-01")
            ]
        );
        assert_eq!(quarter_label(date("2020-05-02")), "2020-Q2");
        assert_eq!(month_label(date("2020-05-02")), "2020-05");
    }

    #[test]
    fn unit_days_integrate_change_points() {
        let usage = [(date("2020-01-01"), 2.0), (date("2020-01-11"), 0.0)];
        let window = (date("2020-01-06"), date("2020-02-01"));
        assert_eq!(unit_days(&usage, window), 10.0);
    }
}
