//! `roadmap risk`: the Monte Carlo results as a table with a histogram, CSV, JSON, and an SVG
//! histogram for the HTML report.

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::i18n::Messages;
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::report::csv::neutralise;
use crate::report::grid::{self, Grid};
use crate::report::svg::escape;
use crate::report::{Look, Report, write_json};
use crate::risk::{DueKind, Percentiles, Risk, histogram};

/// Probability below which a deadline or window is marked "at risk".
pub const AT_RISK: f64 = 0.5;

fn percent(p: f64, t: &Messages) -> String {
    format!("{}%", t.decimal(p * 100.0, 1))
}

fn due_label(roadmap: &Roadmap, kind: DueKind, t: &Messages) -> String {
    match kind {
        DueKind::Deadline => t.tr("deadline"),
        DueKind::Window(source) => t.with(
            "due-window",
            &[("source", roadmap.funding[source].id.clone())],
        ),
    }
}

/// `met` or `missed` by the plan itself.
fn met(met: bool, t: &Messages) -> String {
    t.tr(if met { "met" } else { "missed" })
}

/// A probability, with `at risk` below [`AT_RISK`].
fn chance(probability: f64, t: &Messages) -> String {
    let mut text = percent(probability, t);
    if probability < AT_RISK {
        text.push(' ');
        text.push_str(&t.tr("at risk"));
    }
    text
}

/// The table, the due dates and the histogram, for people.
pub fn table(
    out: &mut dyn Write,
    roadmap: &Roadmap,
    plan: &Plan,
    risk: &Risk,
    look: &Look,
) -> io::Result<()> {
    let s = &risk.settings;
    let t = look.messages();
    let settings = t.with(
        "risk-settings",
        &[
            ("runs", s.runs.to_string()),
            ("seed", s.seed.to_string()),
            ("distribution", distribution_name(risk, &t)),
            ("uncertain", risk.uncertain.to_string()),
            ("projects", roadmap.projects.len().to_string()),
        ],
    );
    writeln!(out, "{}", grid::paragraph(&settings, look.width))?;
    let finish = t.with(
        "risk-finish",
        &[
            ("planned", t.date(risk.planned_finish)),
            ("p50", t.date(risk.finish.p50)),
            ("p80", t.date(risk.finish.p80)),
            ("p95", t.date(risk.finish.p95)),
            ("chance", percent(risk.on_time, &t)),
        ],
    );
    writeln!(out, "{}\n", grid::paragraph(&finish, look.width))?;
    // The name goes first, then P80, when the table does not fit.
    let mut table = Grid::new(vec![
        grid::Column::id(look.tr("id")),
        grid::Column::text(look.tr("name")).optional(0),
        grid::Column::fixed(look.tr("planned")),
        grid::Column::fixed(look.tr("P50")),
        grid::Column::fixed(look.tr("P80")).optional(1),
        grid::Column::fixed(look.tr("P95")),
        grid::Column::number(look.tr("critical")),
    ]);
    for &i in &plan.start_order {
        let (project, r) = (&roadmap.projects[i], &risk.projects[i]);
        let marker = if project.estimate.is_some() { " ~" } else { "" };
        table.row([
            format!("{}{marker}", project.id),
            project.name.clone(),
            look.date(r.planned_finish),
            look.date(r.finish.p50),
            look.date(r.finish.p80),
            look.date(r.finish.p95),
            percent(r.criticality, &t),
        ]);
    }
    writeln!(out, "{}", table.render(look))?;
    let note = &look.tr("~ three-point estimate; critical: share of runs with zero total slack");
    writeln!(out, "{}\n", grid::paragraph(note, look.width))?;
    if !risk.due.is_empty() {
        let mut table = Grid::new(vec![
            grid::Column::id(look.tr("project")),
            grid::Column::text(look.tr("due")),
            grid::Column::fixed(look.tr("date")),
            grid::Column::fixed(look.tr("planned")),
            grid::Column::number(look.tr("probability")),
        ]);
        for due in &risk.due {
            table.row([
                roadmap.projects[due.project].id.clone(),
                due_label(roadmap, due.kind, &t),
                look.date(due.date),
                met(due.planned_met, &t),
                chance(due.probability, &t),
            ]);
        }
        writeln!(
            out,
            "{}",
            grid::paragraph(&look.tr("Deadlines and funding windows:"), look.width)
        )?;
        writeln!(out, "{}\n", table.render(look))?;
    }
    if !risk.targets.is_empty() {
        let mut table = Grid::new(vec![
            grid::Column::id(look.tr("indicator")),
            grid::Column::number(look.tr("year")),
            grid::Column::number(look.tr("target")),
            grid::Column::fixed(look.tr("planned")),
            grid::Column::number(look.tr("probability")),
        ]);
        for target in &risk.targets {
            let indicator = &roadmap.indicators[target.indicator];
            table.row([
                indicator.id.clone(),
                target.year.to_string(),
                indicator.with_unit(&t.number(target.target)),
                met(target.planned_met, &t),
                chance(target.probability, &t),
            ]);
        }
        writeln!(
            out,
            "{}",
            grid::paragraph(
                &look.tr("Indicator targets (reached by the end of their year):"),
                look.width
            )
        )?;
        writeln!(out, "{}\n", table.render(look))?;
    }
    let title = t.with("risk-histogram", &[("runs", s.runs.to_string())]);
    writeln!(out, "{title}")?;
    write_histogram(out, risk, look)
}

fn distribution_name(risk: &Risk, t: &Messages) -> String {
    match risk.settings.distribution {
        crate::risk::Distribution::Pert => "PERT".to_string(),
        crate::risk::Distribution::Triangular => t.tr("triangular"),
        crate::risk::Distribution::Uniform => t.tr("uniform"),
    }
}

/// A text histogram: one row per bin, the bar scaled to the widest bin.
pub fn write_histogram(out: &mut dyn Write, risk: &Risk, look: &Look) -> io::Result<()> {
    let bins = histogram(risk, 20);
    let max = bins.iter().map(|b| b.2).max().unwrap_or(0).max(1);
    let label = |b: &(NaiveDate, NaiveDate, usize)| {
        if b.0 == b.1 {
            look.date(b.0)
        } else {
            let dots = if look.ascii { ".." } else { "…" };
            format!("{} {dots} {}", look.date(b.0), look.date(b.1))
        }
    };
    let label_width = bins
        .iter()
        .map(|b| label(b).chars().count())
        .max()
        .unwrap_or(0);
    let bar_width = usize::from(look.width)
        .saturating_sub(label_width + 12)
        .max(1);
    for b in &bins {
        let eighths = b.2 * bar_width * 8 / max;
        let bar = if look.ascii {
            "#".repeat(eighths / 8)
        } else {
            const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
            format!("{}{}", "█".repeat(eighths / 8), PARTS[eighths % 8])
        };
        let share = b.2 as f64 / risk.settings.runs as f64;
        writeln!(
            out,
            "{:<label_width$} {} {bar} {}",
            label(b),
            if look.ascii { "|" } else { "│" },
            percent(share, &look.messages())
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct CsvRow<'a> {
    id: String,
    name: String,
    estimate: bool,
    planned_finish: NaiveDate,
    p50: NaiveDate,
    p80: NaiveDate,
    p95: NaiveDate,
    mean_finish: NaiveDate,
    mean_days: String,
    criticality: String,
    deadline: Option<NaiveDate>,
    deadline_probability: Option<String>,
    #[serde(skip)]
    _roadmap: std::marker::PhantomData<&'a ()>,
}

/// One row per project, in start order.
pub fn csv(out: &mut dyn Write, roadmap: &Roadmap, plan: &Plan, risk: &Risk) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    for &i in &plan.start_order {
        let (project, r) = (&roadmap.projects[i], &risk.projects[i]);
        let deadline = risk
            .due
            .iter()
            .find(|d| d.project == i && d.kind == DueKind::Deadline);
        writer
            .serialize(CsvRow {
                id: neutralise(&project.id).into_owned(),
                name: neutralise(&project.name).into_owned(),
                estimate: project.estimate.is_some(),
                planned_finish: r.planned_finish,
                p50: r.finish.p50,
                p80: r.finish.p80,
                p95: r.finish.p95,
                mean_finish: r.finish.mean,
                mean_days: format!("{:.1}", r.mean_days),
                criticality: format!("{:.4}", r.criticality),
                deadline: deadline.map(|d| d.date),
                deadline_probability: deadline.map(|d| format!("{:.4}", d.probability)),
                _roadmap: std::marker::PhantomData,
            })
            .map_err(io::Error::other)?;
    }
    writer.flush()
}

#[derive(Serialize)]
struct Json<'a> {
    version: u32,
    report: &'static str,
    runs: usize,
    seed: u64,
    distribution: crate::risk::Distribution,
    roadmap: JsonRoadmap,
    projects: Vec<JsonProject<'a>>,
    due: Vec<JsonDue<'a>>,
    histogram: Vec<JsonBin>,
    /// Indicator targets: the chance of reaching each by the end of its year.
    targets: Vec<JsonTarget<'a>>,
}

#[derive(Serialize)]
struct JsonTarget<'a> {
    indicator: &'a str,
    year: i32,
    target: f64,
    planned_met: bool,
    probability: f64,
}

#[derive(Serialize)]
struct JsonRoadmap {
    start: NaiveDate,
    planned_finish: NaiveDate,
    finish: Percentiles,
    on_time_probability: f64,
}

#[derive(Serialize)]
struct JsonProject<'a> {
    id: &'a str,
    name: &'a str,
    estimate: bool,
    planned_finish: NaiveDate,
    finish: Percentiles,
    mean_days: f64,
    criticality: f64,
}

#[derive(Serialize)]
struct JsonDue<'a> {
    project: &'a str,
    kind: &'static str,
    funding: Option<&'a str>,
    date: NaiveDate,
    planned_met: bool,
    probability: f64,
}

#[derive(Serialize)]
struct JsonBin {
    from: NaiveDate,
    to: NaiveDate,
    runs: usize,
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The whole result, format version 1.
pub fn json(out: &mut dyn Write, roadmap: &Roadmap, plan: &Plan, risk: &Risk) -> io::Result<()> {
    let value = Json {
        version: 1,
        report: "risk",
        runs: risk.settings.runs,
        seed: risk.settings.seed,
        distribution: risk.settings.distribution,
        roadmap: JsonRoadmap {
            start: plan.start(),
            planned_finish: risk.planned_finish,
            finish: risk.finish,
            on_time_probability: round4(risk.on_time),
        },
        projects: roadmap
            .projects
            .iter()
            .zip(&risk.projects)
            .map(|(p, r)| JsonProject {
                id: &p.id,
                name: &p.name,
                estimate: p.estimate.is_some(),
                planned_finish: r.planned_finish,
                finish: r.finish,
                mean_days: (r.mean_days * 10.0).round() / 10.0,
                criticality: round4(r.criticality),
            })
            .collect(),
        due: risk
            .due
            .iter()
            .map(|d| JsonDue {
                project: &roadmap.projects[d.project].id,
                kind: match d.kind {
                    DueKind::Deadline => "deadline",
                    DueKind::Window(_) => "funding-window",
                },
                funding: match d.kind {
                    DueKind::Deadline => None,
                    DueKind::Window(s) => Some(&roadmap.funding[s].id),
                },
                date: d.date,
                planned_met: d.planned_met,
                probability: round4(d.probability),
            })
            .collect(),
        histogram: histogram(risk, 20)
            .into_iter()
            .map(|(from, to, runs)| JsonBin { from, to, runs })
            .collect(),
        targets: risk
            .targets
            .iter()
            .map(|t| JsonTarget {
                indicator: &roadmap.indicators[t.indicator].id,
                year: t.year,
                target: t.target,
                planned_met: t.planned_met,
                probability: round4(t.probability),
            })
            .collect(),
    };
    write_json(out, &value)
}

/// The HTML report's risk section: key numbers, an SVG histogram and the due dates at risk.
pub fn html_section(
    roadmap: &Roadmap,
    risk: &Risk,
    t: &Messages,
) -> Result<String, std::fmt::Error> {
    let mut html = String::new();
    writeln!(
        html,
        "<section id=\"risk\" class=\"chart\">\n<h2>{}</h2>",
        escape(&t.get("h-risk"))
    )?;
    let summary = t.with(
        "risk-summary",
        &[
            ("runs", risk.settings.runs.to_string()),
            ("seed", risk.settings.seed.to_string()),
            ("distribution", distribution_name(risk, t)),
            ("uncertain", risk.uncertain.to_string()),
            ("planned", t.date(risk.planned_finish)),
            ("p50", t.date(risk.finish.p50)),
            ("p80", t.date(risk.finish.p80)),
            ("p95", t.date(risk.finish.p95)),
            ("chance", percent(risk.on_time, t)),
        ],
    );
    writeln!(html, "<p>{}</p>", escape(&summary))?;
    svg_histogram(&mut html, risk, t)?;
    let at_risk: Vec<_> = risk
        .due
        .iter()
        .filter(|d| d.probability < AT_RISK)
        .collect();
    if !at_risk.is_empty() {
        writeln!(
            html,
            "<table>\n<thead><tr><th>Project</th><th>Due</th><th>Date</th><th>Probability</th></tr></thead>\n<tbody>"
        )?;
        for d in at_risk {
            writeln!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                escape(&roadmap.projects[d.project].id),
                escape(&due_label(roadmap, d.kind, t)),
                t.date(d.date),
                percent(d.probability, t)
            )?;
        }
        writeln!(html, "</tbody>\n</table>")?;
    }
    if !risk.targets.is_empty() {
        writeln!(
            html,
            "<table>\n<thead><tr><th>Indicator</th><th>Year</th><th class=\"num\">Target</th><th class=\"num\">Probability</th></tr></thead>\n<tbody>"
        )?;
        for target in &risk.targets {
            let indicator = &roadmap.indicators[target.indicator];
            let flag = if target.probability < AT_RISK {
                " class=\"flagged\""
            } else {
                ""
            };
            writeln!(
                html,
                "<tr{flag}><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(&indicator.name),
                target.year,
                escape(&indicator.with_unit(&t.number(target.target))),
                percent(target.probability, t)
            )?;
        }
        writeln!(html, "</tbody>\n</table>")?;
    }
    writeln!(html, "</section>")?;
    Ok(html)
}

/// The finish histogram as an inline SVG bar chart, with P50/P80/P95 marked.
pub fn svg_histogram(out: &mut String, risk: &Risk, t: &Messages) -> std::fmt::Result {
    let bins = histogram(risk, 30);
    let (width, height, left, bottom, top) = (720.0, 240.0, 40.0, 40.0, 16.0);
    let max = bins.iter().map(|b| b.2).max().unwrap_or(0).max(1) as f64;
    let bar = (width - left - 10.0) / bins.len().max(1) as f64;
    writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        escape(&t.get("risk-histogram-label"))
    )?;
    let plot = height - bottom - top;
    for (i, (from, to, count)) in bins.iter().enumerate() {
        let h = *count as f64 / max * plot;
        let x = left + i as f64 * bar;
        writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"#4a78b5\"><title>{}</title></rect>",
            top + plot - h,
            (bar - 1.0).max(1.0),
            escape(&t.text(&crate::i18n::text!(
                "risk-bin",
                from = *from,
                to = *to,
                count = *count
            )))
        )?;
    }
    // Axis labels: first, middle and last bin.
    if let (Some(first), Some(last)) = (bins.first(), bins.last()) {
        let y = height - bottom + 16.0;
        writeln!(
            out,
            "<text x=\"{left}\" y=\"{y}\" font-size=\"11\">{}</text>",
            t.date(first.0)
        )?;
        writeln!(
            out,
            "<text x=\"{}\" y=\"{y}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
            width - 10.0,
            t.date(last.1)
        )?;
    }
    // Percentile markers.
    let first_day = bins.first().map(|b| b.0);
    let span_days = match (bins.first(), bins.last()) {
        (Some(f), Some(l)) => ((l.1 - f.0).num_days() + 1) as f64,
        _ => 1.0,
    };
    if let Some(first) = first_day {
        for (i, (label, date)) in [
            ("P50", risk.finish.p50),
            ("P80", risk.finish.p80),
            ("P95", risk.finish.p95),
        ]
        .into_iter()
        .enumerate()
        {
            let x =
                left + ((date - first).num_days() as f64 + 0.5) / span_days * (width - left - 10.0);
            writeln!(
                out,
                "<line x1=\"{x:.1}\" y1=\"{top}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#c0392b\">{label} {}</text>",
                top + plot,
                x + 3.0,
                top + 10.0 + 13.0 * i as f64,
                t.date(date)
            )?;
        }
    }
    writeln!(out, "</svg>")
}

/// The risk report as a [`Report`], for the shared table/CSV/JSON printing.
pub struct RiskReport<'a> {
    pub roadmap: &'a Roadmap,
    pub plan: &'a Plan,
    pub risk: &'a Risk,
}

impl Report for RiskReport<'_> {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        table(out, self.roadmap, self.plan, self.risk, look)
    }
    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        csv(out, self.roadmap, self.plan, self.risk)
    }
    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        json(out, self.roadmap, self.plan, self.risk)
    }
}
