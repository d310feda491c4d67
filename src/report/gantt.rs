//! A Gantt-style timeline for the terminal: one bar per project on a time axis whose scale
//! (weeks, months, quarters, years, and coarser for long plans) is the finest that fits the
//! width once every label (id) has its full width. Every scale labels every year it draws
//! (the coarser ones every decade or century), and a forced `--scale` that cannot fit falls
//! back to one that can, and says so.

use std::io::{self, Write};

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::i18n::Messages;
use crate::model::Roadmap;
use crate::plan::Plan;
use crate::plan::rollup::Item;
use crate::report::Look;
use crate::report::grid;
use crate::report::objectives;
use crate::report::table::indent;

/// What one column of the timeline stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Week,
    Month,
    Quarter,
    /// Five columns a year, so that each year has room for its label.
    Year,
    /// Three columns a year, labelled `'19`: the year scale when five do not fit.
    YearNarrow,
    /// One column a year, labelled every ten years (long plans only).
    Decade,
    /// One column per ten years, labelled every hundred years (very long plans only).
    Century,
}

/// Labels are cut no shorter than this to make room for the coarsest scale.
const LABEL_MIN_WIDTH: usize = 8;

impl Scale {
    const ALL: [Scale; 7] = [
        Scale::Week,
        Scale::Month,
        Scale::Quarter,
        Scale::Year,
        Scale::YearNarrow,
        Scale::Decade,
        Scale::Century,
    ];

    /// The year label of a column where a labelled year begins, and how many columns a year
    /// needs for it.
    fn year_label(self, year: i32) -> String {
        match self {
            Scale::Quarter | Scale::YearNarrow => format!("'{:02}", year.rem_euclid(100)),
            _ => year.to_string(),
        }
    }

    /// Is `year` one that this scale labels?
    fn labels_year(self, year: i32) -> bool {
        match self {
            Scale::Decade => year.rem_euclid(10) == 0,
            Scale::Century => year.rem_euclid(100) == 0,
            _ => true,
        }
    }

    /// The first day of the column that contains `date`.
    fn floor(self, date: NaiveDate) -> NaiveDate {
        let first_of_month =
            |month: u32| NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date);
        match self {
            Scale::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
            Scale::Month => first_of_month(date.month()),
            Scale::Quarter => first_of_month((date.month0() / 3) * 3 + 1),
            Scale::Year | Scale::YearNarrow | Scale::Decade => first_of_month(1),
            Scale::Century => {
                NaiveDate::from_ymd_opt(date.year() - date.year().rem_euclid(10), 1, 1)
                    .unwrap_or(date)
            }
        }
    }

    /// The first day of the column before the one starting on `date`.
    fn previous(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Scale::Week => date.checked_sub_days(Days::new(7)),
            Scale::Month => date.checked_sub_months(Months::new(1)),
            Scale::Quarter => date.checked_sub_months(Months::new(3)),
            Scale::Year | Scale::YearNarrow | Scale::Decade | Scale::Century => None,
        }
    }

    /// The first day of the column after the one starting on `date`.
    fn next(self, date: NaiveDate) -> NaiveDate {
        let later = match self {
            Scale::Week => date.checked_add_days(Days::new(7)),
            Scale::Month => date.checked_add_months(Months::new(1)),
            Scale::Quarter => date.checked_add_months(Months::new(3)),
            Scale::Year | Scale::YearNarrow => {
                // An equal part of the year (a fifth or a third), the last one ending on the
                // next year's first day.
                let parts = if self == Scale::Year { 5 } else { 3 };
                let year_start = Scale::Year.floor(date);
                let next_year = year_start.checked_add_months(Months::new(12));
                next_year.map(|next| {
                    let days = (next - year_start).num_days();
                    // `date` starts part `k` = ceil(offset × parts / days); the next one starts
                    // at floor(days × (k + 1) / parts).
                    let offset = (date - year_start).num_days();
                    let part = (offset * parts + days - 1) / days + 1;
                    year_start + Days::new(u64::try_from(days * part / parts).unwrap_or(0))
                })
            }
            Scale::Decade => date.checked_add_months(Months::new(12)),
            Scale::Century => date.checked_add_months(Months::new(120)),
        };
        later.unwrap_or(NaiveDate::MAX)
    }

    /// The catalogue id of what the key says one column is.
    fn key(self) -> &'static str {
        match self {
            Scale::Week => "scale-week",
            Scale::Month => "scale-month",
            Scale::Quarter => "scale-quarter",
            Scale::Year => "scale-year",
            Scale::YearNarrow => "scale-year-narrow",
            Scale::Decade => "scale-decade",
            Scale::Century => "scale-century",
        }
    }

    /// The name `--scale` knows it by.
    fn name(self) -> &'static str {
        match self {
            Scale::Week => "week",
            Scale::Month => "month",
            Scale::Quarter => "quarter",
            Scale::Year | Scale::YearNarrow => "year",
            Scale::Decade => "decade",
            Scale::Century => "century",
        }
    }
}

/// How rows are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    #[default]
    None,
    /// Under every objective each project serves (a shared project under each, marked), then
    /// the projects serving none.
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
    /// The first and the last year get columns enough for their labels (the axis starts a
    /// little earlier or ends a little later, never outside those years).
    fn new(scale: Scale, first: NaiveDate, last: NaiveDate, max: usize) -> Option<Axis> {
        let mut starts = vec![scale.floor(first)];
        while let Some(&current) = starts.last()
            && current <= last
        {
            if starts.len() > max.saturating_add(1) {
                return None;
            }
            starts.push(scale.next(current));
        }
        let label = scale.year_label(first.year()).len();
        let in_year = |starts: &[NaiveDate], year: i32| {
            starts[..starts.len() - 1]
                .iter()
                .filter(|d| d.year() == year)
                .count()
        };
        // The first year: its label and a space before the next year's.
        let first_year = starts[0].year();
        while in_year(&starts, first_year) < label + 1
            && starts.len() > 2
            && let Some(before) = scale.previous(starts[0])
            && before.year() == first_year
        {
            starts.insert(0, before);
        }
        // The last labelled year (a plan within one year, a last year with few columns, or
        // the last decade): columns enough for its label.
        let last_label = |starts: &[NaiveDate]| {
            (0..starts.len() - 1).rev().find(|&i| {
                let year = starts[i].year();
                (i == 0 || starts[i - 1].year() != year) && scale.labels_year(year)
            })
        };
        while let Some(i) = last_label(&starts)
            && i + label > starts.len() - 1
        {
            let after = scale.next(*starts.last().expect("never empty"));
            if after == NaiveDate::MAX {
                break;
            }
            starts.push(after);
        }
        // The first year again, for a plan within one year that had no room before.
        while in_year(&starts, first_year) < label
            && let Some(before) = scale.previous(starts[0])
            && before.year() == first_year
        {
            starts.insert(0, before);
        }
        (starts.len() - 1 <= max).then_some(Axis { scale, starts })
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
    let t = look.messages();
    let label_width = if options.group_by == GroupBy::Programme {
        outline_labels(roadmap, plan)
            .iter()
            .map(|label| label.chars().count())
            .max()
            .unwrap_or(0)
    } else {
        (0..roadmap.projects.len())
            .map(|p| {
                row_label(roadmap, p, options.group_by, look.ascii)
                    .chars()
                    .count()
            })
            .max()
            .unwrap_or(0)
    }
    .max(2);
    let width = usize::from(look.width);
    let (first, last) = (plan.start(), plan.finish());
    let Some(Fitted {
        axis,
        label_width,
        note,
    }) = fit(options.scale, first, last, label_width, width)
    else {
        let text = t.with("no-timeline", &[("width", width.to_string())]);
        return writeln!(out, "{}", grid::paragraph(&text, look.width));
    };

    let glyphs = Glyphs::new(look.ascii);
    let pad = " ".repeat(label_width + 1);
    writeln!(out, "{pad}{}", look.bold(&year_row(&axis)))?;
    if let Some(row) = period_row(&axis, &t) {
        writeln!(out, "{pad}{row}")?;
    }

    if options.group_by == GroupBy::Programme {
        for (row, label) in plan.outline.iter().zip(outline_labels(roadmap, plan)) {
            let label = grid::cut(&label, label_width);
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
                let indent = indent.min(label_width);
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
        groups(roadmap, plan, options.group_by, look)
    };
    for (title, rows) in grouped {
        if let Some(title) = title {
            writeln!(out, "{}", look.bold(&grid::paragraph(&title, look.width)))?;
        }
        for p in rows {
            let label = grid::cut(
                &row_label(roadmap, p, options.group_by, look.ascii),
                label_width,
            );
            let bar = project_bar(roadmap, plan, look, &glyphs, &axis, p);
            writeln!(out, "{label:<label_width$} {}", bar.trim_end())?;
        }
    }

    let item = |id: &str, glyph: String| t.with(id, &[("glyph", glyph)]);
    let mut key = vec![
        item(
            "key-critical",
            look.paint(glyphs.critical_style(), glyphs.critical),
        ),
        item(
            "key-scheduled",
            look.paint(glyphs.normal_style(), glyphs.normal),
        ),
        item("key-slack", glyphs.slack.to_string()),
        item(
            "key-milestone",
            look.paint(glyphs.milestone_style(), glyphs.milestone),
        ),
    ];
    if options.group_by == GroupBy::Programme {
        key.push(item("key-programme", look.bold(glyphs.summary)));
    }
    let shared_shown = options.group_by == GroupBy::Objective
        && roadmap
            .projects
            .iter()
            .any(crate::plan::objectives::is_shared);
    if shared_shown {
        key.push(objectives::key_item(look.ascii, &look.messages()));
    }
    // The key's items wrap as whole items; colour codes take no room.
    let mut lines = vec![String::new()];
    for item in &key {
        let line = lines.last_mut().expect("never empty");
        let used = grid::visible_width(line);
        if used > 0 && used + 2 + grid::visible_width(item) > width {
            lines.push(String::new());
        }
        let line = lines.last_mut().expect("never empty");
        if !line.is_empty() {
            line.push_str("  ");
        }
        line.push_str(item);
    }
    let scale = t.get(axis.scale.key());
    let line = lines.last_mut().expect("never empty");
    if grid::visible_width(line) + 3 + grid::visible_width(&scale) <= width {
        line.push_str("   ");
        line.push_str(&scale);
    } else {
        lines.push(scale);
    }
    writeln!(out, "\n{}", lines.join("\n"))?;
    if let Some(note) = note {
        writeln!(out, "{}", grid::paragraph(&t.text(&note), look.width))?;
    }

    writeln!(
        out,
        "{}",
        grid::paragraph(&summary(roadmap, plan, look), look.width)
    )?;
    if let Some(bound) = plan.bound() {
        writeln!(out, "{}", bound_line(&bound, look))?;
    }
    Ok(())
}

/// The axis and label width a timeline is drawn at, and why a forced scale was not used.
struct Fitted {
    axis: Axis,
    label_width: usize,
    note: Option<crate::i18n::Text>,
}

/// Labels first: the finest scale (or the forced one) that fits beside whole labels, down to
/// three columns a year; else three columns a year beside labels cut to make room; only then
/// the decade and century scales (whole labels, then cut ones), for plans too long to show
/// every year; `None` when not even that fits.
fn fit(
    forced: Option<Scale>,
    first: NaiveDate,
    last: NaiveDate,
    label_width: usize,
    width: usize,
) -> Option<Fitted> {
    let room = |label_width: usize| width.saturating_sub(label_width + 1);
    let finest = |scales: &[Scale], max: usize| {
        scales
            .iter()
            .find_map(|&scale| Axis::new(scale, first, last, max))
    };
    let (every_year, coarse) = Scale::ALL.split_at(5);
    // A forced year scale may take its narrow form.
    let forced_forms: &[Scale] = match forced {
        Some(Scale::Year) => &[Scale::Year, Scale::YearNarrow],
        Some(ref scale) => std::slice::from_ref(scale),
        None => &[],
    };
    if let Some(axis) = forced_forms
        .iter()
        .find_map(|&scale| Axis::new(scale, first, last, room(label_width)))
    {
        return Some(Fitted {
            axis,
            label_width,
            note: None,
        });
    }
    let shortest = label_width.min(LABEL_MIN_WIDTH);
    // Labels take what the axis leaves.
    let beside = |axis: Axis| {
        let cut = width.saturating_sub(axis.columns() + 1).min(label_width);
        (axis, cut)
    };
    let fitted = finest(every_year, room(label_width))
        .map(|axis| (axis, label_width))
        .or_else(|| Axis::new(Scale::YearNarrow, first, last, room(shortest)).map(beside))
        .or_else(|| finest(coarse, room(label_width)).map(|axis| (axis, label_width)))
        .or_else(|| finest(coarse, room(shortest)).map(beside));
    let (axis, label_width) = fitted?;
    let note = forced.map(|scale| {
        let needed = Axis::new(scale, first, last, usize::MAX).map_or(0, |a| a.columns());
        crate::i18n::text!(
            "scale-forced",
            scale = scale.name(),
            needed = needed.to_string(),
            width = width.to_string(),
            shown = axis.scale.name(),
        )
    });
    Some(Fitted {
        axis,
        label_width,
        note,
    })
}

/// "Bound: no plan can finish before D; this one is at most N days or X % longer", wrapped to
/// the width.
fn bound_line(bound: &crate::plan::Bound, look: &Look) -> String {
    let t = look.messages();
    let line = format!(
        "{} {}",
        look.bold(&t.get("bound-label")),
        t.text(&bound.sentence())
    );
    grid::paragraph(&line, look.width)
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
    let t = look.messages();
    let days = (plan.finish() - plan.start()).num_days() + 1;
    let arrow = format!(" {} ", look.arrow());
    t.with(
        "plan-span",
        &[
            ("plan", look.bold(&t.get("plan-label"))),
            ("start", t.date(plan.start())),
            ("arrow", arrow.clone()),
            ("finish", t.date(plan.finish())),
            ("days", days.to_string()),
            ("years", t.decimal(days as f64 / 365.25, 1)),
            ("chains", critical_chains(roadmap, plan, &arrow, &t)),
        ],
    )
}

/// The most chains the human summary spells out; JSON lists them all (up to `MAX_CHAINS`).
const CHAINS_SHOWN: usize = 3;

/// "critical path: a → b", "2 critical chains: a → b; c → b" or "critical path: none".
pub fn critical_chains(roadmap: &Roadmap, plan: &Plan, arrow: &str, t: &Messages) -> String {
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
        0 => t.get("chains-none"),
        1 => t.with("chains-one", &[("chain", spelled.join(""))]),
        count => {
            let more = count.saturating_sub(spelled.len() as u64);
            let rest = if more > 0 {
                t.with("chains-more", &[("more", more.to_string())])
            } else {
                String::new()
            };
            let chains = format!("{}{rest}", spelled.join("; "));
            t.with(
                "chains-many",
                &[("count", count.to_string()), ("chains", chains)],
            )
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

/// Year labels placed where each year begins: every year (the axis gives each one room), or
/// every decade or century on the coarser scales, whose first column is labelled too when
/// there is room before the next label.
fn year_row(axis: &Axis) -> String {
    let mut row = vec![' '; axis.columns()];
    let mut free_from = 0;
    let labelled: Vec<usize> = (0..axis.columns())
        .filter(|&i| {
            let year = axis.starts[i].year();
            let new_year = i == 0 || axis.starts[i - 1].year() != year;
            new_year && axis.scale.labels_year(year)
        })
        .collect();
    let first_label = axis.scale.year_label(axis.starts[0].year()).len();
    let room_at_start = labelled.first().is_none_or(|&i| i > first_label);
    let columns: Vec<usize> = if labelled.first() != Some(&0) && room_at_start {
        std::iter::once(0).chain(labelled).collect()
    } else {
        labelled
    };
    for i in columns {
        let label = axis.scale.year_label(axis.starts[i].year());
        if i >= free_from && i + label.len() <= axis.columns() {
            for (k, c) in label.chars().enumerate() {
                row[i + k] = c;
            }
            // A short label starts with an apostrophe, which keeps it apart from the one before.
            free_from = i + label.len() + usize::from(!label.starts_with('\''));
        }
    }
    row.into_iter().collect::<String>().trim_end().to_string()
}

/// The second axis row: month initials, month names at their first week, or quarter numbers.
fn period_row(axis: &Axis, t: &Messages) -> Option<String> {
    let initials: Vec<char> = t.get("month-initials").chars().collect();
    let initial = |month0: usize| initials.get(month0).copied().unwrap_or('?');
    let names: Vec<String> = (1..=12)
        .map(|m| t.get(&format!("month-short-{m}")))
        .collect();
    let columns = axis.columns();
    let row: String = match axis.scale {
        Scale::Month => (0..columns)
            .map(|i| initial(axis.starts[i].month0() as usize))
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
                    for (k, c) in names[month].chars().take(3).enumerate() {
                        row[i + k] = c;
                    }
                    free_from = i + 4;
                }
            }
            row.into_iter().collect()
        }
        Scale::Year | Scale::YearNarrow | Scale::Decade | Scale::Century => return None,
    };
    Some(row.trim_end().to_string())
}

/// A row's label: the project's id, with the shared mark under objectives.
fn row_label(roadmap: &Roadmap, p: usize, group_by: GroupBy, ascii: bool) -> String {
    if group_by == GroupBy::Objective {
        objectives::label(roadmap, p, ascii)
    } else {
        roadmap.projects[p].id.clone()
    }
}

/// Rows in start order, under group titles when grouping. By objective, every objective the
/// plan rolls up (a shared project under each it serves), with how many projects it counts.
fn groups(
    roadmap: &Roadmap,
    plan: &Plan,
    group_by: GroupBy,
    look: &Look,
) -> Vec<(Option<String>, Vec<usize>)> {
    let rows = &plan.start_order;
    let key = |p: usize| -> (usize, String) {
        let project = &roadmap.projects[p];
        match group_by {
            GroupBy::None | GroupBy::Programme | GroupBy::Objective => (0, String::new()),
            GroupBy::Lead => (
                project.lead,
                format!(
                    "{} ({})",
                    roadmap.actors[project.lead].name, roadmap.actors[project.lead].id
                ),
            ),
        }
    };
    if group_by == GroupBy::Objective {
        return plan
            .objectives
            .iter()
            .map(|group| {
                (
                    Some(objectives::title(
                        roadmap,
                        group,
                        look.ascii,
                        &look.messages(),
                    )),
                    group.projects.clone(),
                )
            })
            .collect();
    }
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
        // Two months of 2019 leave no room for "2019": the axis starts in August; and ends
        // in April, for "2020".
        let axis = Axis::new(Scale::Month, date("2019-11-01"), date("2020-02-10"), 80).unwrap();
        assert_eq!(year_row(&axis), "2019 2020");
        let t = Messages::new(crate::i18n::Lang::En);
        assert_eq!(period_row(&axis, &t).unwrap(), "ASONDJFMA");
        let axis = Axis::new(Scale::Quarter, date("2019-01-01"), date("2021-12-31"), 80).unwrap();
        assert_eq!(year_row(&axis), "'19 '20 '21");
        assert_eq!(period_row(&axis, &t).unwrap(), "123412341234");
    }

    #[test]
    fn every_scale_labels_every_year() {
        let (a, b) = (date("2019-07-01"), date("2025-10-01"));
        for scale in Scale::ALL.into_iter().take(5) {
            let axis = Axis::new(scale, a, b, 1000).unwrap();
            let row = year_row(&axis);
            for year in 2019..=2025 {
                let short = format!("'{}", year % 100);
                assert!(
                    row.contains(&year.to_string()) || row.contains(&short),
                    "{scale:?}: {year} in {row:?}"
                );
            }
        }
        let year = Axis::new(Scale::Year, a, b, 1000).unwrap();
        assert_eq!(year.columns(), 34);
        assert_eq!(year_row(&year), "2019 2020 2021 2022 2023 2024 2025");
        let narrow = Axis::new(Scale::YearNarrow, a, b, 1000).unwrap();
        assert_eq!(year_row(&narrow), "'19'20'21'22'23'24'25");
        let quarter = Axis::new(Scale::Quarter, a, b, 1000).unwrap();
        assert_eq!(year_row(&quarter), "'19 '20 '21 '22 '23 '24 '25");
    }

    #[test]
    fn long_plans_use_decades_and_label_them() {
        let axis = Axis::new(Scale::Decade, date("2019-07-01"), date("2061-01-01"), 100).unwrap();
        assert_eq!(axis.columns(), 45);
        assert_eq!(
            year_row(&axis),
            " 2020      2030      2040      2050      2060"
        );
        let fitted = fit(None, date("2019-07-01"), date("2061-01-01"), 20, 80).unwrap();
        assert_eq!(fitted.axis.scale, Scale::Decade);
        assert_eq!(fitted.label_width, 20);
    }

    #[test]
    fn labels_keep_their_width_and_a_forced_scale_falls_back() {
        let (a, b) = (date("2019-07-01"), date("2025-10-01"));
        let fitted = fit(None, a, b, 34, 60).unwrap();
        assert_eq!(
            (fitted.axis.scale, fitted.label_width),
            (Scale::YearNarrow, 34)
        );
        let fitted = fit(Some(Scale::Week), a, b, 34, 100).unwrap();
        assert_eq!(fitted.axis.scale, Scale::Quarter);
        assert!(fitted.note.unwrap().starts_with("--scale week needs"));
        // Only when three columns a year do not fit beside whole labels are labels cut.
        let fitted = fit(None, a, b, 50, 60).unwrap();
        assert_eq!(
            (fitted.axis.scale, fitted.label_width),
            (Scale::YearNarrow, 38)
        );
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(Scale::Week.floor(date("2026-11-27")), date("2026-11-23"));
        assert_eq!(Scale::Quarter.floor(date("2026-11-27")), date("2026-10-01"));
    }
}
