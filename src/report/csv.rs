//! The plan as CSV: one row per project, every column of the plan table plus cost and funding.
//! Columns are documented in the README and only ever added to, never renamed.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
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
    start: IsoDate,
    finish: IsoDate,
    duration: String,
    days: i32,
    slack_days: i32,
    free_slack_days: i32,
    critical: bool,
    wave: u32,
    early_start: IsoDate,
    late_start: IsoDate,
    depends_on: String,
    cost: Option<String>,
    funded: String,
    funding: String,
    /// Programme ids from the top level down, joined by `/`.
    programme: Text<'a>,
    links: String,
    status: &'static str,
    actual_start: Option<IsoDate>,
    actual_finish: Option<IsoDate>,
    progress: Option<String>,
}

/// A date cell, `YYYY-MM-DD` as chrono writes it, made without the formatting machinery or an
/// allocation: a portfolio's CSV has six dates a row.
struct IsoDate(NaiveDate);

impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let date = self.0;
        if !(0..=9999).contains(&date.year()) {
            // Outside four-digit years (never shown by the plan): chrono's own form.
            return serializer.serialize_str(&date.to_string());
        }
        let mut text = [b'-'; 10];
        let digits = |text: &mut [u8], mut value: u32| {
            for place in text.iter_mut().rev() {
                *place = b'0' + (value % 10) as u8;
                value /= 10;
            }
        };
        digits(&mut text[0..4], date.year().unsigned_abs());
        digits(&mut text[5..7], date.month());
        digits(&mut text[8..10], date.day());
        serializer.serialize_str(std::str::from_utf8(&text).map_err(serde::ser::Error::custom)?)
    }
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

/// Ids joined with `;`, each neutralised (built in place: most cells hold none or one).
fn joined<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let mut cell = String::new();
    for (i, id) in ids.enumerate() {
        if i > 0 {
            cell.push(';');
        }
        cell.push_str(&neutralise(id));
    }
    cell
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
            start: IsoDate(planned.start),
            finish: IsoDate(planned.finish),
            duration: project.duration.to_string(),
            days: planned.days,
            slack_days: planned.total_slack,
            free_slack_days: planned.free_slack,
            critical: planned.critical,
            wave: planned.wave,
            early_start: IsoDate(planned.early_start),
            late_start: IsoDate(planned.late_start),
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
            actual_start: project.actual_start.map(IsoDate),
            actual_finish: project.actual_finish.map(IsoDate),
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

    /// Every day of 1999-2001 and the ends of the range give what chrono's `Display` gives.
    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        let cell = |date: NaiveDate| serde_json::to_string(&IsoDate(date)).unwrap();
        let mut date = NaiveDate::from_ymd_opt(1999, 1, 1).unwrap();
        while date.year() < 2002 {
            assert_eq!(cell(date), format!("\"{date}\""));
            date = date.succ_opt().unwrap();
        }
        for (y, m, d) in [
            (0, 1, 1),
            (1, 2, 3),
            (999, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-5, 6, 7),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(cell(date), format!("\"{date}\""), "{y}");
        }
    }
}
