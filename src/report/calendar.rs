//! `roadmap calendar`: the non-working days the plan uses (besides the regular weekly days off)
//! and where each comes from.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use super::Look;
use super::Report;
use crate::calendar::{OffReason, WorkCalendar};
use crate::model::Roadmap;
use crate::plan::Plan;

pub struct CalendarReport {
    weekdays: String,
    days: Vec<(NaiveDate, String, String)>,
}

const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl CalendarReport {
    /// Exceptions of `year`, or of every year the plan covers.
    pub fn new(roadmap: &Roadmap, plan: &Plan, year: Option<i32>) -> CalendarReport {
        let Some(calendar) = &roadmap.calendar else {
            return CalendarReport {
                weekdays: "every day (no [calendar])".into(),
                days: Vec::new(),
            };
        };
        let last = plan
            .projects
            .iter()
            .map(|p| p.finish)
            .max()
            .unwrap_or(roadmap.start);
        let years = match year {
            Some(y) => y..=y,
            None => roadmap.start.year()..=last.year(),
        };
        CalendarReport {
            weekdays: weekdays(calendar),
            days: years
                .flat_map(|y| calendar.exceptions(y))
                .map(|(date, reason)| {
                    let (kind, source) = describe(reason);
                    (date, kind.to_string(), source)
                })
                .collect(),
        }
    }
}

fn weekdays(calendar: &WorkCalendar) -> String {
    let days = calendar.workdays();
    NAMES
        .iter()
        .zip(days)
        .filter(|(_, on)| *on)
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

fn describe(reason: Option<OffReason>) -> (&'static str, String) {
    match reason {
        None => ("worked", "`working`".into()),
        Some(OffReason::Weekend(day)) => ("off", format!("weekly day off ({day})")),
        Some(OffReason::Bulgaria(name)) => ("off", format!("BG: {name}")),
        Some(OffReason::Listed(name)) => ("off", format!("holidays: {name}")),
        Some(OffReason::File(name)) => ("off", format!("holidays_file: {name}")),
    }
}

impl Report for CalendarReport {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        writeln!(
            out,
            "{} {}",
            look.bold(&look.tr("Working weekdays:")),
            self.weekdays
        )?;
        if self.days.is_empty() {
            return writeln!(
                out,
                "{}",
                crate::report::grid::paragraph(&look.tr("No exceptions."), look.width)
            );
        }
        writeln!(out)?;
        for (date, kind, source) in &self.days {
            writeln!(
                out,
                "{date}  {:<3}  {kind:<6}  {source}",
                NAMES[date.weekday().num_days_from_monday() as usize]
            )?;
        }
        Ok(())
    }

    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "date,kind,source")?;
        for (date, kind, source) in &self.days {
            writeln!(out, "{date},{kind},\"{}\"", source.replace('"', "\"\""))?;
        }
        Ok(())
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        let days: Vec<serde_json::Value> = self
            .days
            .iter()
            .map(|(date, kind, source)| {
                serde_json::json!({ "date": date.to_string(), "kind": kind, "source": source })
            })
            .collect();
        super::write_json(
            out,
            &serde_json::json!({ "workdays": self.weekdays, "days": days }),
        )
    }
}
