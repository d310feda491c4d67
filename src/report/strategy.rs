//! The HTML report's strategy section: each objective with its indicators (baseline, targets
//! and the plan's value year by year, as a small inline chart) and the programmes and projects
//! that serve it, with their descriptions.

use std::fmt::Write as _;

use chrono::Datelike;

use crate::i18n::{Messages, text};
use crate::model::{Indicator, Roadmap};
use crate::plan::Plan;
use crate::plan::objectives::{ObjectivePlan, is_shared};
use crate::plan::targets::value_in;
use crate::report::svg::escape;

/// The section, or nothing when the roadmap has neither objectives nor programmes.
pub fn html_section(
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> Result<String, std::fmt::Error> {
    if roadmap.objectives.is_empty() && roadmap.programmes.is_empty() {
        return Ok(String::new());
    }
    let mut html = format!(
        "<section id=\"strategy\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n",
        escape(&t.get("h-strategy")),
        escape(&t.get("strategy-note"))
    );
    for (o, objective) in roadmap.objectives.iter().enumerate() {
        writeln!(
            html,
            "<article class=\"objective\">\n<h3>{} <span class=\"id\">{}</span></h3>",
            escape(&objective.name),
            escape(&objective.id)
        )?;
        if let Some(description) = &objective.description {
            writeln!(html, "<p>{}</p>", escape(description))?;
        }
        let indicators: Vec<usize> = (0..roadmap.indicators.len())
            .filter(|&i| roadmap.indicators[i].objective == o)
            .collect();
        if !indicators.is_empty() {
            html.push_str("<div class=\"indicators\">\n");
            for &i in &indicators {
                indicator(&mut html, roadmap, plan, i, t)?;
            }
            html.push_str("</div>\n");
        }
        if let Some(group) = plan.objectives.iter().find(|g| g.objective == Some(o)) {
            totals(&mut html, roadmap, group, t)?;
        }
        serving(&mut html, roadmap, plan, Some(o), t)?;
        html.push_str("</article>\n");
    }
    if roadmap.objectives.is_empty() {
        serving(&mut html, roadmap, plan, None, t)?;
    } else if let Some(group) = plan.objectives.iter().find(|g| g.objective.is_none()) {
        writeln!(
            html,
            "<article class=\"objective\">\n<h3>{}</h3>",
            escape(&t.get("no-objective"))
        )?;
        totals(&mut html, roadmap, group, t)?;
        serving(&mut html, roadmap, plan, None, t)?;
        html.push_str("</article>\n");
    }
    programmes(&mut html, roadmap, plan, t)?;
    html.push_str("</section>\n");
    Ok(html)
}

/// The programmes' roll-ups: dates, cost, committed funding and criticality, in outline order.
fn programmes(html: &mut String, roadmap: &Roadmap, plan: &Plan, t: &Messages) -> std::fmt::Result {
    if roadmap.programmes.is_empty() {
        return Ok(());
    }
    writeln!(
        html,
        "<h3>{}</h3>\n<table class=\"programmes\">\n<thead><tr><th>Programme</th><th>Lead</th><th class=\"num\">Projects</th><th>Start</th><th>Finish</th><th class=\"num\">{cost} ({currency})</th><th class=\"num\">Committed</th><th></th></tr></thead>\n<tbody>",
        escape(&t.tr("Programmes")),
        cost = escape(&t.tr("Cost")),
        currency = escape(&roadmap.currency)
    )?;
    for row in &plan.outline {
        let crate::plan::rollup::Item::Programme(q) = row.item else {
            continue;
        };
        let (programme, planned) = (&roadmap.programmes[q], &plan.programmes[q]);
        let date = |d: Option<chrono::NaiveDate>| d.map_or_else(String::new, |d| t.date(d));
        writeln!(
            html,
            "<tr><td style=\"padding-left:{}px\"><b>{}</b> <span class=\"id\">{}</span></td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            7 + 14 * row.depth,
            escape(&programme.name),
            escape(&planned.wbs),
            programme
                .lead
                .map_or(String::new(), |a| escape(&roadmap.actors[a].name)),
            planned.projects.len(),
            date(planned.start),
            date(planned.finish),
            t.amount(planned.cost),
            t.amount(planned.committed),
            if planned.critical {
                format!("<span class=\"crit\">{}</span>", escape(&t.tr("critical")))
            } else {
                String::new()
            }
        )?;
    }
    writeln!(html, "</tbody>\n</table>")
}

/// One indicator: its chart and its targets against the plan.
fn indicator(
    html: &mut String,
    roadmap: &Roadmap,
    plan: &Plan,
    i: usize,
    t: &Messages,
) -> std::fmt::Result {
    let indicator = &roadmap.indicators[i];
    let planned = &plan.indicators[i];
    writeln!(
        html,
        "<figure class=\"indicator\">\n<figcaption><b>{}</b> <span class=\"id\">{}</span>{}</figcaption>",
        escape(&indicator.name),
        escape(&indicator.id),
        indicator
            .description
            .as_ref()
            .map_or(String::new(), |d| format!(
                "<br/><span class=\"note\">{}</span>",
                escape(d)
            ))
    )?;
    chart(html, roadmap, plan, i, t)?;
    html.push_str("<table><tr><th>year</th><th class=\"num\">target</th><th class=\"num\">planned</th><th></th></tr>\n");
    writeln!(
        html,
        "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td></tr>",
        indicator.baseline.year,
        escape(&t.tr("baseline")),
        escape(&indicator.with_unit(&t.number(indicator.baseline.value)))
    )?;
    for target in &planned.targets {
        let status = if target.reached {
            format!("<span class=\"ok\">{}</span>", escape(&t.tr("reached")))
        } else {
            let short = indicator.with_unit(&t.number(target.shortfall));
            format!(
                "<span class=\"flag\">{}</span>",
                escape(&t.with("indicator-short", &[("value", short)]))
            )
        };
        writeln!(
            html,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{status}</td></tr>",
            target.year,
            escape(&indicator.with_unit(&t.number(target.target))),
            escape(&indicator.with_unit(&t.number(target.planned)))
        )?;
    }
    html.push_str("</table>\n</figure>\n");
    Ok(())
}

const CHART_W: f64 = 300.0;
const CHART_H: f64 = 120.0;
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 18.0;
const TOP: f64 = 8.0;
const RIGHT: f64 = 18.0;

/// The planned value at each year's end as a step line, targets as dots (green reached, red
/// missed), from the baseline year to the last target (or the plan's last) year.
fn chart(
    html: &mut String,
    roadmap: &Roadmap,
    plan: &Plan,
    i: usize,
    t: &Messages,
) -> std::fmt::Result {
    let indicator: &Indicator = &roadmap.indicators[i];
    let first = indicator.baseline.year;
    let last = indicator
        .targets
        .iter()
        .map(|t| t.year)
        .chain([plan.finish().year()])
        .max()
        .unwrap_or(first)
        .max(first + 1);
    let finish = |p: usize| plan.projects[p].finish;
    let values: Vec<(i32, f64)> = (first..=last)
        .map(|year| {
            let value = if year == first {
                indicator.baseline.value
            } else {
                value_in(roadmap, i, year, finish)
            };
            (year, value)
        })
        .collect();
    let all = values
        .iter()
        .map(|v| v.1)
        .chain(indicator.targets.iter().map(|t| t.value));
    let (low, high) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let span = if high - low < 1e-9 { 1.0 } else { high - low };
    let (low, high) = (low - span * 0.1, high + span * 0.1);
    let x = |year: i32| {
        LEFT + (CHART_W - LEFT - RIGHT) * f64::from(year - first) / f64::from(last - first)
    };
    let y = |value: f64| TOP + (CHART_H - TOP - BOTTOM) * (high - value) / (high - low);
    writeln!(
        html,
        "<svg class=\"kpi\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{CHART_W}\" height=\"{CHART_H}\" viewBox=\"0 0 {CHART_W} {CHART_H}\" role=\"img\" aria-label=\"{}\">",
        escape(&t.with("indicator-by-year", &[("name", indicator.name.clone())]))
    )?;
    let axis_y = CHART_H - BOTTOM;
    writeln!(
        html,
        "<line x1=\"{LEFT}\" y1=\"{axis_y}\" x2=\"{:.1}\" y2=\"{axis_y}\" stroke=\"#9aa0a6\"/>",
        CHART_W - RIGHT
    )?;
    for (label, value) in [
        (high - span * 0.1, high - span * 0.1),
        (low + span * 0.1, low + span * 0.1),
    ] {
        writeln!(
            html,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"kpi-label\">{}</text>",
            LEFT - 4.0,
            y(value) + 3.0,
            escape(&t.number(label))
        )?;
    }
    // Year labels: every year when they fit, else every few.
    let step = ((last - first) / 6 + 1).max(1);
    for year in (first..=last).step_by(step as usize) {
        writeln!(
            html,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"kpi-label\">{year}</text>",
            x(year),
            CHART_H - 4.0
        )?;
    }
    let mut path = String::new();
    for (n, &(year, value)) in values.iter().enumerate() {
        if n == 0 {
            write!(path, "M{:.1},{:.1}", x(year), y(value))?;
        } else {
            // Steps: the value changes when the year's projects have finished.
            write!(path, " H{:.1} V{:.1}", x(year), y(value))?;
        }
    }
    writeln!(
        html,
        "<path d=\"{path}\" fill=\"none\" stroke=\"#4a78c2\" stroke-width=\"2\"><title>{}</title></path>",
        escape(&t.tr("planned"))
    )?;
    for target in &plan.indicators[i].targets {
        let colour = if target.reached { "#1a9850" } else { "#d0453a" };
        writeln!(
            html,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{colour}\"><title>{}</title></circle>",
            x(target.year),
            y(target.target),
            escape(&t.with(
                "indicator-target-tip",
                &[
                    ("year", target.year.to_string()),
                    ("target", indicator.with_unit(&t.number(target.target))),
                    ("planned", indicator.with_unit(&t.number(target.planned))),
                ]
            ))
        )?;
    }
    html.push_str("</svg>\n");
    Ok(())
}

/// An objective's totals: projects (how many shared), dates, cost and committed funding.
fn totals(
    html: &mut String,
    roadmap: &Roadmap,
    group: &ObjectivePlan,
    t: &Messages,
) -> std::fmt::Result {
    let (Some(start), Some(finish)) = (group.start, group.finish) else {
        return Ok(());
    };
    let shared = if group.shared > 0 {
        t.with(
            "objective-shared-cost",
            &[("amount", t.amount(group.shared_cost))],
        )
    } else {
        String::new()
    };
    let line = t.text(&text!(
        "objective-totals",
        count = crate::report::objectives::count(group, t),
        shared = shared,
        start = start,
        finish = finish,
        cost = crate::i18n::Arg::Amount(group.cost),
        currency = &roadmap.currency,
        committed = crate::i18n::Arg::Amount(group.committed),
    ));
    writeln!(html, "<p class=\"totals\">{}</p>", escape(&line))
}

/// The programmes (as paths) and projects serving objective `o` (`None`: serving no objective,
/// which is every project of a roadmap without objectives), each project with its dates and
/// description, and a shared project with the other objectives it serves.
fn serving(
    html: &mut String,
    roadmap: &Roadmap,
    plan: &Plan,
    o: Option<usize>,
    t: &Messages,
) -> std::fmt::Result {
    let serves = |p: usize| match o {
        Some(o) => roadmap.projects[p].objectives.contains(&o),
        None => roadmap.projects[p].objectives.is_empty(),
    };
    let mut list = String::new();
    let mut current: Option<Option<usize>> = None;
    // The outline order keeps programmes together and their projects by start.
    let projects: Vec<usize> = plan
        .outline
        .iter()
        .filter_map(|row| match row.item {
            crate::plan::rollup::Item::Project(p) if serves(p) => Some(p),
            _ => None,
        })
        .collect();
    for p in projects {
        let project = &roadmap.projects[p];
        if current != Some(project.programme) {
            if current.is_some() {
                list.push_str("</ul></li>\n");
            }
            let title = match project.programme {
                Some(q) => roadmap
                    .programme_path(q)
                    .iter()
                    .map(|&r| escape(&roadmap.programmes[r].name))
                    .collect::<Vec<_>>()
                    .join(" › "),
                None => escape(&t.tr("Outside programmes")),
            };
            let description = project
                .programme
                .and_then(|q| roadmap.programmes[q].description.as_ref())
                .map_or(String::new(), |d| {
                    format!(" <span class=\"note\">{}</span>", escape(d))
                });
            writeln!(list, "<li><b>{title}</b>{description}<ul>")?;
            current = Some(project.programme);
        }
        let planned = &plan.projects[p];
        let shared = if is_shared(project) {
            let mut others: Vec<usize> = project
                .objectives
                .iter()
                .copied()
                .filter(|&other| Some(other) != o)
                .collect();
            others.sort_unstable();
            others.dedup();
            let others: Vec<String> = others
                .iter()
                .map(|&other| escape(&roadmap.objectives[other].id))
                .collect();
            format!(
                " <span class=\"shared\">{}</span>",
                t.with("serving-shared", &[("ids", others.join(", "))])
            )
        } else {
            String::new()
        };
        writeln!(
            list,
            "<li>{} <span class=\"id\">{}</span>{shared} <span class=\"note\">{}</span>{}</li>",
            escape(&project.name),
            escape(&project.id),
            escape(&t.with(
                "date-range",
                &[
                    ("start", t.date(planned.start)),
                    ("finish", t.date(planned.finish))
                ]
            )),
            project
                .description
                .as_ref()
                .map_or(String::new(), |d| format!("<br/>{}", escape(d)))
        )?;
    }
    if current.is_some() {
        list.push_str("</ul></li>\n");
        writeln!(html, "<ul class=\"serving\">\n{list}</ul>")?;
    } else {
        writeln!(
            html,
            "<p class=\"note\">{}</p>",
            escape(&t.tr("No project serves it yet."))
        )?;
    }
    Ok(())
}

/// "About": the descriptions of a table's entries (name and text), nothing when none has one.
pub fn about<'a>(
    title: &str,
    entries: impl Iterator<Item = (&'a str, Option<&'a str>)>,
) -> Result<String, std::fmt::Error> {
    let mut items = String::new();
    for (name, description) in entries {
        if let Some(description) = description {
            writeln!(
                items,
                "<dt>{}</dt><dd>{}</dd>",
                escape(name),
                escape(description)
            )?;
        }
    }
    if items.is_empty() {
        return Ok(items);
    }
    Ok(format!(
        "<h3 class=\"about\">{}</h3>\n<dl class=\"about\">\n{items}</dl>\n",
        escape(title)
    ))
}
