//! `[calendar]`: working weekdays, holidays and worked exceptions become a [`WorkCalendar`].

use chrono::{Datelike, NaiveDate};

use crate::calendar::{OffReason, WorkCalendar};
use crate::diag::{self, Code, Diagnostic};
use crate::model::CalendarDate;
use crate::model::ics;
use crate::model::load::AttachedFile;
use crate::model::raw::{RawCalendar, RawHoliday};

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Years of Bulgarian holidays computed up front, which the calendar's day index then covers
/// (a resource-bound portfolio can run for centuries); later years are computed when asked.
const PRECOMPUTED_YEARS: i32 = 400;

/// Years after the roadmap's first whose days a holidays file may give (README).
const HOLIDAYS_FILE_YEARS: i32 = 60;

/// The calendar, or `None` without a `[calendar]` table (every day then is a working day), and
/// the days and ranges written in it.
pub(super) fn resolve(
    raw: Option<&RawCalendar>,
    holidays_file: Option<&AttachedFile>,
    start: NaiveDate,
    findings: &mut Vec<Diagnostic>,
) -> (Option<WorkCalendar>, Vec<CalendarDate>) {
    let Some(raw) = raw else {
        return (None, Vec::new());
    };
    let mut dates = Vec::new();
    let workdays = match &raw.workdays {
        None => [true; 7],
        Some(names) => {
            let mut days = [false; 7];
            for name in names {
                let lower = name.value.trim().to_ascii_lowercase();
                match WEEKDAYS
                    .iter()
                    .position(|d| lower == *d || full_name(d).is_some_and(|f| f == lower))
                {
                    Some(i) => days[i] = true,
                    None => {
                        let mut finding = Diagnostic::error(
                            Code::InvalidValue,
                            crate::i18n::text!("e-not-weekday", value = &name.value),
                        )
                        .at(name.at.clone());
                        finding = match diag::suggest(&lower, WEEKDAYS) {
                            Some(best) => finding
                                .with_help(crate::i18n::text!("help-did-you-mean", name = best)),
                            None => finding.with_help(crate::i18n::text!("find-calendar-1")),
                        };
                        findings.push(finding);
                    }
                }
            }
            days
        }
    };
    let mut calendar = WorkCalendar::new(workdays);
    let before_start = |date: NaiveDate| date.year() < start.year();
    let too_early =
        |at: &std::ops::Range<usize>, date: NaiveDate, findings: &mut Vec<Diagnostic>| {
            findings.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    crate::i18n::text!(
                        "e-day-before-plan",
                        date = date,
                        year = start.year().to_string()
                    ),
                )
                .at(at.clone())
                .with_help(crate::i18n::text!("find-calendar-2")),
            );
        };
    for holiday in raw.holidays.as_deref().unwrap_or_default() {
        match holiday {
            RawHoliday::Set(name) => {
                if name.value.eq_ignore_ascii_case("BG") {
                    calendar.with_bulgaria(start.year()..=start.year() + PRECOMPUTED_YEARS);
                } else {
                    findings.push(
                        Diagnostic::error(
                            Code::InvalidValue,
                            crate::i18n::text!("e-not-holiday-set", value = &name.value),
                        )
                        .at(name.at.clone())
                        .with_help(crate::i18n::text!("find-calendar-3")),
                    );
                }
            }
            RawHoliday::Day(day) => {
                let date = day.value.0;
                if before_start(date) {
                    too_early(&day.at, date, findings);
                }
                dates.push(CalendarDate {
                    first: date,
                    at: day.at.clone(),
                });
                calendar.add_off(date, OffReason::Listed("holiday".into()));
            }
            RawHoliday::Range(range) => {
                let (Some(from), Some(until)) = (&range.from, &range.until) else {
                    findings.push(
                        Diagnostic::error(Code::MissingKey, crate::i18n::text!("find-calendar-4"))
                            .at(range.at.clone()),
                    );
                    continue;
                };
                if until.value.0 < from.value.0 {
                    findings.push(
                        Diagnostic::error(
                            Code::InvalidValue,
                            crate::i18n::text!("find-calendar-5"),
                        )
                        .at(until.at.clone()),
                    );
                    continue;
                }
                if before_start(until.value.0) {
                    too_early(&from.at, from.value.0, findings);
                }
                dates.push(CalendarDate {
                    first: from.value.0,
                    at: range.at.clone(),
                });
                let name = range
                    .name
                    .as_ref()
                    .map_or_else(|| "holiday range".to_string(), |n| n.value.clone());
                let mut day = from.value.0;
                while day <= until.value.0 {
                    calendar.add_off(day, OffReason::Listed(name.clone()));
                    match day.succ_opt() {
                        Some(next) => day = next,
                        None => break,
                    }
                }
            }
        }
    }
    if let Some(named) = &raw.holidays_file {
        let first = NaiveDate::from_ymd_opt(start.year(), 1, 1).unwrap_or(start);
        let last = NaiveDate::from_ymd_opt(start.year() + HOLIDAYS_FILE_YEARS, 12, 31)
            .unwrap_or(NaiveDate::MAX);
        match read_holidays_file(holidays_file, first, last) {
            Ok(days) => {
                for day in days {
                    calendar.add_off(day.date, OffReason::File(day.name));
                }
            }
            Err(message) => findings.push(
                Diagnostic::error(Code::InvalidValue, message)
                    .at(named.at.clone())
                    .with_help(crate::i18n::text!("e-holidays-file-help")),
            ),
        }
    }
    for day in raw.working.as_deref().unwrap_or_default() {
        if before_start(day.value.0) {
            too_early(&day.at, day.value.0, findings);
        }
        dates.push(CalendarDate {
            first: day.value.0,
            at: day.at.clone(),
        });
        calendar.add_worked(day.value.0);
    }
    if !workdays.contains(&true) && raw.working.as_deref().unwrap_or_default().is_empty() {
        let at = raw
            .workdays
            .as_ref()
            .and_then(|w| w.first())
            .map_or(raw.at.clone(), |w| w.at.clone());
        findings.push(
            Diagnostic::error(Code::InvalidValue, crate::i18n::text!("find-calendar-7"))
                .at(at)
                .with_help(crate::i18n::text!("find-calendar-8")),
        );
    }
    (Some(calendar), dates)
}

/// The days off of the holidays file in `[first, last]`, or what is wrong with it, naming the
/// file and, where it can, its line.
fn read_holidays_file(
    file: Option<&AttachedFile>,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<ics::IcsDay>, crate::i18n::Text> {
    use crate::i18n::text;
    let Some(file) = file else {
        return Err(text!("holidays-not-read"));
    };
    let text = file.text.as_ref().map_err(|reason| {
        text!(
            "holidays-unreadable",
            file = &file.name,
            reason = reason.to_string()
        )
    })?;
    ics::days_off(text, first, last).map_err(|err| {
        // The file and line as a compiler writes them (`holidays.ics:12`), in every language.
        let place = match err.line {
            Some(line) => format!("{}:{line}", file.name),
            None => file.name.clone(),
        };
        text!("holidays-error", place = place, message = err.message)
    })
}

fn full_name(short: &str) -> Option<&'static str> {
    Some(match short {
        "mon" => "monday",
        "tue" => "tuesday",
        "wed" => "wednesday",
        "thu" => "thursday",
        "fri" => "friday",
        "sat" => "saturday",
        "sun" => "sunday",
        _ => return None,
    })
}
