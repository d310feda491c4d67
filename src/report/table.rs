//! The plan as a table: one row per project, in the order they start.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, Color, ColumnConstraint};

use crate::model::Roadmap;
use crate::plan::Plan;
use crate::plan::rollup::Item;
use crate::report::Look;

/// A column of the plan table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Id,
    Name,
    Priority,
    Lead,
    Start,
    Finish,
    Duration,
    Slack,
    Critical,
    Wave,
}

impl Column {
    const ALL: [Column; 10] = [
        Column::Id,
        Column::Name,
        Column::Priority,
        Column::Lead,
        Column::Start,
        Column::Finish,
        Column::Duration,
        Column::Slack,
        Column::Critical,
        Column::Wave,
    ];
    /// Left out first when the table does not fit the width.
    const DROP_ORDER: [Column; 4] = [
        Column::Lead,
        Column::Wave,
        Column::Duration,
        Column::Priority,
    ];

    fn title(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::Priority => "prio",
            Column::Lead => "lead",
            Column::Start => "start",
            Column::Finish => "finish",
            Column::Duration => "duration",
            Column::Slack => "slack",
            Column::Critical => "crit",
            Column::Wave => "wave",
        }
    }
}

/// Names wrap, but get at least this many columns.
const NAME_MIN_WIDTH: usize = 20;
/// Longer ids are cut with an ellipsis, as in the timeline.
pub const ID_MAX_WIDTH: usize = 24;

pub fn write(out: &mut dyn Write, roadmap: &Roadmap, plan: &Plan, look: &Look) -> io::Result<()> {
    let rows = plan
        .start_order
        .iter()
        .map(|&p| project_row(roadmap, plan, look, p, 0))
        .collect();
    write_rows(out, look, rows)
}

/// The plan table as the programme tree: a summary row per programme (rolled-up dates,
/// critical when it holds a critical project), its projects indented under it.
pub fn write_outline(
    out: &mut dyn Write,
    roadmap: &Roadmap,
    plan: &Plan,
    look: &Look,
) -> io::Result<()> {
    let rows = plan
        .outline
        .iter()
        .map(|row| match row.item {
            Item::Project(p) => project_row(roadmap, plan, look, p, row.depth),
            Item::Programme(q) => programme_row(roadmap, plan, look, q, row.depth),
        })
        .collect();
    write_rows(out, look, rows)
}

/// Two spaces per level of the outline.
pub fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}

/// One row of the table: is it critical, its cells, is it a programme's summary row.
struct Row {
    critical: bool,
    cells: Vec<String>,
    summary: bool,
}

fn project_row(roadmap: &Roadmap, plan: &Plan, look: &Look, p: usize, depth: usize) -> Row {
    let critical_mark = if look.ascii { "*" } else { "●" };
    let milestone = if look.ascii { "* 0d" } else { "◆ 0d" };
    let project = &roadmap.projects[p];
    let planned = &plan.projects[p];
    let cells = Column::ALL.map(|column| match column {
        Column::Id => format!("{}{}", indent(depth), truncate(&project.id, ID_MAX_WIDTH)),
        Column::Name => project.name.clone(),
        Column::Priority => project.priority.to_string(),
        Column::Lead => roadmap.actors[project.lead].id.clone(),
        Column::Start => planned.start.to_string(),
        Column::Finish => planned.finish.to_string(),
        Column::Duration if project.is_milestone() => milestone.to_string(),
        Column::Duration => project.duration.to_string(),
        Column::Slack => format!("{}d", planned.total_slack),
        Column::Critical => if planned.critical { critical_mark } else { "" }.to_string(),
        Column::Wave => planned.wave.to_string(),
    });
    Row {
        critical: planned.critical,
        cells: cells.to_vec(),
        summary: false,
    }
}

fn programme_row(roadmap: &Roadmap, plan: &Plan, look: &Look, q: usize, depth: usize) -> Row {
    let critical_mark = if look.ascii { "*" } else { "●" };
    let programme = &roadmap.programmes[q];
    let planned = &plan.programmes[q];
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(String::new, |d| d.to_string());
    let cells = Column::ALL.map(|column| match column {
        Column::Id => format!("{}{}", indent(depth), truncate(&programme.id, ID_MAX_WIDTH)),
        Column::Name => programme.name.clone(),
        Column::Lead => programme
            .lead
            .map_or_else(String::new, |a| roadmap.actors[a].id.clone()),
        Column::Start => date(planned.start),
        Column::Finish => date(planned.finish),
        Column::Duration => format!("{}d", planned.days()),
        Column::Critical => if planned.critical { critical_mark } else { "" }.to_string(),
        Column::Priority | Column::Slack | Column::Wave => String::new(),
    });
    Row {
        critical: planned.critical,
        cells: cells.to_vec(),
        summary: true,
    }
}

fn write_rows(out: &mut dyn Write, look: &Look, rows: Vec<Row>) -> io::Result<()> {
    let rows: Vec<(bool, Vec<String>, bool)> = rows
        .into_iter()
        .map(|r| (r.critical, r.cells, r.summary))
        .collect();
    let widths: Vec<(bool, Vec<String>)> = rows
        .iter()
        .map(|(c, cells, _)| (*c, cells.clone()))
        .collect();
    let shown = fitting_columns(&widths, usize::from(look.width));

    let mut table = look.table();
    table.set_header(
        shown.iter().map(|&c| {
            Cell::new(Column::ALL[c].title()).add_attribute(comfy_table::Attribute::Bold)
        }),
    );
    for (critical, cells, summary) in rows {
        table.add_row(shown.iter().map(|&c| {
            let column = Column::ALL[c];
            let mut cell = Cell::new(&cells[c]);
            if column == Column::Id && critical && look.color {
                cell = cell.fg(Color::Red);
            }
            if summary && matches!(column, Column::Id | Column::Name) {
                cell = cell.add_attribute(comfy_table::Attribute::Bold);
            }
            match column {
                Column::Priority | Column::Duration | Column::Slack | Column::Wave => {
                    cell.set_alignment(CellAlignment::Right)
                }
                Column::Critical => cell.set_alignment(CellAlignment::Center),
                _ => cell,
            }
        }));
    }
    // Everything but the name keeps its full width; the name wraps into what is left.
    for (i, column) in table.column_iter_mut().enumerate() {
        if Column::ALL[shown[i]] != Column::Name {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    writeln!(out, "{table}")
}

/// The columns (indices into [`Column::ALL`]) that fit in `width`, dropping the least useful
/// first.
fn fitting_columns(rows: &[(bool, Vec<String>)], width: usize) -> Vec<usize> {
    let natural = |c: usize| {
        let content = rows
            .iter()
            .map(|(_, cells)| cells[c].chars().count())
            .chain([Column::ALL[c].title().len()])
            .max()
            .unwrap_or(0);
        let content = if Column::ALL[c] == Column::Name {
            content.min(NAME_MIN_WIDTH)
        } else {
            content
        };
        content + 2 // padding
    };
    let mut shown: Vec<usize> = (0..Column::ALL.len()).collect();
    let total = |shown: &[usize]| shown.iter().map(|&c| natural(c)).sum::<usize>() + 2;
    for drop in Column::DROP_ORDER {
        if total(&shown) <= width {
            break;
        }
        shown.retain(|&c| Column::ALL[c] != drop);
    }
    shown
}

/// `text` cut to `width` characters, with an ellipsis when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}
