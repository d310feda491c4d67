//! Days off read from an iCalendar file (`[calendar] holidays_file`): the way many offices
//! publish their calendars. Every event (`VEVENT`) is a run of days off, all-day or not,
//! repeated by its `RRULE` and `RDATE`s, less its `EXDATE`s; cancelled events are skipped.
//! The file's structure is read by the `icalendar` crate and recurrences are expanded by `rrule`;
//! what this module adds is the line of the original file that every problem is reported at.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone};
use icalendar::parser::{Component, Property, read_calendar_simple, unfold};
use rrule::{RRule, Tz, Unvalidated};

use crate::i18n::text;

/// One day off read from the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsDay {
    pub date: NaiveDate,
    /// The event's `SUMMARY` ("holiday" without one).
    pub name: String,
}

/// A problem with the file, at a 1-based line of the file as written (before unfolding).
#[derive(Clone, Debug, PartialEq)]
pub struct IcsError {
    pub line: Option<usize>,
    pub message: crate::i18n::Text,
}

/// The most days one recurring event may contribute (a daily rule without an end would
/// otherwise run to the end of the window).
const MAX_OCCURRENCES: usize = 20_000;

/// Every day off of the file's events that falls in `[from, until]`.
pub fn days_off(text: &str, from: NaiveDate, until: NaiveDate) -> Result<Vec<IcsDay>, IcsError> {
    let unfolded = unfold(text);
    let lines = LineMap::new(text);
    let components = read_calendar_simple(&unfolded).map_err(|err| IcsError {
        line: Some(lines.original(line_of(&unfolded, err.input))),
        message: text!("ics-not-icalendar"),
    })?;
    let calendars: Vec<&Component> = components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VCALENDAR"))
        .collect();
    if calendars.is_empty() {
        return Err(IcsError {
            line: Some(1),
            message: text!("ics-no-calendar"),
        });
    }
    let at = |property: &Property| lines.original(line_of(&unfolded, property.name.as_str()));
    let mut days = Vec::new();
    let mut events = 0;
    for event in calendars
        .iter()
        .flat_map(|c| c.components.iter())
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT"))
    {
        events += 1;
        if property(event, "STATUS")
            .is_some_and(|s| s.val.as_str().eq_ignore_ascii_case("CANCELLED"))
        {
            continue;
        }
        let Some(start) = property(event, "DTSTART") else {
            return Err(IcsError {
                line: event.properties.first().map(at),
                message: text!("ics-no-start"),
            });
        };
        let first = moment(start).ok_or_else(|| IcsError {
            line: Some(at(start)),
            message: text!("ics-not-date", value = start.val.as_str()),
        })?;
        let length = length_in_days(event, start, first, &at)?;
        let name = property(event, "SUMMARY")
            .map(|s| s.val.clone().unescape_text().as_str().to_string())
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| "holiday".into());
        for occurrence in occurrences(event, first, until, &at)? {
            for offset in 0..length {
                let date = occurrence.date() + Duration::days(offset);
                if (from..=until).contains(&date) {
                    days.push(IcsDay {
                        date,
                        name: name.clone(),
                    });
                }
            }
        }
    }
    if events == 0 {
        return Err(IcsError {
            line: None,
            message: text!("ics-no-events"),
        });
    }
    days.sort_by_key(|d| d.date);
    Ok(days)
}

fn property<'c, 'a>(component: &'c Component<'a>, name: &str) -> Option<&'c Property<'a>> {
    component
        .properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn properties<'c, 'a>(
    component: &'c Component<'a>,
    name: &'c str,
) -> impl Iterator<Item = &'c Property<'a>> {
    component
        .properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

/// A `DATE` (`20250101`) or `DATE-TIME` (`20250101T090000`, `…Z`) value as a local moment; the
/// time zone of a date-time is not applied: a day off is the day the file names.
fn parse_moment(value: &str) -> Option<NaiveDateTime> {
    let value = value.trim().trim_end_matches(['Z', 'z']);
    if let Ok(date) = NaiveDate::parse_from_str(value, "%Y%m%d") {
        return date.and_hms_opt(0, 0, 0);
    }
    NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok()
}

fn moment(property: &Property) -> Option<NaiveDateTime> {
    parse_moment(property.val.as_str())
}

/// How many days each occurrence covers: to `DTEND` (exclusive for dates; a date-time end
/// covers its own day unless it is midnight), or by `DURATION`, or one day.
fn length_in_days(
    event: &Component,
    start: &Property,
    first: NaiveDateTime,
    at: &dyn Fn(&Property) -> usize,
) -> Result<i64, IcsError> {
    let end = if let Some(end) = property(event, "DTEND") {
        moment(end).ok_or_else(|| IcsError {
            line: Some(at(end)),
            message: text!("ics-not-date", value = end.val.as_str()),
        })?
    } else if let Some(duration) = property(event, "DURATION") {
        first
            + parse_duration(duration.val.as_str()).ok_or_else(|| IcsError {
                line: Some(at(duration)),
                message: text!("ics-not-duration", value = duration.val.as_str()),
            })?
    } else {
        return Ok(1);
    };
    if end < first {
        return Err(IcsError {
            line: Some(at(start)),
            message: text!("ics-ends-before-start"),
        });
    }
    let midnight = end.time() == chrono::NaiveTime::MIN;
    let days = (end.date() - first.date()).num_days() + i64::from(!midnight);
    Ok(days.max(1))
}

/// An iCalendar `DURATION` (`P1D`, `P2W`, `P1DT12H`) as elapsed time.
fn parse_duration(text: &str) -> Option<Duration> {
    let minutes =
        crate::calendar::iso_duration(text.trim().trim_start_matches('+'))?.elapsed_minutes();
    Some(Duration::minutes(minutes.round() as i64))
}

/// The starts of the event: `DTSTART` itself, or every repetition of its `RRULE`s up to `until`,
/// plus its `RDATE`s, less its `EXDATE`s.
fn occurrences(
    event: &Component,
    first: NaiveDateTime,
    until: NaiveDate,
    at: &dyn Fn(&Property) -> usize,
) -> Result<Vec<NaiveDateTime>, IcsError> {
    let list = |name: &str| -> Result<Vec<NaiveDateTime>, IcsError> {
        let mut moments = Vec::new();
        for property in properties(event, name) {
            for value in property.val.as_str().split(',') {
                moments.push(parse_moment(value).ok_or_else(|| IcsError {
                    line: Some(at(property)),
                    message: text!("ics-not-date-in", value = value, name = name),
                })?);
            }
        }
        Ok(moments)
    };
    let excluded = list("EXDATE")?;
    let mut starts = vec![first];
    let end = until.and_hms_opt(23, 59, 59).unwrap_or(NaiveDateTime::MAX);
    for rule in properties(event, "RRULE") {
        let bad = |detail: String| IcsError {
            line: Some(at(rule)),
            message: text!("ics-not-rule", value = rule.val.as_str(), detail = detail),
        };
        let parsed: RRule<Unvalidated> =
            rule.val.as_str().parse().map_err(|e| bad(format!("{e}")))?;
        let set = parsed.build(utc(first)).map_err(|e| bad(format!("{e}")))?;
        starts.extend(
            set.into_iter()
                .map(|moment| moment.naive_utc())
                .take_while(|moment| *moment <= end)
                .take(MAX_OCCURRENCES),
        );
    }
    starts.extend(list("RDATE")?);
    starts.retain(|start| !excluded.iter().any(|ex| ex.date() == start.date()));
    starts.sort();
    starts.dedup();
    Ok(starts)
}

fn utc(moment: NaiveDateTime) -> DateTime<Tz> {
    Tz::UTC.from_utc_datetime(&moment)
}

/// The 0-based line of the unfolded text that `part` (a slice of it) starts on.
fn line_of(unfolded: &str, part: &str) -> usize {
    let offset = (part.as_ptr() as usize)
        .checked_sub(unfolded.as_ptr() as usize)
        .filter(|offset| *offset <= unfolded.len())
        .unwrap_or(0);
    unfolded[..offset].matches('\n').count()
}

/// From a line of the unfolded text to the line of the file as written: unfolding joins each
/// line that begins with a space or a tab to the one before it.
struct LineMap {
    /// The 1-based original line of each unfolded line.
    starts: Vec<usize>,
}

impl LineMap {
    fn new(text: &str) -> LineMap {
        let starts = text
            .split('\n')
            .enumerate()
            .filter(|(i, line)| *i == 0 || !line.starts_with([' ', '\t']))
            .map(|(i, _)| i + 1)
            .collect();
        LineMap { starts }
    }

    fn original(&self, unfolded_line: usize) -> usize {
        self.starts
            .get(unfolded_line)
            .or(self.starts.last())
            .copied()
            .unwrap_or(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn read(text: &str) -> Result<Vec<IcsDay>, IcsError> {
        days_off(text, day(2020, 1, 1), day(2030, 12, 31))
    }

    const HEAD: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";

    #[test]
    fn all_day_events_cover_their_days_with_an_exclusive_end() {
        let text = format!(
            "{HEAD}BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20250804\r\nDTEND;VALUE=DATE:20250807\r\n\
             SUMMARY:Summer closure\\, part one\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        let days = read(&text).unwrap();
        let dates: Vec<_> = days.iter().map(|d| d.date).collect();
        assert_eq!(dates, [day(2025, 8, 4), day(2025, 8, 5), day(2025, 8, 6)]);
        assert_eq!(days[0].name, "Summer closure, part one");
    }

    #[test]
    fn durations_date_times_and_single_days() {
        let text = format!(
            "{HEAD}BEGIN:VEVENT\r\nDTSTART:20251224T000000Z\r\nDURATION:P2D\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nDTSTART;TZID=Europe/Sofia:20250303T090000\r\nDTEND;TZID=Europe/Sofia:20250303T170000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250506\r\nSUMMARY:St George\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        let dates: Vec<_> = read(&text).unwrap().into_iter().map(|d| d.date).collect();
        assert_eq!(
            dates,
            [
                day(2025, 3, 3),
                day(2025, 5, 6),
                day(2025, 12, 24),
                day(2025, 12, 25)
            ]
        );
    }

    #[test]
    fn yearly_rules_repeat_within_the_window_less_exceptions_and_cancellations() {
        let text = format!(
            "{HEAD}BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20190101\r\nRRULE:FREQ=YEARLY\r\n\
             EXDATE;VALUE=DATE:20220101\r\nRDATE;VALUE=DATE:20230102\r\nSUMMARY:New Year\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250601\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        let days = days_off(&text, day(2021, 1, 1), day(2024, 12, 31)).unwrap();
        let dates: Vec<_> = days.iter().map(|d| d.date).collect();
        assert_eq!(
            dates,
            [
                day(2021, 1, 1),
                day(2023, 1, 1),
                day(2023, 1, 2),
                day(2024, 1, 1)
            ]
        );
    }

    #[test]
    fn problems_name_the_line_as_written_even_after_folded_lines() {
        let text = format!(
            "{HEAD}BEGIN:VEVENT\r\nSUMMARY:A very long name that a producer folded\r\n  onto a second line\r\n\
             DTSTART;VALUE=DATE:2025-13-01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        let err = read(&text).unwrap_err();
        assert_eq!(err.line, Some(7), "{err:?}");
        assert!(err.message.contains("2025-13-01"), "{}", err.message);

        let rule = format!(
            "{HEAD}BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        let err = read(&rule).unwrap_err();
        assert_eq!(err.line, Some(6), "{err:?}");

        let no_start =
            format!("{HEAD}BEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        assert_eq!(read(&no_start).unwrap_err().line, Some(5));
    }

    #[test]
    fn text_that_is_not_a_calendar_is_refused() {
        assert!(read("hello\nworld\n").is_err());
        assert!(read("").is_err());
        let empty = format!("{HEAD}END:VCALENDAR\r\n");
        assert!(read(&empty).unwrap_err().message.contains("no events"));
    }

    #[test]
    fn iso_durations() {
        assert_eq!(parse_duration("P1D"), Some(Duration::days(1)));
        assert_eq!(parse_duration("P2W"), Some(Duration::days(14)));
        assert_eq!(parse_duration("P1DT12H"), Some(Duration::hours(36)));
        assert_eq!(parse_duration("1D"), None);
        assert_eq!(parse_duration("P1X"), None);
    }

    #[test]
    fn odd_rules_are_findings_or_bounded_never_panics() {
        for rule in [
            "FREQ=YEARLY;BYSETPOS=0",
            "FREQ=YEARLY;INTERVAL=0",
            "FREQ=YEARLY;UNTIL=19000101",
            "FREQ=DAILY;COUNT=99999999",
            "FREQ=SECONDLY",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31",
            "FREQ=MONTHLY;BYDAY=5FR",
            "FREQ=WEEKLY;BYDAY=XX",
            "",
            ";;;",
        ] {
            let text = format!(
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\nRRULE:{rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            );
            let from = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
            let until = chrono::NaiveDate::from_ymd_opt(2085, 12, 31).unwrap();
            match super::days_off(&text, from, until) {
                Ok(days) => assert!(days.len() <= 2 * super::MAX_OCCURRENCES, "{rule}"),
                Err(err) => assert_eq!(err.line, Some(4), "{rule}: {err:?}"),
            }
        }
    }
}
