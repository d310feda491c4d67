//! Funding opportunities: for every project whose cost is not fully covered, the sources that
//! could still cover its gap, best match first, with the amount each could add (see
//! [`crate::funding::opportunities`] for the rules). Shown by `roadmap funding
//! --opportunities`, in the HTML report and in the plan's JSON.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::funding::{Need, opportunities};
use crate::i18n::Messages;
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::report::csv::neutralise;
use crate::report::grid::{self, Grid};
use crate::report::{Look, Report, write_json};

#[derive(Serialize)]
pub struct OpportunitiesReport<'a> {
    version: u32,
    report: &'static str,
    pub currency: &'a str,
    pub projects: Vec<GapRow<'a>>,
}

/// An under-funded project and the sources that could close its gap.
#[derive(Serialize)]
pub struct GapRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub start: NaiveDate,
    pub finish: NaiveDate,
    pub cost: f64,
    /// The amount needed: the uncovered cost, or the money at risk.
    pub gap: f64,
    /// Why: `uncovered` (cost not covered), `outside_window` or `over_yearly_cap` (money at
    /// risk from `at_risk_from`, in `year` for a cap).
    pub need: &'static str,
    pub at_risk_from: Option<&'a str>,
    pub year: Option<i32>,
    /// Best match first.
    pub opportunities: Vec<OpportunityRow<'a>>,
}

impl GapRow<'_> {
    /// "uncovered cost", "at risk outside `erdf`'s window", "at risk above `erdf`'s 2024 cap".
    pub fn why(&self, t: &Messages) -> String {
        let source = self.at_risk_from.unwrap_or_default().to_string();
        match (self.need, self.year) {
            ("outside_window", _) => t.with("need-outside-window", &[("source", source)]),
            ("over_yearly_cap", Some(year)) => t.with(
                "need-over-cap",
                &[("source", source), ("year", year.to_string())],
            ),
            _ => t.tr("uncovered cost"),
        }
    }
}

#[derive(Serialize)]
pub struct OpportunityRow<'a> {
    pub source: &'a str,
    pub name: &'a str,
    /// What it could add.
    pub amount: f64,
    pub covers_gap: bool,
    /// The project's planned dates lie inside the source's window (else it only overlaps).
    pub inside_window: bool,
    /// What limits the amount: gap, uncommitted, max_share, max_project or per_year.
    pub limited_by: crate::funding::LimitedBy,
}

impl<'a> OpportunitiesReport<'a> {
    pub fn new(roadmap: &'a Roadmap, plan: &Plan) -> Self {
        let projects = opportunities(roadmap, plan)
            .into_iter()
            .map(|gap| {
                let project = &roadmap.projects[gap.project];
                GapRow {
                    id: &project.id,
                    name: &project.name,
                    start: plan.projects[gap.project].start,
                    finish: plan.projects[gap.project].finish,
                    cost: gap.cost,
                    gap: (gap.gap * 100.0).round() / 100.0,
                    need: match gap.need {
                        Need::Uncovered => "uncovered",
                        Need::OutsideWindow { .. } => "outside_window",
                        Need::OverYearlyCap { .. } => "over_yearly_cap",
                    },
                    at_risk_from: gap
                        .need
                        .at_risk_from()
                        .map(|s| roadmap.funding[s].id.as_str()),
                    year: match gap.need {
                        Need::OverYearlyCap { year, .. } => Some(year),
                        _ => None,
                    },
                    opportunities: gap
                        .options
                        .iter()
                        .map(|o| OpportunityRow {
                            source: &roadmap.funding[o.source].id,
                            name: &roadmap.funding[o.source].name,
                            amount: o.amount,
                            covers_gap: o.covers_gap,
                            inside_window: o.inside_window,
                            limited_by: o.limited_by,
                        })
                        .collect(),
                }
            })
            .collect();
        OpportunitiesReport {
            version: 1,
            report: "opportunities",
            currency: &roadmap.currency,
            projects,
        }
    }

    /// `covers the gap`, `up to max_share`, with `partly outside window` when it only overlaps.
    pub fn note(o: &OpportunityRow, t: &Messages) -> String {
        let mut note = if o.covers_gap {
            t.tr("covers the gap")
        } else {
            // `gap` and `uncommitted` are words; the other limits are the file's keys.
            t.with("limited-by", &[("limit", t.tr(&o.limited_by.to_string()))])
        };
        if !o.inside_window {
            note.push_str(&t.tr("; window only overlaps the project"));
        }
        note
    }
}

impl Report for OpportunitiesReport<'_> {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        let t = look.messages();
        let title = t.with(
            "opportunities-title",
            &[("currency", self.currency.to_string())],
        );
        writeln!(out, "{}", look.bold(&grid::paragraph(&title, look.width)))?;
        if self.projects.is_empty() {
            let note = &look.tr("Every project's cost is covered, and no money is at risk outside a window or above a yearly cap.");
            return writeln!(out, "{}", grid::paragraph(note, look.width));
        }
        let mut table = Grid::new(vec![
            grid::Column::id(look.tr("project")),
            grid::Column::number(look.tr("needs")),
            grid::Column::text(look.tr("why")),
            grid::Column::id(look.tr("source")),
            grid::Column::number(look.tr("could add")),
            grid::Column::text(look.tr("note")),
        ]);
        for project in &self.projects {
            let id = project.id.to_string();
            let gap = t.amount(project.gap);
            let why = project.why(&t);
            if project.opportunities.is_empty() {
                table.row([
                    id,
                    gap,
                    why,
                    "-".into(),
                    String::new(),
                    t.tr("no source can add to it"),
                ]);
                continue;
            }
            for (k, o) in project.opportunities.iter().enumerate() {
                let (id, gap, why) = if k == 0 {
                    (id.clone(), gap.clone(), why.clone())
                } else {
                    (String::new(), String::new(), String::new())
                };
                table.row([
                    id,
                    gap,
                    why,
                    o.source.to_string(),
                    t.amount(o.amount),
                    Self::note(o, &t),
                ]);
            }
        }
        writeln!(out, "{}", table.render(look))?;
        let note = &look.tr("Sources whose window overlaps the plan's dates (holds them, for money at risk), with uncommitted money, within their share, per-project and yearly caps and eligible objectives; best match first.");
        writeln!(out, "{}", grid::paragraph(note, look.width))
    }

    /// One row per (project, source): `project,name,start,finish,cost,gap,rank,source,amount,
    /// covers_gap,inside_window,limited_by`; a project with no source has one row with an
    /// empty source.
    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = ::csv::Writer::from_writer(out);
        writer.write_record([
            "project",
            "name",
            "start",
            "finish",
            "cost",
            "gap",
            "rank",
            "source",
            "amount",
            "covers_gap",
            "inside_window",
            "limited_by",
            "need",
            "at_risk_from",
            "year",
        ])?;
        for p in &self.projects {
            let head = [
                neutralise(p.id).into_owned(),
                neutralise(p.name).into_owned(),
                p.start.to_string(),
                p.finish.to_string(),
                p.cost.to_string(),
                p.gap.to_string(),
            ];
            let tail = [
                p.need.to_string(),
                p.at_risk_from
                    .map_or_else(String::new, |s| neutralise(s).into_owned()),
                p.year.map_or_else(String::new, |y| y.to_string()),
            ];
            if p.opportunities.is_empty() {
                let mut record = head.to_vec();
                record.extend(vec![String::new(); 6]);
                record.extend(tail.clone());
                writer.write_record(&record)?;
            }
            for (k, o) in p.opportunities.iter().enumerate() {
                let mut record = head.to_vec();
                record.extend([
                    (k + 1).to_string(),
                    neutralise(o.source).into_owned(),
                    o.amount.to_string(),
                    o.covers_gap.to_string(),
                    o.inside_window.to_string(),
                    o.limited_by.to_string(),
                ]);
                record.extend(tail.clone());
                writer.write_record(&record)?;
            }
        }
        writer.flush()
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        write_json(out, self)
    }
}
