//! Hand-computed plans of small networks.

use super::*;
use crate::calendar::Span;

fn activity(days: u32, priority: u8, demands: Vec<(usize, Units)>) -> Activity {
    Activity {
        duration: Span::Days(days),
        release: 0,
        due: None,
        priority,
        demands,
    }
}

fn link(from: usize, to: usize) -> Link {
    Link {
        from,
        to,
        kind: LinkKind::FinishToStart,
        lag: Span::ZERO,
    }
}

fn problem(activities: Vec<Activity>, links: Vec<Link>, capacities: Vec<Units>) -> Problem {
    Problem {
        origin: "2024-01-01".parse().unwrap(),
        activities,
        links,
        capacities,
        capacity_changes: Vec::new(),
        budgets: Default::default(),
        calendar: None,
    }
}

#[test]
fn without_conflicts_the_plan_is_the_cpm_schedule() {
    // a(3) -> b(2), a -> c(5) -> d(1); b and c share a roomy resource.
    let p = problem(
        vec![
            activity(3, 3, vec![]),
            activity(2, 3, vec![(0, 1000)]),
            activity(5, 3, vec![(0, 1000)]),
            activity(1, 3, vec![]),
        ],
        vec![link(0, 1), link(0, 2), link(2, 3)],
        vec![2000],
    );
    let s = plan(&p, &Options::default()).unwrap();
    assert_eq!(s.start, vec![0, 3, 3, 8]);
    assert_eq!(s.start, s.early_start);
    assert_eq!(s.end, vec![3, 5, 8, 9]);
    assert_eq!(s.makespan, 9);
    assert_eq!(s.total_slack, vec![0, 4, 0, 0]);
    assert_eq!(s.free_slack, vec![0, 4, 0, 0]);
    assert_eq!(s.critical_chains, vec![vec![0, 2, 3]]);
    assert_eq!(s.critical_chain_count, 1);
    assert_eq!(s.wave, vec![0, 1, 1, 2]);
    assert_eq!(
        s.held_back,
        vec![Hold::NotHeld, Hold::Link(0), Hold::Link(1), Hold::Link(2)]
    );
    assert_eq!(s.stats.schedules, 1);
    assert_eq!(usage(&p, &s, 0), vec![(3, 2000), (5, 1000), (8, 0)]);
}

#[test]
fn priority_decides_who_goes_first_on_a_full_resource() {
    // Two independent 4-day projects that each need the whole team.
    let p = problem(
        vec![
            activity(4, 3, vec![(0, 1000)]),
            activity(4, 1, vec![(0, 1000)]),
        ],
        vec![],
        vec![1000],
    );
    let s = plan(&p, &Options::default()).unwrap();
    assert_eq!(s.start, vec![4, 0]);
    assert_eq!(s.makespan, 8);
    assert_eq!(s.held_back[0], Hold::Resource { resource: 0, by: 1 });
    assert_eq!(s.held_back[1], Hold::NotHeld);
    // The resource precedence makes both critical: slack never claims room the team lacks.
    assert_eq!(s.total_slack, vec![0, 0]);
    assert_eq!(s.critical_chains, vec![vec![1, 0]]);
    assert_eq!(s.order, vec![1, 0]);
}

#[test]
fn due_dates_beat_a_shorter_plan() {
    // a(2) and b(6) need the whole resource; c(5) follows a and needs none. Shortest: a, b
    // (c runs beside b, finish 8). With b due on day 6, b must go first: finish 13, no overrun.
    let mut b = activity(6, 3, vec![(0, 1)]);
    b.due = Some(6);
    let p = problem(
        vec![activity(2, 3, vec![(0, 1)]), b, activity(5, 3, vec![])],
        vec![link(0, 2)],
        vec![1],
    );
    let s = plan(&p, &Options::default()).unwrap();
    assert_eq!(s.start, vec![6, 0, 8]);
    assert_eq!(s.overrun, vec![0, 0, 0]);
    assert_eq!(s.makespan, 13);
}

#[test]
fn a_missed_due_date_reports_its_overrun() {
    let mut a = activity(10, 3, vec![]);
    a.due = Some(7);
    let s = plan(&problem(vec![a], vec![], vec![]), &Options::default()).unwrap();
    assert_eq!(s.overrun, vec![3]);
    assert_eq!(s.held_back, vec![Hold::NotHeld]);
}

#[test]
fn milestones_hold_no_resources_and_releases_hold_back() {
    let mut late = activity(3, 3, vec![(0, 1000)]);
    late.release = 5;
    let p = problem(
        vec![
            activity(0, 3, vec![(0, 5000)]),
            late,
            activity(0, 3, vec![]),
        ],
        vec![link(0, 1), link(1, 2)],
        vec![1000],
    );
    let s = plan(&p, &Options::default()).unwrap();
    assert_eq!(s.start, vec![0, 5, 8]);
    assert_eq!(s.end, vec![0, 8, 8]);
    assert_eq!(
        s.held_back,
        vec![Hold::NotHeld, Hold::Release, Hold::Link(1)]
    );
}

#[test]
fn cycles_and_bad_indices_are_errors_not_panics() {
    let p = problem(
        vec![
            activity(1, 3, vec![]),
            activity(1, 3, vec![]),
            activity(1, 3, vec![]),
        ],
        vec![link(0, 1), link(1, 2), link(2, 1)],
        vec![],
    );
    assert_eq!(
        plan(&p, &Options::default()),
        Err(ScheduleError::Cycle(vec![1, 2, 1]))
    );
    let p = problem(vec![activity(1, 3, vec![])], vec![link(0, 0)], vec![]);
    assert_eq!(
        plan(&p, &Options::default()),
        Err(ScheduleError::Cycle(vec![0, 0]))
    );
    let p = problem(vec![activity(1, 3, vec![(1, 1)])], vec![], vec![5]);
    assert!(matches!(
        plan(&p, &Options::default()),
        Err(ScheduleError::UnknownResource { .. })
    ));
    let p = problem(vec![activity(1, 3, vec![(0, 6)])], vec![], vec![5]);
    assert!(matches!(
        plan(&p, &Options::default()),
        Err(ScheduleError::OverCapacity { .. })
    ));
    let p = problem(vec![activity(1, 3, vec![])], vec![link(0, 3)], vec![]);
    assert!(matches!(
        plan(&p, &Options::default()),
        Err(ScheduleError::UnknownActivity { .. })
    ));
}

#[test]
fn empty_problem_plans_to_nothing() {
    let s = plan(&problem(vec![], vec![], vec![]), &Options::default()).unwrap();
    assert_eq!(s.makespan, 0);
    assert!(s.critical_chains.is_empty());
    assert_eq!(s.critical_chain_count, 0);
}

#[test]
fn resource_conflicts_respect_capacity_and_links() {
    // Classic 6-activity example: capacity 4.
    let p = problem(
        vec![
            activity(3, 3, vec![(0, 2)]),
            activity(4, 3, vec![(0, 3)]),
            activity(2, 3, vec![(0, 4)]),
            activity(3, 3, vec![(0, 1)]),
            activity(2, 3, vec![(0, 2)]),
            activity(1, 3, vec![(0, 3)]),
        ],
        vec![link(0, 2), link(1, 3), link(2, 4), link(3, 5)],
        vec![4],
    );
    let s = plan(&p, &Options::default()).unwrap();
    for &(day, units) in &usage(&p, &s, 0) {
        assert!(units <= 4, "day {day}: {units}");
    }
    for l in &p.links {
        assert!(s.start[l.to] >= s.end[l.from]);
    }
    assert!(s.total_slack.iter().all(|&x| x >= 0));
    assert_eq!(
        s.late_start
            .iter()
            .zip(&s.start)
            .filter(|(l, s)| l < s)
            .count(),
        0
    );
}

#[test]
fn month_end_clamping_leaves_no_slack_where_the_end_cannot_move() {
    // Dec 30 and Dec 31 + 6 months both end on Jun 30: the one day between is no slack.
    let mut p = problem(vec![activity(0, 3, vec![])], vec![], vec![]);
    p.origin = "2024-12-30".parse().unwrap();
    p.activities[0].duration = Span::Months(6);
    let s = plan(&p, &Options::default()).unwrap();
    assert_eq!(s.total_slack, vec![0]);
    assert_eq!(s.free_slack, vec![0]);
    assert_eq!(s.critical_chains, vec![vec![0]]);

    // The same before a successor: the chain is critical end to end.
    let mut p = problem(
        vec![activity(0, 3, vec![]), activity(10, 3, vec![])],
        vec![link(0, 1)],
        vec![],
    );
    p.origin = "2024-12-30".parse().unwrap();
    p.activities[0].duration = Span::Months(6);
    let s = plan(&p, &Options::default()).unwrap();
    assert_eq!(s.total_slack, vec![0, 0]);
    assert_eq!(s.critical_chains, vec![vec![0, 1]]);
}

#[test]
fn a_due_date_bounds_late_dates_through_the_backward_pass() {
    // a(3) -> b(2, due day 5); c(20) ends the plan. Without the due date a and b could slip
    // 15 days; b is due exactly when it ends, so both are critical, on their own chain.
    let mut p = problem(
        vec![
            activity(3, 3, vec![]),
            activity(2, 3, vec![]),
            activity(20, 3, vec![]),
        ],
        vec![link(0, 1)],
        vec![],
    );
    p.activities[1].due = Some(5);
    let s = plan(&p, &Options::default()).unwrap();
    assert_eq!(s.total_slack, vec![0, 0, 0]);
    assert_eq!(s.late_start, vec![0, 3, 0]);
    assert!(s.critical.iter().all(|&c| c));
    // A due date with room to spare leaves that much slack, to the predecessor too.
    p.activities[1].due = Some(9);
    let s = plan(&p, &Options::default()).unwrap();
    assert_eq!(s.total_slack, vec![4, 4, 0]);
    assert_eq!(s.critical_chains, vec![vec![2]]);
}

#[test]
fn every_critical_chain_is_listed_and_counted() {
    // Two parallel critical branches a -> c and b -> c, then d after c: two chains to d.
    let p = problem(
        vec![
            activity(3, 3, vec![]),
            activity(3, 1, vec![]),
            activity(2, 3, vec![]),
            activity(1, 3, vec![]),
            activity(1, 3, vec![]),
        ],
        vec![link(0, 2), link(1, 2), link(2, 3)],
        vec![],
    );
    let s = plan(&p, &Options::default()).unwrap();
    assert_eq!(s.critical, vec![true, true, true, true, false]);
    // Priority first among predecessors: b (priority 1) before a.
    assert_eq!(s.critical_chains, vec![vec![1, 2, 3], vec![0, 2, 3]]);
    assert_eq!(s.critical_chain_count, 2);
    for (a, &critical) in s.critical.iter().enumerate() {
        assert_eq!(critical, s.critical_chains.iter().any(|c| c.contains(&a)));
    }
}

#[test]
fn budgets_shrink_with_size_and_keep_their_floor() {
    for effort in [Effort::Fast, Effort::Default, Effort::Thorough] {
        for on in [Schedules::OnProfile, Schedules::OnDayGrid] {
            let mut previous = u64::MAX;
            for n in [
                1, 30, 122, 300, 1_000, 10_000, 20_000, 20_001, 100_000, 1_000_000,
            ] {
                let budget = effort.budget(n, on);
                assert!(
                    budget <= previous,
                    "{effort:?} {on:?}: {n} activities get more than fewer do"
                );
                assert!(budget >= if n > 20_000 { 3 } else { 12 }, "{effort:?}: {n}");
                previous = budget;
            }
        }
    }
    let default = |n, on| Effort::Default.budget(n, on);
    // The benchmark size gets the whole default budget's worth of work; 10,000 competing
    // projects get a handful of schedules, so the whole process stays under half a second.
    for on in [Schedules::OnProfile, Schedules::OnDayGrid] {
        assert!(default(122, on) >= 110_000);
        assert!(Effort::Thorough.budget(122, on) >= 5 * default(122, on));
    }
    assert!(default(10_000, Schedules::OnProfile) <= 25);
    // On the day grid a 300-activity instance gets twice the schedules (a placement there costs
    // less as the plan grows); below 160 activities the grid changes nothing.
    assert_eq!(
        default(300, Schedules::OnDayGrid),
        2 * default(300, Schedules::OnProfile)
    );
    assert_eq!(
        default(150, Schedules::OnDayGrid),
        default(150, Schedules::OnProfile)
    );
}
