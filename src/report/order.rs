//! `roadmap order`: the order in which to carry the projects out, their waves (0 for projects
//! with no prerequisites, then one more than the latest prerequisite's wave) and what each one
//! waits for.

use std::io::{self, Write};

use chrono::NaiveDate;
use comfy_table::Color;
use serde::Serialize;

use crate::calendar::{LinkKind, Span, link_label};
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::report::csv::neutralise;
use crate::report::grid::{self, Grid, GridCell};
use crate::report::{Look, Report, write_json};

#[derive(Serialize)]
pub struct OrderReport<'a> {
    version: u32,
    report: &'static str,
    pub projects: Vec<OrderRow<'a>>,
}

#[derive(Serialize)]
pub struct OrderRow<'a> {
    /// 1-based place in the implementation order.
    pub position: usize,
    pub wave: u32,
    pub id: &'a str,
    pub name: &'a str,
    pub start: NaiveDate,
    pub finish: NaiveDate,
    pub critical: bool,
    pub prerequisites: Vec<Prerequisite<'a>>,
}

#[derive(Serialize)]
pub struct Prerequisite<'a> {
    pub project: &'a str,
    #[serde(rename = "type")]
    pub kind: LinkKind,
    #[serde(serialize_with = "as_text")]
    pub lag: Span,
}

/// The lag as it is written in a roadmap (`0d`, `2w`).
fn as_text<S: serde::Serializer>(lag: &Span, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(lag)
}

impl Prerequisite<'_> {
    /// `cloud`, `cloud (SS +1m)`, `cloud (+2w)`: the plain id for a finish-to-start link
    /// without lag, as it is written in the roadmap.
    pub fn label(&self) -> String {
        link_label(self.project, self.kind, self.lag)
    }
}

impl<'a> OrderReport<'a> {
    pub fn new(roadmap: &'a Roadmap, plan: &Plan) -> Self {
        let projects = plan
            .wave_order()
            .iter()
            .enumerate()
            .map(|(rank, &p)| {
                let project = &roadmap.projects[p];
                OrderRow {
                    position: rank + 1,
                    wave: plan.projects[p].wave,
                    id: &project.id,
                    name: &project.name,
                    start: plan.projects[p].start,
                    finish: plan.projects[p].finish,
                    critical: plan.projects[p].critical,
                    prerequisites: project
                        .depends_on
                        .iter()
                        .map(|d| Prerequisite {
                            project: &roadmap.projects[d.on].id,
                            kind: d.kind,
                            lag: d.lag,
                        })
                        .collect(),
                }
            })
            .collect();
        OrderReport {
            version: 1,
            report: "order",
            projects,
        }
    }
}

impl Report for OrderReport<'_> {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        // Ids and dates whole; the prerequisites wrap between ids; `#`, then the start, then the
        // finish go first when the table does not fit.
        let mut table = Grid::new(vec![
            grid::Column::number(look.tr("#")).optional(0),
            grid::Column::number(look.tr("wave")),
            grid::Column::id(look.tr("project")),
            grid::Column::fixed(look.tr("start")).optional(1),
            grid::Column::fixed(look.tr("finish")).optional(2),
            grid::Column::ids(look.tr("after")),
        ])
        .key(2);
        for row in &self.projects {
            let after: Vec<String> = row.prerequisites.iter().map(|p| p.label()).collect();
            table.row([
                GridCell::new(row.position.to_string()),
                GridCell::new(row.wave.to_string()),
                GridCell::new(row.id).fg_if(row.critical, Color::Red),
                GridCell::new(look.date(row.start)),
                GridCell::new(look.date(row.finish)),
                GridCell::new(after.join(", ")),
            ]);
        }
        writeln!(out, "{}", table.render(look))?;
        let waves = self
            .projects
            .iter()
            .map(|p| p.wave)
            .max()
            .map_or(0, |w| w + 1);
        let note = look.messages().text(&crate::i18n::text!(
            "order-note",
            projects = self.projects.len(),
            waves = waves,
        ));
        writeln!(out, "{}", grid::paragraph(&note, look.width))?;
        let overlapping = self.projects.iter().any(|p| {
            p.prerequisites
                .iter()
                .any(|d| d.kind != LinkKind::FinishToStart)
        });
        if overlapping {
            let note = &look.tr(
                "A wave orders prerequisites, not time: after an SS link a project may \
                        start once its prerequisite has started, and after an FF link it need \
                        only finish after it, so it can run before a prerequisite of an earlier \
                        wave has finished.",
            );
            writeln!(out, "{}", grid::paragraph(note, look.width))?;
        }
        Ok(())
    }

    /// One row per project in order; `prerequisites` is `id:TYPE:lag` items joined with `;`.
    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = ::csv::Writer::from_writer(out);
        writer.write_record([
            "position",
            "wave",
            "id",
            "name",
            "start",
            "finish",
            "critical",
            "prerequisites",
        ])?;
        for row in &self.projects {
            let prerequisites: Vec<String> = row
                .prerequisites
                .iter()
                .map(|p| format!("{}:{}:{}", neutralise(p.project), p.kind, p.lag))
                .collect();
            writer.write_record([
                row.position.to_string(),
                row.wave.to_string(),
                neutralise(row.id).into_owned(),
                neutralise(row.name).into_owned(),
                row.start.to_string(),
                row.finish.to_string(),
                row.critical.to_string(),
                prerequisites.join(";"),
            ])?;
        }
        writer.flush()
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        write_json(out, self)
    }
}
