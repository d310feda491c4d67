//! Spans in months on day offsets, without building dates: the first day of every month over a
//! long stretch around an origin, as offsets from it. The planner adds and subtracts month
//! spans hundreds of thousands of times a second; through `chrono` each costs a date
//! conversion both ways and, for a subtraction, up to four additions.

use chrono::{Datelike, Months, NaiveDate};

/// Months covered before and after the origin's month: 100 years each way, far beyond any
/// roadmap; a day outside is answered by the caller through dates.
const REACH: u32 = 1200;

/// The first day of each month from `REACH` months before the origin's month to `REACH` after,
/// as day offsets from the origin. Cheap to clone (shared), so repeated passes over one problem
/// (a Monte Carlo run each) build it once.
#[derive(Clone, Debug)]
pub struct MonthStarts {
    starts: std::sync::Arc<[i64]>,
}

impl MonthStarts {
    /// `None` when the stretch leaves the dates `chrono` knows.
    pub fn new(origin: NaiveDate) -> Option<MonthStarts> {
        let first = origin.with_day(1)?.checked_sub_months(Months::new(REACH))?;
        let starts = (0..=2 * REACH)
            .map(|m| {
                let start = first.checked_add_months(Months::new(m))?;
                Some((start - origin).num_days())
            })
            .collect::<Option<std::sync::Arc<[i64]>>>()?;
        Some(MonthStarts { starts })
    }

    /// The month holding `day` (an index into `starts`, with a month after it) and the day's
    /// place in it (0 for the first).
    fn month_of(&self, day: i64) -> Option<(usize, i64)> {
        let next = self.starts.partition_point(|&s| s <= day);
        let month = next.checked_sub(1)?;
        (next < self.starts.len()).then(|| (month, day - self.starts[month]))
    }

    fn length(&self, month: usize) -> Option<i64> {
        Some(self.starts.get(month + 1)? - self.starts[month])
    }

    /// `day + months`, clamped to the end of a shorter month (Jan 31 + 1 month = Feb 28), as
    /// `chrono` does.
    pub fn add(&self, day: i64, months: u32) -> Option<i64> {
        let (month, place) = self.month_of(day)?;
        let target = month.checked_add(months as usize)?;
        Some(self.starts.get(target)? + place.min(self.length(target)? - 1))
    }

    /// The latest day `s` with `add(s, months) <= day`: in the month `months` before, the same
    /// place (clamped to that month's end), or that month's last day when `day` is the last of
    /// its own month (every later start is clamped onto it).
    pub fn sub(&self, day: i64, months: u32) -> Option<i64> {
        let (month, place) = self.month_of(day)?;
        let target = month.checked_sub(months as usize)?;
        let target_length = self.length(target)?;
        let place = if place == self.length(month)? - 1 {
            target_length - 1
        } else {
            place.min(target_length - 1)
        };
        Some(self.starts[target] + place)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Span;

    /// Every day over twelve years (leap years, month ends) and spans up to 15 years give what
    /// date arithmetic gives.
    #[test]
    fn month_spans_agree_with_dates() {
        for origin in ["2021-01-01", "2024-02-29", "2019-07-31"] {
            let origin: NaiveDate = origin.parse().unwrap();
            let table = MonthStarts::new(origin).unwrap();
            for day in -800..3600_i64 {
                let date = origin + chrono::TimeDelta::days(day);
                for months in [0, 1, 2, 3, 5, 11, 12, 13, 18, 24, 59, 180] {
                    let span = Span::Months(months);
                    let offset = |d: NaiveDate| (d - origin).num_days();
                    assert_eq!(
                        table.add(day, months),
                        span.add(date).map(offset),
                        "{date} + {months}m"
                    );
                    assert_eq!(
                        table.sub(day, months),
                        span.sub(date).map(offset),
                        "{date} - {months}m"
                    );
                }
            }
        }
    }

    #[test]
    fn days_outside_the_stretch_are_left_to_dates() {
        let origin: NaiveDate = "2021-01-01".parse().unwrap();
        let table = MonthStarts::new(origin).unwrap();
        assert_eq!(table.add(200 * 366, 1), None);
        assert_eq!(table.add(0, 2 * REACH + 1), None);
        assert_eq!(table.sub(-200 * 366, 1), None);
        assert_eq!(table.sub(0, REACH + 1), None);
    }
}
