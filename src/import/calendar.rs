//! A calendar being imported, from an MSPDI project calendar or a spreadsheet's calendar table,
//! and how it is written as the `[calendar]` table: working weekdays, holidays (Bulgaria's as
//! the built-in set `"BG"` when all of them are there), worked days.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::calendar::bulgaria;
use crate::import::draft::Origin;
use crate::import::header::normalise;
use crate::import::writer::quote;

/// The roadmap format's weekday names, Monday first.
pub const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Working weekdays, Monday first: `--workdays mon-fri`, a `workdays` row, an MSPDI calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weekdays(pub [bool; 7]);

impl Weekdays {
    /// What a calendar table without weekdays is taken to mean.
    pub const MONDAY_TO_FRIDAY: Weekdays = Weekdays([true, true, true, true, true, false, false]);

    pub fn count(self) -> usize {
        self.0.iter().filter(|&&working| working).count()
    }
}

impl fmt::Display for Weekdays {
    /// `mon, tue, wed`: the names of the working days.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = DAY_NAMES
            .iter()
            .zip(self.0)
            .filter(|(_, working)| *working)
            .map(|(name, _)| *name)
            .collect();
        f.write_str(&names.join(", "))
    }
}

/// A weekday's index (Monday 0) from its name in English or Bulgarian, short or full.
fn weekday(word: &str) -> Option<usize> {
    let word = normalise(word.trim_end_matches('.'));
    // `normalise` folds й into и, so Bulgarian names are listed as it leaves them.
    Some(match word.as_str() {
        "mon" | "monday" | "mo" | "пн" | "пон" | "понеделник" => 0,
        "tue" | "tues" | "tuesday" | "tu" | "вт" | "вто" | "вторник" => 1,
        "wed" | "wednesday" | "we" | "ср" | "сря" | "сряда" => 2,
        "thu" | "thur" | "thurs" | "thursday" | "th" | "чт" | "чет" | "четвъртък" => {
            3
        }
        "fri" | "friday" | "fr" | "пт" | "пет" | "петък" => 4,
        "sat" | "saturday" | "sa" | "сб" | "съб" | "събота" => 5,
        "sun" | "sunday" | "su" | "нд" | "нед" | "неделя" => 6,
        _ => return None,
    })
}

impl FromStr for Weekdays {
    type Err = String;

    /// `mon,tue,wed,thu,fri`, `mon-fri`, `sun-thu`, `пн-пт`, `понеделник, вторник`.
    fn from_str(text: &str) -> Result<Weekdays, String> {
        let mut days = [false; 7];
        // "mon - fri" and "пн–пт" are ranges as well.
        let mut text = text.replace(['–', '—'], "-");
        while text.contains(" -") || text.contains("- ") {
            text = text.replace(" -", "-").replace("- ", "-");
        }
        let unknown = |word: &str| {
            format!(
                "unknown weekday \"{word}\": write mon, tue, wed, thu, fri, sat, sun (or пн, вт, ср, чт, пт, сб, нд), separated by commas, or a range like mon-fri"
            )
        };
        for item in text
            .split([',', ';'])
            .flat_map(str::split_whitespace)
            .filter(|i| !i.is_empty())
        {
            match item.split_once('-') {
                Some((first, last)) => {
                    let first = weekday(first).ok_or_else(|| unknown(first))?;
                    let last = weekday(last).ok_or_else(|| unknown(last))?;
                    // A range may wrap around the week: sun-thu.
                    let mut day = first;
                    loop {
                        days[day] = true;
                        if day == last {
                            break;
                        }
                        day = (day + 1) % 7;
                    }
                }
                None => days[weekday(item).ok_or_else(|| unknown(item))?] = true,
            }
        }
        if !days.contains(&true) {
            return Err("no working weekday given: write them like mon-fri or mon,tue,wed".into());
        }
        Ok(Weekdays(days))
    }
}

/// What a row of a calendar table says about its day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayKind {
    /// A holiday or closure.
    Off,
    /// Worked although the weekday rule or a holiday says not.
    Working,
}

impl DayKind {
    /// `off`/`working` as `roadmap calendar --format csv` writes them (`worked`), and the
    /// words people use, in English and Bulgarian.
    pub fn parse(text: &str) -> Option<DayKind> {
        Some(match normalise(text).as_str() {
            "off"
            | "day off"
            | "holiday"
            | "closed"
            | "non working"
            | "nonworking"
            | "not working"
            | "почивен"
            | "почивен ден"
            | "неработен"
            | "неработен ден"
            | "празник"
            | "празничен" => DayKind::Off,
            "working"
            | "worked"
            | "work"
            | "working day"
            | "workday"
            | "работен"
            | "работен ден"
            | "отработван"
            | "отработва се" => DayKind::Working,
            _ => return None,
        })
    }
}

/// Days off: the first and last day, the name (may be empty), where the source gives them.
#[derive(Clone, Debug, PartialEq)]
pub struct Holiday {
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub name: String,
    pub at: Origin,
}

/// The days from `from` to `until`; a year at most: a range is a closure or an exception,
/// never an era.
fn days(from: NaiveDate, until: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d <= until).take(366)
}

impl Holiday {
    fn days(&self) -> impl Iterator<Item = NaiveDate> {
        days(self.from, self.until)
    }
}

/// Days worked although the weekday rule (or a holiday) says not.
#[derive(Clone, Debug, PartialEq)]
pub struct Worked {
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub at: Origin,
}

/// What the import keeps of a calendar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calendar {
    /// `None` when the source does not say.
    pub workdays: Option<Weekdays>,
    /// Where the weekdays come from.
    pub workdays_at: Origin,
    pub holidays: Vec<Holiday>,
    pub working: Vec<Worked>,
}

impl Calendar {
    pub fn every_day_works(&self) -> bool {
        self.workdays.map(Weekdays::count) == Some(7)
            && self.holidays.is_empty()
            && self.working.is_empty()
    }

    /// The `[calendar]` table's lines, each with where it comes from. Holidays that are
    /// exactly Bulgaria's public holidays in every year the calendar covers become the
    /// built-in set `"BG"`.
    pub fn lines(&self) -> Vec<(String, Origin)> {
        let mut lines = vec![("[calendar]".to_string(), Origin::File)];
        if let Some(days) = self.workdays {
            let names: Vec<String> = days
                .to_string()
                .split(", ")
                .map(|name| format!("\"{name}\""))
                .collect();
            lines.push((
                format!("workdays = [{}]", names.join(", ")),
                self.workdays_at.clone(),
            ));
        }
        let (bulgaria, holidays) = self.without_bulgaria();
        if bulgaria.is_some() || !holidays.is_empty() {
            lines.push(("holidays = [".to_string(), Origin::File));
            if let Some(at) = bulgaria {
                lines.push(("  \"BG\",".to_string(), at));
            }
            for holiday in holidays {
                let (from, until) = (holiday.from, holiday.until);
                let line = if from == until && holiday.name.is_empty() {
                    format!("  {from},")
                } else {
                    let name = quote(&holiday.name);
                    format!("  {{ from = {from}, until = {until}, name = {name} }},")
                };
                lines.push((line, holiday.at.clone()));
            }
            lines.push(("]".to_string(), Origin::File));
        }
        if !self.working.is_empty() {
            lines.push(("working = [".to_string(), Origin::File));
            let mut seen = BTreeSet::new();
            for worked in &self.working {
                for day in days(worked.from, worked.until) {
                    if seen.insert(day) {
                        lines.push((format!("  {day},"), worked.at.clone()));
                    }
                }
            }
            lines.push(("]".to_string(), Origin::File));
        }
        lines
    }

    /// When the calendar has every Bulgarian public holiday of each year it covers (as a day
    /// off, or as a worked day, which `working` then keeps worked), where the first of them
    /// comes from; and the holidays left when those are taken out.
    fn without_bulgaria(&self) -> (Option<Origin>, Vec<&Holiday>) {
        let all: Vec<&Holiday> = self.holidays.iter().collect();
        let off: BTreeSet<NaiveDate> = self.holidays.iter().flat_map(Holiday::days).collect();
        let worked = self.working.iter().flat_map(|w| days(w.from, w.until));
        let covered: BTreeSet<NaiveDate> = off.iter().copied().chain(worked).collect();
        let (Some(first), Some(last)) = (covered.first(), covered.last()) else {
            return (None, all);
        };
        let bulgarian: BTreeSet<NaiveDate> = (first.year()..=last.year())
            .flat_map(|year| bulgaria::holidays(year).into_iter().map(|(date, _)| date))
            .collect();
        // A calendar with no day off on them is not Bulgaria's, however it covers them.
        if !bulgarian.is_subset(&covered) || bulgarian.is_disjoint(&off) {
            return (None, all);
        }
        let at = all
            .iter()
            .find(|h| h.days().any(|d| bulgarian.contains(&d)))
            .map_or(Origin::File, |h| h.at.clone());
        let rest = all
            .into_iter()
            .filter(|h| !h.days().all(|d| bulgarian.contains(&d)))
            .collect();
        (Some(at), rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn holiday(from: &str, until: &str, name: &str) -> Holiday {
        Holiday {
            from: date(from),
            until: date(until),
            name: name.into(),
            at: Origin::File,
        }
    }

    #[test]
    fn weekdays_in_english_and_bulgarian_with_ranges() {
        let days = |text: &str| text.parse::<Weekdays>().map(|w| w.to_string());
        assert_eq!(
            days("mon,tue,wed,thu,fri").unwrap(),
            "mon, tue, wed, thu, fri"
        );
        assert_eq!(days("mon-fri").unwrap(), "mon, tue, wed, thu, fri");
        assert_eq!(days("Mon - Fri").unwrap(), "mon, tue, wed, thu, fri");
        assert_eq!(days("пн-пт").unwrap(), "mon, tue, wed, thu, fri");
        assert_eq!(days("sun-thu").unwrap(), "mon, tue, wed, thu, sun");
        assert_eq!(days("Понеделник; сряда, Неделя").unwrap(), "mon, wed, sun");
        assert_eq!(days("monday tuesday").unwrap(), "mon, tue");
        assert!(days("mon,funday").unwrap_err().contains("\"funday\""));
        assert!(days(" , ").unwrap_err().contains("no working weekday"));
    }

    #[test]
    fn bulgarias_holidays_become_the_built_in_set_and_the_others_stay() {
        let mut holidays: Vec<Holiday> = bulgaria::holidays(2025)
            .into_iter()
            .map(|(d, _)| holiday(&d.to_string(), &d.to_string(), "BG day"))
            .collect();
        holidays.push(holiday("2025-08-04", "2025-08-08", "Summer closure"));
        let mut calendar = Calendar {
            workdays: Some(Weekdays::MONDAY_TO_FRIDAY),
            holidays,
            ..Calendar::default()
        };
        let text = |c: &Calendar| {
            c.lines()
                .into_iter()
                .map(|(l, _)| l)
                .collect::<Vec<_>>()
                .join("\n")
        };
        let table = text(&calendar);
        assert!(
            table.contains("  \"BG\",\n  { from = 2025-08-04"),
            "{table}"
        );
        assert!(!table.contains("BG day"), "{table}");
        // One BG holiday missing and not worked: every day listed, no set.
        let christmas = date("2025-12-25");
        calendar.holidays.retain(|h| h.from != christmas);
        assert!(!text(&calendar).contains("\"BG\""));
        // Worked instead of off: the set, and `working` keeps that day worked.
        calendar.working.push(Worked {
            from: christmas,
            until: christmas,
            at: Origin::File,
        });
        let table = text(&calendar);
        assert!(table.contains("\"BG\""), "{table}");
        assert!(table.contains("working = [\n  2025-12-25,\n]"), "{table}");
    }

    #[test]
    fn a_calendar_of_only_worked_days_is_not_bulgarias() {
        let worked: Vec<Worked> = bulgaria::holidays(2025)
            .into_iter()
            .map(|(d, _)| Worked {
                from: d,
                until: d,
                at: Origin::File,
            })
            .collect();
        let calendar = Calendar {
            working: worked,
            ..Calendar::default()
        };
        assert!(!calendar.lines().iter().any(|(l, _)| l.contains("BG")));
    }
}
