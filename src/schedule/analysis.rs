//! What a chosen plan means: resource-induced precedences, late dates and slack, the critical
//! path, and why each activity starts when it does.

use std::collections::HashSet;

use super::Hold;
use super::budget::{Ledger, Years};
use super::cpm::{Dates, free_slack, late_dates, slip};
use super::graph::Arcs;
use super::network::Network;
use super::problem::{Day, Units};
use super::profile::Profile;

/// The usage profile of a plan.
pub(crate) fn profile_of(net: &Network, plan: &Dates) -> Profile {
    let mut profile = Profile::new(&net.problem.capacities);
    for a in 0..net.len() {
        for &(r, units) in &net.demands[a] {
            profile.add(r, plan.start[a], plan.end[a], units);
        }
    }
    profile
}

/// The money a plan places per budget and year; `None` without yearly budgets.
fn ledger_of(net: &Network, plan: &Dates) -> Option<(Years, Ledger)> {
    let budgets = &net.problem.budgets;
    if budgets.is_empty() {
        return None;
    }
    let years = Years::of(net.problem);
    let mut ledger = Ledger::new(budgets.caps.len(), years.year_of(0));
    for a in 0..net.len() {
        ledger.place(&years, budgets, a, plan.start[a], plan.end[a]);
    }
    Some((years, ledger))
}

/// Does the plan spend more than a yearly cap in some year?
pub(crate) fn over_budget(net: &Network, plan: &Dates) -> bool {
    let Some((years, ledger)) = ledger_of(net, plan) else {
        return false;
    };
    let budgets = &net.problem.budgets;
    (0..net.len()).any(|a| {
        budgets.of(a).iter().any(|&(b, amount)| {
            let mut over = false;
            years.spread(amount, plan.start[a], plan.end[a], |year, _| {
                over |= ledger.used(b, year) > budgets.caps[b];
            });
            over
        })
    })
}

/// Activities holding some resource, sorted by a day (start or end) then index, for lookups of
/// "who starts/ends on day t".
fn sorted_by(net: &Network, day: &[Day]) -> Vec<usize> {
    let mut holders: Vec<usize> = (0..net.len())
        .filter(|&a| !net.demands[a].is_empty())
        .collect();
    holders.sort_by_key(|&a| (day[a], a));
    holders
}

fn on_day<'a>(sorted: &'a [usize], day: &[Day], t: Day) -> &'a [usize] {
    let from = sorted.partition_point(|&a| day[a] < t);
    let to = sorted.partition_point(|&a| day[a] <= t);
    &sorted[from..to]
}

fn units_of(net: &Network, a: usize, r: usize) -> Units {
    net.demands[a].iter().find(|d| d.0 == r).map_or(0, |d| d.1)
}

/// Resource-induced precedences of a plan: `(b, c)` when activity `b`, slipping past its end,
/// would first overload a resource `r` it holds on the day `c` starts, `c` holding `r` too.
/// In particular an activity that starts exactly when another holding the same contested
/// resource ends is linked to it.
pub(crate) fn resource_arcs(net: &Network, plan: &Dates, profile: &Profile) -> Arcs {
    let by_start = sorted_by(net, &plan.start);
    let mut pairs = Vec::new();
    let mut seen = HashSet::new();
    for b in 0..net.len() {
        for &(r, units) in &net.demands[b] {
            let Some(t) = profile.first_day_short(r, plan.end[b], units) else {
                continue;
            };
            for &c in on_day(&by_start, &plan.start, t) {
                if c != b && units_of(net, c, r) > 0 && seen.insert((b, c)) {
                    pairs.push((b, c));
                }
            }
        }
    }
    Arcs::new(net.len(), pairs)
}

/// Late dates, total and free slack of a plan against its own finish (see [`super::Solution`]).
pub(crate) fn slack(net: &Network, plan: &Dates, arcs: &Arcs) -> (Dates, Vec<Day>, Vec<Day>) {
    let finish = plan.finish();
    let late = late_dates(net, Some(arcs), plan, finish);
    let total = (0..net.len())
        .map(|a| slip(net, a, plan.start[a], late.start[a]))
        .collect();
    let free = free_slack(net, Some(arcs), plan, finish);
    (late, total, free)
}

/// Why each activity starts on its day in a left-justified plan.
pub(crate) fn holds(net: &Network, plan: &Dates, profile: &Profile) -> Vec<Hold> {
    let by_end = sorted_by(net, &plan.end);
    let mut money = ledger_of(net, plan);
    (0..net.len())
        .map(|a| {
            let start = plan.start[a];
            let release = net.problem.activities[a].release;
            let binding_link = net.in_links.of(a).iter().copied().find(|&l| {
                let from = net.problem.links[l].from;
                net.forward_bound(l, plan.start[from], plan.end[from]) >= start
            });
            if let Some(l) = binding_link {
                return Hold::Link(l);
            }
            if release >= start {
                return if release > 0 {
                    Hold::Release
                } else {
                    Hold::NotHeld
                };
            }
            // Started later than links and release allow: the day before, a resource was full.
            let day_before = start.saturating_sub(1);
            for &(r, units) in &net.demands[a] {
                if profile.free_at(r, day_before) >= i64::from(units) {
                    continue;
                }
                let by = on_day(&by_end, &plan.end, start)
                    .iter()
                    .copied()
                    .filter(|&b| b != a && plan.start[b] < start && units_of(net, b, r) > 0)
                    .min_by_key(|&b| {
                        (
                            std::cmp::Reverse(units_of(net, b, r)),
                            net.problem.activities[b].priority,
                            b,
                        )
                    });
                if let Some(by) = by {
                    return Hold::Resource { resource: r, by };
                }
            }
            // Or a day earlier would have spent more than a yearly cap.
            if let Some((years, ledger)) = &mut money {
                let budgets = &net.problem.budgets;
                let end = plan.end[a];
                ledger.remove(years, budgets, a, start, end);
                let earlier = net.end(a, day_before);
                let excess = ledger.excess(years, budgets, a, day_before, earlier, true);
                ledger.place(years, budgets, a, start, end);
                if let Some(excess) = excess {
                    return Hold::Budget {
                        budget: excess.budget,
                        year: excess.year,
                    };
                }
            }
            Hold::NotHeld
        })
        .collect()
}

/// One critical chain, first to last: from the critical activity that ends the plan (highest
/// priority, then lowest index), back through tight critical links and resource arcs.
pub(crate) fn critical_path(
    net: &Network,
    plan: &Dates,
    arcs: &Arcs,
    critical: &[bool],
) -> Vec<usize> {
    let finish = plan.finish();
    let activities = &net.problem.activities;
    let rank = |a: usize| (activities[a].priority, a);
    let Some(mut at) = (0..net.len())
        .filter(|&a| critical[a] && plan.end[a] == finish)
        .min_by_key(|&a| rank(a))
    else {
        return Vec::new();
    };
    let mut path = vec![at];
    let mut visited = HashSet::from([at]);
    loop {
        let start = plan.start[at];
        let by_link = net
            .in_links
            .of(at)
            .iter()
            .map(|&l| (l, net.problem.links[l].from))
            .filter(|&(l, from)| net.forward_bound(l, plan.start[from], plan.end[from]) == start);
        let by_arc = arcs
            .into
            .of(at)
            .iter()
            .map(|&i| arcs.pairs[i].0)
            .filter(|&from| plan.end[from] == start);
        let previous = by_link
            .map(|(_, from)| from)
            .chain(by_arc)
            .filter(|&p| critical[p] && !visited.contains(&p))
            .min_by_key(|&p| rank(p));
        match previous {
            Some(p) => {
                visited.insert(p);
                path.push(p);
                at = p;
            }
            None => break,
        }
    }
    path.reverse();
    path
}
