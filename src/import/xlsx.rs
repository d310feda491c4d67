//! An XLSX workbook's sheets as tables, read with calamine after the archive has been checked
//! so that a "zip bomb" (a small file that inflates to gigabytes) is refused before it inflates.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use chrono::Datelike as _;

use crate::import::Problem;
use crate::import::draft::Origin;
use crate::import::sheet::Kind;
use crate::import::table::{Cell, Row, Table};

/// The most an imported workbook may inflate to (a 10,000-row sheet is a few MB).
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;
/// The most files a workbook archive may hold.
pub const MAX_ENTRIES: usize = 10_000;

fn problem(message: impl Into<String>) -> Problem {
    Problem::new(Origin::File, message)
}

/// Inflates every entry of the archive, counting the bytes it really gives (a header can lie
/// about sizes), and stops past [`MAX_INFLATED_BYTES`].
pub fn check_archive(bytes: &[u8]) -> Result<(), Problem> {
    check_archive_within(bytes, MAX_INFLATED_BYTES)
}

fn check_archive_within(bytes: &[u8], limit: u64) -> Result<(), Problem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|err| {
        problem(format!(
            "this is not an XLSX workbook (not a zip archive: {err}); for a CSV file use --from csv"
        ))
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(problem(format!(
            "the workbook holds {} files, more than the {MAX_ENTRIES} an XLSX import reads",
            archive.len()
        )));
    }
    let mut total: u64 = 0;
    let mut sink = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|err| problem(format!("cannot read the workbook: {err}")))?;
        if total.saturating_add(entry.size()) > limit {
            return Err(too_big());
        }
        loop {
            let n = entry
                .read(&mut sink)
                .map_err(|err| problem(format!("cannot read the workbook: {err}")))?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > limit {
                return Err(too_big());
            }
        }
    }
    Ok(())
}

fn too_big() -> Problem {
    problem(format!(
        "the workbook inflates to more than {} MiB (a zip bomb, or far more than a list of projects); refused",
        MAX_INFLATED_BYTES / (1024 * 1024)
    ))
}

/// Every sheet of the workbook, in workbook order.
pub fn tables(bytes: &[u8]) -> Result<Vec<Table>, Problem> {
    check_archive(bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|err| problem(format!("this is not an XLSX workbook: {err}")))?;
    let mut tables = Vec::new();
    for sheet in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&sheet)
            .map_err(|err| problem(format!("cannot read sheet {sheet}: {err}")))?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| Row {
                number: first_row as usize + i + 1,
                cells: std::iter::repeat_n(Cell::Empty, first_column as usize)
                    .chain(cells.iter().map(cell))
                    .collect(),
            })
            .collect();
        tables.push(Table {
            kind: Kind::from_sheet_name(&sheet),
            sheet: format!("sheet {sheet}"),
            rows,
        });
    }
    Ok(tables)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) if text.trim().is_empty() => Cell::Empty,
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            Cell::Text(text.clone())
        }
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(dt) if dt.date().year_ce().1 > 1900 => Cell::Date(dt.date()),
            _ => Cell::Number(dt.as_f64()),
        },
        Data::Error(err) => Cell::Text(format!("#{err:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip of one entry of `size` spaces.
    fn archive(size: usize) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        zip.write_all(&vec![b' '; size]).unwrap();
        zip.finish().unwrap().into_inner()
    }

    /// Overwrites every uncompressed-size field (local and central headers) with 10.
    fn lie_about_sizes(bytes: &mut [u8]) {
        for i in 0..bytes.len().saturating_sub(30) {
            let offset = match &bytes[i..i + 4] {
                [0x50, 0x4b, 0x03, 0x04] => 22,
                [0x50, 0x4b, 0x01, 0x02] => 24,
                _ => continue,
            };
            bytes[i + offset..i + offset + 4].copy_from_slice(&10u32.to_le_bytes());
        }
    }

    #[test]
    fn an_archive_that_inflates_beyond_the_limit_is_refused() {
        let honest = archive(2 * 1024 * 1024);
        assert!(check_archive_within(&honest, 4 * 1024 * 1024).is_ok());
        let err = check_archive_within(&honest, 1024 * 1024).unwrap_err();
        assert!(err.message.contains("zip bomb"), "{}", err.message);
    }

    #[test]
    fn a_header_that_understates_the_size_does_not_get_past_the_limit() {
        let mut lying = archive(2 * 1024 * 1024);
        lie_about_sizes(&mut lying);
        // Either the inflated bytes are counted past the limit, or the reader refuses to give
        // more than the header says (then calamine cannot inflate more either): never Ok with
        // more than the limit inflated.
        match check_archive_within(&lying, 1024 * 1024) {
            Err(err) => assert!(
                err.message.contains("zip bomb") || err.message.contains("cannot read"),
                "{}",
                err.message
            ),
            Ok(()) => panic!("a 2 MiB entry passed a 1 MiB limit"),
        }
    }

    #[test]
    fn text_is_not_a_workbook() {
        let err = tables(b"id,duration\n").unwrap_err();
        assert!(
            err.message.contains("not an XLSX workbook"),
            "{}",
            err.message
        );
    }
}
