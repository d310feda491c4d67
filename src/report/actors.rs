//! `roadmap actors`: who leads and who takes part in what, and when each actor is busiest.

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::NaiveDate;
use comfy_table::Color;
use serde::Serialize;

use crate::model::{ActorKind, Roadmap};
use crate::plan::Plan;
use crate::report::csv::neutralise;
use crate::report::figures::{self, Role};
use crate::report::grid::{self, Align, Grid, GridCell, Layout};
use crate::report::{Look, Report, write_json};

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

impl Busiest {
    /// `2026-Q4 (3 running)`, in `t`'s language.
    pub fn label(&self, t: &crate::i18n::Messages) -> String {
        t.text(&crate::i18n::text!(
            "busiest-running",
            quarter = &self.quarter,
            count = self.projects,
        ))
    }
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
        let mut columns = vec![grid::Column::id(look.tr("project"))];
        columns.extend(
            (1..=actors.len()).map(|n| grid::Column::fixed(n.to_string()).align(Align::Center)),
        );
        let mut table = Grid::new(columns);
        for row in &self.matrix {
            let cells = actors.iter().map(|actor| {
                let role = row.roles.get(actor.id);
                GridCell::new(role.map_or("", |r| r.letter()))
                    .fg_if(matches!(role, Some(Role::Lead)), Color::Green)
            });
            table.row(std::iter::once(GridCell::new(row.project)).chain(cells));
        }
        if !matches!(table.layout(usize::from(look.width)), Layout::Blocks) {
            return writeln!(out, "{}", table.render(look));
        }
        // Too many actors for a column each: the roles of each project as a list of numbers.
        let mut table = Grid::new(vec![
            grid::Column::id(look.tr("project")),
            grid::Column::ids(look.tr("leads")),
            grid::Column::ids(look.tr("takes part")),
        ]);
        for row in &self.matrix {
            let numbers = |wanted: Role| {
                let numbers: Vec<String> = actors
                    .iter()
                    .enumerate()
                    .filter(|(_, actor)| row.roles.get(actor.id) == Some(&wanted))
                    .map(|(n, _)| (n + 1).to_string())
                    .collect();
                numbers.join(" ")
            };
            table.row([
                row.project.to_string(),
                numbers(Role::Lead),
                numbers(Role::Participant),
            ]);
        }
        writeln!(out, "{}", table.render(look))
    }

    /// One row per actor with a role: number, projects led and joined, busiest quarter.
    pub fn write_summary(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        // The name goes first when the table does not fit, then the kind.
        let mut table = Grid::new(vec![
            grid::Column::number(look.tr("#")),
            grid::Column::id(look.tr("actor")),
            grid::Column::text(look.tr("kind")).optional(1),
            grid::Column::number(look.tr("leads")),
            grid::Column::number(look.tr("joins")),
            grid::Column::text(look.tr("busiest quarter")),
            grid::Column::text(look.tr("name")).optional(0),
        ])
        .key(1);
        for (n, actor) in self.with_role().iter().enumerate() {
            let t = look.messages();
            let busiest = actor
                .busiest
                .as_ref()
                .map_or(String::new(), |b| b.label(&t));
            table.row([
                (n + 1).to_string(),
                actor.id.to_string(),
                actor.kind.label(&look.messages()),
                actor.leads.len().to_string(),
                actor.participates.len().to_string(),
                busiest,
                actor.name.to_string(),
            ]);
        }
        writeln!(out, "{}", table.render(look))
    }
}

impl Report for ActorsReport<'_> {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        writeln!(
            out,
            "{}",
            look.bold(&look.tr("Roles (L leads, P takes part)"))
        )?;
        self.write_matrix(out, look)?;
        writeln!(out)?;
        self.write_summary(out, look)?;
        if self.without_role.is_empty() {
            writeln!(
                out,
                "{}",
                grid::paragraph(&look.tr("Every actor has a role."), look.width)
            )
        } else {
            let marker = if look.ascii { "!" } else { "⚠" };
            let line = grid::paragraph(
                &format!("{marker} No role: {}", self.without_role.join(", ")),
                look.width,
            );
            // Only the marker in the warning colour.
            let line = line.replacen(marker, &look.paint(warning_style(), marker), 1);
            writeln!(out, "{line}")
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
