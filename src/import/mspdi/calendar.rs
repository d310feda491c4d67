//! The project calendar of an MSPDI file: its working weekdays and its exceptions, as the
//! `[calendar]` table of the roadmap format.

use chrono::{Datelike, NaiveDate};

use crate::calendar::bulgaria;
use roxmltree::Node;

use crate::import::mspdi::time::{date_time, finish_day};
use crate::import::mspdi::{Xml, child, children, text};

/// What the import keeps of a calendar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calendar {
    pub name: String,
    /// Working weekdays, Monday first; `None` when the file does not say.
    pub workdays: Option<[bool; 7]>,
    /// Days off: (first day, last day, name).
    pub holidays: Vec<(NaiveDate, NaiveDate, String)>,
    /// Days worked although the weekday rule says not.
    pub working: Vec<(NaiveDate, NaiveDate)>,
    /// Exceptions that repeat (yearly, monthly...): not converted.
    pub recurring: Vec<String>,
}

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Calendar {
    pub fn workdays_per_week(&self) -> Option<usize> {
        self.workdays
            .map(|days| days.iter().filter(|&&working| working).count())
    }

    pub fn every_day_works(&self) -> bool {
        self.workdays_per_week() == Some(7) && self.holidays.is_empty() && self.working.is_empty()
    }

    /// The calendar as a `[calendar]` table: a comment line saying where it came from, then the
    /// table's lines. Holidays that are exactly Bulgaria's public holidays in every year the
    /// file lists become the built-in set `"BG"`.
    pub fn table(&self, source: &str) -> Vec<String> {
        let mut lines = vec![
            format!(
                "import: the project calendar \"{}\" of {source}; durations and lags in working days are \"wd\"",
                self.name
            ),
            "[calendar]".to_string(),
        ];
        if let Some(days) = self.workdays {
            let names: Vec<String> = DAY_NAMES
                .iter()
                .zip(days)
                .filter(|(_, working)| *working)
                .map(|(name, _)| format!("\"{name}\""))
                .collect();
            lines.push(format!("workdays = [{}]", names.join(", ")));
        }
        let (bulgaria, holidays) = self.without_bulgaria();
        if bulgaria || !holidays.is_empty() {
            lines.push("holidays = [".to_string());
            if bulgaria {
                lines.push("  \"BG\",".to_string());
            }
            for (from, until, name) in holidays {
                let name = crate::import::writer::quote(name);
                lines.push(if from == until && name == "\"\"" {
                    format!("  {from},")
                } else {
                    format!("  {{ from = {from}, until = {until}, name = {name} }},")
                });
            }
            lines.push("]".to_string());
        }
        if !self.working.is_empty() {
            let mut days = Vec::new();
            for (from, until) in &self.working {
                days.extend(from.iter_days().take_while(|d| d <= until).take(366));
            }
            let days: Vec<String> = days.iter().map(NaiveDate::to_string).collect();
            lines.push(format!("working = [{}]", days.join(", ")));
        }
        lines
    }

    /// Whether the holidays hold every Bulgarian public holiday of each year they span, and the
    /// holidays left when those are taken out.
    fn without_bulgaria(&self) -> (bool, Vec<&(NaiveDate, NaiveDate, String)>) {
        let all: Vec<&(NaiveDate, NaiveDate, String)> = self.holidays.iter().collect();
        let days: std::collections::BTreeSet<NaiveDate> = self
            .holidays
            .iter()
            .flat_map(|(from, until, _)| from.iter_days().take_while(move |d| d <= until).take(366))
            .collect();
        let (Some(first), Some(last)) = (days.first(), days.last()) else {
            return (false, all);
        };
        let bulgarian: std::collections::BTreeSet<NaiveDate> = (first.year()..=last.year())
            .flat_map(|year| bulgaria::holidays(year).into_iter().map(|(date, _)| date))
            .collect();
        if !bulgarian.is_subset(&days) {
            return (false, all);
        }
        let rest = all
            .into_iter()
            .filter(|(from, until, _)| {
                !from
                    .iter_days()
                    .take_while(|d| d <= until)
                    .all(|d| bulgarian.contains(&d))
            })
            .collect();
        (true, rest)
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
        if calendar.workdays.is_none() {
            calendar.workdays = weekdays(cal);
        }
        exceptions(xml, cal, &mut calendar);
        current = text(cal, "BaseCalendarUID")
            .filter(|b| *b != "-1" && Some(*b) != text(cal, "UID"))
            .and_then(by_uid);
    }
    Some(calendar)
}

/// `WeekDay` entries with `DayType` 1 (Sunday) .. 7 (Saturday).
fn weekdays(calendar: Node) -> Option<[bool; 7]> {
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
    days
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
        if let Some((from, to)) = period(day) {
            if text(day, "DayWorking") == Some("1") {
                out.working.push((from, to));
            } else {
                out.holidays.push((from, to, String::new()));
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
        if text(exception, "DayWorking") == Some("1") {
            if !out.working.contains(&(from, to)) {
                out.working.push((from, to));
            }
        } else {
            // MPXJ and MS Project write an exception both ways: keep one, with its name.
            match out
                .holidays
                .iter_mut()
                .find(|(f, t, _)| (*f, *t) == (from, to))
            {
                Some(known) => known.2 = name,
                None => out.holidays.push((from, to, name)),
            }
        }
    }
}
