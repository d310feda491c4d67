//! A roadmap being imported: the tables of the format, each value with where it came from.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::calendar::{LinkKind, Span};

/// Where something came from in the imported file.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Origin {
    /// The file as a whole.
    #[default]
    File,
    /// A line (and column) of a text file such as MSPDI XML.
    Line { line: usize, column: usize },
    /// A cell of a spreadsheet: its file or sheet, its 1-based row and (0-based) column with the
    /// column's header.
    Cell {
        sheet: String,
        row: usize,
        column: Option<(usize, String)>,
    },
}

impl Origin {
    /// `line 12`, `sheet Projects, row 5, column D (depends_on)`; `None` for the whole file.
    pub fn describe(&self) -> Option<String> {
        match self {
            Origin::File => None,
            Origin::Line { line, column } => Some(format!("line {line}, column {column}")),
            Origin::Cell { sheet, row, column } => {
                let mut text = if sheet.is_empty() {
                    format!("row {row}")
                } else {
                    format!("{sheet}, row {row}")
                };
                if let Some((column, header)) = column {
                    text.push_str(&format!(", column {} ({header})", column_letters(*column)));
                }
                Some(text)
            }
        }
    }

    /// The same row, at another column.
    pub fn at_column(&self, column: usize, header: &str) -> Origin {
        match self {
            Origin::Cell { sheet, row, .. } => Origin::Cell {
                sheet: sheet.clone(),
                row: *row,
                column: Some((column, header.to_string())),
            },
            other => other.clone(),
        }
    }
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`: a spreadsheet's column name.
pub fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// Something the roadmap format cannot express: kept as a comment and printed on stderr.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub at: Origin,
    pub message: String,
}

/// Where each key of a table came from (keys not listed come from the table's own origin).
#[derive(Clone, Debug, Default)]
pub struct Origins {
    pub table: Origin,
    pub keys: HashMap<&'static str, Origin>,
}

impl Origins {
    pub fn new(table: Origin) -> Self {
        Origins {
            table,
            keys: HashMap::new(),
        }
    }

    pub fn of(&self, key: &str) -> &Origin {
        self.keys.get(key).unwrap_or(&self.table)
    }

    pub fn set(&mut self, key: &'static str, at: Origin) {
        self.keys.insert(key, at);
    }
}

#[derive(Clone, Debug, Default)]
pub struct Draft {
    /// The imported file's name, for the header comment.
    pub source: String,
    /// What kind of file it was, for the header comment.
    pub format_label: String,
    pub name: Option<String>,
    pub start: Option<NaiveDate>,
    pub currency: Option<String>,
    pub origins: Origins,
    /// The source's calendar (`None` when every day is a working day).
    pub calendar: Option<CalendarTable>,
    /// Parents before their sub-programmes.
    pub programmes: Vec<Programme>,
    pub objectives: Vec<Named>,
    pub actors: Vec<Actor>,
    pub resources: Vec<Resource>,
    pub funding: Vec<Funding>,
    pub projects: Vec<Project>,
    pub notes: Vec<Note>,
}

impl Draft {
    pub fn note(&mut self, at: Origin, message: impl Into<String>) {
        self.notes.push(Note {
            at,
            message: message.into(),
        });
    }
}

/// The `[calendar]` table: a comment saying where it came from, then its lines, each with
/// where in the source it comes from.
#[derive(Clone, Debug, Default)]
pub struct CalendarTable {
    pub comment: String,
    pub lines: Vec<(String, Origin)>,
}

/// An objective (id and name).
#[derive(Clone, Debug, Default)]
pub struct Named {
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub origins: Origins,
}

/// A group of projects: an MS Project summary task, or a spreadsheet's `programme` column.
#[derive(Clone, Debug, Default)]
pub struct Programme {
    pub id: String,
    pub name: String,
    pub parent: Option<String>,
    pub description: Option<String>,
    pub origins: Origins,
}

#[derive(Clone, Debug, Default)]
pub struct Actor {
    pub id: String,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub description: Option<String>,
    pub comments: Vec<String>,
    pub origins: Origins,
}

#[derive(Clone, Debug, Default)]
pub struct Resource {
    pub id: String,
    pub name: Option<String>,
    pub capacity: f64,
    /// Capacity steps after the start: `capacity` units from the day on.
    pub changes: Vec<(NaiveDate, f64)>,
    pub unit: Option<String>,
    pub description: Option<String>,
    pub comments: Vec<String>,
    pub origins: Origins,
}

#[derive(Clone, Debug, Default)]
pub struct Funding {
    pub id: String,
    pub name: Option<String>,
    pub amount: f64,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub max_share: Option<f64>,
    pub per_year: Option<f64>,
    pub description: Option<String>,
    pub comments: Vec<String>,
    pub origins: Origins,
}

/// One dependency of a project.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub on: String,
    pub kind: LinkKind,
    pub lag: Span,
    /// Why the lag or type is not exactly the source's (a rounding, a conversion).
    pub comment: Option<String>,
    pub at: Origin,
}

/// A project's progress state, as the format names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    InProgress,
    Done,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::InProgress => "in-progress",
            Status::Done => "done",
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Project {
    pub id: String,
    pub name: Option<String>,
    pub duration: Option<Span>,
    /// Why the duration is not exactly the source's.
    pub duration_comment: Option<String>,
    pub depends_on: Vec<Link>,
    pub earliest_start: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub lead: Option<String>,
    pub participants: Vec<String>,
    pub objectives: Vec<String>,
    pub priority: Option<u8>,
    pub resources: Vec<(String, f64)>,
    pub cost: Option<f64>,
    pub funding: Vec<(String, f64)>,
    pub status: Option<Status>,
    pub actual_start: Option<NaiveDate>,
    pub actual_finish: Option<NaiveDate>,
    pub progress: Option<f64>,
    pub description: Option<String>,
    pub programme: Option<String>,
    /// Comment lines written above the project's keys.
    pub comments: Vec<String>,
    pub origins: Origins,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_like_spreadsheets() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(3), "D");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn origins_read_like_positions() {
        let cell = Origin::Cell {
            sheet: "Projects".into(),
            row: 5,
            column: None,
        };
        assert_eq!(cell.describe().unwrap(), "Projects, row 5");
        assert_eq!(
            cell.at_column(3, "depends_on").describe().unwrap(),
            "Projects, row 5, column D (depends_on)"
        );
        assert_eq!(
            Origin::Line { line: 7, column: 3 }.describe().unwrap(),
            "line 7, column 3"
        );
        assert_eq!(Origin::File.describe(), None);
    }
}
