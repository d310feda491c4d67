//! The search for a good resource-constrained plan: activity lists from classic priority rules,
//! then a seeded genetic algorithm on activity lists (two-point crossover, swap mutation), every
//! list decoded by the serial SGS and improved by forward-backward justification, as in
//! Hartmann (1998) and Valls, Ballestín & Quintanilla (2005). Work is counted in schedules built,
//! never in seconds, so a given input and seed always give the same plan.

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

struct Search<'d, 'n, 'p> {
    decoder: &'d mut Decoder<'n, 'p>,
    rng: ChaCha8Rng,
    budget: Budget,
    best: Option<Individual>,
}

impl Search<'_, '_, '_> {
    fn exhausted(&self) -> bool {
        self.decoder.schedules >= self.budget.schedules
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
        if self
            .best
            .as_ref()
            .is_none_or(|b| individual.score < b.score)
        {
            self.best = Some(individual.clone());
        }
        individual
    }

    fn tournament<'a>(&mut self, population: &'a [Individual]) -> &'a Individual {
        let a = self.rng.random_range(0..population.len());
        let b = self.rng.random_range(0..population.len());
        &population[a.min(b)] // the population is sorted best first
    }

    fn mutate(&mut self, list: &mut [usize], rate: f64) {
        let net = self.decoder.net;
        for i in 1..list.len() {
            if self.rng.random_bool(rate) && !linked(net, list[i - 1], list[i]) {
                list.swap(i - 1, i);
            }
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

/// Searches for the best plan within `budget`. `order` is the forward topological order and
/// `early` the CPM early dates.
pub(crate) fn search(
    decoder: &mut Decoder,
    order: &[usize],
    early: &Dates,
    lower_bound: Day,
    budget: Budget,
    seed: u64,
) -> Found {
    let net = decoder.net;
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

    let mut search = Search {
        decoder,
        rng: ChaCha8Rng::seed_from_u64(seed),
        budget,
        best: None,
    };
    // A plan that meets every due date and ends on the lower bound cannot be beaten on the
    // first two objectives; large roadmaps often get one from a priority rule, so stop there.
    let at_bound = |search: &Search<'_, '_, '_>| {
        search
            .best
            .as_ref()
            .is_some_and(|b| b.score.overrun == 0 && b.score.finish <= lower_bound)
    };
    let mut population = Vec::new();
    for list in &rules {
        population.push(search.evaluate(list));
        if search.exhausted() || at_bound(&search) {
            break;
        }
    }
    // Random lists biased towards the latest-start rule fill the rest of the population.
    let spread = i64::from(
        early
            .finish()
            .saturating_sub(early.start.iter().copied().min().unwrap_or(0))
            .max(1),
    );
    while population.len() < budget.population && !search.exhausted() && !at_bound(&search) {
        let noise: Vec<i64> = (0..n).map(|_| search.rng.random_range(0..spread)).collect();
        let list = keyed_order(net, Direction::Forward, None, |a| {
            i64::from(latest[a]) + noise[a]
        })
        .0;
        population.push(search.evaluate(&list));
    }
    let mut population = select(population, budget.population);

    let mut generations = 0;
    let mut taken = vec![false; n];
    let mutation_rate = 0.05;
    while !search.exhausted() && n > 1 && population.len() > 1 && !at_bound(&search) {
        generations += 1;
        let mut pool = population.clone();
        for _ in 0..budget.population / 2 {
            if search.exhausted() {
                break;
            }
            let mother = search.tournament(&population).list.clone();
            let father = search.tournament(&population).list.clone();
            let mut cut1 = search.rng.random_range(0..n);
            let mut cut2 = search.rng.random_range(0..n);
            if cut1 > cut2 {
                std::mem::swap(&mut cut1, &mut cut2);
            }
            for (x, y) in [(&mother, &father), (&father, &mother)] {
                let mut child = crossover(x, y, cut1, cut2, &mut taken);
                search.mutate(&mut child, mutation_rate);
                pool.push(search.evaluate(&child));
            }
        }
        population = select(pool, budget.population);
    }
    let schedules = search.decoder.schedules;
    let best = search.best.unwrap_or_else(|| Individual {
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
