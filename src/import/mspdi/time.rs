//! MSPDI's dates, durations and duration formats.

use chrono::{NaiveDate, NaiveDateTime};

/// An MSPDI date-time: `2024-01-15T08:00:00` (seconds, fractions and a zone are optional; a
/// bare date is accepted too).
pub fn date_time(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    // A zone suffix (`Z`, `+02:00`) says nothing a day-based plan needs.
    let local = match text.find('T') {
        Some(t) => {
            let (date, time) = text.split_at(t);
            let time = time[1..]
                .split(['Z', '+'])
                .next()
                .unwrap_or_default()
                .split('-')
                .next()
                .unwrap_or_default();
            format!("{date}T{time}")
        }
        None => format!("{text}T00:00:00"),
    };
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&local, f).ok())
}

/// The last day of something that ends at `finish`: a finish at midnight ends the day before.
pub fn finish_day(finish: NaiveDateTime) -> NaiveDate {
    let date = finish.date();
    if finish.time() == chrono::NaiveTime::MIN {
        date.pred_opt().unwrap_or(date)
    } else {
        date
    }
}

pub use crate::calendar::{IsoDuration as Duration, iso_duration as duration};

/// MSPDI's `DurationFormat` / `LagFormat` codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub elapsed: bool,
    pub estimated: bool,
    pub kind: UnitKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Percent,
}

impl Unit {
    pub fn from_code(code: u32) -> Unit {
        let estimated = (35..=52).contains(&code);
        let base = if estimated { code - 32 } else { code };
        let (kind, elapsed) = match base {
            3 => (UnitKind::Minutes, false),
            4 => (UnitKind::Minutes, true),
            5 => (UnitKind::Hours, false),
            6 => (UnitKind::Hours, true),
            8 => (UnitKind::Days, true),
            9 => (UnitKind::Weeks, false),
            10 => (UnitKind::Weeks, true),
            11 => (UnitKind::Months, false),
            12 => (UnitKind::Months, true),
            19 => (UnitKind::Percent, false),
            20 => (UnitKind::Percent, true),
            _ => (UnitKind::Days, false),
        };
        Unit {
            elapsed,
            estimated,
            kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_date_times_in_their_variants() {
        let dt = |s: &str| date_time(s).map(|d| d.to_string());
        assert_eq!(dt("2024-01-15T08:00:00").unwrap(), "2024-01-15 08:00:00");
        assert_eq!(dt("2024-01-15T08:00").unwrap(), "2024-01-15 08:00:00");
        assert_eq!(
            dt("2024-01-15T08:00:00.000").unwrap(),
            "2024-01-15 08:00:00"
        );
        assert_eq!(dt("2024-01-15T08:00:00Z").unwrap(), "2024-01-15 08:00:00");
        assert_eq!(
            dt("2024-01-15T08:00:00+02:00").unwrap(),
            "2024-01-15 08:00:00"
        );
        assert_eq!(dt("2024-01-15").unwrap(), "2024-01-15 00:00:00");
        assert_eq!(dt("15.01.2024"), None);
        assert_eq!(dt("2024-02-30T08:00:00"), None);
    }

    #[test]
    fn a_finish_at_midnight_ends_the_day_before() {
        let day = |s| finish_day(date_time(s).unwrap()).to_string();
        assert_eq!(day("2024-01-15T17:00:00"), "2024-01-15");
        assert_eq!(day("2024-01-16T00:00:00"), "2024-01-15");
    }

    #[test]
    fn duration_formats() {
        assert_eq!(Unit::from_code(7).kind, UnitKind::Days);
        assert!(!Unit::from_code(7).elapsed);
        assert!(Unit::from_code(8).elapsed);
        assert_eq!(Unit::from_code(11).kind, UnitKind::Months);
        let estimated = Unit::from_code(39);
        assert!(estimated.estimated && estimated.kind == UnitKind::Days);
        assert_eq!(Unit::from_code(19).kind, UnitKind::Percent);
    }
}
