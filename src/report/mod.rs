//! Everything that turns a plan into something to read or take away. Renderers write to a
//! `&mut dyn Write` and never recompute the schedule: they read [`crate::plan::Plan`].

pub mod actors;
pub mod calendar;
pub mod compare;
pub mod csv;
pub mod descriptions;
pub mod diff;
pub mod dot;
pub mod figures;
pub mod funding;
pub mod gantt;
pub mod grid;
pub mod html;
pub mod html_projects;
pub mod html_sources;
pub mod ics;
pub mod indicators;
pub mod json;
pub mod mermaid;
pub mod mspdi;
pub mod objectives;
pub mod opportunities;
pub mod order;
pub mod programmes;
pub mod rank;
pub mod resources;
pub mod risk;
pub mod strategy;
pub mod stream;
pub mod svg;
pub mod table;
#[cfg(feature = "xlsx")]
pub mod xlsx;
#[cfg(feature = "xlsx")]
pub mod xlsx_tables;

use std::io::{self, Write};

use comfy_table::{Table, presets};

/// A report that reads as a table and exports as CSV or JSON (actors, funding and its
/// opportunities, resources, order, rank). Built once from the plan, so all three show the same
/// numbers.
pub trait Report {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()>;
    fn csv(&self, out: &mut dyn Write) -> io::Result<()>;
    fn json(&self, out: &mut dyn Write) -> io::Result<()>;
}

/// Pretty JSON followed by a newline.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// A bold header cell.
pub fn header(title: &str) -> comfy_table::Cell {
    comfy_table::Cell::new(title).add_attribute(comfy_table::Attribute::Bold)
}

/// A right-aligned cell, for numbers.
pub fn number(text: impl std::fmt::Display) -> comfy_table::Cell {
    comfy_table::Cell::new(text).set_alignment(comfy_table::CellAlignment::Right)
}

/// How output for people looks: the same choice for every table and chart of a run.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// ANSI colour and emphasis.
    pub color: bool,
    /// Only ASCII characters (borders, bars, arrows).
    pub ascii: bool,
    /// Columns available.
    pub width: u16,
    /// The language of headers, labels, dates and amounts.
    pub lang: crate::i18n::Lang,
}

impl Look {
    /// Plain text at 100 columns: what tests and pipes get.
    pub const PLAIN: Look = Look {
        color: false,
        ascii: false,
        width: 100,
        lang: crate::i18n::Lang::En,
    };

    /// A table styled like every other table of the tool.
    pub fn table(&self) -> Table {
        let mut table = Table::new();
        table.load_style(if self.ascii {
            presets::ASCII_BORDERS_ONLY_CONDENSED
        } else {
            presets::UTF8_BORDERS_ONLY
        });
        table.set_width(self.width);
        table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
        // comfy-table would otherwise decide colour by itself and ignore NO_COLOR.
        table.force_no_tty();
        if self.color {
            table.enforce_styling();
        }
        table
    }

    /// `text` in bold (when colour is on).
    pub fn bold(&self, text: &str) -> String {
        self.paint(anstyle::Style::new().bold(), text)
    }

    /// `text` in a style (when colour is on).
    pub fn paint(&self, style: anstyle::Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    /// A label of the code (`"busiest quarter"`) in this look's language.
    pub fn tr(&self, english: &str) -> String {
        crate::i18n::Messages::new(self.lang).tr(english)
    }

    /// An amount as this look's language writes it (`1,200,000`, `1 200 000`).
    pub fn amount(&self, value: f64) -> String {
        crate::i18n::Messages::new(self.lang).amount(value)
    }

    /// A day as this look's language writes it (`2019-07-01`, `01.07.2019`).
    pub fn date(&self, day: chrono::NaiveDate) -> String {
        crate::i18n::Messages::new(self.lang).date(day)
    }

    /// The messages of this look's language.
    pub fn messages(&self) -> crate::i18n::Messages {
        crate::i18n::Messages::new(self.lang)
    }

    pub fn arrow(&self) -> &'static str {
        if self.ascii { "->" } else { "→" }
    }
}
