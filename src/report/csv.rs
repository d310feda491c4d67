//! The plan as CSV: one row per project, every column of the plan table plus cost and funding.
//! Columns are documented in the README and only ever added to, never renamed.

use std::io::{self, Write};

use serde::Serialize;

use crate::display::number;
use crate::model::Roadmap;
use crate::plan::Plan;

#[derive(Serialize)]
struct Row<'a> {
    id: Text<'a>,
    name: Text<'a>,
    priority: u8,
    lead: Text<'a>,
    participants: String,
    objectives: String,
    start: String,
    finish: String,
    duration: String,
    days: i32,
    slack_days: i32,
    free_slack_days: i32,
    critical: bool,
    wave: u32,
    early_start: String,
    late_start: String,
    depends_on: String,
    cost: Option<String>,
    funded: String,
    funding: String,
    /// Programme ids from the top level down, joined by `/`.
    programme: Text<'a>,
    links: String,
    status: &'static str,
    actual_start: Option<String>,
    actual_finish: Option<String>,
    progress: Option<String>,
}

/// A text cell, neutralised so spreadsheets never run it as a formula.
struct Text<'a>(&'a str);

impl Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&neutralise(self.0))
    }
}

/// Cells starting with `=`, `+`, `-`, `@`, tab or CR are formulas to Excel, LibreOffice and
/// Sheets; a leading `'` makes them plain text (OWASP's advice). Only for text columns: numbers
/// stay numbers.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Ids joined with `;`, each neutralised.
fn joined<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.map(|id| neutralise(id).into_owned())
        .collect::<Vec<_>>()
        .join(";")
}

pub fn write(out: &mut dyn Write, roadmap: &Roadmap, plan: &Plan) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    let programme_paths: Vec<String> = (0..roadmap.projects.len())
        .map(|p| roadmap.programme_path_ids(p))
        .collect();
    for &p in &plan.start_order {
        let project = &roadmap.projects[p];
        let planned = &plan.projects[p];
        let row = Row {
            id: Text(&project.id),
            name: Text(&project.name),
            priority: project.priority,
            lead: Text(&roadmap.actors[project.lead].id),
            participants: joined(
                project
                    .participants
                    .iter()
                    .map(|&a| roadmap.actors[a].id.as_str()),
            ),
            objectives: joined(
                project
                    .objectives
                    .iter()
                    .map(|&o| roadmap.objectives[o].id.as_str()),
            ),
            start: planned.start.to_string(),
            finish: planned.finish.to_string(),
            duration: project.duration.to_string(),
            days: planned.days,
            slack_days: planned.total_slack,
            free_slack_days: planned.free_slack,
            critical: planned.critical,
            wave: planned.wave,
            early_start: planned.early_start.to_string(),
            late_start: planned.late_start.to_string(),
            depends_on: joined(
                project
                    .depends_on
                    .iter()
                    .map(|d| roadmap.projects[d.on].id.as_str()),
            ),
            cost: project.cost.map(number),
            funded: number(project.funded()),
            funding: project
                .funding
                .iter()
                .map(|c| {
                    format!(
                        "{}={}",
                        neutralise(&roadmap.funding[c.source].id),
                        number(c.amount)
                    )
                })
                .collect::<Vec<_>>()
                .join(";"),
            programme: Text(&programme_paths[p]),
            links: project
                .depends_on
                .iter()
                .map(|d| {
                    format!(
                        "{}:{}:{}",
                        neutralise(&roadmap.projects[d.on].id),
                        d.kind,
                        d.lag
                    )
                })
                .collect::<Vec<_>>()
                .join(";"),
            status: crate::model::Status::ALL
                .iter()
                .find(|(_, s)| *s == project.status)
                .map_or("not-started", |(name, _)| name),
            actual_start: project.actual_start.map(|d| d.to_string()),
            actual_finish: project.actual_finish.map(|d| d.to_string()),
            progress: project.progress.map(number),
        };
        writer.serialize(row).map_err(io::Error::other)?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_kept() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("Open data portal"), "Open data portal");
    }
}
