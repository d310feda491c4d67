//! A Gantt-style timeline for the terminal: one bar per project on a time axis whose scale
//! (weeks, months, quarters or years) is the finest that fits the width.

use std::io::{self, Write};

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::model::Roadmap;
use crate::plan::Plan;
use crate::plan::rollup::Item;
use crate::report::Look;
use crate::report::table::{ID_MAX_WIDTH, indent, truncate};

/// What one column of the timeline stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Week,
    Month,
    Quarter,
    Year,
}

impl Scale {
    const ALL: [Scale; 4] = [Scale::Week, Scale::Month, Scale::Quarter, Scale::Year];

    /// The first day of the column that contains `date`.
    fn floor(self, date: NaiveDate) -> NaiveDate {
        let first_of_month =
            |month: u32| NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date);
        match self {
            Scale::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
            Scale::Month => first_of_month(date.month()),
            Scale::Quarter => first_of_month((date.month0() / 3) * 3 + 1),
            Scale::Year => first_of_month(1),
        }
    }

    /// The first day of the column after the one starting on `date`.
    fn next(self, date: NaiveDate) -> NaiveDate {
        let later = match self {
            Scale::Week => date.checked_add_days(Days::new(7)),
            Scale::Month => date.checked_add_months(Months::new(1)),
            Scale::Quarter => date.checked_add_months(Months::new(3)),
            Scale::Year => date.checked_add_months(Months::new(12)),
        };
        later.unwrap_or(NaiveDate::MAX)
    }

    fn name(self) -> &'static str {
        match self {
            Scale::Week => "week",
            Scale::Month => "month",
            Scale::Quarter => "quarter",
            Scale::Year => "year",
        }
    }
}

/// How rows are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    #[default]
    None,
    /// Under the first objective each project serves.
    Objective,
    /// Under the actor that leads each project.
    Lead,
    /// As the programme tree, with a summary bar per programme.
    Programme,
}

impl GroupBy {
    /// What `--group-by` means when it is not given: the programme tree when the roadmap has
    /// programmes, else `fallback`.
    pub fn or_default(choice: Option<GroupBy>, roadmap: &Roadmap, fallback: GroupBy) -> GroupBy {
        choice.unwrap_or(if roadmap.programmes.is_empty() {
            fallback
        } else {
            GroupBy::Programme
        })
    }
}

/// Column boundaries: `starts[i]..starts[i + 1]` is column `i`.
struct Axis {
    scale: Scale,
    starts: Vec<NaiveDate>,
}

impl Axis {
    /// The columns from the plan's start to its finish at `scale`; `None` past `max` columns.
    fn new(scale: Scale, first: NaiveDate, last: NaiveDate, max: usize) -> Option<Axis> {
        let mut starts = vec![scale.floor(first)];
        while let Some(&current) = starts.last()
            && current <= last
        {
            if starts.len() > max {
                return None;
            }
            starts.push(scale.next(current));
        }
        Some(Axis { scale, starts })
    }

    fn columns(&self) -> usize {
        self.starts.len() - 1
    }

    /// Does `[from, to)` overlap column `i`?
    fn overlaps(&self, i: usize, from: NaiveDate, to: NaiveDate) -> bool {
        from < self.starts[i + 1] && to > self.starts[i]
    }

    /// The column that contains `date`.
    fn column_of(&self, date: NaiveDate) -> usize {
        self.starts
            .partition_point(|&s| s <= date)
            .saturating_sub(1)
    }
}

pub struct Options {
    pub scale: Option<Scale>,
    pub group_by: GroupBy,
}

pub fn write(
    out: &mut dyn Write,
    roadmap: &Roadmap,
    plan: &Plan,
    look: &Look,
    options: &Options,
) -> io::Result<()> {
    let label_width = if options.group_by == GroupBy::Programme {
        outline_labels(roadmap, plan)
            .iter()
            .map(|label| label.chars().count())
            .max()
            .unwrap_or(0)
    } else {
        roadmap
            .projects
            .iter()
            .map(|p| p.id.chars().count())
            .max()
            .unwrap_or(0)
    }
    .clamp(6, ID_MAX_WIDTH - 2);
    let room = usize::from(look.width)
        .saturating_sub(label_width + 2)
        .max(10);
    let (first, last) = (plan.start(), plan.finish());
    let axis = match options.scale {
        Some(scale) => Axis::new(scale, first, last, usize::MAX),
        None => Scale::ALL
            .iter()
            .find_map(|&scale| Axis::new(scale, first, last, room)),
    };
    let Some(axis) = axis.or_else(|| Axis::new(Scale::Year, first, last, usize::MAX)) else {
        return Ok(());
    };

    let glyphs = Glyphs::new(look.ascii);
    let pad = " ".repeat(label_width + 1);
    writeln!(out, "{pad}{}", look.bold(&year_row(&axis)))?;
    if let Some(row) = period_row(&axis) {
        writeln!(out, "{pad}{row}")?;
    }

    if options.group_by == GroupBy::Programme {
        for (row, label) in plan.outline.iter().zip(outline_labels(roadmap, plan)) {
            let label = truncate(&label, label_width);
            let bar = match row.item {
                Item::Project(p) => project_bar(roadmap, plan, look, &glyphs, &axis, p),
                Item::Programme(q) => summary_bar(plan, look, &glyphs, &axis, q),
            };
            // A programme without projects has no bar: no padding after its label either.
            let padded = if bar.trim().is_empty() {
                label
            } else {
                format!("{label:<label_width$} {}", bar.trim_end())
            };
            if matches!(row.item, Item::Programme(_)) {
                // Bold only the label, not the bar's colours.
                let indent = padded.len() - padded.trim_start().len();
                let end = padded[indent..]
                    .find(' ')
                    .map_or(padded.len(), |n| indent + n);
                writeln!(
                    out,
                    "{}{}{}",
                    &padded[..indent],
                    look.bold(&padded[indent..end]),
                    &padded[end..]
                )?;
            } else {
                writeln!(out, "{padded}")?;
            }
        }
    }
    let grouped = if options.group_by == GroupBy::Programme {
        Vec::new()
    } else {
        groups(roadmap, plan, options.group_by)
    };
    for (title, rows) in grouped {
        if let Some(title) = title {
            writeln!(out, "{}", look.bold(&title))?;
        }
        for p in rows {
            let label = truncate(&roadmap.projects[p].id, label_width);
            let bar = project_bar(roadmap, plan, look, &glyphs, &axis, p);
            writeln!(out, "{label:<label_width$} {}", bar.trim_end())?;
        }
    }

    let programme_key = if options.group_by == GroupBy::Programme {
        format!("  {} programme", look.bold(glyphs.summary))
    } else {
        String::new()
    };
    let key = format!(
        "{} critical  {} scheduled  {} slack  {} milestone{programme_key}",
        look.paint(glyphs.critical_style(), glyphs.critical),
        look.paint(glyphs.normal_style(), glyphs.normal),
        glyphs.slack,
        look.paint(glyphs.milestone_style(), glyphs.milestone),
    );
    let scale = format!("one column = one {}", axis.scale.name());
    // The key's glyphs are one column each; colour codes take no room.
    let key_width = anstream::adapter::strip_str(&key)
        .to_string()
        .chars()
        .count();
    if key_width + 3 + scale.len() <= usize::from(look.width) {
        writeln!(out, "\n{key}   {scale}")?;
    } else {
        writeln!(out, "\n{key}\n{scale}")?;
    }
    writeln!(out, "{}", summary(roadmap, plan, look))?;
    if let Some(bound) = plan.bound() {
        writeln!(out, "{}", bound_line(&bound, look))?;
    }
    Ok(())
}

/// "Bound: no plan can finish before D; this one is at most N days or X % longer", broken
/// after the semicolon when the width is too small for one line.
fn bound_line(bound: &crate::plan::Bound, look: &Look) -> String {
    let line = format!("{} {}", look.bold("Bound:"), bound.sentence());
    let visible = "Bound: ".len() + bound.sentence().chars().count();
    if visible <= usize::from(look.width) {
        return line;
    }
    match line.split_once("; ") {
        Some((first, rest)) => format!("{first};\n       {rest}"),
        None => line,
    }
}

/// A project's bar: its days, then its slack.
fn project_bar(
    roadmap: &Roadmap,
    plan: &Plan,
    look: &Look,
    glyphs: &Glyphs,
    axis: &Axis,
    p: usize,
) -> String {
    let project = &roadmap.projects[p];
    let planned = &plan.projects[p];
    let end = planned.start + Days::new(u64::try_from(planned.days).unwrap_or(0));
    let slack_end = end
        .checked_add_days(Days::new(u64::try_from(planned.total_slack).unwrap_or(0)))
        .unwrap_or(end);
    let mut bar = String::with_capacity(axis.columns() * 3);
    for i in 0..axis.columns() {
        let cell = if project.is_milestone() {
            if axis.column_of(planned.start) == i {
                look.paint(glyphs.milestone_style(), glyphs.milestone)
            } else {
                " ".to_string()
            }
        } else if axis.overlaps(i, planned.start, end) {
            if planned.critical {
                look.paint(glyphs.critical_style(), glyphs.critical)
            } else {
                look.paint(glyphs.normal_style(), glyphs.normal)
            }
        } else if axis.overlaps(i, end, slack_end) {
            look.paint(anstyle::Style::new().dimmed(), glyphs.slack)
        } else {
            " ".to_string()
        };
        bar.push_str(&cell);
    }
    bar
}

/// A programme's summary bar, from its first project's start to its last one's finish.
fn summary_bar(plan: &Plan, look: &Look, glyphs: &Glyphs, axis: &Axis, q: usize) -> String {
    let planned = &plan.programmes[q];
    let (Some(start), Some(finish)) = (planned.start, planned.finish) else {
        return String::new();
    };
    let end = finish + Days::new(1);
    (0..axis.columns())
        .map(|i| {
            if axis.overlaps(i, start, end) {
                look.bold(glyphs.summary)
            } else {
                " ".to_string()
            }
        })
        .collect()
}

/// The labels of the outline's rows: ids indented by depth.
fn outline_labels(roadmap: &Roadmap, plan: &Plan) -> Vec<String> {
    plan.outline
        .iter()
        .map(|row| {
            let id = match row.item {
                Item::Project(p) => &roadmap.projects[p].id,
                Item::Programme(q) => &roadmap.programmes[q].id,
            };
            format!("{}{id}", indent(row.depth))
        })
        .collect()
}

/// "Plan 2019-07-01 → 2025-12-31 (2376 days, 6.5 years); critical path: a → b → c", or with
/// several chains "3 critical chains: a → b → c; d → c; e".
pub fn summary(roadmap: &Roadmap, plan: &Plan, look: &Look) -> String {
    let days = (plan.finish() - plan.start()).num_days() + 1;
    let arrow = format!(" {} ", look.arrow());
    format!(
        "{} {}{}{} ({days} days, {:.1} years); {}",
        look.bold("Plan"),
        plan.start(),
        arrow,
        plan.finish(),
        days as f64 / 365.25,
        critical_chains(roadmap, plan, &arrow)
    )
}

/// The most chains the human summary spells out; JSON lists them all (up to `MAX_CHAINS`).
const CHAINS_SHOWN: usize = 3;

/// "critical path: a → b", "2 critical chains: a → b; c → b" or "critical path: none".
pub fn critical_chains(roadmap: &Roadmap, plan: &Plan, arrow: &str) -> String {
    let solution = &plan.solution;
    let spelled: Vec<String> = solution
        .critical_chains
        .iter()
        .take(CHAINS_SHOWN)
        .map(|chain| {
            chain
                .iter()
                .map(|&p| roadmap.projects[p].id.as_str())
                .collect::<Vec<_>>()
                .join(arrow)
        })
        .collect();
    match solution.critical_chain_count {
        0 => "critical path: none".to_string(),
        1 => format!("critical path: {}", spelled.join("")),
        count => {
            let more = count.saturating_sub(spelled.len() as u64);
            let rest = if more > 0 {
                format!("; and {more} more (--format json lists them)")
            } else {
                String::new()
            };
            format!("{count} critical chains: {}{rest}", spelled.join("; "))
        }
    }
}

struct Glyphs {
    critical: &'static str,
    normal: &'static str,
    slack: &'static str,
    milestone: &'static str,
    summary: &'static str,
}

impl Glyphs {
    fn new(ascii: bool) -> Glyphs {
        if ascii {
            Glyphs {
                critical: "#",
                normal: "=",
                slack: ".",
                milestone: "*",
                summary: "~",
            }
        } else {
            Glyphs {
                critical: "█",
                normal: "▒",
                slack: "·",
                milestone: "◆",
                summary: "━",
            }
        }
    }

    fn critical_style(&self) -> anstyle::Style {
        anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::Red.into()))
    }

    fn normal_style(&self) -> anstyle::Style {
        anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::Blue.into()))
    }

    fn milestone_style(&self) -> anstyle::Style {
        anstyle::Style::new()
            .bold()
            .fg_color(Some(anstyle::AnsiColor::Yellow.into()))
    }
}

/// Year labels placed where each year begins (skipped where they would collide).
fn year_row(axis: &Axis) -> String {
    let mut row = vec![' '; axis.columns()];
    let mut free_from = 0;
    for i in 0..axis.columns() {
        let start = axis.starts[i];
        let new_year = i == 0 || axis.starts[i - 1].year() != start.year();
        // A quarter scale has only four columns a year: short labels fit, full years collide.
        let label = if axis.scale == Scale::Quarter {
            format!("'{:02}", start.year().rem_euclid(100))
        } else {
            start.year().to_string()
        };
        if new_year && i >= free_from && i + label.len() <= axis.columns() {
            for (k, c) in label.chars().enumerate() {
                row[i + k] = c;
            }
            free_from = i + label.len() + 1;
        }
    }
    row.into_iter().collect::<String>().trim_end().to_string()
}

/// The second axis row: month initials, month names at their first week, or quarter numbers.
fn period_row(axis: &Axis) -> Option<String> {
    const INITIALS: [char; 12] = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'];
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let columns = axis.columns();
    let row: String = match axis.scale {
        Scale::Month => (0..columns)
            .map(|i| INITIALS[axis.starts[i].month0() as usize])
            .collect(),
        Scale::Quarter => (0..columns)
            .map(|i| char::from(b'1' + (axis.starts[i].month0() / 3) as u8))
            .collect(),
        Scale::Week => {
            let mut row = vec![' '; columns];
            let mut free_from = 0;
            for i in 0..columns {
                let month = axis.starts[i].month0() as usize;
                let first_week = i == 0 || axis.starts[i - 1].month0() as usize != month;
                if first_week && i >= free_from && i + 3 <= columns {
                    for (k, c) in NAMES[month].chars().enumerate() {
                        row[i + k] = c;
                    }
                    free_from = i + 4;
                }
            }
            row.into_iter().collect()
        }
        Scale::Year => return None,
    };
    Some(row.trim_end().to_string())
}

/// Rows in start order, under group titles when grouping.
fn groups(roadmap: &Roadmap, plan: &Plan, group_by: GroupBy) -> Vec<(Option<String>, Vec<usize>)> {
    let rows = &plan.start_order;
    let key = |p: usize| -> (usize, String) {
        let project = &roadmap.projects[p];
        match group_by {
            GroupBy::None | GroupBy::Programme => (0, String::new()),
            GroupBy::Objective => project.objectives.first().map_or(
                (usize::MAX, "(no objective)".to_string()),
                |&o| {
                    (
                        o,
                        format!(
                            "{}: {}",
                            roadmap.objectives[o].id, roadmap.objectives[o].name
                        ),
                    )
                },
            ),
            GroupBy::Lead => (
                project.lead,
                format!(
                    "{} ({})",
                    roadmap.actors[project.lead].name, roadmap.actors[project.lead].id
                ),
            ),
        }
    };
    let mut grouped: std::collections::BTreeMap<(usize, String), Vec<usize>> =
        std::collections::BTreeMap::new();
    for &p in rows {
        grouped.entry(key(p)).or_default().push(p);
    }
    grouped
        .into_iter()
        .map(|((_, title), rows)| {
            (
                (!matches!(group_by, GroupBy::None | GroupBy::Programme)).then_some(title),
                rows,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn finest_scale_that_fits_is_chosen() {
        let (a, b) = (date("2019-07-01"), date("2025-12-31"));
        assert!(Axis::new(Scale::Week, a, b, 78).is_none());
        let axis = Axis::new(Scale::Month, a, b, 78).unwrap();
        assert_eq!(axis.columns(), 78);
        assert_eq!(axis.column_of(date("2020-01-15")), 6);
    }

    #[test]
    fn axis_rows_label_years_and_months() {
        let axis = Axis::new(Scale::Month, date("2019-11-01"), date("2020-02-10"), 80).unwrap();
        assert_eq!(year_row(&axis), "2019");
        assert_eq!(period_row(&axis).unwrap(), "NDJF");
        let axis = Axis::new(Scale::Quarter, date("2019-01-01"), date("2021-12-31"), 80).unwrap();
        assert_eq!(year_row(&axis), "'19 '20 '21");
        assert_eq!(period_row(&axis).unwrap(), "123412341234");
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(Scale::Week.floor(date("2026-11-27")), date("2026-11-23"));
        assert_eq!(Scale::Quarter.floor(date("2026-11-27")), date("2026-10-01"));
    }
}
