//! A spreadsheet of projects (CSV, or an XLSX workbook's sheets) as a draft roadmap.
//!
//! The projects sheet has one row per project under a header row; columns are found by their
//! headers (header.rs), in any order. Optional sheets (or CSV files) list actors, resources,
//! funding sources and objectives; what the projects name but no sheet lists is created with a
//! comment, so that a plain list of projects imports into a roadmap that plans.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::calendar::{LinkKind, Span};
use crate::import::draft::{
    Actor, Draft, Funding, Link, Named, Origin, Origins, Programme, Project, Resource, Status,
};
use crate::import::header::{
    ACTOR_COLUMNS, Column, FUNDING_COLUMNS, OBJECTIVE_COLUMNS, PLAN_RESULTS, PROJECT_COLUMNS,
    RESOURCE_COLUMNS, duration_text, normalise,
};
use crate::import::table::{Cell, Table};
use crate::import::{Extras, Format, Problem, slug};

/// What a sheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Projects,
    Actors,
    Resources,
    Funding,
    Objectives,
    /// The roadmap's name, start and currency as key/value rows.
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
            _ => PROJECT_COLUMNS,
        }
    }
}

/// A sheet's header row and which column holds which key.
struct Header {
    row: usize,
    columns: HashMap<&'static str, (usize, String)>,
}

struct Reader {
    draft: Draft,
    problems: Vec<Problem>,
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
        problems: Vec::new(),
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
            Some(Kind::Roadmap | Kind::Explanation) => {}
            Some(Kind::Projects) | None => {
                if table
                    .rows
                    .iter()
                    .any(|r| r.cells.iter().any(|c| !c.is_empty()))
                {
                    reader.draft.note(
                        table.origin(1),
                        format!("{} is not a sheet the import knows (Projects, Actors, Resources, Funding, Objectives, Roadmap); not read", table.sheet),
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
                _ => {}
            }
        }
    }

    fn projects(&mut self, table: &Table) {
        let Some(header) = self.header(table, Kind::Projects, &["id", "duration"]) else {
            return;
        };
        let no_lead = !header.columns.contains_key("lead");
        let mut programmes: BTreeMap<String, Programme> = BTreeMap::new();
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
            if let Some(group) = line.text("programme") {
                let id = Some(slug(&group))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| group.clone());
                programmes.entry(id.clone()).or_insert_with(|| Programme {
                    id: id.clone(),
                    name: group,
                    parent: None,
                    origins: Origins::new(line.at("programme")),
                });
                project.programme = Some(id);
            }
            if no_lead {
                project.lead = Some("project-office".to_string());
            }
            self.draft.projects.push(project);
        }
        let mut programmes: Vec<Programme> = programmes.into_values().collect();
        programmes.sort_by_key(|p| p.origins.table.describe());
        self.draft.programmes = programmes;
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

    fn actors(&mut self, table: &Table) {
        let Some(header) = self.header(table, Kind::Actors, &["id"]) else {
            return;
        };
        for line in Self::rows(table, &header) {
            let actor = Actor {
                id: line.text("id").unwrap_or_default(),
                name: line.text("name"),
                kind: line.text("kind").map(|k| actor_kind(&k)),
                description: line.text("description"),
                comments: Vec::new(),
                origins: line.origins(&["id", "name", "kind", "description"]),
            };
            self.draft.actors.push(actor);
        }
    }

    fn resources(&mut self, table: &Table) {
        let Some(header) = self.header(table, Kind::Resources, &["id", "capacity"]) else {
            return;
        };
        for line in Self::rows(table, &header) {
            let capacity = line
                .cell("capacity")
                .and_then(|c| self.amount(c, line.at("capacity")));
            if capacity.is_none() && line.cell("capacity").is_none() {
                self.problem(line.at("capacity"), "a resource needs a capacity");
            }
            self.draft.resources.push(Resource {
                id: line.text("id").unwrap_or_default(),
                name: line.text("name"),
                capacity: capacity.unwrap_or(0.0),
                unit: line.text("unit"),
                description: line.text("description"),
                comments: Vec::new(),
                origins: line.origins(&["id", "name", "capacity", "unit", "description"]),
            });
        }
    }

    fn funding(&mut self, table: &Table) {
        let Some(header) = self.header(table, Kind::Funding, &["id", "amount"]) else {
            return;
        };
        for line in Self::rows(table, &header) {
            let amount = line
                .cell("amount")
                .and_then(|c| self.amount(c, line.at("amount")));
            if line.cell("amount").is_none() {
                self.problem(line.at("amount"), "a funding source needs an amount");
            }
            let source = Funding {
                id: line.text("id").unwrap_or_default(),
                name: line.text("name"),
                amount: amount.unwrap_or(0.0),
                from: line
                    .cell("from")
                    .and_then(|c| self.date(c, line.at("from"))),
                until: line
                    .cell("until")
                    .and_then(|c| self.date(c, line.at("until"))),
                max_share: line
                    .cell("max_share")
                    .and_then(|c| self.share(c, line.at("max_share"))),
                per_year: line
                    .cell("per_year")
                    .and_then(|c| self.amount(c, line.at("per_year"))),
                description: line.text("description"),
                comments: Vec::new(),
                origins: line.origins(&[
                    "id",
                    "name",
                    "amount",
                    "from",
                    "until",
                    "max_share",
                    "per_year",
                    "description",
                ]),
            };
            self.draft.funding.push(source);
        }
    }

    fn objectives(&mut self, table: &Table) {
        let Some(header) = self.header(table, Kind::Objectives, &["id"]) else {
            return;
        };
        for line in Self::rows(table, &header) {
            self.draft.objectives.push(Named {
                id: line.text("id").unwrap_or_default(),
                name: line.text("name"),
                description: line.text("description"),
                origins: line.origins(&["id", "name", "description"]),
            });
        }
    }

    /// Actors, resources, funding sources and objectives that rows name but no sheet lists.
    fn implied_tables(&mut self) {
        let mut first_use: BTreeMap<(u8, String), Origin> = BTreeMap::new();
        let mut demand: HashMap<String, f64> = HashMap::new();
        let mut committed: HashMap<String, f64> = HashMap::new();
        for project in &self.draft.projects {
            let o = &project.origins;
            if let Some(lead) = &project.lead {
                first_use
                    .entry((0, lead.clone()))
                    .or_insert_with(|| o.of("lead").clone());
            }
            for actor in &project.participants {
                first_use
                    .entry((0, actor.clone()))
                    .or_insert_with(|| o.of("participants").clone());
            }
            for (resource, units) in &project.resources {
                first_use
                    .entry((1, resource.clone()))
                    .or_insert_with(|| o.of("resources").clone());
                let peak = demand.entry(resource.clone()).or_default();
                *peak = peak.max(*units);
            }
            for (source, amount) in &project.funding {
                first_use
                    .entry((2, source.clone()))
                    .or_insert_with(|| o.of("funding").clone());
                *committed.entry(source.clone()).or_default() += amount;
            }
            for objective in &project.objectives {
                first_use
                    .entry((3, objective.clone()))
                    .or_insert_with(|| o.of("objectives").clone());
            }
        }
        let has_actors = self.draft.actors.iter().any(|a| a.id != "project-office");
        let (has_resources, has_funding, has_objectives) = (
            !self.draft.resources.is_empty(),
            !self.draft.funding.is_empty(),
            !self.draft.objectives.is_empty(),
        );
        let mut uses: Vec<((u8, String), Origin)> = first_use.into_iter().collect();
        uses.sort_by_key(|((kind, _), at)| (*kind, row_of(at)));
        for ((kind, id), at) in uses {
            let origins = Origins::new(at);
            match kind {
                0 if !has_actors && !self.draft.actors.iter().any(|a| a.id == id) => {
                    self.draft.actors.push(Actor {
                        id,
                        comments: vec![
                            "import: named in the projects sheet; no sheet of actors lists it"
                                .into(),
                        ],
                        origins,
                        ..Actor::default()
                    });
                }
                1 if !has_resources => {
                    let capacity = demand.get(&id).copied().unwrap_or(1.0);
                    self.draft.resources.push(Resource {
                        id,
                        capacity,
                        comments: vec![
                            "import: named in the projects sheet; no sheet of resources lists it, so its\n\
                             capacity is the largest demand of one project: set the real capacity."
                                .into(),
                        ],
                        origins,
                        ..Resource::default()
                    });
                }
                2 if !has_funding => {
                    let amount = committed.get(&id).copied().unwrap_or(0.0);
                    self.draft.funding.push(Funding {
                        id,
                        amount,
                        comments: vec![
                            "import: named in the projects sheet; no sheet of funding sources lists it, so\n\
                             its amount is what the projects take from it: set the real amount and window."
                                .into(),
                        ],
                        origins,
                        ..Funding::default()
                    });
                }
                3 if !has_objectives => {
                    self.draft.objectives.push(Named {
                        id,
                        origins,
                        ..Named::default()
                    });
                }
                _ => {}
            }
        }
    }

    fn duration(&mut self, cell: &Cell, at: Origin) -> Option<Span> {
        let text = match cell {
            Cell::Number(n) if n.fract() == 0.0 && *n >= 0.0 => format!("{n}d"),
            other => duration_text(&other.text()),
        };
        match Span::parse(&text) {
            Ok(span) => Some(span),
            Err(err) => {
                self.problem(
                    at,
                    format!("cannot read the duration \"{}\": {err}", cell.text()),
                );
                None
            }
        }
    }

    fn date(&mut self, cell: &Cell, at: Origin) -> Option<NaiveDate> {
        match cell {
            Cell::Date(date) => Some(*date),
            Cell::Number(serial) if (1.0..2_958_466.0).contains(serial) => {
                // An Excel serial day number (days since 1899-12-30).
                NaiveDate::from_ymd_opt(1899, 12, 30)
                    .and_then(|base| base.checked_add_days(chrono::Days::new(*serial as u64)))
            }
            other => {
                let text = other.text();
                let parsed = parse_date(&text);
                if parsed.is_none() {
                    self.problem(
                        at,
                        format!(
                            "cannot read the date \"{text}\": write it as 2024-01-15 or 15.01.2024"
                        ),
                    );
                }
                parsed
            }
        }
    }

    fn amount(&mut self, cell: &Cell, at: Origin) -> Option<f64> {
        let value = match cell {
            Cell::Number(n) => Some(*n),
            other => parse_amount(&other.text()),
        };
        match value {
            Some(v) if v >= 0.0 && v.is_finite() => Some(v),
            _ => {
                self.problem(
                    at,
                    format!("cannot read the amount \"{}\": expected a number that is not negative, like 450000 or 450 000,50", cell.text()),
                );
                None
            }
        }
    }

    /// A share: `0.4`, `40%` or `40` (read as a percentage when above 1).
    fn share(&mut self, cell: &Cell, at: Origin) -> Option<f64> {
        let text = cell.text();
        let (text, percent) = match text.trim().strip_suffix('%') {
            Some(number) => (number.to_string(), true),
            None => (text, false),
        };
        let value = match cell {
            Cell::Number(n) => Some(*n),
            _ => parse_amount(&text),
        };
        match value {
            Some(v) if (0.0..=100.0).contains(&v) => {
                Some(if percent || v > 1.0 { v / 100.0 } else { v })
            }
            _ => {
                self.problem(
                    at,
                    format!(
                        "cannot read the share \"{}\": expected 0.4, 40% or 40",
                        cell.text()
                    ),
                );
                None
            }
        }
    }

    fn priority(&mut self, cell: &Cell, at: Origin) -> Option<u8> {
        let value = match cell {
            Cell::Number(n) => Some(*n),
            other => other.text().trim().parse::<f64>().ok(),
        };
        match value {
            Some(v) if v.fract() == 0.0 && (1.0..=5.0).contains(&v) => Some(v as u8),
            _ => {
                self.problem(
                    at,
                    format!(
                        "priority \"{}\" is not a whole number from 1 to 5",
                        cell.text()
                    ),
                );
                None
            }
        }
    }

    fn status(&mut self, text: &str, at: Origin) -> Option<Status> {
        match normalise(text).as_str() {
            "done" | "complete" | "completed" | "finished" | "завършен" | "завършено"
            | "приключен" | "приключил" | "изпълнен" => {
                Some(Status::Done)
            }
            "in progress" | "started" | "ongoing" | "в изпълнение" | "започнат" | "текущ" => {
                Some(Status::InProgress)
            }
            "not started" | "planned" | "не е започнат" | "предстои" | "планиран" => {
                None
            }
            _ => {
                self.problem(
                    at,
                    format!("unknown status \"{text}\": use not-started, in-progress or done"),
                );
                None
            }
        }
    }

    /// `source=amount; other=amount` (also `source: amount`).
    fn pairs(&mut self, text: &str, at: Origin) -> Vec<(String, f64)> {
        let mut out: Vec<(String, f64)> = Vec::new();
        for item in text
            .split([';', '\n'])
            .map(str::trim)
            .filter(|i| !i.is_empty())
        {
            let Some((key, value)) = item.split_once(['=', ':']) else {
                self.problem(
                    at.clone(),
                    format!("cannot read \"{item}\": expected id=number, like erdf=300000"),
                );
                continue;
            };
            let Some(value) = parse_amount(value).filter(|v| *v >= 0.0) else {
                self.problem(
                    at.clone(),
                    format!("cannot read the number in \"{item}\": expected id=number"),
                );
                continue;
            };
            let key = key.trim().trim_start_matches('\'').to_string();
            match out.iter_mut().find(|(k, _)| *k == key) {
                Some((_, total)) => *total += value,
                None => out.push((key, value)),
            }
        }
        out
    }

    /// `a; b SS+1 month; c (FF +2w)`.
    fn links(&mut self, text: &str, at: Origin, project: &str) -> Vec<Link> {
        let mut links = Vec::new();
        for item in split_links(text) {
            let item = item.replace(['(', ')', ','], " ");
            let item = item.trim();
            let id_end = item
                .find(|c: char| c.is_whitespace() || c == '+' || c == ':')
                .unwrap_or(item.len());
            let (id, rest) = item.split_at(id_end);
            let id = id.trim_start_matches('\'').to_string();
            // "SS+1 month", "SS 1m", ":SS:6m" (as `roadmap plan --format csv` writes links).
            let rest = rest.replace(['+', ':'], " ");
            let mut tokens = rest.split_whitespace().peekable();
            let kind_text = match tokens.peek() {
                Some(t) if t.len() == 2 && t.chars().all(|c| c.is_ascii_alphabetic()) => {
                    tokens.next().unwrap_or_default()
                }
                _ => "",
            };
            let lag_text = tokens.collect::<Vec<_>>().join(" ");
            let lag_text = (!lag_text.is_empty()).then_some(lag_text.as_str());
            let kind = if kind_text.is_empty() {
                LinkKind::FinishToStart
            } else if kind_text.eq_ignore_ascii_case("SF") {
                self.draft.note(
                    at.clone(),
                    format!("project \"{project}\": the start-to-finish (SF) link from \"{id}\" cannot be expressed; left out"),
                );
                continue;
            } else if let Some(kind) = LinkKind::parse(kind_text) {
                kind
            } else {
                self.problem(
                    at.clone(),
                    format!("cannot read the dependency \"{item}\": expected an id, then optionally FS, SS or FF and +lag, like \"cloud SS+1 month\""),
                );
                continue;
            };
            let lag = match lag_text {
                None => Span::ZERO,
                Some(lag) => match Span::parse(&duration_text(lag)) {
                    Ok(span) => span,
                    Err(err) => {
                        self.problem(at.clone(), format!("cannot read the lag \"{lag}\": {err}"));
                        continue;
                    }
                },
            };
            links.push(Link {
                on: id,
                kind,
                lag,
                comment: None,
                at: at.clone(),
            });
        }
        links
    }
}

fn row_of(at: &Origin) -> usize {
    match at {
        Origin::Cell { row, .. } => *row,
        Origin::Line { line, .. } => *line,
        Origin::File => 0,
    }
}

/// Items of a dependency cell: split on `;`, line breaks, and `,` outside brackets.
fn split_links(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => {
                depth += 1;
                current.push(c);
            }
            ')' => {
                depth = depth.saturating_sub(1);
                current.push(c);
            }
            ';' | '\n' => items.push(std::mem::take(&mut current)),
            ',' if depth == 0 => items.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    items.push(current);
    items
        .into_iter()
        .map(|i| i.trim().to_string())
        .filter(|i| !i.is_empty())
        .collect()
}

/// Ids separated by `;`, `,` or line breaks.
fn ids(text: &str) -> Vec<String> {
    text.split([';', ',', '\n'])
        .map(|s| s.trim().trim_start_matches('\'').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn actor_kind(text: &str) -> String {
    match normalise(text).as_str() {
        "публичен" | "публична" | "общинa" | "община" | "държавен" => {
            "public"
        }
        "бизнес" | "фирма" | "компания" => "business",
        "стартъп" | "стартираща" => "startup",
        "комунална" | "комунално" | "дружество" => "utility",
        "университет" | "академия" | "наука" => "academia",
        "нпо" | "неправителствена" => "ngo",
        "друг" | "друго" => "other",
        other => return other.replace(' ', "-"),
    }
    .to_string()
}

/// `2024-01-15`, `15.01.2024` (also `15.01.2024 г.`), `15/01/2024`, `2024/01/15`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text
        .trim()
        .trim_end_matches("г.")
        .trim_end_matches('г')
        .trim();
    let text = text.split(['T', ' ']).next().unwrap_or_default();
    ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d", "%Y.%m.%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

/// `450000`, `450 000`, `450,000.50`, `450.000,50`, `1 500,5 лв.`, `€ 1,200`.
pub fn parse_amount(text: &str) -> Option<f64> {
    let kept: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        .collect();
    // "лв." and "1,200." leave separators at the ends.
    let kept = kept.trim_matches(['.', ',']).to_string();
    if kept.is_empty() || !kept.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let (last_dot, last_comma) = (kept.rfind('.'), kept.rfind(','));
    let normalised = match (last_dot, last_comma) {
        // Both: the later one separates the decimals.
        (Some(d), Some(c)) if c > d => kept.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => kept.replace(',', ""),
        // Only commas: thousands when every group after one has three digits.
        (None, Some(_)) => {
            let groups: Vec<&str> = kept.split(',').collect();
            if groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) && groups.len() > 2
                || (groups.len() == 2
                    && groups[1].len() == 3
                    && !groups[0].is_empty()
                    && groups[0] != "0")
            {
                kept.replace(',', "")
            } else {
                kept.replace(',', ".")
            }
        }
        // Only dots: thousands when there are several with three digits each.
        (Some(_), None) => {
            let groups: Vec<&str> = kept.split('.').collect();
            if groups.len() > 2 && groups[1..].iter().all(|g| g.len() == 3) {
                kept.replace('.', "")
            } else {
                kept
            }
        }
        (None, None) => kept,
    };
    normalised.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_in_english_and_bulgarian_notation() {
        assert_eq!(parse_amount("450000"), Some(450_000.0));
        assert_eq!(parse_amount("450 000"), Some(450_000.0));
        assert_eq!(parse_amount("450,000.50"), Some(450_000.5));
        assert_eq!(parse_amount("450.000,50"), Some(450_000.5));
        assert_eq!(parse_amount("1 500,5 лв."), Some(1500.5));
        assert_eq!(parse_amount("€ 1,200"), Some(1200.0));
        assert_eq!(parse_amount("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_amount("0,85"), Some(0.85));
        assert_eq!(parse_amount("1.5"), Some(1.5));
        assert_eq!(parse_amount("n/a"), None);
    }

    #[test]
    fn reads_dates_in_common_notations() {
        let d = |s: &str| parse_date(s).map(|d| d.to_string());
        assert_eq!(d("2024-01-15").unwrap(), "2024-01-15");
        assert_eq!(d("15.01.2024").unwrap(), "2024-01-15");
        assert_eq!(d("15.01.2024 г.").unwrap(), "2024-01-15");
        assert_eq!(d("15/01/2024").unwrap(), "2024-01-15");
        assert_eq!(d("2024-01-15 00:00:00").unwrap(), "2024-01-15");
        assert_eq!(d("2024-02-30"), None);
        assert_eq!(d("next spring"), None);
    }

    #[test]
    fn splits_dependencies_with_types_and_lags() {
        assert_eq!(
            split_links("a; b SS+1 month, c (FF, +2w)"),
            ["a", "b SS+1 month", "c (FF, +2w)"]
        );
        let mut reader = Reader {
            draft: Draft::default(),
            problems: Vec::new(),
        };
        let links = reader.links(
            "a; b SS+1 month; c (FF, +2w); d+3 дни; e SF; f:SS:6m; g:FS:0d",
            Origin::File,
            "p",
        );
        let got: Vec<(String, LinkKind, Span)> =
            links.into_iter().map(|l| (l.on, l.kind, l.lag)).collect();
        assert_eq!(
            got,
            [
                ("a".into(), LinkKind::FinishToStart, Span::ZERO),
                ("b".into(), LinkKind::StartToStart, Span::Months(1)),
                ("c".into(), LinkKind::FinishToFinish, Span::Days(14)),
                ("d".into(), LinkKind::FinishToStart, Span::Days(3)),
                ("f".into(), LinkKind::StartToStart, Span::Months(6)),
                ("g".into(), LinkKind::FinishToStart, Span::ZERO),
            ]
        );
        assert_eq!(reader.draft.notes.len(), 1, "the SF link is a note");
        assert!(reader.problems.is_empty());
        reader.links("x QQ", Origin::File, "p");
        assert_eq!(reader.problems.len(), 1);
    }
}
