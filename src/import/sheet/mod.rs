//! A spreadsheet of projects (CSV, or an XLSX workbook's sheets) as a draft roadmap.
//!
//! The projects sheet has one row per project under a header row; columns are found by their
//! headers (header.rs), in any order. Optional sheets (or CSV files) list actors, resources,
//! funding sources and objectives; what the projects name but no sheet lists is created with a
//! comment, so that a plain list of projects imports into a roadmap that plans.

use std::collections::HashMap;

use crate::import::calendar::Weekdays;
use crate::import::draft::{Actor, Draft, Origin, Origins, Programme, Project, Status};
use crate::import::header::{
    ACTOR_COLUMNS, CALENDAR_COLUMNS, Column, FUNDING_COLUMNS, OBJECTIVE_COLUMNS, PLAN_RESULTS,
    PROJECT_COLUMNS, RESOURCE_COLUMNS, normalise,
};
use crate::import::table::{Cell, Table};
use crate::import::{Extras, Format, Ids, Problem, slug};

mod calendar;
mod cells;
mod tables;

use cells::ids;
pub use cells::{parse_amount, parse_date};

/// What a sheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Projects,
    Actors,
    Resources,
    Funding,
    Objectives,
    /// Days off and worked days, as `roadmap calendar --format csv` writes them.
    Calendar,
    /// The roadmap's name, start, currency and working weekdays as key/value rows.
    Roadmap,
    /// An explanation sheet (as the templates have): not read.
    Explanation,
}

impl Kind {
    pub fn from_sheet_name(name: &str) -> Option<Kind> {
        Some(match normalise(name).as_str() {
            "projects" | "project list" | "проекти" | "списък на проектите" => {
                Kind::Projects
            }
            "actors" | "organisations" | "organizations" | "актьори" | "организации" => {
                Kind::Actors
            }
            "resources" | "staff" | "ресурси" | "екипи" => Kind::Resources,
            "funding" | "funding sources" | "финансиране" | "източници на финансиране" => {
                Kind::Funding
            }
            "objectives" | "goals" | "цели" => Kind::Objectives,
            "calendar" | "holidays" | "days off" | "календар" | "празници" | "почивни дни" => {
                Kind::Calendar
            }
            "roadmap" | "пътна карта" => Kind::Roadmap,
            "explanation" | "read me" | "readme" | "help" | "обяснения" | "указания" => {
                Kind::Explanation
            }
            _ => return None,
        })
    }

    fn columns(self) -> &'static [Column] {
        match self {
            Kind::Actors => ACTOR_COLUMNS,
            Kind::Resources => RESOURCE_COLUMNS,
            Kind::Funding => FUNDING_COLUMNS,
            Kind::Objectives => OBJECTIVE_COLUMNS,
            Kind::Calendar => CALENDAR_COLUMNS,
            _ => PROJECT_COLUMNS,
        }
    }
}

/// A sheet's header row and which column holds which key.
struct Header {
    row: usize,
    columns: HashMap<&'static str, (usize, String)>,
}

#[derive(Default)]
struct Reader {
    draft: Draft,
    problems: Vec<Problem>,
    calendar: calendar::Days,
}

pub fn read(
    name: &str,
    format: Format,
    tables: Vec<Table>,
    settings: &Extras,
) -> Result<Draft, Vec<Problem>> {
    let mut reader = Reader {
        draft: Draft {
            source: name.to_string(),
            format_label: format.label().to_string(),
            ..Draft::default()
        },
        ..Reader::default()
    };
    let main = tables
        .iter()
        .position(|t| t.kind == Some(Kind::Projects))
        .or_else(|| {
            tables.iter().position(|t| {
                t.kind.is_none()
                    && header_row(t, PROJECT_COLUMNS).is_some_and(|h| {
                        h.columns.contains_key("id") && h.columns.contains_key("duration")
                    })
            })
        })
        .or_else(|| tables.iter().position(|t| t.kind.is_none()));
    let Some(main) = main else {
        return Err(vec![Problem::new(
            Origin::File,
            "no sheet of projects: name one \"Projects\" (or \"Проекти\"), with a header row naming at least the id and duration columns",
        )]);
    };
    for table in &tables {
        if table.kind == Some(Kind::Roadmap) {
            reader.roadmap_sheet(table);
        }
    }
    reader.projects(&tables[main]);
    for (i, table) in tables.iter().enumerate() {
        match table.kind {
            _ if i == main => {}
            Some(Kind::Actors) => reader.actors(table),
            Some(Kind::Resources) => reader.resources(table),
            Some(Kind::Funding) => reader.funding(table),
            Some(Kind::Objectives) => reader.objectives(table),
            Some(Kind::Calendar) => reader.calendar(table),
            Some(Kind::Roadmap | Kind::Explanation) => {}
            Some(Kind::Projects) | None => {
                if table
                    .rows
                    .iter()
                    .any(|r| r.cells.iter().any(|c| !c.is_empty()))
                {
                    reader.draft.note(
                        table.origin(1),
                        format!("{} is not a sheet the import knows (Projects, Actors, Resources, Funding, Objectives, Calendar, Roadmap); not read", table.sheet),
                    );
                }
            }
        }
    }
    reader.implied_tables();
    if let Some(name) = &settings.name {
        reader.draft.name = Some(name.clone());
    }
    if reader.draft.name.is_none() {
        reader.draft.name = std::path::Path::new(name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
    }
    if let Some(start) = settings.start {
        reader.draft.start = Some(start);
    }
    if reader.draft.start.is_none() {
        reader.draft.start = reader
            .draft
            .projects
            .iter()
            .flat_map(|p| [p.earliest_start, p.actual_start])
            .flatten()
            .min();
    }
    reader.calendar_table(format, settings);
    if reader.draft.start.is_none() && reader.problems.is_empty() {
        reader.problems.push(Problem::new(
            Origin::File,
            "the roadmap needs a start date and no row gives one: add --start YYYY-MM-DD, an earliest_start column, or a Roadmap sheet with a start row",
        ));
    }
    if reader.problems.is_empty() {
        Ok(reader.draft)
    } else {
        Err(reader.problems)
    }
}

/// The first of the first ten rows that names a known column (and an id, if any row does).
fn header_row(table: &Table, columns: &'static [Column]) -> Option<Header> {
    let candidates: Vec<Header> = table
        .rows
        .iter()
        .take(10)
        .map(|row| {
            let mut found = HashMap::new();
            for (i, cell) in row.cells.iter().enumerate() {
                let text = cell.text();
                if let Some(column) = columns.iter().find(|c| c.matches(&text)) {
                    found.entry(column.key).or_insert((i, text));
                }
            }
            Header {
                row: row.number,
                columns: found,
            }
        })
        .filter(|h| !h.columns.is_empty())
        .collect();
    let with_id = candidates.iter().position(|h| h.columns.contains_key("id"));
    candidates
        .into_iter()
        .enumerate()
        .find(|(i, _)| with_id.is_none_or(|w| w == *i))
        .map(|(_, h)| h)
}

/// One data row with its header: the cell of a key, and where it is.
struct Line<'a> {
    table: &'a Table,
    header: &'a Header,
    cells: &'a [Cell],
    number: usize,
}

impl Line<'_> {
    fn cell(&self, key: &str) -> Option<&Cell> {
        let (column, _) = self.header.columns.get(key)?;
        self.cells.get(*column).filter(|c| !c.is_empty())
    }

    fn text(&self, key: &str) -> Option<String> {
        self.cell(key).map(|c| {
            let text = c.text();
            // `roadmap plan --format csv` protects formula-like text with a leading '.
            match text.strip_prefix('\'') {
                Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
                _ => text,
            }
        })
    }

    fn at(&self, key: &str) -> Origin {
        match self.header.columns.get(key) {
            Some((column, header)) => Origin::Cell {
                sheet: self.table.sheet.clone(),
                row: self.number,
                column: Some((*column, header.clone())),
            },
            None => self.table.origin(self.number),
        }
    }

    fn origins(&self, keys: &[&'static str]) -> Origins {
        let mut origins = Origins::new(self.table.origin(self.number));
        for key in keys {
            if self.header.columns.contains_key(key) {
                origins.set(key, self.at(key));
            }
        }
        origins
    }
}

impl Reader {
    fn problem(&mut self, at: Origin, message: impl Into<String>) {
        self.problems.push(Problem::new(at, message));
    }

    /// The header of a sheet, or a problem naming the columns it must have.
    fn header(&mut self, table: &Table, kind: Kind, required: &[&str]) -> Option<Header> {
        let columns = kind.columns();
        let header = header_row(table, columns);
        let at = header
            .as_ref()
            .map_or(table.origin(1), |h| table.origin(h.row));
        let missing: Vec<&&str> = required
            .iter()
            .filter(|key| {
                !header
                    .as_ref()
                    .is_some_and(|h| h.columns.contains_key(**key))
            })
            .collect();
        if !missing.is_empty() {
            let names: Vec<String> = missing
                .iter()
                .map(|key| {
                    let column = columns.iter().find(|c| c.key == **key).expect("known key");
                    format!("`{}` (or {})", column.key, column.names[1..].join(", "))
                })
                .collect();
            let found = table
                .rows
                .iter()
                .find(|r| r.cells.iter().any(|c| !c.is_empty()))
                .map(|r| {
                    r.cells
                        .iter()
                        .filter(|c| !c.is_empty())
                        .map(Cell::text)
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            let what = if table.sheet.is_empty() {
                "the file".to_string()
            } else {
                table.sheet.clone()
            };
            self.problem(
                at,
                format!(
                    "{what} has no {} column; its first row has: {}",
                    names.join(" and no "),
                    if found.is_empty() { "nothing" } else { &found }
                ),
            );
            return None;
        }
        let header = header?;
        // Columns the import does not know are named, never silently dropped.
        if let Some(row) = table.rows.iter().find(|r| r.number == header.row) {
            let mut unknown = Vec::new();
            for (i, cell) in row.cells.iter().enumerate() {
                let text = cell.text();
                if text.is_empty() || header.columns.values().any(|(c, _)| *c == i) {
                    continue;
                }
                let normalised = normalise(&text);
                if PLAN_RESULTS.iter().any(|r| normalise(r) == normalised) {
                    continue;
                }
                if columns.iter().any(|c| c.matches(&text)) {
                    unknown.push(format!("{text} (a second {} column)", normalised));
                } else {
                    unknown.push(text);
                }
            }
            if !unknown.is_empty() {
                self.draft.note(
                    table.origin(header.row),
                    format!(
                        "columns not imported (not part of the format): {}",
                        unknown.join(", ")
                    ),
                );
            }
        }
        Some(header)
    }

    fn rows<'a>(table: &'a Table, header: &'a Header) -> impl Iterator<Item = Line<'a>> + 'a {
        table
            .rows
            .iter()
            .filter(move |r| r.number > header.row)
            .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
            .map(move |r| Line {
                table,
                header,
                cells: &r.cells,
                number: r.number,
            })
    }

    fn roadmap_sheet(&mut self, table: &Table) {
        for row in &table.rows {
            let (Some(key), Some(value)) = (row.cells.first(), row.cells.get(1)) else {
                continue;
            };
            let at = table.origin(row.number);
            match normalise(&key.text()).as_str() {
                "name" | "title" | "име" | "наименование" => {
                    self.draft.name = Some(value.text());
                    self.draft.origins.set("name", at);
                }
                "start" | "начало" => {
                    if let Some(date) = self.date(value, at.clone()) {
                        self.draft.start = Some(date);
                        self.draft.origins.set("start", at);
                    }
                }
                "currency" | "валута" => {
                    self.draft.currency = Some(value.text());
                    self.draft.origins.set("currency", at);
                }
                "workdays" | "working days" | "working weekdays" | "работни дни" => {
                    let at = at.at_column(1, &key.text());
                    match value.text().parse::<Weekdays>() {
                        Ok(days) => self.calendar.workdays = Some((days, at)),
                        Err(message) => self.problem(at, message),
                    }
                }
                _ => {}
            }
        }
    }

    fn projects(&mut self, table: &Table) {
        let Some(header) = self.header(table, Kind::Projects, &["id", "duration"]) else {
            return;
        };
        let no_lead = !header.columns.contains_key("lead");
        let mut programmes = Programmes::default();
        for line in Self::rows(table, &header) {
            let mut project = Project {
                origins: line.origins(&[
                    "id",
                    "name",
                    "duration",
                    "depends_on",
                    "links",
                    "lead",
                    "participants",
                    "objectives",
                    "priority",
                    "cost",
                    "funding",
                    "earliest_start",
                    "deadline",
                    "resources",
                    "status",
                    "actual_start",
                    "actual_finish",
                    "progress",
                    "description",
                    "programme",
                ]),
                ..Project::default()
            };
            if let Some(at) = project.origins.keys.get("start").cloned() {
                project.origins.set("earliest_start", at);
            }
            project.id = line.text("id").unwrap_or_default();
            project.name = line.text("name");
            project.duration = line
                .cell("duration")
                .and_then(|c| self.duration(c, line.at("duration")));
            // `links` (typed, from `roadmap plan --format csv`) wins over plain `depends_on`.
            let links_key = if line.cell("links").is_some() {
                "links"
            } else {
                "depends_on"
            };
            project.depends_on = line
                .text(links_key)
                .map(|t| self.links(&t, line.at(links_key), &project.id))
                .unwrap_or_default();
            project.lead = line.text("lead");
            project.participants = line
                .text("participants")
                .map(|t| ids(&t))
                .unwrap_or_default();
            project.objectives = line.text("objectives").map(|t| ids(&t)).unwrap_or_default();
            if let Some(cell) = line.cell("priority") {
                project.priority = self.priority(cell, line.at("priority"));
            }
            project.cost = line
                .cell("cost")
                .and_then(|c| self.amount(c, line.at("cost")));
            project.funding = line
                .text("funding")
                .map(|t| self.pairs(&t, line.at("funding")))
                .unwrap_or_default();
            project.resources = line
                .text("resources")
                .map(|t| self.pairs(&t, line.at("resources")))
                .unwrap_or_default();
            let start_key = if header.columns.contains_key("earliest_start") {
                "earliest_start"
            } else {
                "start"
            };
            project.earliest_start = line
                .cell(start_key)
                .and_then(|c| self.date(c, line.at(start_key)));
            project.deadline = line
                .cell("deadline")
                .and_then(|c| self.date(c, line.at("deadline")));
            project.actual_start = line
                .cell("actual_start")
                .and_then(|c| self.date(c, line.at("actual_start")));
            project.actual_finish = line
                .cell("actual_finish")
                .and_then(|c| self.date(c, line.at("actual_finish")));
            project.progress = line
                .cell("progress")
                .and_then(|c| self.share(c, line.at("progress")));
            project.status = match line.text("status") {
                Some(text) => self.status(&text, line.at("status")),
                None if project.actual_finish.is_some() => Some(Status::Done),
                None if project.actual_start.is_some() => Some(Status::InProgress),
                None => None,
            };
            project.description = line.text("description");
            if let Some(path) = line.text("programme") {
                project.programme = programmes.of_path(&path, line.at("programme"));
            }
            if no_lead {
                project.lead = Some("project-office".to_string());
            }
            self.draft.projects.push(project);
        }
        self.draft.programmes = programmes.list;
        if no_lead {
            self.draft.actors.push(Actor {
                id: "project-office".to_string(),
                name: Some("Project office".to_string()),
                comments: vec![
                    "import: the sheet has no lead column, so this actor leads every project;\n\
                     add the real actors and change `lead`."
                        .to_string(),
                ],
                origins: Origins::new(table.origin(header.row)),
                ..Actor::default()
            });
        }
    }
}

/// The programmes named in a projects sheet's `programme` column. A cell is a path, `a/b`
/// (as `roadmap plan --format csv` writes it) meaning `b` inside `a`; each part is an id or a
/// name. The same path (compared as ids) is the same programme.
#[derive(Default)]
struct Programmes {
    by_path: HashMap<Vec<String>, String>,
    ids: Ids,
    /// Parents before their sub-programmes, in the order the sheet first names them.
    list: Vec<Programme>,
}

impl Programmes {
    /// The id of the innermost programme of `path`, creating the programmes on the way.
    fn of_path(&mut self, path: &str, at: Origin) -> Option<String> {
        let mut key = Vec::new();
        let mut parent: Option<String> = None;
        for part in path.split('/').map(str::trim).filter(|p| !p.is_empty()) {
            let wanted = Some(slug(part))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "programme".to_string());
            key.push(wanted.clone());
            let id = match self.by_path.get(&key) {
                Some(id) => id.clone(),
                None => {
                    let id = self.ids.unique(wanted);
                    self.by_path.insert(key.clone(), id.clone());
                    self.list.push(Programme {
                        id: id.clone(),
                        name: part.to_string(),
                        parent: parent.clone(),
                        description: None,
                        origins: Origins::new(at.clone()),
                    });
                    id
                }
            };
            parent = Some(id);
        }
        parent
    }
}

fn row_of(at: &Origin) -> usize {
    match at {
        Origin::Cell { row, .. } => *row,
        Origin::Line { line, .. } => *line,
        Origin::File => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programme_paths_nest_and_the_same_path_is_the_same_programme() {
        let mut programmes = Programmes::default();
        let at = Origin::File;
        assert_eq!(
            programmes.of_path("City services / E-government", at.clone()),
            Some("e-government".to_string())
        );
        assert_eq!(
            programmes.of_path("city-services/e-government", at.clone()),
            Some("e-government".to_string()),
            "a plan CSV's id path is the same programme"
        );
        assert_eq!(
            programmes.of_path("city-services/mobility", at.clone()),
            Some("mobility".to_string())
        );
        // The same name under another parent is another programme.
        assert_eq!(
            programmes.of_path("Governance/E-government", at.clone()),
            Some("e-government-2".to_string())
        );
        assert_eq!(programmes.of_path(" / ", at.clone()), None);
        assert_eq!(programmes.of_path("!!!", at), Some("programme".to_string()));
        let tree: Vec<(&str, &str, Option<&str>)> = programmes
            .list
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str(), p.parent.as_deref()))
            .collect();
        assert_eq!(
            tree,
            [
                ("city-services", "City services", None),
                ("e-government", "E-government", Some("city-services")),
                ("mobility", "mobility", Some("city-services")),
                ("governance", "Governance", None),
                ("e-government-2", "E-government", Some("governance")),
                ("programme", "!!!", None),
            ]
        );
    }
}
