//! Everything that turns a plan into something to read or take away. Renderers write to a
//! `&mut dyn Write` and never recompute the schedule: they read [`crate::plan::Plan`].

pub mod csv;
pub mod gantt;
pub mod json;
pub mod table;

use comfy_table::{Table, presets};

/// How output for people looks: the same choice for every table and chart of a run.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// ANSI colour and emphasis.
    pub color: bool,
    /// Only ASCII characters (borders, bars, arrows).
    pub ascii: bool,
    /// Columns available.
    pub width: u16,
}

impl Look {
    /// Plain text at 100 columns: what tests and pipes get.
    pub const PLAIN: Look = Look {
        color: false,
        ascii: false,
        width: 100,
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

    pub fn arrow(&self) -> &'static str {
        if self.ascii { "->" } else { "→" }
    }
}
