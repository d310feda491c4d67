//! The project calendar of an MSPDI file: its working weekdays and its exceptions, as the
//! `[calendar]` table of the roadmap format.

use chrono::NaiveDate;
use roxmltree::Node;

use crate::import::calendar::{self as shared, Holiday, Weekdays, Worked};
use crate::import::draft::CalendarTable;
use crate::import::mspdi::time::{date_time, finish_day};
use crate::import::mspdi::{Xml, child, children, text};

/// What the import keeps of a project calendar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calendar {
    pub name: String,
    pub days: shared::Calendar,
    /// Exceptions that repeat (yearly, monthly...): not converted.
    pub recurring: Vec<String>,
}

impl Calendar {
    pub fn workdays_per_week(&self) -> Option<usize> {
        self.days.workdays.map(Weekdays::count)
    }

    pub fn every_day_works(&self) -> bool {
        self.days.every_day_works()
    }

    /// The calendar as a `[calendar]` table, with a comment saying where it came from.
    pub fn table(&self, source: &str) -> CalendarTable {
        CalendarTable {
            comment: format!(
                "import: the project calendar \"{}\" of {source}; durations and lags in working days are \"wd\"",
                self.name
            ),
            lines: self.days.lines(),
        }
    }
}

/// The calendar `uid` of the file (following `BaseCalendarUID` for the weekdays it lacks).
pub fn read(xml: &Xml, root: Node, uid: Option<&str>) -> Option<Calendar> {
    let calendars: Vec<Node> = child(root, "Calendars")
        .map(|c| children(c, "Calendar").collect())
        .unwrap_or_default();
    let by_uid = |uid: &str| {
        calendars
            .iter()
            .copied()
            .find(|c| text(*c, "UID") == Some(uid))
    };
    let node = uid.and_then(by_uid).or_else(|| {
        calendars
            .iter()
            .copied()
            .find(|c| text(*c, "IsBaseCalendar") == Some("1"))
    })?;
    let mut calendar = Calendar {
        name: text(node, "Name").unwrap_or("calendar").to_string(),
        ..Calendar::default()
    };
    // Weekdays: from this calendar, else its base calendar (a few levels at most).
    let mut current = Some(node);
    for _ in 0..8 {
        let Some(cal) = current else { break };
        if calendar.days.workdays.is_none() {
            calendar.days.workdays = weekdays(cal);
            calendar.days.workdays_at = xml.at(cal);
        }
        exceptions(xml, cal, &mut calendar);
        current = text(cal, "BaseCalendarUID")
            .filter(|b| *b != "-1" && Some(*b) != text(cal, "UID"))
            .and_then(by_uid);
    }
    Some(calendar)
}

/// `WeekDay` entries with `DayType` 1 (Sunday) .. 7 (Saturday).
fn weekdays(calendar: Node) -> Option<Weekdays> {
    let mut days = None::<[bool; 7]>;
    for day in child(calendar, "WeekDays")
        .into_iter()
        .flat_map(|w| children(w, "WeekDay"))
    {
        let Some(kind) = text(day, "DayType").and_then(|t| t.parse::<usize>().ok()) else {
            continue;
        };
        if !(1..=7).contains(&kind) {
            continue;
        }
        let working = text(day, "DayWorking") == Some("1");
        // MSPDI counts from Sunday; the roadmap lists Monday first.
        let index = (kind + 5) % 7;
        days.get_or_insert([false; 7])[index] = working;
    }
    days.map(Weekdays)
}

fn period(node: Node) -> Option<(NaiveDate, NaiveDate)> {
    let period = child(node, "TimePeriod")?;
    let from = date_time(text(period, "FromDate")?)?.date();
    let to = finish_day(date_time(text(period, "ToDate")?)?);
    Some((from, to.max(from)))
}

fn exceptions(xml: &Xml, calendar: Node, out: &mut Calendar) {
    // MSPDI 2003: WeekDay entries with DayType 0 and a TimePeriod.
    for day in child(calendar, "WeekDays")
        .into_iter()
        .flat_map(|w| children(w, "WeekDay"))
        .filter(|d| text(*d, "DayType") == Some("0"))
    {
        if let Some((from, until)) = period(day) {
            let at = xml.at(day);
            if text(day, "DayWorking") == Some("1") {
                out.days.working.push(Worked { from, until, at });
            } else {
                out.days.holidays.push(Holiday {
                    from,
                    until,
                    name: String::new(),
                    at,
                });
            }
        }
    }
    // MSPDI 2007 and later: an Exceptions list.
    for exception in child(calendar, "Exceptions")
        .into_iter()
        .flat_map(|e| children(e, "Exception"))
    {
        let name = text(exception, "Name").unwrap_or_default().to_string();
        let occurrences = text(exception, "Occurrences")
            .and_then(|o| o.parse::<u32>().ok())
            .unwrap_or(1);
        let kind = text(exception, "Type").unwrap_or("1");
        let Some((from, to)) = period(exception) else {
            continue;
        };
        if occurrences > 1 && kind != "1" {
            out.recurring.push(format!(
                "{}: the recurring calendar exception \"{name}\" from {from} ({occurrences} times) is not converted; add its days to `holidays`",
                xml.at(exception).describe().unwrap_or_default()
            ));
            continue;
        }
        let at = xml.at(exception);
        if text(exception, "DayWorking") == Some("1") {
            if !out
                .days
                .working
                .iter()
                .any(|w| (w.from, w.until) == (from, to))
            {
                out.days.working.push(Worked {
                    from,
                    until: to,
                    at,
                });
            }
        } else {
            // MPXJ and MS Project write an exception both ways: keep one, with its name.
            match out
                .days
                .holidays
                .iter_mut()
                .find(|h| (h.from, h.until) == (from, to))
            {
                Some(known) => known.name = name,
                None => out.days.holidays.push(Holiday {
                    from,
                    until: to,
                    name,
                    at,
                }),
            }
        }
    }
}
