//! The HTML report's project table and one fiche per project, for readers who never saw the
//! file: names first, ids second, every date and amount a peer review asks about.

use std::fmt::Write as _;

use crate::calendar::LinkKind;
use crate::display::units;
use crate::i18n::Messages;
use crate::model::{Project, Roadmap, Status};
use crate::plan::{Missed, Plan};
use crate::report::svg::escape;
use crate::risk::Risk;

/// The anchor of a project's fiche: `p-<id>`.
pub fn anchor(project: &Project) -> String {
    format!("p-{}", escape(&project.id))
}

/// A project's name linked to its fiche, with its id after it.
pub fn named_link(project: &Project) -> String {
    format!(
        "<a href=\"#{}\">{}</a> <span class=\"id\">{}</span>",
        anchor(project),
        escape(&project.name),
        escape(&project.id)
    )
}

/// One row per project in start order: name, programme, lead, priority, dates, slack, cost
/// and who pays how much.
pub fn table(
    html: &mut impl std::fmt::Write,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> std::fmt::Result {
    let th = |id: &str| escape(&t.get(id));
    write!(
        html,
        "<p class=\"note\">{}</p>\n<table class=\"projects\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        escape(&t.with("projects-note", &[("currency", roadmap.currency.clone())])),
        th("col-project"),
        th("col-programme"),
        th("col-lead"),
        th("col-priority"),
        th("col-start"),
        th("col-finish"),
        th("col-slack"),
        th("col-cost"),
        th("col-funding"),
    )?;
    for &p in &plan.start_order {
        let (project, planned) = (&roadmap.projects[p], &plan.projects[p]);
        let programme = project
            .programme
            .map_or(String::new(), |q| escape(&roadmap.programmes[q].name));
        let class = if planned.critical {
            " class=\"critical\""
        } else {
            ""
        };
        writeln!(
            html,
            "<tr{class}><td>{}</td><td>{programme}</td><td>{}</td><td class=\"num\">{}</td><td class=\"date\">{}</td><td class=\"date\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            named_link(project),
            escape(&roadmap.actors[project.lead].name),
            project.priority,
            t.date(planned.start),
            t.date(planned.finish),
            slack(planned.total_slack, t),
            project.cost.map_or("-".to_string(), |c| t.amount(c)),
            split(roadmap, project, t)
        )?;
    }
    let cost: f64 = roadmap.projects.iter().filter_map(|p| p.cost).sum();
    let funded: f64 = roadmap.projects.iter().map(Project::funded).sum();
    writeln!(
        html,
        "<tr class=\"total\"><td colspan=\"7\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n</tbody>\n</table>",
        escape(&t.with(
            "total-projects",
            &[("count", roadmap.projects.len().to_string())]
        )),
        t.amount(cost),
        escape(&t.with("funded", &[("amount", t.amount(funded))]))
    )?;
    Ok(())
}

fn slack(days: i32, t: &Messages) -> String {
    if days == 0 {
        format!(
            "<span class=\"crit\">{}</span>",
            escape(&t.get("critical-slack"))
        )
    } else {
        escape(&t.with("slack-days", &[("days", days.to_string())]))
    }
}

/// "EU Fund 120 000 · City 30 000", one source per line; "not funded" when none pays.
fn split(roadmap: &Roadmap, project: &Project, t: &Messages) -> String {
    if project.funding.is_empty() {
        return format!(
            "<span class=\"flag\">{}</span>",
            escape(&t.get("not-funded"))
        );
    }
    project
        .funding
        .iter()
        .map(|c| {
            format!(
                "<span class=\"split\">{} <b>{}</b></span>",
                escape(&roadmap.funding[c.source].name),
                t.amount(c.amount)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One fiche per project, in start order.
pub fn fiches(
    html: &mut impl std::fmt::Write,
    roadmap: &Roadmap,
    plan: &Plan,
    risk: Option<&Risk>,
    t: &Messages,
) -> std::fmt::Result {
    // Who waits for whom, found once rather than by a search over every project per fiche.
    let mut dependents = vec![Vec::new(); roadmap.projects.len()];
    for (q, project) in roadmap.projects.iter().enumerate() {
        for d in &project.depends_on {
            if dependents[d.on].last() != Some(&q) {
                dependents[d.on].push(q);
            }
        }
    }
    for &p in &plan.start_order {
        fiche(html, roadmap, plan, risk, p, &dependents[p], t)?;
    }
    Ok(())
}

fn fiche(
    html: &mut impl std::fmt::Write,
    roadmap: &Roadmap,
    plan: &Plan,
    risk: Option<&Risk>,
    p: usize,
    dependents: &[usize],
    t: &Messages,
) -> std::fmt::Result {
    let (project, planned) = (&roadmap.projects[p], &plan.projects[p]);
    writeln!(
        html,
        "<article class=\"fiche\" id=\"{}\">\n<h3>{} <span class=\"id\">{}</span></h3>",
        anchor(project),
        escape(&project.name),
        escape(&project.id)
    )?;
    let kind = if project.is_milestone() {
        t.get("fiche-milestone")
    } else {
        t.with("fiche-days", &[("days", planned.days.to_string())])
    };
    let status = match project.status {
        Status::NotStarted => String::new(),
        Status::InProgress => match project.progress {
            Some(share) => t.with(
                "fiche-in-progress-share",
                &[("percent", format!("{:.0}", share * 100.0))],
            ),
            None => t.get("fiche-in-progress"),
        },
        Status::Done => t.get("fiche-done"),
    };
    let slack = if planned.critical {
        format!(
            "<span class=\"crit\">{}</span>",
            escape(&t.get("fiche-critical"))
        )
    } else {
        t.with("fiche-slack", &[("days", planned.total_slack.to_string())])
    };
    let programme = project.programme.map_or(String::new(), |q| {
        t.with(
            "fiche-programme",
            &[("name", escape(&roadmap.programmes[q].name))],
        )
    });
    writeln!(
        html,
        "<p class=\"when\">{}</p>",
        t.with(
            "fiche-when",
            &[
                ("kind", kind),
                ("start", t.date(planned.start)),
                ("finish", t.date(planned.finish)),
                ("status", status),
                ("priority", project.priority.to_string()),
                ("slack", slack),
                ("programme", programme),
            ],
        )
    )?;
    if let Some(description) = &project.description {
        writeln!(html, "<p class=\"description\">{}</p>", escape(description))?;
    }
    html.write_str("<dl class=\"facts\">\n")?;
    fact(
        html,
        &t.get("fact-objectives"),
        &objectives(roadmap, project, t),
    )?;
    fact(
        html,
        &t.get("fact-indicators"),
        &indicators(roadmap, project, t),
    )?;
    fact(html, &t.get("fact-people"), &people(roadmap, project, t))?;
    fact(
        html,
        &t.get("fact-depends"),
        &dependencies(roadmap, project, t),
    )?;
    fact(
        html,
        &t.get("fact-needed"),
        &waiting(roadmap, dependents, t),
    )?;
    fact(
        html,
        &t.get("fact-resources"),
        &resources(roadmap, project, t),
    )?;
    fact(html, &t.get("fact-money"), &money(roadmap, project, t))?;
    fact(html, &t.get("fact-due"), &due(roadmap, plan, p, t))?;
    if let Some(risk) = risk
        && project.estimate.is_some()
    {
        let r = &risk.projects[p];
        fact(
            html,
            &t.get("fact-risk"),
            &t.with(
                "fiche-risk",
                &[
                    ("p80", t.date(r.finish.p80)),
                    ("runs", t.amount(risk.settings.runs as f64)),
                    ("p50", t.date(r.finish.p50)),
                    ("p95", t.date(r.finish.p95)),
                    ("critical", format!("{:.0}", r.criticality * 100.0)),
                ],
            ),
        )?;
    }
    html.write_str("</dl>\n</article>\n")?;
    Ok(())
}

fn fact(html: &mut impl std::fmt::Write, term: &str, text: &str) -> std::fmt::Result {
    writeln!(html, "<dt>{term}</dt><dd>{text}</dd>")
}

fn objectives(roadmap: &Roadmap, project: &Project, t: &Messages) -> String {
    if project.objectives.is_empty() {
        return t.get("fiche-no-objectives");
    }
    project
        .objectives
        .iter()
        .map(|&o| escape(&roadmap.objectives[o].name))
        .collect::<Vec<_>>()
        .join("; ")
}

fn indicators(roadmap: &Roadmap, project: &Project, t: &Messages) -> String {
    if project.contributes.is_empty() {
        return t.get("fiche-no-indicators");
    }
    project
        .contributes
        .iter()
        .map(|c| {
            let indicator = &roadmap.indicators[c.indicator];
            t.with(
                "fiche-on-finishing",
                &[
                    (
                        "value",
                        indicator.with_unit(&format!("+{}", units(c.value))),
                    ),
                    ("name", escape(&indicator.name)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn people(roadmap: &Roadmap, project: &Project, t: &Messages) -> String {
    let mut text = t.with(
        "fiche-leads",
        &[("name", escape(&roadmap.actors[project.lead].name))],
    );
    if !project.participants.is_empty() {
        let names: Vec<String> = project
            .participants
            .iter()
            .map(|&a| escape(&roadmap.actors[a].name))
            .collect();
        text.push_str(&t.with("fiche-with", &[("names", names.join(", "))]));
    }
    text
}

/// "starts after X finishes (+5 days)": each dependency in words.
fn dependencies(roadmap: &Roadmap, project: &Project, t: &Messages) -> String {
    if project.depends_on.is_empty() {
        return t.get("fiche-no-dependencies");
    }
    project
        .depends_on
        .iter()
        .map(|d| {
            let on = named_link(&roadmap.projects[d.on]);
            let id = match d.kind {
                LinkKind::FinishToStart => "fiche-fs",
                LinkKind::StartToStart => "fiche-ss",
                LinkKind::FinishToFinish => "fiche-ff",
            };
            let rule = t.with(id, &[("on", on)]);
            if d.lag.is_zero() {
                rule
            } else {
                t.with(
                    "fiche-lag",
                    &[("rule", rule), ("lag", escape(&d.lag.to_string()))],
                )
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The projects that wait for this one, linked.
fn waiting(roadmap: &Roadmap, dependents: &[usize], t: &Messages) -> String {
    let after: Vec<String> = dependents
        .iter()
        .map(|&q| named_link(&roadmap.projects[q]))
        .collect();
    if after.is_empty() {
        t.get("fiche-no-dependents")
    } else {
        after.join(", ")
    }
}

fn resources(roadmap: &Roadmap, project: &Project, t: &Messages) -> String {
    if project.resources.is_empty() {
        return t.get("fiche-no-resources");
    }
    let held = project
        .resources
        .iter()
        .map(|d| {
            let resource = &roadmap.resources[d.resource];
            let capacity = if resource.changes.is_empty() {
                units(resource.capacity)
            } else {
                let steps: Vec<String> = resource
                    .changes
                    .iter()
                    .map(|s| format!("{} → {}", s.from, units(s.capacity)))
                    .collect();
                format!("{}, {}", units(resource.capacity), steps.join(", "))
            };
            t.with(
                "fiche-resource",
                &[
                    ("units", units(d.units)),
                    (
                        "unit",
                        resource.unit.as_deref().map_or(String::new(), escape),
                    ),
                    ("name", escape(&resource.name)),
                    ("capacity", capacity),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    if project.effort.is_empty() {
        return held;
    }
    // The duration follows from the effort: say how.
    let effort: Vec<String> = project
        .effort
        .iter()
        .map(|e| {
            format!(
                "{} of {}",
                e.effort,
                escape(&roadmap.resources[e.resource].name)
            )
        })
        .collect();
    format!(
        "{held}; effort {}, so it takes {}",
        effort.join(" and "),
        project.duration
    )
}

fn money(roadmap: &Roadmap, project: &Project, t: &Messages) -> String {
    let currency = escape(&roadmap.currency);
    let Some(cost) = project.cost else {
        return t.get("fiche-no-cost");
    };
    let funded = project.funded();
    let mut text = t.with(
        "fiche-costs",
        &[("amount", t.amount(cost)), ("currency", currency.clone())],
    );
    if project.funding.is_empty() {
        write!(
            text,
            "; <span class=\"flag\">{}</span>",
            escape(&t.get("fiche-unpaid"))
        )
        .ok();
        return text;
    }
    let parts: Vec<String> = project
        .funding
        .iter()
        .map(|c| {
            let share = if cost > 0.0 {
                c.amount / cost * 100.0
            } else {
                0.0
            };
            t.with(
                "fiche-pays",
                &[
                    ("name", escape(&roadmap.funding[c.source].name)),
                    ("amount", t.amount(c.amount)),
                    ("share", format!("{share:.0}")),
                ],
            )
        })
        .collect();
    write!(text, "; {}", parts.join(", ")).ok();
    let gap = crate::money::uncovered(cost, funded);
    if gap > 0.0 {
        write!(
            text,
            "; <span class=\"flag\">{}</span>",
            t.with(
                "fiche-not-covered",
                &[("amount", t.amount(gap)), ("currency", currency)]
            )
        )
        .ok();
    }
    text
}

/// Its deadline and the windows of the sources paying it, with the margin its planned finish
/// leaves (or by how much it misses).
fn due(roadmap: &Roadmap, plan: &Plan, p: usize, t: &Messages) -> String {
    let (project, planned) = (&roadmap.projects[p], &plan.projects[p]);
    let mut lines = Vec::new();
    let margin = |until: chrono::NaiveDate| {
        let days = (until - planned.finish).num_days();
        if days >= 0 {
            t.with("fiche-margin", &[("days", days.to_string())])
        } else {
            format!(
                "<span class=\"flag\">{}</span>",
                t.with("fiche-missed-by", &[("days", (-days).to_string())])
            )
        }
    };
    if let Some(deadline) = project.deadline {
        lines.push(t.with(
            "fiche-deadline",
            &[("date", t.date(deadline)), ("margin", margin(deadline))],
        ));
    }
    let mut seen = Vec::new();
    for c in &project.funding {
        if seen.contains(&c.source) {
            continue;
        }
        seen.push(c.source);
        let source = &roadmap.funding[c.source];
        let window = match (source.from, source.until) {
            (None, None) => t.get("any-time"),
            (from, until) => format!(
                "{} .. {}",
                from.map_or(String::new(), |d| t.date(d)),
                until.map_or(String::new(), |d| t.date(d))
            )
            .trim()
            .to_string(),
        };
        let mut line = t.with(
            "fiche-window",
            &[("name", escape(&source.name)), ("window", window)],
        );
        if let Some(until) = source.until {
            write!(line, ": {}", margin(until)).ok();
        }
        if planned
            .missed
            .iter()
            .any(|m| matches!(m, Missed::WindowOpens { source, .. } if *source == c.source))
        {
            write!(
                line,
                " <span class=\"flag\">{}</span>",
                escape(&t.get("fiche-before-opening"))
            )
            .ok();
        }
        lines.push(line);
    }
    if lines.is_empty() {
        t.get("fiche-nothing-due")
    } else {
        lines.join("; ")
    }
}
