//! The search for a good resource-constrained plan: activity lists from classic priority rules,
//! then a seeded genetic algorithm on activity lists (two-point and peak crossover, swap and
//! insertion mutation), every list decoded by the serial SGS and improved by forward-backward
//! justification, as in Hartmann (1998) and Valls, Ballestín & Quintanilla (2005, 2008). Work is
//! counted in schedules built, never in seconds, so a given input and seed always give the same
//! plan.

use std::cmp::Reverse;
use std::collections::HashSet;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::cpm::Dates;
use super::graph::{Direction, keyed_order};
use super::network::Network;
use super::problem::Day;
use super::sgs::{Decoder, Score};

/// How much work the search may do.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Budget {
    /// Schedules (SGS passes) to build at most.
    pub schedules: u64,
    /// Lists kept from one generation to the next.
    pub population: usize,
}

/// What the search found and what it cost.
pub(crate) struct Found {
    pub dates: Dates,
    pub schedules: u64,
    pub generations: u64,
}

#[derive(Clone)]
struct Individual {
    list: Vec<usize>,
    dates: Dates,
    score: Score,
}

/// Latest start of each activity that still meets every due date and the CPM finish: the basis
/// of the LFT/LST rules, so work that feeds a deadline is scheduled first.
fn due_aware_latest_starts(net: &Network, order: &[usize], early: &Dates) -> Vec<Day> {
    let finish = early.finish();
    let n = net.len();
    let mut start = vec![Day::MAX; n];
    let mut end = vec![Day::MAX; n];
    for &a in order.iter().rev() {
        let mut limit = finish;
        if let Some(due) = net.problem.activities[a].due {
            limit = limit.min(due);
        }
        let mut latest = net.latest_start_ending_by(a, limit);
        for &l in net.out_links.of(a) {
            let to = net.problem.links[l].to;
            latest = latest.min(net.backward_bound(l, start[to], end[to]));
        }
        start[a] = latest;
        end[a] = net.end(a, latest);
    }
    start
}

/// Rough weight of all the work downstream of each activity (duration plus successors'
/// weights), for the "greatest rank positional weight" rule.
fn downstream_weight(net: &Network, order: &[usize], early: &Dates) -> Vec<i64> {
    let mut weight = vec![0i64; net.len()];
    for &a in order.iter().rev() {
        let own = i64::from(early.end[a].saturating_sub(early.start[a]));
        let mut total = own;
        for &l in net.out_links.of(a) {
            total = total.saturating_add(weight[net.problem.links[l].to]);
        }
        weight[a] = total;
    }
    weight
}

/// Whether `b` must follow `a` directly by some link.
fn linked(net: &Network, a: usize, b: usize) -> bool {
    net.out_links
        .of(a)
        .iter()
        .any(|&l| net.problem.links[l].to == b)
}

/// Insertion mutation: moves one random activity of `list` to a random place between its last
/// predecessor and its first successor, so the list stays precedence-feasible. Swaps of
/// neighbours alone rarely move an activity far; this reaches orders they do not.
fn insertion(net: &Network, list: &mut Vec<usize>, rng: &mut ChaCha8Rng) {
    let n = list.len();
    if n < 2 {
        return;
    }
    let a = list.remove(rng.random_range(0..n));
    let mut position = vec![0; n];
    for (i, &b) in list.iter().enumerate() {
        position[b] = i;
    }
    let links = &net.problem.links;
    let after_predecessors = net
        .in_links
        .of(a)
        .iter()
        .map(|&l| position[links[l].from] + 1)
        .max()
        .unwrap_or(0);
    let before_successors = net
        .out_links
        .of(a)
        .iter()
        .map(|&l| position[links[l].to])
        .min()
        .unwrap_or(n - 1);
    let place = rng.random_range(after_predecessors..=before_successors.max(after_predecessors));
    list.insert(place, a);
}

/// Hartmann's two-point crossover: the head of `mother`, then `father`'s order of what is left
/// up to `cut2`, then `mother`'s order of the rest. Children of precedence-feasible lists are
/// precedence-feasible.
fn crossover(
    mother: &[usize],
    father: &[usize],
    cut1: usize,
    cut2: usize,
    taken: &mut [bool],
) -> Vec<usize> {
    taken.iter_mut().for_each(|t| *t = false);
    let mut child = Vec::with_capacity(mother.len());
    for &a in &mother[..cut1] {
        child.push(a);
        taken[a] = true;
    }
    for &a in father {
        if child.len() >= cut2 {
            break;
        }
        if !taken[a] {
            child.push(a);
            taken[a] = true;
        }
    }
    for &a in mother {
        if !taken[a] {
            child.push(a);
            taken[a] = true;
        }
    }
    child
}

/// Share of the pairs bred by peak crossover rather than two-point crossover. On every 10th
/// j120 instance (mean of seeds 42, 1, 7 and 2024) half gave a mean gap of 1.457 % against
/// 1.543 % for none, 0.4 gave 1.505 % and 0.6 1.464 %; 0.3 and 1.0 gave 1.528 % and 1.586 %
/// (seeds 42 and 1).
const PEAK_RATE: f64 = 0.5;

/// Longest day span peak crossover scans: beyond it a child is bred by two-point crossover.
const PEAK_MAX_SPAN: usize = 1 << 16;

/// Resources held by each activity per day, as a share of each resource's capacity: what
/// peak crossover weighs a schedule's busy days by.
fn loads(net: &Network) -> Vec<f64> {
    net.demands
        .iter()
        .map(|demands| {
            demands
                .iter()
                .map(|&(r, units)| f64::from(units) / f64::from(net.problem.max_capacity(r).max(1)))
                .sum()
        })
        .collect()
}

/// The stretch `[from, from + length)` in which `dates` hold the most capacity (the earliest
/// such), or `None` when the plan spans more than [`PEAK_MAX_SPAN`] days.
fn busiest_stretch(dates: &Dates, load: &[f64], length: Day) -> Option<(Day, Day)> {
    let first = dates.start.iter().copied().min().unwrap_or(0);
    let span = usize::try_from(dates.finish().saturating_sub(first))
        .ok()
        .filter(|&s| s <= PEAK_MAX_SPAN)?
        .max(1);
    let day = |d: Day| usize::try_from(d.saturating_sub(first)).map_or(0, |i| i.min(span));
    // Changes per day, then summed in place into what is held on each day.
    let mut held_on = vec![0.0; span + 1];
    for (a, &held) in load.iter().enumerate() {
        if held > 0.0 && dates.end[a] > dates.start[a] {
            held_on[day(dates.start[a])] += held;
            held_on[day(dates.end[a])] -= held;
        }
    }
    for t in 1..span {
        held_on[t] += held_on[t - 1];
    }
    let length = usize::try_from(length).map_or(1, |l| l.clamp(1, span));
    let mut window: f64 = held_on[..length].iter().sum();
    let (mut most, mut from) = (window, 0);
    for t in length..span {
        window += held_on[t] - held_on[t - length];
        if window > most {
            most = window;
            from = t + 1 - length;
        }
    }
    let from = first.saturating_add(Day::try_from(from).unwrap_or(Day::MAX));
    Some((
        from,
        from.saturating_add(Day::try_from(length).unwrap_or(Day::MAX)),
    ))
}

/// Peak crossover, after Valls, Ballestín and Quintanilla (2008): the child keeps whole the
/// busiest stretch of `father`'s schedule, where the capacity is best used. It lists the
/// activities `father` starts before that stretch in `mother`'s order, then those it starts
/// within it in `father`'s order, then the rest in `mother`'s order; links come first whatever
/// the lags, so the child is precedence-feasible.
fn peak_crossover(
    net: &Network,
    mother: &[usize],
    father: &Individual,
    load: &[f64],
    length: Day,
) -> Option<Vec<usize>> {
    let (from, to) = busiest_stretch(&father.dates, load, length)?;
    let start = &father.dates.start;
    let part = |a: usize| match start[a] {
        s if s < from => 0,
        s if s < to => 1,
        _ => 2,
    };
    // The father's schedule keeps every link, so a successor starts before its predecessor
    // only by a finish-to-finish link. Without such a link across parts the three parts are
    // laid end to end; with one, the ordered merge puts predecessors first.
    let links = &net.problem.links;
    if links.iter().all(|l| part(l.from) <= part(l.to)) {
        let mut child = Vec::with_capacity(mother.len());
        child.extend(mother.iter().filter(|&&a| part(a) == 0));
        child.extend(father.list.iter().filter(|&&a| part(a) == 1));
        child.extend(mother.iter().filter(|&&a| part(a) == 2));
        return Some(child);
    }
    let position = |list: &[usize]| {
        let mut at = vec![0; list.len()];
        for (i, &a) in list.iter().enumerate() {
            at[a] = i;
        }
        at
    };
    let (in_mother, in_father) = (position(mother), position(&father.list));
    let (child, _) = keyed_order(net, Direction::Forward, None, |a| match part(a) {
        1 => (1, in_father[a]),
        p => (p, in_mother[a]),
    });
    Some(child)
}

/// Islands the search runs. Fixed, so that the plan never depends on the number of threads:
/// threads only decide which islands run side by side.
const ISLANDS: usize = 4;

/// Generations between migrations: each island's best moves to the next island (a ring), at
/// these fixed points and in island order.
const EPOCH: u64 = 8;

/// Below this many schedules per island, one population searches alone.
const MIN_ISLAND_BUDGET: u64 = 1_000;

/// Schedules each of the [`ISLANDS`] needs for its generations to count; a smaller budget runs
/// on two islands, which still keeps two cores busy. On every 10th j120 instance at 15,000
/// schedules, two islands gave a mean gap of 2.26-2.36 % against 2.88-2.95 % on four (one
/// island, on one core, 2.11-2.17 %); at 30,000, 1.78-1.83 % against 2.04-2.08 %; at 45,000,
/// 1.68-1.71 % against 1.73 % (seeds 42 and 1). At the default 112,500, four stay best.
const FULL_ISLAND_BUDGET: u64 = 12_000;

/// One island: its own decoder, random stream, population and budget.
struct Island<'n, 'p> {
    decoder: Decoder<'n, 'p>,
    rng: ChaCha8Rng,
    budget: u64,
    population: Vec<Individual>,
    size: usize,
    best: Option<Individual>,
    generations: u64,
    lower_bound: Day,
}

impl Island<'_, '_> {
    fn exhausted(&self) -> bool {
        self.decoder.schedules >= self.budget
    }

    /// A plan that meets every due date and ends on the lower bound cannot be beaten on the
    /// first two objectives.
    fn at_bound(&self) -> bool {
        self.best
            .as_ref()
            .is_some_and(|b| b.score.overrun == 0 && b.score.finish <= self.lower_bound)
    }

    /// Decodes a list, justifies the schedule and adopts the order of the result.
    fn evaluate(&mut self, list: &[usize]) -> Individual {
        let n = list.len();
        let mut dates = Dates {
            start: vec![0; n],
            end: vec![0; n],
        };
        self.decoder.forward(list, &mut dates);
        let score = Score::of(self.decoder.net, &dates);
        let (dates, score) = self.decoder.improve(dates, score, 3);
        let list = self.decoder.list_by_start(&dates);
        let individual = Individual { list, dates, score };
        self.offer(&individual);
        individual
    }

    fn offer(&mut self, individual: &Individual) {
        if self
            .best
            .as_ref()
            .is_none_or(|b| individual.score < b.score)
        {
            self.best = Some(individual.clone());
        }
    }

    fn tournament(&mut self) -> usize {
        let a = self.rng.random_range(0..self.population.len());
        let b = self.rng.random_range(0..self.population.len());
        a.min(b) // the population is sorted best first
    }

    fn mutate(&mut self, list: &mut [usize], rate: f64) {
        let net = self.decoder.net;
        for i in 1..list.len() {
            if self.rng.random_bool(rate) && !linked(net, list[i - 1], list[i]) {
                list.swap(i - 1, i);
            }
        }
    }

    /// Up to `generations` generations of the genetic algorithm, within the island's budget.
    /// `load` is what [`loads`] gives.
    fn evolve(&mut self, generations: u64, taken: &mut [bool], load: &[f64]) {
        let net = self.decoder.net;
        let n = net.len();
        // Each adjacent pair swaps with this chance (when no link joins them). On every 10th
        // j120 instance 0.1 did better than 0.02 and 0.05; 0.15 once did better, once worse
        // (README, "Plan quality on the standard RCPSP benchmarks").
        let mutation_rate = 0.1;
        // A child also gets one insertion with this chance: 0.3 took the mean gap on every
        // 10th j120 instance from 1.80 % to 1.71 % (mean of seeds 42 and 1); 0.6 and 1 less.
        let insertion_rate = 0.3;
        for _ in 0..generations {
            if self.exhausted() || n < 2 || self.population.len() < 2 || self.at_bound() {
                return;
            }
            self.generations += 1;
            let mut pool = self.population.clone();
            for _ in 0..self.size / 2 {
                if self.exhausted() {
                    break;
                }
                let (m, f) = (self.tournament(), self.tournament());
                let mother = self.population[m].list.clone();
                let father = self.population[f].list.clone();
                let mut cut1 = self.rng.random_range(0..n);
                let mut cut2 = self.rng.random_range(0..n);
                if cut1 > cut2 {
                    std::mem::swap(&mut cut1, &mut cut2);
                }
                // Half the pairs breed by peak crossover, each child keeping the other
                // parent's busiest stretch of 10-40 % of the first parent's finish.
                let peak = self.rng.random_bool(PEAK_RATE).then(|| {
                    let finish = f64::from(self.population[m].dates.finish().max(1));
                    let share = 0.1 + 0.3 * self.rng.random::<f64>();
                    (finish * share).max(1.0) as Day
                });
                let parents = [(&mother, &father, f), (&father, &mother, m)];
                for (x, y, donor) in parents {
                    let mut child = peak
                        .and_then(|length| {
                            peak_crossover(net, x, &self.population[donor], load, length)
                        })
                        .unwrap_or_else(|| crossover(x, y, cut1, cut2, taken));
                    self.mutate(&mut child, mutation_rate);
                    if self.rng.random_bool(insertion_rate) {
                        insertion(net, &mut child, &mut self.rng);
                    }
                    pool.push(self.evaluate(&child));
                }
            }
            self.population = select(pool, self.size);
        }
    }
}

/// Keeps the best `size` distinct schedules, best first (ties by their order of arrival).
fn select(mut pool: Vec<Individual>, size: usize) -> Vec<Individual> {
    pool.sort_by_key(|ind| ind.score);
    let mut seen = HashSet::new();
    pool.retain(|ind| seen.insert((ind.score, ind.dates.start.clone())));
    pool.truncate(size);
    pool
}

/// Runs every island for one epoch, on up to `threads` threads. Islands never share state
/// within an epoch, so the outcome does not depend on how they are spread over threads.
fn run_epoch(islands: &mut [Island], threads: usize, load: &[f64]) {
    let n = load.len();
    let workers = threads.clamp(1, islands.len().max(1));
    if workers == 1 {
        let mut taken = vec![false; n];
        for island in islands.iter_mut() {
            island.evolve(EPOCH, &mut taken, load);
        }
        return;
    }
    let per_worker = islands.len().div_ceil(workers);
    std::thread::scope(|scope| {
        for chunk in islands.chunks_mut(per_worker) {
            scope.spawn(move || {
                let mut taken = vec![false; n];
                for island in chunk {
                    island.evolve(EPOCH, &mut taken, load);
                }
            });
        }
    });
}

/// Searches for the best plan within `budget`. `order` is the forward topological order and
/// `early` the CPM early dates.
///
/// The priority rules run first, then islands (four, or two for a small budget: a count set by
/// the budget alone; each with its own seed, budget share and population seeded with the rules'
/// schedules and random lists) evolve side by side and pass their best to the next island every
/// [`EPOCH`] generations.
pub(crate) fn search(
    net: &Network,
    order: &[usize],
    early: &Dates,
    lower_bound: Day,
    budget: Budget,
    seed: u64,
) -> Found {
    let n = net.len();
    let activities = &net.problem.activities;
    let latest = due_aware_latest_starts(net, order, early);
    let weight = downstream_weight(net, order, early);
    let priority = |a: usize| activities[a].priority;

    let rules: Vec<Vec<usize>> = vec![
        keyed_order(net, Direction::Forward, None, |a| (latest[a], priority(a))).0,
        keyed_order(net, Direction::Forward, None, |a| (priority(a), latest[a])).0,
        keyed_order(net, Direction::Forward, None, |a| {
            (latest[a].saturating_sub(early.start[a]), latest[a])
        })
        .0,
        keyed_order(net, Direction::Forward, None, |a| {
            (Reverse(weight[a]), latest[a])
        })
        .0,
        keyed_order(net, Direction::Forward, None, |a| {
            (early.start[a], priority(a))
        })
        .0,
    ];

    let count = if budget.schedules >= FULL_ISLAND_BUDGET * ISLANDS as u64 {
        ISLANDS
    } else if budget.schedules >= MIN_ISLAND_BUDGET * 2 {
        2
    } else {
        1
    };
    let mut islands: Vec<Island> = (0..count)
        .map(|i| Island {
            decoder: Decoder::new(net),
            rng: ChaCha8Rng::seed_from_u64(
                seed.wrapping_add(0x9E37_79B9_7F4A_7C15_u64.wrapping_mul(i as u64)),
            ),
            budget: budget.schedules / count as u64,
            population: Vec::new(),
            size: budget.population,
            best: None,
            generations: 0,
            lower_bound,
        })
        .collect();
    // The rules once, on the first island; every island starts from their schedules. Large
    // roadmaps often reach the bound with a rule, and stop there.
    let mut seeded = Vec::new();
    for list in &rules {
        let first = &mut islands[0];
        seeded.push(first.evaluate(list));
        if first.exhausted() || first.at_bound() {
            break;
        }
    }
    // Random lists biased towards the latest-start rule fill the rest of each population.
    let spread = i64::from(
        early
            .finish()
            .saturating_sub(early.start.iter().copied().min().unwrap_or(0))
            .max(1),
    );
    let stop = islands[0].at_bound();
    for island in &mut islands {
        island.population = seeded.clone();
        for individual in &seeded {
            island.offer(individual);
        }
        while !stop && island.population.len() < island.size && !island.exhausted() {
            let noise: Vec<i64> = (0..n).map(|_| island.rng.random_range(0..spread)).collect();
            let list = keyed_order(net, Direction::Forward, None, |a| {
                i64::from(latest[a]) + noise[a]
            })
            .0;
            let individual = island.evaluate(&list);
            island.population.push(individual);
            if island.at_bound() {
                break;
            }
        }
        island.population = select(std::mem::take(&mut island.population), island.size);
    }

    let threads = crate::threads::count();
    let load = loads(net);
    // Stop early when the best plan has not improved for a third of the budget: small
    // problems converge long before the budget runs out. Checked at the fixed epoch points.
    let patience = budget.schedules / 3;
    let best_of = |islands: &[Island]| {
        islands
            .iter()
            .filter_map(|i| i.best.as_ref().map(|b| b.score))
            .min()
    };
    let mut best_score = best_of(&islands);
    let mut improved_at: u64 = islands.iter().map(|i| i.decoder.schedules).sum();
    while !stop
        && !islands.iter().any(Island::at_bound)
        && islands.iter().any(|i| !i.exhausted())
        && n > 1
    {
        let before: u64 = islands.iter().map(|i| i.decoder.schedules).sum();
        run_epoch(&mut islands, threads, &load);
        let spent: u64 = islands.iter().map(|i| i.decoder.schedules).sum();
        if spent == before {
            break; // nothing left to do (populations too small to breed)
        }
        let now = best_of(&islands);
        if now < best_score {
            best_score = now;
            improved_at = spent;
        } else if spent - improved_at > patience {
            break;
        }
        // Migration in a fixed order: island i takes island i-1's best (from before the
        // exchange) unless it already holds that schedule.
        if islands.len() > 1 {
            let bests: Vec<Option<Individual>> = islands
                .iter()
                .map(|i| i.population.first().cloned())
                .collect();
            for (i, island) in islands.iter_mut().enumerate() {
                let from = (i + bests.len() - 1) % bests.len();
                if let Some(migrant) = &bests[from] {
                    let mut pool = std::mem::take(&mut island.population);
                    pool.push(migrant.clone());
                    island.population = select(pool, island.size);
                }
            }
        }
    }
    let schedules = islands.iter().map(|i| i.decoder.schedules).sum();
    let generations = islands.iter().map(|i| i.generations).max().unwrap_or(0);
    // The best over all islands; ties go to the lowest island.
    let best = islands
        .into_iter()
        .filter_map(|i| i.best)
        .min_by_key(|b| b.score)
        .unwrap_or_else(|| Individual {
            list: order.to_vec(),
            dates: early.clone(),
            score: Score::of(net, early),
        });
    Found {
        dates: best.dates,
        schedules,
        generations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::LinkKind;
    use crate::schedule::graph::follows_links;
    use crate::schedule::synth;

    /// A schedule of `list` decoded forwards, as the search holds it.
    fn individual(net: &Network, list: Vec<usize>) -> Individual {
        let n = net.len();
        let mut dates = Dates {
            start: vec![0; n],
            end: vec![0; n],
        };
        Decoder::new(net).forward(&list, &mut dates);
        let score = Score::of(net, &dates);
        Individual { list, dates, score }
    }

    #[test]
    fn busiest_stretch_is_where_most_capacity_is_held() {
        let dates = Dates {
            start: vec![0, 5, 5, 0, 12],
            end: vec![2, 8, 8, 10, 14],
        };
        let load = [1.0, 1.0, 1.0, 0.5, 0.0];
        assert_eq!(busiest_stretch(&dates, &load, 3), Some((5, 8)));
        // Two days fit in the busy stretch anywhere; the earliest is taken.
        assert_eq!(busiest_stretch(&dates, &load, 2), Some((5, 7)));
        // Longer than the plan: the whole plan.
        assert_eq!(busiest_stretch(&dates, &load, 100), Some((0, 14)));
        let far = Dates {
            start: vec![0, 0],
            end: vec![1, Day::try_from(PEAK_MAX_SPAN).unwrap() + 1],
        };
        assert_eq!(busiest_stretch(&far, &[1.0, 1.0], 10), None);
    }

    #[test]
    fn peak_crossover_keeps_every_link_and_the_fathers_busiest_stretch() {
        // PSPLIB-like (finish-to-start: the parts laid end to end) and a portfolio with
        // start-to-start links, lags in months and, for every third link, finish-to-finish
        // (a successor that may start first: the ordered merge).
        let mut portfolio = synth::portfolio(200, true, 5);
        for link in portfolio.links.iter_mut().step_by(3) {
            link.kind = LinkKind::FinishToFinish;
        }
        for problem in [synth::rcpsp_like(60, 3), portfolio] {
            let net = Network::new(&problem).unwrap();
            let load = loads(&net);
            let mut rng = ChaCha8Rng::seed_from_u64(9);
            let random_list = |rng: &mut ChaCha8Rng| {
                let noise: Vec<u32> = (0..net.len()).map(|_| rng.random()).collect();
                keyed_order(&net, Direction::Forward, None, |a| noise[a]).0
            };
            let (mut differs, mut backward_links) = (0, 0);
            for round in 0..20 {
                let mother = random_list(&mut rng);
                let father = individual(&net, random_list(&mut rng));
                let length = father.dates.finish() / 5 + round;
                let child = peak_crossover(&net, &mother, &father, &load, length).unwrap();
                assert!(follows_links(&net, Direction::Forward, &child));
                let mut sorted = child.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..net.len()).collect::<Vec<_>>());
                let has_finish_to_finish = problem
                    .links
                    .iter()
                    .any(|l| l.kind == LinkKind::FinishToFinish);
                backward_links += problem
                    .links
                    .iter()
                    .filter(|l| father.dates.start[l.to] < father.dates.start[l.from])
                    .count();
                differs += usize::from(child != mother && child != father.list);
                if has_finish_to_finish {
                    continue; // a predecessor from a later part may have to come first
                }
                // The activities the father starts in its busiest stretch keep its order.
                let (from, to) = busiest_stretch(&father.dates, &load, length).unwrap();
                let inside = |a: &usize| (from..to).contains(&father.dates.start[*a]);
                let kept: Vec<usize> = child.iter().copied().filter(inside).collect();
                let fathers: Vec<usize> = father.list.iter().copied().filter(inside).collect();
                assert!(!kept.is_empty());
                assert_eq!(kept, fathers);
            }
            assert!(differs > 10, "only {differs} of 20 children are new");
            // The finish-to-finish links do run backwards, so the merge is exercised.
            let has_finish_to_finish = problem
                .links
                .iter()
                .any(|l| l.kind == LinkKind::FinishToFinish);
            assert_eq!(backward_links > 0, has_finish_to_finish);
        }
    }

    #[test]
    fn insertion_keeps_every_link_and_every_activity() {
        let problem = synth::rcpsp_like(60, 7);
        let net = Network::new(&problem).unwrap();
        let (mut list, complete) = keyed_order(&net, Direction::Forward, None, |a| a);
        assert!(complete);
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut moved = 0;
        for _ in 0..2_000 {
            let before = list.clone();
            insertion(&net, &mut list, &mut rng);
            assert!(follows_links(&net, Direction::Forward, &list));
            let mut sorted = list.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..net.len()).collect::<Vec<_>>());
            moved += usize::from(list != before);
        }
        // It must actually reorder, not just keep the list as it was.
        assert!(
            moved > 1_000,
            "only {moved} of 2,000 insertions changed the list"
        );
    }
}
