//! Microsoft Project XML (MSPDI), the interchange format that MS Project, ProjectLibre and
//! GanttProject open: the plan's tasks with their dates, links and lags, the resources and the
//! assignments.
//!
//! Mapping (see docs/risk.md):
//! - The project uses one base calendar of 8-hour days (08:00-12:00, 13:00-17:00). Without a
//!   `[calendar]` it is "Roadmap (every day)": all seven days work, because durations are
//!   calendar days. With one it is "Roadmap working calendar": its working weekdays, and every
//!   holiday and worked day of the plan's years (and the year after) as `Exceptions`, so MS
//!   Project or ProjectLibre computes the same dates. Task durations are then the working days
//!   from start to finish, or the elapsed time (format 8) for a task in calendar units that
//!   ends on a day off; lags in `wd` are working days, other lags elapsed days.
//! - Each project is a task (UID = its position + 1) with `Start` on its first
//!   day at 08:00, `Finish` on its last day at 17:00 (a milestone finishes at its start),
//!   `Duration` as `PT{8 * working days}H0M0S`, and a "start no earlier than" constraint on its planned
//!   start, so that a tool that does not level resources still shows the roadmap's dates.
//! - Links: `PredecessorLink` with `Type` 1 (FS), 3 (SS) or 0 (FF), `LinkLag` in tenths of a
//!   minute (one day = 4800) and `LagFormat` 7 (days). A lag in months is converted to the days
//!   it spans in the plan.
//! - Without programmes every task is at outline level 1. With programmes the tasks follow the
//!   outline: each programme is a summary task (UID = projects + its position + 1) with its
//!   rolled-up dates and cost, before what it contains, and `OutlineLevel`, `OutlineNumber`
//!   and `WBS` ("2.1.3") give the tree. Descriptions go into `Notes`, then the roadmap id.
//! - Priority 1..5 becomes MS Project priority 900, 700, 500, 300, 100.
//! - Resources are work resources whose `MaxUnits` is the capacity; each demand is an
//!   assignment with `Units` and `Work`. A capacity that changes over time (`changes`) is
//!   also written as `AvailabilityPeriods`: one period per stretch of equal capacity, from the
//!   roadmap start (or the step) at 00:00 to the day before the next step at 23:59, the last
//!   one until the end of 2049 or of the plan, whichever is later; `MaxUnits` stays the
//!   capacity from the start.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::calendar::{LinkKind, OffReason, Span, WorkCalendar};
use crate::display::number;
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::plan::rollup::Item;
use crate::report::svg::xml_char;

const NAMESPACE: &str = "http://schemas.microsoft.com/project";

/// Minutes of work in a day of the roadmap's calendar.
pub const MINUTES_PER_DAY: i64 = 480;

/// `PT{hours}H{minutes}M0S`, MSPDI's duration format.
pub fn duration(days: i64) -> String {
    format!("PT{}H0M0S", days * MINUTES_PER_DAY / 60)
}

fn start_of(date: NaiveDate) -> String {
    format!("{date}T08:00:00")
}

fn end_of(date: NaiveDate) -> String {
    format!("{date}T17:00:00")
}

/// MS Project's priority (0..1000) for a roadmap priority (1..5).
pub fn priority(p: u8) -> u32 {
    1100 - 200 * u32::from(p.clamp(1, 5))
}

fn link_type(kind: LinkKind) -> u8 {
    match kind {
        LinkKind::FinishToFinish => 0,
        LinkKind::FinishToStart => 1,
        LinkKind::StartToStart => 3,
    }
}

type W<'a> = Writer<&'a mut dyn Write>;

fn field(w: &mut W, name: &str, value: impl std::fmt::Display) -> io::Result<()> {
    // quick-xml escapes markup but passes control characters, which XML 1.0 cannot carry.
    let text: String = value.to_string().chars().map(xml_char).collect();
    w.create_element(name)
        .write_text_content(BytesText::new(&text))?;
    Ok(())
}

pub fn write(out: &mut dyn Write, roadmap: &Roadmap, plan: &Plan) -> io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))?;
    w.create_element("Project")
        .with_attribute(("xmlns", NAMESPACE))
        .write_inner_content(|w| {
            field(w, "SaveVersion", 14)?;
            field(w, "Name", format!("{}.xml", roadmap.name))?;
            field(w, "Title", &roadmap.name)?;
            field(w, "ScheduleFromStart", 1)?;
            field(w, "StartDate", start_of(plan.start()))?;
            field(w, "FinishDate", end_of(plan.finish()))?;
            field(w, "CalendarUID", 1)?;
            field(w, "DefaultStartTime", "08:00:00")?;
            field(w, "DefaultFinishTime", "17:00:00")?;
            field(w, "MinutesPerDay", MINUTES_PER_DAY)?;
            let workdays = roadmap.calendar.as_ref().map_or(7, |c| {
                c.workdays().iter().filter(|&&working| working).count() as i64
            });
            field(w, "MinutesPerWeek", MINUTES_PER_DAY * workdays)?;
            field(w, "DaysPerMonth", 30)?;
            field(w, "CurrencyCode", &roadmap.currency)?;
            calendars(w, roadmap, plan)?;
            tasks(w, roadmap, plan)?;
            resources(w, roadmap, plan)?;
            assignments(w, roadmap, plan)
        })?;
    Ok(())
}

fn calendars(w: &mut W, roadmap: &Roadmap, plan: &Plan) -> io::Result<()> {
    let workdays = roadmap
        .calendar
        .as_ref()
        .map_or([true; 7], WorkCalendar::workdays);
    let name = if roadmap.calendar.is_some() {
        "Roadmap working calendar"
    } else {
        "Roadmap (every day)"
    };
    w.create_element("Calendars").write_inner_content(|w| {
        w.create_element("Calendar").write_inner_content(|w| {
            field(w, "UID", 1)?;
            field(w, "Name", name)?;
            field(w, "IsBaseCalendar", 1)?;
            field(w, "BaseCalendarUID", -1)?;
            w.create_element("WeekDays").write_inner_content(|w| {
                // MSPDI counts weekdays from Sunday (1) to Saturday (7).
                for day in 1..=7 {
                    let working = workdays[(day + 5) % 7];
                    w.create_element("WeekDay").write_inner_content(|w| {
                        field(w, "DayType", day)?;
                        field(w, "DayWorking", u8::from(working))?;
                        if working {
                            working_times(w)?;
                        }
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
            if let Some(calendar) = &roadmap.calendar {
                exceptions(w, calendar, plan)?;
            }
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

fn working_times(w: &mut W) -> io::Result<()> {
    w.create_element("WorkingTimes").write_inner_content(|w| {
        for (from, to) in [("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")] {
            w.create_element("WorkingTime").write_inner_content(|w| {
                field(w, "FromTime", from)?;
                field(w, "ToTime", to)
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// A run of consecutive exception days with the same meaning.
struct Exception {
    from: NaiveDate,
    until: NaiveDate,
    name: String,
    working: bool,
}

/// The calendar's holidays and worked days over the plan's years and the year after (so a tool
/// that reschedules a little later still sees them), consecutive days of one name joined.
fn exception_runs(calendar: &WorkCalendar, plan: &Plan) -> Vec<Exception> {
    let mut runs: Vec<Exception> = Vec::new();
    for year in plan.start().year()..=plan.finish().year() + 1 {
        for (date, reason) in calendar.exceptions(year) {
            let (name, working) = match reason {
                None => ("worked day".to_string(), true),
                Some(OffReason::Bulgaria(reason)) => (
                    reason.label(&crate::i18n::Messages::new(crate::i18n::Lang::En)),
                    false,
                ),
                Some(OffReason::Listed(name) | OffReason::File(name)) => (name, false),
                Some(OffReason::Weekend(_)) => continue,
            };
            match runs.last_mut() {
                Some(run)
                    if run.working == working
                        && run.name == name
                        && run.until.succ_opt() == Some(date) =>
                {
                    run.until = date;
                }
                _ => runs.push(Exception {
                    from: date,
                    until: date,
                    name,
                    working,
                }),
            }
        }
    }
    runs
}

fn exceptions(w: &mut W, calendar: &WorkCalendar, plan: &Plan) -> io::Result<()> {
    let runs = exception_runs(calendar, plan);
    if runs.is_empty() {
        return Ok(());
    }
    w.create_element("Exceptions").write_inner_content(|w| {
        for run in &runs {
            w.create_element("Exception").write_inner_content(|w| {
                field(w, "EnteredByOccurrences", 0)?;
                w.create_element("TimePeriod").write_inner_content(|w| {
                    field(w, "FromDate", format!("{}T00:00:00", run.from))?;
                    field(w, "ToDate", format!("{}T23:59:00", run.until))
                })?;
                field(w, "Occurrences", 1)?;
                field(w, "Name", &run.name)?;
                // Type 1: daily, i.e. every day of the period.
                field(w, "Type", 1)?;
                field(w, "DayWorking", u8::from(run.working))?;
                if run.working {
                    working_times(w)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// `Duration` and `DurationFormat` of a task running `[start, finish]`: working days (format
/// 7, days) on the roadmap's calendar, or, when it ends on a day off (a task in calendar days
/// or months may), the elapsed time from its first 08:00 to its last 17:00 (format 8,
/// elapsed days), so a tool that recomputes the finish from the start lands on the same day.
fn task_duration(roadmap: &Roadmap, start: NaiveDate, finish: NaiveDate) -> (String, u8) {
    match &roadmap.calendar {
        Some(calendar) if !calendar.is_working(finish) => {
            let days = (finish - start).num_days() + 1;
            (format!("PT{}H0M0S", (days - 1) * 24 + 9), 8)
        }
        _ => (duration(working_days(roadmap, start, finish)), 7),
    }
}

/// The working days of `[start, finish]` (every day without a calendar).
fn working_days(roadmap: &Roadmap, start: NaiveDate, finish: NaiveDate) -> i64 {
    match &roadmap.calendar {
        None => (finish - start).num_days() + 1,
        Some(calendar) => start
            .iter_days()
            .take_while(|d| *d <= finish)
            .filter(|d| calendar.is_working(*d))
            .count() as i64,
    }
}

/// `LinkLag` (tenths of a minute) and `LagFormat` of a lag measured from `anchor`: working days
/// (format 7) for a lag in `wd` on a calendar, else the calendar days it spans, which are
/// working days without a calendar and elapsed days (format 8) with one.
fn link_lag(roadmap: &Roadmap, lag: Span, anchor: NaiveDate) -> (i64, u8) {
    let days = lag.add(anchor).map_or(0, |end| (end - anchor).num_days());
    match (lag, &roadmap.calendar) {
        (_, None) => (days * MINUTES_PER_DAY * 10, 7),
        _ if days == 0 => (0, 7),
        (Span::WorkingDays(n), Some(_)) => (i64::from(n) * MINUTES_PER_DAY * 10, 7),
        (_, Some(_)) => (days * 24 * 60 * 10, 8),
    }
}

fn tasks(w: &mut W, roadmap: &Roadmap, plan: &Plan) -> io::Result<()> {
    w.create_element("Tasks").write_inner_content(|w| {
        // Task 0: the project summary.
        w.create_element("Task").write_inner_content(|w| {
            field(w, "UID", 0)?;
            field(w, "ID", 0)?;
            field(w, "Name", &roadmap.name)?;
            field(w, "Type", 1)?;
            field(w, "IsNull", 0)?;
            field(w, "OutlineNumber", 0)?;
            field(w, "OutlineLevel", 0)?;
            field(w, "Start", start_of(plan.start()))?;
            field(w, "Finish", end_of(plan.finish()))?;
            let (length, format) = task_duration(roadmap, plan.start(), plan.finish());
            field(w, "Duration", length)?;
            field(w, "DurationFormat", format)?;
            field(w, "Summary", 1)?;
            field(w, "Milestone", 0)
        })?;
        if roadmap.programmes.is_empty() {
            for i in 0..roadmap.projects.len() {
                let number = (i + 1).to_string();
                project_task(w, roadmap, plan, i, i + 1, 1, &number)?;
            }
        } else {
            // The outline: MS Project reads the tree from the task order and OutlineLevel.
            for (row, line) in plan.outline.iter().zip(1..) {
                let level = row.depth + 1;
                match row.item {
                    Item::Project(i) => project_task(w, roadmap, plan, i, line, level, &row.wbs)?,
                    Item::Programme(q) => {
                        programme_task(w, roadmap, plan, q, line, level, &row.wbs)?;
                    }
                }
            }
        }
        Ok(())
    })?;
    Ok(())
}

/// Task notes: the description (when written), then the roadmap id.
fn notes(description: Option<&str>, id: &str) -> String {
    match description {
        Some(text) => format!("{text}\n\nroadmap id: {id}"),
        None => format!("roadmap id: {id}"),
    }
}

/// Recorded progress: actual start and finish, % complete.
fn progress(w: &mut W, project: &crate::model::Project) -> io::Result<()> {
    use crate::model::Status;
    let percent = match project.status {
        Status::NotStarted => return Ok(()),
        Status::Done => 100.0,
        Status::InProgress => (project.progress.unwrap_or(0.0) * 100.0).round(),
    };
    field(w, "PercentComplete", percent)?;
    if let Some(start) = project.actual_start {
        field(w, "ActualStart", start_of(start))?;
    }
    if let (Status::Done, Some(finish)) = (project.status, project.actual_finish) {
        let finish = if project.is_milestone() {
            start_of(finish)
        } else {
            end_of(finish)
        };
        field(w, "ActualFinish", finish)?;
    }
    Ok(())
}

/// A project's task: UID its position + 1, `line` its row (ID), at `level` of the outline.
fn project_task(
    w: &mut W,
    roadmap: &Roadmap,
    plan: &Plan,
    i: usize,
    line: usize,
    level: usize,
    wbs: &str,
) -> io::Result<()> {
    let project = &roadmap.projects[i];
    let p = &plan.projects[i];
    w.create_element("Task").write_inner_content(|w| {
        field(w, "UID", i + 1)?;
        field(w, "ID", line)?;
        field(w, "Name", &project.name)?;
        field(w, "Type", 0)?;
        field(w, "IsNull", 0)?;
        field(w, "WBS", wbs)?;
        field(w, "OutlineNumber", wbs)?;
        field(w, "OutlineLevel", level)?;
        field(w, "Priority", priority(project.priority))?;
        field(w, "Start", start_of(p.start))?;
        field(
            w,
            "Finish",
            if project.is_milestone() {
                start_of(p.start)
            } else {
                end_of(p.finish)
            },
        )?;
        let (length, format) = if project.is_milestone() {
            (duration(0), 7)
        } else {
            task_duration(roadmap, p.start, p.finish)
        };
        field(w, "Duration", length)?;
        field(w, "DurationFormat", format)?;
        field(w, "Milestone", u8::from(project.is_milestone()))?;
        field(w, "Summary", 0)?;
        field(w, "Critical", u8::from(p.critical))?;
        field(
            w,
            "TotalSlack",
            i64::from(p.total_slack) * MINUTES_PER_DAY * 10,
        )?;
        if let Some(cost) = project.cost {
            // MSPDI money is in hundredths of the currency unit.
            field(w, "Cost", number((cost * 100.0).round()))?;
        }
        field(w, "ConstraintType", 4)?;
        field(w, "ConstraintDate", start_of(p.start))?;
        if let Some(deadline) = project.deadline {
            field(w, "Deadline", end_of(deadline))?;
        }
        progress(w, project)?;
        field(
            w,
            "Notes",
            notes(project.description.as_deref(), &project.id),
        )?;
        for dep in &project.depends_on {
            let before = &plan.projects[dep.on];
            let anchor = match dep.kind {
                LinkKind::StartToStart => before.start,
                _ if roadmap.projects[dep.on].is_milestone() => before.start,
                _ => before.finish.succ_opt().unwrap_or(before.finish),
            };
            let (lag, format) = link_lag(roadmap, dep.lag, anchor);
            w.create_element("PredecessorLink")
                .write_inner_content(|w| {
                    field(w, "PredecessorUID", dep.on + 1)?;
                    field(w, "Type", link_type(dep.kind))?;
                    field(w, "CrossProject", 0)?;
                    field(w, "LinkLag", lag)?;
                    field(w, "LagFormat", format)
                })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// A programme's summary task (UID after the projects'), dates and cost rolled up.
fn programme_task(
    w: &mut W,
    roadmap: &Roadmap,
    plan: &Plan,
    q: usize,
    line: usize,
    level: usize,
    wbs: &str,
) -> io::Result<()> {
    let programme = &roadmap.programmes[q];
    let planned = &plan.programmes[q];
    let start = planned.start.unwrap_or(plan.start());
    let finish = planned.finish.unwrap_or(start);
    w.create_element("Task").write_inner_content(|w| {
        field(w, "UID", roadmap.projects.len() + q + 1)?;
        field(w, "ID", line)?;
        field(w, "Name", &programme.name)?;
        field(w, "Type", 1)?;
        field(w, "IsNull", 0)?;
        field(w, "WBS", wbs)?;
        field(w, "OutlineNumber", wbs)?;
        field(w, "OutlineLevel", level)?;
        field(w, "Start", start_of(start))?;
        field(w, "Finish", end_of(finish))?;
        let (length, format) = task_duration(roadmap, start, finish);
        field(w, "Duration", length)?;
        field(w, "DurationFormat", format)?;
        field(w, "Milestone", 0)?;
        field(w, "Summary", 1)?;
        field(w, "Critical", u8::from(planned.critical))?;
        field(w, "Cost", number((planned.cost * 100.0).round()))?;
        field(
            w,
            "Notes",
            notes(programme.description.as_deref(), &programme.id),
        )
    })?;
    Ok(())
}

fn resources(w: &mut W, roadmap: &Roadmap, plan: &Plan) -> io::Result<()> {
    w.create_element("Resources").write_inner_content(|w| {
        for (r, resource) in roadmap.resources.iter().enumerate() {
            w.create_element("Resource").write_inner_content(|w| {
                field(w, "UID", r + 1)?;
                field(w, "ID", r + 1)?;
                field(w, "Name", &resource.name)?;
                field(w, "Type", 1)?;
                field(w, "IsNull", 0)?;
                field(w, "Initials", &resource.id)?;
                field(w, "MaxUnits", format!("{:.2}", resource.capacity))?;
                if let Some(unit) = &resource.unit {
                    field(w, "Notes", format!("capacity in {unit}"))?;
                }
                field(w, "CalendarUID", 1)?;
                if !resource.changes.is_empty() {
                    availability(w, roadmap, plan, r)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The resource's capacity over time as MSPDI availability periods (see the module notes).
fn availability(w: &mut W, roadmap: &Roadmap, plan: &Plan, r: usize) -> io::Result<()> {
    let resource = &roadmap.resources[r];
    let far = NaiveDate::from_ymd_opt(2049, 12, 31).unwrap_or(NaiveDate::MAX);
    let last = plan.finish().max(far);
    let mut periods = vec![(roadmap.start, resource.capacity)];
    periods.extend(resource.changes.iter().map(|s| (s.from, s.capacity)));
    w.create_element("AvailabilityPeriods")
        .write_inner_content(|w| {
            for (i, &(from, units)) in periods.iter().enumerate() {
                let to = periods
                    .get(i + 1)
                    .and_then(|next| next.0.pred_opt())
                    .unwrap_or(last);
                w.create_element("AvailabilityPeriod")
                    .write_inner_content(|w| {
                        field(w, "AvailableFrom", format!("{from}T00:00:00"))?;
                        field(w, "AvailableTo", format!("{to}T23:59:00"))?;
                        field(w, "AvailableUnits", format!("{units:.2}"))
                    })?;
            }
            Ok(())
        })?;
    Ok(())
}

fn assignments(w: &mut W, roadmap: &Roadmap, plan: &Plan) -> io::Result<()> {
    w.create_element("Assignments").write_inner_content(|w| {
        let mut uid = 0;
        for (i, project) in roadmap.projects.iter().enumerate() {
            if project.is_milestone() {
                continue;
            }
            let p = &plan.projects[i];
            // Walked day by day on a calendar: once per project, not per assignment.
            let days = working_days(roadmap, p.start, p.finish);
            for demand in &project.resources {
                uid += 1;
                w.create_element("Assignment").write_inner_content(|w| {
                    field(w, "UID", uid)?;
                    field(w, "TaskUID", i + 1)?;
                    field(w, "ResourceUID", demand.resource + 1)?;
                    field(w, "Units", format!("{:.3}", demand.units))?;
                    field(w, "Start", start_of(p.start))?;
                    field(w, "Finish", end_of(p.finish))?;
                    let minutes = (demand.units * (days * MINUTES_PER_DAY) as f64).round() as i64;
                    field(w, "Work", format!("PT{}H{}M0S", minutes / 60, minutes % 60))
                })?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_priorities() {
        assert_eq!(duration(0), "PT0H0M0S");
        assert_eq!(duration(10), "PT80H0M0S");
        assert_eq!(priority(1), 900);
        assert_eq!(priority(3), 500);
        assert_eq!(priority(5), 100);
    }
}
