//! `roadmap calendar`: the non-working days the plan uses (besides the regular weekly days off)
//! and where each comes from.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use super::Look;
use super::Report;
use crate::calendar::{OffReason, WorkCalendar};
use crate::i18n::{Lang, Messages};
use crate::model::Roadmap;
use crate::plan::Plan;

pub struct CalendarReport {
    /// The working weekdays; `None` without a `[calendar]` (every day is worked).
    weekdays: Option<Vec<&'static str>>,
    days: Vec<(NaiveDate, Option<OffReason>)>,
}

const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl CalendarReport {
    /// Exceptions of `year`, or of every year the plan covers.
    pub fn new(roadmap: &Roadmap, plan: &Plan, year: Option<i32>) -> CalendarReport {
        let Some(calendar) = &roadmap.calendar else {
            return CalendarReport {
                weekdays: None,
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
            weekdays: Some(weekdays(calendar)),
            days: years.flat_map(|y| calendar.exceptions(y)).collect(),
        }
    }
}

fn weekdays(calendar: &WorkCalendar) -> Vec<&'static str> {
    let days = calendar.workdays();
    NAMES
        .iter()
        .zip(days)
        .filter(|(_, on)| *on)
        .map(|(n, _)| *n)
        .collect()
}

impl CalendarReport {
    /// `mon, tue, …` in `t`'s language (English codes in CSV and JSON).
    fn weekdays(&self, t: &Messages) -> String {
        match &self.weekdays {
            None => t.tr("every day (no [calendar])"),
            Some(days) => days
                .iter()
                .map(|day| t.tr(day))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// A day's kind (`off`, `worked`) and where it comes from, in `t`'s language.
fn describe(reason: &Option<OffReason>, t: &Messages) -> (String, String) {
    let off = || t.tr("off");
    match reason {
        None => (t.tr("worked"), "`working`".into()),
        Some(OffReason::Weekend(day)) => (
            off(),
            t.with("calendar-weekly", &[("day", t.tr(&day.to_string()))]),
        ),
        Some(OffReason::Bulgaria(reason)) => (off(), format!("BG: {}", reason.label(t))),
        Some(OffReason::Listed(name)) => (off(), format!("holidays: {name}")),
        Some(OffReason::File(name)) => (off(), format!("holidays_file: {name}")),
    }
}

impl Report for CalendarReport {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        writeln!(
            out,
            "{} {}",
            look.bold(&look.tr("Working weekdays:")),
            self.weekdays(&look.messages())
        )?;
        if self.days.is_empty() {
            return writeln!(
                out,
                "{}",
                crate::report::grid::paragraph(&look.tr("No exceptions."), look.width)
            );
        }
        writeln!(out)?;
        let t = look.messages();
        // The kinds in one column, however long the language writes them.
        let width = [t.tr("off"), t.tr("worked")]
            .iter()
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0);
        for (date, reason) in &self.days {
            let (kind, source) = describe(reason, &t);
            writeln!(
                out,
                "{}  {:<3}  {kind:<width$}  {source}",
                t.date(*date),
                t.tr(NAMES[date.weekday().num_days_from_monday() as usize])
            )?;
        }
        Ok(())
    }

    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let en = Messages::new(Lang::En);
        writeln!(out, "date,kind,source")?;
        for (date, reason) in &self.days {
            let (kind, source) = describe(reason, &en);
            writeln!(out, "{date},{kind},\"{}\"", source.replace('"', "\"\""))?;
        }
        Ok(())
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        let en = Messages::new(Lang::En);
        let days: Vec<serde_json::Value> = self
            .days
            .iter()
            .map(|(date, reason)| {
                let (kind, source) = describe(reason, &en);
                serde_json::json!({ "date": date.to_string(), "kind": kind, "source": source })
            })
            .collect();
        super::write_json(
            out,
            &serde_json::json!({ "workdays": self.weekdays(&en), "days": days }),
        )
    }
}
