//! Serial schedule generation: turn a precedence-feasible activity list into a schedule that
//! respects links, releases and capacities, forwards (each as early as possible) or backwards
//! (each as late as possible before a finish). Forward-backward improvement builds on both.

use super::budget::{Ledger, Years, days_allowed};
use super::cpm::Dates;
use super::graph::{Direction, sorted_order};
use super::grid::Grid;
use super::network::Network;
use super::problem::Day;
use super::profile::Profile;

/// How good a schedule is, compared lexicographically: total days of overrun past due dates,
/// then the finish, then for each priority level (1 first) the sum of its end days, so that
/// higher-priority work finishes as early as it can when plans otherwise tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Score {
    pub overrun: i64,
    pub finish: Day,
    pub by_priority: [i64; 5],
}

impl Score {
    pub fn of(net: &Network, dates: &Dates) -> Score {
        let mut score = Score {
            overrun: 0,
            finish: dates.finish(),
            by_priority: [0; 5],
        };
        for (a, activity) in net.problem.activities.iter().enumerate() {
            let end = dates.end[a];
            if let Some(due) = activity.due {
                score.overrun += i64::from(end.saturating_sub(due).max(0));
            }
            let level = usize::from(activity.priority.clamp(1, 5) - 1);
            score.by_priority[level] += i64::from(end);
        }
        score
    }
}

/// `day` as an unsigned number in the same order (for packed sort keys): `i32::MIN` is 0.
fn ordered(day: Day) -> u64 {
    u64::from(day.cast_unsigned() ^ 0x8000_0000)
}

/// Reusable scratch space for decoding lists into schedules.
pub(crate) struct Decoder<'n, 'p> {
    pub net: &'n Network<'p>,
    profile: Profile,
    /// The faster free capacity by day, when the problem qualifies (see [`Grid::new`]); the
    /// profile then serves only the schedules that leave its window.
    grid: Option<Grid>,
    /// Schedules built so far (forward and backward passes each count one).
    pub schedules: u64,
    /// Money placed per yearly budget; `None` when the problem has no capped budget.
    money: Option<(Years, Ledger)>,
}

/// Where the yearly budgets let an activity go from a candidate start.
enum Move {
    /// It fits there.
    Fits,
    /// Try this start next.
    To(Day),
    /// No start within the search horizon fits: place it where resources allow and let the
    /// plan report the overspend.
    Never,
}

impl<'n, 'p> Decoder<'n, 'p> {
    pub fn new(net: &'n Network<'p>) -> Self {
        // Day by day when the horizon is short (a scan per placement then costs a few days);
        // steps otherwise, whose cost does not grow with the horizon.
        let window = net
            .day_window(1 << 13)
            .filter(|_| !net.problem.capacities.is_empty());
        Decoder {
            net,
            profile: Profile::with_window(&Profile::capacity_lines(net.problem), window),
            grid: window.and_then(|window| Grid::new(net, window)),
            schedules: 0,
            money: (!net.problem.budgets.is_empty()).then(|| {
                let years = Years::of(net.problem);
                let base = years.year_of(0);
                (years, Ledger::new(net.problem.budgets.caps.len(), base))
            }),
        }
    }

    /// Where this decoder keeps free capacity.
    pub fn schedules_on(&self) -> super::Schedules {
        if self.grid.is_some() {
            super::Schedules::OnDayGrid
        } else {
            super::Schedules::OnProfile
        }
    }

    /// Forwards: the next start worth trying for `a` on `[start, end)` under the yearly caps.
    /// Moving later takes days out of the year over its cap: at most `days_allowed` of them may
    /// stay there.
    fn budget_forward(&self, a: usize, start: Day, end: Day) -> Move {
        let Some((years, ledger)) = &self.money else {
            return Move::Fits;
        };
        let budgets = &self.net.problem.budgets;
        let Some(excess) = ledger.excess(years, budgets, a, start, end, true) else {
            return Move::Fits;
        };
        // Past the last year anything is placed in, every year is empty: a year of starts
        // beyond it tries every alignment, so an activity that still does not fit never will.
        let frontier = ledger
            .frontier(budgets, a, true)
            .map_or(excess.year, |year| year.max(excess.year));
        let horizon = years.start_of(frontier + 1).saturating_add(370);
        let last = years.start_of(9999);
        if start > horizon || start >= last {
            return Move::Never;
        }
        let next_year = years.start_of(excess.year + 1);
        let next = if end <= start {
            next_year
        } else {
            let total = self.longest_run(a, start, end);
            next_year.saturating_sub(days_allowed(excess.room, excess.amount, total))
        };
        Move::To(next.max(start + 1))
    }

    /// The most days `a` may run from any start: a run in months is longer or shorter with
    /// the calendar, and a jump computed from a shorter run than the one it lands on would
    /// skip starts that fit. The longest run allows the most days in a year, so jumps never
    /// overshoot; the loop re-checks each landing.
    fn longest_run(&self, a: usize, start: Day, end: Day) -> Day {
        match self.net.problem.activities[a].duration {
            crate::calendar::Span::Months(m) => {
                Day::try_from(u64::from(m) * 31).map_or(Day::MAX, |d| d.max(end - start))
            }
            // However sparse the working week, a working day comes at least once a week.
            crate::calendar::Span::WorkingDays(d) => {
                Day::try_from(u64::from(d) * 7 + 31).map_or(Day::MAX, |d| d.max(end - start))
            }
            crate::calendar::Span::Days(_) => end - start,
        }
    }

    /// Backwards: the next (earlier) start worth trying, as a latest end.
    fn budget_backward(&self, a: usize, start: Day, end: Day) -> Move {
        let Some((years, ledger)) = &self.money else {
            return Move::Fits;
        };
        let budgets = &self.net.problem.budgets;
        let Some(excess) = ledger.excess(years, budgets, a, start, end, false) else {
            return Move::Fits;
        };
        let frontier = ledger
            .frontier(budgets, a, false)
            .map_or(excess.year, |year| year.min(excess.year));
        let horizon = years
            .start_of(frontier)
            .saturating_sub(370)
            .saturating_sub(end.saturating_sub(start));
        if start < horizon || start <= Day::MIN / 2 {
            return Move::Never;
        }
        let year_start = years.start_of(excess.year);
        if end <= start {
            return Move::To(year_start.saturating_sub(1).min(start - 1));
        }
        let total = self.longest_run(a, start, end);
        let end_by = year_start.saturating_add(days_allowed(excess.room, excess.amount, total));
        Move::To(self.net.latest_start_ending_by(a, end_by).min(start - 1))
    }

    /// The earliest run of `a` from `start` on that fits every resource it needs: one scan
    /// over the day window when there is one, else a jump per overloaded stretch.
    fn fit_forward(&self, a: usize, mut start: Day, mut end: Day) -> (Day, Day) {
        let net = self.net;
        let demands = &net.demands[a];
        // Day windows exist only for fixed-length runs on continuous days (no calendar).
        if let Some(fit) = net
            .fixed_length(a)
            .and_then(|len| self.profile.earliest_fit(demands, start, len))
        {
            return (fit, net.end(a, fit));
        }
        loop {
            let mut retry: Option<Day> = None;
            for &(r, units) in demands {
                if let Some(after) = self.profile.overload_after(r, start, end, units) {
                    retry = Some(retry.map_or(after, |t| t.max(after)));
                }
            }
            match retry {
                // A later start always ends no earlier, so it can only move forwards.
                Some(next) if start < Day::MAX => {
                    start = net.problem.snap_forward(next.max(start + 1));
                    end = net.end(a, start);
                }
                _ => return (start, end),
            }
        }
    }

    /// The latest run of `a` starting at or before `start` that fits every resource it needs.
    fn fit_backward(&self, a: usize, mut start: Day, mut end: Day) -> (Day, Day) {
        let net = self.net;
        let demands = &net.demands[a];
        if let Some(fit) = net
            .fixed_length(a)
            .and_then(|len| self.profile.latest_fit(demands, start, len))
        {
            return (fit, net.end(a, fit));
        }
        loop {
            let mut end_by: Option<Day> = None;
            for &(r, units) in demands {
                if let Some(first) = self.profile.overload_before(r, start, end, units) {
                    end_by = Some(end_by.map_or(first, |t| t.min(first)));
                }
            }
            match end_by {
                Some(limit) if start > Day::MIN => {
                    start = net
                        .problem
                        .snap_back(net.latest_start_ending_by(a, limit).min(start - 1));
                    end = net.end(a, start);
                }
                _ => return (start, end),
            }
        }
    }

    /// Forward serial SGS: each activity of `list` (predecessors first) at the earliest day its
    /// links, release and the capacity left by the activities before it in the list allow.
    pub fn forward(&mut self, list: &[usize], out: &mut Dates) {
        self.schedules += 1;
        if self.forward_on_grid(list, out) {
            return;
        }
        self.profile.clear();
        if let Some((_, ledger)) = &mut self.money {
            ledger.clear();
        }
        let net = self.net;
        for &a in list {
            let mut start = net.earliest_start(a, &out.start, &out.end);
            let mut end = net.end(a, start);
            let mut fallback = None;
            loop {
                (start, end) = self.fit_forward(a, start, end);
                // Resources fit; now the yearly budgets (a no-op without them).
                let fits_resources = (start, end);
                match self.budget_forward(a, start, end) {
                    Move::Fits => break,
                    Move::To(next) => {
                        fallback.get_or_insert(fits_resources);
                        start = net.problem.snap_forward(next);
                        end = net.end(a, start);
                    }
                    Move::Never => {
                        (start, end) = *fallback.get_or_insert(fits_resources);
                        break;
                    }
                }
            }
            self.place(a, start, end, out);
        }
    }

    /// Backward serial SGS: each activity of `list` (successors first) at the latest day that
    /// ends by `finish`, keeps its successors' links and fits the capacity left.
    pub fn backward(&mut self, list: &[usize], finish: Day, out: &mut Dates) {
        self.schedules += 1;
        if self.backward_on_grid(list, finish, out) {
            return;
        }
        self.profile.clear();
        if let Some((_, ledger)) = &mut self.money {
            ledger.clear();
        }
        let net = self.net;
        for &a in list {
            let mut start = net.latest_start(a, finish, &out.start, &out.end);
            let mut end = net.end(a, start);
            let mut fallback = None;
            loop {
                (start, end) = self.fit_backward(a, start, end);
                let fits_resources = (start, end);
                match self.budget_backward(a, start, end) {
                    Move::Fits => break,
                    Move::To(next) => {
                        fallback.get_or_insert(fits_resources);
                        start = net.problem.snap_back(next);
                        end = net.end(a, start);
                    }
                    Move::Never => {
                        (start, end) = *fallback.get_or_insert(fits_resources);
                        break;
                    }
                }
            }
            self.place(a, start, end, out);
        }
    }

    /// [`Decoder::forward`] on the grid, when there is one; `false` when there is none or the
    /// schedule leaves its window (the caller then builds it on the profile).
    fn forward_on_grid(&mut self, list: &[usize], out: &mut Dates) -> bool {
        let Some(grid) = &mut self.grid else {
            return false;
        };
        grid.clear();
        for &a in list {
            let earliest = self.net.earliest_start(a, &out.start, &out.end);
            let Some(start) = grid.earliest_fit(a, earliest) else {
                return false;
            };
            grid.place(a, start);
            out.start[a] = start;
            out.end[a] = self.net.end(a, start);
        }
        true
    }

    /// [`Decoder::backward`] on the grid, as [`Decoder::forward_on_grid`].
    fn backward_on_grid(&mut self, list: &[usize], finish: Day, out: &mut Dates) -> bool {
        let Some(grid) = &mut self.grid else {
            return false;
        };
        grid.clear();
        for &a in list {
            let latest = self.net.latest_start(a, finish, &out.start, &out.end);
            let Some(start) = grid.latest_fit(a, latest) else {
                return false;
            };
            grid.place(a, start);
            out.start[a] = start;
            out.end[a] = self.net.end(a, start);
        }
        true
    }

    fn place(&mut self, a: usize, start: Day, end: Day, out: &mut Dates) {
        out.start[a] = start;
        out.end[a] = end;
        for &(r, units) in &self.net.demands[a] {
            self.profile.add(r, start, end, units);
        }
        if let Some((years, ledger)) = &mut self.money {
            ledger.place(years, &self.net.problem.budgets, a, start, end);
        }
    }

    /// The forward list that replays `dates`: predecessors first, then by start day, priority
    /// and index.
    pub fn list_by_start(&self, dates: &Dates) -> Vec<usize> {
        let activities = &self.net.problem.activities;
        sorted_order(
            self.net,
            Direction::Forward,
            |a| {
                let rank = (ordered(dates.start[a]) << 8) | u64::from(activities[a].priority);
                (u128::from(rank) << 64) | a as u128
            },
            |key| key as u64 as usize,
        )
    }

    /// The activities by descending end day, then descending start day and index, successors
    /// first: the order in which the backward SGS right-justifies `dates`.
    fn list_by_end(&self, dates: &Dates) -> Vec<usize> {
        sorted_order(
            self.net,
            Direction::Backward,
            |a| {
                let rank =
                    (!ordered(dates.end[a]) << 32) | (!ordered(dates.start[a]) & 0xFFFF_FFFF);
                (u128::from(rank) << 64) | u128::from(!(a as u64))
            },
            |key| !(key as u64) as usize,
        )
    }

    /// Forward-backward improvement (justification): right-justify the schedule against its
    /// finish, then left-justify the result, as long as that improves the score (at most
    /// `rounds` times). Never returns anything worse than its input.
    pub fn improve(&mut self, dates: Dates, score: Score, rounds: u32) -> (Dates, Score) {
        let (mut best, mut best_score) = (dates, score);
        let n = self.net.len();
        let mut late = Dates {
            start: vec![0; n],
            end: vec![0; n],
        };
        let mut early = late.clone();
        for _ in 0..rounds {
            let backward_list = self.list_by_end(&best);
            self.backward(&backward_list, best_score.finish, &mut late);
            let forward_list = self.list_by_start(&late);
            self.forward(&forward_list, &mut early);
            let score = Score::of(self.net, &early);
            if score < best_score {
                std::mem::swap(&mut best, &mut early);
                best_score = score;
            } else {
                break;
            }
        }
        (best, best_score)
    }
}

#[cfg(test)]
mod tests {
    use rand::{RngExt, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    use super::*;
    use crate::schedule::graph::keyed_order;
    use crate::schedule::synth::rcpsp_like;

    /// Forward and backward passes, justification included, on `decoder` for random lists.
    fn schedules(decoder: &mut Decoder, seed: u64) -> Vec<Dates> {
        let net = decoder.net;
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let n = net.len();
        let mut out = Vec::new();
        for _ in 0..20 {
            let keys: Vec<u64> = (0..n).map(|_| rng.random_range(0..1000)).collect();
            let list = keyed_order(net, Direction::Forward, None, |a| keys[a]).0;
            let mut dates = Dates {
                start: vec![0; n],
                end: vec![0; n],
            };
            decoder.forward(&list, &mut dates);
            let score = Score::of(net, &dates);
            out.push(dates.clone());
            out.push(decoder.improve(dates, score, 3).0);
        }
        out
    }

    #[test]
    fn the_grid_builds_the_schedules_the_profile_builds() {
        for seed in 0..12 {
            let mut problem = rcpsp_like(40, seed);
            // Capacity over time on some instances: a dip and a rise inside the window.
            if seed % 3 == 0 {
                let dip = problem.capacities[0] * 3 / 4;
                problem.capacity_changes = vec![vec![(15, dip), (40, problem.capacities[0])]];
                problem
                    .capacity_changes
                    .push(vec![(25, problem.capacities[1] + 5)]);
            }
            let net = Network::new(&problem).unwrap();
            let mut on_grid = Decoder::new(&net);
            assert!(on_grid.grid.is_some(), "instance {seed} should qualify");
            let mut on_profile = Decoder::new(&net);
            on_profile.grid = None;
            assert_eq!(
                schedules(&mut on_grid, seed),
                schedules(&mut on_profile, seed),
                "instance {seed}"
            );
        }
    }

    #[test]
    fn problems_beyond_the_grid_keep_the_profile() {
        let mut problem = rcpsp_like(10, 1);
        problem.capacities.push(5);
        let net = Network::new(&problem).unwrap();
        assert!(Decoder::new(&net).grid.is_none(), "five resources");

        let mut problem = rcpsp_like(10, 1);
        problem.capacity_changes = vec![vec![(1_000_000, 1)]];
        let net = Network::new(&problem).unwrap();
        assert!(Decoder::new(&net).grid.is_none(), "a step past the window");

        let mut problem = rcpsp_like(10, 1);
        problem.capacity_changes = vec![vec![(-100_000, 1)]];
        let net = Network::new(&problem).unwrap();
        assert!(
            Decoder::new(&net).grid.is_none(),
            "a step before the window"
        );
    }
}
