//! Critical path method: the forward pass (early dates) and the backward pass (late dates) over
//! the links, optionally with extra precedences that a resource-constrained plan adds.

use super::graph::{Arcs, Direction, any_order, keyed_order};
use super::network::Network;
use super::problem::Day;

/// Start and exclusive end of every activity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Dates {
    pub start: Vec<Day>,
    pub end: Vec<Day>,
}

impl Dates {
    pub fn finish(&self) -> Day {
        self.end.iter().copied().max().unwrap_or(0)
    }
}

/// Classic early dates: every activity as early as its release and links allow, in a forward
/// topological `order`.
pub(crate) fn early_dates(net: &Network, order: &[usize]) -> Dates {
    let n = net.len();
    let mut dates = Dates {
        start: vec![0; n],
        end: vec![0; n],
    };
    for &a in order {
        let start = net.earliest_start(a, &dates.start, &dates.end);
        dates.start[a] = start;
        dates.end[a] = net.end(a, start);
    }
    dates
}

/// The latest start of `a` that keeps every successor (by link or extra arc) at its date in
/// `after` and ends by `finish` and by its own due date (a deadline or the `until` of a window
/// that pays for it, as MS Project bounds late dates by deadlines). Carried back through the
/// backward pass, a due date bounds the late dates of the predecessors too.
fn latest_start(net: &Network, arcs: Option<&Arcs>, a: usize, finish: Day, after: &Dates) -> Day {
    let limit = net.problem.activities[a]
        .due
        .map_or(finish, |due| finish.min(due));
    let mut latest = net.latest_start_ending_by(a, limit);
    for &l in net.out_links.of(a) {
        let to = net.problem.links[l].to;
        latest = latest.min(net.backward_bound(l, after.start[to], after.end[to]));
    }
    if let Some(arcs) = arcs {
        for &i in arcs.out.of(a) {
            let to = arcs.pairs[i].1;
            latest = latest.min(net.latest_start_ending_by(a, after.start[to]));
        }
    }
    net.problem.snap_back(latest)
}

/// Late dates: every activity as late as it can be without pushing any successor (by link or by
/// an extra arc `(before, after)`, read as finish-to-start without lag) past its own late date
/// and without ending after `finish`.
///
/// `plan` is a schedule that meets all these constraints; late dates are never earlier than it.
/// When the arcs and links together admit no topological order (only possible with
/// finish-to-finish links running against the arcs), the pass is repeated until it settles.
pub(crate) fn late_dates(net: &Network, arcs: Option<&Arcs>, plan: &Dates, finish: Day) -> Dates {
    let n = net.len();
    // Any order gives the same late dates in one pass; only a pass repeated to a fixpoint
    // (when the arcs and links admit no order) walks in the plan's order of starts.
    let (order, complete) = any_order(net, Direction::Backward, arcs);
    let sequence = if complete {
        order
    } else {
        let (mut sequence, _) = keyed_order(net, Direction::Backward, arcs, |a| {
            (std::cmp::Reverse(plan.start[a]), a)
        });
        let mut placed = vec![false; n];
        for &a in &sequence {
            placed[a] = true;
        }
        let mut rest: Vec<usize> = (0..n).filter(|&a| !placed[a]).collect();
        rest.sort_by_key(|&a| (std::cmp::Reverse(plan.start[a]), a));
        sequence.extend(rest);
        sequence
    };
    let mut late = Dates {
        start: vec![Day::MAX; n],
        end: vec![Day::MAX; n],
    };
    // One pass is exact for an acyclic combination; otherwise iterate (bounded) to a fixpoint.
    let passes = if complete { 1 } else { 64 };
    for _ in 0..passes {
        let mut changed = false;
        for &a in &sequence {
            // The plan itself satisfies every constraint, so it bounds late dates from below.
            let start = latest_start(net, arcs, a, finish, &late).max(plan.start[a]);
            if start != late.start[a] {
                changed = true;
                late.start[a] = start;
                late.end[a] = net.end(a, start);
            }
        }
        if !changed {
            break;
        }
    }
    late
}

/// Free slack: how many days each activity can slip without moving any successor (by link or
/// arc) from its date in `plan` and without ending after `finish`.
pub(crate) fn free_slack(
    net: &Network,
    arcs: Option<&Arcs>,
    plan: &Dates,
    finish: Day,
) -> Vec<Day> {
    (0..net.len())
        .map(|a| {
            let latest = latest_start(net, arcs, a, finish, plan);
            slip(net, a, plan.start[a], latest)
        })
        .collect()
}

/// How far activity `a` moves when it starts on `latest` instead of `start`: the smaller of
/// the moves of its start and of its end (as MS Project counts total slack). They differ for
/// calendar months, whose month-end clamping lets two starts share one end (Dec 30 and Dec 31
/// + 6 months both end on Jun 30): the day between is no room to slip, the end cannot move.
pub(crate) fn slip(net: &Network, a: usize, start: Day, latest: Day) -> Day {
    let by_start = latest.saturating_sub(start);
    let by_end = net.end(a, latest).saturating_sub(net.end(a, start));
    by_start.min(by_end).max(0)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::calendar::Span;
    use crate::schedule::problem::{Activity, Link, LinkKind, Problem};

    fn activity(duration: Span) -> Activity {
        Activity {
            duration,
            release: 0,
            due: None,
            priority: 3,
            demands: vec![],
        }
    }

    fn link(from: usize, to: usize, kind: LinkKind, lag: Span) -> Link {
        Link {
            from,
            to,
            kind,
            lag,
        }
    }

    fn problem(origin: &str, activities: Vec<Activity>, links: Vec<Link>) -> Problem {
        Problem {
            origin: origin.parse().unwrap(),
            activities,
            links,
            capacities: vec![],
            capacity_changes: Vec::new(),
            budgets: Default::default(),
            calendar: None,
        }
    }

    fn passes(p: &Problem) -> (Dates, Dates) {
        let net = Network::new(p).unwrap();
        let (order, complete) = keyed_order(&net, Direction::Forward, None, |a| a);
        assert!(complete);
        let early = early_dates(&net, &order);
        let late = late_dates(&net, None, &early, early.finish());
        (early, late)
    }

    fn date(p: &Problem, day: Day) -> NaiveDate {
        p.date(day)
    }

    #[test]
    fn textbook_network_with_fs_ss_ff_and_lags() {
        use LinkKind::*;
        // a(3) -> b(4) FS; a -> c(2) SS+1; b -> d(5) FS+2; c -> d FF (E_d >= E_c + 0); d -> m milestone.
        let p = problem(
            "2020-01-01",
            vec![
                activity(Span::Days(3)),
                activity(Span::Days(4)),
                activity(Span::Days(2)),
                activity(Span::Days(5)),
                activity(Span::ZERO),
            ],
            vec![
                link(0, 1, FinishToStart, Span::ZERO),
                link(0, 2, StartToStart, Span::Days(1)),
                link(1, 3, FinishToStart, Span::Days(2)),
                link(2, 3, FinishToFinish, Span::Days(10)),
                link(3, 4, FinishToStart, Span::ZERO),
            ],
        );
        let (early, late) = passes(&p);
        // c runs [1,3); FF+10 wants E_d >= 13 so S_d >= 8; FS+2 from b ([3,7)) wants S_d >= 9.
        assert_eq!(early.start, vec![0, 3, 1, 9, 14]);
        assert_eq!(early.end, vec![3, 7, 3, 14, 14]);
        // Finish 14: d late [9,14); c must end by 14-10 = 4 -> starts by 2; b by 9-2-4 = 3.
        assert_eq!(late.start, vec![0, 3, 2, 9, 14]);
        assert_eq!(late.end[4], 14, "a milestone ends where it starts");
    }

    #[test]
    fn months_cross_month_ends_and_leap_years() {
        // a: 1 month from 2020-01-31 ends 2020-02-29 (leap year); b follows FS + 1 month.
        let mut a = activity(Span::Months(1));
        a.release = 30; // 2020-01-31
        let p = problem(
            "2020-01-01",
            vec![a, activity(Span::Months(12))],
            vec![link(0, 1, LinkKind::FinishToStart, Span::Months(1))],
        );
        let (early, late) = passes(&p);
        assert_eq!(
            date(&p, early.end[0]),
            "2020-02-29".parse::<NaiveDate>().unwrap()
        );
        assert_eq!(
            date(&p, early.start[1]),
            "2020-03-29".parse::<NaiveDate>().unwrap()
        );
        assert_eq!(
            date(&p, early.end[1]),
            "2021-03-29".parse::<NaiveDate>().unwrap()
        );
        // Backwards from 2021-03-29: b starts 2020-03-29, a must end by 2020-02-29 and so may
        // start as late as 2020-01-31 (its release): no slack.
        assert_eq!(late.start, early.start);
    }

    #[test]
    fn month_clamping_gives_slack_backwards() {
        // Two parallel one-month tasks from 2019-01-28 ending 2019-02-28 and a sink after both:
        // the backward pass may start a one-month task as late as Jan 31 (Jan 31 + 1m = Feb 28).
        let mut a = activity(Span::Months(1));
        a.release = 27; // 2019-01-28
        let mut b = activity(Span::Months(1));
        b.release = 27;
        let p = problem(
            "2019-01-01",
            vec![a, b, activity(Span::ZERO)],
            vec![
                link(0, 2, LinkKind::FinishToStart, Span::ZERO),
                link(1, 2, LinkKind::FinishToStart, Span::ZERO),
            ],
        );
        let (early, late) = passes(&p);
        assert_eq!(
            date(&p, early.end[0]),
            "2019-02-28".parse::<NaiveDate>().unwrap()
        );
        assert_eq!(
            date(&p, late.start[0]),
            "2019-01-31".parse::<NaiveDate>().unwrap()
        );
        assert_eq!(late.end[0], early.end[0]);
    }

    #[test]
    fn ff_with_month_lag_finds_the_earliest_start_reaching_the_end() {
        // a: 2019-01-01 + 1 month ends 2019-02-01; b (1 month) FF + 1 month must end >= 2019-03-01,
        // so it starts 2019-02-01 (Feb 1 + 1 month = Mar 1).
        let p = problem(
            "2019-01-01",
            vec![activity(Span::Months(1)), activity(Span::Months(1))],
            vec![link(0, 1, LinkKind::FinishToFinish, Span::Months(1))],
        );
        let (early, _) = passes(&p);
        assert_eq!(
            date(&p, early.start[1]),
            "2019-02-01".parse::<NaiveDate>().unwrap()
        );
        assert_eq!(
            date(&p, early.end[1]),
            "2019-03-01".parse::<NaiveDate>().unwrap()
        );
    }

    #[test]
    fn releases_hold_activities_back() {
        let mut b = activity(Span::Days(2));
        b.release = 10;
        let p = problem(
            "2019-01-01",
            vec![activity(Span::Days(3)), b],
            vec![link(0, 1, LinkKind::FinishToStart, Span::ZERO)],
        );
        let (early, late) = passes(&p);
        assert_eq!(early.start, vec![0, 10]);
        assert_eq!(late.start, vec![7, 10]);
    }
}
