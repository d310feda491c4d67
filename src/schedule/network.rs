//! The problem prepared for fast scheduling: adjacency by activity, day durations cached, demands
//! merged per resource, and the date arithmetic of links in one place.

use super::ScheduleError;
use super::problem::{Day, LinkKind, Problem, Units};
use crate::calendar::{MonthStarts, Span};

/// Compressed adjacency: the link indices leaving (or entering) each activity.
#[derive(Clone, Debug, Default)]
pub(crate) struct Adjacency {
    offsets: Vec<usize>,
    items: Vec<usize>,
}

impl Adjacency {
    /// Groups `items` by `owner(item)`, keeping their order within each group.
    pub fn build(n: usize, count: usize, owner: impl Fn(usize) -> usize) -> Adjacency {
        let mut offsets = vec![0; n + 1];
        for item in 0..count {
            offsets[owner(item) + 1] += 1;
        }
        for a in 0..n {
            offsets[a + 1] += offsets[a];
        }
        let mut next = offsets.clone();
        let mut items = vec![0; count];
        for item in 0..count {
            let slot = &mut next[owner(item)];
            items[*slot] = item;
            *slot += 1;
        }
        Adjacency { offsets, items }
    }

    pub fn of(&self, a: usize) -> &[usize] {
        &self.items[self.offsets[a]..self.offsets[a + 1]]
    }
}

/// The month table a problem needs: `None` when no duration or lag is in months.
pub(crate) fn month_table(problem: &Problem) -> Option<MonthStarts> {
    let in_months = |span: Span| matches!(span, Span::Months(_));
    let needed = problem.activities.iter().any(|a| in_months(a.duration))
        || problem.links.iter().any(|l| in_months(l.lag));
    needed.then(|| MonthStarts::new(problem.origin)).flatten()
}

/// A validated problem with the lookups the passes need.
pub(crate) struct Network<'p> {
    pub problem: &'p Problem,
    /// Links leaving each activity (it is their `from`).
    pub out_links: Adjacency,
    /// Links entering each activity (it is their `to`).
    pub in_links: Adjacency,
    /// Duration in days when it does not depend on the start (day spans).
    fixed_days: Vec<Option<Day>>,
    /// Positive units per resource, merged; empty for milestones.
    pub demands: Vec<Vec<(usize, Units)>>,
    /// Month starts around the origin, when some duration or lag is in months: month spans
    /// are then added on day offsets, not through dates.
    months: Option<MonthStarts>,
}

impl<'p> Network<'p> {
    /// Checks indices and demands (never trusting the caller) and builds the lookups.
    pub fn new(problem: &'p Problem) -> Result<Network<'p>, ScheduleError> {
        Self::with_months(problem, month_table(problem))
    }

    /// [`Network::new`] with the month table given (the one [`month_table`] made for this
    /// problem, or for the same origin), so many passes over one problem build it once.
    pub fn with_months(
        problem: &'p Problem,
        months: Option<MonthStarts>,
    ) -> Result<Network<'p>, ScheduleError> {
        let n = problem.activities.len();
        for (index, link) in problem.links.iter().enumerate() {
            if link.from >= n || link.to >= n {
                return Err(ScheduleError::UnknownActivity { link: index });
            }
        }
        let mut demands = Vec::with_capacity(n);
        let mut fixed_days = Vec::with_capacity(n);
        for (a, activity) in problem.activities.iter().enumerate() {
            let mut merged: Vec<(usize, Units)> = Vec::new();
            if !activity.duration.is_zero() {
                for &(resource, units) in &activity.demands {
                    if resource >= problem.capacities.len() {
                        return Err(ScheduleError::UnknownResource {
                            activity: a,
                            resource,
                        });
                    }
                    // More than it ever has; less than it has at some time is waited for.
                    let capacity = problem.max_capacity(resource);
                    if units == 0 {
                        continue;
                    }
                    match merged.iter_mut().find(|(r, _)| *r == resource) {
                        Some((_, total)) => *total = total.saturating_add(units),
                        None => merged.push((resource, units)),
                    }
                    if merged.iter().any(|&(r, u)| r == resource && u > capacity) {
                        return Err(ScheduleError::OverCapacity {
                            activity: a,
                            resource,
                        });
                    }
                }
                merged.sort_unstable();
            }
            demands.push(merged);
            fixed_days.push(match activity.duration {
                Span::Days(d) => Some(Day::try_from(d).unwrap_or(Day::MAX)),
                Span::WorkingDays(d) if problem.calendar.is_none() => {
                    Some(Day::try_from(d).unwrap_or(Day::MAX))
                }
                Span::Months(_) | Span::WorkingDays(_) => None,
            });
        }
        let links = &problem.links;
        Ok(Network {
            problem,
            out_links: Adjacency::build(n, links.len(), |l| links[l].from),
            in_links: Adjacency::build(n, links.len(), |l| links[l].to),
            fixed_days,
            demands,
            months,
        })
    }

    /// Days within which every schedule of this problem runs when all durations and lags are
    /// day counts: `[0, H)` with `H` the latest release plus every duration and lag one after
    /// another (no serial schedule ends later), widened by `H` backwards for the backward
    /// passes. `None` with calendar months or when that is too long to keep day by day.
    pub fn day_window(&self, limit: u64) -> Option<(Day, Day)> {
        if self.problem.calendar.is_some() {
            // Starts move to working days, past what the durations alone add up to.
            return None;
        }
        let mut total: u64 = 0;
        for d in &self.fixed_days {
            total += u64::try_from((*d)?).ok()?;
        }
        for link in &self.problem.links {
            match link.lag {
                Span::Days(d) | Span::WorkingDays(d) => total += u64::from(d),
                Span::Months(_) => return None,
            }
        }
        let releases = self.problem.activities.iter().map(|a| a.release);
        let first = releases.clone().min().unwrap_or(0).min(0);
        // A capacity step is like a release: work that needs it waits for it.
        let steps = self.problem.capacity_changes.iter().flatten().map(|c| c.0);
        let last = releases.chain(steps).max().unwrap_or(0).max(0);
        let last = u64::try_from(last).ok()?;
        let horizon = last + total + 1;
        let first = u64::try_from(-i64::from(first)).ok()?;
        let width = 2 * horizon + first;
        if width > limit {
            return None;
        }
        let horizon = Day::try_from(horizon).ok()?;
        Some((
            Day::try_from(first).ok()?.saturating_neg() - horizon,
            horizon,
        ))
    }

    pub fn len(&self) -> usize {
        self.problem.activities.len()
    }

    /// `a`'s length in days when it does not depend on where it starts.
    pub fn fixed_length(&self, a: usize) -> Option<Day> {
        self.fixed_days[a]
    }

    /// `day + span`, as [`Problem::add`] gives it.
    fn add(&self, day: Day, span: Span) -> Day {
        self.through_table(day, span, MonthStarts::add)
            .unwrap_or_else(|| self.problem.add(day, span))
    }

    /// `day - span`, as [`Problem::sub`] gives it.
    fn sub(&self, day: Day, span: Span) -> Day {
        self.through_table(day, span, MonthStarts::sub)
            .unwrap_or_else(|| self.problem.sub(day, span))
    }

    /// `op` (the table's `add` or `sub`) when `span` is in months and the table covers `day`.
    fn through_table(
        &self,
        day: Day,
        span: Span,
        op: fn(&MonthStarts, i64, u32) -> Option<i64>,
    ) -> Option<Day> {
        let (Span::Months(months), Some(table)) = (span, &self.months) else {
            return None;
        };
        op(table, i64::from(day), months).and_then(|d| Day::try_from(d).ok())
    }

    /// Exclusive end of `a` when it starts on `start`.
    pub fn end(&self, a: usize, start: Day) -> Day {
        match self.fixed_days[a] {
            Some(days) => start.saturating_add(days),
            None => self.add(start, self.problem.activities[a].duration),
        }
    }

    /// The latest start of `a` that ends on or before `limit`.
    pub fn latest_start_ending_by(&self, a: usize, limit: Day) -> Day {
        let latest = match self.fixed_days[a] {
            Some(days) => limit.saturating_sub(days),
            None => self.sub(limit, self.problem.activities[a].duration),
        };
        self.problem.snap_back(latest)
    }

    /// The earliest start of `a` that ends on or after `target`.
    pub fn earliest_start_ending_at_least(&self, a: usize, target: Day) -> Day {
        let earliest = match self.fixed_days[a] {
            Some(days) => target.saturating_sub(days),
            // A length that depends on the start (months, working days on a calendar) lets
            // several starts share one end (Jan 28..31 + 1 month; Friday and the weekend after
            // it + 1 working day): the day after the latest start ending before `target` is the
            // earliest reaching it.
            None => self
                .sub(
                    target.saturating_sub(1),
                    self.problem.activities[a].duration,
                )
                .saturating_add(1),
        };
        self.problem.snap_forward(earliest)
    }

    /// The earliest start of link `l`'s `to` allowed when its `from` runs over `[start, end)`.
    pub fn forward_bound(&self, l: usize, start: Day, end: Day) -> Day {
        let link = &self.problem.links[l];
        match link.kind {
            LinkKind::FinishToStart => self.add(end, link.lag),
            LinkKind::StartToStart => self.add(start, link.lag),
            LinkKind::FinishToFinish => {
                self.earliest_start_ending_at_least(link.to, self.add(end, link.lag))
            }
        }
    }

    /// The latest start of link `l`'s `from` allowed when its `to` runs over `[start, end)`.
    pub fn backward_bound(&self, l: usize, start: Day, end: Day) -> Day {
        let link = &self.problem.links[l];
        match link.kind {
            LinkKind::FinishToStart => {
                self.latest_start_ending_by(link.from, self.sub(start, link.lag))
            }
            LinkKind::StartToStart => self.sub(start, link.lag),
            LinkKind::FinishToFinish => {
                self.latest_start_ending_by(link.from, self.sub(end, link.lag))
            }
        }
    }

    /// The earliest start of `a` allowed by its release and the links into it, given the dates
    /// already fixed for its predecessors.
    pub fn earliest_start(&self, a: usize, start: &[Day], end: &[Day]) -> Day {
        let mut earliest = self.problem.activities[a].release;
        for &l in self.in_links.of(a) {
            let from = self.problem.links[l].from;
            earliest = earliest.max(self.forward_bound(l, start[from], end[from]));
        }
        self.problem.snap_forward(earliest)
    }

    /// The latest start of `a` that ends by `finish` and keeps the links out of it, given the
    /// dates already fixed for its successors.
    pub fn latest_start(&self, a: usize, finish: Day, start: &[Day], end: &[Day]) -> Day {
        let mut latest = self.latest_start_ending_by(a, finish);
        for &l in self.out_links.of(a) {
            let to = self.problem.links[l].to;
            latest = latest.min(self.backward_bound(l, start[to], end[to]));
        }
        self.problem.snap_back(latest)
    }
}
