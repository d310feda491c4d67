//! A self-contained HTML report (inline CSS and SVG, nothing fetched): summary, the Gantt
//! chart, roles, funding, resources and findings. Readable on screen and on paper.

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::NaiveDate;

use crate::diag::render::JsonFinding;
use crate::diag::{Diagnostic, SourceFile};
use crate::i18n::{Lang, Messages};
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::plan::progress::Standing;
use crate::report::actors::ActorsReport;
use crate::report::funding::{FundingReport, window};
use crate::report::opportunities::OpportunitiesReport;
use crate::report::resources::ResourcesReport;
use crate::report::strategy::about;
use crate::report::svg::{self, escape};
use crate::report::{html_projects, html_sources};
use crate::risk::Risk;

const TEMPLATE: &str = include_str!("report.html");

pub struct Input<'a> {
    pub source: &'a SourceFile,
    pub roadmap: &'a Roadmap,
    pub plan: &'a Plan,
    /// Validation and plan findings of the file.
    pub findings: &'a [Diagnostic],
    pub as_of: Option<NaiveDate>,
    /// The schedule risk, simulated by the command (`None`: no three-point durations).
    pub risk: Option<&'a Risk>,
    /// The language of its headings, labels, dates and amounts.
    pub lang: Lang,
}

pub fn write(out: &mut dyn Write, input: &Input) -> io::Result<()> {
    let page = page(input).map_err(io::Error::other)?;
    out.write_all(page.as_bytes())
}

fn page(input: &Input) -> Result<String, std::fmt::Error> {
    let (roadmap, plan) = (input.roadmap, input.plan);
    let mut gantt = String::new();
    svg::render(&mut gantt, roadmap, plan, input.as_of, true, input.lang)?;
    let funding_report = FundingReport::new(roadmap, plan);
    let t = Messages::new(input.lang);
    let subtitle = t.with(
        "plan-from",
        &[
            ("start", t.date(plan.start())),
            ("finish", t.date(plan.finish())),
        ],
    ) + &input
        .as_of
        .map_or(String::new(), |d| t.with("as-of", &[("date", t.date(d))]));
    let mut labels: Vec<(&str, String)> = [
        "h-summary",
        "h-projects",
        "h-timeline",
        "h-fiches",
        "h-funding",
        "h-sources",
        "h-roles",
        "h-actors",
        "h-resources",
        "h-findings",
        "timeline-note",
        "roles-note",
    ]
    .into_iter()
    .map(|id| (id, escape(&t.get(id))))
    .collect();
    labels.push(("lang", t.lang().code().to_string()));
    labels.push((
        "generated",
        escape(&t.with(
            "generated",
            &[
                ("version", env!("CARGO_PKG_VERSION").to_string()),
                ("file", input.source.name.clone()),
            ],
        )),
    ));
    let mut values = vec![
        ("title", escape(&roadmap.name)),
        ("subtitle", escape(&subtitle)),
        (
            "summary",
            summary(roadmap, plan, &t)? + &progress(roadmap, plan, input.as_of, &t)?,
        ),
        (
            "strategy",
            crate::report::strategy::html_section(roadmap, plan, &t)?,
        ),
        ("gantt", gantt),
        ("projects", html_projects::table(roadmap, plan, &t)?),
        (
            "fiches",
            html_projects::fiches(roadmap, plan, input.risk, &t)?,
        ),
        (
            "sources",
            html_sources::sources(roadmap, plan, &funding_report, &t)?,
        ),
        ("actors", html_sources::actors(roadmap, plan, &t)?),
        (
            "roles",
            roles(&ActorsReport::new(roadmap, plan), roadmap, &t)?
                + &about(
                    &t.tr("About the actors"),
                    roadmap
                        .actors
                        .iter()
                        .map(|a| (a.name.as_str(), a.description.as_deref())),
                )?,
        ),
        (
            "funding",
            funding(&funding_report, &t)?
                + &opportunities(&OpportunitiesReport::new(roadmap, plan), &t)?
                + &about(
                    &t.tr("About the sources"),
                    roadmap
                        .funding
                        .iter()
                        .map(|f| (f.name.as_str(), f.description.as_deref())),
                )?,
        ),
        (
            "resources",
            resources(&ResourcesReport::new(roadmap, plan), &t)?
                + &about(
                    &t.tr("About the resources"),
                    roadmap
                        .resources
                        .iter()
                        .map(|r| (r.name.as_str(), r.description.as_deref())),
                )?,
        ),
        (
            "risk",
            match input.risk {
                Some(risk) => crate::report::risk::html_section(roadmap, risk, &t)?,
                None => String::new(),
            },
        ),
        ("findings", findings(input, &t)?),
    ];
    values.extend(labels);
    Ok(header_cells_in(&fill(TEMPLATE, &values), &t))
}

/// The page with the English column titles of its tables (`<th>source</th>`, written so by the
/// section renderers, which the text renderers share) in the report's language, through the
/// label messages (`t-source`). Only whole titles that have a message change: names and ids
/// from the file in header cells carry a class (`<th class="actor">`) and are left alone.
fn header_cells_in(page: &str, t: &Messages) -> String {
    if t.lang() == crate::i18n::Lang::En {
        return page.to_string();
    }
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("<th") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let open_end = from.find('>').map_or(from.len(), |i| i + 1);
        let open = &from[..open_end];
        let plain = open == "<th>" || open == "<th class=\"num\">";
        let after = &from[open_end..];
        match after.find("</th>") {
            Some(close) if plain && !after[..close].contains('<') => {
                let title = &after[..close];
                let english = title.replace("&amp;", "&");
                let translated = t.tr(&english);
                out.push_str(open);
                if translated == english {
                    out.push_str(title);
                } else {
                    out.push_str(&escape(&translated));
                }
                rest = &after[close..];
            }
            _ => {
                out.push_str(open);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Replaces each `{{key}}` of the template in one pass, so text put in is never scanned again.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() * 4);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        match after.find("}}").and_then(|close| {
            let key = &after[..close];
            values
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (v, close))
        }) {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn summary(roadmap: &Roadmap, plan: &Plan, t: &Messages) -> Result<String, std::fmt::Error> {
    let mut html = String::from("<div class=\"summary\">\n");
    let days = (plan.finish() - plan.start()).num_days() + 1;
    let milestones = roadmap.projects.iter().filter(|p| p.is_milestone()).count();
    let critical = plan.projects.iter().filter(|p| p.critical).count();
    let waves = plan.projects.iter().map(|p| p.wave + 1).max().unwrap_or(0);
    let committed: f64 = roadmap.committed().iter().sum();
    let available: f64 = roadmap.funding.iter().map(|f| f.amount).sum();
    let with = |id: &str, args: &[(&str, String)]| t.with(id, args);
    let tiles = [
        (
            with(
                "tile-years",
                &[("years", t.decimal(days as f64 / 365.25, 1))],
            ),
            with(
                "tile-days",
                &[
                    ("days", days.to_string()),
                    ("start", t.date(plan.start())),
                    ("finish", t.date(plan.finish())),
                ],
            ),
        ),
        (
            (roadmap.projects.len() - milestones).to_string(),
            with(
                "tile-projects",
                &[
                    ("milestones", milestones.to_string()),
                    ("waves", waves.to_string()),
                ],
            ),
        ),
        (critical.to_string(), t.get("tile-critical")),
        match plan.bound() {
            Some(bound) if bound.days_longer == 0 => (
                t.get("tile-shortest"),
                with(
                    "tile-no-earlier",
                    &[("date", t.date(bound.earliest_finish))],
                ),
            ),
            Some(bound) => (
                with("tile-at-most", &[("days", bound.days_longer.to_string())]),
                t.text(&bound.sentence()),
            ),
            None => ("-".to_string(), t.get("tile-no-bound")),
        },
        (
            format!("{} {}", t.amount(roadmap.total_cost()), roadmap.currency),
            t.get("tile-total-cost"),
        ),
        (
            format!("{} {}", t.amount(committed), roadmap.currency),
            with("tile-committed", &[("available", t.amount(available))]),
        ),
    ];
    for (value, label) in tiles {
        writeln!(
            html,
            "<div><b>{}</b><span>{}</span></div>",
            escape(&value),
            escape(&label)
        )?;
    }
    html.push_str("</div>\n");
    // Every critical chain from the plan's start to its end (the first few, and how many).
    let chains = &plan.solution.critical_chains;
    let shown: Vec<String> = chains
        .iter()
        .take(CHAINS_SHOWN)
        .map(|chain| {
            chain
                .iter()
                .map(|&p| html_projects::named_link(&roadmap.projects[p]))
                .collect::<Vec<_>>()
                .join(" → ")
        })
        .collect();
    let count = plan.solution.critical_chain_count;
    let more = count.saturating_sub(shown.len() as u64);
    // One chain is "the" critical path; several are labelled by their count.
    let label = if count > 1 {
        t.with("critical-chains", &[("count", count.to_string())])
    } else {
        t.get("critical-path")
    };
    writeln!(
        html,
        "<p class=\"path\"><b>{}</b> {}{}</p>",
        escape(&label),
        if shown.is_empty() {
            escape(&t.get("none"))
        } else {
            shown.join("<br/>")
        },
        if more > 0 {
            escape(&t.with("more-chains", &[("more", more.to_string())]))
        } else {
            String::new()
        }
    )?;
    Ok(html)
}

/// Chains listed in the summary; the rest are counted.
const CHAINS_SHOWN: usize = 5;

/// Where the work stands, beside the re-planned dates: done (with its finish), in progress (with
/// its recorded progress and planned finish) and still to do. Left out when no work is recorded
/// and no `--as-of` day is given.
fn progress(
    roadmap: &Roadmap,
    plan: &Plan,
    as_of: Option<NaiveDate>,
    t: &Messages,
) -> Result<String, std::fmt::Error> {
    let standing = Standing::of(roadmap);
    if !standing.started() && as_of.is_none() {
        return Ok(String::new());
    }
    let mut html = String::new();
    let counts = [
        ("done", standing.done.len().to_string()),
        ("progress", standing.in_progress.len().to_string()),
        ("todo", standing.to_do.len().to_string()),
    ];
    let (title, sentence) = match as_of {
        Some(day) => {
            let mut args = counts.to_vec();
            args.push(("date", t.date(day)));
            (
                t.with("progress-as-of", &[("date", t.date(day))]),
                t.with("progress-counts-from", &args),
            )
        }
        None => (t.get("progress"), t.with("progress-counts", &counts)),
    };
    writeln!(
        html,
        "<h3>{}</h3>\n<p>{}</p>",
        escape(&title),
        escape(&sentence)
    )?;
    // Names first, ids second, as in every other table of the report.
    writeln!(
        html,
        "<table class=\"progress\">\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape(&t.tr("status")),
        escape(&t.tr("name")),
        escape(&t.tr("id")),
        escape(&t.tr("progress")),
        escape(&t.tr("start")),
        escape(&t.tr("finish")),
    )?;
    let rows = standing
        .done
        .iter()
        .map(|&p| (p, t.get("status-done"), "100 %".to_string()))
        .chain(standing.in_progress.iter().map(|&(p, done)| {
            let done = done.map_or(t.get("not-recorded"), |d| format!("{:.0} %", d * 100.0));
            (p, t.get("status-in-progress"), done)
        }))
        .chain(
            standing
                .to_do
                .iter()
                .map(|&p| (p, t.get("status-to-do"), "0 %".to_string())),
        );
    for (p, status, done) in rows {
        let (project, planned) = (&roadmap.projects[p], &plan.projects[p]);
        writeln!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"date\">{}</td><td class=\"date\">{}</td></tr>",
            escape(&status),
            escape(&project.name),
            escape(&project.id),
            escape(&done),
            t.date(planned.start),
            t.date(planned.finish)
        )?;
    }
    html.push_str("</table>\n");
    Ok(html)
}

fn roles(
    report: &ActorsReport,
    roadmap: &Roadmap,
    t: &Messages,
) -> Result<String, std::fmt::Error> {
    let actors: Vec<_> = report
        .actors
        .iter()
        .filter(|a| !a.leads.is_empty() || !a.participates.is_empty())
        .collect();
    let mut html = String::from("<table class=\"matrix\">\n<tr><th>project</th>");
    for actor in &actors {
        write!(
            html,
            "<th class=\"actor\" title=\"{}\">{}</th>",
            escape(actor.id),
            escape(actor.name)
        )?;
    }
    html.push_str("</tr>\n");
    for row in &report.matrix {
        let name = roadmap
            .projects
            .iter()
            .find(|p| p.id == row.project)
            .map_or(String::new(), |p| escape(&p.name));
        write!(
            html,
            "<tr><td>{name} <span class=\"id\">{}</span></td>",
            escape(row.project)
        )?;
        for actor in &actors {
            match row.roles.get(actor.id) {
                Some(role) => write!(html, "<td class=\"role {0}\">{0}</td>", role.letter())?,
                None => html.push_str("<td class=\"role\"></td>"),
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</table>\n<table>\n<tr><th>actor</th><th>kind</th><th class=\"num\">leads</th><th class=\"num\">joins</th><th>busiest quarter</th></tr>\n");
    for actor in &actors {
        let busiest = actor
            .busiest
            .as_ref()
            .map_or(String::new(), |b| escape(&b.label(t)));
        writeln!(
            html,
            "<tr><td>{} <span class=\"id\">{}</span></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(actor.name),
            escape(actor.id),
            escape(&actor.kind.label(t)),
            actor.leads.len(),
            actor.participates.len(),
            busiest
        )?;
    }
    html.push_str("</table>\n");
    if !report.without_role.is_empty() {
        let ids: Vec<String> = report.without_role.iter().map(|id| escape(id)).collect();
        writeln!(
            html,
            "<p class=\"flag\">⚠ {}</p>",
            t.with("no-role", &[("ids", ids.join(", "))])
        )?;
    }
    Ok(html)
}

fn funding(report: &FundingReport, t: &Messages) -> Result<String, std::fmt::Error> {
    let mut html = format!(
        "<p class=\"note\">{}</p>\n<div class=\"wide\"><table class=\"funding-sources\">\n<thead><tr><th>source</th><th class=\"num\">amount</th><th class=\"num\">committed</th><th class=\"num\">remaining</th><th>window</th>",
        escape(&t.with("funding-note", &[("currency", report.currency.to_string())]))
    );
    for year in &report.totals.spend {
        write!(html, "<th class=\"num\">{}</th>", year.year)?;
    }
    html.push_str("</tr></thead>\n");
    for s in &report.sources {
        let class = if s.over_committed {
            " class=\"flagged\""
        } else {
            ""
        };
        let flag = if s.over_committed {
            format!(
                "<span class=\"flag\">⚠ {}</span> ",
                escape(&t.tr("over-committed"))
            )
        } else {
            String::new()
        };
        write!(
            html,
            "<tr{class}><td>{} <span class=\"id\">{}</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{flag}{}</td><td>{}</td>",
            escape(s.name),
            escape(s.id),
            t.amount(s.amount),
            t.amount(s.committed),
            t.amount(s.remaining),
            window(s.from, s.until, t)
        )?;
        for year in &s.spend {
            match s.per_year {
                Some(cap) if s.over_cap_years.contains(&year.year) => write!(
                    html,
                    "<td class=\"num flagged\" title=\"{}\"><span class=\"flag\">⚠</span> {}<br/><span class=\"cap\">{}</span></td>",
                    escape(&t.with("cap-over", &[("cap", t.amount(cap))])),
                    t.amount(year.amount),
                    escape(&t.with("cap-of", &[("cap", t.amount(cap))]))
                )?,
                Some(cap) => write!(
                    html,
                    "<td class=\"num\" title=\"{}\">{}<br/><span class=\"cap\">{}</span></td>",
                    escape(&t.with("cap-yearly", &[("cap", t.amount(cap))])),
                    t.amount(year.amount),
                    escape(&t.with("cap-of", &[("cap", t.amount(cap))]))
                )?,
                None => write!(html, "<td class=\"num\">{}</td>", t.amount(year.amount))?,
            }
        }
        html.push_str("</tr>\n");
    }
    let totals = &report.totals;
    write!(
        html,
        "<tr class=\"total\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td>",
        escape(&t.tr("total")),
        t.amount(totals.amount),
        t.amount(totals.committed),
        t.amount(totals.remaining)
    )?;
    for year in &totals.spend {
        write!(html, "<td class=\"num\">{}</td>", t.amount(year.amount))?;
    }
    html.push_str("</tr>\n</table></div>\n<table>\n<tr><th>project</th><th class=\"num\">cost</th><th class=\"num\">covered</th><th class=\"num\">gap</th><th>runs</th></tr>\n");
    for p in &report.projects {
        let class = if p.under_funded {
            " class=\"flagged\""
        } else {
            ""
        };
        let flag = if p.under_funded {
            format!(
                "<span class=\"flag\">⚠ {}</span> ",
                escape(&t.tr("under-funded"))
            )
        } else {
            String::new()
        };
        writeln!(
            html,
            "<tr{class}><td><a href=\"#p-{1}\">{}</a> <span class=\"id\">{}</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{flag}{}</td><td>{} → {}</td></tr>",
            escape(p.name),
            escape(p.id),
            p.cost.map_or(String::new(), |c| t.amount(c)),
            t.amount(p.covered),
            t.amount(p.gap),
            t.date(p.start),
            t.date(p.finish)
        )?;
    }
    writeln!(
        html,
        "<tr class=\"total\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td></tr>\n</table>",
        escape(&t.tr("total")),
        t.amount(totals.cost),
        t.amount(totals.covered),
        t.amount(totals.gap)
    )?;
    Ok(html)
}

/// Funding opportunities of under-funded projects, after the funding tables; nothing when
/// every project is covered.
fn opportunities(report: &OpportunitiesReport, t: &Messages) -> Result<String, std::fmt::Error> {
    if report.projects.is_empty() {
        return Ok(String::new());
    }
    let mut html = format!(
        "<h3>{}</h3>\n<p class=\"note\">{}</p>\n",
        escape(&t.tr("Funding opportunities")),
        escape(&t.get("opportunities-note"))
    );
    html.push_str(
        "<table>\n<tr><th>project</th><th class=\"num\">needs</th><th>why</th><th>source</th><th class=\"num\">could add</th><th>note</th></tr>\n",
    );
    for p in &report.projects {
        if p.opportunities.is_empty() {
            writeln!(
                html,
                "<tr class=\"flagged\"><td>{} <span class=\"id\">{}</span></td><td class=\"num\">{}</td><td>{}</td><td>-</td><td></td><td>{}</td></tr>",
                escape(p.name),
                escape(p.id),
                t.amount(p.gap),
                escape(&p.why(t)),
                escape(&t.tr("no source can add to it"))
            )?;
        }
        for (k, o) in p.opportunities.iter().enumerate() {
            let (id, gap, why) = if k == 0 {
                (
                    format!(
                        "{} <span class=\"id\">{}</span>",
                        escape(p.name),
                        escape(p.id)
                    ),
                    t.amount(p.gap),
                    escape(&p.why(t)),
                )
            } else {
                (String::new(), String::new(), String::new())
            };
            writeln!(
                html,
                "<tr><td>{id}</td><td class=\"num\">{gap}</td><td>{why}</td><td>{} <span class=\"id\">{}</span></td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(o.name),
                escape(o.source),
                t.amount(o.amount),
                escape(&OpportunitiesReport::note(o, t))
            )?;
        }
    }
    html.push_str("</table>\n");
    Ok(html)
}

fn resources(report: &ResourcesReport, t: &Messages) -> Result<String, std::fmt::Error> {
    let first = report
        .resources
        .first()
        .and_then(|r| r.months.first())
        .map_or(String::new(), |m| t.year_month(&m.month));
    let mut html = format!(
        "<table>\n<tr><th>resource</th><th class=\"num\">capacity</th><th class=\"num\">peak</th><th class=\"num\">average</th><th>{}</th></tr>\n",
        escape(&t.with("use-per-month-chart", &[("first", first)]))
    );
    for r in &report.resources {
        let unit = r.unit.map_or(String::new(), |u| format!(" {}", escape(u)));
        // Steps follow the starting capacity, one a line.
        let capacity = r.changes.iter().fold(t.units(r.capacity), |text, s| {
            let step = t.with(
                "capacity-from",
                &[("capacity", t.units(s.capacity)), ("date", t.date(s.from))],
            );
            format!("{text}<br/>{}", escape(&step))
        });
        writeln!(
            html,
            "<tr><td>{} <span class=\"id\">{}</span></td><td class=\"num\">{capacity}{unit}</td><td class=\"num\">{}</td><td class=\"num\">{:.0}%</td><td>{}</td></tr>",
            escape(r.name),
            escape(r.id),
            t.units(r.peak),
            r.average_utilisation * 100.0,
            bars(r.months.iter().map(|m| {
                let label = match m.capacity {
                    Some(capacity) => t.with(
                        "month-capacity",
                        &[
                            ("month", t.year_month(&m.month)),
                            ("capacity", t.units(capacity)),
                        ],
                    ),
                    None => t.year_month(&m.month),
                };
                (label, m.utilisation)
            }))?
        )?;
    }
    html.push_str("</table>\n");
    Ok(html)
}

/// A small inline bar chart: one bar per month, full height at full capacity.
fn bars(months: impl ExactSizeIterator<Item = (String, f64)>) -> Result<String, std::fmt::Error> {
    const HEIGHT: f64 = 24.0;
    let step = if months.len() > 80 { 4.0 } else { 6.0 };
    let width = step * months.len() as f64;
    let mut svg = format!(
        "<svg class=\"spark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{HEIGHT}\" viewBox=\"0 0 {width:.0} {HEIGHT}\"><rect width=\"{width:.0}\" height=\"{HEIGHT}\" fill=\"#f4f6f9\"/>"
    );
    for (i, (month, share)) in months.enumerate() {
        let h = (share.clamp(0.0, 1.0) * HEIGHT).max(if share > 0.0 { 1.0 } else { 0.0 });
        let colour = if share >= 0.999 { "#d0453a" } else { "#4a78c2" };
        write!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{colour}\"><title>{month}: {:.0}%</title></rect>",
            step * i as f64,
            HEIGHT - h,
            step - 1.0,
            share * 100.0
        )?;
    }
    svg.push_str("</svg>");
    Ok(svg)
}

fn findings(input: &Input, t: &Messages) -> Result<String, std::fmt::Error> {
    if input.findings.is_empty() {
        return Ok(format!("<p>{}</p>\n", escape(&t.get("no-findings"))));
    }
    let mut html = String::from("<ul>\n");
    for finding in input.findings {
        let json = JsonFinding::new(input.source, finding);
        let severity = format!("{:?}", json.severity).to_lowercase();
        let at = json.line.map_or(String::new(), |line| {
            t.with("at-line", &[("line", line.to_string())])
        });
        write!(
            html,
            "<li><span class=\"{severity}\">{}[{}]</span> {}{}",
            escape(&t.get(&format!("severity-{severity}"))),
            json.code,
            escape(&t.text(&finding.message)),
            escape(&at)
        )?;
        if let Some(help) = &finding.help {
            write!(
                html,
                "<span class=\"help\">{}</span>",
                escape(&t.text(help))
            )?;
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
    Ok(html)
}

#[cfg(test)]
mod tests {
    #[test]
    fn template_keys_are_filled_once() {
        let values = [("a", "{{b}}".to_string()), ("b", "x".to_string())];
        assert_eq!(
            super::fill("<{{a}}|{{b}}|{{c}}>", &values),
            "<{{b}}|x|{{c}}>"
        );
    }
}
