//! Yearly budgets: funding sources capped per calendar year, treated by the planner like a
//! capacity measured per year instead of per day.
//!
//! Amounts are whole cents (`Cents`), so sums are exact. An activity's spend from a budget is
//! spread evenly over the days it runs: the share of a calendar year is `amount × days in that
//! year / days it runs`, rounded down on the running total, so the years add up to the amount
//! exactly and the last year takes the remainder. A milestone spends everything on its day.

use chrono::{Datelike, NaiveDate};

use super::problem::{Day, Problem};

/// Money in whole cents.
pub type Cents = i64;

/// The yearly budgets of a problem. Empty (the default) when no source is capped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Budgets {
    /// Each budget's cap per calendar year.
    pub caps: Vec<Cents>,
    /// What each activity spends from each budget over its whole run: `spend[a]` lists
    /// `(budget index, cents)`. Missing entries (a shorter vector) spend nothing.
    pub spend: Vec<Vec<(usize, Cents)>>,
}

impl Budgets {
    pub fn is_empty(&self) -> bool {
        self.caps.is_empty() || self.spend.iter().all(Vec::is_empty)
    }

    /// What activity `a` spends.
    pub fn of(&self, a: usize) -> &[(usize, Cents)] {
        self.spend.get(a).map_or(&[], Vec::as_slice)
    }
}

/// Calendar years on the day axis of a problem.
#[derive(Clone, Debug)]
pub struct Years {
    origin: NaiveDate,
    /// The year of `starts[0]`.
    first: i32,
    /// Day offset of January 1 of each year from `first` on.
    starts: Vec<Day>,
}

impl Years {
    /// Years around `origin`: far enough back for backward passes, up to 9999. Days outside
    /// count as the first or last year of the table.
    pub fn new(origin: NaiveDate) -> Years {
        let last = 10_000;
        let first =
            (origin.year() - (last - origin.year()).max(50) - 1).max(NaiveDate::MIN.year() + 1);
        // January 1 of `first` by the calendar, then year lengths by the leap-year rule: the
        // table is built for every plan, so it avoids a date construction per year.
        let leap =
            |y: i32| (y.rem_euclid(4) == 0 && y.rem_euclid(100) != 0) || y.rem_euclid(400) == 0;
        let mut day =
            NaiveDate::from_ymd_opt(first, 1, 1).map_or(i64::MIN / 4, |d| (d - origin).num_days());
        let mut starts = Vec::with_capacity((last - first + 1) as usize);
        for y in first..=last {
            starts.push(Day::try_from(day).unwrap_or(if day < 0 { Day::MIN } else { Day::MAX }));
            day += if leap(y) { 366 } else { 365 };
        }
        Years {
            origin,
            first,
            starts,
        }
    }

    /// The year of each day of the problem.
    pub fn of(problem: &Problem) -> Years {
        Years::new(problem.origin)
    }

    /// The calendar year `day` falls in.
    pub fn year_of(&self, day: Day) -> i32 {
        let k = self.starts.partition_point(|&s| s <= day);
        self.first + k.saturating_sub(1) as i32
    }

    /// Day offset of January 1 of `year` (saturated outside the table).
    pub fn start_of(&self, year: i32) -> Day {
        let k = year - self.first;
        if k < 0 {
            return Day::MIN;
        }
        self.starts.get(k as usize).copied().unwrap_or(Day::MAX)
    }

    pub fn origin(&self) -> NaiveDate {
        self.origin
    }

    /// Calls `f(year, cents)` for each calendar year of `[start, end)`, `amount` spread evenly
    /// over its days (see the module documentation); a milestone (`start == end`) spends it all
    /// in the year of its day. Years with nothing spent are skipped.
    pub fn spread(&self, amount: Cents, start: Day, end: Day, mut f: impl FnMut(i32, Cents)) {
        if amount == 0 {
            return;
        }
        if end <= start {
            f(self.year_of(start), amount);
            return;
        }
        let total = i128::from(end) - i128::from(start);
        let mut year = self.year_of(start);
        let mut given: Cents = 0;
        loop {
            let year_end = self.start_of(year + 1).min(end);
            let days = i128::from(year_end) - i128::from(start);
            let so_far = (i128::from(amount) * days / total) as Cents;
            if so_far > given {
                f(year, so_far - given);
                given = so_far;
            }
            if year_end >= end || year_end == Day::MAX {
                break;
            }
            year += 1;
        }
    }
}

/// Money already placed per budget and year during a schedule pass.
#[derive(Clone, Debug, Default)]
pub(crate) struct Ledger {
    /// `used[budget]`: cents per year, from year `base`.
    used: Vec<Vec<Cents>>,
    base: i32,
    /// Latest and earliest year with anything placed, per budget.
    span: Vec<Option<(i32, i32)>>,
}

/// A year in which placing an activity would break a cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Excess {
    pub budget: usize,
    pub year: i32,
    /// Cents still free that year (negative when already over).
    pub room: Cents,
    /// What the activity would spend from this budget in all.
    pub amount: Cents,
}

impl Ledger {
    pub fn new(budgets: usize, base: i32) -> Ledger {
        Ledger {
            used: vec![Vec::new(); budgets],
            base,
            span: vec![None; budgets],
        }
    }

    pub fn clear(&mut self) {
        for line in &mut self.used {
            line.clear();
        }
        self.span.fill(None);
    }

    pub fn used(&self, budget: usize, year: i32) -> Cents {
        let k = year - self.base;
        if k < 0 {
            return 0;
        }
        self.used[budget].get(k as usize).copied().unwrap_or(0)
    }

    fn add(&mut self, budget: usize, year: i32, cents: Cents) {
        let k = year - self.base;
        if k < 0 {
            // Before the base year: shift the line (rare: backward passes before the origin).
            let shift = (-k) as usize;
            for line in &mut self.used {
                if !line.is_empty() {
                    line.splice(0..0, std::iter::repeat_n(0, shift));
                }
            }
            self.base = year;
            return self.add(budget, year, cents);
        }
        let line = &mut self.used[budget];
        let k = k as usize;
        if line.len() <= k {
            line.resize(k + 1, 0);
        }
        line[k] = line[k].saturating_add(cents);
        self.span[budget] = Some(match self.span[budget] {
            None => (year, year),
            Some((lo, hi)) => (lo.min(year), hi.max(year)),
        });
    }

    /// Records the spend of activity `a` on `[start, end)`.
    pub fn place(&mut self, years: &Years, budgets: &Budgets, a: usize, start: Day, end: Day) {
        for &(b, amount) in budgets.of(a) {
            years.spread(amount, start, end, |year, cents| self.add(b, year, cents));
        }
    }

    /// Takes back what [`Ledger::place`] recorded.
    pub fn remove(&mut self, years: &Years, budgets: &Budgets, a: usize, start: Day, end: Day) {
        for &(b, amount) in budgets.of(a) {
            years.spread(amount, start, end, |year, cents| self.add(b, year, -cents));
        }
    }

    /// The first year (earliest when `forward`, else latest) in which activity `a` on
    /// `[start, end)` would take a budget over its cap.
    pub fn excess(
        &self,
        years: &Years,
        budgets: &Budgets,
        a: usize,
        start: Day,
        end: Day,
        forward: bool,
    ) -> Option<Excess> {
        let mut found: Option<Excess> = None;
        for &(b, amount) in budgets.of(a) {
            let cap = budgets.caps[b];
            years.spread(amount, start, end, |year, cents| {
                let room = cap.saturating_sub(self.used(b, year));
                if cents > room {
                    let better = found.is_none_or(|f| {
                        if forward {
                            year < f.year
                        } else {
                            year > f.year
                        }
                    });
                    if better {
                        found = Some(Excess {
                            budget: b,
                            year,
                            room,
                            amount,
                        });
                    }
                }
            });
        }
        found
    }

    /// The last year with anything placed in any budget `a` spends from (forwards), or the first
    /// (backwards); `None` when those budgets are empty.
    pub fn frontier(&self, budgets: &Budgets, a: usize, forward: bool) -> Option<i32> {
        budgets
            .of(a)
            .iter()
            .filter_map(|&(b, _)| self.span[b])
            .map(|(lo, hi)| if forward { hi } else { lo })
            .reduce(|x, y| if forward { x.max(y) } else { x.min(y) })
    }
}

/// Days of a run of `total` days that may fall in one year when `room` of `amount` is left
/// there (spend is `amount × days / total`); negative room allows none.
pub(crate) fn days_allowed(room: Cents, amount: Cents, total: Day) -> Day {
    if room <= 0 || amount <= 0 {
        return 0;
    }
    let days = i128::from(room) * i128::from(total.max(0)) / i128::from(amount);
    Day::try_from(days).unwrap_or(Day::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years() -> Years {
        Years::new(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap())
    }

    #[test]
    fn years_on_the_day_axis() {
        let y = years();
        assert_eq!(y.year_of(0), 2020);
        assert_eq!(y.year_of(365), 2020); // 2020 is a leap year
        assert_eq!(y.year_of(366), 2021);
        assert_eq!(y.year_of(-1), 2019);
        assert_eq!(y.start_of(2021), 366);
        assert_eq!(y.start_of(2019), -365);
    }

    #[test]
    fn the_year_table_matches_the_calendar() {
        let origin = NaiveDate::from_ymd_opt(2019, 7, 1).unwrap();
        let y = Years::new(origin);
        for year in [1600, 1900, 2000, 2019, 2020, 2100, 2400, 9999] {
            let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            assert_eq!(
                y.start_of(year),
                (jan1 - origin).num_days() as Day,
                "{year}"
            );
        }
    }

    #[test]
    fn spread_is_exact_and_proportional() {
        let y = years();
        let mut parts = Vec::new();
        // 100 days in 2020 (Sep 23 .. Dec 31), 50 in 2021: 2/3 and 1/3 of 1000.01.
        let start = 366 - 100;
        y.spread(100_001, start, start + 150, |year, c| parts.push((year, c)));
        assert_eq!(parts, vec![(2020, 66_667), (2021, 33_334)]);
        assert_eq!(parts.iter().map(|p| p.1).sum::<Cents>(), 100_001);
        parts.clear();
        y.spread(500, 10, 10, |year, c| parts.push((year, c)));
        assert_eq!(parts, vec![(2020, 500)]);
    }

    #[test]
    fn the_ledger_finds_the_first_year_over_the_cap() {
        let y = years();
        let budgets = Budgets {
            caps: vec![1_000],
            spend: vec![vec![(0, 1_000)], vec![(0, 900)]],
        };
        let mut ledger = Ledger::new(1, 2020);
        ledger.place(&y, &budgets, 0, 0, 366); // all of 2020
        assert_eq!(ledger.used(0, 2020), 1_000);
        let excess = ledger.excess(&y, &budgets, 1, 300, 400, true).unwrap();
        assert_eq!((excess.year, excess.room), (2020, 0));
        assert_eq!(ledger.excess(&y, &budgets, 1, 366, 400, true), None);
        assert_eq!(ledger.frontier(&budgets, 1, true), Some(2020));
        ledger.remove(&y, &budgets, 0, 0, 366);
        assert_eq!(ledger.used(0, 2020), 0);
        assert_eq!(days_allowed(500, 1_000, 100), 50);
        assert_eq!(days_allowed(-5, 1_000, 100), 0);
    }
}
