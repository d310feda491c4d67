//! An exact solver for tiny problems, to check the heuristic in tests.
//!
//! Branch and bound over activity lists decoded by the serial SGS: the serial SGS applied to
//! every precedence-feasible list yields every active schedule, and for finish-to-start and
//! start-to-start links (whose start order is topological) some active schedule is optimal for
//! the planner's lexicographic objective, which only grows with end days. A partial list is cut
//! when a lower bound of its score cannot beat the best complete one.

use super::ScheduleError;
use super::cpm::{Dates, early_dates};
use super::graph::{Direction, keyed_order};
use super::network::Network;
use super::problem::{Day, Problem};
use super::profile::Profile;
use super::sgs::Score;

/// The optimal score's parts: total overrun, finish, and per priority level the sum of ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Optimum {
    pub overrun: i64,
    pub finish: Day,
    pub by_priority: [i64; 5],
}

/// The best score of any plan of `problem`, or `Ok(None)` if it has more than `max_activities`
/// activities or the search visits more than `node_limit` partial lists.
pub fn solve(
    problem: &Problem,
    max_activities: usize,
    node_limit: u64,
) -> Result<Option<Optimum>, ScheduleError> {
    let net = Network::new(problem)?;
    let n = net.len();
    if n > max_activities {
        return Ok(None);
    }
    let (order, complete) = keyed_order(&net, Direction::Forward, None, |a| a);
    if !complete {
        return Err(ScheduleError::Cycle(Vec::new()));
    }
    let early = early_dates(&net, &order);
    let mut state = State {
        net: &net,
        early,
        profile: Profile::of(problem),
        dates: Dates {
            start: vec![0; n],
            end: vec![0; n],
        },
        placed: vec![false; n],
        count: 0,
        best: None,
        nodes: 0,
        node_limit,
    };
    state.branch();
    if state.nodes > node_limit {
        return Ok(None);
    }
    Ok(state.best.map(|s| Optimum {
        overrun: s.overrun,
        finish: s.finish,
        by_priority: s.by_priority,
    }))
}

struct State<'n, 'p> {
    net: &'n Network<'p>,
    early: Dates,
    profile: Profile,
    dates: Dates,
    placed: Vec<bool>,
    count: usize,
    best: Option<Score>,
    nodes: u64,
    node_limit: u64,
}

impl State<'_, '_> {
    fn ready(&self, a: usize) -> bool {
        !self.placed[a]
            && self
                .net
                .in_links
                .of(a)
                .iter()
                .all(|&l| self.placed[self.net.problem.links[l].from])
    }

    /// Score bound: placed activities as they are, the others at their early end (never
    /// earlier than any schedule can end them).
    fn bound(&self) -> Score {
        let mut dates = self.dates.clone();
        for a in 0..self.net.len() {
            if !self.placed[a] {
                dates.start[a] = self.early.start[a];
                dates.end[a] = self.early.end[a];
            }
        }
        Score::of(self.net, &dates)
    }

    fn branch(&mut self) {
        self.nodes += 1;
        if self.nodes > self.node_limit {
            return;
        }
        let n = self.net.len();
        if self.count == n {
            let score = Score::of(self.net, &self.dates);
            if self.best.is_none_or(|b| score < b) {
                self.best = Some(score);
            }
            return;
        }
        if self.best.is_some_and(|b| self.bound() >= b) {
            return;
        }
        for a in 0..n {
            if !self.ready(a) {
                continue;
            }
            let mut start = self
                .net
                .earliest_start(a, &self.dates.start, &self.dates.end);
            let mut end = self.net.end(a, start);
            while let Some(after) = self.net.demands[a]
                .iter()
                .filter_map(|&(r, u)| self.profile.overload(r, start, end, u))
                .map(|(after, _)| after)
                .max()
            {
                start = after.max(start + 1);
                end = self.net.end(a, start);
            }
            let saved = (self.dates.start[a], self.dates.end[a]);
            self.dates.start[a] = start;
            self.dates.end[a] = end;
            for &(r, u) in &self.net.demands[a] {
                self.profile.add(r, start, end, u);
            }
            self.placed[a] = true;
            self.count += 1;
            self.branch();
            self.count -= 1;
            self.placed[a] = false;
            for &(r, u) in &self.net.demands[a] {
                self.profile.remove(r, start, end, u);
            }
            (self.dates.start[a], self.dates.end[a]) = saved;
        }
    }
}
