//! The plan as a table: one row per project, in the order they start.

use std::io::{self, Write};

use comfy_table::Color;

use crate::i18n::Messages;
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::plan::rollup::Item;
use crate::report::Look;
use crate::report::grid::{self, Align, Grid, GridCell};

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
    /// The column in the shared layout: ids whole, names wrapped, and lead, wave, duration and
    /// priority, then the name, left out in that order when the table does not fit (README).
    fn grid_column(self, t: &Messages) -> grid::Column {
        let title = t.get(self.title());
        match self {
            Column::Id => grid::Column::id(title),
            Column::Name => grid::Column::text(title).optional(4),
            Column::Lead => grid::Column::id(title).optional(0),
            Column::Wave => grid::Column::number(title).optional(1),
            Column::Duration => grid::Column::number(title).optional(2),
            Column::Priority => grid::Column::number(title).optional(3),
            Column::Start | Column::Finish => grid::Column::fixed(title),
            Column::Slack => grid::Column::number(title),
            Column::Critical => grid::Column::fixed(title).align(Align::Center),
        }
    }

    /// The catalogue id of the column's title.
    fn title(self) -> &'static str {
        match self {
            Column::Id => "term-id",
            Column::Name => "term-name",
            Column::Priority => "term-prio",
            Column::Lead => "term-lead",
            Column::Start => "term-start",
            Column::Finish => "term-finish",
            Column::Duration => "term-duration",
            Column::Slack => "term-slack",
            Column::Critical => "term-crit",
            Column::Wave => "term-wave",
        }
    }
}

/// Longer ids are cut with an ellipsis where a view truly has no room (the SVG chart).
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
    let t = look.messages();
    let critical_mark = if look.ascii { "*" } else { "●" };
    let milestone = if look.ascii { "* 0d" } else { "◆ 0d" };
    let project = &roadmap.projects[p];
    let planned = &plan.projects[p];
    let cells = Column::ALL.map(|column| match column {
        Column::Id => format!("{}{}", indent(depth), project.id),
        Column::Name => project.name.clone(),
        Column::Priority => project.priority.to_string(),
        Column::Lead => roadmap.actors[project.lead].id.clone(),
        Column::Start => t.date(planned.start),
        Column::Finish => t.date(planned.finish),
        Column::Duration if project.is_milestone() => milestone.to_string(),
        Column::Duration => project.duration.to_string(),
        Column::Slack => t.days(planned.total_slack),
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
    let t = look.messages();
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(String::new, |d| t.date(d));
    let cells = Column::ALL.map(|column| match column {
        Column::Id => format!("{}{}", indent(depth), programme.id),
        Column::Name => programme.name.clone(),
        Column::Lead => programme
            .lead
            .map_or_else(String::new, |a| roadmap.actors[a].id.clone()),
        Column::Start => date(planned.start),
        Column::Finish => date(planned.finish),
        Column::Duration => t.days(planned.days()),
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
    let t = look.messages();
    let mut grid = Grid::new(Column::ALL.map(|c| c.grid_column(&t)).to_vec());
    for row in rows {
        grid.row(Column::ALL.iter().zip(row.cells).map(|(&column, text)| {
            let cell = GridCell::new(text);
            let cell = if column == Column::Id {
                cell.fg_if(row.critical, Color::Red)
            } else {
                cell
            };
            if row.summary && matches!(column, Column::Id | Column::Name) {
                cell.bold()
            } else {
                cell
            }
        }));
    }
    writeln!(out, "{}", grid.render(look))
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
