//! Free capacity over time, per resource, as a step function: the sorted days where it changes.
//!
//! Memory and work grow with the number of activities, not with the length of the horizon, so a
//! plan spanning centuries costs no more than one spanning weeks. The steps are kept canonical
//! (no two neighbours with the same value), so a resource kept busy back to back by many
//! activities is one stretch, and finding room after it is one jump, not one per activity.
//! A capacity that changes over time is just a different starting step function.

use super::problem::{Day, Units};

/// A step function: `(day, value)` points, each giving the value from that day until the next
/// point. The first point is at `Day::MIN`, so every day has a value.
type Steps = Vec<(Day, i64)>;

/// Free capacity per resource. It may go below 0 only in profiles built for analysis (the CPM
/// schedule ignores capacities); the schedule generation never places what does not fit.
#[derive(Clone, Debug, Default)]
pub(crate) struct Profile {
    /// Free capacity with nothing placed, restored by [`Profile::clear`].
    empty: Vec<Steps>,
    lines: Vec<Steps>,
}

impl Profile {
    /// A profile with nothing placed and a constant capacity per resource.
    pub fn new(capacities: &[Units]) -> Profile {
        let empty: Vec<Steps> = capacities
            .iter()
            .map(|&c| vec![(Day::MIN, i64::from(c))])
            .collect();
        Profile {
            lines: empty.clone(),
            empty,
        }
    }

    /// Takes back everything placed, keeping the memory for the next schedule.
    pub fn clear(&mut self) {
        for (line, empty) in self.lines.iter_mut().zip(&self.empty) {
            line.clear();
            line.extend_from_slice(empty);
        }
    }

    /// Index of the point whose stretch contains `day`.
    fn stretch_at(line: &[(Day, i64)], day: Day) -> usize {
        line.partition_point(|p| p.0 <= day).saturating_sub(1)
    }

    /// Where `[start, end)` lacks `units` of free capacity of `r`, as `(after, before)`:
    /// `after` is the first day past the last short stretch in the window, extended over the
    /// short stretches that follow it (the next start worth trying forwards), and `before` the
    /// first day of the first short stretch, extended back over the short stretches before it
    /// (what an end must not pass backwards). `None` when it fits.
    pub fn overload(&self, r: usize, start: Day, end: Day, units: Units) -> Option<(Day, Day)> {
        let line = &self.lines[r];
        let units = i64::from(units);
        if start >= end {
            return None;
        }
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
        let (first, mut last) = (first?, last?);
        while last + 1 < line.len() && short(last + 1) {
            last += 1;
        }
        let after = line.get(last + 1).map_or(Day::MAX, |p| p.0);
        let mut first = first;
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
        let line = &mut self.lines[r];
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
        let line = &self.lines[r];
        line[Self::stretch_at(line, day)].1
    }

    /// The first day at or after `from` on which `r` has less than `units` free, if any
    /// (`units` 0: the first overloaded day).
    pub fn first_day_short(&self, r: usize, from: Day, units: Units) -> Option<Day> {
        let line = &self.lines[r];
        let units = i64::from(units);
        let begin = Self::stretch_at(line, from);
        line[begin..]
            .iter()
            .find(|p| p.1 < units)
            .map(|p| p.0.max(from))
    }

    /// Change points of `r`'s free capacity (for tests).
    #[cfg(test)]
    fn points(&self, r: usize) -> &[(Day, i64)] {
        &self.lines[r][1..]
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
        assert_eq!(p.points(0), &[(0, 0), (3000, 1)]);
        assert_eq!(p.overload(0, 0, 3, 1), Some((3000, 0)));
        p.remove(0, 0, 3, 1);
        assert_eq!(p.points(0), &[(3, 0), (3000, 1)]);
        p.clear();
        assert_eq!(p.points(0), &[]);
    }

    #[test]
    fn overloads_show_as_negative_free_capacity() {
        let mut p = Profile::new(&[2]);
        p.add(0, 0, 4, 2);
        p.add(0, 2, 6, 1);
        assert_eq!(p.free_at(0, 3), -1);
        assert_eq!(p.first_day_short(0, Day::MIN, 0), Some(2));
    }
}
