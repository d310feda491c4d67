//! Free capacity over time, per resource, as a step function: the sorted days where it changes.
//!
//! Memory and work grow with the number of activities, not with the length of the horizon, so a
//! plan spanning centuries costs no more than one spanning weeks. The steps are kept canonical
//! (no two neighbours with the same value), so a resource kept busy back to back by many
//! activities is one stretch, and finding room after it is one jump, not one per activity.
//! A capacity that changes over time is just a different starting step function.

use std::ops::Range;

use super::problem::{Day, Problem, Units};

/// A step function: `(day, value)` points, each giving the value from that day until the next
/// point. The first point is at `Day::MIN`, so every day has a value.
type Steps = Vec<(Day, i64)>;

/// One resource's free capacity: steps in general, or one value per day over a short window
/// (the usual case for day-based problems, and much faster to scan and update).
#[derive(Clone, Debug)]
enum Line {
    Steps(Steps),
    /// `free[d - offset]` for the days `offset .. offset + free.len()`; free capacity outside is
    /// `before` the window and `after` it (they differ when the capacity changes over time).
    /// Nothing is ever placed there: placing there turns the line into steps.
    Days {
        offset: Day,
        free: Vec<i64>,
        before: i64,
        after: i64,
    },
}

impl Line {
    fn to_steps(&self) -> Steps {
        match self {
            Line::Steps(steps) => steps.clone(),
            Line::Days {
                offset,
                free,
                before,
                after,
            } => {
                let mut steps = vec![(Day::MIN, *before)];
                for (i, &value) in free.iter().enumerate() {
                    if steps.last().is_some_and(|p| p.1 != value) {
                        steps.push((offset + i as Day, value));
                    }
                }
                let past = offset.saturating_add(free.len() as Day);
                if steps.last().is_some_and(|p| p.1 != *after) {
                    steps.push((past, *after));
                }
                steps
            }
        }
    }
}

/// Which of [`Profile::overload`]'s two jumps a caller needs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Jumps {
    After,
    Before,
    Both,
}

/// Free capacity per resource. It may go below 0 only in profiles built for analysis (the CPM
/// schedule ignores capacities); the schedule generation never places what does not fit.
#[derive(Clone, Debug)]
pub(crate) struct Profile {
    /// Free capacity with nothing placed, restored by [`Profile::clear`].
    empty: Vec<Line>,
    lines: Vec<Line>,
    /// Per line kept by day, the window days changed since the last clear: only they are
    /// restored (a plan touches a small part of a window sized for the worst case).
    changed: Vec<Range<usize>>,
}

impl Profile {
    /// A profile with nothing placed and a constant capacity per resource.
    #[cfg(test)]
    pub fn new(capacities: &[Units]) -> Profile {
        let lines: Vec<Vec<(Day, Units)>> =
            capacities.iter().map(|&c| vec![(Day::MIN, c)]).collect();
        Self::with_window(&lines, None)
    }

    /// A profile with nothing placed and each resource's capacity over time.
    pub fn of(problem: &Problem) -> Profile {
        Self::with_window(&Self::capacity_lines(problem), None)
    }

    /// Each resource's capacity as a step function from `Day::MIN`.
    pub fn capacity_lines(problem: &Problem) -> Vec<Vec<(Day, Units)>> {
        (0..problem.capacities.len())
            .map(|r| problem.capacity_line(r))
            .collect()
    }

    /// Like [`Profile::of`], over capacity lines (`(day, units)` from `Day::MIN`), kept as one
    /// value per day over `[from, to)` when `window` is given: the schedule generation's fast
    /// path for short day-based horizons. Work placed outside the window still counts (that
    /// line falls back to steps).
    pub fn with_window(capacities: &[Vec<(Day, Units)>], window: Option<(Day, Day)>) -> Profile {
        let empty: Vec<Line> = capacities
            .iter()
            .map(|line| {
                let mut steps: Steps = Vec::with_capacity(line.len());
                for &(day, units) in line {
                    if steps.last().is_none_or(|p| p.1 != i64::from(units)) {
                        steps.push((day, i64::from(units)));
                    }
                }
                if steps.is_empty() {
                    steps.push((Day::MIN, 0));
                }
                // A window holds the steps inside it only (the engine's windows cover them).
                let inside =
                    |(from, to): (Day, Day)| steps[1..].iter().all(|p| p.0 > from && p.0 < to);
                match window {
                    Some((from, to)) if from < to && inside((from, to)) => {
                        let value = |day: Day| steps[Self::stretch_at(&steps, day)].1;
                        Line::Days {
                            offset: from,
                            free: (from..to).map(value).collect(),
                            before: value(from.saturating_sub(1)),
                            after: value(to),
                        }
                    }
                    _ => Line::Steps(steps),
                }
            })
            .collect();
        Profile {
            lines: empty.clone(),
            changed: vec![0..0; empty.len()],
            empty,
        }
    }

    /// Takes back everything placed, keeping the memory for the next schedule.
    pub fn clear(&mut self) {
        for ((line, empty), changed) in self
            .lines
            .iter_mut()
            .zip(&self.empty)
            .zip(&mut self.changed)
        {
            let changed = std::mem::replace(changed, 0..0);
            match (line, empty) {
                (Line::Steps(line), Line::Steps(empty)) => {
                    line.clear();
                    line.extend_from_slice(empty);
                }
                (Line::Days { free, .. }, Line::Days { free: base, .. }) => {
                    free[changed.clone()].copy_from_slice(&base[changed]);
                }
                (line, empty) => *line = empty.clone(),
            }
        }
    }

    /// Index of the point whose stretch contains `day`.
    fn stretch_at(line: &[(Day, i64)], day: Day) -> usize {
        line.partition_point(|p| p.0 <= day).saturating_sub(1)
    }

    /// Where `[start, end)` lacks `units` of free capacity of `r`, as `(after, before)`:
    /// `after` is a day past the last short day in the window (the next start worth trying
    /// forwards) and `before` a day at or before the first one (what an end must not pass
    /// backwards). With steps both jump over whole runs of short stretches, so a resource busy
    /// back to back costs one jump. `None` when it fits.
    pub fn overload(&self, r: usize, start: Day, end: Day, units: Units) -> Option<(Day, Day)> {
        self.overload_for(r, start, end, units, Jumps::Both)
    }

    /// The forward half of [`Profile::overload`]: only the next start worth trying.
    pub fn overload_after(&self, r: usize, start: Day, end: Day, units: Units) -> Option<Day> {
        self.overload_for(r, start, end, units, Jumps::After)
            .map(|(after, _)| after)
    }

    /// The backward half of [`Profile::overload`]: only the day an end must not pass.
    pub fn overload_before(&self, r: usize, start: Day, end: Day, units: Units) -> Option<Day> {
        self.overload_for(r, start, end, units, Jumps::Before)
            .map(|(_, before)| before)
    }

    /// [`Profile::overload`], computing only the jumps asked for (the other is left 0): the
    /// schedule generation needs one direction, and the day-by-day scan for the other can
    /// run far.
    fn overload_for(
        &self,
        r: usize,
        start: Day,
        end: Day,
        units: Units,
        jumps: Jumps,
    ) -> Option<(Day, Day)> {
        if start >= end {
            return None;
        }
        let units = i64::from(units);
        match &self.lines[r] {
            Line::Days {
                offset,
                free,
                before,
                after,
            } if (*before).min(*after) >= units
                && start >= *offset
                && end <= offset.saturating_add(free.len() as Day) =>
            {
                // Day by day, the jumps go straight to the nearest window that fits.
                let from = (start - offset) as usize;
                let to = (end - offset) as usize;
                let len = to - from;
                let window = &free[from..to];
                let last = from + window.iter().rposition(|&f| f < units)?;
                let first = if jumps == Jumps::After {
                    0
                } else {
                    from + window.iter().position(|&f| f < units).unwrap_or(0)
                };
                let mut after = free.len();
                if jumps != Jumps::Before {
                    let mut run = 0;
                    for (j, &f) in free.iter().enumerate().skip(last + 1) {
                        run = if f >= units { run + 1 } else { 0 };
                        if run == len {
                            after = j + 1 - len;
                            break;
                        }
                    }
                }
                let mut before = 0;
                if jumps != Jumps::After {
                    let mut run = 0;
                    for j in (0..first).rev() {
                        run = if free[j] >= units { run + 1 } else { 0 };
                        if run == len {
                            before = j + len;
                            break;
                        }
                    }
                }
                Some((offset + after as Day, offset + before as Day))
            }
            Line::Days { .. } => Self::overload_steps(&self.lines[r].to_steps(), start, end, units),
            Line::Steps(line) => Self::overload_steps(line, start, end, units),
        }
    }

    /// Whether every line of `lines` (free days, units needed) has its units free on window
    /// day `i`.
    fn all_free(lines: &[(&[i64], i64)], i: usize) -> bool {
        lines.iter().all(|&(free, units)| free[i] >= units)
    }

    /// Calls `scan` with the by-day lines of `demands` (their free days and the units needed)
    /// and their window's offset and length, when every demanded line is kept by day in one
    /// window and has its units free outside it; the lines sit on the stack for the usual few
    /// resources.
    fn with_day_lines<T>(
        &self,
        demands: &[(usize, Units)],
        scan: impl FnOnce(&[(&[i64], i64)], Day, usize) -> Option<T>,
    ) -> Option<T> {
        let mut window = None;
        let mut line = |&(r, units): &(usize, Units)| {
            let units = i64::from(units);
            let Line::Days {
                offset,
                free,
                before,
                after,
            } = &self.lines[r]
            else {
                return None;
            };
            let shared = *window.get_or_insert((*offset, free.len())) == (*offset, free.len());
            (shared && (*before).min(*after) >= units).then_some((free.as_slice(), units))
        };
        const ON_STACK: usize = 8;
        if demands.len() <= ON_STACK {
            let mut lines: [(&[i64], i64); ON_STACK] = [(&[], 0); ON_STACK];
            for (slot, demand) in lines.iter_mut().zip(demands) {
                *slot = line(demand)?;
            }
            let (offset, days) = window?;
            scan(&lines[..demands.len()], offset, days)
        } else {
            let lines: Vec<(&[i64], i64)> = demands.iter().map(&mut line).collect::<Option<_>>()?;
            let (offset, days) = window?;
            scan(&lines, offset, days)
        }
    }

    /// The earliest start at or after `start` at which `len` days have every demand's units
    /// free, found in one day-by-day scan over all demanded resources together. `None` when
    /// that cannot be answered inside the day window (a line kept as steps, or no room before
    /// the window ends): the caller then jumps with [`Profile::overload_after`].
    pub fn earliest_fit(&self, demands: &[(usize, Units)], start: Day, len: Day) -> Option<Day> {
        if len <= 0 || demands.is_empty() {
            return Some(start);
        }
        self.with_day_lines(demands, |lines, offset, days| {
            let from = usize::try_from(i64::from(start) - i64::from(offset)).ok()?;
            let len = usize::try_from(len).ok()?;
            first_fit(from, len, days, |i| Self::all_free(lines, i)).map(|i| offset + i as Day)
        })
    }

    /// The latest start at or before `start` at which `len` days have every demand's units
    /// free: [`Profile::earliest_fit`] backwards. `None` when the window cannot answer.
    pub fn latest_fit(&self, demands: &[(usize, Units)], start: Day, len: Day) -> Option<Day> {
        if len <= 0 || demands.is_empty() {
            return Some(start);
        }
        self.with_day_lines(demands, |lines, offset, days| {
            let from = usize::try_from(i64::from(start) - i64::from(offset)).ok()?;
            let len = usize::try_from(len).ok()?;
            last_fit(from, len, days, |i| Self::all_free(lines, i)).map(|i| offset + i as Day)
        })
    }

    fn overload_steps(line: &[(Day, i64)], start: Day, end: Day, units: i64) -> Option<(Day, Day)> {
        let short = |i: usize| line[i].1 < units;
        let begin = Self::stretch_at(line, start);
        let mut first = None;
        let mut last = None;
        let mut i = begin;
        while i < line.len() && line[i].0 < end {
            if short(i) {
                first.get_or_insert(i);
                last = Some(i);
            }
            i += 1;
        }
        let (mut first, mut last) = (first?, last?);
        while last + 1 < line.len() && short(last + 1) {
            last += 1;
        }
        let after = line.get(last + 1).map_or(Day::MAX, |p| p.0);
        while first > 0 && short(first - 1) {
            first -= 1;
        }
        Some((after, line[first].0))
    }

    /// Ensures a point at `day` and returns its index.
    fn split_at(line: &mut Steps, day: Day) -> usize {
        let i = line.partition_point(|p| p.0 < day);
        if i == line.len() || line[i].0 != day {
            let value = line[i - 1].1; // i > 0: the first point is at Day::MIN
            line.insert(i, (day, value));
        }
        i
    }

    /// Adds `delta` to the free capacity on `[start, end)`, keeping the steps canonical.
    fn shift(&mut self, r: usize, start: Day, end: Day, delta: i64) {
        if start >= end || delta == 0 {
            return;
        }
        if let Line::Days { offset, free, .. } = &mut self.lines[r] {
            if start >= *offset && end <= offset.saturating_add(free.len() as Day) {
                let days = (start - *offset) as usize..(end - *offset) as usize;
                let changed = &mut self.changed[r];
                *changed = if changed.start == changed.end {
                    days.clone()
                } else {
                    changed.start.min(days.start)..changed.end.max(days.end)
                };
                // No overflow: every value is a capacity less units placed, each a u32.
                for f in &mut free[days] {
                    *f += delta;
                }
                return;
            }
            self.lines[r] = Line::Steps(self.lines[r].to_steps());
        }
        let Line::Steps(line) = &mut self.lines[r] else {
            return;
        };
        let first = Self::split_at(line, start);
        let last = Self::split_at(line, end);
        for point in &mut line[first..last] {
            point.1 = point.1.saturating_add(delta);
        }
        // Only the two ends can now equal their neighbour: the inside moved together.
        if line[last].1 == line[last - 1].1 {
            line.remove(last);
        }
        if first > 0 && line[first].1 == line[first - 1].1 {
            line.remove(first);
        }
    }

    /// Takes `units` of `r` on every day of `[start, end)`.
    pub fn add(&mut self, r: usize, start: Day, end: Day, units: Units) {
        self.shift(r, start, end, -i64::from(units));
    }

    /// Gives back `units` taken on `[start, end)` by [`Profile::add`].
    pub fn remove(&mut self, r: usize, start: Day, end: Day, units: Units) {
        self.shift(r, start, end, i64::from(units));
    }

    /// Free capacity of `r` on `day` (negative when overloaded).
    pub fn free_at(&self, r: usize, day: Day) -> i64 {
        match &self.lines[r] {
            Line::Days {
                offset,
                free,
                before,
                after,
            } if day < *offset => *before,
            Line::Days {
                offset,
                free,
                after,
                ..
            } => usize::try_from(i64::from(day) - i64::from(*offset))
                .ok()
                .and_then(|i| free.get(i))
                .copied()
                .unwrap_or(*after),
            Line::Steps(line) => line[Self::stretch_at(line, day)].1,
        }
    }

    /// The first day at or after `from` on which `r` has less than `units` free, if any
    /// (`units` 0: the first overloaded day).
    pub fn first_day_short(&self, r: usize, from: Day, units: Units) -> Option<Day> {
        let units = i64::from(units);
        let steps;
        let line = match &self.lines[r] {
            Line::Steps(line) => line,
            days => {
                steps = days.to_steps();
                &steps
            }
        };
        let begin = Self::stretch_at(line, from);
        line[begin..]
            .iter()
            .find(|p| p.1 < units)
            .map(|p| p.0.max(from))
    }

    /// Change points of `r`'s free capacity (for tests).
    #[cfg(test)]
    fn points(&self, r: usize) -> Steps {
        self.lines[r].to_steps()[1..].to_vec()
    }
}

/// The first `from' >= from` such that `free(i)` holds for every day `i` of
/// `from' .. from' + len`, all within `0 .. days`; `None` when no such run fits.
pub(super) fn first_fit(
    mut from: usize,
    len: usize,
    days: usize,
    free: impl Fn(usize) -> bool,
) -> Option<usize> {
    // Each candidate is checked from its last day back: a short day j rules out every start up
    // to j, so the next candidate starts after it, and the days from there to the old
    // candidate's end are known to be free: only the days past them are read.
    let mut known_free = from;
    loop {
        let to = from.checked_add(len).filter(|&to| to <= days)?;
        match (known_free.max(from)..to).rev().find(|&i| !free(i)) {
            None => return Some(from),
            Some(short) => (from, known_free) = (short + 1, to),
        }
    }
}

/// The last `from' <= from` such that `free(i)` holds for every day of `from' .. from' + len`,
/// all within `0 .. days`: [`first_fit`] backwards.
pub(super) fn last_fit(
    mut from: usize,
    len: usize,
    days: usize,
    free: impl Fn(usize) -> bool,
) -> Option<usize> {
    if from.checked_add(len)? > days {
        return None;
    }
    // A short day j rules out every start from j - len + 1 on, and the days from the old
    // candidate's start to j are known to be free.
    let mut free_from = from + len;
    loop {
        match (from..free_from.min(from + len)).find(|&i| !free(i)) {
            None => return Some(from),
            Some(short) => (from, free_from) = (short.checked_sub(len)?, from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_and_finds_overloads() {
        let mut p = Profile::new(&[5]);
        p.add(0, 2, 5, 3);
        p.add(0, 4, 8, 2);
        assert_eq!(p.free_at(0, 1), 5);
        assert_eq!(p.free_at(0, 4), 0);
        assert_eq!(p.free_at(0, 7), 3);
        assert_eq!(p.free_at(0, 8), 5);
        // 4 units: [0, 10) is short on [2,4) (2 free), [4,5) (0) and [5,8) (3): restart at 8,
        // end by 2.
        assert_eq!(p.overload(0, 0, 10, 4), Some((8, 2)));
        // 3 units: short on [2,5) only, but a window starting at 4 still restarts at 5.
        assert_eq!(p.overload(0, 4, 5, 3), Some((5, 2)));
        assert_eq!(p.overload(0, 8, 10, 5), None);
        assert_eq!(p.overload(0, 0, 2, 5), None);
        assert_eq!(p.first_day_short(0, 0, 3), Some(2));
        assert_eq!(p.first_day_short(0, 5, 3), None);
        assert_eq!(p.first_day_short(0, 0, 0), None);
    }

    #[test]
    fn back_to_back_work_is_one_stretch() {
        let mut p = Profile::new(&[1]);
        for k in 0..1000 {
            p.add(0, k * 3, k * 3 + 3, 1);
        }
        assert_eq!(p.points(0), vec![(0, 0), (3000, 1)]);
        assert_eq!(p.overload(0, 0, 3, 1), Some((3000, 0)));
        p.remove(0, 0, 3, 1);
        assert_eq!(p.points(0), vec![(3, 0), (3000, 1)]);
        p.clear();
        assert_eq!(p.points(0), vec![]);
    }

    #[test]
    fn overloads_show_as_negative_free_capacity() {
        let mut p = Profile::new(&[2]);
        p.add(0, 0, 4, 2);
        p.add(0, 2, 6, 1);
        assert_eq!(p.free_at(0, 3), -1);
        assert_eq!(p.first_day_short(0, Day::MIN, 0), Some(2));
    }

    #[test]
    fn stepped_capacity_is_the_empty_profile() {
        let line = vec![(Day::MIN, 2), (10, 4), (20, 1)];
        let mut p = Profile::with_window(std::slice::from_ref(&line), None);
        assert_eq!(
            (p.free_at(0, 9), p.free_at(0, 10), p.free_at(0, 30)),
            (2, 4, 1)
        );
        // 3 units fit only on [10, 20): a 5-day run from day 0 restarts at 10, and one ending
        // after 20 must end by 20.
        assert_eq!(p.overload(0, 0, 5, 3), Some((10, Day::MIN)));
        assert_eq!(p.overload(0, 12, 17, 3), None);
        assert_eq!(p.overload(0, 18, 23, 3), Some((Day::MAX, 20)));
        p.add(0, 12, 17, 3);
        assert_eq!(p.free_at(0, 12), 1);
        p.clear();
        assert_eq!(p.points(0), vec![(10, 4), (20, 1)]);
        let days = Profile::with_window(&[line], Some((-5, 30)));
        assert_eq!(days.points(0), p.points(0));
        assert_eq!((days.free_at(0, -100), days.free_at(0, 100)), (2, 1));
    }

    /// Days and steps agree on every query, including work placed outside the window.
    #[test]
    fn day_windows_agree_with_steps() {
        for line in [
            vec![(Day::MIN, 4)],
            vec![(Day::MIN, 4), (8, 2), (30, 5), (38, 3)],
        ] {
            days_agree_with_steps(&line);
        }
    }

    /// The one-scan fits find the same start as trying every start in turn.
    #[test]
    fn fits_agree_with_trying_every_start() {
        let lines = vec![vec![(Day::MIN, 3)], vec![(Day::MIN, 2), (12, 4), (25, 1)]];
        let mut days = Profile::with_window(&lines, Some((0, 40)));
        let mut seed: u64 = 11;
        let mut next = |bound: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % bound
        };
        let fits = |p: &Profile, demands: &[(usize, Units)], s: Day, len: Day| {
            demands
                .iter()
                .all(|&(r, u)| p.overload(r, s, s + len, u).is_none())
        };
        let mut answered = 0;
        for round in 0..400 {
            if round % 80 == 0 {
                days.clear();
            }
            let demands = [(0, 1 + next(3) as Units), (1, next(2) as Units)];
            let len = 1 + next(6) as Day;
            let start = next(34) as Day;
            let earliest = (start..=40 - len).find(|&s| fits(&days, &demands, s, len));
            let latest = (0..=start.min(40 - len))
                .rev()
                .find(|&s| fits(&days, &demands, s, len));
            // `None` only sends the caller to the jump loop; an answer must be the right one.
            if let Some(found) = days.earliest_fit(&demands, start, len) {
                assert_eq!(Some(found), earliest, "{demands:?} from {start} for {len}");
                answered += 1;
            }
            if let Some(found) = days.latest_fit(&demands, start, len) {
                assert_eq!(Some(found), latest, "{demands:?} to {start} for {len}");
                answered += 1;
            }
            if let Some(s) = earliest.filter(|_| next(3) > 0) {
                for &(r, u) in &demands {
                    days.add(r, s, s + len, u);
                }
            }
        }
        assert!(answered > 400, "only {answered} answers");
    }

    fn days_agree_with_steps(line: &[(Day, Units)]) {
        let mut steps = Profile::with_window(&[line.to_vec()], None);
        let mut days = Profile::with_window(&[line.to_vec()], Some((0, 40)));
        let mut seed: u64 = 7;
        let mut next = |bound: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % bound
        };
        for round in 0..300 {
            if round % 60 == 0 {
                steps.clear();
                days.clear();
            }
            let start = next(50) as Day - 5;
            let end = start + next(8) as Day;
            let units = 1 + next(3) as Units;
            let (by_steps, by_days) = (
                steps.overload(0, start, end, units),
                days.overload(0, start, end, units),
            );
            assert_eq!(
                by_steps.is_some(),
                by_days.is_some(),
                "{start}..{end} x{units}"
            );
            // Either jump is safe: no start before it and no end after it fits.
            for (after, before) in by_steps.into_iter().chain(by_days) {
                let len = end - start;
                assert!(
                    (start..after.min(60)).all(|s| steps.overload(0, s, s + len, units).is_some())
                );
                assert!((before + 1..=end).all(|e| steps.overload(0, e - len, e, units).is_some()));
            }
            if next(4) > 0 && steps.overload(0, start, end, units).is_none() {
                steps.add(0, start, end, units);
                days.add(0, start, end, units);
            }
            for d in -6..50 {
                assert_eq!(steps.free_at(0, d), days.free_at(0, d));
            }
            assert_eq!(steps.points(0), days.points(0));
        }
    }
}
