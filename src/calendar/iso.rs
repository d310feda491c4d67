//! ISO 8601 durations (`PT8H0M0S`, `P2DT4H`, `P1W`), as MS Project XML and iCalendar write them.

/// The parts of an ISO 8601 duration (`PT8H0M0S`, `P2DT4H`, `-PT480H`), in minutes: the days
/// part separately, as its length depends on whether the duration is elapsed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IsoDuration {
    pub negative: bool,
    pub days: f64,
    /// Hours, minutes and seconds, in minutes.
    pub minutes: f64,
}

impl IsoDuration {
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

pub fn iso_duration(text: &str) -> Option<IsoDuration> {
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
    (days.is_finite() && minutes.is_finite()).then_some(IsoDuration {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iso_durations() {
        let working = |s| iso_duration(s).unwrap().working_minutes(480.0);
        assert_eq!(working("PT8H0M0S"), 480.0);
        assert_eq!(working("PT192H"), 192.0 * 60.0);
        assert_eq!(working("PT4H30M0S"), 270.0);
        assert_eq!(working("P2DT4H"), 2.0 * 480.0 + 240.0);
        assert_eq!(working("PT0.5H"), 30.0);
        assert_eq!(working("-PT8H0M0S"), -480.0);
        assert_eq!(iso_duration("P2D").unwrap().elapsed_minutes(), 2880.0);
        assert_eq!(iso_duration("8 days"), None);
        assert_eq!(iso_duration("PT"), None);
        assert_eq!(iso_duration("PTH"), None);
    }
}
