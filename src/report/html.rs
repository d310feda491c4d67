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
use crate::report::stream::Stream;
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
    let t = Messages::new(input.lang);
    // Written as it is made: the page of a very large roadmap is never held whole.
    let mut page = if t.lang() == Lang::En {
        Stream::new(out)
    } else {
        Stream::rewriting(out, |chunk| header_cells_in(chunk, &t))
    };
    let written = write_page(&mut page, input, &t);
    page.finish(written)
}

/// The template with each `{{key}}` replaced by its section, written in page order.
fn write_page(page: &mut Stream, input: &Input, t: &Messages) -> std::fmt::Result {
    let (roadmap, plan) = (input.roadmap, input.plan);
    let funding_report = FundingReport::new(roadmap, plan);
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
    labels.push(("title", escape(&roadmap.name)));
    labels.push(("subtitle", escape(&subtitle)));
    fill(page, TEMPLATE, |key, html| {
        match key {
            "summary" => {
                summary(html, roadmap, plan, t)?;
                progress(html, roadmap, plan, input.as_of, t)?;
            }
            "strategy" => {
                html.write_str(&crate::report::strategy::html_section(roadmap, plan, t)?)?
            }
            "gantt" => svg::render(html, roadmap, plan, input.as_of, true, input.lang)?,
            "projects" => html_projects::table(html, roadmap, plan, t)?,
            "fiches" => html_projects::fiches(html, roadmap, plan, input.risk, t)?,
            "sources" => html_sources::sources(html, roadmap, plan, &funding_report, t)?,
            "actors" => html_sources::actors(html, roadmap, plan, t)?,
            "roles" => {
                roles(html, &ActorsReport::new(roadmap, plan), roadmap, plan, t)?;
                html.write_str(&about(
                    &t.tr("About the actors"),
                    roadmap
                        .actors
                        .iter()
                        .map(|a| (a.name.as_str(), a.description.as_deref())),
                )?)?;
            }
            "funding" => {
                funding(html, &funding_report, t)?;
                html.write_str(&opportunities(&OpportunitiesReport::new(roadmap, plan), t)?)?;
                html.write_str(&about(
                    &t.tr("About the sources"),
                    roadmap
                        .funding
                        .iter()
                        .map(|f| (f.name.as_str(), f.description.as_deref())),
                )?)?;
            }
            "resources" => {
                html.write_str(&resources(&ResourcesReport::new(roadmap, plan), t)?)?;
                html.write_str(&about(
                    &t.tr("About the resources"),
                    roadmap
                        .resources
                        .iter()
                        .map(|r| (r.name.as_str(), r.description.as_deref())),
                )?)?;
            }
            "risk" => {
                if let Some(risk) = input.risk {
                    html.write_str(&crate::report::risk::html_section(roadmap, risk, t)?)?;
                }
            }
            "findings" => findings(html, input, t)?,
            _ => match labels.iter().find(|(k, _)| *k == key) {
                Some((_, label)) => html.write_str(label)?,
                None => return Ok(false),
            },
        }
        Ok(true)
    })
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

/// Writes the template, each `{{key}}` replaced by what `section` writes for it (it answers
/// `false` for a key it does not know, which is then written as it is), in one pass, so text
/// put in is never scanned again.
fn fill<W: std::fmt::Write>(
    out: &mut W,
    template: &str,
    mut section: impl FnMut(&str, &mut W) -> Result<bool, std::fmt::Error>,
) -> std::fmt::Result {
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.write_str(&rest[..open])?;
        let after = &rest[open + 2..];
        match after.find("}}") {
            Some(close) if section(&after[..close], out)? => rest = &after[close + 2..],
            _ => {
                out.write_str("{{")?;
                rest = after;
            }
        }
    }
    out.write_str(rest)
}

fn summary(
    html: &mut impl std::fmt::Write,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> std::fmt::Result {
    html.write_str("<div class=\"summary\">\n")?;
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
    html.write_str("</div>\n")?;
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
    Ok(())
}

/// Chains listed in the summary; the rest are counted.
const CHAINS_SHOWN: usize = 5;

/// Where the work stands, beside the re-planned dates: done (with its finish), in progress (with
/// its recorded progress and planned finish) and still to do. Left out when no work is recorded
/// and no `--as-of` day is given.
fn progress(
    html: &mut impl std::fmt::Write,
    roadmap: &Roadmap,
    plan: &Plan,
    as_of: Option<NaiveDate>,
    t: &Messages,
) -> std::fmt::Result {
    let standing = Standing::of(roadmap);
    if !standing.started() && as_of.is_none() {
        return Ok(());
    }
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
    html.write_str("</table>\n")?;
    Ok(())
}

fn roles(
    html: &mut impl std::fmt::Write,
    report: &ActorsReport,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> std::fmt::Result {
    let actors: Vec<_> = report
        .actors
        .iter()
        .filter(|a| !a.leads.is_empty() || !a.participates.is_empty())
        .collect();
    html.write_str("<table class=\"matrix\">\n<tr><th>project</th>")?;
    for actor in &actors {
        write!(
            html,
            "<th class=\"actor\" title=\"{}\">{}</th>",
            escape(actor.id),
            escape(actor.name)
        )?;
    }
    html.write_str("</tr>\n")?;
    // The matrix rows are in start order, as the plan lists them.
    for (row, &p) in report.matrix.iter().zip(&plan.start_order) {
        let name = escape(&roadmap.projects[p].name);
        write!(
            html,
            "<tr><td>{name} <span class=\"id\">{}</span></td>",
            escape(row.project)
        )?;
        for actor in &actors {
            match row.roles.get(actor.id) {
                Some(role) => write!(html, "<td class=\"role {0}\">{0}</td>", role.letter())?,
                None => html.write_str("<td class=\"role\"></td>")?,
            }
        }
        html.write_str("</tr>\n")?;
    }
    html.write_str("</table>\n<table>\n<tr><th>actor</th><th>kind</th><th class=\"num\">leads</th><th class=\"num\">joins</th><th>busiest quarter</th></tr>\n")?;
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
    html.write_str("</table>\n")?;
    if !report.without_role.is_empty() {
        let ids: Vec<String> = report.without_role.iter().map(|id| escape(id)).collect();
        writeln!(
            html,
            "<p class=\"flag\">⚠ {}</p>",
            t.with("no-role", &[("ids", ids.join(", "))])
        )?;
    }
    Ok(())
}

fn funding(
    html: &mut impl std::fmt::Write,
    report: &FundingReport,
    t: &Messages,
) -> std::fmt::Result {
    write!(
        html,
        "<p class=\"note\">{}</p>\n<div class=\"wide\"><table class=\"funding-sources\">\n<thead><tr><th>source</th><th class=\"num\">amount</th><th class=\"num\">committed</th><th class=\"num\">remaining</th><th>window</th>",
        escape(&t.with("funding-note", &[("currency", report.currency.to_string())]))
    )?;
    for year in &report.totals.spend {
        write!(html, "<th class=\"num\">{}</th>", year.year)?;
    }
    html.write_str("</tr></thead>\n")?;
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
        html.write_str("</tr>\n")?;
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
    html.write_str("</tr>\n</table></div>\n<table>\n<tr><th>project</th><th class=\"num\">cost</th><th class=\"num\">covered</th><th class=\"num\">gap</th><th>runs</th></tr>\n")?;
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
    Ok(())
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

fn findings(html: &mut impl std::fmt::Write, input: &Input, t: &Messages) -> std::fmt::Result {
    if input.findings.is_empty() {
        return writeln!(html, "<p>{}</p>", escape(&t.get("no-findings")));
    }
    html.write_str("<ul>\n")?;
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
        html.write_str("</li>\n")?;
    }
    html.write_str("</ul>\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::parse_str;
    use crate::plan::plan;
    use crate::schedule::{Effort, Options};
    use crate::validate::validate;

    /// Records the size of each write it is given.
    #[derive(Default)]
    struct Writes(Vec<usize>);

    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.push(buf.len());
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// The page of a large roadmap goes out in pieces as it is made, not as one string built
    /// first (which took several times the model's memory for 200,000 projects).
    #[test]
    fn a_large_page_is_written_in_pieces() {
        let mut text = String::from(
            "[roadmap]\nname = \"Chain\"\nstart = 2030-01-01\n[[actor]]\nid = \"a\"\n",
        );
        for i in 0..3_000 {
            text.push_str(&format!(
                "[[project]]\nid = \"p{i}\"\nlead = \"a\"\nduration = \"1d\"\ndepends_on = [\"p{}\"]\n",
                i + 1
            ));
        }
        text.push_str("[[project]]\nid = \"p3000\"\nlead = \"a\"\nduration = \"1d\"\n");
        let parsed = parse_str("chain.toml".into(), text.clone());
        let roadmap = validate(&parsed.raw.unwrap(), parsed.findings)
            .roadmap
            .expect("valid");
        let options = Options {
            effort: Effort::Fast,
            seed: 42,
        };
        let plan = plan(&roadmap, &options).unwrap();
        let source = SourceFile::new("chain.toml", text);
        for lang in [Lang::En, Lang::Bg] {
            let input = Input {
                source: &source,
                roadmap: &roadmap,
                plan: &plan,
                findings: &[],
                as_of: None,
                risk: None,
                lang,
            };
            let mut writes = Writes::default();
            write(&mut writes, &input).unwrap();
            let total: usize = writes.0.iter().sum();
            let largest = writes.0.iter().max().copied().unwrap_or(0);
            assert!(total > 3_000_000, "{lang:?}: {total} bytes");
            assert!(writes.0.len() > 40, "{lang:?}: {} writes", writes.0.len());
            assert!(largest < 200_000, "{lang:?}: a write of {largest} bytes");
        }
    }

    #[test]
    fn template_keys_are_filled_once() {
        let values = [("a", "{{b}}"), ("b", "x")];
        let mut page = String::new();
        super::fill(&mut page, "<{{a}}|{{b}}|{{c}}>", |key, out| {
            match values.iter().find(|(k, _)| *k == key) {
                Some((_, value)) => out.push_str(value),
                None => return Ok(false),
            }
            Ok(true)
        })
        .unwrap();
        assert_eq!(page, "<{{b}}|x|{{c}}>");
    }
}
