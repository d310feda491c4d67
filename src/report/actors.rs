//! `roadmap actors`: who leads and who takes part in what, and when each actor is busiest.

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::NaiveDate;
use comfy_table::{Cell, CellAlignment, Color};
use serde::Serialize;

use crate::model::{ActorKind, Roadmap};
use crate::plan::Plan;
use crate::report::csv::neutralise;
use crate::report::figures::{self, Role};
use crate::report::table::{ID_MAX_WIDTH, truncate};
use crate::report::{Look, Report, header, number, write_json};

#[derive(Serialize)]
pub struct ActorsReport<'a> {
    version: u32,
    report: &'static str,
    pub actors: Vec<ActorRow<'a>>,
    /// One row per project (in start order): each actor's role in it.
    pub matrix: Vec<MatrixRow<'a>>,
    /// Actors that neither lead nor take part in any project.
    pub without_role: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct ActorRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: ActorKind,
    pub leads: Vec<&'a str>,
    pub participates: Vec<&'a str>,
    pub busiest: Option<Busiest>,
}

/// The calendar quarter with the most of the actor's projects running.
#[derive(Serialize)]
pub struct Busiest {
    /// `2021-Q2`.
    pub quarter: String,
    pub from: NaiveDate,
    pub projects: usize,
}

#[derive(Serialize)]
pub struct MatrixRow<'a> {
    pub project: &'a str,
    pub roles: BTreeMap<&'a str, Role>,
}

impl<'a> ActorsReport<'a> {
    pub fn new(roadmap: &'a Roadmap, plan: &Plan) -> Self {
        let projects_where = |a: usize, wanted: Role| -> Vec<&'a str> {
            (0..roadmap.projects.len())
                .filter(|&p| figures::role(roadmap, p, a) == Some(wanted))
                .map(|p| roadmap.projects[p].id.as_str())
                .collect()
        };
        let actors: Vec<ActorRow<'a>> = roadmap
            .actors
            .iter()
            .enumerate()
            .map(|(a, actor)| ActorRow {
                id: &actor.id,
                name: &actor.name,
                kind: actor.kind,
                leads: projects_where(a, Role::Lead),
                participates: projects_where(a, Role::Participant),
                busiest: figures::busiest_quarter(roadmap, plan, a).map(|b| Busiest {
                    quarter: figures::quarter_label(b.quarter),
                    from: b.quarter,
                    projects: b.projects,
                }),
            })
            .collect();
        let matrix = plan
            .start_order
            .iter()
            .copied()
            .map(|p| MatrixRow {
                project: &roadmap.projects[p].id,
                roles: (0..roadmap.actors.len())
                    .filter_map(|a| {
                        figures::role(roadmap, p, a).map(|r| (roadmap.actors[a].id.as_str(), r))
                    })
                    .collect(),
            })
            .collect();
        let without_role = actors
            .iter()
            .filter(|a| a.leads.is_empty() && a.participates.is_empty())
            .map(|a| a.id)
            .collect();
        ActorsReport {
            version: 1,
            report: "actors",
            actors,
            matrix,
            without_role,
        }
    }

    /// Actors with a role, numbered from 1 as in the matrix's columns.
    fn with_role(&self) -> Vec<&ActorRow<'a>> {
        self.actors
            .iter()
            .filter(|a| !a.leads.is_empty() || !a.participates.is_empty())
            .collect()
    }

    /// The role matrix: projects down, actors (numbered) across.
    pub fn write_matrix(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        let actors = self.with_role();
        let mut table = look.table();
        table.set_header(
            std::iter::once(header("project"))
                .chain((1..=actors.len()).map(|n| header(&n.to_string()))),
        );
        for row in &self.matrix {
            let cells = actors.iter().map(|actor| {
                let role = row.roles.get(actor.id);
                let cell =
                    Cell::new(role.map_or("", |r| r.letter())).set_alignment(CellAlignment::Center);
                match role {
                    Some(Role::Lead) if look.color => cell.fg(Color::Green),
                    _ => cell,
                }
            });
            table.add_row(
                std::iter::once(Cell::new(truncate(row.project, ID_MAX_WIDTH))).chain(cells),
            );
        }
        writeln!(out, "{table}")
    }

    /// One row per actor with a role: number, projects led and joined, busiest quarter.
    pub fn write_summary(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        let mut table = look.table();
        table.set_header(
            [
                "#",
                "actor",
                "kind",
                "leads",
                "joins",
                "busiest quarter",
                "name",
            ]
            .map(header),
        );
        for (n, actor) in self.with_role().iter().enumerate() {
            let busiest = actor.busiest.as_ref().map_or(String::new(), |b| {
                format!("{} ({} running)", b.quarter, b.projects)
            });
            table.add_row(vec![
                number(n + 1),
                Cell::new(truncate(actor.id, ID_MAX_WIDTH)),
                Cell::new(actor.kind.as_str()),
                number(actor.leads.len()),
                number(actor.participates.len()),
                Cell::new(busiest),
                Cell::new(actor.name),
            ]);
        }
        // Everything but the name keeps its width; the name wraps into what is left.
        let columns = table.column_count();
        for column in table.column_iter_mut().take(columns.saturating_sub(1)) {
            column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
        writeln!(out, "{table}")
    }
}

impl Report for ActorsReport<'_> {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        writeln!(out, "{}", look.bold("Roles (L leads, P takes part)"))?;
        self.write_matrix(out, look)?;
        writeln!(out)?;
        self.write_summary(out, look)?;
        if self.without_role.is_empty() {
            writeln!(out, "Every actor has a role.")
        } else {
            let marker = if look.ascii { "!" } else { "⚠" };
            writeln!(
                out,
                "{} No role: {}",
                look.paint(warning_style(), marker),
                self.without_role.join(", ")
            )
        }
    }

    /// One row per actor; `leads` and `participates` list project ids joined with `;`.
    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = ::csv::Writer::from_writer(out);
        writer.write_record([
            "id",
            "name",
            "kind",
            "led",
            "joined",
            "leads",
            "participates",
            "busiest_quarter",
            "busiest_projects",
        ])?;
        let joined = |ids: &[&str]| {
            ids.iter()
                .map(|id| neutralise(id).into_owned())
                .collect::<Vec<_>>()
                .join(";")
        };
        for actor in &self.actors {
            writer.write_record([
                neutralise(actor.id).into_owned(),
                neutralise(actor.name).into_owned(),
                actor.kind.as_str().to_string(),
                actor.leads.len().to_string(),
                actor.participates.len().to_string(),
                joined(&actor.leads),
                joined(&actor.participates),
                actor
                    .busiest
                    .as_ref()
                    .map_or(String::new(), |b| b.quarter.clone()),
                actor
                    .busiest
                    .as_ref()
                    .map_or(String::new(), |b| b.projects.to_string()),
            ])?;
        }
        writer.flush()
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        write_json(out, self)
    }
}

pub fn warning_style() -> anstyle::Style {
    anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Yellow.into()))
}
