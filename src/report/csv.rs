//! The plan as CSV: one row per project, every column of the plan table plus cost and funding.
//! Columns are documented in the README and only ever added to, never renamed.

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use crate::display::number;
use crate::model::Roadmap;
use crate::plan::Plan;

/// The columns, in the order every row gives them.
const COLUMNS: [&str; 26] = [
    "id",
    "name",
    "priority",
    "lead",
    "participants",
    "objectives",
    "start",
    "finish",
    "duration",
    "days",
    "slack_days",
    "free_slack_days",
    "critical",
    "wave",
    "early_start",
    "late_start",
    "depends_on",
    "cost",
    "funded",
    "funding",
    // Programme ids from the top level down, joined by `/`.
    "programme",
    "links",
    "status",
    "actual_start",
    "actual_finish",
    "progress",
];

/// One row being built: the cells go straight into a reused record, and a cell that has to be
/// composed is written into one reused buffer, so a portfolio's 100,000 rows allocate nothing.
#[derive(Default)]
struct Row {
    record: ::csv::ByteRecord,
    cell: String,
}

impl Row {
    fn push(&mut self, cell: &str) {
        self.record.push_field(cell.as_bytes());
    }

    /// A composed cell: `write` fills the buffer.
    fn compose(&mut self, write: impl FnOnce(&mut String)) {
        self.cell.clear();
        write(&mut self.cell);
        self.record.push_field(self.cell.as_bytes());
    }

    /// A text cell, neutralised so spreadsheets never run it as a formula.
    fn text(&mut self, text: &str) {
        self.compose(|cell| push_neutralised(cell, text));
    }

    /// Items joined with `;`, each written by `write`.
    fn joined<T>(&mut self, items: impl Iterator<Item = T>, write: impl Fn(&mut String, T)) {
        self.compose(|cell| {
            for (i, item) in items.enumerate() {
                if i > 0 {
                    cell.push(';');
                }
                write(cell, item);
            }
        });
    }

    /// Ids joined with `;`, each neutralised.
    fn ids<'a>(&mut self, ids: impl Iterator<Item = &'a str>) {
        self.joined(ids, push_neutralised);
    }

    fn int(&mut self, value: impl itoa::Integer) {
        self.push(itoa::Buffer::new().format(value));
    }

    fn date(&mut self, date: Option<NaiveDate>) {
        match date {
            Some(date) => self.compose(|cell| push_date(cell, date)),
            None => self.push(""),
        }
    }
}

/// `YYYY-MM-DD` as chrono writes it, without the formatting machinery: a portfolio's CSV has
/// six dates a row.
fn push_date(cell: &mut String, date: NaiveDate) {
    if !(0..=9999).contains(&date.year()) {
        // Outside four-digit years (never shown by the plan): chrono's own form.
        let _ = write!(cell, "{date}");
        return;
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
    cell.extend(text.iter().map(|&b| char::from(b)));
}

fn push_neutralised(cell: &mut String, text: &str) {
    if is_formula(text) {
        cell.push('\'');
    }
    cell.push_str(text);
}

/// Cells starting with `=`, `+`, `-`, `@`, tab or CR are formulas to Excel, LibreOffice and
/// Sheets; a leading `'` makes them plain text (OWASP's advice). Only for text columns: numbers
/// stay numbers.
fn is_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `text` as a plain-text cell (see [`is_formula`]).
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if is_formula(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

pub fn write(out: &mut dyn Write, roadmap: &Roadmap, plan: &Plan) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    let mut row = Row::default();
    for &p in &plan.start_order {
        let project = &roadmap.projects[p];
        let planned = &plan.projects[p];
        let project_id = |on: usize| roadmap.projects[on].id.as_str();
        row.record.clear();
        row.text(&project.id);
        row.text(&project.name);
        row.int(project.priority);
        row.text(&roadmap.actors[project.lead].id);
        row.ids(
            project
                .participants
                .iter()
                .map(|&a| roadmap.actors[a].id.as_str()),
        );
        row.ids(
            project
                .objectives
                .iter()
                .map(|&o| roadmap.objectives[o].id.as_str()),
        );
        row.date(Some(planned.start));
        row.date(Some(planned.finish));
        row.compose(|cell| {
            let _ = write!(cell, "{}", project.duration);
        });
        row.int(planned.days);
        row.int(planned.total_slack);
        row.int(planned.free_slack);
        row.push(if planned.critical { "true" } else { "false" });
        row.int(planned.wave);
        row.date(Some(planned.early_start));
        row.date(Some(planned.late_start));
        row.ids(project.depends_on.iter().map(|d| project_id(d.on)));
        row.compose(|cell| cell.extend(project.cost.map(number)));
        row.compose(|cell| cell.push_str(&number(project.funded())));
        row.joined(project.funding.iter(), |cell, c| {
            push_neutralised(cell, &roadmap.funding[c.source].id);
            let _ = write!(cell, "={}", number(c.amount));
        });
        row.text(&roadmap.programme_path_ids(p));
        row.joined(project.depends_on.iter(), |cell, d| {
            push_neutralised(cell, project_id(d.on));
            let _ = write!(cell, ":{}:{}", d.kind, d.lag);
        });
        row.push(project.status.as_str());
        row.date(project.actual_start);
        row.date(project.actual_finish);
        row.compose(|cell| cell.extend(project.progress.map(number)));
        writer.write_byte_record(&row.record)?;
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
        let cell = |date: NaiveDate| {
            let mut cell = String::new();
            push_date(&mut cell, date);
            cell
        };
        let mut date = NaiveDate::from_ymd_opt(1999, 1, 1).unwrap();
        while date.year() < 2002 {
            assert_eq!(cell(date), date.to_string());
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
            assert_eq!(cell(date), date.to_string(), "{y}");
        }
    }
}
