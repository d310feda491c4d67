//! Effort (`"18 person-months"`, `"120 person-days"`): the work a project needs from a
//! resource, and the duration it takes at the units the project holds.
//!
//! Person-days become working days of the calendar (plain days without one), person-months
//! calendar months. A quotient that is not whole is rounded to the nearest whole working day,
//! or for months to whole months when it is one within a millionth and otherwise to the
//! nearest whole day at 30.436875 days a month (the average Gregorian month, the rule scenario
//! stretches use). Any effort above zero takes at least one day.

use std::fmt;

use super::Span;

/// The unit an effort is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EffortUnit {
    /// Working days of one person (`person-days`, `pd`).
    PersonDays,
    /// Calendar months of one person (`person-months`, `pm`).
    PersonMonths,
}

/// Work needed from one resource: `amount` person-days or person-months.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Effort {
    pub amount: f64,
    pub unit: EffortUnit,
}

/// Why an effort text could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EffortError {
    #[error("an effort cannot be negative")]
    Negative,
    #[error(
        "an effort needs a number and a unit, like \"18 person-months\" or \"120 person-days\""
    )]
    Malformed,
    #[error("unknown effort unit `{0}`; use person-days (pd) or person-months (pm)")]
    UnknownUnit(String),
    #[error("effort is too large (at most {max_days} person-days or {max_months} person-months)", max_days = Span::MAX_DAYS, max_months = Span::MAX_MONTHS)]
    TooLarge,
}

/// Average days of a Gregorian month: fractional months become days at this rate.
const DAYS_PER_MONTH: f64 = 30.436_875;

impl Effort {
    /// Parses `"<number> <unit>"` or `"<number><unit>"`; the number may have a decimal point.
    pub fn parse(text: &str) -> Result<Effort, EffortError> {
        let text = text.trim();
        if text.starts_with('-') {
            return Err(EffortError::Negative);
        }
        let number_end = text
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '_'))
            .unwrap_or(text.len());
        let unit = text[number_end..].trim_start().to_ascii_lowercase();
        let number: String = text[..number_end].chars().filter(|&c| c != '_').collect();
        if number.is_empty() || unit.is_empty() {
            return Err(EffortError::Malformed);
        }
        let amount: f64 = number.parse().map_err(|_| EffortError::Malformed)?;
        let unit = match unit.as_str() {
            "pd" | "person-day" | "person-days" | "person day" | "person days" => {
                EffortUnit::PersonDays
            }
            "pm" | "person-month" | "person-months" | "person month" | "person months" => {
                EffortUnit::PersonMonths
            }
            _ => return Err(EffortError::UnknownUnit(unit)),
        };
        let max = match unit {
            EffortUnit::PersonDays => f64::from(Span::MAX_DAYS),
            EffortUnit::PersonMonths => f64::from(Span::MAX_MONTHS),
        };
        if !amount.is_finite() || amount > max {
            return Err(EffortError::TooLarge);
        }
        Ok(Effort { amount, unit })
    }

    /// How long the work takes holding `units` of the resource on every day; `None` when
    /// `units` is not above zero (no duration follows) or the result is too long to plan.
    pub fn duration(self, units: f64) -> Option<Span> {
        if units.is_nan() || units <= 0.0 {
            return None;
        }
        let quotient = self.amount / units;
        let whole = |x: f64, max: u32| -> Option<u32> {
            let n = x.round();
            // Any work at all takes a day.
            let n = if n < 1.0 && self.amount > 0.0 { 1.0 } else { n };
            (n <= f64::from(max)).then_some(n as u32)
        };
        match self.unit {
            EffortUnit::PersonDays => whole(quotient, Span::MAX_DAYS).map(Span::WorkingDays),
            EffortUnit::PersonMonths if (quotient - quotient.round()).abs() < 1e-6 => {
                whole(quotient, Span::MAX_MONTHS).map(Span::Months)
            }
            EffortUnit::PersonMonths => {
                whole(quotient * DAYS_PER_MONTH, Span::MAX_DAYS).map(Span::Days)
            }
        }
    }

    /// Rough length in days of its duration at `units`, to pick the longest of several (mixed
    /// units compare at a five-day working week and the average month).
    pub fn approx_days(self, units: f64) -> f64 {
        self.duration(units).map_or(0.0, Span::approx_days)
    }
}

impl fmt::Display for Effort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let amount = crate::display::units(self.amount);
        match self.unit {
            EffortUnit::PersonDays => write!(f, "{amount} person-days"),
            EffortUnit::PersonMonths => write!(f, "{amount} person-months"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_units_with_and_without_space() {
        let pm = |amount| Effort {
            amount,
            unit: EffortUnit::PersonMonths,
        };
        assert_eq!(Effort::parse("18 person-months"), Ok(pm(18.0)));
        assert_eq!(Effort::parse("1 person-month"), Ok(pm(1.0)));
        assert_eq!(Effort::parse("2.5pm"), Ok(pm(2.5)));
        assert_eq!(
            Effort::parse("120 Person-Days"),
            Ok(Effort {
                amount: 120.0,
                unit: EffortUnit::PersonDays
            })
        );
        assert_eq!(Effort::parse("-3 pd"), Err(EffortError::Negative));
        assert_eq!(Effort::parse("pd"), Err(EffortError::Malformed));
        assert_eq!(Effort::parse("12"), Err(EffortError::Malformed));
        assert_eq!(Effort::parse("1.2.3 pd"), Err(EffortError::Malformed));
        assert_eq!(
            Effort::parse("3 person-years"),
            Err(EffortError::UnknownUnit("person-years".into()))
        );
        assert_eq!(Effort::parse("99999999 pm"), Err(EffortError::TooLarge));
    }

    #[test]
    fn duration_is_effort_over_units() {
        let e = |text| Effort::parse(text).unwrap();
        // The example: 18 person-months at 1.5 FTE is 12 months.
        assert_eq!(e("18 person-months").duration(1.5), Some(Span::Months(12)));
        assert_eq!(
            e("120 person-days").duration(2.0),
            Some(Span::WorkingDays(60))
        );
        // 100 / 3 = 33.3 working days: the nearest whole day.
        assert_eq!(e("100 pd").duration(3.0), Some(Span::WorkingDays(33)));
        assert_eq!(e("101 pd").duration(2.0), Some(Span::WorkingDays(51)));
        // 10 / 4 = 2.5 months = 76.09 days.
        assert_eq!(e("10 pm").duration(4.0), Some(Span::Days(76)));
        assert_eq!(e("0.1 pd").duration(5.0), Some(Span::WorkingDays(1)));
        assert_eq!(e("0 pd").duration(5.0), Some(Span::WorkingDays(0)));
        assert_eq!(e("10 pd").duration(0.0), None);
        assert_eq!(e("365000 pd").duration(0.5), None);
    }
}
