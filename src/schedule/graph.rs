//! Dependency order: topological orders with explicit tie-breaks, implementation waves, and the
//! path of a dependency cycle.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

// Kosaraju's algorithm in petgraph is iterative; its `tarjan_scc` recurses on the graph's depth
// and overflows the stack on a long chain.
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use super::network::{Adjacency, Network};

/// Which way to walk the links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Predecessors first.
    Forward,
    /// Successors first.
    Backward,
}

/// Extra precedences `(before, after)` on top of the links, grouped by both ends.
pub(crate) struct Arcs {
    pub pairs: Vec<(usize, usize)>,
    pub out: Adjacency,
    pub into: Adjacency,
}

impl Arcs {
    pub fn new(n: usize, pairs: Vec<(usize, usize)>) -> Arcs {
        let out = Adjacency::build(n, pairs.len(), |i| pairs[i].0);
        let into = Adjacency::build(n, pairs.len(), |i| pairs[i].1);
        Arcs { pairs, out, into }
    }
}

/// Whether `order` (every activity once) puts both ends of every link in `direction`'s order:
/// predecessors first forwards, successors first backwards.
pub(crate) fn follows_links(net: &Network, direction: Direction, order: &[usize]) -> bool {
    let mut position = vec![0usize; net.len()];
    for (i, &a) in order.iter().enumerate() {
        position[a] = i;
    }
    net.problem.links.iter().all(|l| match direction {
        Direction::Forward => position[l.from] < position[l.to],
        Direction::Backward => position[l.to] < position[l.from],
    })
}

/// [`keyed_order`] over the links alone, for complete orders, with each activity's key packed
/// into one number that holds the activity too (`index` takes it back out), so keys are unique:
/// the same result, found by sorting when that already puts every link's ends in order (as
/// start days usually do), which is much cheaper than walking the graph. Plain numbers sort
/// several times faster than composite keys (the j120 search spent 15 % of its time sorting).
pub(crate) fn sorted_order(
    net: &Network,
    direction: Direction,
    key: impl Fn(usize) -> u128,
    index: impl Fn(u128) -> usize,
) -> Vec<usize> {
    let mut keys: Vec<u128> = (0..net.len()).map(&key).collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(index).collect();
    if follows_links(net, direction, &order) {
        // The smallest remaining key is always ready, so the graph walk would pick the same.
        order
    } else {
        keyed_order(net, direction, None, key).0
    }
}

/// A topological order that, among the activities whose prerequisites are all placed, always
/// takes the one with the smallest key. Returns the order and whether it is complete: it is not
/// when a cycle blocks the rest (the caller then reports the cycle).
pub(crate) fn keyed_order<K: Ord>(
    net: &Network,
    direction: Direction,
    extra: Option<&Arcs>,
    key: impl Fn(usize) -> K,
) -> (Vec<usize>, bool) {
    let n = net.len();
    let links = &net.problem.links;
    let (waiting_on, releases) = match direction {
        Direction::Forward => (&net.in_links, &net.out_links),
        Direction::Backward => (&net.out_links, &net.in_links),
    };
    let other_end = |l: usize| match direction {
        Direction::Forward => links[l].to,
        Direction::Backward => links[l].from,
    };
    let mut blockers: Vec<usize> = (0..n).map(|a| waiting_on.of(a).len()).collect();
    if let Some(arcs) = extra {
        for &(before, after) in &arcs.pairs {
            blockers[if direction == Direction::Forward {
                after
            } else {
                before
            }] += 1;
        }
    }
    let mut ready: BinaryHeap<Reverse<(K, usize)>> = (0..n)
        .filter(|&a| blockers[a] == 0)
        .map(|a| Reverse((key(a), a)))
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(Reverse((_, a))) = ready.pop() {
        order.push(a);
        let mut release = |b: usize, ready: &mut BinaryHeap<Reverse<(K, usize)>>| {
            blockers[b] -= 1;
            if blockers[b] == 0 {
                ready.push(Reverse((key(b), b)));
            }
        };
        for &l in releases.of(a) {
            release(other_end(l), &mut ready);
        }
        if let Some(arcs) = extra {
            let adjacency = match direction {
                Direction::Forward => &arcs.out,
                Direction::Backward => &arcs.into,
            };
            for &i in adjacency.of(a) {
                let (before, after) = arcs.pairs[i];
                release(
                    if direction == Direction::Forward {
                        after
                    } else {
                        before
                    },
                    &mut ready,
                );
            }
        }
    }
    let complete = order.len() == n;
    (order, complete)
}

/// The implementation wave of each activity in a (complete) forward topological `order`: 0
/// without prerequisites, else one more than the latest wave among its predecessors.
pub(crate) fn waves(net: &Network, order: &[usize]) -> Vec<u32> {
    let mut wave = vec![0u32; net.len()];
    for &a in order {
        for &l in net.in_links.of(a) {
            let from = net.problem.links[l].from;
            wave[a] = wave[a].max(wave[from].saturating_add(1));
        }
    }
    wave
}

/// One dependency cycle as the path of activities that closes it (first == last), or `None` when
/// the links are acyclic. Deterministic: the cycle through the lowest index that lies on one,
/// shortest in links.
pub(crate) fn find_cycle(net: &Network) -> Option<Vec<usize>> {
    let n = net.len();
    let mut graph = DiGraph::<(), ()>::with_capacity(n, net.problem.links.len());
    for _ in 0..n {
        graph.add_node(());
    }
    for link in &net.problem.links {
        if link.from == link.to {
            // A self-loop is the shortest cycle there is; prefer the lowest such index below.
            continue;
        }
        graph.add_edge(NodeIndex::new(link.from), NodeIndex::new(link.to), ());
    }
    let self_loop = net
        .problem
        .links
        .iter()
        .filter(|l| l.from == l.to)
        .map(|l| l.from)
        .min();
    let in_cycle = kosaraju_scc(&graph)
        .into_iter()
        .filter(|component| component.len() > 1)
        .filter_map(|component| component.iter().map(|node| node.index()).min())
        .min();
    let start = match (self_loop, in_cycle) {
        (Some(a), Some(b)) if b < a => b,
        (Some(a), _) => return Some(vec![a, a]),
        (None, Some(b)) => b,
        (None, None) => return None,
    };
    // Breadth-first from `start` back to itself gives the shortest cycle through it.
    let mut parent = vec![usize::MAX; n];
    let mut queue = VecDeque::from([start]);
    while let Some(a) = queue.pop_front() {
        let mut next: Vec<usize> = net
            .out_links
            .of(a)
            .iter()
            .map(|&l| net.problem.links[l].to)
            .collect();
        next.sort_unstable();
        for b in next {
            if b == start {
                // Walk back from `a` to `start`, then read it forwards and close the loop.
                let mut path = vec![a];
                while *path.last().unwrap_or(&start) != start {
                    let at = path[path.len() - 1];
                    path.push(parent[at]);
                }
                path.reverse();
                path.push(start);
                return Some(path);
            }
            if parent[b] == usize::MAX && b != start {
                parent[b] = a;
                queue.push_back(b);
            }
        }
    }
    None
}
