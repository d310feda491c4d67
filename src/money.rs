//! Money before planning: what the planner and the rules need of money, with no plan yet.
//! Amounts in whole cents, the one tolerance every comparison of amounts allows, which sources
//! are capped, and the rules for "over a limit" and "not covered". What is read off a finished
//! plan (spend per year, over-cap years, gaps, opportunities) is [`crate::funding`].
//!
//! **Spreading rule.** A contribution is spread evenly over the days its project runs in the
//! plan: a year gets `amount × days in that year / days it runs`, in whole cents, rounded down
//! on the running total so the years add up to the amount exactly (the last year takes the
//! remainder). A milestone's contribution falls on its day. The engine applies it to the
//! numbers it is given (`schedule::budget::Years::spread`): the planner's cap check and every
//! figure of spend per year use that one function.

use crate::model::Roadmap;

/// Money in whole cents (the same integers as the engine's budgets).
pub type Cents = i64;

/// Amounts are compared to the cent: sums of decimal inputs carry float noise below that (every
/// money check and report allows this much, through [`over`] and [`uncovered`]).
pub const CENT: f64 = 0.005;

/// An amount in whole cents (validated amounts are at most 1e15, so this cannot overflow).
pub fn to_cents(value: f64) -> Cents {
    (value * 100.0).round() as Cents
}

pub fn from_cents(cents: Cents) -> f64 {
    cents as f64 / 100.0
}

/// Is `value` over `limit` by more than the tolerance? (committed beyond an amount, paid beyond
/// a yearly cap, a share or a per-project maximum).
pub fn over(value: f64, limit: f64) -> bool {
    value > limit + CENT
}

/// Is `value` under `floor` by more than the tolerance? (a contribution below `min_project`).
pub fn under(value: f64, floor: f64) -> bool {
    value + CENT < floor
}

/// What `funded` leaves of `cost` uncovered: 0 within the tolerance.
pub fn uncovered(cost: f64, funded: f64) -> f64 {
    if under(funded, cost) {
        cost - funded
    } else {
        0.0
    }
}

/// The sources with a `per_year` cap, in file order: budget `b` of the engine is source
/// `capped(roadmap)[b]`.
pub fn capped(roadmap: &Roadmap) -> Vec<usize> {
    (0..roadmap.funding.len())
        .filter(|&s| roadmap.funding[s].per_year.is_some())
        .collect()
}

/// A project's cost against the funding that covers it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coverage {
    pub cost: f64,
    pub covered: f64,
    /// What the funding leaves uncovered (0 when covered, see [`uncovered`]).
    pub gap: f64,
}

pub fn coverage(roadmap: &Roadmap, project: usize) -> Coverage {
    let project = &roadmap.projects[project];
    let cost = project.cost.unwrap_or(0.0);
    let covered = project.funded();
    Coverage {
        cost,
        covered,
        gap: uncovered(cost, covered),
    }
}

/// Cost that no funding covers, summed over projects (the rule of [`uncovered`]).
pub fn uncovered_cost(roadmap: &Roadmap) -> f64 {
    (0..roadmap.projects.len())
        .map(|p| coverage(roadmap, p).gap)
        .sum()
}

/// Per funding source, how much of its commitments it cannot pay (0 within the tolerance).
pub fn shortfall(roadmap: &Roadmap) -> Vec<f64> {
    roadmap
        .committed()
        .iter()
        .zip(&roadmap.funding)
        .map(|(&committed, f)| {
            if over(committed, f.amount) {
                committed - f.amount
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_tolerance_for_every_comparison() {
        assert!(!over(100.004, 100.0));
        assert!(over(100.01, 100.0));
        assert!(!under(99.996, 100.0));
        assert!(under(99.99, 100.0));
        assert_eq!(uncovered(100.0, 99.999), 0.0);
        assert!((uncovered(100.0, 90.0) - 10.0).abs() < 1e-9);
        assert_eq!(uncovered(100.0, 120.0), 0.0);
    }

    #[test]
    fn cents_round_trip() {
        assert_eq!(to_cents(12.345), 1235);
        assert_eq!(from_cents(1235), 12.35);
    }
}
