//! `roadmap compare`: scenarios side by side, as a table, CSV or JSON.

use std::io::{self, Write};

use crate::report::csv::neutralise;
use crate::report::grid::{self, Grid};
use crate::report::{Look, Report, write_json};
use crate::scenarios::Outcome;

fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        "—".to_string()
    } else {
        format!("{}: {}", ids.len(), ids.join(", "))
    }
}

fn signed(days: i64) -> String {
    if days > 0 {
        format!("+{days}")
    } else {
        days.to_string()
    }
}

pub fn table(
    out: &mut dyn Write,
    outcomes: &[Outcome],
    currency: &str,
    look: &Look,
) -> io::Result<()> {
    let mut table = Grid::new(vec![
        grid::Column::id(look.tr("scenario")),
        grid::Column::fixed(look.tr("finish")),
        grid::Column::number(look.tr("slip (days)")),
        grid::Column::number(look.tr("projects that slip")),
        grid::Column::ids(look.tr("deadlines missed")),
        grid::Column::ids(look.tr("windows missed")),
        grid::Column::number(
            look.messages()
                .with("compare-funding-gap", &[("currency", currency.to_string())]),
        ),
    ]);
    for o in outcomes {
        table.row([
            o.id.clone(),
            look.date(o.finish),
            signed(o.slip_days),
            o.slipped.len().to_string(),
            list(&o.missed_deadlines),
            list(&o.missed_windows),
            look.amount(o.uncovered_cost + o.over_committed),
        ]);
    }
    writeln!(out, "{}", table.render(look))?;
    let width = usize::from(look.width);
    let slip = format!("  {}: ", look.tr("slip"));
    let indent = grid::visible_width(&slip);
    for o in outcomes.iter().filter(|o| o.id != "baseline") {
        writeln!(
            out,
            "{}",
            grid::paragraph(&format!("{}: {}", o.id, o.name), look.width)
        )?;
        if !o.slipped.is_empty() {
            let lines = grid::wrap_at_spaces(&o.slipped.join(", "), width.saturating_sub(indent));
            for (i, line) in lines.iter().enumerate() {
                let head = if i == 0 {
                    slip.clone()
                } else {
                    " ".repeat(indent)
                };
                writeln!(out, "{head}{line}")?;
            }
        }
    }
    let note =
        &look.tr("funding gap: cost no source covers plus commitments beyond a source's amount");
    writeln!(out, "{}", grid::paragraph(note, look.width))
}

#[derive(serde::Serialize)]
struct Row<'a> {
    id: String,
    name: String,
    finish: chrono::NaiveDate,
    slip_days: i64,
    slipped: usize,
    missed_deadlines: usize,
    missed_windows: usize,
    uncovered_cost: f64,
    over_committed: f64,
    #[serde(skip)]
    _o: std::marker::PhantomData<&'a ()>,
}

pub fn csv(out: &mut dyn Write, outcomes: &[Outcome]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    for o in outcomes {
        writer
            .serialize(Row {
                id: neutralise(&o.id).into_owned(),
                name: neutralise(&o.name).into_owned(),
                finish: o.finish,
                slip_days: o.slip_days,
                slipped: o.slipped.len(),
                missed_deadlines: o.missed_deadlines.len(),
                missed_windows: o.missed_windows.len(),
                uncovered_cost: o.uncovered_cost,
                over_committed: o.over_committed,
                _o: std::marker::PhantomData,
            })
            .map_err(io::Error::other)?;
    }
    writer.flush()
}

#[derive(serde::Serialize)]
struct Json<'a> {
    version: u32,
    report: &'static str,
    scenarios: &'a [Outcome],
}

pub fn json(out: &mut dyn Write, outcomes: &[Outcome]) -> io::Result<()> {
    write_json(
        out,
        &Json {
            version: 1,
            report: "compare",
            scenarios: outcomes,
        },
    )
}

/// The comparison as a [`Report`], for the shared table/CSV/JSON printing.
pub struct CompareReport<'a> {
    pub outcomes: &'a [Outcome],
    pub currency: &'a str,
}

impl Report for CompareReport<'_> {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        table(out, self.outcomes, self.currency, look)
    }
    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        csv(out, self.outcomes)
    }
    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        json(out, self.outcomes)
    }
}
