//! `roadmap funding`: every source's amount, commitments, window and spend per year in the
//! plan; every project's cost, cover and gap. Over-committed sources and under-funded projects
//! are marked.

use std::io::{self, Write};

use chrono::NaiveDate;
use comfy_table::Color;
use serde::Serialize;

use crate::funding::{YearAmount, YearlySpend};
use crate::i18n::Messages;
use crate::model::Roadmap;
use crate::money;
use crate::plan::{HeldBack, Plan};
use crate::report::actors::warning_style;
use crate::report::csv::neutralise;
use crate::report::grid::{self, Grid, GridCell};
use crate::report::{Look, Report, write_json};

#[derive(Serialize)]
pub struct FundingReport<'a> {
    version: u32,
    report: &'static str,
    pub currency: &'a str,
    pub sources: Vec<SourceRow<'a>>,
    /// Projects with a cost or funding, in start order.
    pub projects: Vec<ProjectRow<'a>>,
    pub totals: Totals,
    /// Projects whose start waits for a source's yearly cap, in start order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub held_by_caps: Vec<CapHold<'a>>,
}

/// A project the planner started later so that a capped source stays within its cap.
#[derive(Serialize)]
pub struct CapHold<'a> {
    pub project: &'a str,
    pub start: NaiveDate,
    pub source: &'a str,
    /// The year that had no more room for it a day earlier.
    pub year: i32,
}

#[derive(Serialize)]
pub struct SourceRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub amount: f64,
    pub committed: f64,
    /// Negative when over-committed.
    pub remaining: f64,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub over_committed: bool,
    pub spend: Vec<YearAmount>,
    /// Co-financing rules and yearly cap, when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_share: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_project: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_project: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_year: Option<f64>,
    /// Years in which it pays out more than `per_year`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub over_cap_years: Vec<i32>,
}

#[derive(Serialize)]
pub struct ProjectRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub start: NaiveDate,
    pub finish: NaiveDate,
    pub cost: Option<f64>,
    pub covered: f64,
    /// Cost not covered by any source (0 when covered).
    pub gap: f64,
    pub under_funded: bool,
}

#[derive(Serialize)]
pub struct Totals {
    pub amount: f64,
    pub committed: f64,
    pub remaining: f64,
    pub cost: f64,
    pub covered: f64,
    pub gap: f64,
    pub spend: Vec<YearAmount>,
}

impl<'a> FundingReport<'a> {
    pub fn new(roadmap: &'a Roadmap, plan: &Plan) -> Self {
        let spend = YearlySpend::of(roadmap, plan);
        let committed = roadmap.committed();
        let sources: Vec<SourceRow<'a>> = roadmap
            .funding
            .iter()
            .enumerate()
            .map(|(s, source)| SourceRow {
                id: &source.id,
                name: &source.name,
                amount: source.amount,
                committed: committed[s],
                remaining: source.amount - committed[s],
                from: source.from,
                until: source.until,
                over_committed: money::over(committed[s], source.amount),
                spend: spend.per_year(s),
                max_share: source.max_share.as_ref().map(|l| l.value),
                min_project: source.min_project.as_ref().map(|l| l.value),
                max_project: source.max_project.as_ref().map(|l| l.value),
                per_year: source.per_year.as_ref().map(|l| l.value),
                over_cap_years: spend.over_cap_years(roadmap, s),
            })
            .collect();
        let projects: Vec<ProjectRow<'a>> = plan
            .start_order
            .iter()
            .copied()
            .filter(|&p| {
                roadmap.projects[p].cost.is_some() || !roadmap.projects[p].funding.is_empty()
            })
            .map(|p| {
                let coverage = money::coverage(roadmap, p);
                ProjectRow {
                    id: &roadmap.projects[p].id,
                    name: &roadmap.projects[p].name,
                    start: plan.projects[p].start,
                    finish: plan.projects[p].finish,
                    cost: roadmap.projects[p].cost,
                    covered: coverage.covered,
                    gap: coverage.gap,
                    under_funded: coverage.gap > 0.0,
                }
            })
            .collect();
        let amount: f64 = sources.iter().map(|s| s.amount).sum();
        let committed: f64 = sources.iter().map(|s| s.committed).sum();
        let totals = Totals {
            amount,
            committed,
            remaining: amount - committed,
            cost: projects.iter().filter_map(|p| p.cost).sum(),
            covered: projects.iter().map(|p| p.covered).sum(),
            gap: projects.iter().map(|p| p.gap).sum(),
            spend: spend.per_year_total(),
        };
        let held_by_caps = plan
            .start_order
            .iter()
            .filter_map(|&p| match plan.projects[p].held_back {
                HeldBack::YearlyCap { source, year } => Some(CapHold {
                    project: &roadmap.projects[p].id,
                    start: plan.projects[p].start,
                    source: &roadmap.funding[source].id,
                    year,
                }),
                _ => None,
            })
            .collect();
        FundingReport {
            version: 1,
            report: "funding",
            currency: &roadmap.currency,
            sources,
            projects,
            totals,
            held_by_caps,
        }
    }

    fn marker(look: &Look) -> &'static str {
        if look.ascii { "!" } else { "⚠" }
    }

    fn flagged(text: String, flag: bool, look: &Look) -> GridCell {
        if !flag {
            return GridCell::new(text);
        }
        GridCell::new(format!("{} {text}", Self::marker(look))).fg(Color::Red)
    }

    /// Sources: amount, committed, remaining and window.
    pub fn write_sources(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        // The window goes first when the table does not fit, then the committed amount.
        let mut table = Grid::new(vec![
            grid::Column::id(look.tr("source")),
            grid::Column::number(look.tr("amount")),
            grid::Column::number(look.tr("committed")).optional(1),
            grid::Column::number(look.tr("remaining")),
            grid::Column::ids(look.tr("window")).optional(0),
        ]);
        for source in &self.sources {
            table.row([
                GridCell::new(source.id),
                GridCell::new(look.amount(source.amount)),
                GridCell::new(look.amount(source.committed)),
                Self::flagged(look.amount(source.remaining), source.over_committed, look),
                GridCell::new(window(source.from, source.until, &look.messages())),
            ]);
        }
        let t = &self.totals;
        table.row([
            GridCell::new(look.tr("total")).bold(),
            GridCell::new(look.amount(t.amount)),
            GridCell::new(look.amount(t.committed)),
            GridCell::new(look.amount(t.remaining)),
        ]);
        writeln!(out, "{}", table.render(look))
    }

    /// Spend per source and calendar year, in thousands.
    pub fn write_spend(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        // Years that do not fit go to a second table, each repeating the source.
        let mut columns = vec![grid::Column::id(look.tr("source"))];
        columns.extend(
            self.totals
                .spend
                .iter()
                .map(|y| grid::Column::number(y.year.to_string())),
        );
        let mut table = Grid::new(columns).paged();
        let thousands = |spend: &[YearAmount]| -> Vec<GridCell> {
            spend
                .iter()
                .map(|y| GridCell::new(format!("{}k", look.amount(y.amount / 1000.0))))
                .collect()
        };
        for source in &self.sources {
            let mut row = vec![GridCell::new(source.id)];
            row.extend(thousands(&source.spend));
            table.row(row);
        }
        let mut row = vec![GridCell::new(look.tr("total")).bold()];
        row.extend(thousands(&self.totals.spend));
        table.row(row);
        writeln!(out, "{}", table.render(look))
    }

    /// Capped sources: spend per year against the cap, and the projects the caps held back.
    pub fn write_caps(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        let capped: Vec<&SourceRow> = self
            .sources
            .iter()
            .filter(|s| s.per_year.is_some())
            .collect();
        if capped.is_empty() {
            return Ok(());
        }
        writeln!(
            out,
            "\n{}",
            look.bold(&grid::paragraph(
                &look.messages().with(
                    "funding-caps-title",
                    &[("currency", self.currency.to_string())]
                ),
                look.width
            ))
        )?;
        let mut columns = vec![
            grid::Column::id(look.tr("source")),
            grid::Column::number(look.tr("cap/year")),
        ];
        columns.extend(
            self.totals
                .spend
                .iter()
                .map(|y| grid::Column::number(y.year.to_string())),
        );
        let mut table = Grid::new(columns).paged();
        for source in &capped {
            let cap = source.per_year.unwrap_or(0.0);
            let mut row = vec![
                GridCell::new(source.id),
                GridCell::new(format!("{}k", look.amount(cap / 1000.0))),
            ];
            row.extend(source.spend.iter().map(|y| {
                let used = if cap > 0.0 {
                    format!("{:.0}%", y.amount / cap * 100.0)
                } else {
                    "-".to_string()
                };
                Self::flagged(used, source.over_cap_years.contains(&y.year), look)
            }));
            table.row(row);
        }
        writeln!(out, "{}", table.render(look))?;
        let warn = |text: String| look.paint(warning_style(), &grid::paragraph(&text, look.width));
        for source in &capped {
            for year in &source.over_cap_years {
                let text = look.messages().with(
                    "funding-over-cap",
                    &[
                        ("marker", Self::marker(look).to_string()),
                        ("source", source.id.to_string()),
                        ("cap", look.amount(source.per_year.unwrap_or(0.0))),
                        ("currency", self.currency.to_string()),
                        ("year", year.to_string()),
                    ],
                );
                writeln!(out, "{}", warn(text))?;
            }
        }
        if !self.held_by_caps.is_empty() {
            writeln!(
                out,
                "{}",
                grid::paragraph(
                    &look.tr("Started later to stay within a yearly cap:"),
                    look.width
                )
            )?;
            for hold in &self.held_by_caps {
                let line = look.messages().with(
                    "funding-held-by-cap",
                    &[
                        ("project", hold.project.to_string()),
                        ("start", look.date(hold.start)),
                        ("source", hold.source.to_string()),
                        ("year", hold.year.to_string()),
                    ],
                );
                let lines = grid::wrap_at_spaces(&line, usize::from(look.width).saturating_sub(2));
                for line in lines {
                    writeln!(out, "  {line}")?;
                }
            }
        }
        Ok(())
    }

    /// Projects: cost, covered, gap.
    pub fn write_projects(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        // The covered amount (cost less gap) goes first when the table does not fit, then
        // the dates.
        let mut table = Grid::new(vec![
            grid::Column::id(look.tr("project")),
            grid::Column::number(look.tr("cost")),
            grid::Column::number(look.tr("covered")).optional(0),
            grid::Column::number(look.tr("gap")),
            grid::Column::ids(look.tr("runs")).optional(1),
        ]);
        for project in &self.projects {
            table.row([
                GridCell::new(project.id),
                GridCell::new(project.cost.map_or(String::new(), |c| look.amount(c))),
                GridCell::new(look.amount(project.covered)),
                Self::flagged(look.amount(project.gap), project.under_funded, look),
                GridCell::new(format!(
                    "{} {} {}",
                    look.date(project.start),
                    look.arrow(),
                    look.date(project.finish)
                )),
            ]);
        }
        let t = &self.totals;
        table.row([
            GridCell::new(look.tr("total")).bold(),
            GridCell::new(look.amount(t.cost)),
            GridCell::new(look.amount(t.covered)),
            GridCell::new(look.amount(t.gap)),
        ]);
        writeln!(out, "{}", table.render(look))
    }
}

/// `2021-01-01 .. 2027-12-31`, open ends shown as `..`.
pub fn window(from: Option<NaiveDate>, until: Option<NaiveDate>, t: &Messages) -> String {
    match (from, until) {
        (None, None) => t.get("any-time"),
        (from, until) => format!(
            "{} .. {}",
            from.map_or(String::new(), |d| t.date(d)),
            until.map_or(String::new(), |d| t.date(d))
        )
        .trim()
        .to_string(),
    }
}

impl Report for FundingReport<'_> {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        let warn = |text: String| look.paint(warning_style(), &grid::paragraph(&text, look.width));
        writeln!(
            out,
            "{}",
            look.bold(&look.messages().with(
                "funding-sources-title",
                &[("currency", self.currency.to_string())]
            ))
        )?;
        self.write_sources(out, look)?;
        for source in self.sources.iter().filter(|s| s.over_committed) {
            let text = look.messages().with(
                "funding-over-committed",
                &[
                    ("marker", Self::marker(look).to_string()),
                    ("source", source.id.to_string()),
                    ("amount", look.amount(-source.remaining)),
                    ("currency", self.currency.to_string()),
                ],
            );
            writeln!(out, "{}", warn(text))?;
        }
        writeln!(
            out,
            "\n{}",
            look.bold(&grid::paragraph(
                &look.messages().with(
                    "funding-spend-title",
                    &[("currency", self.currency.to_string())]
                ),
                look.width
            ))
        )?;
        self.write_spend(out, look)?;
        self.write_caps(out, look)?;
        writeln!(
            out,
            "\n{}",
            look.bold(&look.messages().with(
                "funding-projects-title",
                &[("currency", self.currency.to_string())]
            ))
        )?;
        self.write_projects(out, look)?;
        let short = self.projects.iter().filter(|p| p.under_funded).count();
        if short > 0 {
            let text = look.messages().text(&crate::i18n::text!(
                "funding-under-funded",
                marker = Self::marker(look),
                count = short,
                amount = crate::i18n::Arg::Amount(self.totals.gap),
                currency = self.currency,
            ));
            writeln!(out, "{}", warn(text))?;
        }
        Ok(())
    }

    /// One CSV: `kind` is `source`, `project` or `total`; `spend_YYYY` columns hold each
    /// source's (and the total's) spend per calendar year.
    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = ::csv::Writer::from_writer(out);
        let mut titles: Vec<String> = [
            "kind",
            "id",
            "name",
            "amount",
            "committed",
            "remaining",
            "from",
            "until",
            "cost",
            "covered",
            "gap",
            "flag",
        ]
        .map(String::from)
        .to_vec();
        titles.extend(
            self.totals
                .spend
                .iter()
                .map(|y| format!("spend_{}", y.year)),
        );
        writer.write_record(&titles)?;
        let date = |d: Option<NaiveDate>| d.map_or(String::new(), |d| d.to_string());
        let spend = |s: &[YearAmount]| s.iter().map(|y| y.amount.to_string()).collect::<Vec<_>>();
        let blank = || vec![String::new(); self.totals.spend.len()];
        for s in &self.sources {
            let mut record = vec![
                "source".to_string(),
                neutralise(s.id).into_owned(),
                neutralise(s.name).into_owned(),
                s.amount.to_string(),
                s.committed.to_string(),
                s.remaining.to_string(),
                date(s.from),
                date(s.until),
                String::new(),
                String::new(),
                String::new(),
                if s.over_committed {
                    "over-committed"
                } else {
                    ""
                }
                .to_string(),
            ];
            record.extend(spend(&s.spend));
            writer.write_record(&record)?;
        }
        for p in &self.projects {
            let mut record = vec![
                "project".to_string(),
                neutralise(p.id).into_owned(),
                neutralise(p.name).into_owned(),
                String::new(),
                String::new(),
                String::new(),
                p.start.to_string(),
                p.finish.to_string(),
                p.cost.map_or(String::new(), |c| c.to_string()),
                p.covered.to_string(),
                p.gap.to_string(),
                if p.under_funded { "under-funded" } else { "" }.to_string(),
            ];
            record.extend(blank());
            writer.write_record(&record)?;
        }
        let t = &self.totals;
        let mut record = vec![
            "total".to_string(),
            String::new(),
            String::new(),
            t.amount.to_string(),
            t.committed.to_string(),
            t.remaining.to_string(),
            String::new(),
            String::new(),
            t.cost.to_string(),
            t.covered.to_string(),
            t.gap.to_string(),
            String::new(),
        ];
        record.extend(spend(&t.spend));
        writer.write_record(&record)?;
        writer.flush()
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        write_json(out, self)
    }
}
