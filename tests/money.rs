//! Money in the planner and the reports: yearly caps are never exceeded when a plan within them
//! exists, plans stay reproducible, and the rules behind them hold on random problems.
//! `PROPTEST_CASES` raises the number of cases.

use proptest::prelude::*;
use roadmap::schedule::budget::{Budgets, Years};
use roadmap::schedule::{Effort, Hold, Options, Problem, plan, synth};

/// Spend of every budget in every year of a plan.
fn yearly(
    problem: &Problem,
    start: &[i32],
    end: &[i32],
) -> Vec<std::collections::BTreeMap<i32, i64>> {
    let years = Years::of(problem);
    let mut out = vec![std::collections::BTreeMap::new(); problem.budgets.caps.len()];
    for a in 0..problem.activities.len() {
        for &(b, cents) in problem.budgets.of(a) {
            years.spread(cents, start[a], end[a], |year, part| {
                *out[b].entry(year).or_insert(0) += part;
            });
        }
    }
    out
}

/// A portfolio of `n` projects, with budgets whose caps are `tightness` times the average
/// yearly need and at least every single payment (so each project fits in an empty year).
fn capped(n: usize, seed: u64, tightness: i64) -> Problem {
    let mut problem = synth::portfolio_with_budgets(n, seed % 2 == 0, seed);
    let largest = problem
        .budgets
        .spend
        .iter()
        .flatten()
        .map(|s| s.1)
        .max()
        .unwrap_or(0);
    for cap in &mut problem.budgets.caps {
        *cap = (*cap * tightness / 10).max(largest);
    }
    problem
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn no_capped_source_is_ever_over_its_yearly_cap(
        n in 1usize..60,
        seed in any::<u64>(),
        tightness in 2i64..12,
        fast in any::<bool>(),
    ) {
        let problem = capped(n, seed, tightness);
        let effort = if fast { Effort::Fast } else { Effort::Default };
        let solution = plan(&problem, &Options { effort, seed: 3 }).unwrap();
        for (b, years) in yearly(&problem, &solution.start, &solution.end).iter().enumerate() {
            for (year, spent) in years {
                prop_assert!(
                    *spent <= problem.budgets.caps[b],
                    "budget {} pays {} in {}, cap {}", b, spent, year, problem.budgets.caps[b]
                );
            }
        }
        // Links and releases still hold, and the plan is reproducible.
        for link in &problem.links {
            prop_assert!(solution.start[link.to] >= problem.activities[link.to].release);
        }
        let again = plan(&problem, &Options { effort, seed: 3 }).unwrap();
        prop_assert_eq!(&again.start, &solution.start);
        prop_assert_eq!(&again.held_back, &solution.held_back);
    }
}

#[test]
fn a_cap_delays_a_project_until_the_year_has_room() {
    use roadmap::model::span::Span;
    use roadmap::schedule::Activity;
    let activity = || Activity {
        duration: Span::Months(12),
        release: 0,
        due: None,
        priority: 3,
        demands: vec![],
    };
    let problem = Problem {
        origin: "2020-01-01".parse().unwrap(),
        activities: vec![activity(), activity()],
        links: vec![],
        capacities: vec![],
        budgets: Budgets {
            caps: vec![100_000],
            spend: vec![vec![(0, 100_000)], vec![(0, 60_000)]],
        },
    };
    let s = plan(&problem, &Options::default()).unwrap();
    // The smaller one first; the larger starts once 2020 has room for its share of that year
    // (60,000 + 100,000 x 146/365 = 100,000), not a whole year later.
    assert_eq!(s.start, vec![220, 0]);
    assert_eq!(
        s.held_back[0],
        Hold::Budget {
            budget: 0,
            year: 2020
        }
    );
    let spent = yearly(&problem, &s.start, &s.end);
    assert_eq!(
        spent[0].values().copied().collect::<Vec<_>>(),
        vec![100_000, 60_000]
    );
}

#[test]
fn a_project_that_can_never_fit_is_placed_at_its_earliest_and_planning_ends() {
    use roadmap::model::span::Span;
    use roadmap::schedule::Activity;
    let problem = Problem {
        origin: "2020-01-01".parse().unwrap(),
        activities: vec![Activity {
            duration: Span::Days(100),
            release: 10,
            due: None,
            priority: 3,
            demands: vec![],
        }],
        links: vec![],
        capacities: vec![],
        budgets: Budgets {
            caps: vec![1_000],
            spend: vec![vec![(0, 5_000)]],
        },
    };
    let s = plan(&problem, &Options::default()).unwrap();
    assert_eq!(s.start, vec![10]);
}

#[test]
fn half_a_year_each_side_fits_a_cap_of_half_the_cost() {
    use roadmap::model::span::Span;
    use roadmap::schedule::Activity;
    // 12 months costing 2,000 under a cap of 1,000 a year: only a start on July 1-2 fits.
    let problem = Problem {
        origin: "2020-01-01".parse().unwrap(),
        activities: vec![Activity {
            duration: Span::Days(366),
            release: 0,
            due: None,
            priority: 3,
            demands: vec![],
        }],
        links: vec![],
        capacities: vec![],
        budgets: Budgets {
            caps: vec![1_000],
            spend: vec![vec![(0, 2_000)]],
        },
    };
    let s = plan(&problem, &Options::default()).unwrap();
    let spent = yearly(&problem, &s.start, &s.end);
    assert!(
        spent[0].values().all(|&c| c <= 1_000),
        "{spent:?} from {}",
        s.start[0]
    );
}

#[test]
fn the_benchmark_portfolio_stays_within_its_caps() {
    let problem = synth::portfolio_with_budgets(2_000, true, 1);
    let s = plan(
        &problem,
        &Options {
            effort: Effort::Fast,
            seed: 1,
        },
    )
    .unwrap();
    for (b, years) in yearly(&problem, &s.start, &s.end).iter().enumerate() {
        for spent in years.values() {
            assert!(*spent <= problem.budgets.caps[b]);
        }
    }
}
