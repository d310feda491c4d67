//! Invariants of the planner on random problems: links, releases, durations and capacities
//! always hold, output is reproducible, and on tiny problems the heuristic is (almost always)
//! optimal. `PROPTEST_CASES` raises the number of cases.

#[path = "../benches/support/psplib.rs"]
mod psplib;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use roadmap::calendar::Span;
use roadmap::schedule::{Activity, Effort, Link, LinkKind, Options, Problem, exact, plan, usage};

/// A random acyclic problem with `n` activities: links only from lower to higher indices.
fn random_problem(n: usize, seed: u64, general_links: bool, months: bool) -> Problem {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let resources = rng.random_range(1..=2);
    let capacities: Vec<u32> = (0..resources)
        .map(|_| rng.random_range(2..=6) * 500)
        .collect();
    let activities = (0..n)
        .map(|_| {
            let duration = match rng.random_range(0..10) {
                0 => Span::ZERO,
                1 if months => Span::Months(rng.random_range(1..=2)),
                _ => Span::Days(rng.random_range(1..=8)),
            };
            let mut demands = Vec::new();
            for (r, &capacity) in capacities.iter().enumerate() {
                if rng.random_bool(0.7) {
                    demands.push((r, rng.random_range(1..=capacity / 500) * 500));
                }
            }
            Activity {
                duration,
                release: if rng.random_bool(0.2) {
                    rng.random_range(0..10)
                } else {
                    0
                },
                due: if rng.random_bool(0.15) {
                    Some(rng.random_range(5..30))
                } else {
                    None
                },
                priority: rng.random_range(1..=5),
                demands,
            }
        })
        .collect();
    let mut links = Vec::new();
    for to in 1..n {
        for from in 0..to {
            if rng.random_bool(0.25) {
                let kinds = if general_links { 3 } else { 2 };
                let kind = match rng.random_range(0..kinds) {
                    0 => LinkKind::FinishToStart,
                    1 => LinkKind::StartToStart,
                    _ => LinkKind::FinishToFinish,
                };
                let lag = match rng.random_range(0..6) {
                    0 => Span::Days(rng.random_range(1..=4)),
                    1 if months => Span::Months(1),
                    _ => Span::ZERO,
                };
                links.push(Link {
                    from,
                    to,
                    kind,
                    lag,
                });
            }
        }
    }
    Problem {
        origin: "2024-01-30".parse().unwrap(),
        activities,
        links,
        capacities,
        capacity_changes: Vec::new(),
        budgets: Default::default(),
        calendar: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_plan_respects_links_releases_durations_and_capacities(
        n in 1usize..25,
        seed in any::<u64>(),
        months in any::<bool>(),
    ) {
        let problem = random_problem(n, seed, true, months);
        let options = Options { effort: Effort::Fast, seed: 7 };
        let solution = plan(&problem, &options).unwrap();
        prop_assert_eq!(solution.start.len(), n);
        psplib::feasible(&problem, &solution.start, &solution.end).map_err(TestCaseError::fail)?;
        for (r, &capacity) in problem.capacities.iter().enumerate() {
            for (day, units) in usage(&problem, &solution, r) {
                prop_assert!(units <= capacity, "resource {} over capacity on day {}", r, day);
            }
        }
        for a in 0..n {
            prop_assert!(solution.total_slack[a] >= 0 && solution.free_slack[a] >= 0);
            prop_assert!(solution.free_slack[a] <= solution.total_slack[a]);
            prop_assert!(solution.early_start[a] <= solution.start[a]);
            prop_assert!(solution.late_start[a] >= solution.start[a]);
        }
        let again = plan(&problem, &options).unwrap();
        prop_assert_eq!(&again.start, &solution.start);
        prop_assert_eq!(&again.late_start, &solution.late_start);
        prop_assert_eq!(&again.held_back, &solution.held_back);
        prop_assert_eq!(&again.critical_chains, &solution.critical_chains);
    }

    #[test]
    fn order_is_a_linear_extension_and_waves_follow_links(n in 1usize..40, seed in any::<u64>()) {
        let problem = random_problem(n, seed, true, false);
        let solution = plan(&problem, &Options { effort: Effort::Fast, seed: 1 }).unwrap();
        let mut position = vec![0; n];
        for (i, &a) in solution.order.iter().enumerate() {
            position[a] = i;
        }
        for link in &problem.links {
            prop_assert!(position[link.from] < position[link.to]);
            prop_assert!(solution.wave[link.to] > solution.wave[link.from]);
        }
    }
}

/// The heuristic against branch and bound on tiny problems with finish-to-start and
/// start-to-start links (where active schedules contain an optimum).
#[test]
fn the_heuristic_is_optimal_on_almost_all_tiny_problems() {
    let cases: u32 = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let mut runner = TestRunner::deterministic();
    let strategy = (2usize..=8, any::<u64>());
    let (mut solved, mut optimal, mut optimal_priorities) = (0, 0, 0);
    for _ in 0..cases {
        let (n, seed) = strategy.new_tree(&mut runner).unwrap().current();
        let problem = random_problem(n, seed, false, false);
        let Some(best) = exact::solve(&problem, 8, 2_000_000).unwrap() else {
            continue;
        };
        let solution = plan(
            &problem,
            &Options {
                effort: Effort::Fast,
                seed: 42,
            },
        )
        .unwrap();
        psplib::feasible(&problem, &solution.start, &solution.end).unwrap();
        let overrun: i64 = solution.overrun.iter().map(|&d| i64::from(d)).sum();
        let mut by_priority = [0i64; 5];
        for (a, activity) in problem.activities.iter().enumerate() {
            by_priority[usize::from(activity.priority.clamp(1, 5) - 1)] +=
                i64::from(solution.end[a]);
        }
        let found = (overrun, solution.makespan);
        assert!(
            found >= (best.overrun, best.finish),
            "heuristic beats the exact optimum"
        );
        solved += 1;
        if found == (best.overrun, best.finish) {
            optimal += 1;
            if by_priority == best.by_priority {
                optimal_priorities += 1;
            }
        }
    }
    eprintln!("optimal on {optimal}/{solved} (with priority tie-break {optimal_priorities})");
    assert!(solved >= cases * 9 / 10);
    assert!(
        optimal * 100 >= solved * 95,
        "optimal on only {optimal}/{solved}"
    );
}

/// `problem` on a Monday-to-Friday calendar with Bulgaria's holidays and a few extra days off,
/// its day durations and lags turned into working days.
fn on_working_days(mut problem: Problem, seed: u64) -> Problem {
    use roadmap::calendar::{OffReason, WorkCalendar};
    let mut calendar = WorkCalendar::new([true, true, true, true, true, false, false]);
    calendar.with_bulgaria(2024..=2030);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    for _ in 0..10 {
        let day = problem.origin + chrono::Days::new(rng.random_range(0..400));
        calendar.add_off(day, OffReason::Listed("closure".into()));
    }
    for a in &mut problem.activities {
        if let Span::Days(d) = a.duration {
            a.duration = Span::WorkingDays(d);
        }
    }
    for l in &mut problem.links {
        if let Span::Days(d) = l.lag {
            l.lag = Span::WorkingDays(d);
        }
    }
    problem.calendar = Some(calendar);
    problem
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn with_a_calendar_starts_are_working_days_and_wd_spans_count_exactly(
        n in 1usize..20,
        seed in any::<u64>(),
    ) {
        let problem = on_working_days(random_problem(n, seed, true, false), seed);
        let calendar = problem.calendar.clone().unwrap();
        let solution = plan(&problem, &Options { effort: Effort::Fast, seed: 3 }).unwrap();
        for a in 0..n {
            let start = problem.date(solution.start[a]);
            prop_assert!(calendar.is_working(start), "activity {} starts on {}", a, start);
            if let Span::WorkingDays(d) = problem.activities[a].duration {
                let worked = (solution.start[a]..solution.end[a])
                    .filter(|&day| calendar.is_working(problem.date(day)))
                    .count();
                prop_assert_eq!(worked, d as usize);
                if d > 0 {
                    prop_assert!(calendar.is_working(problem.date(solution.end[a] - 1)));
                }
            }
        }
        for (r, &capacity) in problem.capacities.iter().enumerate() {
            for (day, units) in usage(&problem, &solution, r) {
                prop_assert!(units <= capacity, "resource {} over capacity on day {}", r, day);
            }
        }
        for link in &problem.links {
            let (f, t) = (link.from, link.to);
            let bound = match link.kind {
                LinkKind::FinishToStart => problem.add(solution.end[f], link.lag) <= solution.start[t],
                LinkKind::StartToStart => problem.add(solution.start[f], link.lag) <= solution.start[t],
                LinkKind::FinishToFinish => problem.add(solution.end[f], link.lag) <= solution.end[t],
            };
            prop_assert!(bound, "link {:?} broken", link);
        }
    }
}

/// `problem` with one to three capacity steps per resource in its first 60 days: hiring and
/// shrinking, some below what an activity needs (it then waits), the last back at the
/// original capacity or above so that every activity fits some time.
fn with_capacity_steps(mut problem: Problem, seed: u64) -> Problem {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
    problem.capacity_changes = problem
        .capacities
        .iter()
        .map(|&capacity| {
            let mut day = 0;
            let count = rng.random_range(1..=3);
            (0..count)
                .map(|k| {
                    day += rng.random_range(1..=20);
                    let units = if k + 1 == count {
                        capacity + rng.random_range(0..=2) * 500
                    } else {
                        rng.random_range(0..=capacity / 500 + 2) * 500
                    };
                    (day, units)
                })
                .collect()
        })
        .collect();
    problem
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn with_stepped_capacity_no_day_is_over_its_capacity(
        n in 1usize..20,
        seed in any::<u64>(),
        calendar in any::<bool>(),
    ) {
        let mut problem = with_capacity_steps(random_problem(n, seed, true, false), seed);
        if calendar {
            problem = on_working_days(problem, seed);
        }
        let solution = plan(&problem, &Options { effort: Effort::Fast, seed: 5 }).unwrap();
        psplib::feasible(&problem, &solution.start, &solution.end).map_err(TestCaseError::fail)?;
        for r in 0..problem.capacities.len() {
            let used = usage(&problem, &solution, r);
            for (i, &(day, units)) in used.iter().enumerate() {
                let until = used.get(i + 1).map_or(day + 1, |next| next.0);
                // Each day of the stretch: its start and every capacity step inside it.
                let steps = problem.capacity_changes[r].iter().map(|s| s.0);
                for d in std::iter::once(day).chain(steps.filter(|&s| s > day && s < until)) {
                    prop_assert!(
                        units <= problem.capacity_at(r, d),
                        "resource {} uses {} on day {}, capacity {}", r, units, d, problem.capacity_at(r, d)
                    );
                }
            }
        }
        let bound = solution.stats.lower_bound.unwrap();
        prop_assert!(bound <= solution.makespan, "bound {} past the plan's finish {}", bound, solution.makespan);
    }

    /// A step to the capacity a resource already has changes nothing.
    #[test]
    fn a_step_that_keeps_the_capacity_plans_exactly_as_before(n in 1usize..25, seed in any::<u64>()) {
        let problem = random_problem(n, seed, true, false);
        let mut stepped = problem.clone();
        stepped.capacity_changes = problem.capacities.iter().map(|&c| vec![(15, c)]).collect();
        let options = Options { effort: Effort::Fast, seed: 9 };
        let (before, after) = (plan(&problem, &options).unwrap(), plan(&stepped, &options).unwrap());
        prop_assert_eq!(before.start, after.start);
        prop_assert_eq!(before.late_start, after.late_start);
        prop_assert_eq!(before.held_back, after.held_back);
        prop_assert_eq!(before.stats.lower_bound, after.stats.lower_bound);
    }
}

/// The lower bound stays a bound with stepped capacity: never past the optimum of tiny
/// problems (branch and bound).
#[test]
fn with_stepped_capacity_the_bound_never_passes_the_optimum() {
    let mut solved = 0;
    for seed in 0..60u64 {
        let problem = with_capacity_steps(random_problem(6, seed, false, false), seed);
        let Some(optimum) = exact::solve(&problem, 7, 200_000).unwrap() else {
            continue;
        };
        solved += 1;
        let bound = roadmap::schedule::lower_bound(&problem).unwrap();
        assert!(
            bound <= optimum.finish,
            "seed {seed}: bound {bound} > optimum {}",
            optimum.finish
        );
    }
    assert!(solved >= 40, "solved only {solved}");
}
