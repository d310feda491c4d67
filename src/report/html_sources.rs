//! The HTML report's "who pays" and "who does" pages: per funding source the projects it pays,
//! how much, its window, its spend per year against its cap, what is left and what is at risk;
//! per actor the projects it leads and joins, with their dates.

use crate::i18n::Messages;
use crate::model::Roadmap;
use crate::plan::{Missed, Plan};
use crate::report::funding::FundingReport;
use crate::report::html_projects::named_link;
use crate::report::svg::escape;

/// A section per funding source, in file order.
pub fn sources(
    html: &mut impl std::fmt::Write,
    roadmap: &Roadmap,
    plan: &Plan,
    report: &FundingReport,
    t: &Messages,
) -> std::fmt::Result {
    let currency = escape(&roadmap.currency);
    let amount = |value: f64| t.amount(value);
    if roadmap.funding.is_empty() {
        return writeln!(html, "<p>{}</p>", escape(&t.get("no-sources")));
    }
    for (s, (source, row)) in roadmap.funding.iter().zip(&report.sources).enumerate() {
        writeln!(
            html,
            "<article class=\"source\" id=\"f-{}\">\n<h3>{} <span class=\"id\">{}</span></h3>",
            escape(&source.id),
            escape(&source.name),
            escape(&source.id)
        )?;
        let at_risk: f64 = roadmap
            .projects
            .iter()
            .enumerate()
            .flat_map(|(p, project)| {
                let missed = &plan.projects[p].missed;
                project
                    .funding
                    .iter()
                    .enumerate()
                    .filter(move |(k, c)| {
                        c.source == s
                            && missed.iter().any(|m| match *m {
                                Missed::WindowOpens { contribution, .. }
                                | Missed::WindowCloses { contribution, .. } => contribution == *k,
                                Missed::Deadline { .. } => false,
                            })
                    })
                    .map(|(_, c)| c.amount)
            })
            .sum();
        let window = match (row.from, row.until) {
            (None, None) => t.get("any-time"),
            (from, until) => format!(
                "{} .. {}",
                from.map_or(String::new(), |d| t.date(d)),
                until.map_or(String::new(), |d| t.date(d))
            )
            .trim()
            .to_string(),
        };
        let cap = row.per_year.map_or(String::new(), |cap| {
            t.with("source-cap", &[("cap", amount(cap))])
        });
        let risk = format!(
            "<span class=\"{}\">{}</span>",
            if at_risk > 0.0 { "flag" } else { "ok" },
            t.with(
                "source-at-risk",
                &[("amount", amount(at_risk)), ("currency", currency.clone())]
            )
        );
        writeln!(
            html,
            "<p>{}</p>",
            t.with(
                "source-line",
                &[
                    ("amount", amount(row.amount)),
                    ("currency", currency.clone()),
                    ("committed", amount(row.committed)),
                    ("left", amount(row.remaining)),
                    ("window", window),
                    ("cap", cap),
                    ("risk", risk),
                ],
            )
        )?;
        if !row.spend.is_empty() {
            html.write_str("<table class=\"years\">\n<thead><tr><th>year</th>")?;
            for year in &row.spend {
                write!(html, "<th class=\"num\">{}</th>", year.year)?;
            }
            write!(
                html,
                "</tr></thead>\n<tr><td>{}</td>",
                escape(&t.tr("spend"))
            )?;
            for year in &row.spend {
                let over = row.over_cap_years.contains(&year.year);
                write!(
                    html,
                    "<td class=\"num{}\">{}{}</td>",
                    if over { " flagged" } else { "" },
                    if over { "⚠ " } else { "" },
                    amount(year.amount)
                )?;
            }
            html.write_str("</tr>\n")?;
            if let Some(cap) = row.per_year {
                write!(html, "<tr><td>{}</td>", escape(&t.tr("cap")))?;
                for _ in &row.spend {
                    write!(html, "<td class=\"num\">{}</td>", amount(cap))?;
                }
                html.write_str("</tr>\n")?;
            }
            html.write_str("</table>\n")?;
        }
        let paid: Vec<usize> = plan
            .start_order
            .iter()
            .copied()
            .filter(|&p| roadmap.projects[p].funding.iter().any(|c| c.source == s))
            .collect();
        if paid.is_empty() {
            writeln!(
                html,
                "<p class=\"note\">{}</p>",
                escape(&t.get("source-pays-nothing"))
            )?;
        } else {
            html.write_str("<table class=\"paid\">\n<thead><tr><th>project</th><th class=\"num\">amount</th><th class=\"num\">share of cost</th><th>start</th><th>finish</th></tr></thead>\n<tbody>\n")?;
            for p in paid {
                let project = &roadmap.projects[p];
                let paid: f64 = project
                    .funding
                    .iter()
                    .filter(|c| c.source == s)
                    .map(|c| c.amount)
                    .sum();
                let share = project
                    .cost
                    .filter(|&c| c > 0.0)
                    .map_or(String::new(), |c| format!("{:.0}%", paid / c * 100.0));
                writeln!(
                    html,
                    "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{share}</td><td class=\"date\">{}</td><td class=\"date\">{}</td></tr>",
                    named_link(project),
                    amount(paid),
                    t.date(plan.projects[p].start),
                    t.date(plan.projects[p].finish)
                )?;
            }
            writeln!(
                html,
                "<tr class=\"total\"><td>{}</td><td class=\"num\">{}</td><td colspan=\"3\"></td></tr>\n</tbody>\n</table>",
                escape(&t.tr("total")),
                amount(row.committed)
            )?;
        }
        html.write_str("</article>\n")?;
    }
    Ok(())
}

/// A section per actor that leads or joins a project; a sentence for the others.
pub fn actors(
    html: &mut impl std::fmt::Write,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> std::fmt::Result {
    let mut idle = Vec::new();
    for (a, actor) in roadmap.actors.iter().enumerate() {
        let mut rows = Vec::new();
        for &p in &plan.start_order {
            let project = &roadmap.projects[p];
            let role = if project.lead == a {
                "leads"
            } else if project.participants.contains(&a) {
                "joins"
            } else {
                continue;
            };
            rows.push((p, role));
        }
        if rows.is_empty() {
            idle.push(escape(&actor.name));
            continue;
        }
        let leads = rows.iter().filter(|(_, role)| *role == "leads").count();
        writeln!(
            html,
            "<article class=\"actor\" id=\"a-{}\">\n<h3>{} <span class=\"id\">{}</span></h3>\n<p>{}</p>\n<table>\n<thead><tr><th>project</th><th>role</th><th>start</th><th>finish</th></tr></thead>\n<tbody>",
            escape(&actor.id),
            escape(&actor.name),
            escape(&actor.id),
            t.with(
                "actor-line",
                &[
                    ("name", escape(&actor.name)),
                    ("kind", actor.kind.label(t)),
                    ("leads", leads.to_string()),
                    ("joins", (rows.len() - leads).to_string()),
                ],
            )
        )?;
        for (p, role) in rows {
            writeln!(
                html,
                "<tr><td>{}</td><td>{}</td><td class=\"date\">{}</td><td class=\"date\">{}</td></tr>",
                named_link(&roadmap.projects[p]),
                escape(&t.tr(role)),
                t.date(plan.projects[p].start),
                t.date(plan.projects[p].finish)
            )?;
        }
        html.write_str("</tbody>\n</table>\n</article>\n")?;
    }
    if !idle.is_empty() {
        writeln!(
            html,
            "<p class=\"note\">{}</p>",
            t.with("actors-idle", &[("names", idle.join(", "))])
        )?;
    }
    if roadmap.actors.is_empty() {
        writeln!(html, "<p>{}</p>", escape(&t.get("no-actors")))?;
    }
    Ok(())
}
