//! A working calendar: which days are worked (weekdays, holidays, worked exceptions) and how
//! working-day spans move dates on it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate, Weekday};

use super::bulgaria::{self, BgReason};

/// Where a non-working day comes from, for `roadmap calendar` and the MSPDI export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OffReason {
    /// Not one of the working weekdays.
    Weekend(Weekday),
    /// A Bulgarian public holiday (built-in set "BG").
    Bulgaria(String),
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
        }
    }

    /// Adds Bulgaria's public holidays, precomputing `years`.
    pub fn with_bulgaria(&mut self, years: std::ops::RangeInclusive<i32>) {
        self.bulgaria = true;
        for year in years {
            self.bg_years.insert(year, bulgaria::holidays(year));
        }
    }

    pub fn add_off(&mut self, date: NaiveDate, reason: OffReason) {
        self.off.entry(date).or_insert(reason);
    }

    pub fn add_worked(&mut self, date: NaiveDate) {
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
                list.iter()
                    .find(|(d, _)| *d == date)
                    .map(|(_, r)| bg_text(*r))
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

fn bg_text(reason: BgReason) -> String {
    match reason {
        BgReason::Fixed(name) | BgReason::Easter(name) => name.to_string(),
        BgReason::InPlaceOf(day) => format!("in place of {day}"),
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
