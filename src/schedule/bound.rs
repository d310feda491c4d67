//! Lower bounds on the finish of any plan: the critical path, the work of each resource, and a
//! destructive bound (Klein & Scholl): a finish `T` is impossible when the time windows that
//! `T` leaves make some interval need more work than its capacity (energetic reasoning,
//! Baptiste, Le Pape & Nuijten). The smallest `T` not refuted is the bound.
//!
//! Every bound holds for the preemptive relaxation, so it is valid for every plan; the tests
//! check it against the proven optima of PSPLIB j30.

use super::cpm::Dates;
use super::network::Network;
use super::problem::Day;

/// Above this many activities holding resources, energetic reasoning would cost more than it
/// gives within a planning budget; the work bound still applies.
const MAX_ENERGETIC: usize = 600;

/// Most activity-interval pairs one feasibility test may weigh.
const MAX_WORK: u64 = 40_000_000;

/// The best lower bound on the finish this module can prove. `order` is a forward topological
/// order and `early` the CPM early dates.
pub(crate) fn lower_bound(net: &Network, order: &[usize], early: &Dates) -> Day {
    let mut bound = early.finish();
    let Some(durations) = day_durations(net) else {
        return bound;
    };
    bound = bound.max(work_bound(net, early, &durations));
    let holders = (0..net.len())
        .filter(|&a| durations[a] > 0 && !net.demands[a].is_empty())
        .count();
    if holders == 0 || holders > MAX_ENERGETIC || net.day_window(1 << 24).is_none() {
        return bound;
    }
    // The feasibility test only gets harder as `T` shrinks, so search for the first `T` it
    // passes, doubling steps up from the bound, then halving back.
    let refuted = |t: Day| !passes(net, order, early, &durations, t);
    if !refuted(bound) {
        return bound;
    }
    let mut low = bound; // refuted
    let mut step: Day = 1;
    let mut high = bound.saturating_add(step);
    while refuted(high) {
        low = high;
        step = step.saturating_mul(2);
        high = high.saturating_add(step);
        if high == Day::MAX {
            return low;
        }
    }
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if refuted(mid) {
            low = mid;
        } else {
            high = mid;
        }
    }
    high
}

/// Every duration in days, or `None` when one is in calendar months (their length depends on
/// the start, which the windows do not fix).
fn day_durations(net: &Network) -> Option<Vec<Day>> {
    (0..net.len())
        .map(|a| match net.problem.activities[a].duration {
            crate::calendar::Span::Days(d) => Day::try_from(d).ok(),
            crate::calendar::Span::WorkingDays(d) if net.problem.calendar.is_none() => {
                Day::try_from(d).ok()
            }
            crate::calendar::Span::Months(_) | crate::calendar::Span::WorkingDays(_) => None,
        })
        .collect()
}

/// The busiest resource's work spread over its capacity after the earliest release: the
/// first day by which the capacity of each day since then adds up to the work (a capacity that
/// changes over time counts day by day).
fn work_bound(net: &Network, early: &Dates, durations: &[Day]) -> Day {
    let problem = net.problem;
    let first = early.start.iter().copied().min().unwrap_or(0);
    let mut bound = 0;
    for r in 0..problem.capacities.len() {
        if problem.max_capacity(r) == 0 {
            continue;
        }
        let work: u128 = (0..net.len())
            .flat_map(|a| {
                net.demands[a]
                    .iter()
                    .filter(move |d| d.0 == r)
                    .map(move |d| (a, d.1))
            })
            .map(|(a, units)| u128::from(units) * u128::try_from(durations[a].max(0)).unwrap_or(0))
            .sum();
        bound = bound.max(problem.day_reaching(r, first, work));
    }
    bound
}

/// Whether a plan ending by `finish` survives energetic reasoning: every activity has a window
/// `[early start, late finish)` and, over every interval between window ends, the work that
/// must fall inside (each activity shifted as far out as its window allows) fits the capacity.
fn passes(net: &Network, order: &[usize], early: &Dates, durations: &[Day], finish: Day) -> bool {
    let n = net.len();
    let mut late_start = vec![Day::MAX; n];
    let mut late_end = vec![Day::MAX; n];
    for &a in order.iter().rev() {
        let mut latest = net.latest_start_ending_by(a, finish);
        for &l in net.out_links.of(a) {
            let to = net.problem.links[l].to;
            latest = latest.min(net.backward_bound(l, late_start[to], late_end[to]));
        }
        if latest < early.start[a] {
            return false;
        }
        late_start[a] = latest;
        late_end[a] = net.end(a, latest);
    }
    let holders: Vec<usize> = (0..n)
        .filter(|&a| durations[a] > 0 && !net.demands[a].is_empty())
        .collect();
    let mut starts: Vec<Day> = holders
        .iter()
        .flat_map(|&a| [early.start[a], late_start[a]])
        .collect();
    let mut ends: Vec<Day> = holders
        .iter()
        .flat_map(|&a| [early.end[a], late_end[a]])
        .collect();
    starts.sort_unstable();
    starts.dedup();
    ends.sort_unstable();
    ends.dedup();
    // Bounded work: intervals from the early starts to the late ends alone when all pairs
    // would cost too much, and no refutation at all when even those would.
    let work = |s: &[Day], e: &[Day]| s.len() as u64 * e.len() as u64 * holders.len() as u64;
    if work(&starts, &ends) > MAX_WORK {
        starts = holders.iter().map(|&a| early.start[a]).collect();
        ends = holders.iter().map(|&a| late_end[a]).collect();
        starts.sort_unstable();
        starts.dedup();
        ends.sort_unstable();
        ends.dedup();
        if work(&starts, &ends) > MAX_WORK {
            return true;
        }
    }
    let problem = net.problem;
    let resources = problem.capacities.len();
    let curves: Vec<Option<super::problem::CapacityCurve>> = (0..resources)
        .map(|r| (!problem.changes_of(r).is_empty()).then(|| problem.curve(r)))
        .collect();
    let mut need = vec![0i64; resources];
    for &t1 in &starts {
        for &t2 in ends.iter().filter(|&&t2| t2 > t1) {
            need.iter_mut().for_each(|w| *w = 0);
            for &a in &holders {
                let left = early.end[a].min(t2) - early.start[a].max(t1);
                let right = late_end[a].min(t2) - late_start[a].max(t1);
                let inside = left.min(right);
                if inside <= 0 {
                    continue;
                }
                for &(r, units) in &net.demands[a] {
                    need[r] += i64::from(units) * i64::from(inside);
                }
            }
            let length = i64::from(t2 - t1);
            // The capacity of every day of the interval, summed: steps count day by day.
            let over = need.iter().enumerate().any(|(r, &w)| {
                w > 0
                    && match &curves[r] {
                        Some(curve) => i128::from(w) > curve.energy(t1, t2),
                        None => w > i64::from(problem.capacities[r]) * length,
                    }
            });
            if over {
                return false;
            }
        }
    }
    true
}
