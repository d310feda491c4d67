//! A working calendar: which days are worked (weekdays, holidays, worked exceptions) and how
//! working-day spans move dates on it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};

use super::bulgaria::{self, BgReason};

/// Where a non-working day comes from, for `roadmap calendar` and the MSPDI export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OffReason {
    /// Not one of the working weekdays.
    Weekend(Weekday),
    /// A Bulgarian public holiday (built-in set "BG").
    Bulgaria(BgReason),
    /// Listed in `holidays` (a date or a range, with its name if any).
    Listed(String),
    /// Read from the iCalendar file (its event summary).
    File(String),
}

/// Working weekdays and exceptions. Without a `[calendar]` no calendar is used at all.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkCalendar {
    /// Monday first.
    workdays: [bool; 7],
    bulgaria: bool,
    /// Bulgarian holidays by year, precomputed for the years a plan usually covers.
    bg_years: HashMap<i32, Vec<(NaiveDate, BgReason)>>,
    off: BTreeMap<NaiveDate, OffReason>,
    worked: BTreeSet<NaiveDate>,
    /// Whether each day of the years the calendar lists days for is worked, built on first use:
    /// planning asks about the same days millions of times.
    index: IndexCache,
}

/// Whether `day` is the next of an ascending list of days, skipping the earlier ones.
fn listed(days: &mut std::iter::Peekable<impl Iterator<Item = NaiveDate>>, day: NaiveDate) -> bool {
    while days.next_if(|d| *d < day).is_some() {}
    days.next_if_eq(&day).is_some()
}

/// A cache, not part of what the calendar is: two calendars are equal whatever they have built.
#[derive(Clone, Debug, Default)]
struct IndexCache(OnceLock<DayIndex>);

impl PartialEq for IndexCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// `before[i]`: the working days from `first` up to (not including) `first + i` days, so day
/// `i` is worked when `before[i + 1] > before[i]`, and working-day spans are binary searches.
#[derive(Clone, Debug, PartialEq)]
struct DayIndex {
    first: NaiveDate,
    before: Vec<u32>,
}

impl DayIndex {
    /// The offset of `date`, when the index covers that day.
    fn offset(&self, date: NaiveDate) -> Option<usize> {
        usize::try_from((date - self.first).num_days())
            .ok()
            .filter(|&i| i + 1 < self.before.len())
    }

    fn date(&self, offset: usize) -> Option<NaiveDate> {
        self.first
            .checked_add_days(chrono::Days::new(offset as u64))
    }

    /// The offset of the `k`-th working day of the index (1-based), if it holds that many.
    fn kth_working(&self, k: u32) -> Option<usize> {
        let after = self.before.partition_point(|&count| count < k);
        (after < self.before.len()).then(|| after - 1)
    }
}

/// How far a search for a working day goes before giving up (a calendar with no working day in
/// ten years is refused by validation; this only keeps the engine from looping).
const SEARCH_LIMIT: u32 = 3660;

impl WorkCalendar {
    pub fn new(workdays: [bool; 7]) -> WorkCalendar {
        WorkCalendar {
            workdays,
            bulgaria: false,
            bg_years: HashMap::new(),
            off: BTreeMap::new(),
            worked: BTreeSet::new(),
            index: IndexCache::default(),
        }
    }

    /// Adds Bulgaria's public holidays, precomputing `years`.
    pub fn with_bulgaria(&mut self, years: std::ops::RangeInclusive<i32>) {
        self.bulgaria = true;
        self.index = IndexCache::default();
        for year in years {
            self.bg_years.insert(year, bulgaria::holidays(year));
        }
    }

    pub fn add_off(&mut self, date: NaiveDate, reason: OffReason) {
        self.index = IndexCache::default();
        self.off.entry(date).or_insert(reason);
    }

    pub fn add_worked(&mut self, date: NaiveDate) {
        self.index = IndexCache::default();
        self.worked.insert(date);
    }

    pub fn workdays(&self) -> [bool; 7] {
        self.workdays
    }

    pub fn has_bulgaria(&self) -> bool {
        self.bulgaria
    }

    /// Why `date` is not worked, or `None` when it is a working day.
    pub fn off_reason(&self, date: NaiveDate) -> Option<OffReason> {
        if self.worked.contains(&date) {
            return None;
        }
        if let Some(reason) = self.off.get(&date) {
            return Some(reason.clone());
        }
        if self.bulgaria {
            let year = date.year();
            let found = |list: &[(NaiveDate, BgReason)]| {
                list.iter().find(|(d, _)| *d == date).map(|(_, r)| *r)
            };
            let reason = match self.bg_years.get(&year) {
                Some(list) => found(list),
                None => found(&bulgaria::holidays(year)),
            };
            if let Some(reason) = reason {
                return Some(OffReason::Bulgaria(reason));
            }
        }
        let weekday = date.weekday();
        (!self.workdays[weekday.num_days_from_monday() as usize])
            .then_some(OffReason::Weekend(weekday))
    }

    pub fn is_working(&self, date: NaiveDate) -> bool {
        let index = self.index();
        match index.offset(date) {
            Some(i) => index.before[i + 1] > index.before[i],
            None => self.is_working_by_rules(date),
        }
    }

    fn index(&self) -> &DayIndex {
        self.index.0.get_or_init(|| self.build_index())
    }

    /// Every day from January 1 of the first year the calendar lists a day for to December 31 of
    /// the last (none when it lists no day: the weekday rule alone is quick).
    fn build_index(&self) -> DayIndex {
        let years = self
            .bg_years
            .keys()
            .copied()
            .chain(self.off.keys().chain(&self.worked).map(|d| d.year()));
        let (first, last) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        let (Some(first), Some(end)) = (
            NaiveDate::from_ymd_opt(first, 1, 1),
            NaiveDate::from_ymd_opt(last.saturating_add(1), 1, 1),
        ) else {
            return DayIndex {
                first: NaiveDate::MIN,
                before: vec![0],
            };
        };
        // The rules of `is_working_by_rules`, with the sorted exceptions walked alongside the
        // days and each year's Bulgarian holidays looked up once.
        let mut off = self.off.keys().copied().peekable();
        let mut worked = self.worked.iter().copied().peekable();
        let mut before = vec![0];
        let mut count = 0;
        let mut bg: (i32, Vec<NaiveDate>) = (i32::MIN, Vec::new());
        for day in first.iter_days().take_while(|d| *d < end) {
            let (is_off, is_worked) = (listed(&mut off, day), listed(&mut worked, day));
            if self.bulgaria && bg.0 != day.year() {
                bg = (day.year(), self.bg_dates(day.year()));
            }
            let working = is_worked
                || (self.workdays[day.weekday().num_days_from_monday() as usize]
                    && !is_off
                    && !bg.1.contains(&day));
            count += u32::from(working);
            before.push(count);
        }
        DayIndex { first, before }
    }

    /// Bulgaria's holidays of `year`, precomputed or not.
    fn bg_dates(&self, year: i32) -> Vec<NaiveDate> {
        match self.bg_years.get(&year) {
            Some(list) => list.iter().map(|(d, _)| *d).collect(),
            None => bulgaria::holidays(year)
                .into_iter()
                .map(|(d, _)| d)
                .collect(),
        }
    }

    fn is_working_by_rules(&self, date: NaiveDate) -> bool {
        if self.worked.contains(&date) {
            return true;
        }
        if !self.workdays[date.weekday().num_days_from_monday() as usize] {
            return false;
        }
        self.off_reason(date).is_none()
    }

    /// The first working day on or after `date` (`date` itself past the search limit).
    pub fn next_working(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        for _ in 0..SEARCH_LIMIT {
            if self.is_working(day) {
                return day;
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        date
    }

    /// The last working day on or before `date`.
    pub fn prev_working(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        for _ in 0..SEARCH_LIMIT {
            if self.is_working(day) {
                return day;
            }
            match day.pred_opt() {
                Some(prev) => day = prev,
                None => break,
            }
        }
        date
    }

    /// The day after the `n`-th working day counted from `date` (from the next working day
    /// when `date` is not one); `date` itself for `n = 0`.
    pub fn add_working(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return Some(date);
        }
        let index = self.index();
        if let Some(i) = index.offset(date) {
            let nth = index.before[i].checked_add(n)?;
            if let Some(day) = index.kth_working(nth) {
                return index.date(day + 1);
            }
        }
        let mut day = self.next_working(date);
        let mut left = n;
        loop {
            if self.is_working(day) {
                left -= 1;
                if left == 0 {
                    return day.succ_opt();
                }
            }
            day = day.succ_opt()?;
        }
    }

    /// The latest day `s` with `add_working(s, n) <= date`.
    pub fn sub_working(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return Some(date);
        }
        let index = self.index();
        if let Some(e) = index.offset(date) {
            // The n-th working day back from the last one before `date`.
            if let Some(k) = index.before[e].checked_sub(n)
                && let Some(day) = index.kth_working(k + 1)
            {
                return index.date(day);
            }
        }
        let mut day = self.prev_working(date.pred_opt()?);
        let mut left = n - 1;
        while left > 0 {
            day = day.pred_opt()?;
            if self.is_working(day) {
                left -= 1;
            }
        }
        Some(day)
    }

    /// Every non-working day of `year` that is not a regular weekend day, with its reason,
    /// and the worked exceptions; for `roadmap calendar` and exports.
    pub fn exceptions(&self, year: i32) -> Vec<(NaiveDate, Option<OffReason>)> {
        let mut days: BTreeMap<NaiveDate, Option<OffReason>> = BTreeMap::new();
        let Some(mut day) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            return Vec::new();
        };
        while day.year() == year {
            let regular = self.workdays[day.weekday().num_days_from_monday() as usize];
            match self.off_reason(day) {
                Some(OffReason::Weekend(_)) | None if !regular && self.worked.contains(&day) => {
                    days.insert(day, None);
                }
                Some(OffReason::Weekend(_)) | None => {}
                Some(reason) => {
                    days.insert(day, Some(reason));
                }
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        days.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn office() -> WorkCalendar {
        let mut c = WorkCalendar::new([true, true, true, true, true, false, false]);
        c.with_bulgaria(2024..=2026);
        c
    }

    /// The indexed answers are those of walking the rules day by day, inside the index's years,
    /// across its edges and outside it.
    #[test]
    fn the_day_index_agrees_with_the_rules() {
        let mut c = office();
        c.add_off(date("2025-08-04"), OffReason::Listed("closure".into()));
        c.add_worked(date("2025-05-17"));
        let walk_add = |from: NaiveDate, n: u32| {
            let mut day = from;
            while !c.is_working_by_rules(day) {
                day = day.succ_opt().unwrap();
            }
            let mut left = n;
            loop {
                if c.is_working_by_rules(day) {
                    left -= 1;
                    if left == 0 {
                        return day.succ_opt().unwrap();
                    }
                }
                day = day.succ_opt().unwrap();
            }
        };
        let mut day = date("2023-11-01");
        while day < date("2027-03-01") {
            assert_eq!(c.is_working(day), c.is_working_by_rules(day), "{day}");
            for n in [1, 2, 7, 40, 300] {
                let end = c.add_working(day, n).unwrap();
                assert_eq!(end, walk_add(day, n), "{day} + {n}");
                let start = c.sub_working(end, n).unwrap();
                assert!(c.add_working(start, n).unwrap() <= end, "{end} - {n}");
                assert!(
                    c.add_working(start.succ_opt().unwrap(), n).unwrap() > end,
                    "{end} - {n}"
                );
            }
            day = day.checked_add_days(chrono::Days::new(3)).unwrap();
        }
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let c = office();
        // Fri 2024-12-20 + 3 wd: Fri, Mon 23, (24-26 off) Fri 27 -> end Sat 28.
        assert_eq!(
            c.add_working(date("2024-12-20"), 3),
            Some(date("2024-12-28"))
        );
        assert_eq!(
            c.sub_working(date("2024-12-28"), 3),
            Some(date("2024-12-20"))
        );
        assert_eq!(c.next_working(date("2024-12-24")), date("2024-12-27"));
        assert_eq!(c.prev_working(date("2024-12-26")), date("2024-12-23"));
        assert_eq!(
            c.add_working(date("2024-12-21"), 0),
            Some(date("2024-12-21"))
        );
    }

    #[test]
    fn worked_days_override_weekends_and_holidays() {
        let mut c = office();
        c.add_worked(date("2024-12-24"));
        assert!(c.is_working(date("2024-12-24")));
        c.add_off(date("2024-12-23"), OffReason::Listed("bridge".into()));
        assert!(!c.is_working(date("2024-12-23")));
    }
}
