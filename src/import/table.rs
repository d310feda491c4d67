//! A sheet of cells, from a CSV file or a workbook's sheet, with the row number of each row.

use chrono::NaiveDate;

use crate::import::draft::Origin;
use crate::import::sheet::Kind;
use crate::import::{MAX_IMPORT_BYTES, Problem};

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// The cell as text (numbers without a `.0`, dates as `YYYY-MM-DD`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_string(),
            Cell::Number(n) => crate::display::number(*n),
            Cell::Date(d) => d.to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Row {
    /// 1-based, as a spreadsheet numbers it (for CSV: the line it starts on).
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// A sheet: its name as shown in positions (empty for the one CSV file imported), what it
/// holds when that is known from its name, and its rows.
#[derive(Clone, Debug)]
pub struct Table {
    pub sheet: String,
    pub kind: Option<Kind>,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn origin(&self, row: usize) -> Origin {
        Origin::Cell {
            sheet: self.sheet.clone(),
            row,
            column: None,
        }
    }
}

/// Reads a CSV file: `,`, `;` or tab separated (whichever the first line has most of), UTF-8
/// with or without a byte-order mark.
pub fn csv(name: &str, bytes: &[u8]) -> Result<Table, Problem> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(crate::import::too_large(bytes.len() as u64));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(err) = std::str::from_utf8(bytes) {
        let line = bytes[..err.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        return Err(Problem::new(
            Origin::Cell {
                sheet: String::new(),
                row: line,
                column: None,
            },
            format!("{name} is not UTF-8 text: save it as \"CSV UTF-8\" (or import the .xlsx)"),
        ));
    }
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.iter().filter(|b| *b == d).count())
        .unwrap_or(b',');
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| {
            let row = err.position().map_or(0, |p| p.line() as usize);
            Problem::new(
                Origin::Cell {
                    sheet: String::new(),
                    row,
                    column: None,
                },
                format!("cannot read {name} as CSV: {err}"),
            )
        })?;
        let number = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        let cells = record
            .iter()
            .map(|text| {
                if text.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(text.to_string())
                }
            })
            .collect();
        rows.push(Row { number, cells });
    }
    Ok(Table {
        sheet: String::new(),
        kind: None,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_csv_with_any_common_separator() {
        for text in [
            "id,name\na,\"A, b\"\n",
            "id;name\na;\"A, b\"\n",
            "id\tname\na\t\"A, b\"\n",
        ] {
            let table = csv("p.csv", text.as_bytes()).unwrap();
            assert_eq!(table.rows.len(), 2);
            assert_eq!(table.rows[1].number, 2);
            assert_eq!(table.rows[1].cells[1], Cell::Text("A, b".into()));
        }
    }

    #[test]
    fn rows_keep_their_line_numbers_across_quoted_line_breaks() {
        let table = csv("p.csv", b"id,name\na,\"two\nlines\"\nb,B\n").unwrap();
        assert_eq!(table.rows[2].number, 4);
    }

    #[test]
    fn refuses_text_that_is_not_utf8() {
        let err = csv("p.csv", b"id,name\na,\xE0\xE1\n").unwrap_err();
        assert!(err.message.contains("not UTF-8"), "{}", err.message);
        assert!(err.to_string().starts_with("row 2"), "{err}");
    }
}
