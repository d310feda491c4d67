//! MS Project XML (MSPDI) as MS Project, ProjectLibre, GanttProject, MPXJ and `roadmap export`
//! write it, with or without the namespace and with any of the optional elements missing.
//!
//! Mapping (README "Importing"): tasks → projects, summary tasks → programmes (commented until
//! programmes exist), `PredecessorLink` → `depends_on` with FS/SS/FF and the lag in whole days
//! (or months when the lag is written in months), milestones → `"0d"`, `Deadline` → `deadline`,
//! "start no earlier than" / "must start on" constraints → `earliest_start`, "finish no later
//! than" / "must finish on" → `deadline`, work resources → resources with `MaxUnits` as capacity,
//! assignments → `resources` with their units, `Cost` → `cost`, `Notes` → description, actual
//! start/finish and % complete → progress, the project calendar → a commented `[calendar]`.

mod calendar;
pub mod time;

use std::collections::HashMap;

use chrono::NaiveDateTime;
use roxmltree::Node;

use crate::calendar::{LinkKind, Span};
use crate::diag::SourceFile;
use crate::import::draft::{
    Actor, Draft, Link, Origin, Origins, Programme, Project, Resource, Status,
};
use crate::import::{Format, Ids, Problem, slug};
use time::{Unit, UnitKind, date_time, finish_day};

pub const NAMESPACE: &str = "http://schemas.microsoft.com/project";

/// Most nodes accepted in one file (a 10,000-task file has about a million).
const MAX_NODES: u32 = 20_000_000;

/// Positions of nodes as lines and columns of the file.
pub struct Xml {
    source: SourceFile,
}

impl Xml {
    pub fn at(&self, node: Node) -> Origin {
        let position = self.source.position(node.range().start);
        Origin::Line {
            line: position.line,
            column: position.column,
        }
    }
}

/// The first child element with this local name (namespaces ignored: GanttProject and some
/// converters write none).
pub fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

pub fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The trimmed text of a child element, when it has any.
pub fn text<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name)
        .and_then(|c| c.text())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// One `<Task>` as read.
struct Task<'a, 'i> {
    node: Node<'a, 'i>,
    uid: String,
    name: String,
    level: usize,
    summary: bool,
    /// Index of the enclosing summary task in `tasks`.
    parent: Option<usize>,
}

struct Reader<'a, 'i> {
    xml: Xml,
    name: String,
    draft: Draft,
    problems: Vec<Problem>,
    minutes_per_day: f64,
    days_per_month: f64,
    calendar: Option<calendar::Calendar>,
    tasks: Vec<Task<'a, 'i>>,
    by_uid: HashMap<String, usize>,
    /// Project id (or programme id) of each task.
    ids: Vec<String>,
    /// Index in `draft.projects` of each leaf task.
    project_of: Vec<Option<usize>>,
}

pub fn read(name: &str, bytes: &[u8]) -> Result<Draft, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let source = SourceFile::new(name, String::from_utf8_lossy(&bytes[..err.valid_up_to()]));
        let position = source.position(err.valid_up_to());
        vec![Problem::new(
            Origin::Line {
                line: position.line,
                column: position.column,
            },
            "the file is not UTF-8 text, so not MS Project XML (MS Project, ProjectLibre and GanttProject write UTF-8)",
        )]
    })?;
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|err| {
        let pos = err.pos();
        vec![Problem::new(
            Origin::Line {
                line: pos.row as usize,
                column: pos.col as usize,
            },
            format!("not well-formed XML: {err}"),
        )]
    })?;
    let xml = Xml {
        source: SourceFile::new(name, text),
    };
    let root = doc.root_element();
    let namespace = root.tag_name().namespace();
    if root.tag_name().name() != "Project" || namespace.is_some_and(|ns| ns != NAMESPACE) {
        let shown = match namespace {
            Some(ns) => format!("<{}> in namespace {ns}", root.tag_name().name()),
            None => format!("<{}>", root.tag_name().name()),
        };
        return Err(vec![Problem::new(
            xml.at(root),
            format!(
                "this XML is not MS Project XML (MSPDI): its root element is {shown}, not <Project> (namespace {NAMESPACE} or none)"
            ),
        )]);
    }
    if child(root, "Tasks").is_none() {
        return Err(vec![Problem::new(
            xml.at(root),
            "this <Project> has no <Tasks>: not an MS Project XML (MSPDI) plan, or one with nothing in it",
        )]);
    }

    let mut reader = Reader {
        xml,
        name: name.to_string(),
        draft: Draft {
            source: name.to_string(),
            format_label: Format::Mspdi.label().to_string(),
            ..Draft::default()
        },
        problems: Vec::new(),
        minutes_per_day: number(root, "MinutesPerDay")
            .filter(|m| *m > 0.0)
            .unwrap_or(480.0),
        days_per_month: number(root, "DaysPerMonth")
            .filter(|d| *d > 0.0)
            .unwrap_or(20.0),
        calendar: None,
        tasks: Vec::new(),
        by_uid: HashMap::new(),
        ids: Vec::new(),
        project_of: Vec::new(),
    };
    reader.project(root);
    reader.tasks(root);
    let resources = reader.resources(root);
    reader.links();
    reader.assignments(root, &resources);
    if reader.draft.start.is_none() {
        reader.problems.push(Problem::new(
            reader.xml.at(root),
            "the plan has no start date: neither <StartDate> nor any task's <Start>",
        ));
    }
    if reader.problems.is_empty() {
        Ok(reader.draft)
    } else {
        Err(reader.problems)
    }
}

fn number(node: Node, name: &str) -> Option<f64> {
    text(node, name)
        .and_then(|t| t.parse::<f64>().ok())
        .filter(|n| n.is_finite())
}

fn flag(node: Node, name: &str) -> bool {
    matches!(text(node, name), Some("1" | "true"))
}

impl<'a, 'i> Reader<'a, 'i> {
    /// A date-time element, or a problem when it is there but unreadable.
    fn date(&mut self, node: Node, name: &str) -> Option<NaiveDateTime> {
        let element = child(node, name)?;
        let value = element.text().map(str::trim).filter(|t| !t.is_empty())?;
        match date_time(value) {
            Some(date) => Some(date),
            None => {
                self.problems.push(Problem::new(
                    self.xml.at(element),
                    format!("cannot read the date <{name}>{value}</{name}>: expected a date-time like 2024-01-15T08:00:00"),
                ));
                None
            }
        }
    }

    fn project(&mut self, root: Node<'a, 'i>) {
        let at = self.xml.at(root);
        self.draft.origins = Origins::new(at.clone());
        let title = text(root, "Title")
            .or_else(|| text(root, "Name").map(|n| n.strip_suffix(".xml").unwrap_or(n)));
        self.draft.name = Some(title.map_or_else(
            || {
                std::path::Path::new(&self.name)
                    .file_stem()
                    .map_or("Imported plan".to_string(), |s| {
                        s.to_string_lossy().into_owned()
                    })
            },
            str::to_string,
        ));
        if let Some(element) = child(root, "Title").or_else(|| child(root, "Name")) {
            self.draft.origins.set("name", self.xml.at(element));
        }
        if let Some(start) = self.date(root, "StartDate") {
            self.draft.start = Some(start.date());
            if let Some(element) = child(root, "StartDate") {
                self.draft.origins.set("start", self.xml.at(element));
            }
        }
        if let Some(currency) = text(root, "CurrencyCode") {
            self.draft.currency = Some(currency.to_string());
        }
        // MS Project has no leading actor: one actor leads every project.
        let (id, name) = match text(root, "Company").or_else(|| text(root, "Manager")) {
            Some(who) if !slug(who).is_empty() => (slug(who), who.to_string()),
            _ => ("project-office".to_string(), "Project office".to_string()),
        };
        self.draft.actors.push(Actor {
            id,
            name: Some(name),
            kind: None,
            description: None,
            comments: vec![
                "import: MS Project plans have no leading actor, so this one leads every project;\n\
                 add the real actors and change `lead` and `participants`."
                    .to_string(),
            ],
            origins: Origins::new(at),
        });

        self.calendar = calendar::read(&self.xml, root, text(root, "CalendarUID"));
        if let Some(calendar) = &self.calendar {
            for message in &calendar.recurring {
                self.draft.notes.push(crate::import::Note {
                    at: Origin::File,
                    message: message.clone(),
                });
            }
            if !calendar.every_day_works() {
                self.draft.calendar = calendar.comment(&self.name);
            }
        }
    }

    fn tasks(&mut self, root: Node<'a, 'i>) {
        let Some(tasks) = child(root, "Tasks") else {
            return;
        };
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for node in children(tasks, "Task") {
            if flag(node, "IsNull") {
                continue;
            }
            let Some(uid) = text(node, "UID") else {
                self.problems
                    .push(Problem::new(self.xml.at(node), "a <Task> without a <UID>"));
                continue;
            };
            let level = text(node, "OutlineLevel")
                .and_then(|l| l.parse::<usize>().ok())
                .or_else(|| text(node, "OutlineNumber").map(|n| n.split('.').count()))
                .unwrap_or(if uid == "0" { 0 } else { 1 });
            // Level 0 is the project's own summary task.
            if level == 0 {
                continue;
            }
            if let Some(&first) = self.by_uid.get(uid) {
                let first_at = self
                    .xml
                    .at(self.tasks[first].node)
                    .describe()
                    .unwrap_or_default();
                self.problems.push(Problem::new(
                    self.xml.at(node),
                    format!("duplicate task UID {uid} (the first is at {first_at})"),
                ));
                continue;
            }
            while stack.last().is_some_and(|&(l, _)| l >= level) {
                stack.pop();
            }
            let index = self.tasks.len();
            let parent = stack.last().map(|&(_, i)| i);
            if let Some(p) = parent {
                // A task with children is a summary task even if it does not say so.
                self.tasks[p].summary = true;
            }
            self.by_uid.insert(uid.to_string(), index);
            self.tasks.push(Task {
                node,
                uid: uid.to_string(),
                name: text(node, "Name").unwrap_or_default().to_string(),
                level,
                summary: flag(node, "Summary"),
                parent,
            });
            stack.push((level, index));
        }

        let mut project_ids = Ids::default();
        let mut programme_ids = Ids::default();
        self.project_of = vec![None; self.tasks.len()];
        for i in 0..self.tasks.len() {
            let task = &self.tasks[i];
            let (node, summary) = (task.node, task.summary);
            let notes = text(node, "Notes").unwrap_or_default();
            let (given, _) = split_notes(notes);
            let wanted = given
                .map(str::to_string)
                .or_else(|| Some(slug(&task.name)).filter(|s| !s.is_empty()))
                .unwrap_or_else(|| format!("task-{}", task.uid));
            let id = if summary {
                programme_ids.unique(wanted)
            } else {
                project_ids.unique(wanted)
            };
            self.ids.push(id);
        }
        for i in 0..self.tasks.len() {
            if self.tasks[i].summary {
                self.programme(i);
            } else {
                self.project_of[i] = Some(self.draft.projects.len());
                let project = self.leaf(i);
                self.draft.projects.push(project);
            }
        }
        if self.draft.start.is_none() {
            self.draft.start = self
                .draft
                .projects
                .iter()
                .filter_map(|p| p.earliest_start.or(p.actual_start))
                .min();
        }
    }

    fn programme(&mut self, i: usize) {
        let task = &self.tasks[i];
        let origins = Origins::new(self.xml.at(task.node));
        let parent = task.parent.map(|p| self.ids[p].clone());
        self.draft.programmes.push(Programme {
            id: self.ids[i].clone(),
            name: if task.name.is_empty() {
                self.ids[i].clone()
            } else {
                task.name.clone()
            },
            parent,
            origins,
        });
    }

    /// A leaf task as a project (its links and resources come later).
    fn leaf(&mut self, i: usize) -> Project {
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
    fn duration(
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
        let (days, comment) = if unit.elapsed {
            let days = duration.elapsed_minutes() / 1440.0;
            (days, None)
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

    fn constraint(&mut self, node: Node, project: &mut Project) {
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

    fn progress(
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

    /// Leaf tasks under a task: itself when it is a leaf.
    fn leaves(&self, i: usize) -> Vec<usize> {
        if !self.tasks[i].summary {
            return vec![i];
        }
        let level = self.tasks[i].level;
        self.tasks[i + 1..]
            .iter()
            .enumerate()
            .take_while(|(_, t)| t.level > level)
            .filter(|(_, t)| !t.summary)
            .map(|(k, _)| i + 1 + k)
            .collect()
    }

    fn links(&mut self) {
        for i in 0..self.tasks.len() {
            let node = self.tasks[i].node;
            for link in children(node, "PredecessorLink") {
                self.link(i, link);
            }
        }
    }

    fn link(&mut self, successor: usize, link: Node) {
        let at = self.xml.at(link);
        let Some(uid) = text(link, "PredecessorUID") else {
            self.problems.push(Problem::new(
                at,
                "a <PredecessorLink> without a <PredecessorUID>",
            ));
            return;
        };
        let successor_id = self.ids[successor].clone();
        if flag(link, "CrossProject") {
            self.draft.note(
                at,
                format!(
                    "task \"{successor_id}\": a link to another project's task ({uid}) is left out"
                ),
            );
            return;
        }
        let Some(&predecessor) = self.by_uid.get(uid) else {
            if uid == "0" {
                self.draft.note(
                    at,
                    format!(
                        "task \"{successor_id}\": a link to the project summary task is left out"
                    ),
                );
            } else {
                self.problems.push(Problem::new(
                    at,
                    format!("task \"{successor_id}\" (UID {}) has a predecessor with UID {uid}, and no task has that UID", self.tasks[successor].uid),
                ));
            }
            return;
        };
        let kind = match text(link, "Type").unwrap_or("1") {
            "0" => LinkKind::FinishToFinish,
            "1" => LinkKind::FinishToStart,
            "3" => LinkKind::StartToStart,
            "2" => {
                let message = format!(
                    "task \"{successor_id}\": the start-to-finish (SF) link from \"{}\" cannot be expressed; left out",
                    self.ids[predecessor]
                );
                self.draft.note(at.clone(), message.clone());
                self.comment_on(successor, format!("import: {message}"));
                return;
            }
            other => {
                self.problems.push(Problem::new(
                    at,
                    format!("unknown link <Type>{other}</Type>: MSPDI has 0 (FF), 1 (FS), 2 (SF) and 3 (SS)"),
                ));
                return;
            }
        };
        let (lag, comment) = self.lag(link, predecessor, &successor_id, &at);
        let predecessors = self.leaves(predecessor);
        let successors = self.leaves(successor);
        let through_summary = predecessors != [predecessor] || successors != [successor];
        for &s in &successors {
            let Some(p_index) = self.project_of[s] else {
                continue;
            };
            for &p in &predecessors {
                let comment = if through_summary {
                    let mut text = format!(
                        "from a link of summary task \"{}\" to \"{}\"",
                        self.tasks[predecessor].name, self.tasks[successor].name
                    );
                    if let Some(c) = &comment {
                        text = format!("{text}; {c}");
                    }
                    Some(text)
                } else {
                    comment.clone()
                };
                self.draft.projects[p_index].depends_on.push(Link {
                    on: self.ids[p].clone(),
                    kind,
                    lag,
                    comment,
                    at: at.clone(),
                });
            }
        }
    }

    fn comment_on(&mut self, task: usize, comment: String) {
        for leaf in self.leaves(task) {
            if let Some(p) = self.project_of[leaf] {
                self.draft.projects[p].comments.push(comment.clone());
            }
        }
    }

    /// A link's lag in whole days, or whole months when it is written in months.
    fn lag(
        &mut self,
        link: Node,
        predecessor: usize,
        successor_id: &str,
        at: &Origin,
    ) -> (Span, Option<String>) {
        let tenths: f64 = number(link, "LinkLag").unwrap_or(0.0);
        if tenths == 0.0 {
            return (Span::ZERO, None);
        }
        let unit = Unit::from_code(
            text(link, "LagFormat")
                .and_then(|f| f.parse().ok())
                .unwrap_or(7),
        );
        let minutes = tenths / 10.0;
        let (days, written) = match unit.kind {
            UnitKind::Percent => {
                // A percentage of the predecessor's duration (LinkLag in tenths of a percent).
                let percent = tenths / 10.0;
                let base = self.project_of[predecessor]
                    .and_then(|p| self.draft.projects[p].duration)
                    .map_or(0.0, Span::approx_days);
                (
                    base * percent / 100.0,
                    format!("{percent}% of the predecessor"),
                )
            }
            _ if unit.elapsed => (
                minutes / 1440.0,
                format!("{} elapsed days", trim(minutes / 1440.0)),
            ),
            _ => {
                let working = minutes / self.minutes_per_day;
                let per_week = self
                    .calendar
                    .as_ref()
                    .and_then(calendar::Calendar::workdays_per_week)
                    .filter(|&n| n > 0)
                    .unwrap_or(5);
                let written = if per_week == 7 {
                    format!("{} days", trim(working))
                } else {
                    format!("{} working days ({per_week} a week)", trim(working))
                };
                (working * 7.0 / per_week as f64, written)
            }
        };
        if days < 0.0 {
            let message = format!(
                "task \"{successor_id}\": a lead (negative lag) of {written} after \"{}\" cannot be expressed; the link is kept without it",
                self.ids[predecessor]
            );
            self.draft.note(at.clone(), message);
            return (
                Span::ZERO,
                Some(format!("lead of {written} in the source left out")),
            );
        }
        if unit.kind == UnitKind::Months {
            let month_days = if unit.elapsed {
                30.0
            } else {
                self.days_per_month
            };
            let months = if unit.elapsed {
                minutes / 1440.0 / month_days
            } else {
                minutes / self.minutes_per_day / month_days
            };
            let whole = months.round().max(1.0);
            let comment = ((whole - months).abs() > 1e-6 || !unit.elapsed).then(|| {
                let kind = if unit.elapsed { "days" } else { "working days" };
                format!(
                    "a lag of {} in the source (of {month_days} {kind} each), as {}",
                    count(months, "month"),
                    count(whole, "calendar month")
                )
            });
            return (Span::Months(whole as u32), comment);
        }
        let whole = days.round().max(1.0);
        let comment = ((whole - days).abs() > 1e-6).then(|| {
            format!(
                "a lag of {written} in the source, as {}",
                count(whole, "whole calendar day")
            )
        });
        (
            Span::Days(whole.min(f64::from(Span::MAX_DAYS)) as u32),
            comment,
        )
    }

    /// Work resources, by UID → resource id; other kinds become notes.
    fn resources(&mut self, root: Node<'a, 'i>) -> HashMap<String, String> {
        let mut by_uid = HashMap::new();
        let mut ids = Ids::default();
        for node in child(root, "Resources")
            .into_iter()
            .flat_map(|r| children(r, "Resource"))
        {
            let Some(uid) = text(node, "UID") else {
                continue;
            };
            let name = text(node, "Name");
            if flag(node, "IsNull") || (uid == "0" && name.is_none()) {
                continue;
            }
            let at = self.xml.at(node);
            let name = name.unwrap_or(uid).to_string();
            let kind = text(node, "Type").unwrap_or("1");
            if kind != "1" {
                let what = if kind == "0" { "material" } else { "cost" };
                self.draft.note(
                    at,
                    format!("resource \"{name}\" is a {what} resource: only work resources with a capacity can be expressed; left out (task costs are kept)"),
                );
                continue;
            }
            // `roadmap export` writes the resource's id as its initials; people's initials
            // ("IT", "JS") make poor ids, the name is better then.
            let initials = text(node, "Initials").filter(|i| {
                i.chars().count() >= 2
                    && i.chars().any(|c| c.is_lowercase() || c == '-' || c == '_')
            });
            let wanted = initials
                .filter(|i| crate::validate::is_well_formed(i))
                .map(str::to_string)
                .or_else(|| Some(slug(&name)).filter(|s| !s.is_empty()))
                .unwrap_or_else(|| format!("resource-{uid}"));
            let id = ids.unique(wanted);
            let mut origins = Origins::new(at.clone());
            if let Some(element) = child(node, "MaxUnits") {
                origins.set("capacity", self.xml.at(element));
            }
            let notes = text(node, "Notes").unwrap_or_default();
            let (unit, description) = match notes.strip_prefix("capacity in ") {
                Some(unit) if !unit.contains('\n') => (Some(unit.to_string()), None),
                _ => (None, (!notes.is_empty()).then(|| notes.to_string())),
            };
            let mut comments = Vec::new();
            if child(node, "AvailabilityPeriods")
                .is_some_and(|a| children(a, "AvailabilityPeriod").count() > 1)
            {
                let message = format!(
                    "resource \"{id}\": availability that changes over time is not kept; its capacity is its <MaxUnits>"
                );
                self.draft.note(at, message.clone());
                comments.push(format!("import: {message}"));
            }
            self.draft.resources.push(Resource {
                id: id.clone(),
                name: Some(name),
                capacity: number(node, "MaxUnits").unwrap_or(1.0).max(0.0),
                unit,
                description,
                comments,
                origins,
            });
            by_uid.insert(uid.to_string(), id);
        }
        by_uid
    }

    fn assignments(&mut self, root: Node<'a, 'i>, resources: &HashMap<String, String>) {
        for node in child(root, "Assignments")
            .into_iter()
            .flat_map(|a| children(a, "Assignment"))
        {
            let (Some(task), Some(resource)) = (text(node, "TaskUID"), text(node, "ResourceUID"))
            else {
                continue;
            };
            // -65535 is MS Project's "no resource" placeholder.
            if resource == "-65535" {
                continue;
            }
            let at = self.xml.at(node);
            let Some(&t) = self.by_uid.get(task) else {
                continue;
            };
            let Some(id) = resources.get(resource) else {
                continue;
            };
            let units = number(node, "Units").unwrap_or(1.0);
            if units <= 0.0 {
                continue;
            }
            let Some(p) = self.project_of[t] else {
                self.draft.note(
                    at,
                    format!("resource \"{id}\" is assigned to summary task \"{}\": summary tasks hold no resources; left out", self.tasks[t].name),
                );
                continue;
            };
            let project = &mut self.draft.projects[p];
            if project.duration == Some(Span::ZERO) {
                let message = format!(
                    "milestone \"{}\" holds no resources: the assignment of \"{id}\" is left out",
                    project.id
                );
                self.draft.note(at, message);
                continue;
            }
            project.origins.set("resources", at);
            match project.resources.iter_mut().find(|(r, _)| r == id) {
                Some((_, total)) => *total += units,
                None => project.resources.push((id.clone(), units)),
            }
        }
    }
}

/// `roadmap export` writes `roadmap id: ID` as a task's notes; other notes are a description.
fn split_notes(notes: &str) -> (Option<&str>, Option<String>) {
    let mut id = None;
    let mut rest = Vec::new();
    for line in notes.lines() {
        match line.trim().strip_prefix("roadmap id:") {
            Some(given) if id.is_none() && crate::validate::is_well_formed(given.trim()) => {
                id = Some(given.trim());
            }
            _ => rest.push(line),
        }
    }
    let rest = rest.join("\n");
    let rest = rest.trim();
    (id, (!rest.is_empty()).then(|| rest.to_string()))
}

/// `1 month`, `2.5 months`.
fn count(value: f64, word: &str) -> String {
    let plural = if value == 1.0 { "" } else { "s" };
    format!("{} {word}{plural}", trim(value))
}

/// `2.5`, `3`: a number of days for a comment.
fn trim(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
