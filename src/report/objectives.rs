//! What every view grouped by objective shares: the mark of a project serving several
//! objectives, the sentence saying how such projects are counted, group titles, and the
//! "By objective" roll-up table that `plan --group-by objective` prints under the plan table.
//! The figures come from the plan's roll-ups ([`crate::plan::objectives`]).

use std::io::{self, Write};

use crate::i18n::{Arg, Messages, text};
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::plan::objectives::{ObjectivePlan, is_shared};
use crate::report::Look;
use crate::report::grid::{self, Grid, GridCell};

/// The mark after a shared project's id: `↔`, or `<>` in ASCII.
pub fn shared_mark(ascii: bool) -> &'static str {
    if ascii { "<>" } else { "↔" }
}

/// A project's label in a group: its id, with the shared mark when it serves several
/// objectives.
pub fn label(roadmap: &Roadmap, p: usize, ascii: bool) -> String {
    let project = &roadmap.projects[p];
    if is_shared(project) {
        format!("{} {}", project.id, shared_mark(ascii))
    } else {
        project.id.clone()
    }
}

/// The key item explaining the mark.
pub fn key_item(ascii: bool, t: &Messages) -> String {
    t.with("shared-key", &[("mark", shared_mark(ascii).to_string())])
}

/// How shared projects are counted, with the plan's own totals (each project once).
pub fn counting_note(roadmap: &Roadmap, ascii: bool, t: &Messages) -> String {
    let shared = roadmap.projects.iter().filter(|p| is_shared(p)).count();
    let currency = if roadmap.currency.is_empty() {
        String::new()
    } else {
        format!(" {}", roadmap.currency)
    };
    t.text(&text!(
        "objectives-counting",
        mark = shared_mark(ascii),
        projects = roadmap.projects.len(),
        shared = shared,
        cost = Arg::Amount(roadmap.total_cost()),
        currency = currency,
    ))
}

/// The group of the projects serving no objective: `(no objective)`.
pub fn no_objective(t: &Messages) -> String {
    t.get("no-objective")
}

/// "mobility: Cleaner mobility" or "(no objective)".
pub fn name(roadmap: &Roadmap, group: &ObjectivePlan, t: &Messages) -> String {
    match group.objective {
        Some(o) => {
            let objective = &roadmap.objectives[o];
            if objective.name.is_empty() || objective.name == objective.id {
                objective.id.clone()
            } else {
                format!("{}: {}", objective.id, objective.name)
            }
        }
        None => no_objective(t),
    }
}

/// "3 projects, 2 shared", "1 project" or "no project".
pub fn count(group: &ObjectivePlan, t: &Messages) -> String {
    t.text(&text!(
        "objective-count",
        count = group.projects.len(),
        shared = group.shared,
    ))
}

/// A group's title line: its name and how many projects it counts.
pub fn title(roadmap: &Roadmap, group: &ObjectivePlan, ascii: bool, t: &Messages) -> String {
    let dash = if ascii { "-" } else { "—" };
    format!("{} {dash} {}", name(roadmap, group, t), count(group, t))
}

/// The "By objective" table: per objective its projects, the shared ones, dates, cost,
/// committed funding and criticality (committed, crit and start left out in that order when
/// the width is short); a last row with the plan's totals (each project once);
/// the counting note under it (the timeline's key refers to it). Nothing when the roadmap has
/// no objectives.
pub fn write_table(
    out: &mut dyn Write,
    roadmap: &Roadmap,
    plan: &Plan,
    look: &Look,
) -> io::Result<()> {
    if roadmap.objectives.is_empty() {
        return Ok(());
    }
    let t = look.messages();
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(String::new, |d| t.date(d));
    let yes = |critical: bool| {
        if critical {
            look.tr("yes")
        } else {
            String::new()
        }
    };
    let mut table = Grid::new(vec![
        grid::Column::id(look.tr("objective")),
        grid::Column::number(look.tr("projects")),
        grid::Column::number(look.tr("shared")),
        grid::Column::fixed(look.tr("start")).optional(2),
        grid::Column::fixed(look.tr("finish")),
        grid::Column::number(look.tr("cost")),
        grid::Column::number(look.tr("committed")).optional(0),
        grid::Column::fixed(look.tr("crit")).optional(1),
    ]);
    for group in &plan.objectives {
        let id = match group.objective {
            Some(o) => roadmap.objectives[o].id.clone(),
            None => no_objective(&t),
        };
        table.row([
            GridCell::new(id),
            GridCell::new(group.projects.len().to_string()),
            GridCell::new(group.shared.to_string()),
            GridCell::new(date(group.start)),
            GridCell::new(date(group.finish)),
            GridCell::new(t.amount(group.cost)),
            GridCell::new(t.amount(group.committed)),
            GridCell::new(yes(group.critical)),
        ]);
    }
    let shared = roadmap.projects.iter().filter(|p| is_shared(p)).count();
    let committed = roadmap.projects.iter().fold(0.0, |sum, p| sum + p.funded());
    table.row([
        GridCell::new(look.tr("plan (each once)")).bold(),
        GridCell::new(roadmap.projects.len().to_string()).bold(),
        GridCell::new(shared.to_string()).bold(),
        GridCell::new(t.date(plan.start())).bold(),
        GridCell::new(t.date(plan.finish())).bold(),
        GridCell::new(t.amount(roadmap.total_cost())).bold(),
        GridCell::new(t.amount(committed)).bold(),
        GridCell::new(yes(plan.projects.iter().any(|p| p.critical))),
    ]);
    writeln!(
        out,
        "{}\n{}\n{}",
        look.bold(&look.tr("By objective")),
        table.render(look),
        grid::paragraph(&counting_note(roadmap, look.ascii, &t), look.width)
    )
}
