//! Seeded synthetic problems for benchmarks and tests: a roadmap-like portfolio (layered
//! dependencies, calendar months, milestones, priorities, a few scarce resources) and
//! PSPLIB-like RCPSP instances (days, four resources, no releases).

use chrono::NaiveDate;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::problem::{Activity, Day, Link, LinkKind, Problem, Units};
use crate::calendar::Span;

fn origin() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default()
}

/// A portfolio of `n` projects in layers of about 40, each depending on one to four projects of
/// the previous three layers (about 2.5 links per project: mostly finish-to-start, some
/// start-to-start, with lags), 5% milestones, durations from 2 weeks to 18 months, priorities 1
/// to 5, and — when `resources` — three resources that about 40% of projects each need and that
/// cannot run everything at once.
pub fn portfolio(n: usize, resources: bool, seed: u64) -> Problem {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let layer_size = 40;
    let mut activities = Vec::with_capacity(n);
    let mut links = Vec::with_capacity(n * 5 / 2);
    for a in 0..n {
        let duration = match rng.random_range(0..20) {
            0 => Span::ZERO,
            1..=7 => Span::Months(rng.random_range(1..=18)),
            _ => Span::Days(rng.random_range(14..=180)),
        };
        let mut demands = Vec::new();
        if resources {
            for r in 0..3 {
                if rng.random_bool(0.4) {
                    demands.push((r, rng.random_range(1..=4) * 500));
                }
            }
        }
        let due = if rng.random_bool(0.05) {
            Some(rng.random_range(365..3650))
        } else {
            None
        };
        activities.push(Activity {
            duration,
            release: if rng.random_bool(0.1) {
                rng.random_range(0..730)
            } else {
                0
            },
            due,
            priority: rng.random_range(1..=5),
            demands,
        });
        let layer = a / layer_size;
        if layer == 0 {
            continue;
        }
        let first = layer.saturating_sub(3) * layer_size;
        let last = layer * layer_size; // exclusive: earlier layers only, so links stay acyclic
        // Two or three links on average (one to four), to distinct predecessors.
        let count = rng.random_range(1..=4);
        let mut chosen: Vec<usize> = Vec::with_capacity(count);
        for _ in 0..count {
            let from = rng.random_range(first..last);
            if chosen.contains(&from) {
                continue;
            }
            chosen.push(from);
            let kind = if rng.random_bool(0.8) {
                LinkKind::FinishToStart
            } else {
                LinkKind::StartToStart
            };
            let lag = match rng.random_range(0..10) {
                0 => Span::Months(rng.random_range(1..=3)),
                1 | 2 => Span::Days(rng.random_range(1..=30)),
                _ => Span::ZERO,
            };
            links.push(Link {
                from,
                to: a,
                kind,
                lag,
            });
        }
    }
    // About as much resource work per day as the critical path allows: resources bind without
    // making the plan absurdly long.
    let capacities = if resources {
        vec![30_000, 40_000, 25_000]
    } else {
        Vec::new()
    };
    Problem {
        origin: origin(),
        activities,
        links,
        capacities,
        capacity_changes: Vec::new(),
        budgets: Default::default(),
        calendar: None,
    }
}

/// A PSPLIB-like single-mode RCPSP instance with `n` activities: durations 1..10 days, each
/// activity needs each of four resources with probability 1/2 (1..10 units), one to three
/// successors among later activities, and capacities halfway between the largest single demand
/// and the peak of the early-start schedule (resource strength 0.2).
pub fn rcpsp_like(n: usize, seed: u64) -> Problem {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let resources = 4;
    let activities: Vec<Activity> = (0..n)
        .map(|_| {
            let mut demands = Vec::new();
            for r in 0..resources {
                if rng.random_bool(0.5) {
                    demands.push((r, rng.random_range(1..=10) as Units));
                }
            }
            Activity {
                duration: Span::Days(rng.random_range(1..=10)),
                release: 0,
                due: None,
                priority: 3,
                demands,
            }
        })
        .collect();
    let mut links = Vec::new();
    for a in 0..n.saturating_sub(1) {
        let count = rng.random_range(1..=3);
        let mut chosen = Vec::new();
        for _ in 0..count {
            let to = rng.random_range(a + 1..n.min(a + 1 + n / 4 + 2));
            if !chosen.contains(&to) {
                chosen.push(to);
                links.push(Link {
                    from: a,
                    to,
                    kind: LinkKind::FinishToStart,
                    lag: Span::ZERO,
                });
            }
        }
    }
    // Capacities from the early-start peak, which needs the early dates.
    let mut start = vec![0 as Day; n];
    for a in 0..n {
        for link in links.iter().filter(|l| l.to == a) {
            let Span::Days(d) = activities[link.from].duration else {
                continue;
            };
            start[a] = start[a].max(start[link.from] + d as Day);
        }
    }
    let mut capacities = Vec::new();
    for r in 0..resources {
        let largest = activities
            .iter()
            .flat_map(|a| a.demands.iter().filter(|d| d.0 == r).map(|d| d.1))
            .max()
            .unwrap_or(1);
        let mut usage = std::collections::BTreeMap::<Day, i64>::new();
        for (a, activity) in activities.iter().enumerate() {
            let Span::Days(d) = activity.duration else {
                continue;
            };
            for &(_, units) in activity.demands.iter().filter(|d| d.0 == r) {
                *usage.entry(start[a]).or_default() += i64::from(units);
                *usage.entry(start[a] + d as Day).or_default() -= i64::from(units);
            }
        }
        let mut level = 0;
        let mut peak = 0;
        for delta in usage.values() {
            level += delta;
            peak = peak.max(level);
        }
        let peak = Units::try_from(peak).unwrap_or(largest).max(largest);
        capacities.push(largest + (peak - largest) / 5);
    }
    Problem {
        origin: origin(),
        activities,
        links,
        capacities,
        capacity_changes: Vec::new(),
        budgets: Default::default(),
        calendar: None,
    }
}

/// [`portfolio`] with three yearly budgets: each project pays from each budget with
/// probability 0.4, between 20,000 and 400,000 (in cents here, like the engine), and each cap is
/// 1.1 times the budget's total over the years of the plan without caps (never less than the
/// largest single payment), so the caps bind in the busy years and the plan slips somewhat.
pub fn portfolio_with_budgets(n: usize, resources: bool, seed: u64) -> Problem {
    use super::budget::Budgets;
    let mut problem = portfolio(n, resources, seed);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed_b0d6);
    let budgets = 3;
    let mut totals = [0i64; 3];
    let mut largest = 0i64;
    let spend: Vec<Vec<(usize, i64)>> = (0..n)
        .map(|_| {
            let mut spend = Vec::new();
            for (b, total) in totals.iter_mut().enumerate() {
                if rng.random_bool(0.4) {
                    let cents = rng.random_range(20_000..=400_000i64) * 100;
                    *total += cents;
                    largest = largest.max(cents);
                    spend.push((b, cents));
                }
            }
            spend
        })
        .collect();
    let unconstrained = super::plan(
        &problem,
        &super::Options {
            effort: super::Effort::Fast,
            seed,
        },
    )
    .map_or(3650, |s| s.makespan.max(365));
    let years = i64::from(unconstrained) / 365 + 1;
    problem.budgets = Budgets {
        caps: (0..budgets)
            .map(|b| (totals[b] * 11 / 10 / years).max(largest))
            .collect(),
        spend,
    };
    problem
}
