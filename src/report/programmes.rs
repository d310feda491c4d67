//! Roll-ups per programme for the `order`, `actors`, `funding` and `resources` reports: each
//! report's own figures summed over the programme tree (from the plan's roll-ups). Appended to
//! the report's table as a "By programme" table and to its JSON as `programmes`; the CSV stays
//! the report's own.

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Roadmap;
use crate::plan::Plan;
use crate::plan::rollup::Item;
use crate::report::grid::{self, Grid};
use crate::report::table::indent;
use crate::report::{Look, Report};

/// Which report the roll-up belongs to, so it sums that report's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Order,
    Actors,
    Funding,
    Resources,
}

/// One programme's roll-up.
#[derive(Serialize)]
pub struct ProgrammeRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// Ids from the top-level programme down to this one, joined by `/`.
    pub path: String,
    /// 0 for a top-level programme.
    pub depth: usize,
    pub wbs: &'a str,
    pub start: Option<NaiveDate>,
    pub finish: Option<NaiveDate>,
    /// Projects in it and in its sub-programmes.
    pub projects: usize,
    pub critical: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waves: Option<[u32; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<&'a str>,
    /// Actors leading its projects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_leads: Option<Vec<&'a str>>,
    /// Actors taking part in its projects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub committed: Option<f64>,
    /// What its projects' funding leaves uncovered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
    /// Committed by each source (by id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_source: Option<BTreeMap<&'a str, f64>>,
    /// Units × days of each resource (by id) its projects hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_days: Option<BTreeMap<&'a str, f64>>,
}

/// A report followed by its roll-up per programme.
pub struct WithProgrammes<'a> {
    inner: Box<dyn Report + 'a>,
    measure: Measure,
    currency: &'a str,
    rows: Vec<ProgrammeRow<'a>>,
}

/// `inner` with its roll-up per programme, or `inner` alone when the roadmap has none.
pub fn with_programmes<'a>(
    measure: Measure,
    inner: Box<dyn Report + 'a>,
    roadmap: &'a Roadmap,
    plan: &'a Plan,
) -> Box<dyn Report + 'a> {
    if roadmap.programmes.is_empty() {
        return inner;
    }
    Box::new(WithProgrammes {
        inner,
        measure,
        currency: &roadmap.currency,
        rows: rows(measure, roadmap, plan),
    })
}

/// The roll-up of every programme, in outline order.
pub fn rows<'a>(measure: Measure, roadmap: &'a Roadmap, plan: &'a Plan) -> Vec<ProgrammeRow<'a>> {
    plan.outline
        .iter()
        .filter_map(|row| match row.item {
            Item::Programme(q) => Some(row_of(measure, roadmap, plan, q)),
            Item::Project(_) => None,
        })
        .collect()
}

fn row_of<'a>(
    measure: Measure,
    roadmap: &'a Roadmap,
    plan: &'a Plan,
    q: usize,
) -> ProgrammeRow<'a> {
    let programme = &roadmap.programmes[q];
    let planned = &plan.programmes[q];
    let projects = &planned.projects;
    let ids = |mut actors: Vec<usize>| -> Vec<&'a str> {
        actors.sort_unstable();
        actors.dedup();
        actors
            .iter()
            .map(|&a| roadmap.actors[a].id.as_str())
            .collect()
    };
    let mut row = ProgrammeRow {
        id: &programme.id,
        name: &programme.name,
        path: roadmap
            .programme_path(q)
            .iter()
            .map(|&r| roadmap.programmes[r].id.as_str())
            .collect::<Vec<_>>()
            .join("/"),
        depth: planned.depth,
        wbs: &planned.wbs,
        start: planned.start,
        finish: planned.finish,
        projects: projects.len(),
        critical: planned.critical,
        waves: None,
        lead: None,
        project_leads: None,
        participants: None,
        cost: None,
        committed: None,
        gap: None,
        by_source: None,
        resource_days: None,
    };
    match measure {
        Measure::Order => {
            let waves = projects.iter().map(|&p| plan.projects[p].wave);
            row.waves = waves.clone().min().zip(waves.max()).map(|(a, b)| [a, b]);
        }
        Measure::Actors => {
            row.lead = programme.lead.map(|a| roadmap.actors[a].id.as_str());
            row.project_leads = Some(ids(projects
                .iter()
                .map(|&p| roadmap.projects[p].lead)
                .collect()));
            row.participants = Some(ids(projects
                .iter()
                .flat_map(|&p| roadmap.projects[p].participants.iter().copied())
                .collect()));
        }
        Measure::Funding => {
            let mut by_source = BTreeMap::new();
            for c in projects.iter().flat_map(|&p| &roadmap.projects[p].funding) {
                *by_source
                    .entry(roadmap.funding[c.source].id.as_str())
                    .or_insert(0.0) += c.amount;
            }
            let gap: f64 = projects
                .iter()
                .map(|&p| {
                    let project = &roadmap.projects[p];
                    (project.cost.unwrap_or(0.0) - project.funded()).max(0.0)
                })
                .sum();
            row.cost = Some(planned.cost);
            row.committed = Some(planned.committed);
            row.gap = Some(gap);
            row.by_source = Some(by_source);
        }
        Measure::Resources => {
            let mut days = BTreeMap::new();
            for &p in projects {
                for demand in &roadmap.projects[p].resources {
                    *days
                        .entry(roadmap.resources[demand.resource].id.as_str())
                        .or_insert(0.0) += demand.units * f64::from(plan.projects[p].days);
                }
            }
            row.resource_days = Some(days);
        }
    }
    row
}

impl WithProgrammes<'_> {
    fn roll_up_table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        let t = look.messages();
        let date = |d: Option<NaiveDate>| d.map_or_else(String::new, |d| t.date(d));
        // Only `order` shows dates, so the other tables fit 80 columns.
        let dated = self.measure == Measure::Order;
        let mut columns = vec![
            grid::Column::id(look.tr("programme")),
            grid::Column::number(look.tr("projects")),
        ];
        if dated {
            columns.extend([
                grid::Column::fixed(look.tr("start")),
                grid::Column::fixed(look.tr("finish")),
            ]);
        }
        // Lists of ids wrap between ids (the by-source and resource lists are one a line).
        columns.extend(match self.measure {
            Measure::Order => vec![
                grid::Column::fixed(look.tr("waves")),
                grid::Column::fixed(look.tr("crit")),
            ],
            Measure::Actors => vec![grid::Column::ids(look.tr("actors"))],
            Measure::Funding => vec![
                grid::Column::number(look.tr("cost")),
                grid::Column::number(look.tr("committed")).optional(0),
                grid::Column::number(look.tr("gap")),
                grid::Column::ids(look.tr("by source")),
            ],
            Measure::Resources => vec![grid::Column::ids(look.tr("units × days"))],
        });
        let mut table = Grid::new(columns);
        for row in &self.rows {
            let mut cells = vec![
                format!("{}{}", indent(row.depth), row.id),
                row.projects.to_string(),
            ];
            if dated {
                cells.extend([date(row.start), date(row.finish)]);
            }
            // One id a line: ids break badly when wrapped.
            let list = |items: &Option<Vec<&str>>| items.as_deref().unwrap_or_default().join(", ");
            let money = |value: Option<f64>| t.amount(value.unwrap_or(0.0));
            let map = |items: &Option<BTreeMap<&str, f64>>| {
                items
                    .iter()
                    .flatten()
                    .map(|(id, value)| format!("{id} {}", t.amount(*value)))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            cells.extend(match self.measure {
                Measure::Order => vec![
                    row.waves.map_or(String::new(), |[a, b]| {
                        if a == b {
                            a.to_string()
                        } else {
                            format!("{a}-{b}")
                        }
                    }),
                    if row.critical {
                        look.tr("yes")
                    } else {
                        String::new()
                    },
                ],
                // One wrapping column: ids wrap only between them.
                Measure::Actors => vec![
                    [
                        row.lead
                            .map(|lead| t.with("programme-lead", &[("id", lead.to_string())])),
                        Some(t.with(
                            "programme-project-leads",
                            &[("ids", list(&row.project_leads))],
                        )),
                        (!row.participants.as_deref().unwrap_or_default().is_empty())
                            .then(|| t.with("programme-with", &[("ids", list(&row.participants))])),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("; "),
                ],
                Measure::Funding => vec![
                    money(row.cost),
                    money(row.committed),
                    money(row.gap),
                    map(&row.by_source),
                ],
                Measure::Resources => vec![map(&row.resource_days)],
            });
            table.row(cells);
        }
        let note = match self.measure {
            Measure::Funding => t.with(
                "programmes-note-amounts",
                &[("currency", self.currency.to_string())],
            ),
            _ => t.get("programmes-note"),
        };
        writeln!(
            out,
            "\n{}\n{}\n{}",
            look.bold(&look.tr("By programme")),
            table.render(look),
            grid::paragraph(&note, look.width)
        )
    }
}

impl Report for WithProgrammes<'_> {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        self.inner.table(out, look)?;
        self.roll_up_table(out, look)
    }

    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        self.inner.csv(out)
    }

    /// The report's own JSON (keys in its order) with a `programmes` array added at the end.
    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut own = Vec::new();
        self.inner.json(&mut own)?;
        let own = String::from_utf8(own).map_err(io::Error::other)?;
        let rows = serde_json::to_string_pretty(&self.rows).map_err(io::Error::other)?;
        let Some(close) = own.rfind('}') else {
            return out.write_all(own.as_bytes());
        };
        let body = own[..close].trim_end();
        writeln!(
            out,
            "{body},\n  \"programmes\": {}\n}}",
            rows.replace('\n', "\n  ")
        )
    }
}
