//! Free capacity of up to four resources kept as one row per day: the schedule generation's
//! fastest path, for day-based problems whose every serial schedule fits a short window (the
//! standard benchmarks and most resource-levelled roadmaps).
//!
//! A day's row holds every resource's free units side by side, so checking whether an
//! activity fits on a day, or taking its units, is one comparison or one addition across the
//! row instead of one per resource line (about a third of a schedule's work on instances whose
//! activities each need every resource).

use std::ops::Range;

use super::network::Network;
use super::problem::Day;
use super::profile::{Profile, first_fit, last_fit};

/// Resources a row holds; a problem with more uses the per-resource [`Profile`].
const LANES: usize = 4;

/// Units per resource (unused lanes are 0, and 0 units always fit).
type Row = [i32; LANES];

/// Whether `need` fits in `free` on every resource. Without short-circuiting, so that the
/// comparison runs across the whole row at once.
fn fits(free: &Row, need: &Row) -> bool {
    free.iter().zip(need).fold(true, |ok, (f, n)| ok & (f >= n))
}

pub(crate) struct Grid {
    /// The day of row 0.
    offset: Day,
    rows: Vec<Row>,
    /// The rows with nothing placed, restored by [`Grid::clear`].
    empty: Vec<Row>,
    /// The rows changed since the last clear: only they are restored.
    changed: Range<usize>,
    /// Units each activity needs, by resource.
    needs: Vec<Row>,
    /// Each activity's length in days.
    lengths: Vec<usize>,
}

impl Grid {
    /// The grid for `net` over the day window `(from, to)`, or `None` when the problem does not
    /// qualify: more than four resources, a length that depends on the start, units beyond
    /// `i32`, yearly budgets (the general path weighs them), a capacity change outside the
    /// window, or a demand that the capacity outside the window could not hold (the general
    /// path then looks beyond the window).
    pub fn new(net: &Network, (from, to): (Day, Day)) -> Option<Grid> {
        let problem = net.problem;
        if problem.capacities.len() > LANES || !problem.budgets.is_empty() || from >= to {
            return None;
        }
        let days = usize::try_from(i64::from(to) - i64::from(from)).ok()?;
        let mut empty = vec![[0; LANES]; days];
        // The capacity before and after the window, per resource (the steps lie inside).
        let mut outside = [i32::MAX; LANES];
        for (r, line) in Profile::capacity_lines(problem).iter().enumerate() {
            if line[1..].iter().any(|&(day, _)| day <= from || day >= to) {
                return None;
            }
            for (i, &(day, units)) in line.iter().enumerate() {
                let units = i32::try_from(units).ok()?;
                let first = if i == 0 { 0 } else { (day - from) as usize };
                for row in &mut empty[first..] {
                    row[r] = units;
                }
                if i == 0 || i == line.len() - 1 {
                    outside[r] = outside[r].min(units);
                }
            }
        }
        let mut needs = Vec::with_capacity(net.len());
        let mut lengths = Vec::with_capacity(net.len());
        for a in 0..net.len() {
            let mut need: Row = [0; LANES];
            for &(r, units) in &net.demands[a] {
                need[r] = need[r].checked_add(i32::try_from(units).ok()?)?;
            }
            if !fits(&outside, &need) {
                return None;
            }
            needs.push(need);
            lengths.push(usize::try_from(net.fixed_length(a)?).ok()?);
        }
        Some(Grid {
            offset: from,
            rows: empty.clone(),
            empty,
            changed: 0..0,
            needs,
            lengths,
        })
    }

    /// Takes back everything placed.
    pub fn clear(&mut self) {
        let changed = std::mem::replace(&mut self.changed, 0..0);
        self.rows[changed.clone()].copy_from_slice(&self.empty[changed]);
    }

    /// `day`'s row, if the window holds it.
    fn row_of(&self, day: Day) -> Option<usize> {
        usize::try_from(i64::from(day) - i64::from(self.offset)).ok()
    }

    /// The earliest start of `a` at or after `start` at which it fits, `None` when not within
    /// the window.
    pub fn earliest_fit(&self, a: usize, start: Day) -> Option<Day> {
        let need = &self.needs[a];
        if *need == [0; LANES] {
            return Some(start);
        }
        let from = self.row_of(start)?;
        first_fit(from, self.lengths[a], self.rows.len(), |i| {
            fits(&self.rows[i], need)
        })
        .map(|i| self.offset + i as Day)
    }

    /// The latest start of `a` at or before `start` at which it fits, `None` when not within
    /// the window.
    pub fn latest_fit(&self, a: usize, start: Day) -> Option<Day> {
        let need = &self.needs[a];
        if *need == [0; LANES] {
            return Some(start);
        }
        let from = self.row_of(start)?;
        last_fit(from, self.lengths[a], self.rows.len(), |i| {
            fits(&self.rows[i], need)
        })
        .map(|i| self.offset + i as Day)
    }

    /// Takes `a`'s units from `start` on, for its length. The start must come from
    /// [`Grid::earliest_fit`] or [`Grid::latest_fit`] (so the run lies within the window).
    pub fn place(&mut self, a: usize, start: Day) {
        let need = &self.needs[a];
        let Some(first) = self.row_of(start).filter(|_| *need != [0; LANES]) else {
            return;
        };
        let days = first..first + self.lengths[a];
        if days.start == days.end {
            return;
        }
        self.changed = if self.changed.start == self.changed.end {
            days.clone()
        } else {
            self.changed.start.min(days.start)..self.changed.end.max(days.end)
        };
        for row in &mut self.rows[days] {
            for (free, units) in row.iter_mut().zip(need) {
                *free -= units;
            }
        }
    }
}
