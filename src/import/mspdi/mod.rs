//! MS Project XML (MSPDI) as MS Project, ProjectLibre, GanttProject, MPXJ and `roadmap export`
//! write it, with or without the namespace and with any of the optional elements missing.
//!
//! Mapping (README "Importing"): tasks → projects, summary tasks → `[[programme]]` tables
//! (nested by `parent`), `PredecessorLink` → `depends_on` with FS/SS/FF and the lag in whole days
//! (or months when the lag is written in months), milestones → `"0d"`, `Deadline` → `deadline`,
//! "start no earlier than" / "must start on" constraints → `earliest_start`, "finish no later
//! than" / "must finish on" → `deadline`, work resources → resources with `MaxUnits` as capacity,
//! assignments → `resources` with their units, `Cost` → `cost`, `Notes` → description, actual
//! start/finish and % complete → progress, the project calendar → `[calendar]`.

mod calendar;
mod links;
mod resources;
mod task;
pub mod time;

use std::collections::HashMap;

use chrono::NaiveDateTime;
use roxmltree::Node;

use crate::diag::SourceFile;
use crate::import::draft::{Actor, Draft, Origin, Origins, Programme};
use crate::import::{Format, Ids, Problem, slug};
use time::date_time;

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

impl Reader<'_, '_> {
    /// Whether the file's calendar has days off, so that it is written as `[calendar]` and
    /// working-time durations and lags are imported in working days (`wd`).
    fn on_working_days(&self) -> bool {
        self.calendar
            .as_ref()
            .is_some_and(|calendar| !calendar.every_day_works())
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
                self.draft.calendar = Some(calendar.table(&self.name));
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
        let mut origins = Origins::new(self.xml.at(task.node));
        for (element, key) in [("Name", "name"), ("Notes", "description")] {
            if let Some(node) = child(task.node, element) {
                origins.set(key, self.xml.at(node));
            }
        }
        let parent = task.parent.map(|p| self.ids[p].clone());
        let (_, description) = split_notes(text(task.node, "Notes").unwrap_or_default());
        self.draft.programmes.push(Programme {
            id: self.ids[i].clone(),
            name: if task.name.is_empty() {
                self.ids[i].clone()
            } else {
                task.name.clone()
            },
            parent,
            description,
            origins,
        });
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
