//! The plan as a standalone SVG Gantt chart, written by hand: bars on a month/year grid,
//! milestones as diamonds, dependency arrows, critical bars in red and an optional "as of"
//! marker. Coordinates are rounded to 0.1 px, so the same plan always gives the same bytes.

use std::fmt;
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use crate::calendar::LinkKind;
use crate::i18n::{Lang, Messages};
use crate::model::{Roadmap, Status};
use crate::plan::Plan;
use crate::plan::rollup::Item;
use crate::report::figures::{self, period_bounds};
use crate::report::stream::Stream;
use crate::report::table::truncate;

const WIDTH: f64 = 1200.0;
const LABEL_WIDTH: f64 = 330.0;
const RIGHT_MARGIN: f64 = 20.0;
const HEADER: f64 = 64.0;
const ROW: f64 = 22.0;
const BAR: f64 = 12.0;
const FOOTER: f64 = 44.0;

/// Class names carry a prefix so the chart's styles cannot clash with a page it is inlined in.
const STYLE: &str = "
.rm-title{font:bold 15px 'DejaVu Sans',Helvetica,Arial,sans-serif;fill:#222}
.rm-text{font:11px 'DejaVu Sans',Helvetica,Arial,sans-serif;fill:#333}
.rm-small{font:9px 'DejaVu Sans',Helvetica,Arial,sans-serif;fill:#666}
.rm-stripe{fill:#f6f7f9}
.rm-month{stroke:#e3e5e8;stroke-width:1}
.rm-year{stroke:#9aa0a6;stroke-width:1}
.rm-bar{fill:#4a78c2}
.rm-crit{fill:#d0453a}
.rm-milestone{fill:#e0a000;stroke:#8a6200;stroke-width:1}
.rm-dep{fill:none;stroke:#8c8c8c;stroke-width:1}
.rm-today{stroke:#1a9850;stroke-width:1.5;stroke-dasharray:5 3}
.rm-summary{fill:#2f3b4c}
.rm-programme{font-weight:bold}
.rm-today-label{font:bold 10px 'DejaVu Sans',Helvetica,Arial,sans-serif;fill:#1a9850}
.rm-done{fill:#9bb0cf}
.rm-done.rm-crit{fill:#e6a29c}
.rm-dep-crit{fill:none;stroke:#b03a2e;stroke-width:1.3}
.rm-link{visibility:hidden}
.rm-row:hover .rm-link,.rm-row:focus-within .rm-link{visibility:visible;stroke:#222;stroke-width:1.5}
.rm-row:hover .rm-text,.rm-row:focus-within .rm-text{font-weight:bold}
.rm-deadline{fill:#b03a2e}
.rm-closes{fill:#7b3fa0}
";

/// The five characters XML gives meaning to, escaped, and what XML 1.0 cannot carry mapped
/// (see [`xml_char`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(xml_char) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A character XML 1.0 can carry (its `Char` production), else its stand-in: a control
/// character other than tab and line feed becomes a space (so a CR or ESC in a name cannot
/// make the file malformed or reach a viewer raw), and U+FFFE / U+FFFF, which are not
/// characters, become U+FFFD.
pub fn xml_char(c: char) -> char {
    match c {
        '\t' | '\n' => c,
        c if c.is_control() => ' ',
        '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
        c => c,
    }
}

/// Maps dates to x positions between the first and last month of the plan.
struct TimeAxis {
    first: NaiveDate,
    px_per_day: f64,
}

impl TimeAxis {
    fn x(&self, date: NaiveDate) -> f64 {
        LABEL_WIDTH + (date - self.first).num_days() as f64 * self.px_per_day
    }
}

/// Writes the chart as a standalone SVG document.
pub fn write(
    out: &mut dyn Write,
    roadmap: &Roadmap,
    plan: &Plan,
    as_of: Option<NaiveDate>,
    lang: Lang,
) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    let mut svg = Stream::new(out);
    let rendered = render(&mut svg, roadmap, plan, as_of, false, lang);
    svg.finish(rendered)
}

/// Renders the `<svg>` element (for inlining in HTML too): header, row stripes, the calendar
/// grid, labels and bars, dependency arrows, the "as of" marker and the legend, in that order
/// (later parts are drawn over earlier ones).
pub fn render(
    svg: &mut impl fmt::Write,
    roadmap: &Roadmap,
    plan: &Plan,
    as_of: Option<NaiveDate>,
    fiches: bool,
    lang: Lang,
) -> std::fmt::Result {
    let chart = Chart::new(roadmap, plan, as_of, fiches, Messages::new(lang));
    chart.header(svg)?;
    chart.stripes(svg)?;
    chart.grid(svg)?;
    chart.critical_arrows(svg)?;
    chart.bars(svg)?;
    if let Some(day) = as_of {
        chart.as_of(svg, day)?;
    }
    legend(
        svg,
        chart.grid_bottom + 24.0,
        !roadmap.programmes.is_empty(),
        chart.all_links,
        &chart.t,
    )?;
    writeln!(svg, "</svg>")
}

/// The layout of one chart: rows in the plan's start order on a month axis.
struct Chart<'a> {
    roadmap: &'a Roadmap,
    plan: &'a Plan,
    /// The rows: projects by start, or (with programmes) the outline, at their depth.
    rows: Vec<(Item, usize)>,
    /// `row_of[p]`: the row of project `p`.
    row_of: Vec<usize>,
    months: Vec<NaiveDate>,
    first: NaiveDate,
    end: NaiveDate,
    axis: TimeAxis,
    height: f64,
    grid_bottom: f64,
    as_of: Option<NaiveDate>,
    /// Rows link to the project fiches of the HTML report.
    fiches: bool,
    /// Few enough links to draw them all; else only the critical chain is drawn, and a row's
    /// other links appear while it is hovered or focused.
    all_links: bool,
    /// The language of the legend, the month initials and the tooltips.
    t: Messages,
}

/// Up to this many dependency links, every one is drawn: beyond it they become a tangle.
const ALL_LINKS_UP_TO: usize = 40;

/// A dependency link between two rows of the chart.
struct Link {
    from: usize,
    to: usize,
    kind: LinkKind,
}

impl<'a> Chart<'a> {
    fn new(
        roadmap: &'a Roadmap,
        plan: &'a Plan,
        as_of: Option<NaiveDate>,
        fiches: bool,
        t: Messages,
    ) -> Self {
        // With programmes: the outline, a summary bar per programme; else projects by start.
        let rows: Vec<(Item, usize)> = if roadmap.programmes.is_empty() {
            plan.start_order
                .iter()
                .map(|&p| (Item::Project(p), 0))
                .collect()
        } else {
            plan.outline.iter().map(|r| (r.item, r.depth)).collect()
        };
        let months = period_bounds(plan.start(), plan.finish(), 1);
        let (first, end) = (months[0], months[months.len() - 1]);
        let days = (end - first).num_days().max(1) as f64;
        let mut row_of = vec![0; plan.projects.len()];
        for (row, &(item, _)) in rows.iter().enumerate() {
            if let Item::Project(p) = item {
                row_of[p] = row;
            }
        }
        Chart {
            t,
            roadmap,
            plan,
            row_of,
            months,
            first,
            end,
            axis: TimeAxis {
                first,
                px_per_day: (WIDTH - LABEL_WIDTH - RIGHT_MARGIN) / days,
            },
            height: HEADER + ROW * rows.len() as f64 + FOOTER,
            grid_bottom: HEADER + ROW * rows.len() as f64,
            rows,
            as_of,
            fiches,
            all_links: roadmap
                .projects
                .iter()
                .map(|p| p.depends_on.len())
                .sum::<usize>()
                <= ALL_LINKS_UP_TO,
        }
    }

    fn y_mid(&self, row: usize) -> f64 {
        HEADER + ROW * row as f64 + ROW / 2.0
    }

    /// The `<svg>` element's opening, styles, arrow marker, background and title.
    fn header(&self, svg: &mut impl fmt::Write) -> std::fmt::Result {
        let height = self.height;
        writeln!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height:.0}\" viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" aria-label=\"Gantt chart of {}\">",
            escape(&self.roadmap.name)
        )?;
        writeln!(svg, "<style>{STYLE}</style>")?;
        writeln!(
            svg,
            "<defs><marker id=\"rm-arrow\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#8c8c8c\"/></marker><marker id=\"rm-arrow-crit\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#b03a2e\"/></marker></defs>"
        )?;
        writeln!(
            svg,
            "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
        )?;
        writeln!(
            svg,
            "<text class=\"rm-title\" x=\"8\" y=\"16\">{} — {}</text>",
            escape(&self.roadmap.name),
            escape(&self.t.with(
                "date-range",
                &[
                    ("start", self.t.date(self.plan.start())),
                    ("finish", self.t.date(self.plan.finish())),
                ],
            ))
        )?;
        Ok(())
    }

    /// Every other row shaded, first, so the grid and bars are drawn over them.
    fn stripes(&self, svg: &mut impl fmt::Write) -> std::fmt::Result {
        // Row stripes first, so the grid and bars are drawn over them.
        for row in (0..self.rows.len()).step_by(2) {
            let y = HEADER + ROW * row as f64;
            writeln!(
                svg,
                "<rect class=\"rm-stripe\" x=\"0\" y=\"{y:.1}\" width=\"{WIDTH}\" height=\"{ROW}\"/>"
            )?;
        }
        Ok(())
    }

    /// Month lines (quarters on long plans), year lines and labels.
    fn grid(&self, svg: &mut impl fmt::Write) -> std::fmt::Result {
        // Month lines (quarters on long plans), year lines and labels.
        let grid_bottom = self.grid_bottom;
        let month_px = 30.0 * self.axis.px_per_day;
        for &month in &self.months {
            let x = self.axis.x(month);
            if month.month() == 1 || month == self.first {
                writeln!(
                    svg,
                    "<line class=\"rm-year\" x1=\"{x:.1}\" y1=\"30\" x2=\"{x:.1}\" y2=\"{grid_bottom:.1}\"/>"
                )?;
                writeln!(
                    svg,
                    "<text class=\"rm-text\" x=\"{:.1}\" y=\"42\">{}</text>",
                    x + 3.0,
                    month.year()
                )?;
            } else if month_px >= 6.0 || month.month0() % 3 == 0 {
                writeln!(
                    svg,
                    "<line class=\"rm-month\" x1=\"{x:.1}\" y1=\"48\" x2=\"{x:.1}\" y2=\"{grid_bottom:.1}\"/>"
                )?;
            }
            if month_px >= 12.0 && month < self.end {
                let initial = self
                    .t
                    .get("month-initials")
                    .chars()
                    .nth(month.month0() as usize)
                    .unwrap_or('?');
                writeln!(
                    svg,
                    "<text class=\"rm-small\" x=\"{:.1}\" y=\"58\" text-anchor=\"middle\">{initial}</text>",
                    x + month_px / 2.0,
                )?;
            }
        }
        Ok(())
    }

    /// A row per project (a label, its bar or diamond, progress shading, deadline and
    /// window-closing markers and its links), in a group so hovering it shows its links; a
    /// summary bar per programme.
    fn bars(&self, svg: &mut impl fmt::Write) -> std::fmt::Result {
        let links = self.links();
        // The links at each project (either end), in link order: a lookup per row instead of
        // a scan of every link per row.
        let mut at = vec![Vec::new(); self.plan.projects.len()];
        for (i, link) in links.iter().enumerate() {
            at[link.from].push(i);
            if link.to != link.from {
                at[link.to].push(i);
            }
        }
        for (row, &(item, depth)) in self.rows.iter().enumerate() {
            let y = self.y_mid(row);
            let indent = 8.0 + 12.0 * depth as f64;
            let p = match item {
                Item::Programme(q) => {
                    summary(svg, self, q, y, indent)?;
                    continue;
                }
                Item::Project(p) => p,
            };
            let project = &self.roadmap.projects[p];
            let planned = &self.plan.projects[p];
            if self.fiches {
                write!(
                    svg,
                    "<a class=\"rm-row\" href=\"#p-{}\">",
                    escape(&project.id)
                )?;
            } else {
                svg.write_str("<g class=\"rm-row\">")?;
            }
            // Names first: the label is the name, cut to the label column; id in the tooltip.
            let room = ((LABEL_WIDTH - indent - 6.0) / 6.3) as usize;
            writeln!(
                svg,
                "<text class=\"rm-text\" x=\"{indent:.1}\" y=\"{:.1}\"><title>{} ({})</title>{}</text>",
                y + 4.0,
                escape(&project.name),
                escape(&project.id),
                escape(&truncate(&project.name, room.max(8)))
            )?;
            let tip = self.t.with(
                if planned.critical {
                    "svg-tip-critical"
                } else {
                    "svg-tip"
                },
                &[
                    ("name", project.name.clone()),
                    ("id", project.id.clone()),
                    ("start", self.t.date(planned.start)),
                    ("finish", self.t.date(planned.finish)),
                ],
            );
            let x = self.axis.x(planned.start);
            if project.is_milestone() {
                let r = BAR / 2.0 + 1.0;
                writeln!(
                    svg,
                    "<polygon class=\"rm-milestone\" points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\"><title>{}</title></polygon>",
                    x,
                    y - r,
                    x + r,
                    y,
                    x,
                    y + r,
                    x - r,
                    y,
                    escape(&tip)
                )?;
            } else {
                let width = (f64::from(planned.days) * self.axis.px_per_day).max(2.0);
                let mut class = String::from("rm-bar");
                if planned.critical {
                    class.push_str(" rm-crit");
                }
                if project.status == Status::Done {
                    class.push_str(" rm-done");
                }
                writeln!(
                    svg,
                    "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"{BAR}\" rx=\"2\"><title>{}</title></rect>",
                    y - BAR / 2.0,
                    escape(&tip)
                )?;
                self.progress(svg, p, y)?;
            }
            self.markers(svg, p, y)?;
            for link in at[p].iter().map(|&i| &links[i]) {
                let class = if self.all_links {
                    if link.to != p {
                        continue;
                    }
                    "rm-dep"
                } else {
                    "rm-dep rm-link"
                };
                writeln!(
                    svg,
                    "<path class=\"{class}\" d=\"{}\" marker-end=\"url(#rm-arrow)\"/>",
                    self.link_path(link)
                )?;
            }
            svg.write_str(if self.fiches { "</a>\n" } else { "</g>\n" })?;
        }
        Ok(())
    }

    /// The done part of an in-progress bar, shaded lighter up to the "as of" day.
    fn progress(&self, svg: &mut impl fmt::Write, p: usize, y: f64) -> std::fmt::Result {
        let (project, planned) = (&self.roadmap.projects[p], &self.plan.projects[p]);
        let Some(as_of) = self.as_of else {
            return Ok(());
        };
        if project.status != Status::InProgress || as_of <= planned.start {
            return Ok(());
        }
        let x1 = self.axis.x(planned.start);
        let x2 = self.axis.x(as_of.min(figures::running(self.plan, p).1));
        let class = if planned.critical {
            "rm-done rm-crit"
        } else {
            "rm-done"
        };
        writeln!(
            svg,
            "<rect class=\"{class}\" x=\"{x1:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{BAR}\" rx=\"2\"><title>{}</title></rect>",
            y - BAR / 2.0,
            (x2 - x1).max(1.0),
            escape(
                &self
                    .t
                    .with("svg-done-as-of", &[("date", self.t.date(as_of))])
            )
        )
    }

    /// A red triangle at the project's deadline and a purple one where a paying source's
    /// window closes, each at the end of that day, with the margin left in its tooltip.
    fn markers(&self, svg: &mut impl fmt::Write, p: usize, y: f64) -> std::fmt::Result {
        let (project, planned) = (&self.roadmap.projects[p], &self.plan.projects[p]);
        let mut due: Vec<(NaiveDate, &str, String)> = Vec::new();
        if let Some(deadline) = project.deadline {
            due.push((
                deadline,
                "rm-deadline",
                self.t
                    .with("svg-deadline", &[("date", self.t.date(deadline))]),
            ));
        }
        let mut sources: Vec<usize> = project.funding.iter().map(|c| c.source).collect();
        sources.sort_unstable();
        sources.dedup();
        for s in sources {
            let source = &self.roadmap.funding[s];
            if let Some(until) = source.until {
                due.push((
                    until,
                    "rm-closes",
                    self.t.with(
                        "svg-window-closes",
                        &[("name", source.name.clone()), ("date", self.t.date(until))],
                    ),
                ));
            }
        }
        for (date, class, what) in due {
            let x = self.axis.x(date.succ_opt().unwrap_or(date));
            if x > WIDTH - 2.0 {
                continue;
            }
            let margin = (date - planned.finish).num_days();
            let top = y - BAR / 2.0 - 1.0;
            writeln!(
                svg,
                "<path class=\"{class}\" d=\"M{:.1},{:.1} H{:.1} L{x:.1},{:.1} Z\"><title>{}: {}</title></path>",
                x - 4.0,
                top - 5.0,
                x + 4.0,
                top + 2.0,
                escape(&what),
                if margin >= 0 {
                    self.t
                        .with("svg-days-left", &[("days", margin.to_string())])
                } else {
                    self.t
                        .with("fiche-missed-by", &[("days", (-margin).to_string())])
                }
            )?;
        }
        Ok(())
    }

    /// Every dependency link whose both ends are rows of the chart.
    fn links(&self) -> Vec<Link> {
        let mut links = Vec::new();
        for (to, project) in self.roadmap.projects.iter().enumerate() {
            for dependency in &project.depends_on {
                links.push(Link {
                    from: dependency.on,
                    to,
                    kind: dependency.kind,
                });
            }
        }
        links
    }

    /// Links between two critical projects, drawn always (under the bars) when not every
    /// link is: the chain that sets the finish.
    fn critical_arrows(&self, svg: &mut impl fmt::Write) -> std::fmt::Result {
        if self.all_links {
            return Ok(());
        }
        for link in self.links() {
            if self.plan.projects[link.from].critical && self.plan.projects[link.to].critical {
                writeln!(
                    svg,
                    "<path class=\"rm-dep-crit\" d=\"{}\" marker-end=\"url(#rm-arrow-crit)\"/>",
                    self.link_path(&link)
                )?;
            }
        }
        Ok(())
    }

    /// From the predecessor's end (its start for SS) to this one's start (its end for FF):
    /// out to the right, along the gap between rows, then down (or up) into the bar.
    fn link_path(&self, link: &Link) -> String {
        let (from, to) = (link.from, link.to);
        let end_of = |p: usize| figures::running(self.plan, p).1;
        let (x1, x2) = match link.kind {
            LinkKind::StartToStart => (
                self.axis.x(self.plan.projects[from].start),
                self.axis.x(self.plan.projects[to].start),
            ),
            LinkKind::FinishToFinish => (self.axis.x(end_of(from)), self.axis.x(end_of(to))),
            LinkKind::FinishToStart => (
                self.axis.x(end_of(from)),
                self.axis.x(self.plan.projects[to].start),
            ),
        };
        let (y1, y2) = (self.y_mid(self.row_of[from]), self.y_mid(self.row_of[to]));
        let bend = x1 + 5.0;
        let (y_turn, y_into) = if y2 > y1 {
            (y2 - ROW / 2.0, y2 - BAR / 2.0 - 1.0)
        } else {
            (y2 + ROW / 2.0, y2 + BAR / 2.0 + 1.0)
        };
        let x_into = if link.kind == LinkKind::FinishToFinish {
            x2 - 3.0
        } else {
            x2 + 3.0
        };
        format!("M{x1:.1},{y1:.1} H{bend:.1} V{y_turn:.1} H{x_into:.1} V{y_into:.1}")
    }

    /// The "as of" line and label, when the day falls on the chart.
    fn as_of(&self, svg: &mut impl fmt::Write, as_of: NaiveDate) -> std::fmt::Result {
        let grid_bottom = self.grid_bottom;
        if (self.first..=self.end).contains(&as_of) {
            let day = as_of;
            let x = self.axis.x(day);
            writeln!(
                svg,
                "<line class=\"rm-today\" x1=\"{x:.1}\" y1=\"30\" x2=\"{x:.1}\" y2=\"{grid_bottom:.1}\"/>"
            )?;
            writeln!(
                svg,
                "<text class=\"rm-today-label\" x=\"{:.1}\" y=\"28\">{}</text>",
                x + 3.0,
                escape(&self.t.with("svg-as-of", &[("date", self.t.date(day))]))
            )?;
        }
        Ok(())
    }
}

/// A programme's label and summary bar: a dark band from its first project's start to its last
/// one's finish, with a tick down at each end.
fn summary(
    svg: &mut impl fmt::Write,
    chart: &Chart,
    q: usize,
    y: f64,
    indent: f64,
) -> std::fmt::Result {
    let (roadmap, plan, axis, t) = (chart.roadmap, chart.plan, &chart.axis, &chart.t);
    let programme = &roadmap.programmes[q];
    let planned = &plan.programmes[q];
    writeln!(
        svg,
        "<text class=\"rm-text rm-programme\" x=\"{indent:.1}\" y=\"{:.1}\"><title>{} ({})</title>{}</text>",
        y + 4.0,
        escape(&programme.name),
        escape(&programme.id),
        escape(&truncate(
            &programme.name,
            (((LABEL_WIDTH - indent - 6.0) / 7.0) as usize).max(8)
        ))
    )?;
    let (Some(start), Some(finish)) = (planned.start, planned.finish) else {
        return Ok(());
    };
    let x1 = axis.x(start);
    let x2 = axis.x(finish.succ_opt().unwrap_or(finish)).max(x1 + 2.0);
    let top = y - 4.0;
    writeln!(
        svg,
        "<path class=\"rm-summary\" d=\"M{x1:.1},{:.1} V{top:.1} H{x2:.1} V{:.1} L{:.1},{:.1} H{:.1} Z\"><title>{}</title></path>",
        top + 10.0,
        top + 10.0,
        x2 - 4.0,
        top + 5.0,
        x1 + 4.0,
        escape(&t.with(
            if planned.critical {
                "svg-programme-tip-critical"
            } else {
                "svg-programme-tip"
            },
            &[
                ("name", programme.name.clone()),
                ("start", t.date(start)),
                ("finish", t.date(finish)),
            ],
        ))
    )
}

fn legend(
    svg: &mut impl fmt::Write,
    y: f64,
    programmes: bool,
    all_links: bool,
    t: &Messages,
) -> std::fmt::Result {
    let items: [(&str, &str); 4] = [
        (
            "<rect class=\"rm-bar rm-crit\" x=\"0\" y=\"-9\" width=\"18\" height=\"10\"/>",
            "critical",
        ),
        (
            "<rect class=\"rm-bar\" x=\"0\" y=\"-9\" width=\"18\" height=\"10\"/>",
            "scheduled",
        ),
        (
            "<polygon class=\"rm-milestone\" points=\"9,-10 15,-4 9,2 3,-4\"/>",
            "milestone",
        ),
        (
            "<path class=\"rm-summary\" d=\"M0,1 V-9 H18 V1 L14,-4 H4 Z\"/>",
            "programme",
        ),
    ];
    let shown = if programmes { 4 } else { 3 };
    for (i, (shape, label)) in items.iter().take(shown).enumerate() {
        let x = 8.0 + 120.0 * i as f64;
        let label = escape(&t.tr(label));
        writeln!(
            svg,
            "<g transform=\"translate({x:.1},{y:.1})\">{shape}<text class=\"rm-text\" x=\"24\" y=\"0\">{label}</text></g>"
        )?;
    }
    let x = 8.0 + 120.0 * shown as f64;
    let (class, marker, label) = if all_links {
        ("rm-dep", "rm-arrow", "dependency")
    } else {
        (
            "rm-dep-crit",
            "rm-arrow-crit",
            "critical chain (point at a row for its other links)",
        )
    };
    let label = escape(&t.tr(label));
    writeln!(
        svg,
        "<g transform=\"translate({x:.1},{y:.1})\"><path class=\"{class}\" d=\"M0,-4 H18\" marker-end=\"url(#{marker})\"/><text class=\"rm-text\" x=\"24\" y=\"0\">{label}</text></g>"
    )?;
    let x = if all_links { x + 120.0 } else { x + 340.0 };
    writeln!(
        svg,
        "<g transform=\"translate({x:.1},{y:.1})\"><path class=\"rm-deadline\" d=\"M5,-10 H13 L9,-3 Z\"/><text class=\"rm-text\" x=\"24\" y=\"0\">{}</text></g><g transform=\"translate({:.1},{y:.1})\"><path class=\"rm-closes\" d=\"M5,-10 H13 L9,-3 Z\"/><text class=\"rm-text\" x=\"24\" y=\"0\">{}</text></g>",
        escape(&t.tr("deadline")),
        x + 100.0,
        escape(&t.tr("funding window closes"))
    )?;
    Ok(())
}
