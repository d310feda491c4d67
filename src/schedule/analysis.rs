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
    let mut profile = Profile::of(net.problem);
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
                let problem = net.problem;
                if problem.capacity_at(r, start) > problem.capacity_at(r, day_before) {
                    return Hold::Capacity { resource: r };
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

/// The most chains [`critical_chains`] lists; [`CriticalChains::count`] counts them all.
pub const MAX_CHAINS: usize = 100;

/// Every critical chain of a plan (see [`super::Solution::critical_chains`]).
pub(crate) struct CriticalChains {
    /// First activity to last; at most [`MAX_CHAINS`] of them.
    pub chains: Vec<Vec<usize>>,
    /// How many chains there are in all (saturating).
    pub count: u64,
}

/// Every critical chain: a path of critical activities, each starting exactly when a tight link
/// or resource arc from the one before allows, from one with no critical predecessor to one with
/// no critical successor (the activities that end the plan, or meet a due date with no day to
/// spare). Chains ending at the plan's finish come first, then by the priority and index of
/// their last activity, then of the activities before it.
pub(crate) fn critical_chains(
    net: &Network,
    plan: &Dates,
    arcs: &Arcs,
    critical: &[bool],
) -> CriticalChains {
    let n = net.len();
    let activities = &net.problem.activities;
    let rank = |a: usize| (activities[a].priority, a);
    // The critical predecessors of each critical activity, along tight links and arcs.
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut has_after = vec![false; n];
    for at in (0..n).filter(|&a| critical[a]) {
        let start = plan.start[at];
        let by_link = net
            .in_links
            .of(at)
            .iter()
            .map(|&l| (l, net.problem.links[l].from))
            .filter(|&(l, from)| net.forward_bound(l, plan.start[from], plan.end[from]) == start)
            .map(|(_, from)| from);
        let by_arc = arcs
            .into
            .of(at)
            .iter()
            .map(|&i| arcs.pairs[i].0)
            .filter(|&from| plan.end[from] == start);
        let mut previous: Vec<usize> = by_link
            .chain(by_arc)
            .filter(|&p| critical[p] && p != at)
            .collect();
        previous.sort_by_key(|&p| rank(p));
        previous.dedup();
        for &p in &previous {
            has_after[p] = true;
        }
        before[at] = previous;
    }
    // A topological order of this critical graph (Kahn); an edge closing a cycle, which only
    // finish-to-finish links against arcs could make, is left out.
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting = vec![0usize; n];
    for at in 0..n {
        for &p in &before[at] {
            after[p].push(at);
            waiting[at] += 1;
        }
    }
    let mut position = vec![usize::MAX; n];
    let mut ready: Vec<usize> = (0..n).filter(|&a| critical[a] && waiting[a] == 0).collect();
    let mut placed = 0;
    while let Some(a) = ready.pop() {
        position[a] = placed;
        placed += 1;
        for &b in &after[a] {
            waiting[b] -= 1;
            if waiting[b] == 0 {
                ready.push(b);
            }
        }
    }
    for at in 0..n {
        let here = position[at];
        before[at].retain(|&p| position[p] < here && here != usize::MAX);
    }
    let mut by_position: Vec<usize> = (0..n).filter(|&a| position[a] != usize::MAX).collect();
    by_position.sort_by_key(|&a| position[a]);
    // Chains ending at each activity, counted in topological order.
    let mut ending_at = vec![0u64; n];
    for &a in &by_position {
        ending_at[a] = if before[a].is_empty() {
            1
        } else {
            before[a]
                .iter()
                .fold(0u64, |sum, &p| sum.saturating_add(ending_at[p]))
        };
    }
    let finish = plan.finish();
    let mut ends: Vec<usize> = by_position
        .iter()
        .copied()
        .filter(|&a| !has_after[a] || after[a].iter().all(|&b| !before[b].contains(&a)))
        .collect();
    ends.sort_by_key(|&a| (plan.end[a] != finish, rank(a)));
    let count = ends
        .iter()
        .fold(0u64, |sum, &a| sum.saturating_add(ending_at[a]));
    // Walk back from each end, predecessors in rank order, until MAX_CHAINS are listed.
    let mut chains = Vec::new();
    'ends: for &end in &ends {
        let mut path = vec![end];
        let mut next = vec![0usize];
        while let Some(&at) = path.last() {
            let depth = path.len() - 1;
            if before[at].is_empty() {
                let mut chain = path.clone();
                chain.reverse();
                chains.push(chain);
                if chains.len() == MAX_CHAINS {
                    break 'ends;
                }
            }
            match before[at].get(next[depth]) {
                Some(&p) => {
                    next[depth] += 1;
                    path.push(p);
                    next.push(0);
                }
                None => {
                    path.pop();
                    next.pop();
                }
            }
        }
    }
    CriticalChains { chains, count }
}
