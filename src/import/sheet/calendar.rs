//! A calendar table (a workbook's Calendar sheet, or the CSV file of `--calendar`): one row per
//! day off or worked day, with the columns `roadmap calendar --format csv` writes (`date`,
//! `kind`, `source`), and the working weekdays (`--workdays`, a `workdays` row of the Roadmap
//! sheet), as the imported roadmap's `[calendar]`.

use chrono::{Datelike, NaiveDate};

use crate::import::calendar::{Calendar, DayKind, Holiday, Weekdays, Worked};
use crate::import::draft::{CalendarTable, Origin};
use crate::import::table::Table;
use crate::import::{Extras, Format};

use super::{Kind, Reader};

/// One row of a calendar table.
#[derive(Clone, Debug)]
pub(super) struct Day {
    date: NaiveDate,
    kind: DayKind,
    name: String,
    at: Origin,
}

/// What the tables say about the calendar, gathered until the roadmap's start is known.
#[derive(Debug, Default)]
pub(super) struct Days {
    /// The calendar table's name as places show it (its file, or `sheet Calendar`).
    table: Option<String>,
    days: Vec<Day>,
    /// The `workdays` row of the Roadmap sheet.
    pub(super) workdays: Option<(Weekdays, Origin)>,
}

/// The holiday's name in a `source` cell: what `roadmap calendar` writes before it (where the
/// day comes from) is not part of it, nor its name for a date written without one.
fn holiday_name(source: &str) -> String {
    let source = source.trim();
    let name = ["holidays:", "holidays_file:", "BG:"]
        .iter()
        .find_map(|prefix| source.strip_prefix(prefix))
        .unwrap_or(source)
        .trim();
    match name {
        "holiday" | "`working`" => String::new(),
        name => name.to_string(),
    }
}

impl Reader {
    pub(super) fn calendar(&mut self, table: &Table) {
        if let Some(first) = &self.calendar.table {
            self.problem(
                table.origin(1),
                format!("a second calendar table (the first is {first}): give the days in one"),
            );
            return;
        }
        self.calendar.table = Some(table.sheet.clone());
        let Some(header) = self.header(table, Kind::Calendar, &["date"]) else {
            return;
        };
        for line in Self::rows(table, &header) {
            let date = match line.cell("date") {
                Some(cell) => self.date(cell, line.at("date")),
                None => {
                    self.problem(line.at("date"), "a calendar row needs a date");
                    None
                }
            };
            let kind = match line.text("kind") {
                None => Some(DayKind::Off),
                Some(text) => {
                    let kind = DayKind::parse(&text);
                    if kind.is_none() {
                        self.problem(
                            line.at("kind"),
                            format!(
                                "unknown kind of day \"{text}\": write off (почивен) or working (работен)"
                            ),
                        );
                    }
                    kind
                }
            };
            if let (Some(date), Some(kind)) = (date, kind) {
                self.calendar.days.push(Day {
                    date,
                    kind,
                    name: line
                        .text("source")
                        .map(|s| holiday_name(&s))
                        .unwrap_or_default(),
                    at: line.at("date"),
                });
            }
        }
    }

    /// The `[calendar]` of the calendar table and the working weekdays, once the roadmap's
    /// start is known (the format refuses days before its first year).
    pub(super) fn calendar_table(&mut self, format: Format, settings: &Extras) {
        let workdays = match (settings.workdays, self.calendar.workdays.take()) {
            (Some(days), _) => Some((days, Origin::File, "--workdays")),
            (None, Some((days, at))) => Some((days, at, "the Roadmap sheet's workdays row")),
            (None, None) => None,
        };
        let Some(table) = self.calendar.table.clone() else {
            if let Some((days, at, from)) = workdays {
                let calendar = Calendar {
                    workdays: Some(days),
                    workdays_at: at,
                    ..Calendar::default()
                };
                self.draft.calendar = Some(CalendarTable {
                    comment: format!(
                        "import: the working weekdays of {from}; durations in working days are \"wd\"."
                    ),
                    lines: calendar.lines(),
                });
            }
            return;
        };
        let table = if table.is_empty() {
            "the calendar table".to_string()
        } else {
            table
        };
        let first_year = self.draft.start.map_or(i32::MIN, |s| s.year());
        let (kept, early): (Vec<Day>, Vec<Day>) = std::mem::take(&mut self.calendar.days)
            .into_iter()
            .partition(|d| d.date.year() >= first_year);
        if let Some(first) = early.first() {
            self.draft.note(
                first.at.clone(),
                format!(
                    "{} day(s) of {table} before {first_year}, the roadmap's first year, left out (the format refuses them)",
                    early.len()
                ),
            );
        }
        let (workdays, workdays_at, weekdays_said) = match workdays {
            Some((days, at, from)) => (days, at, format!("The working weekdays are from {from}.")),
            None => {
                let how = match format {
                    Format::Xlsx => "--workdays or a workdays row on the Roadmap sheet",
                    _ => "--workdays",
                };
                let said = format!(
                    "It gives no working weekdays: Monday to Friday is assumed (give {how} for others)."
                );
                self.draft.note(
                    Origin::File,
                    format!("{table} gives no working weekdays: Monday to Friday is assumed (give {how} for others)"),
                );
                (Weekdays::MONDAY_TO_FRIDAY, Origin::File, said)
            }
        };
        let mut calendar = Calendar {
            workdays: Some(workdays),
            workdays_at,
            ..Calendar::default()
        };
        let mut days = kept;
        days.sort_by_key(|d| d.date);
        for day in days {
            match day.kind {
                DayKind::Working => calendar.working.push(Worked {
                    from: day.date,
                    until: day.date,
                    at: day.at,
                }),
                DayKind::Off => {
                    // Days in a row with the same name read better as one range.
                    if let Some(last) = calendar.holidays.last_mut()
                        && !day.name.is_empty()
                        && last.name == day.name
                        && last.until.succ_opt() == Some(day.date)
                    {
                        last.until = day.date;
                        continue;
                    }
                    if calendar
                        .holidays
                        .last()
                        .is_some_and(|last| last.until >= day.date)
                    {
                        continue; // the same day twice
                    }
                    calendar.holidays.push(Holiday {
                        from: day.date,
                        until: day.date,
                        name: day.name,
                        at: day.at,
                    });
                }
            }
        }
        self.draft.calendar = Some(CalendarTable {
            comment: format!(
                "import: the calendar of {table}; durations in working days are \"wd\".\n{weekdays_said}"
            ),
            lines: calendar.lines(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_what_roadmap_calendar_writes_before_them() {
        assert_eq!(holiday_name("BG: New Year's Day"), "New Year's Day");
        assert_eq!(holiday_name("holidays: Summer closure"), "Summer closure");
        assert_eq!(holiday_name("holidays: holiday"), "");
        assert_eq!(holiday_name("holidays_file: Sofia Day"), "Sofia Day");
        assert_eq!(holiday_name("`working`"), "");
        assert_eq!(holiday_name(" Баба Марта "), "Баба Марта");
    }
}
