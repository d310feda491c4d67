//! The workbook's table sheets, one table each: human headers, real dates and numbers with
//! formats, the header frozen and repeated on every printed page, an autofilter, a totals row
//! where sums mean something, printed landscape one page wide.

use rust_xlsxwriter::{Color, Format, FormatAlign, Worksheet, XlsxError};

use crate::diag::render::JsonFinding;
use crate::diag::{Diagnostic, SourceFile};
use crate::i18n::Messages;
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::report::funding::FundingReport;
use crate::report::resources::ResourcesReport;
use crate::report::xlsx::{bold, date_format, money, write_day, write_text};

/// A header row at the top, frozen, filtered and repeated when printed; columns `widths` wide.
fn table(
    sheet: &mut Worksheet,
    titles: &[&str],
    widths: &[f64],
    t: &Messages,
) -> Result<(), XlsxError> {
    let header = bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xEEF1F5))
        .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    for (col, title) in titles.iter().enumerate() {
        // Actor and source names head columns: cut to what a cell holds, like any user text.
        // Fixed titles are labels of the catalogues; names from the file pass unchanged.
        let title = t.tr(title);
        crate::report::xlsx::write_text_with_format(sheet, 0, col as u16, &title, &header)?;
    }
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// The autofilter over the rows written (the header and `rows` below it).
fn filter(sheet: &mut Worksheet, rows: u32, cols: u16) -> Result<(), XlsxError> {
    if cols > 0 {
        sheet.autofilter(0, 0, rows.max(1), cols - 1)?;
    }
    Ok(())
}

fn total_money() -> Format {
    money()
        .set_bold()
        .set_border_top(rust_xlsxwriter::FormatBorder::Thin)
}

fn total_label() -> Format {
    bold().set_border_top(rust_xlsxwriter::FormatBorder::Thin)
}

/// Funding by project and source: who pays how much for what.
pub fn funding_by_project(
    sheet: &mut Worksheet,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> Result<(), XlsxError> {
    let mut titles: Vec<String> = ["Project", "ID", "Start", "Finish", "Cost"]
        .map(String::from)
        .to_vec();
    titles.extend(roadmap.funding.iter().map(|f| f.name.clone()));
    titles.extend(["Covered", "Gap"].map(String::from));
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    let mut widths = vec![40.0, 24.0, 11.0, 11.0, 13.0];
    widths.extend(roadmap.funding.iter().map(|_| 16.0));
    widths.extend([13.0, 13.0]);
    table(sheet, &refs, &widths, t)?;
    let sources = roadmap.funding.len() as u16;
    let mut totals = vec![0.0; roadmap.funding.len() + 3];
    let mut row = 0;
    for &p in &plan.start_order {
        row += 1;
        let project = &roadmap.projects[p];
        write_text(sheet, row, 0, &project.name)?;
        write_text(sheet, row, 1, &project.id)?;
        write_day(sheet, row, 2, plan.projects[p].start, &date_format(t))?;
        write_day(sheet, row, 3, plan.projects[p].finish, &date_format(t))?;
        let cost = project.cost.unwrap_or(0.0);
        if let Some(cost) = project.cost {
            sheet.write_number_with_format(row, 4, cost, &money())?;
        }
        totals[0] += cost;
        for (s, _) in roadmap.funding.iter().enumerate() {
            let paid: f64 = project
                .funding
                .iter()
                .filter(|c| c.source == s)
                .map(|c| c.amount)
                .sum();
            if paid != 0.0 {
                sheet.write_number_with_format(row, 5 + s as u16, paid, &money())?;
            }
            totals[1 + s] += paid;
        }
        let covered = project.funded();
        let gap = crate::money::uncovered(cost, covered);
        sheet.write_number_with_format(row, 5 + sources, covered, &money())?;
        sheet.write_number_with_format(row, 6 + sources, gap, &money())?;
        totals[1 + roadmap.funding.len()] += covered;
        totals[2 + roadmap.funding.len()] += gap;
    }
    filter(sheet, row, refs.len() as u16)?;
    row += 1;
    sheet.write_string_with_format(row, 0, t.tr("Total"), &total_label())?;
    sheet.write_number_with_format(row, 4, totals[0], &total_money())?;
    for (k, total) in totals[1..].iter().enumerate() {
        sheet.write_number_with_format(row, 5 + k as u16, *total, &total_money())?;
    }
    Ok(())
}

/// Funding per year against caps: each source's spend per calendar year, its yearly cap, and
/// the years over it in red.
pub fn funding_per_year(
    sheet: &mut Worksheet,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> Result<(), XlsxError> {
    let report = FundingReport::new(roadmap, plan);
    let mut titles: Vec<String> = [
        "Source",
        "ID",
        "Amount",
        "Committed",
        "Left",
        "Window opens",
        "Window closes",
        "Yearly cap",
    ]
    .map(String::from)
    .to_vec();
    titles.extend(report.totals.spend.iter().map(|y| y.year.to_string()));
    titles.push("Description".to_string());
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    let mut widths = vec![40.0, 20.0, 13.0, 13.0, 13.0, 12.0, 12.0, 12.0];
    widths.extend(report.totals.spend.iter().map(|_| 12.0));
    widths.push(50.0);
    table(sheet, &refs, &widths, t)?;
    let over = money()
        .set_font_color(Color::RGB(0xB03A2E))
        .set_bold()
        .set_background_color(Color::RGB(0xFDECEA));
    let description_col = refs.len() as u16 - 1;
    let mut row = 0;
    for (source, model) in report.sources.iter().zip(&roadmap.funding) {
        row += 1;
        write_text(sheet, row, 0, source.name)?;
        write_text(sheet, row, 1, source.id)?;
        sheet.write_number_with_format(row, 2, source.amount, &money())?;
        sheet.write_number_with_format(row, 3, source.committed, &money())?;
        sheet.write_number_with_format(row, 4, source.remaining, &money())?;
        if let Some(from) = source.from {
            write_day(sheet, row, 5, from, &date_format(t))?;
        }
        if let Some(until) = source.until {
            write_day(sheet, row, 6, until, &date_format(t))?;
        }
        if let Some(cap) = source.per_year {
            sheet.write_number_with_format(row, 7, cap, &money())?;
        }
        for (k, year) in source.spend.iter().enumerate() {
            let format = if source.over_cap_years.contains(&year.year) {
                &over
            } else {
                &money()
            };
            sheet.write_number_with_format(row, 8 + k as u16, year.amount, format)?;
        }
        if let Some(description) = &model.description {
            write_text(sheet, row, description_col, description)?;
        }
    }
    filter(sheet, row, refs.len() as u16)?;
    row += 1;
    let total = t.tr("Total");
    let t = &report.totals;
    sheet.write_string_with_format(row, 0, total, &total_label())?;
    sheet.write_number_with_format(row, 2, t.amount, &total_money())?;
    sheet.write_number_with_format(row, 3, t.committed, &total_money())?;
    sheet.write_number_with_format(row, 4, t.remaining, &total_money())?;
    for (k, year) in t.spend.iter().enumerate() {
        sheet.write_number_with_format(row, 8 + k as u16, year.amount, &total_money())?;
    }
    Ok(())
}

/// Resources per month against capacity: the average share of capacity in use, one column a
/// month, full months in red.
pub fn resources(
    sheet: &mut Worksheet,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> Result<(), XlsxError> {
    let report = ResourcesReport::new(roadmap, plan);
    let months: Vec<String> = report
        .resources
        .first()
        .map(|r| r.months.iter().map(|m| m.month.clone()).collect())
        .unwrap_or_default();
    let mut titles: Vec<String> = ["Resource", "ID", "Capacity", "Unit", "Peak", "Average use"]
        .map(String::from)
        .to_vec();
    titles.extend(months.iter().cloned());
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    let mut widths = vec![36.0, 20.0, 10.0, 10.0, 10.0, 10.0];
    widths.extend(months.iter().map(|_| 8.0));
    table(sheet, &refs, &widths, t)?;
    let share = Format::new().set_num_format("0%");
    let full = share
        .clone()
        .set_background_color(Color::RGB(0xF4C7C3))
        .set_bold();
    let units = Format::new().set_num_format("0.##");
    let mut row = 0;
    for r in &report.resources {
        row += 1;
        write_text(sheet, row, 0, r.name)?;
        write_text(sheet, row, 1, r.id)?;
        sheet.write_number_with_format(row, 2, r.capacity, &units)?;
        if let Some(unit) = r.unit {
            write_text(sheet, row, 3, unit)?;
        }
        sheet.write_number_with_format(row, 4, r.peak, &units)?;
        sheet.write_number_with_format(row, 5, r.average_utilisation, &share)?;
        for (k, month) in r.months.iter().enumerate() {
            let format = if month.utilisation >= 0.999 {
                &full
            } else {
                &share
            };
            sheet.write_number_with_format(row, 6 + k as u16, month.utilisation, format)?;
        }
    }
    filter(sheet, row, refs.len() as u16)?;
    if report.resources.is_empty() {
        write_text(
            sheet,
            1,
            0,
            t.tr("No shared resource is declared in the file."),
        )?;
    }
    // Capacities that change over time, month by month, under a blank row (outside the
    // filter): the shares above are of these.
    let stepped: Vec<_> = report
        .resources
        .iter()
        .filter(|r| !r.changes.is_empty())
        .collect();
    if !stepped.is_empty() {
        row += 2;
        sheet.write_string_with_format(
            row,
            0,
            "Capacity per month (average over its days)",
            &bold(),
        )?;
        for r in stepped {
            row += 1;
            write_text(sheet, row, 0, r.name)?;
            write_text(sheet, row, 1, r.id)?;
            sheet.write_number_with_format(row, 2, r.capacity, &units)?;
            if let Some(unit) = r.unit {
                write_text(sheet, row, 3, unit)?;
            }
            for (k, month) in r.months.iter().enumerate() {
                let capacity = month.capacity.unwrap_or(r.capacity);
                sheet.write_number_with_format(row, 6 + k as u16, capacity, &units)?;
            }
        }
    }
    Ok(())
}

/// The role matrix: a row per project, a column per actor, L (leads) or P (takes part); a
/// totals row counts each actor's projects. Who each actor is follows under a blank row, so
/// the filter stays on the matrix.
pub fn actors(
    sheet: &mut Worksheet,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> Result<(), XlsxError> {
    let mut titles: Vec<String> = ["Project", "ID"].map(String::from).to_vec();
    titles.extend(roadmap.actors.iter().map(|a| a.name.clone()));
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    let mut widths = vec![40.0, 24.0];
    widths.extend(roadmap.actors.iter().map(|_| 12.0));
    table(sheet, &refs, &widths, t)?;
    sheet.set_freeze_panes(1, 1)?;
    let centred = Format::new().set_align(FormatAlign::Center);
    let lead = centred
        .clone()
        .set_bold()
        .set_background_color(Color::RGB(0xDBE5F5));
    let mut counts = vec![0u32; roadmap.actors.len()];
    let mut row = 0;
    for &p in &plan.start_order {
        row += 1;
        let project = &roadmap.projects[p];
        write_text(sheet, row, 0, &project.name)?;
        write_text(sheet, row, 1, &project.id)?;
        for (a, count) in counts.iter_mut().enumerate() {
            let col = 2 + a as u16;
            if project.lead == a {
                sheet.write_string_with_format(row, col, "L", &lead)?;
                *count += 1;
            } else if project.participants.contains(&a) {
                sheet.write_string_with_format(row, col, "P", &centred)?;
                *count += 1;
            }
        }
    }
    filter(sheet, row, refs.len() as u16)?;
    row += 1;
    sheet.write_string_with_format(row, 0, t.tr("Projects"), &total_label())?;
    for (a, count) in counts.iter().enumerate() {
        sheet.write_number_with_format(row, 2 + a as u16, *count, &total_label())?;
    }
    row += 2;
    for (col, title) in ["Actor", "ID", "Kind", "Description"].iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, t.tr(title), &bold())?;
    }
    for actor in &roadmap.actors {
        row += 1;
        write_text(sheet, row, 0, &actor.name)?;
        write_text(sheet, row, 1, &actor.id)?;
        write_text(sheet, row, 2, actor.kind.label(t))?;
        if let Some(description) = &actor.description {
            write_text(sheet, row, 3, description)?;
        }
    }
    Ok(())
}

/// The findings of the file and the plan, one a row, with the line they point at.
pub fn findings(
    sheet: &mut Worksheet,
    source: &SourceFile,
    findings: &[Diagnostic],
    t: &Messages,
) -> Result<(), XlsxError> {
    let titles = ["Severity", "Code", "Finding", "Help", "Line"];
    table(sheet, &titles, &[10.0, 8.0, 90.0, 60.0, 7.0], t)?;
    let wrap = Format::new().set_text_wrap();
    let mut row = 0;
    for finding in findings {
        row += 1;
        let json = JsonFinding::new(source, finding);
        let severity = format!("{:?}", json.severity).to_lowercase();
        write_text(sheet, row, 0, t.get(&format!("severity-{severity}")))?;
        write_text(sheet, row, 1, json.code)?;
        let message = t.text(&finding.message);
        crate::report::xlsx::write_text_with_format(sheet, row, 2, &message, &wrap)?;
        if let Some(help) = &finding.help {
            crate::report::xlsx::write_text_with_format(sheet, row, 3, t.text(help), &wrap)?;
        }
        if let Some(line) = json.line {
            sheet.write_number(row, 4, line as f64)?;
        }
    }
    filter(sheet, row, titles.len() as u16)?;
    if findings.is_empty() {
        write_text(sheet, 1, 2, t.get("no-findings"))?;
    }
    Ok(())
}

/// Indicators: a row per indicator target, with the planned value and whether it is reached.
pub fn indicators(
    sheet: &mut Worksheet,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> Result<(), XlsxError> {
    let titles = [
        "Indicator",
        "ID",
        "Objective",
        "Unit",
        "Baseline",
        "Year",
        "Target",
        "Planned",
        "Reached",
    ];
    table(
        sheet,
        &titles,
        &[40.0, 20.0, 36.0, 10.0, 10.0, 7.0, 10.0, 10.0, 9.0],
        t,
    )?;
    let mut row = 0;
    for (i, indicator) in roadmap.indicators.iter().enumerate() {
        for target in &plan.indicators[i].targets {
            row += 1;
            write_text(sheet, row, 0, &indicator.name)?;
            write_text(sheet, row, 1, &indicator.id)?;
            write_text(sheet, row, 2, &roadmap.objectives[indicator.objective].name)?;
            if let Some(unit) = &indicator.unit {
                write_text(sheet, row, 3, unit)?;
            }
            sheet.write_number(row, 4, indicator.baseline.value)?;
            sheet.write_number(row, 5, target.year)?;
            sheet.write_number(row, 6, target.target)?;
            sheet.write_number(row, 7, target.planned)?;
            sheet.write_boolean(row, 8, target.reached)?;
        }
    }
    filter(sheet, row, titles.len() as u16)
}

/// Programmes: a row per programme with its rolled-up dates, cost and commitments.
pub fn programmes(
    sheet: &mut Worksheet,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> Result<(), XlsxError> {
    let titles = [
        "Programme",
        "ID",
        "Path",
        "Lead",
        "Projects",
        "Start",
        "Finish",
        "Cost",
        "Committed",
        "Critical",
        "Description",
    ];
    table(
        sheet,
        &titles,
        &[
            36.0, 20.0, 28.0, 28.0, 9.0, 11.0, 11.0, 13.0, 13.0, 8.0, 50.0,
        ],
        t,
    )?;
    let mut row = 0;
    for (q, programme) in roadmap.programmes.iter().enumerate() {
        row += 1;
        let planned = &plan.programmes[q];
        write_text(sheet, row, 0, &programme.name)?;
        write_text(sheet, row, 1, &programme.id)?;
        write_text(sheet, row, 2, &planned.wbs)?;
        if let Some(lead) = programme.lead {
            write_text(sheet, row, 3, &roadmap.actors[lead].name)?;
        }
        sheet.write_number(row, 4, planned.projects.len() as f64)?;
        if let (Some(start), Some(finish)) = (planned.start, planned.finish) {
            write_day(sheet, row, 5, start, &date_format(t))?;
            write_day(sheet, row, 6, finish, &date_format(t))?;
        }
        sheet.write_number_with_format(row, 7, planned.cost, &money())?;
        sheet.write_number_with_format(row, 8, planned.committed, &money())?;
        sheet.write_boolean(row, 9, planned.critical)?;
        if let Some(description) = &programme.description {
            write_text(sheet, row, 10, description)?;
        }
    }
    filter(sheet, row, titles.len() as u16)
}

/// Objectives with their roll-ups: a shared project (serving several objectives) is listed and
/// counted in full under each; the totals row counts every project once, and a note says so.
pub fn objectives(
    sheet: &mut Worksheet,
    roadmap: &Roadmap,
    plan: &Plan,
    t: &Messages,
) -> Result<(), XlsxError> {
    use crate::plan::objectives::is_shared;
    use crate::report::objectives::{counting_note, no_objective};
    let titles = [
        "Objective",
        "ID",
        "Projects",
        "Shared",
        "Start",
        "Finish",
        "Cost",
        "Shared cost",
        "Committed",
        "Critical",
        "Project IDs",
    ];
    table(
        sheet,
        &titles,
        &[
            36.0, 20.0, 9.0, 9.0, 11.0, 11.0, 13.0, 13.0, 13.0, 8.0, 60.0,
        ],
        t,
    )?;
    let mut row = 0;
    for group in &plan.objectives {
        row += 1;
        match group.objective {
            Some(o) => {
                write_text(sheet, row, 0, &roadmap.objectives[o].name)?;
                write_text(sheet, row, 1, &roadmap.objectives[o].id)?;
            }
            None => write_text(sheet, row, 0, no_objective(t))?,
        }
        sheet.write_number(row, 2, group.projects.len() as f64)?;
        sheet.write_number(row, 3, group.shared as f64)?;
        if let (Some(start), Some(finish)) = (group.start, group.finish) {
            write_day(sheet, row, 4, start, &date_format(t))?;
            write_day(sheet, row, 5, finish, &date_format(t))?;
        }
        sheet.write_number_with_format(row, 6, group.cost, &money())?;
        sheet.write_number_with_format(row, 7, group.shared_cost, &money())?;
        sheet.write_number_with_format(row, 8, group.committed, &money())?;
        sheet.write_boolean(row, 9, group.critical)?;
        let ids: Vec<String> = group
            .projects
            .iter()
            .map(|&p| crate::report::objectives::label(roadmap, p, false))
            .collect();
        write_text(sheet, row, 10, ids.join(", "))?;
    }
    filter(sheet, row, titles.len() as u16)?;
    row += 1;
    let shared = roadmap.projects.iter().filter(|p| is_shared(p)).count();
    let committed = roadmap.projects.iter().fold(0.0, |sum, p| sum + p.funded());
    sheet.write_string_with_format(row, 0, t.tr("Plan (each project once)"), &total_label())?;
    sheet.write_number_with_format(row, 2, roadmap.projects.len() as f64, &total_label())?;
    sheet.write_number_with_format(row, 3, shared as f64, &total_label())?;
    sheet.write_number_with_format(row, 6, roadmap.total_cost(), &total_money())?;
    sheet.write_number_with_format(row, 8, committed, &total_money())?;
    write_text(sheet, row + 2, 0, counting_note(roadmap, false, t))?;
    Ok(())
}
