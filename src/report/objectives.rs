//! What every view grouped by objective shares: the mark of a project serving several
//! objectives, the sentence saying how such projects are counted, group titles, and the
//! "By objective" roll-up table that `plan --group-by objective` prints under the plan table.
//! The figures come from the plan's roll-ups ([`crate::plan::objectives`]).

use std::io::{self, Write};

use crate::display::amount;
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::plan::objectives::{ObjectivePlan, is_shared};
use crate::report::Look;
use crate::report::grid::{self, Grid, GridCell};

/// The title of the group of projects serving no objective.
pub const NO_OBJECTIVE: &str = "(no objective)";

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
pub fn key_item(ascii: bool) -> String {
    format!(
        "{} shared: serves several objectives, listed under each",
        shared_mark(ascii)
    )
}

/// How shared projects are counted, with the plan's own totals (each project once).
pub fn counting_note(roadmap: &Roadmap, ascii: bool) -> String {
    let projects = roadmap.projects.len();
    let shared = roadmap.projects.iter().filter(|p| is_shared(p)).count();
    let currency = if roadmap.currency.is_empty() {
        String::new()
    } else {
        format!(" {}", roadmap.currency)
    };
    format!(
        "Each objective counts its shared projects ({}) in full, so the objectives add up to \
         more than the plan; the plan counts each project once: {projects} project{}, {} of \
         them shared, cost {}{currency}.",
        shared_mark(ascii),
        if projects == 1 { "" } else { "s" },
        shared,
        amount(roadmap.total_cost())
    )
}

/// "mobility: Cleaner mobility" or "(no objective)".
pub fn name(roadmap: &Roadmap, group: &ObjectivePlan) -> String {
    match group.objective {
        Some(o) => {
            let objective = &roadmap.objectives[o];
            if objective.name.is_empty() || objective.name == objective.id {
                objective.id.clone()
            } else {
                format!("{}: {}", objective.id, objective.name)
            }
        }
        None => NO_OBJECTIVE.to_string(),
    }
}

/// "3 projects, 2 shared", "1 project" or "no project".
pub fn count(group: &ObjectivePlan) -> String {
    let n = group.projects.len();
    let projects = match n {
        0 => "no project".to_string(),
        1 => "1 project".to_string(),
        n => format!("{n} projects"),
    };
    if group.shared > 0 {
        format!("{projects}, {} shared", group.shared)
    } else {
        projects
    }
}

/// A group's title line: its name and how many projects it counts.
pub fn title(roadmap: &Roadmap, group: &ObjectivePlan, ascii: bool) -> String {
    let dash = if ascii { "-" } else { "—" };
    format!("{} {dash} {}", name(roadmap, group), count(group))
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
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(String::new, |d| d.to_string());
    let mut table = Grid::new(vec![
        grid::Column::id("objective"),
        grid::Column::number("projects"),
        grid::Column::number("shared"),
        grid::Column::fixed("start").optional(2),
        grid::Column::fixed("finish"),
        grid::Column::number("cost"),
        grid::Column::number("committed").optional(0),
        grid::Column::fixed("crit").optional(1),
    ]);
    for group in &plan.objectives {
        let id = match group.objective {
            Some(o) => roadmap.objectives[o].id.clone(),
            None => NO_OBJECTIVE.to_string(),
        };
        table.row([
            GridCell::new(id),
            GridCell::new(group.projects.len().to_string()),
            GridCell::new(group.shared.to_string()),
            GridCell::new(date(group.start)),
            GridCell::new(date(group.finish)),
            GridCell::new(amount(group.cost)),
            GridCell::new(amount(group.committed)),
            GridCell::new(if group.critical { "yes" } else { "" }),
        ]);
    }
    let shared = roadmap.projects.iter().filter(|p| is_shared(p)).count();
    let committed = roadmap.projects.iter().fold(0.0, |sum, p| sum + p.funded());
    table.row([
        GridCell::new("plan (each once)").bold(),
        GridCell::new(roadmap.projects.len().to_string()).bold(),
        GridCell::new(shared.to_string()).bold(),
        GridCell::new(plan.start().to_string()).bold(),
        GridCell::new(plan.finish().to_string()).bold(),
        GridCell::new(amount(roadmap.total_cost())).bold(),
        GridCell::new(amount(committed)).bold(),
        GridCell::new(if plan.projects.iter().any(|p| p.critical) {
            "yes"
        } else {
            ""
        }),
    ]);
    writeln!(
        out,
        "{}\n{}\n{}",
        look.bold("By objective"),
        table.render(look),
        grid::paragraph(&counting_note(roadmap, look.ascii), look.width)
    )
}
