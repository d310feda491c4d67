//! `roadmap diff`: the comparison of two plans as tables, JSON or Markdown (for a pull-request
//! comment).

use std::io::{self, Write};

use crate::diff::{Amounts, Diff};
use crate::display::{amount, units};
use crate::report::grid::{self, Grid};
use crate::report::{Look, write_json};

fn signed(days: i64) -> String {
    match days {
        0 => "0".to_string(),
        d if d > 0 => format!("+{d}"),
        d => d.to_string(),
    }
}

fn opt(value: Option<f64>, money: bool) -> String {
    match value {
        None => "—".to_string(),
        Some(v) if money => amount(v),
        Some(v) => units(v),
    }
}

fn summary(diff: &Diff) -> String {
    format!(
        "Finish {} → {} ({} days); {} added, {} removed, {} changed or moved; cost {} → {}",
        diff.finish.old,
        diff.finish.new,
        signed(diff.finish.slip_days),
        diff.added.len(),
        diff.removed.len(),
        diff.changed.len(),
        amount(diff.cost.old),
        amount(diff.cost.new)
    )
}

/// The changed keys, then why the project moved ("moved: after `x` (FS), which moved +30 days").
fn changes_text(
    fields: &[crate::diff::FieldChange],
    moved_by: Option<&str>,
    arrow: &str,
) -> String {
    fields
        .iter()
        .map(|f| {
            let shown = |s: &str| {
                if s.is_empty() {
                    "(none)".to_string()
                } else {
                    s.to_string()
                }
            };
            format!("{}: {} {arrow} {}", f.key, shown(&f.old), shown(&f.new))
        })
        .chain(moved_by.map(|why| format!("moved: {why}")))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn table(out: &mut dyn Write, diff: &Diff, look: &Look) -> io::Result<()> {
    let arrow = look.arrow();
    let paragraph = |text: &str| grid::paragraph(text, look.width);
    writeln!(
        out,
        "{}",
        paragraph(&format!("{} {arrow} {}", diff.old, diff.new))
    )?;
    writeln!(out, "{}\n", paragraph(&summary(diff).replace('→', arrow)))?;
    if diff.is_empty() {
        return writeln!(
            out,
            "{}",
            grid::paragraph(&look.tr("The plans are the same."), look.width)
        );
    }
    if !diff.added.is_empty() || !diff.removed.is_empty() {
        let mut table = Grid::new(vec![
            grid::Column::fixed(""),
            grid::Column::id(look.tr("id")),
            grid::Column::text(look.tr("name")).optional(0),
            grid::Column::fixed(look.tr("start")),
            grid::Column::fixed(look.tr("finish")),
        ])
        .key(1);
        for (sign, list) in [("+", &diff.added), ("-", &diff.removed)] {
            for p in list {
                table.row([
                    sign.to_string(),
                    p.id.clone(),
                    p.name.clone(),
                    p.start.to_string(),
                    p.finish.to_string(),
                ]);
            }
        }
        writeln!(
            out,
            "{}\n{}\n",
            look.tr("Added (+) and removed (-) projects:"),
            table.render(look)
        )?;
    }
    if !diff.changed.is_empty() {
        let mut table = Grid::new(vec![
            grid::Column::id(look.tr("id")),
            grid::Column::fixed(look.tr("start")),
            grid::Column::number(look.tr("slip")),
            grid::Column::fixed(look.tr("finish")),
            grid::Column::number(look.tr("slip")),
            grid::Column::text(look.tr("changes")),
        ]);
        for c in &diff.changed {
            let critical = match c.critical {
                (false, true) => " (now critical)",
                (true, false) => " (no longer critical)",
                _ => "",
            };
            table.row([
                c.id.clone(),
                c.start.new.to_string(),
                signed(c.start.slip_days),
                c.finish.new.to_string(),
                signed(c.finish.slip_days),
                format!(
                    "{}{critical}",
                    changes_text(&c.fields, c.moved_by.as_deref(), arrow)
                ),
            ]);
        }
        writeln!(
            out,
            "{}\n{}\n",
            look.tr("Changed or moved projects (new dates, slip in days):"),
            table.render(look)
        )?;
    }
    let cp = &diff.critical_path;
    if cp.changed {
        let join = |ids: &[String]| ids.join(&format!(" {arrow} "));
        writeln!(
            out,
            "{}",
            grid::paragraph(&look.tr("Critical path changed:"), look.width)
        )?;
        let room = usize::from(look.width).saturating_sub(7);
        for (label, ids) in [("old", &cp.old), ("new", &cp.new)] {
            let lines = grid::wrap_at_spaces(&join(ids), room);
            for (i, line) in lines.iter().enumerate() {
                let head = if i == 0 {
                    format!("  {label}: ")
                } else {
                    " ".repeat(7)
                };
                writeln!(out, "{head}{line}")?;
            }
        }
        writeln!(out)?;
    } else {
        writeln!(out, "{}\n", look.tr("Critical path unchanged."))?;
    }
    amounts_table(
        out,
        look,
        &look.tr("Funding (amount, committed)"),
        &diff.funding,
        true,
    )?;
    amounts_table(
        out,
        look,
        &look.tr("Resources (capacity, peak use)"),
        &diff.resources,
        false,
    )
}

fn amounts_table(
    out: &mut dyn Write,
    look: &Look,
    title: &str,
    rows: &[Amounts],
    money: bool,
) -> io::Result<()> {
    let changed: Vec<_> = rows.iter().filter(|r| r.is_changed()).collect();
    if changed.is_empty() {
        return Ok(());
    }
    let (a, b) = if money {
        ("amount", "committed")
    } else {
        ("capacity", "peak")
    };
    let mut table = Grid::new(vec![
        grid::Column::id(look.tr("id")),
        grid::Column::number(format!("old {a}")),
        grid::Column::number(format!("new {a}")),
        grid::Column::number(format!("old {b}")),
        grid::Column::number(format!("new {b}")),
    ]);
    for r in changed {
        table.row([
            r.id.clone(),
            opt(r.old, money),
            opt(r.new, money),
            opt(r.old_used, money),
            opt(r.new_used, money),
        ]);
    }
    writeln!(out, "{title}:\n{}\n", table.render(look))
}

#[derive(serde::Serialize)]
struct Json<'a> {
    version: u32,
    report: &'static str,
    #[serde(flatten)]
    diff: &'a Diff,
}

pub fn json(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    write_json(
        out,
        &Json {
            version: 1,
            report: "diff",
            diff,
        },
    )
}

/// Markdown cell text: pipes escaped, newlines flattened.
fn md(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// A pull-request comment.
pub fn markdown(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    writeln!(
        out,
        "### Roadmap plan: `{}` → `{}`\n",
        md(&diff.old),
        md(&diff.new)
    )?;
    writeln!(out, "{}\n", md(&summary(diff)))?;
    if diff.is_empty() {
        return writeln!(out, "No change to the plan.");
    }
    if !diff.added.is_empty() || !diff.removed.is_empty() {
        writeln!(out, "| | project | start | finish |\n|---|---|---|---|")?;
        for (sign, list) in [("➕ added", &diff.added), ("➖ removed", &diff.removed)] {
            for p in list {
                writeln!(
                    out,
                    "| {sign} | `{}` {} | {} | {} |",
                    md(&p.id),
                    md(&p.name),
                    p.start,
                    p.finish
                )?;
            }
        }
        writeln!(out)?;
    }
    if !diff.changed.is_empty() {
        writeln!(
            out,
            "| project | start | slip (days) | finish | slip (days) | changes |\n|---|---|---:|---|---:|---|"
        )?;
        for c in &diff.changed {
            writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} |",
                md(&c.id),
                c.start.new,
                signed(c.start.slip_days),
                c.finish.new,
                signed(c.finish.slip_days),
                md(&changes_text(&c.fields, c.moved_by.as_deref(), "→"))
            )?;
        }
        writeln!(out)?;
    }
    let cp = &diff.critical_path;
    if cp.changed {
        writeln!(
            out,
            "**Critical path changed**\n\n- old: {}\n- new: {}\n",
            md(&cp.old.join(" → ")),
            md(&cp.new.join(" → "))
        )?;
    } else {
        writeln!(out, "Critical path unchanged.\n")?;
    }
    for (title, rows, money) in [
        ("Funding", &diff.funding, true),
        ("Resources", &diff.resources, false),
    ] {
        let changed: Vec<_> = rows.iter().filter(|r| r.is_changed()).collect();
        if changed.is_empty() {
            continue;
        }
        let (a, b) = if money {
            ("amount", "committed")
        } else {
            ("capacity", "peak")
        };
        writeln!(out, "**{title}**\n\n| id | {a} | {b} |\n|---|---:|---:|")?;
        for r in changed {
            writeln!(
                out,
                "| `{}` | {} → {} | {} → {} |",
                md(&r.id),
                opt(r.old, money),
                opt(r.new, money),
                opt(r.old_used, money),
                opt(r.new_used, money)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
