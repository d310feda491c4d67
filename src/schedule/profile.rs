//! Free capacity over time, per resource, as a step function: the sorted days where it changes.
//!
//! Memory and work grow with the number of activities, not with the length of the horizon, so a
//! plan spanning centuries costs no more than one spanning weeks. The steps are kept canonical
//! (no two neighbours with the same value), so a resource kept busy back to back by many
//! activities is one stretch, and finding room after it is one jump, not one per activity.
//! A capacity that changes over time is just a different starting step function.

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

/// Free capacity per resource. It may go below 0 only in profiles built for analysis (the CPM
/// schedule ignores capacities); the schedule generation never places what does not fit.
#[derive(Clone, Debug)]
pub(crate) struct Profile {
    /// Free capacity with nothing placed, restored by [`Profile::clear`].
    empty: Vec<Line>,
    lines: Vec<Line>,
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
            empty,
        }
    }

    /// Takes back everything placed, keeping the memory for the next schedule.
    pub fn clear(&mut self) {
        for (line, empty) in self.lines.iter_mut().zip(&self.empty) {
            match (line, empty) {
                (Line::Steps(line), Line::Steps(empty)) => {
                    line.clear();
                    line.extend_from_slice(empty);
                }
                (Line::Days { free, .. }, Line::Days { free: base, .. }) => {
                    free.copy_from_slice(base);
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
                let first = from + window.iter().position(|&f| f < units).unwrap_or(0);
                let mut after = free.len();
                let mut run = 0;
                for (j, &f) in free.iter().enumerate().skip(last + 1) {
                    run = if f >= units { run + 1 } else { 0 };
                    if run == len {
                        after = j + 1 - len;
                        break;
                    }
                }
                let mut before = 0;
                run = 0;
                for j in (0..first).rev() {
                    run = if free[j] >= units { run + 1 } else { 0 };
                    if run == len {
                        before = j + len;
                        break;
                    }
                }
                Some((offset + after as Day, offset + before as Day))
            }
            Line::Days { .. } => Self::overload_steps(&self.lines[r].to_steps(), start, end, units),
            Line::Steps(line) => Self::overload_steps(line, start, end, units),
        }
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
                for f in &mut free[(start - *offset) as usize..(end - *offset) as usize] {
                    *f = f.saturating_add(delta);
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
