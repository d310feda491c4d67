//! `roadmap import`: plans made elsewhere (MS Project XML, a spreadsheet of projects) turned into
//! a commented `roadmap.toml`.
//!
//! Every reader fills the same [`Draft`]: the tables of a roadmap with, for each value, where it
//! came from in the source ([`Origin`]: a line of the XML, a cell of the spreadsheet). The writer
//! (`toml.rs`) turns a draft into text and remembers the origin of every line it writes, so the
//! findings of validating that text can point back into the source file. What a reader cannot
//! express in the format becomes a [`Note`]: a comment in the output and a line on stderr, never
//! a silent loss.

pub mod calendar;
pub mod draft;
pub mod header;
pub mod mspdi;
pub mod sheet;
pub mod table;
pub mod template;
pub mod writer;
pub mod xlsx;

use std::fmt;
use std::path::Path;

pub use draft::{Draft, Note, Origin};

/// Largest file `roadmap import` reads (a 10,000-task MSPDI file is about 15 MB).
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// The formats `roadmap import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Microsoft Project XML (MSPDI), as MS Project, ProjectLibre and GanttProject write it.
    Mspdi,
    /// A CSV list of projects, one per row.
    Csv,
    /// An Excel workbook with a sheet of projects (and optional sheets of actors, resources,
    /// funding sources and objectives).
    Xlsx,
}

impl Format {
    /// The format a file's extension names.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "xml" | "mspdi" => Format::Mspdi,
            "csv" | "tsv" | "txt" => Format::Csv,
            "xlsx" | "xlsm" => Format::Xlsx,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Mspdi => "MS Project XML (MSPDI)",
            Format::Csv => "CSV project list",
            Format::Xlsx => "XLSX workbook",
        }
    }
}

/// A problem that stops the import: where in the source, and what.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub at: Origin,
    pub message: String,
}

impl Problem {
    pub fn new(at: Origin, message: impl Into<String>) -> Self {
        Problem {
            at,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at.describe() {
            Some(at) => write!(f, "{at}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// What a spreadsheet import may be given besides the file: extra CSV files of actors,
/// resources, funding sources, objectives and calendar days, the roadmap's name and start, and
/// its working weekdays.
/// A file given besides the imported one: its name as shown, and its bytes.
pub type NamedFile = (String, Vec<u8>);

#[derive(Clone, Debug, Default)]
pub struct Extras {
    pub name: Option<String>,
    pub start: Option<chrono::NaiveDate>,
    pub actors: Option<NamedFile>,
    pub resources: Option<NamedFile>,
    pub funding: Option<NamedFile>,
    pub objectives: Option<NamedFile>,
    /// Days off and worked days, as `roadmap calendar --format csv` writes them (also for a
    /// workbook, instead of its Calendar sheet).
    pub calendar: Option<NamedFile>,
    pub workdays: Option<calendar::Weekdays>,
}

impl Extras {
    /// The extra CSV files with what each holds.
    fn tables(&self) -> [(sheet::Kind, Option<&NamedFile>); 5] {
        [
            (sheet::Kind::Actors, self.actors.as_ref()),
            (sheet::Kind::Resources, self.resources.as_ref()),
            (sheet::Kind::Funding, self.funding.as_ref()),
            (sheet::Kind::Objectives, self.objectives.as_ref()),
            (sheet::Kind::Calendar, self.calendar.as_ref()),
        ]
    }
}

/// The extra CSV files of a spreadsheet import as tables; places in them name the file.
fn extra_tables<'a>(
    extras: impl IntoIterator<Item = (sheet::Kind, Option<&'a NamedFile>)>,
) -> Result<Vec<table::Table>, Vec<Problem>> {
    let mut tables = Vec::new();
    for (kind, extra) in extras {
        if let Some((extra_name, extra_bytes)) = extra {
            let mut table = table::csv(extra_name, extra_bytes).map_err(|p| vec![p])?;
            table.kind = Some(kind);
            table.sheet = extra_name.clone();
            tables.push(table);
        }
    }
    Ok(tables)
}

/// Reads a file's bytes in the given format into a draft roadmap, or every problem that stops it.
pub fn read(
    name: &str,
    bytes: &[u8],
    format: Format,
    extras: &Extras,
) -> Result<Draft, Vec<Problem>> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(vec![too_large(bytes.len() as u64)]);
    }
    match format {
        Format::Mspdi => mspdi::read(name, bytes),
        Format::Csv => {
            let main = table::csv(name, bytes).map_err(|p| vec![p])?;
            let mut tables = vec![main];
            tables.extend(extra_tables(extras.tables())?);
            sheet::read(name, Format::Csv, tables, extras)
        }
        Format::Xlsx => {
            let mut tables = xlsx::tables(bytes).map_err(|p| vec![p])?;
            // A workbook's other tables are sheets; its calendar may also be a CSV file, as
            // `roadmap calendar --format csv` writes it.
            tables.extend(extra_tables(
                extras
                    .tables()
                    .into_iter()
                    .filter(|(kind, _)| *kind == sheet::Kind::Calendar),
            )?);
            sheet::read(name, Format::Xlsx, tables, extras)
        }
    }
}

pub fn too_large(size: u64) -> Problem {
    Problem::new(
        Origin::File,
        format!(
            "the file is {} MiB, larger than the {} MiB `roadmap import` reads",
            size.div_ceil(1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        ),
    )
}

/// An id made from a name: lower case, words joined by `-`, only the characters ids may have.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' || c == '.' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 48 {
            break;
        }
    }
    out.trim_end_matches(['-', '.']).to_string()
}

/// Makes ids unique by adding `-2`, `-3`... to repeats.
#[derive(Default)]
pub struct Ids(std::collections::HashSet<String>);

impl Ids {
    pub fn unique(&mut self, wanted: String) -> String {
        if self.0.insert(wanted.clone()) {
            return wanted;
        }
        (2..)
            .map(|n| format!("{wanted}-{n}"))
            .find(|id| self.0.insert(id.clone()))
            .expect("some suffix is free")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slug("Open data portal"), "open-data-portal");
        assert_eq!(slug("  E-services (phase 2)!"), "e-services-phase-2");
        assert_eq!(slug("Портал за отворени данни"), "портал-за-отворени-данни");
        assert_eq!(slug("!!!"), "");
    }

    #[test]
    fn repeated_ids_get_a_suffix() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("a".into()), "a");
        assert_eq!(ids.unique("a".into()), "a-2");
        assert_eq!(ids.unique("a".into()), "a-3");
    }

    #[test]
    fn formats_from_extensions() {
        assert_eq!(
            Format::from_path(Path::new("plan.XML")),
            Some(Format::Mspdi)
        );
        assert_eq!(Format::from_path(Path::new("p.csv")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("p.xlsx")), Some(Format::Xlsx));
        assert_eq!(Format::from_path(Path::new("p.mpp")), None);
    }
}
