//! `roadmap indicators`: every indicator's baseline, each target, the plan's value in the
//! target's year, the gap, and the projects that bring it (or would close it by finishing
//! earlier). The same rows are the `indicators` of the plan's JSON.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::i18n::Messages;
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::report::csv::neutralise;
use crate::report::grid::{self, Grid, GridCell};
use crate::report::{Look, Report, write_json};

#[derive(Serialize)]
pub struct IndicatorJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub objective: &'a str,
    pub unit: Option<&'a str>,
    pub description: Option<&'a str>,
    pub baseline: YearValueJson,
    pub targets: Vec<TargetJson<'a>>,
    /// Contributing projects, by planned finish.
    pub contributors: Vec<ContributorJson<'a>>,
}

#[derive(Serialize)]
pub struct YearValueJson {
    pub year: i32,
    pub value: f64,
}

#[derive(Serialize)]
pub struct TargetJson<'a> {
    pub year: i32,
    pub value: f64,
    pub planned: f64,
    pub reached: bool,
    pub shortfall: f64,
    /// Ahead of the target (positive) or short of it (negative).
    pub gap: f64,
    /// Contributors finishing after the year.
    pub late: Vec<&'a str>,
    /// The fewest late contributors that would close the shortfall if they finished in time.
    pub would_close: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct ContributorJson<'a> {
    pub project: &'a str,
    pub value: f64,
    pub finish: NaiveDate,
}

pub fn rows<'a>(roadmap: &'a Roadmap, plan: &'a Plan) -> Vec<IndicatorJson<'a>> {
    let ids = |projects: &[usize]| -> Vec<&'a str> {
        projects
            .iter()
            .map(|&p| roadmap.projects[p].id.as_str())
            .collect()
    };
    roadmap
        .indicators
        .iter()
        .zip(&plan.indicators)
        .enumerate()
        .map(|(i, (indicator, planned))| IndicatorJson {
            id: &indicator.id,
            name: &indicator.name,
            objective: &roadmap.objectives[indicator.objective].id,
            unit: indicator.unit.as_deref(),
            description: indicator.description.as_deref(),
            baseline: YearValueJson {
                year: indicator.baseline.year,
                value: indicator.baseline.value,
            },
            targets: planned
                .targets
                .iter()
                .map(|t| TargetJson {
                    year: t.year,
                    value: t.target,
                    planned: t.planned,
                    reached: t.reached,
                    shortfall: t.shortfall,
                    gap: t.gap,
                    late: ids(&t.late),
                    would_close: ids(&t.would_close),
                })
                .collect(),
            contributors: planned
                .contributors
                .iter()
                .map(|&p| ContributorJson {
                    project: &roadmap.projects[p].id,
                    value: crate::plan::targets::contribution(roadmap, p, i),
                    finish: plan.projects[p].finish,
                })
                .collect(),
        })
        .collect()
}

/// The `roadmap indicators` report.
#[derive(Serialize)]
pub struct IndicatorsReport<'a> {
    version: u32,
    report: &'static str,
    pub indicators: Vec<IndicatorJson<'a>>,
    /// Indicator units by id, for the table (not in the JSON).
    #[serde(skip)]
    units: Vec<&'a crate::model::Indicator>,
}

impl<'a> IndicatorsReport<'a> {
    pub fn new(roadmap: &'a Roadmap, plan: &'a Plan) -> Self {
        IndicatorsReport {
            version: 1,
            report: "indicators",
            indicators: rows(roadmap, plan),
            units: roadmap.indicators.iter().collect(),
        }
    }
}

/// "+10" ahead of the target, "-60" short of it, "0" on it.
fn gap(target: &TargetJson<'_>, t: &Messages) -> String {
    if target.gap.abs() < 1e-9 {
        "0".to_string()
    } else if target.gap > 0.0 {
        format!("+{}", t.number(target.gap))
    } else {
        format!("-{}", t.number(-target.gap))
    }
}

/// "portal +20, e-payments +15": contributions as written.
fn contributions(indicator: &IndicatorJson<'_>, projects: &[&str], t: &Messages) -> String {
    projects
        .iter()
        .filter_map(|id| indicator.contributors.iter().find(|c| c.project == *id))
        .map(|c| {
            let sign = if c.value >= 0.0 { "+" } else { "" };
            format!("{} {sign}{}", c.project, t.number(c.value))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Report for IndicatorsReport<'_> {
    /// One small table per indicator under a title line, so the projects get the width.
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        let t = look.messages();
        for (indicator, model) in self.indicators.iter().zip(&self.units) {
            let unit = model.with_unit("").trim().to_string();
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" ({unit})")
            };
            let title = format!("{}{unit}: {}", indicator.id, indicator.name);
            let objective = t.with(
                "indicator-objective",
                &[("id", indicator.objective.to_string())],
            );
            let bold_id = look.bold(indicator.id);
            let shown = format!("{bold_id}{}", &title[indicator.id.len()..]);
            // On one line when it fits the width, else the objective on its own.
            if title.chars().count() + objective.len() + 2 <= usize::from(look.width) {
                writeln!(out, "{shown}; {objective}")?;
            } else {
                writeln!(out, "{}\n{objective}", grid::paragraph(&shown, look.width))?;
            }
            // The projects wrap between ids; the figures keep their width.
            let mut table = Grid::new(vec![
                grid::Column::number(look.tr("year")),
                grid::Column::number(look.tr("target")),
                grid::Column::number(look.tr("planned")),
                grid::Column::number(look.tr("gap")),
                grid::Column::ids(look.tr("brought by")),
            ]);
            table.row([
                indicator.baseline.year.to_string(),
                look.tr("baseline"),
                t.number(indicator.baseline.value),
            ]);
            let mut before: Option<i32> = None;
            for target in &indicator.targets {
                // The projects finishing in this target's period: after the previous target.
                let new: Vec<&str> = indicator
                    .contributors
                    .iter()
                    .filter(|c| {
                        let year = chrono::Datelike::year(&c.finish);
                        year <= target.year && before.is_none_or(|b| year > b)
                    })
                    .map(|c| c.project)
                    .collect();
                let mut brought = contributions(indicator, &new, &t);
                if !target.reached {
                    let late = if target.would_close.is_empty() {
                        &target.late
                    } else {
                        &target.would_close
                    };
                    let verb = if target.would_close.is_empty() {
                        look.tr("late")
                    } else {
                        look.tr("would close it")
                    };
                    if !late.is_empty() {
                        if !brought.is_empty() {
                            brought.push_str(", ");
                        }
                        brought
                            .push_str(&format!("{verb}: {}", contributions(indicator, late, &t)));
                    }
                }
                let status = GridCell::new(gap(target, &t)).fg(if target.reached {
                    comfy_table::Color::Green
                } else {
                    comfy_table::Color::Red
                });
                table.row([
                    GridCell::new(target.year.to_string()),
                    GridCell::new(t.number(target.value)),
                    GridCell::new(t.number(target.planned)),
                    status,
                    GridCell::new(brought),
                ]);
                before = Some(target.year);
            }
            writeln!(out, "{}", table.render(look))?;
        }
        let missed = self
            .indicators
            .iter()
            .flat_map(|i| &i.targets)
            .filter(|t| !t.reached)
            .count();
        let targets: usize = self.indicators.iter().map(|i| i.targets.len()).sum();
        let note = t.text(&crate::i18n::text!(
            "indicators-note",
            reached = targets - missed,
            targets = targets,
        ));
        writeln!(out, "{}", grid::paragraph(&note, look.width))
    }

    /// One row per target (and one per indicator without targets).
    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = ::csv::Writer::from_writer(out);
        writer.write_record([
            "indicator",
            "objective",
            "unit",
            "baseline_year",
            "baseline",
            "year",
            "target",
            "planned",
            "reached",
            "shortfall",
            "gap",
            "late",
            "would_close",
        ])?;
        for indicator in &self.indicators {
            let fixed = [
                neutralise(indicator.id).into_owned(),
                neutralise(indicator.objective).into_owned(),
                neutralise(indicator.unit.unwrap_or("")).into_owned(),
                indicator.baseline.year.to_string(),
                indicator.baseline.value.to_string(),
            ];
            if indicator.targets.is_empty() {
                let mut record = fixed.to_vec();
                record.extend(std::iter::repeat_n(String::new(), 8));
                writer.write_record(&record)?;
            }
            for target in &indicator.targets {
                let mut record = fixed.to_vec();
                let ids = |list: &[&str]| {
                    list.iter()
                        .map(|id| neutralise(id).into_owned())
                        .collect::<Vec<_>>()
                        .join(";")
                };
                record.extend([
                    target.year.to_string(),
                    target.value.to_string(),
                    target.planned.to_string(),
                    target.reached.to_string(),
                    target.shortfall.max(0.0).to_string(),
                    target.gap.to_string(),
                    ids(&target.late),
                    ids(&target.would_close),
                ]);
                writer.write_record(&record)?;
            }
        }
        writer.flush()
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        write_json(out, self)
    }
}
