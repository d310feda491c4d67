//! Resource usage over time as a skyline: per resource, the sorted days where usage changes.
//!
//! Memory and work grow with the number of activities, not with the length of the horizon, so a
//! plan spanning centuries costs no more than one spanning weeks.

use super::problem::{Day, Units};

/// Usage per resource: `(day, units)` points, each giving the usage from that day until the next
/// point. Before the first point usage is 0, and the last point always drops back to 0.
#[derive(Clone, Debug, Default)]
pub(crate) struct Profile {
    lines: Vec<Vec<(Day, Units)>>,
}

impl Profile {
    pub fn new(resources: usize) -> Profile {
        Profile {
            lines: vec![Vec::new(); resources],
        }
    }

    /// Empties every line, keeping the memory for the next schedule.
    pub fn clear(&mut self) {
        for line in &mut self.lines {
            line.clear();
        }
    }

    /// Index of the point whose stretch contains `day`, or `None` before the first point.
    fn stretch_at(line: &[(Day, Units)], day: Day) -> Option<usize> {
        line.partition_point(|p| p.0 <= day).checked_sub(1)
    }

    /// Where `[start, end)` would push usage above `limit`: the end of the last overloaded
    /// stretch (the next start worth trying when searching forwards) and the beginning of the first
    /// one (what a start must end by when searching backwards). `None` when it fits.
    pub fn overload(&self, r: usize, start: Day, end: Day, limit: Units) -> Option<(Day, Day)> {
        let line = &self.lines[r];
        if start >= end || line.is_empty() {
            return None;
        }
        let mut i = Self::stretch_at(line, start).unwrap_or(0);
        let mut found: Option<(Day, Day)> = None;
        while i < line.len() && line[i].0 < end {
            let (day, units) = line[i];
            // The last point carries 0 units, so an overloaded stretch always has a successor.
            if units > limit && i + 1 < line.len() {
                let stretch_end = line[i + 1].0;
                found = Some(match found {
                    None => (stretch_end, day),
                    Some((_, first)) => (stretch_end, first),
                });
            }
            i += 1;
        }
        found
    }

    /// Ensures a point at `day` and returns its index.
    fn split_at(line: &mut Vec<(Day, Units)>, day: Day) -> usize {
        let i = line.partition_point(|p| p.0 < day);
        if i == line.len() || line[i].0 != day {
            let units = if i > 0 { line[i - 1].1 } else { 0 };
            line.insert(i, (day, units));
        }
        i
    }

    /// Adds `units` on every day of `[start, end)`.
    pub fn add(&mut self, r: usize, start: Day, end: Day, units: Units) {
        if start >= end || units == 0 {
            return;
        }
        let line = &mut self.lines[r];
        let first = Self::split_at(line, start);
        let last = Self::split_at(line, end);
        for point in &mut line[first..last] {
            point.1 = point.1.saturating_add(units);
        }
    }

    /// Takes back `units` added on `[start, end)` by [`Profile::add`].
    pub fn remove(&mut self, r: usize, start: Day, end: Day, units: Units) {
        if start >= end || units == 0 {
            return;
        }
        let line = &mut self.lines[r];
        let first = line.partition_point(|p| p.0 < start);
        let last = line.partition_point(|p| p.0 < end);
        for point in &mut line[first..last] {
            point.1 = point.1.saturating_sub(units);
        }
    }

    /// Usage of resource `r` on `day`.
    pub fn usage_at(&self, r: usize, day: Day) -> Units {
        let line = &self.lines[r];
        Self::stretch_at(line, day).map_or(0, |i| line[i].1)
    }

    /// The first day at or after `from` on which usage of `r` exceeds `limit`, if any.
    pub fn first_day_above(&self, r: usize, from: Day, limit: Units) -> Option<Day> {
        let line = &self.lines[r];
        let mut i = Self::stretch_at(line, from).unwrap_or(0);
        while i < line.len() {
            if line[i].1 > limit {
                return Some(line[i].0.max(from));
            }
            i += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_and_finds_overloads() {
        let mut p = Profile::new(1);
        p.add(0, 2, 5, 3);
        p.add(0, 4, 8, 2);
        assert_eq!(p.usage_at(0, 1), 0);
        assert_eq!(p.usage_at(0, 4), 5);
        assert_eq!(p.usage_at(0, 7), 2);
        assert_eq!(p.usage_at(0, 8), 0);
        // limit 2: [0, 10) overloads on [2,4) and [4,5): restart at 5, end by 2.
        assert_eq!(p.overload(0, 0, 10, 2), Some((5, 2)));
        assert_eq!(p.overload(0, 5, 10, 2), None);
        assert_eq!(p.overload(0, 0, 2, 0), None);
        assert_eq!(p.first_day_above(0, 0, 3), Some(4));
        assert_eq!(p.first_day_above(0, 5, 2), None);
    }
}
