//! Bulgaria's public holidays by the Labour Code, art. 154, for any year.
//!
//! Fixed days: 1 January, 3 March, 1 May, 6 May, 24 May, 6 September, 22 September and 24-26
//! December; Orthodox Easter from Good Friday to Easter Monday. A fixed holiday (not Easter) that
//! falls on a Saturday or Sunday gives the first following working day off; each of 24-26
//! December on a weekend gives one of the first working days after them. The current rules are
//! applied to every year (the law's earlier versions are not modelled).

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Why a day is off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BgReason {
    Fixed(&'static str),
    Easter(&'static str),
    /// In place of the holiday on this (weekend) day.
    InPlaceOf(NaiveDate),
}

impl BgReason {
    /// The holiday's name in `t`'s language (the English names are the catalogue's labels);
    /// English for MSPDI, CSV and JSON.
    pub fn label(self, t: &crate::i18n::Messages) -> String {
        match self {
            BgReason::Fixed(name) | BgReason::Easter(name) => t.tr(name),
            BgReason::InPlaceOf(day) => t.with("bg-in-place-of", &[("date", t.date(day))]),
        }
    }
}

const FIXED: [(u32, u32, &str); 10] = [
    (1, 1, "New Year's Day"),
    (3, 3, "Liberation Day"),
    (5, 1, "Labour Day"),
    (5, 6, "St George's Day"),
    (5, 24, "Day of Slavonic Script and Culture"),
    (9, 6, "Unification Day"),
    (9, 22, "Independence Day"),
    (12, 24, "Christmas Eve"),
    (12, 25, "Christmas Day"),
    (12, 26, "Christmas (second day)"),
];

/// Orthodox Easter Sunday (Julian computus, shown in the Gregorian calendar).
pub fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year.rem_euclid(4), year.rem_euclid(7), year.rem_euclid(19));
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    // Julian to Gregorian: the gap grows by one day each century not divisible by 400.
    let century = year.div_euclid(100);
    let gap = century - century.div_euclid(4) - 2;
    let julian_as_gregorian = NaiveDate::from_ymd_opt(year, month as u32, day as u32)?;
    julian_as_gregorian.checked_add_days(Days::new(u64::try_from(gap).ok()?))
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Every public holiday of `year` with its reason, in date order.
pub fn holidays(year: i32) -> Vec<(NaiveDate, BgReason)> {
    let mut days: Vec<(NaiveDate, BgReason)> = FIXED
        .iter()
        .filter_map(|&(m, d, name)| {
            Some((NaiveDate::from_ymd_opt(year, m, d)?, BgReason::Fixed(name)))
        })
        .collect();
    if let Some(easter) = orthodox_easter(year) {
        let names = [
            "Good Friday",
            "Holy Saturday",
            "Easter Sunday",
            "Easter Monday",
        ];
        for (offset, name) in (-2i64..=1).zip(names) {
            if let Some(day) = easter.checked_add_signed(chrono::TimeDelta::days(offset)) {
                days.push((day, BgReason::Easter(name)));
            }
        }
    }
    days.sort();
    let fixed_on_weekends: Vec<NaiveDate> = days
        .iter()
        .filter(|(date, reason)| matches!(reason, BgReason::Fixed(_)) && is_weekend(*date))
        .map(|(date, _)| *date)
        .collect();
    let mut extra: Vec<(NaiveDate, BgReason)> = Vec::new();
    for weekend_day in fixed_on_weekends {
        let mut day = weekend_day;
        while let Some(next) = day.succ_opt() {
            day = next;
            let taken = days.iter().chain(&extra).any(|(d, _)| *d == day);
            if !is_weekend(day) && !taken {
                extra.push((day, BgReason::InPlaceOf(weekend_day)));
                break;
            }
        }
    }
    days.extend(extra);
    days.sort();
    // A day that is two holidays at once (1 May on Good Friday) is listed once.
    days.dedup_by_key(|(date, _)| *date);
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn orthodox_easter_of_known_years() {
        assert_eq!(orthodox_easter(2021), Some(date("2021-05-02")));
        assert_eq!(orthodox_easter(2024), Some(date("2024-05-05")));
        assert_eq!(orthodox_easter(2025), Some(date("2025-04-20")));
    }

    #[test]
    fn weekend_holidays_give_the_next_working_day() {
        let days: Vec<NaiveDate> = holidays(2022).into_iter().map(|(d, _)| d).collect();
        // 24-25 Dec 2022 are Sat-Sun, 26 Dec Monday: 27 and 28 Dec are off.
        assert!(days.contains(&date("2022-12-27")));
        assert!(days.contains(&date("2022-12-28")));
        assert!(!days.contains(&date("2022-12-29")));
    }
}

#[cfg(test)]
mod fixture {
    /// `tests/fixtures/bg-holidays.txt`, made by `tests/tools/bg_holidays.py` from the law's
    /// rules (not from this code).
    #[test]
    fn every_year_2000_to_2050_matches_the_independent_table() {
        let expected: Vec<&str> = include_str!("../../tests/fixtures/bg-holidays.txt")
            .lines()
            .collect();
        let computed: Vec<String> = (2000..=2050)
            .flat_map(super::holidays)
            .map(|(d, _)| d.to_string())
            .collect();
        assert_eq!(computed, expected);
    }
}
