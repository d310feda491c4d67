//! Durations and lags (`"9 months"`, `"2w"`, `"0d"`) and the calendar arithmetic behind them.
//!
//! Days and weeks are exact day counts; months, quarters and years are calendar months counted
//! from the day they are added to (2019-07-01 + 6 months = 2020-01-01), so their length in days
//! depends on where they start. Everything that adds a span to a date goes through [`Span::add`].

use std::fmt;

use chrono::{Days, Months, NaiveDate};

/// A length of time as written in a roadmap: a number of days or of calendar months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(into = "String")]
pub enum Span {
    /// Exact days (`d`, and `w` as 7 days).
    Days(u32),
    /// Calendar months (`m`, and `q` as 3, `y` as 12).
    Months(u32),
    /// Working days of the roadmap's calendar (`wd`); plain days when there is no calendar.
    WorkingDays(u32),
}

/// Why a duration text could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("a duration cannot be negative")]
    Negative,
    #[error("a duration needs a whole number and a unit, like \"9 months\" or \"2w\"")]
    Malformed,
    #[error(
        "unknown duration unit `{0}`; use d/day(s), wd/working day(s), w/week(s), m/month(s), q/quarter(s) or y/year(s)"
    )]
    UnknownUnit(String),
    #[error(
        "durations are whole numbers: use a smaller unit instead of a fraction (\"6w\", \"45d\")"
    )]
    Fraction,
    #[error("duration is too long (at most {max} days or {max_months} months)", max = Span::MAX_DAYS, max_months = Span::MAX_MONTHS)]
    TooLong,
}

impl Span {
    /// Longest span accepted: 1000 years, which keeps every date of a plan inside chrono's range
    /// and every day offset comfortably inside an `i32`.
    pub const MAX_DAYS: u32 = 365_250;
    pub const MAX_MONTHS: u32 = 12_000;

    pub const ZERO: Span = Span::Days(0);

    /// Parses `"<n> <unit>"` or `"<n><unit>"`.
    pub fn parse(text: &str) -> Result<Span, SpanError> {
        let text = text.trim();
        if text.starts_with('-') {
            return Err(SpanError::Negative);
        }
        let digits_end = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        if digits_end == 0 {
            return Err(SpanError::Malformed);
        }
        let unit = text[digits_end..].trim_start();
        if unit.is_empty() {
            return Err(SpanError::Malformed);
        }
        if unit.starts_with(['.', ',']) && unit[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return Err(SpanError::Fraction);
        }
        // Longer than any valid count: reject before it can overflow.
        let count: u64 = text[..digits_end].parse().map_err(|_| SpanError::TooLong)?;
        let unit = unit.to_ascii_lowercase();
        if matches!(unit.as_str(), "wd" | "working day" | "working days") {
            return u32::try_from(count)
                .ok()
                .filter(|&d| d <= Span::MAX_DAYS)
                .map(Span::WorkingDays)
                .ok_or(SpanError::TooLong);
        }
        let (days_per, months_per) = match unit.as_str() {
            "d" | "day" | "days" => (1, 0),
            "w" | "week" | "weeks" => (7, 0),
            "m" | "month" | "months" => (0, 1),
            "q" | "quarter" | "quarters" => (0, 3),
            "y" | "year" | "years" => (0, 12),
            _ => return Err(SpanError::UnknownUnit(unit.to_string())),
        };
        if days_per > 0 {
            let days = count.saturating_mul(days_per);
            u32::try_from(days)
                .ok()
                .filter(|&d| d <= Span::MAX_DAYS)
                .map(Span::Days)
                .ok_or(SpanError::TooLong)
        } else {
            let months = count.saturating_mul(months_per);
            u32::try_from(months)
                .ok()
                .filter(|&m| m <= Span::MAX_MONTHS)
                .map(Span::Months)
                .ok_or(SpanError::TooLong)
        }
    }

    pub fn is_zero(self) -> bool {
        matches!(self, Span::Days(0) | Span::Months(0) | Span::WorkingDays(0))
    }

    /// `date + self`, or `None` past chrono's calendar.
    #[allow(clippy::should_implement_trait)] // Adds to a date, not to another span.
    pub fn add(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Span::Days(d) | Span::WorkingDays(d) => date.checked_add_days(Days::new(u64::from(d))),
            Span::Months(m) => date.checked_add_months(Months::new(m)),
        }
    }

    /// `date - self`: the latest day `s` with `self.add(s) <= date`.
    ///
    /// For months the inverse is not unique (Jan 31 + 1 month = Feb 28 = Jan 28 + 1 month), so
    /// this returns the latest start that still ends on or before `date`.
    #[allow(clippy::should_implement_trait)]
    pub fn sub(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Span::Days(d) | Span::WorkingDays(d) => date.checked_sub_days(Days::new(u64::from(d))),
            Span::Months(m) => {
                let mut s = date.checked_sub_months(Months::new(m))?;
                // Month ends clamp downwards when adding, so a few later days may still fit.
                while let Some(next) = s.succ_opt() {
                    match self.add(next) {
                        Some(end) if end <= date => s = next,
                        _ => break,
                    }
                }
                Some(s)
            }
        }
    }

    /// Rough length in days, for display and heuristics only (never for dates).
    pub fn approx_days(self) -> f64 {
        match self {
            Span::Days(d) => f64::from(d),
            Span::Months(m) => f64::from(m) * 30.436_875,
            // Five working days a week.
            Span::WorkingDays(d) => f64::from(d) * 1.4,
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Span::Days(d) if d > 0 && d % 7 == 0 => write!(f, "{}w", d / 7),
            Span::Days(d) => write!(f, "{d}d"),
            Span::Months(m) if m > 0 && m % 12 == 0 => write!(f, "{}y", m / 12),
            Span::Months(m) => write!(f, "{m}m"),
            Span::WorkingDays(d) => write!(f, "{d}wd"),
        }
    }
}

impl From<Span> for String {
    fn from(span: Span) -> String {
        span.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_every_unit_with_and_without_space() {
        assert_eq!(Span::parse("0d"), Ok(Span::Days(0)));
        assert_eq!(Span::parse("9 months"), Ok(Span::Months(9)));
        assert_eq!(Span::parse("1 month"), Ok(Span::Months(1)));
        assert_eq!(Span::parse("2w"), Ok(Span::Days(14)));
        assert_eq!(Span::parse("3 weeks"), Ok(Span::Days(21)));
        assert_eq!(Span::parse("2q"), Ok(Span::Months(6)));
        assert_eq!(Span::parse("1 year"), Ok(Span::Months(12)));
        assert_eq!(Span::parse("10 Days"), Ok(Span::Days(10)));
        assert_eq!(Span::parse("20 wd"), Ok(Span::WorkingDays(20)));
        assert_eq!(Span::parse("20 working days"), Ok(Span::WorkingDays(20)));
        assert_eq!(Span::parse("1 working day"), Ok(Span::WorkingDays(1)));
    }

    #[test]
    fn rejects_bad_text() {
        assert_eq!(Span::parse("-3d"), Err(SpanError::Negative));
        assert_eq!(Span::parse("three days"), Err(SpanError::Malformed));
        assert_eq!(Span::parse("12"), Err(SpanError::Malformed));
        assert_eq!(Span::parse(""), Err(SpanError::Malformed));
        assert_eq!(Span::parse("1.5 months"), Err(SpanError::Fraction));
        assert_eq!(Span::parse("2,5w"), Err(SpanError::Fraction));
        assert_eq!(
            Span::parse("4 fortnights"),
            Err(SpanError::UnknownUnit("fortnights".into()))
        );
        assert_eq!(
            Span::parse("99999999999999999999999d"),
            Err(SpanError::TooLong)
        );
        assert_eq!(Span::parse("1001y"), Err(SpanError::TooLong));
    }

    #[test]
    fn months_are_calendar_months() {
        assert_eq!(
            Span::Months(6).add(date("2019-07-01")),
            Some(date("2020-01-01"))
        );
        assert_eq!(
            Span::Months(1).add(date("2019-01-31")),
            Some(date("2019-02-28"))
        );
        assert_eq!(
            Span::Months(1).add(date("2020-01-31")),
            Some(date("2020-02-29"))
        );
        assert_eq!(
            Span::Months(12).add(date("2020-02-29")),
            Some(date("2021-02-28"))
        );
    }

    #[test]
    fn sub_is_the_latest_start_that_fits() {
        assert_eq!(
            Span::Months(1).sub(date("2019-02-28")),
            Some(date("2019-01-31"))
        );
        assert_eq!(
            Span::Months(6).sub(date("2020-01-01")),
            Some(date("2019-07-01"))
        );
        assert_eq!(
            Span::Days(10).sub(date("2020-03-05")),
            Some(date("2020-02-24"))
        );
    }

    #[test]
    fn displays_compactly() {
        assert_eq!(Span::Days(14).to_string(), "2w");
        assert_eq!(Span::Months(24).to_string(), "2y");
        assert_eq!(Span::Months(9).to_string(), "9m");
        assert_eq!(Span::Days(0).to_string(), "0d");
    }
}
