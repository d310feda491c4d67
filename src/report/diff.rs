//! `roadmap diff`: the comparison of two plans as tables, JSON or Markdown (for a pull-request
//! comment).

use std::io::{self, Write};

use crate::diff::{Amounts, Diff};
use crate::i18n::{Arg, Messages, text};
use crate::report::grid::{self, Grid};
use crate::report::{Look, write_json};

fn signed(days: i64) -> String {
    match days {
        0 => "0".to_string(),
        d if d > 0 => format!("+{d}"),
        d => d.to_string(),
    }
}

fn opt(value: Option<f64>, money: bool, t: &Messages) -> String {
    match value {
        None => "—".to_string(),
        Some(v) if money => t.amount(v),
        Some(v) => t.units(v),
    }
}

fn summary(diff: &Diff, t: &Messages) -> String {
    t.text(&text!(
        "diff-summary",
        old = diff.finish.old,
        new = diff.finish.new,
        slip = signed(diff.finish.slip_days),
        added = diff.added.len(),
        removed = diff.removed.len(),
        changed = diff.changed.len(),
        old_cost = Arg::Amount(diff.cost.old),
        new_cost = Arg::Amount(diff.cost.new),
    ))
}

/// The label before a project's critical-path change: ` (now critical)`.
fn criticality(critical: (bool, bool), t: &Messages) -> String {
    match critical {
        (false, true) => format!(" ({})", t.tr("now critical")),
        (true, false) => format!(" ({})", t.tr("no longer critical")),
        _ => String::new(),
    }
}

/// `old amount`, `new peak`: the column titles of a changed amount.
fn old_new(what: &str, t: &Messages) -> (String, String) {
    let what = t.tr(what);
    (
        t.with("diff-old", &[("what", what.clone())]),
        t.with("diff-new", &[("what", what)]),
    )
}

/// The changed keys, then why the project moved ("moved: after `x` (FS), which moved +30 days").
fn changes_text(
    fields: &[crate::diff::FieldChange],
    moved_by: Option<&crate::i18n::Text>,
    arrow: &str,
    t: &Messages,
) -> String {
    fields
        .iter()
        .map(|f| {
            let shown = |s: &str| {
                if s.is_empty() {
                    t.tr("(none)")
                } else {
                    s.to_string()
                }
            };
            format!("{}: {} {arrow} {}", f.key, shown(&f.old), shown(&f.new))
        })
        .chain(moved_by.map(|why| t.with("diff-moved", &[("why", t.text(why))])))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn table(out: &mut dyn Write, diff: &Diff, look: &Look) -> io::Result<()> {
    let t = look.messages();
    let arrow = look.arrow();
    let paragraph = |text: &str| grid::paragraph(text, look.width);
    writeln!(
        out,
        "{}",
        paragraph(&format!("{} {arrow} {}", diff.old, diff.new))
    )?;
    writeln!(
        out,
        "{}\n",
        paragraph(&summary(diff, &t).replace('→', arrow))
    )?;
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
                    t.date(p.start),
                    t.date(p.finish),
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
            table.row([
                c.id.clone(),
                t.date(c.start.new),
                signed(c.start.slip_days),
                t.date(c.finish.new),
                signed(c.finish.slip_days),
                format!(
                    "{}{}",
                    changes_text(&c.fields, c.moved_by.as_ref(), arrow, &t),
                    criticality(c.critical, &t)
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
        let labels = [(look.tr("old"), &cp.old), (look.tr("new"), &cp.new)];
        // `  old: ` and its continuation lines under it, as wide as the wider label.
        let indent = 4 + labels
            .iter()
            .map(|(label, _)| grid::visible_width(label))
            .max()
            .unwrap_or(0);
        let room = usize::from(look.width).saturating_sub(indent);
        for (label, ids) in &labels {
            let lines = grid::wrap_at_spaces(&join(ids), room);
            for (i, line) in lines.iter().enumerate() {
                let head = if i == 0 {
                    format!("  {label}: ")
                } else {
                    " ".repeat(indent)
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
    let t = look.messages();
    let (a, b) = if money {
        ("amount", "committed")
    } else {
        ("capacity", "peak")
    };
    let ((old_a, new_a), (old_b, new_b)) = (old_new(a, &t), old_new(b, &t));
    let mut table = Grid::new(vec![
        grid::Column::id(look.tr("id")),
        grid::Column::number(old_a),
        grid::Column::number(new_a),
        grid::Column::number(old_b),
        grid::Column::number(new_b),
    ]);
    for r in changed {
        table.row([
            r.id.clone(),
            opt(r.old, money, &t),
            opt(r.new, money, &t),
            opt(r.old_used, money, &t),
            opt(r.new_used, money, &t),
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
pub fn markdown(out: &mut dyn Write, diff: &Diff, look: &Look) -> io::Result<()> {
    let t = look.messages();
    let cells = |titles: &[&str]| -> String {
        titles
            .iter()
            .map(|title| format!(" {} |", md(&t.tr(title))))
            .collect()
    };
    writeln!(
        out,
        "### {}: `{}` → `{}`\n",
        md(&t.tr("Roadmap plan")),
        md(&diff.old),
        md(&diff.new)
    )?;
    writeln!(out, "{}\n", md(&summary(diff, &t)))?;
    if diff.is_empty() {
        return writeln!(out, "{}", md(&t.tr("No change to the plan.")));
    }
    if !diff.added.is_empty() || !diff.removed.is_empty() {
        writeln!(
            out,
            "| |{}\n|---|---|---|---|",
            cells(&["project", "start", "finish"])
        )?;
        for (sign, list) in [("➕ added", &diff.added), ("➖ removed", &diff.removed)] {
            let (mark, word) = sign.split_once(' ').unwrap_or(("", sign));
            for p in list {
                writeln!(
                    out,
                    "| {mark} {} | `{}` {} | {} | {} |",
                    md(&t.tr(word)),
                    md(&p.id),
                    md(&p.name),
                    t.date(p.start),
                    t.date(p.finish)
                )?;
            }
        }
        writeln!(out)?;
    }
    if !diff.changed.is_empty() {
        writeln!(
            out,
            "|{}\n|---|---|---:|---|---:|---|",
            cells(&[
                "project",
                "start",
                "slip (days)",
                "finish",
                "slip (days)",
                "changes"
            ])
        )?;
        for c in &diff.changed {
            writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} |",
                md(&c.id),
                t.date(c.start.new),
                signed(c.start.slip_days),
                t.date(c.finish.new),
                signed(c.finish.slip_days),
                md(&format!(
                    "{}{}",
                    changes_text(&c.fields, c.moved_by.as_ref(), "→", &t),
                    criticality(c.critical, &t)
                ))
            )?;
        }
        writeln!(out)?;
    }
    let cp = &diff.critical_path;
    if cp.changed {
        // The terminal's title without its colon.
        let title = t.tr("Critical path changed:");
        writeln!(
            out,
            "**{}**\n\n- {}: {}\n- {}: {}\n",
            md(title.trim_end_matches(':')),
            md(&t.tr("old")),
            md(&cp.old.join(" → ")),
            md(&t.tr("new")),
            md(&cp.new.join(" → "))
        )?;
    } else {
        writeln!(out, "{}\n", md(&t.tr("Critical path unchanged.")))?;
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
        writeln!(
            out,
            "**{}**\n\n|{}\n|---|---:|---:|",
            md(&t.tr(title)),
            cells(&["id", a, b])
        )?;
        for r in changed {
            writeln!(
                out,
                "| `{}` | {} → {} | {} → {} |",
                md(&r.id),
                opt(r.old, money, &t),
                opt(r.new, money, &t),
                opt(r.old_used, money, &t),
                opt(r.new_used, money, &t)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
