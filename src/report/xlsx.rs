//! The plan as an Excel workbook, one table per sheet: Plan (real Excel dates and a Gantt band
//! drawn by conditional formats over months or weeks, milestones as a ◆ in their period),
//! Funding by project, Funding per year, Resources, Actors, Findings, and Indicators and
//! Programmes when the file has them ([`crate::report::xlsx_tables`]). User text is only ever
//! written with `write_string`, so no cell can become a formula.
//!
//! Every valid roadmap gives a workbook: what Excel cannot hold is written the way it can.
//! Text longer than a cell's 32,767 characters is cut and ends in `…`; a date before 1900,
//! which Excel has no serial for, is written as `YYYY-MM-DD` text; the band switches from
//! months to quarters to years so it fits Excel's 16,384 columns.

use chrono::{Days, NaiveDate};
use rust_xlsxwriter::{
    Color, ConditionalFormatFormula, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use crate::diag::{Diagnostic, SourceFile};
use crate::i18n::Messages;
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::plan::rollup::Item;
use crate::report::figures::period_bounds;
use crate::report::xlsx_tables as tables;

/// Plans shorter than this many days get a weekly band; longer ones a monthly band.
const WEEKLY_UP_TO_DAYS: i64 = 400;

/// The workbook's bytes.
pub fn workbook(
    roadmap: &Roadmap,
    plan: &Plan,
    source: &SourceFile,
    findings: &[Diagnostic],
    t: &Messages,
) -> Result<Vec<u8>, XlsxError> {
    build(roadmap, plan, source, findings, t, Memory::Low)
}

/// How the sheets keep their cells: `Low` writes each row out once the next one starts (every
/// table is written top to bottom), so a 200,000-project workbook never holds all its cells;
/// `Standard` keeps them all, which tests compare against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Memory {
    Low,
    Standard,
}

fn build(
    roadmap: &Roadmap,
    plan: &Plan,
    source: &SourceFile,
    findings: &[Diagnostic],
    t: &Messages,
    memory: Memory,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let w = &mut book;
    // Low-memory rows carry no outline level (a rust_xlsxwriter limit), so a plan sheet with
    // programmes, whose rows fold by programme, keeps its cells until the end.
    let plan_memory = if roadmap.programmes.is_empty() {
        memory
    } else {
        Memory::Standard
    };
    plan_sheet(add(w, plan_memory, t, "sheet-plan")?, roadmap, plan, t)?;
    let sheet = add(w, memory, t, "sheet-funding-projects")?;
    tables::funding_by_project(sheet, roadmap, plan, t)?;
    let sheet = add(w, memory, t, "sheet-funding-years")?;
    tables::funding_per_year(sheet, roadmap, plan, t)?;
    tables::resources(add(w, memory, t, "sheet-resources")?, roadmap, plan, t)?;
    tables::actors(add(w, memory, t, "sheet-actors")?, roadmap, plan, t)?;
    tables::findings(add(w, memory, t, "sheet-findings")?, source, findings, t)?;
    if !roadmap.indicators.is_empty() {
        tables::indicators(add(w, memory, t, "sheet-indicators")?, roadmap, plan, t)?;
    }
    if !roadmap.programmes.is_empty() {
        tables::programmes(add(w, memory, t, "sheet-programmes")?, roadmap, plan, t)?;
    }
    if !roadmap.objectives.is_empty() {
        tables::objectives(add(w, memory, t, "sheet-objectives")?, roadmap, plan, t)?;
    }
    book.save_to_buffer()
}

/// A new sheet named by the message `id`.
fn add<'w>(
    workbook: &'w mut Workbook,
    memory: Memory,
    t: &Messages,
    id: &str,
) -> Result<&'w mut Worksheet, XlsxError> {
    let sheet = match memory {
        Memory::Low => workbook.add_worksheet_with_low_memory()?,
        Memory::Standard => workbook.add_worksheet(),
    };
    sheet.set_name(t.get(id))
}

/// Excel's limits: characters in a cell, and the last column (0-based).
const MAX_CHARS: usize = 32_767;
const LAST_COL: u16 = 16_383;

/// User text as a string cell, cut to what a cell holds.
pub fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: impl AsRef<str>,
) -> Result<(), XlsxError> {
    write_text_with_format(sheet, row, col, text, &Format::new())
}

pub fn write_text_with_format(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: impl AsRef<str>,
    format: &Format,
) -> Result<(), XlsxError> {
    let text = text.as_ref();
    match text.char_indices().nth(MAX_CHARS - 1) {
        Some((cut, _)) if text[cut..].chars().nth(1).is_some() => {
            let short = format!("{}…", &text[..cut]);
            sheet.write_string_with_format(row, col, short, format)?;
        }
        _ => {
            sheet.write_string_with_format(row, col, text, format)?;
        }
    }
    Ok(())
}

/// A date cell, or `YYYY-MM-DD` text for a date Excel has no serial for (before 1900).
pub fn write_day(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    date: NaiveDate,
    format: &Format,
) -> Result<(), XlsxError> {
    use chrono::Datelike;
    if date.year() < 1900 {
        write_text(sheet, row, col, date.to_string())?;
    } else {
        sheet.write_date_with_format(row, col, date, format)?;
    }
    Ok(())
}

pub fn bold() -> Format {
    Format::new().set_bold()
}

/// Dates as the language writes them: `2019-07-01`, `01.07.2019`.
pub fn date_format(t: &Messages) -> Format {
    Format::new().set_num_format(match t.lang() {
        crate::i18n::Lang::En => "yyyy-mm-dd",
        crate::i18n::Lang::Bg => "dd.mm.yyyy",
    })
}

pub fn money() -> Format {
    Format::new().set_num_format("#,##0")
}

/// Writes header titles in row 0 from column `first`.
fn headers_at(
    sheet: &mut Worksheet,
    first: u16,
    titles: &[&str],
    t: &Messages,
) -> Result<(), XlsxError> {
    for (col, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, first + col as u16, t.tr(title), &bold())?;
    }
    Ok(())
}

/// Writes a row of header titles from column 0.
fn headers(
    sheet: &mut Worksheet,
    row: u32,
    titles: &[&str],
    t: &Messages,
) -> Result<(), XlsxError> {
    for (col, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, t.tr(title), &bold())?;
    }
    Ok(())
}

fn plan_sheet(
    sheet: &mut Worksheet,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> Result<(), XlsxError> {
    const TITLES: [&str; 10] = [
        "ID",
        "Project",
        "Lead",
        "Start",
        "Finish",
        "Days",
        "Slack (days)",
        "Critical",
        "Wave",
        "Priority",
    ];
    headers(sheet, 0, &TITLES, t)?;
    // The band's periods come first, so the programme and description columns can follow it
    // (a long description before the band would push the band off the printed page).
    let weekly = (plan.finish() - plan.start()).num_days() <= WEEKLY_UP_TO_DAYS;
    let first_col = TITLES.len() as u16;
    // Room for the band beside the programme and description columns.
    let room = usize::from(LAST_COL - first_col) - 1;
    // Months, else quarters, else years: the finest band that fits Excel's columns (a
    // 9,999-year plan has 10,000 years).
    let (periods, months) = if weekly {
        (weeks(plan.start(), plan.finish()), 0)
    } else {
        [1, 3, 12]
            .into_iter()
            .map(|months| (period_bounds(plan.start(), plan.finish(), months), months))
            .find(|(periods, _)| periods.len() - 1 <= room)
            .unwrap_or_else(|| (period_bounds(plan.start(), plan.finish(), 12), 12))
    };
    let columns = periods.len().saturating_sub(1).min(room) as u16;
    let extra = first_col + columns;
    headers_at(sheet, extra, &["Programme", "Description"], t)?;
    sheet.set_column_width(extra, 24)?;
    sheet.set_column_width(extra + 1, 60)?;
    // Row 0 is written whole before the rows below it (the sheet writes rows out in order).
    // The band: one narrow column per period, headed by its first day; a cell is filled when
    // the project runs in that period (critical ones in red). Formulas live only in the
    // conditional formats and reference cells, never user text.
    let header_format = Format::new()
        .set_num_format(match months {
            0 => "dd mmm yy",
            12 => "yyyy",
            _ => "mmm yy",
        })
        .set_rotation(90)
        .set_align(FormatAlign::Center);
    for (k, &first_day) in periods.iter().take(columns as usize).enumerate() {
        let col = first_col + k as u16;
        write_day(sheet, 0, col, first_day, &header_format)?;
        sheet.set_column_width(col, 3)?;
    }
    // With programmes, the rows are the outline: a bold summary row per programme (its band
    // spans its projects), Excel outline levels to fold it.
    let rows: Vec<(Item, usize)> = if roadmap.programmes.is_empty() {
        plan.start_order
            .iter()
            .map(|&p| (Item::Project(p), 0))
            .collect()
    } else {
        plan.outline.iter().map(|r| (r.item, r.depth)).collect()
    };
    for (i, &(item, depth)) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        let indent = Format::new().set_indent(depth.min(15) as u8);
        match item {
            Item::Project(p) => {
                project_row(sheet, roadmap, plan, row, p, &indent, extra, t)?;
                if roadmap.projects[p].is_milestone() {
                    let start = plan.projects[p].start;
                    let k = periods.partition_point(|&first| first <= start);
                    if k >= 1 && k - 1 < columns as usize {
                        let marker = Format::new().set_align(FormatAlign::Center);
                        sheet.write_string_with_format(
                            row,
                            first_col + k as u16 - 1,
                            "◆",
                            &marker,
                        )?;
                    }
                }
            }
            Item::Programme(q) => programme_row(sheet, roadmap, plan, row, q, &indent, extra, t)?,
        }
        // A row's outline level is its depth: one group level per programme above it. Set
        // row by row, as each is written, since rows before the current one are written out.
        for _ in 0..depth.min(7) {
            sheet.group_rows(row, row)?;
        }
    }
    // Printed on one page across, landscape, with the ids and header kept in view on screen:
    // offices print the plan sheet for meetings.
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_freeze_panes(1, 2)?;
    sheet.autofilter(0, 0, (rows.len() as u32).max(1), first_col - 1)?;
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(2, 22)?;
    sheet.set_column_width(3, 11)?;
    sheet.set_column_width(4, 11)?;

    // Printed: the table and the band, without the programme and description columns, which
    // would shrink a page-wide print to an unreadable size.
    sheet.set_print_area(0, 0, rows.len() as u32, (first_col + columns).max(1) - 1)?;
    if columns == 0 || rows.is_empty() {
        return Ok(());
    }
    let last_row = rows.len() as u32;
    let last_col = first_col + columns - 1;
    let band = column_name(first_col);
    let next_period = if weekly {
        format!("{band}$1+7")
    } else {
        format!("EDATE({band}$1,{months})")
    };
    let runs = format!("AND({band}$1<=$E2,{next_period}>$D2)");
    // A milestone is a ◆ written in its period (see `project_row`), amber, not a bar.
    let milestone = ConditionalFormatFormula::new()
        .set_rule(format!("=AND($F2=0,{runs})").as_str())
        .set_format(
            Format::new()
                .set_font_color(Color::RGB(0x8A6200))
                .set_bold(),
        )
        .set_stop_if_true(true);
    sheet.add_conditional_format(1, first_col, last_row, last_col, &milestone)?;
    let critical = ConditionalFormatFormula::new()
        .set_rule(format!("=AND($H2,{runs})").as_str())
        .set_format(Format::new().set_background_color(Color::RGB(0xD0453A)))
        .set_stop_if_true(true);
    let scheduled = ConditionalFormatFormula::new()
        .set_rule(format!("={runs}").as_str())
        .set_format(Format::new().set_background_color(Color::RGB(0x4A78C2)));
    sheet.add_conditional_format(1, first_col, last_row, last_col, &critical)?;
    sheet.add_conditional_format(1, first_col, last_row, last_col, &scheduled)?;
    Ok(())
}

#[allow(clippy::too_many_arguments)] // one row's cells need all of them
fn project_row(
    sheet: &mut Worksheet,
    roadmap: &Roadmap,
    plan: &Plan,
    row: u32,
    p: usize,
    indent: &Format,
    extra: u16,
    t: &Messages,
) -> Result<(), XlsxError> {
    let project = &roadmap.projects[p];
    let planned = &plan.projects[p];
    sheet.write_string_with_format(row, 0, &project.id, indent)?;
    write_text(sheet, row, 1, &project.name)?;
    write_text(sheet, row, 2, &roadmap.actors[project.lead].name)?;
    write_day(sheet, row, 3, planned.start, &date_format(t))?;
    write_day(sheet, row, 4, planned.finish, &date_format(t))?;
    sheet.write_number(row, 5, planned.days)?;
    if !project.effort.is_empty() {
        // Where the days come from: the effort over the units held.
        let effort: Vec<String> = project
            .effort
            .iter()
            .map(|e| {
                let held = project
                    .resources
                    .iter()
                    .find(|d| d.resource == e.resource)
                    .map_or(0.0, |d| d.units);
                format!(
                    "{} of {} at {}",
                    e.effort,
                    roadmap.resources[e.resource].id,
                    crate::display::units(held)
                )
            })
            .collect();
        let text = format!("Effort {}: {}", effort.join("; "), project.duration);
        sheet.insert_note(
            row,
            5,
            &rust_xlsxwriter::Note::new(text).add_author_prefix(false),
        )?;
    }
    sheet.write_number(row, 6, planned.total_slack)?;
    sheet.write_boolean(row, 7, planned.critical)?;
    sheet.write_number(row, 8, planned.wave)?;
    sheet.write_number(row, 9, project.priority)?;
    write_text(sheet, row, extra, roadmap.programme_path_ids(p))?;
    if let Some(description) = &project.description {
        sheet.write_string(row, extra + 1, description)?;
    }
    Ok(())
}

/// A programme's summary row: its rolled-up dates, days and criticality, in bold.
#[allow(clippy::too_many_arguments)] // one row's cells need all of them
fn programme_row(
    sheet: &mut Worksheet,
    roadmap: &Roadmap,
    plan: &Plan,
    row: u32,
    q: usize,
    indent: &Format,
    extra: u16,
    t: &Messages,
) -> Result<(), XlsxError> {
    let programme = &roadmap.programmes[q];
    let planned = &plan.programmes[q];
    sheet.write_string_with_format(row, 0, &programme.id, &indent.clone().set_bold())?;
    sheet.write_string_with_format(row, 1, &programme.name, &bold())?;
    if let Some(lead) = programme.lead {
        write_text(sheet, row, 2, &roadmap.actors[lead].name)?;
    }
    if let (Some(start), Some(finish)) = (planned.start, planned.finish) {
        write_day(sheet, row, 3, start, &date_format(t).set_bold())?;
        write_day(sheet, row, 4, finish, &date_format(t).set_bold())?;
    }
    sheet.write_number(row, 5, planned.days() as f64)?;
    sheet.write_boolean(row, 7, planned.critical)?;
    let path: Vec<&str> = roadmap
        .programme_path(q)
        .iter()
        .map(|&r| roadmap.programmes[r].id.as_str())
        .collect();
    write_text(sheet, row, extra, path.join("/"))?;
    if let Some(description) = &programme.description {
        sheet.write_string(row, extra + 1, description)?;
    }
    Ok(())
}

/// Mondays from the week of `first` to the one after `last`.
fn weeks(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    use chrono::Datelike;
    let mut at = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    let mut bounds = vec![at];
    while at <= last {
        at = at.checked_add_days(Days::new(7)).unwrap_or(NaiveDate::MAX);
        bounds.push(at);
    }
    bounds
}

/// `0 -> A`, `26 -> AA`.
fn column_name(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    name.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader};

    /// Every sheet's cells, as calamine reads them back.
    fn cells(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<Data>>)> {
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        book.worksheets()
            .into_iter()
            .map(|(name, range)| (name, range.rows().map(<[Data]>::to_vec).collect()))
            .collect()
    }

    /// Low-memory sheets drop any cell written above the current row: every table must be
    /// written top to bottom. The same workbook in both modes proves it, on every example.
    #[test]
    fn low_memory_sheets_hold_every_cell_of_the_standard_ones() {
        let mut files = vec![std::path::PathBuf::from("roadmap.toml")];
        files.extend(
            std::fs::read_dir("examples")
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml")),
        );
        let settings = crate::check::Settings {
            options: crate::schedule::Options {
                effort: crate::schedule::Effort::Fast,
                ..Default::default()
            },
            ..Default::default()
        };
        for file in files {
            let checked = crate::check::check_path(&file, &settings).unwrap();
            let (Some(roadmap), Some(plan)) = (&checked.roadmap, &checked.plan) else {
                panic!("{} does not plan", file.display());
            };
            let t = crate::i18n::Messages::new(crate::i18n::Lang::En);
            let workbook = |memory| {
                super::build(
                    roadmap,
                    plan,
                    &checked.source,
                    &checked.findings,
                    &t,
                    memory,
                )
                .unwrap()
            };
            let (low, standard) = (
                cells(workbook(super::Memory::Low)),
                cells(workbook(super::Memory::Standard)),
            );
            let differing: Vec<&String> = low
                .iter()
                .zip(&standard)
                .filter(|(a, b)| a != b)
                .map(|(a, _)| &a.0)
                .collect();
            assert!(differing.is_empty(), "{}: {differing:?}", file.display());
            assert_eq!(low.len(), standard.len());
            assert!(standard.iter().all(|(_, rows)| !rows.is_empty()));
        }
    }

    #[test]
    fn column_names_are_letters() {
        assert_eq!(super::column_name(0), "A");
        assert_eq!(super::column_name(10), "K");
        assert_eq!(super::column_name(26), "AA");
        assert_eq!(super::column_name(27), "AB");
    }
}
