//! A leaf task as a project: its duration (working days on a working calendar, else calendar
//! days), its constraint, its progress.

use chrono::NaiveDateTime;
use roxmltree::Node;

use crate::calendar::Span;
use crate::import::Problem;
use crate::import::draft::{Origins, Project, Status};

use super::time::{self, Unit, finish_day};
use super::{Reader, calendar, child, flag, number, split_notes, text, trim};

impl<'a, 'i> Reader<'a, 'i> {
    /// A leaf task as a project (its links and resources come later).
    pub(super) fn leaf(&mut self, i: usize) -> Project {
        let node = self.tasks[i].node;
        let at = self.xml.at(node);
        let mut origins = Origins::new(at.clone());
        for key in ["Name", "Duration", "Deadline", "Cost", "Priority", "Notes"] {
            if let Some(element) = child(node, key) {
                let key = match key {
                    "Name" => "name",
                    "Duration" => "duration",
                    "Deadline" => "deadline",
                    "Cost" => "cost",
                    "Priority" => "priority",
                    _ => "description",
                };
                origins.set(key, self.xml.at(element));
            }
        }
        let task_name = self.tasks[i].name.clone();
        let mut project = Project {
            id: self.ids[i].clone(),
            name: (!task_name.is_empty()).then_some(task_name),
            lead: self.draft.actors.first().map(|a| a.id.clone()),
            programme: self.tasks[i].parent.map(|p| self.ids[p].clone()),
            ..Project::default()
        };
        let start = self.date(node, "Start");
        let finish = self.date(node, "Finish");
        let milestone = flag(node, "Milestone");
        self.duration(node, &mut project, start, finish, milestone);

        if let Some(deadline) = self.date(node, "Deadline") {
            project.deadline = Some(finish_day(deadline));
        }
        self.constraint(node, &mut project);
        if let Some(priority) = number(node, "Priority") {
            let p = ((1100.0 - priority) / 200.0).round().clamp(1.0, 5.0) as u8;
            if p != 3 {
                project.priority = Some(p);
            }
        }
        // MSPDI writes money in hundredths of the currency unit.
        project.cost = number(node, "Cost")
            .or_else(|| number(node, "FixedCost"))
            .filter(|c| *c != 0.0)
            .map(|c| c / 100.0);
        let (_, description) = split_notes(text(node, "Notes").unwrap_or_default());
        project.description = description;
        self.progress(node, &mut project, start, finish, milestone);
        if text(node, "Active") == Some("0") {
            self.draft.note(
                at.clone(),
                format!(
                    "task \"{}\" is inactive in the source; imported as an ordinary project",
                    project.id
                ),
            );
        }
        project.origins = origins;
        project
    }

    /// Calendar days a working duration spans: exact when every day is a working day, else
    /// the task's own dates, else the working days spread over the working week.
    pub(super) fn duration(
        &mut self,
        node: Node,
        project: &mut Project,
        start: Option<NaiveDateTime>,
        finish: Option<NaiveDateTime>,
        milestone: bool,
    ) {
        let unit = Unit::from_code(
            text(node, "DurationFormat")
                .and_then(|f| f.parse().ok())
                .unwrap_or(7),
        );
        let written = text(node, "Duration");
        let parsed = match written {
            Some(value) => match time::duration(value) {
                Some(duration) => Some(duration),
                None => {
                    let element = child(node, "Duration").expect("has the element");
                    self.problems.push(Problem::new(
                        self.xml.at(element),
                        format!("cannot read the duration <Duration>{value}</Duration>: expected an ISO 8601 duration like PT8H0M0S"),
                    ));
                    return;
                }
            },
            None => None,
        };
        if milestone {
            if let Some(d) = parsed.filter(|d| d.working_minutes(self.minutes_per_day) > 0.0) {
                let days = d.working_minutes(self.minutes_per_day) / self.minutes_per_day;
                self.draft.note(
                    self.xml.at(node),
                    format!(
                        "task \"{}\" is marked as a milestone but lasts {days:.1} days; imported as a milestone (\"0d\")",
                        project.id
                    ),
                );
            }
            project.duration = Some(Span::ZERO);
            return;
        }
        let from_dates = match (start, finish) {
            (Some(s), Some(f)) if finish_day(f) >= s.date() => {
                Some((finish_day(f) - s.date()).num_days() + 1)
            }
            _ => None,
        };
        let Some(duration) = parsed else {
            // No <Duration>: the task's dates, else nothing (the validator asks for one).
            if let Some(days) = from_dates {
                project.duration = Some(Span::Days(days as u32));
                project.duration_comment =
                    Some("no <Duration> in the file: from its start and finish".into());
            }
            return;
        };
        let shown = written.unwrap_or_default();
        if unit.estimated {
            project.duration_comment =
                Some(format!("an estimated duration ({shown}) in the source"));
        }
        if !unit.elapsed && self.on_working_days() {
            // The calendar is written as `[calendar]`, so working days stay working days.
            let working = duration.working_minutes(self.minutes_per_day) / self.minutes_per_day;
            let rounded = working.round().max(if working > 0.0 { 1.0 } else { 0.0 });
            if rounded > f64::from(Span::MAX_DAYS) {
                let element = child(node, "Duration").expect("has the element");
                self.problems.push(Problem::new(
                    self.xml.at(element),
                    format!("the duration {shown} is out of range (0 to 1000 years)"),
                ));
                return;
            }
            project.duration = Some(Span::WorkingDays(rounded as u32));
            if (rounded - working).abs() > 1e-6 {
                project.duration_comment = Some(format!(
                    "{shown} is {} working days in the source, rounded to whole days",
                    trim(working)
                ));
            }
            return;
        }
        let (days, comment) = if unit.elapsed {
            let days = duration.elapsed_minutes() / 1440.0;
            // An elapsed span from a morning start to an evening finish covers one day more
            // than its 24-hour periods: the task's own dates say which days it covers.
            match from_dates {
                Some(covered) if (covered as f64 - days).abs() < 1.0 => (covered as f64, None),
                _ => (days, None),
            }
        } else {
            let working = duration.working_minutes(self.minutes_per_day) / self.minutes_per_day;
            let every_day = self
                .calendar
                .as_ref()
                .is_some_and(|c| c.workdays_per_week() == Some(7));
            if every_day || working == 0.0 {
                (working, None)
            } else if let Some(days) = from_dates {
                (
                    days as f64,
                    Some(format!(
                        "{} working days ({shown}) in the source: the {days} calendar days from its start to its finish",
                        trim(working)
                    )),
                )
            } else {
                let per_week = self
                    .calendar
                    .as_ref()
                    .and_then(calendar::Calendar::workdays_per_week)
                    .filter(|&n| n > 0)
                    .unwrap_or(5);
                let days = (working * 7.0 / per_week as f64).ceil();
                (
                    days,
                    Some(format!(
                        "{} working days ({shown}) in the source, at {per_week} working days a week",
                        trim(working)
                    )),
                )
            }
        };
        let rounded = days.round().max(if days > 0.0 { 1.0 } else { 0.0 });
        let comment = if (rounded - days).abs() > 1e-6 {
            Some(format!(
                "{shown} is {} days in the source, rounded to whole days",
                trim(days)
            ))
        } else {
            comment
        };
        if rounded < 0.0 || rounded > f64::from(Span::MAX_DAYS) {
            let element = child(node, "Duration").expect("has the element");
            self.problems.push(Problem::new(
                self.xml.at(element),
                format!("the duration {shown} is out of range (0 to 1000 years)"),
            ));
            return;
        }
        project.duration = Some(Span::Days(rounded as u32));
        if comment.is_some() {
            project.duration_comment = comment;
        }
    }

    pub(super) fn constraint(&mut self, node: Node, project: &mut Project) {
        let kind = text(node, "ConstraintType").unwrap_or("0");
        let date = self.date(node, "ConstraintDate");
        let at = child(node, "ConstraintType").map(|c| self.xml.at(c));
        let Some(date) = date else {
            if kind == "1" {
                self.draft.note(
                    at.unwrap_or_default(),
                    format!("task \"{}\": \"as late as possible\" cannot be expressed; planned as soon as possible", project.id),
                );
            }
            return;
        };
        if let Some(at) = &at {
            project.origins.set("earliest_start", at.clone());
        }
        match kind {
            // Start no earlier than / must start on.
            "4" | "2" => {
                project.earliest_start = Some(date.date());
                if kind == "2" {
                    self.draft.note(
                        at.unwrap_or_default(),
                        format!("task \"{}\": \"must start on {}\" kept as `earliest_start`", project.id, date.date()),
                    );
                }
            }
            // Finish no later than / must finish on.
            "7" | "3" => {
                let day = finish_day(date);
                project.deadline = Some(project.deadline.map_or(day, |d| d.min(day)));
                if kind == "3" {
                    self.draft.note(
                        at.unwrap_or_default(),
                        format!("task \"{}\": \"must finish on {day}\" kept as a `deadline`", project.id),
                    );
                }
            }
            "5" => self.draft.note(
                at.unwrap_or_default(),
                format!(
                    "task \"{}\": \"start no later than {}\" cannot be expressed; left out",
                    project.id,
                    date.date()
                ),
            ),
            "6" => self.draft.note(
                at.unwrap_or_default(),
                format!(
                    "task \"{}\": \"finish no earlier than {}\" cannot be expressed; left out",
                    project.id,
                    finish_day(date)
                ),
            ),
            "1" => self.draft.note(
                at.unwrap_or_default(),
                format!("task \"{}\": \"as late as possible\" cannot be expressed; planned as soon as possible", project.id),
            ),
            _ => {}
        }
    }

    pub(super) fn progress(
        &mut self,
        node: Node,
        project: &mut Project,
        start: Option<NaiveDateTime>,
        finish: Option<NaiveDateTime>,
        milestone: bool,
    ) {
        let percent = number(node, "PercentComplete")
            .unwrap_or(0.0)
            .clamp(0.0, 100.0);
        let actual_start = self.date(node, "ActualStart");
        let actual_finish = self.date(node, "ActualFinish");
        let done = actual_finish.is_some() || percent >= 100.0;
        if done {
            let started = actual_start.or(start).map(|s| s.date());
            project.status = Some(Status::Done);
            project.actual_start = started;
            project.actual_finish = if milestone {
                started
            } else {
                actual_finish
                    .or(finish)
                    .map(finish_day)
                    .zip(started)
                    .map(|(f, s)| f.max(s))
            };
        } else if actual_start.is_some() || percent > 0.0 {
            project.status = Some(Status::InProgress);
            project.actual_start = actual_start.or(start).map(|s| s.date());
            if percent > 0.0 {
                project.progress = Some(percent / 100.0);
            }
        }
        if let Some(element) = child(node, "ActualStart").or_else(|| child(node, "PercentComplete"))
        {
            let at = self.xml.at(element);
            for key in ["status", "actual_start", "actual_finish", "progress"] {
                project.origins.set(key, at.clone());
            }
        }
    }
}
