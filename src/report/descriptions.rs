//! The descriptions of a roadmap's objectives, programmes, projects, actors, resources and
//! funding sources, for `roadmap plan -v`: kept out of the main table, where they would not fit.

use std::io::{self, Write};

use crate::model::Roadmap;
use crate::report::Look;
use crate::report::grid::{self, Grid};

/// (id, name, description) of one entry.
type Entry<'a> = (&'a str, &'a str, Option<&'a str>);

/// Every entry that has a description, by table, in file order. Nothing when none has one.
pub fn write(out: &mut dyn Write, roadmap: &Roadmap, look: &Look) -> io::Result<()> {
    let groups: [(&str, Vec<Entry>); 6] = [
        (
            "objective",
            roadmap
                .objectives
                .iter()
                .map(|o| (o.id.as_str(), o.name.as_str(), o.description.as_deref()))
                .collect(),
        ),
        (
            "programme",
            roadmap
                .programmes
                .iter()
                .map(|p| (p.id.as_str(), p.name.as_str(), p.description.as_deref()))
                .collect(),
        ),
        (
            "project",
            roadmap
                .projects
                .iter()
                .map(|p| (p.id.as_str(), p.name.as_str(), p.description.as_deref()))
                .collect(),
        ),
        (
            "actor",
            roadmap
                .actors
                .iter()
                .map(|a| (a.id.as_str(), a.name.as_str(), a.description.as_deref()))
                .collect(),
        ),
        (
            "resource",
            roadmap
                .resources
                .iter()
                .map(|r| (r.id.as_str(), r.name.as_str(), r.description.as_deref()))
                .collect(),
        ),
        (
            "funding",
            roadmap
                .funding
                .iter()
                .map(|f| (f.id.as_str(), f.name.as_str(), f.description.as_deref()))
                .collect(),
        ),
    ];
    // The kind goes first when the table does not fit; descriptions wrap at spaces.
    let mut table = Grid::new(vec![
        grid::Column::fixed("").optional(0),
        grid::Column::id(look.tr("id")),
        grid::Column::text(look.tr("description")),
    ])
    .key(1);
    let mut rows = 0;
    for (kind, entries) in groups {
        for (id, name, description) in entries {
            let Some(description) = description else {
                continue;
            };
            let text = if name == id {
                description.to_string()
            } else {
                format!("{name}: {description}")
            };
            table.row([kind.to_string(), id.to_string(), text]);
            rows += 1;
        }
    }
    if rows == 0 {
        return Ok(());
    }
    writeln!(
        out,
        "\n{}\n{}",
        look.bold("Descriptions"),
        table.render(look)
    )
}

/// The projects planned from their `effort`, for `roadmap plan -v`: the work per resource, the
/// units held and the duration that follows. Nothing when no project has an effort.
pub fn write_effort(out: &mut dyn Write, roadmap: &Roadmap, look: &Look) -> io::Result<()> {
    let mut table = Grid::new(vec![
        grid::Column::id("project"),
        grid::Column::text("effort"),
        grid::Column::number("units held"),
        grid::Column::number("duration"),
    ])
    .key(0);
    let mut rows = 0;
    for project in roadmap.projects.iter().filter(|p| !p.effort.is_empty()) {
        let held = |r: usize| {
            project
                .resources
                .iter()
                .find(|d| d.resource == r)
                .map_or(0.0, |d| d.units)
        };
        let effort: Vec<String> = project
            .effort
            .iter()
            .map(|e| format!("{} of {}", e.effort, roadmap.resources[e.resource].id))
            .collect();
        let units: Vec<String> = project
            .effort
            .iter()
            .map(|e| crate::display::units(held(e.resource)))
            .collect();
        table.row([
            project.id.clone(),
            effort.join("; "),
            units.join("; "),
            project.duration.to_string(),
        ]);
        rows += 1;
    }
    if rows == 0 {
        return Ok(());
    }
    writeln!(
        out,
        "\n{}\n{}",
        look.bold("Effort (duration = effort / units held, the longest)"),
        table.render(look)
    )
}
