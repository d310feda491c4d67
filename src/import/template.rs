//! `roadmap init --template xlsx|csv`: an empty spreadsheet for `roadmap import`, with the
//! headers it reads, filled example rows and (in the workbook) a sheet that explains each column.

// The example rows fill the workbook only: a build without XLSX support leaves them unread.
#![cfg_attr(not(feature = "xlsx"), allow(dead_code))]

use std::io::{self, Write};

use crate::import::header::{
    ACTOR_COLUMNS, CALENDAR_COLUMNS, Column, FUNDING_COLUMNS, OBJECTIVE_COLUMNS, PROJECT_COLUMNS,
    RESOURCE_COLUMNS,
};

/// Columns the templates leave out: `links` is what `roadmap plan --format csv` writes.
fn template_columns(columns: &'static [Column]) -> impl Iterator<Item = &'static Column> {
    columns.iter().filter(|c| c.key != "links")
}

/// The example rows of each sheet, by column key; together they import into a valid roadmap.
const PROJECT_ROWS: &[&[(&str, &str)]] = &[
    &[
        ("id", "data-governance"),
        ("name", "Data governance framework"),
        ("duration", "6 months"),
        ("lead", "sofia-municipality"),
        ("objectives", "it-solutions"),
        ("priority", "1"),
        ("cost", "120000"),
        ("funding", "municipal-budget=120000"),
        ("earliest_start", "2025-01-01"),
        ("resources", "it-staff=1"),
        ("description", "Rules and roles for the city's data."),
        ("programme", "E-government"),
    ],
    &[
        ("id", "open-data"),
        ("name", "Open data portal"),
        ("duration", "9 months"),
        ("depends_on", "data-governance SS+1 month"),
        ("lead", "sofia-municipality"),
        ("participants", "sofia-tech-park"),
        ("objectives", "it-solutions"),
        ("priority", "2"),
        ("cost", "450000"),
        ("funding", "erdf=300000; municipal-budget=150000"),
        ("deadline", "2026-12-31"),
        ("resources", "it-staff=1.5"),
        ("description", "One portal for the city's open data."),
        ("programme", "E-government"),
    ],
];

const ACTOR_ROWS: &[&[(&str, &str)]] = &[
    &[
        ("id", "sofia-municipality"),
        ("name", "Sofia Municipality"),
        ("kind", "public"),
    ],
    &[
        ("id", "sofia-tech-park"),
        ("name", "Sofia Tech Park"),
        ("kind", "academia"),
    ],
];

const RESOURCE_ROWS: &[&[(&str, &str)]] = &[&[
    ("id", "it-staff"),
    ("name", "Municipal IT staff"),
    ("capacity", "6.5"),
    ("unit", "FTE"),
]];

const FUNDING_ROWS: &[&[(&str, &str)]] = &[
    &[
        ("id", "erdf"),
        ("name", "ERDF 2021-2027"),
        ("amount", "12000000"),
        ("from", "2021-01-01"),
        ("until", "2027-12-31"),
        ("max_share", "0.85"),
    ],
    &[
        ("id", "municipal-budget"),
        ("name", "Municipal budget"),
        ("amount", "2000000"),
    ],
];

const OBJECTIVE_ROWS: &[&[(&str, &str)]] = &[&[
    ("id", "it-solutions"),
    (
        "name",
        "Offer IT solutions for the digital transformation of the city",
    ),
]];

/// Days off and a worked Saturday; Bulgaria's public holidays come in as "BG" when every one of
/// a year's is listed (as `roadmap calendar --format csv` writes them).
const CALENDAR_ROWS: &[&[(&str, &str)]] = &[
    &[
        ("date", "2025-08-04"),
        ("kind", "off"),
        ("source", "Summer closure"),
    ],
    &[
        ("date", "2025-08-05"),
        ("kind", "off"),
        ("source", "Summer closure"),
    ],
    &[
        ("date", "2025-12-31"),
        ("kind", "off"),
        ("source", "New Year's Eve"),
    ],
    &[
        ("date", "2025-05-17"),
        ("kind", "working"),
        ("source", "Saturday worked in exchange"),
    ],
];

/// The sheets of the workbook: name, columns, example rows.
type Sheet = (
    &'static str,
    &'static [Column],
    &'static [&'static [(&'static str, &'static str)]],
);

const SHEETS: &[Sheet] = &[
    ("Projects", PROJECT_COLUMNS, PROJECT_ROWS),
    ("Actors", ACTOR_COLUMNS, ACTOR_ROWS),
    ("Resources", RESOURCE_COLUMNS, RESOURCE_ROWS),
    ("Funding", FUNDING_COLUMNS, FUNDING_ROWS),
    ("Objectives", OBJECTIVE_COLUMNS, OBJECTIVE_ROWS),
    ("Calendar", CALENDAR_COLUMNS, CALENDAR_ROWS),
];

fn value<'a>(row: &[(&str, &'a str)], key: &str) -> &'a str {
    row.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| *v)
}

/// The CSV template: the projects header and the example rows.
pub fn write_csv(out: &mut dyn Write) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    let columns: Vec<&Column> = template_columns(PROJECT_COLUMNS).collect();
    writer.write_record(columns.iter().map(|c| c.key))?;
    for row in PROJECT_ROWS {
        writer.write_record(columns.iter().map(|c| value(row, c.key)))?;
    }
    writer.flush()
}

/// The workbook template, as bytes.
#[cfg(feature = "xlsx")]
pub fn xlsx() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, FormatAlign, Workbook};

    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold().set_background_color("#DDEBF7");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    for (name, columns, rows) in SHEETS {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name)?;
        for (c, column) in template_columns(columns).enumerate() {
            let c = c as u16;
            sheet.write_string_with_format(0, c, column.key, &bold)?;
            let widest = rows
                .iter()
                .map(|row| value(row, column.key).chars().count())
                .chain([column.key.len(), 10])
                .max()
                .unwrap_or(10);
            sheet.set_column_width(c, (widest.min(48) + 2) as f64)?;
            for (r, row) in rows.iter().enumerate() {
                let text = value(row, column.key);
                let r = r as u32 + 1;
                match text.parse::<f64>() {
                    Ok(number) if !text.is_empty() && !column.key.contains("id") => {
                        sheet.write_number(r, c, number)?;
                    }
                    _ if text.is_empty() => {}
                    _ => {
                        sheet.write_string(r, c, text)?;
                    }
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_landscape();
    }

    let sheet = workbook.add_worksheet();
    sheet.set_name("Roadmap")?;
    for (r, (key, value)) in [
        ("name", "Sofia Digital Transformation Roadmap"),
        ("start", "2025-01-01"),
        ("currency", "EUR"),
        ("workdays", "mon-fri"),
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_string_with_format(r as u32, 0, key, &bold)?;
        sheet.write_string(r as u32, 1, value)?;
    }
    sheet.set_column_width(0, 12)?;
    sheet.set_column_width(1, 40)?;

    let sheet = workbook.add_worksheet();
    sheet.set_name("Explanation")?;
    let intro = [
        "How to fill in this workbook for `roadmap import`",
        "One row per project on the Projects sheet; one row per actor, resource, funding source and objective on theirs. Replace the example rows with your own.",
        "Only id and duration are required on Projects (and lead, unless every project is led by one office). Sheets you do not need can be deleted: what the projects name is then created for you, with comments to check.",
        "Headers may be in English or Bulgarian, in any case and order (the accepted names are listed below). Lists are separated by ; or , and pairs are written id=number.",
        "The Calendar sheet lists days off and worked days, one row per day (what `roadmap calendar --format csv` writes); the workdays row of the Roadmap sheet gives the working weekdays (mon-fri, sun-thu, пн-пт). Delete both for a roadmap where every day is a working day.",
        "Then run: roadmap import projects.xlsx -o roadmap.toml && roadmap plan roadmap.toml",
    ];
    let plain_wrap = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    for (r, line) in intro.iter().enumerate() {
        let r = r as u32;
        if r == 0 {
            sheet.write_string_with_format(r, 0, *line, &bold)?;
        } else {
            sheet.merge_range(r, 0, r, 4, line, &plain_wrap)?;
            sheet.set_row_height(r, 30)?;
        }
    }
    let top = intro.len() as u32 + 1;
    for (c, title) in [
        "Sheet",
        "Column",
        "What to write",
        "Example",
        "Also accepted",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string_with_format(top, c as u16, *title, &bold)?;
    }
    let mut r = top + 1;
    for (name, columns, _) in SHEETS {
        for column in template_columns(columns) {
            sheet.write_string_with_format(r, 0, *name, &wrap)?;
            sheet.write_string_with_format(r, 1, column.key, &wrap)?;
            sheet.write_string_with_format(r, 2, column.help, &wrap)?;
            sheet.write_string_with_format(r, 3, column.example, &wrap)?;
            let also = column.names[1..].join(", ");
            sheet.write_string_with_format(r, 4, &also, &wrap)?;
            // Spreadsheets do not grow a row for wrapped text written by a program.
            let lines = [(column.help, 58), (column.example, 26), (also.as_str(), 38)]
                .iter()
                .map(|(text, width)| text.chars().count().div_ceil(*width).max(1))
                .max()
                .unwrap_or(1);
            sheet.set_row_height(r, 15.0 * lines as f64)?;
            r += 1;
        }
    }
    for (c, width) in [12.0, 16.0, 60.0, 28.0, 40.0].into_iter().enumerate() {
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_landscape().set_print_fit_to_pages(1, 0);
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_rows_use_only_known_columns() {
        for (name, columns, rows) in SHEETS {
            for row in *rows {
                for (key, _) in *row {
                    assert!(
                        columns.iter().any(|c| c.key == *key),
                        "{name}: {key} is not a column"
                    );
                }
            }
        }
    }

    #[test]
    fn the_csv_template_has_a_header_and_examples() {
        let mut out = Vec::new();
        write_csv(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lines = text.lines();
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("id,name,duration,depends_on,lead")
        );
        assert!(lines.next().unwrap().starts_with("data-governance,"));
    }
}
