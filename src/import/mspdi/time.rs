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

/// The parts of an ISO 8601 duration (`PT8H0M0S`, `P2DT4H`, `-PT480H`), in minutes: the days
/// part separately, as its length depends on whether the duration is elapsed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Duration {
    pub negative: bool,
    pub days: f64,
    /// Hours, minutes and seconds, in minutes.
    pub minutes: f64,
}

impl Duration {
    /// Minutes of working time, with `minutes_per_day` minutes in a day.
    pub fn working_minutes(self, minutes_per_day: f64) -> f64 {
        let total = self.days * minutes_per_day + self.minutes;
        if self.negative { -total } else { total }
    }

    /// Minutes of elapsed time (24-hour days).
    pub fn elapsed_minutes(self) -> f64 {
        self.working_minutes(24.0 * 60.0)
    }
}

pub fn duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let text = text.strip_prefix('P')?;
    let (date_part, time_part) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let mut days = 0.0;
    for (value, unit) in components(date_part)? {
        days += match unit {
            'Y' => value * 365.0,
            'M' => value * 30.0,
            'W' => value * 7.0,
            'D' => value,
            _ => return None,
        };
    }
    let mut minutes = 0.0;
    if let Some(time) = time_part {
        if time.is_empty() {
            return None;
        }
        for (value, unit) in components(time)? {
            minutes += match unit {
                'H' => value * 60.0,
                'M' => value,
                'S' => value / 60.0,
                _ => return None,
            };
        }
    }
    (days.is_finite() && minutes.is_finite()).then_some(Duration {
        negative,
        days,
        minutes,
    })
}

/// `8H0M0S` → `[(8, 'H'), (0, 'M'), (0, 'S')]`.
fn components(text: &str) -> Option<Vec<(f64, char)>> {
    let mut out = Vec::new();
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() || c == '.' || c == ',' {
            number.push(if c == ',' { '.' } else { c });
        } else {
            let value: f64 = number.parse().ok()?;
            out.push((value, c.to_ascii_uppercase()));
            number.clear();
        }
    }
    number.is_empty().then_some(out)
}

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
    fn reads_iso_durations() {
        let working = |s| duration(s).unwrap().working_minutes(480.0);
        assert_eq!(working("PT8H0M0S"), 480.0);
        assert_eq!(working("PT192H"), 192.0 * 60.0);
        assert_eq!(working("PT4H30M0S"), 270.0);
        assert_eq!(working("P2DT4H"), 2.0 * 480.0 + 240.0);
        assert_eq!(working("PT0.5H"), 30.0);
        assert_eq!(working("-PT8H0M0S"), -480.0);
        assert_eq!(duration("P2D").unwrap().elapsed_minutes(), 2880.0);
        assert_eq!(duration("8 days"), None);
        assert_eq!(duration("PT"), None);
        assert_eq!(duration("PTH"), None);
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
