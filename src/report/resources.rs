//! `roadmap resources`: each resource's capacity, peak use, average utilisation over the plan
//! and a compact month-by-month (or quarter-by-quarter, when months do not fit) bar chart.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::Roadmap;
use crate::plan::Plan;
use crate::report::csv::neutralise;
use crate::report::figures;
use crate::report::grid::{self, Grid, Layout};
use crate::report::{Look, Report, write_json};

#[derive(Serialize)]
pub struct ResourcesReport<'a> {
    version: u32,
    report: &'static str,
    pub resources: Vec<ResourceRow<'a>>,
    /// Quarterly profiles for the terminal chart when months do not fit (not serialised).
    #[serde(skip)]
    quarters: Vec<Vec<f64>>,
}

#[derive(Serialize)]
pub struct ResourceRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub unit: Option<&'a str>,
    /// Capacity from the roadmap start (until the first of `changes`).
    pub capacity: f64,
    /// Where the capacity changes: from `from` on, `capacity` units (left out when it never
    /// does).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<CapacityChange>,
    /// The least and most capacity over the plan's days (for the table).
    #[serde(skip)]
    pub range: (f64, f64),
    pub peak: f64,
    /// Units used over the plan's days as a share of the capacity of those days (0..1).
    pub average_utilisation: f64,
    pub months: Vec<MonthUse>,
}

/// A capacity step of a resource.
#[derive(Serialize)]
pub struct CapacityChange {
    pub from: chrono::NaiveDate,
    pub capacity: f64,
}

/// Average share of capacity in use over the plan's days of one calendar month.
#[derive(Serialize)]
pub struct MonthUse {
    /// `2021-04`.
    pub month: String,
    /// Against that month's capacity.
    pub utilisation: f64,
    /// The month's average capacity, when the resource's capacity changes over time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<f64>,
}

/// Utilisation shares are rounded to 0.1 %, enough for any chart.
fn rounded(share: f64) -> f64 {
    (share * 1000.0).round() / 1000.0
}

impl<'a> ResourcesReport<'a> {
    pub fn new(roadmap: &'a Roadmap, plan: &Plan) -> Self {
        let mut quarters = Vec::new();
        let resources = roadmap
            .resources
            .iter()
            .enumerate()
            .map(|(r, resource)| {
                let monthly = figures::utilisation(roadmap, plan, r, 1);
                let quarterly = figures::utilisation(roadmap, plan, r, 3);
                quarters.push(quarterly.periods.iter().map(|q| q.1).collect());
                ResourceRow {
                    id: &resource.id,
                    name: &resource.name,
                    unit: resource.unit.as_deref(),
                    capacity: resource.capacity,
                    range: resource
                        .capacity_periods(
                            plan.start(),
                            plan.finish().succ_opt().unwrap_or(plan.finish()),
                        )
                        .iter()
                        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                            (lo.min(p.1), hi.max(p.1))
                        }),
                    changes: resource
                        .changes
                        .iter()
                        .map(|s| CapacityChange {
                            from: s.from,
                            capacity: s.capacity,
                        })
                        .collect(),
                    peak: monthly.peak,
                    average_utilisation: rounded(monthly.average),
                    months: monthly
                        .periods
                        .iter()
                        .zip(&monthly.capacities)
                        .map(|(&(from, share), &capacity)| MonthUse {
                            month: figures::month_label(from),
                            utilisation: rounded(share),
                            capacity: (!resource.changes.is_empty())
                                .then(|| (capacity * 1000.0).round() / 1000.0),
                        })
                        .collect(),
                }
            })
            .collect();
        ResourcesReport {
            version: 1,
            report: "resources",
            resources,
            quarters,
        }
    }

    /// First month of the profiles.
    fn first_month(&self) -> Option<&str> {
        self.resources
            .first()
            .and_then(|r| r.months.first())
            .map(|m| m.month.as_str())
    }
}

/// One character per period: eighths of capacity as block heights (or an ASCII ramp).
pub fn sparkline(shares: impl Iterator<Item = f64>, ascii: bool) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    const RAMP: [char; 8] = ['_', '.', ':', '-', '=', '+', '*', '#'];
    let levels = if ascii { RAMP } else { BLOCKS };
    shares
        .map(|share| {
            if share <= 0.0 {
                ' '
            } else {
                // Any use shows at least the lowest step; full capacity the highest.
                let step = (share * 8.0).ceil().clamp(1.0, 8.0) as usize;
                levels[step - 1]
            }
        })
        .collect()
}

impl ResourcesReport<'_> {
    /// The table, with a chart per month or per quarter.
    fn grid(&self, look: &Look, by_month: bool) -> Grid {
        let t = look.messages();
        let title = match (by_month, self.first_month()) {
            (true, Some(first)) => t.with("use-per-month", &[("first", t.year_month(first))]),
            (false, Some(first)) => t.with("use-per-quarter", &[("first", t.year_month(first))]),
            _ => t.get("use"),
        };
        // The chart is one unbreakable line (its title wraps at spaces).
        let mut table = Grid::new(vec![
            grid::Column::id(look.tr("resource")),
            grid::Column::number(look.tr("capacity")),
            grid::Column::number(look.tr("peak")),
            grid::Column::number(look.tr("average")),
            grid::Column::ids(title),
        ]);
        for (r, resource) in self.resources.iter().enumerate() {
            let chart = if by_month {
                sparkline(resource.months.iter().map(|m| m.utilisation), look.ascii)
            } else {
                sparkline(self.quarters[r].iter().copied(), look.ascii)
            };
            let unit = resource.unit.map_or(String::new(), |u| format!(" {u}"));
            // A capacity that changes over the plan shows its range there; the note below
            // lists the steps.
            let (low, high) = resource.range;
            let capacity = if resource.changes.is_empty() {
                t.units(resource.capacity)
            } else if low == high {
                t.units(low)
            } else {
                format!("{}..{}", t.units(low), t.units(high))
            };
            table.row([
                resource.id.to_string(),
                format!("{capacity}{unit}"),
                t.units(resource.peak),
                format!("{:.0}%", resource.average_utilisation * 100.0),
                // A visible frame shows where the plan starts and ends, even for idle months.
                format!("|{chart}|"),
            ]);
        }
        table
    }
}

impl Report for ResourcesReport<'_> {
    fn table(&self, out: &mut dyn Write, look: &Look) -> io::Result<()> {
        // A chart per month when the table then fits the width, else per quarter.
        let by_month = self.grid(look, true);
        let table = if matches!(by_month.layout(usize::from(look.width)), Layout::Blocks) {
            self.grid(look, false)
        } else {
            by_month
        };
        writeln!(out, "{}", table.render(look))?;
        let note = &look.tr(
            "average: units used over the plan's days as a share of capacity; each bar \
                    step is 1/8 of capacity",
        );
        writeln!(out, "{}", grid::paragraph(note, look.width))?;
        let t = look.messages();
        for resource in self.resources.iter().filter(|r| !r.changes.is_empty()) {
            let steps: Vec<String> = resource
                .changes
                .iter()
                .map(|s| {
                    t.with(
                        "capacity-from",
                        &[("capacity", t.units(s.capacity)), ("date", t.date(s.from))],
                    )
                })
                .collect();
            let note = t.with(
                "capacity-steps-note",
                &[
                    ("id", resource.id.to_string()),
                    ("capacity", t.units(resource.capacity)),
                    ("steps", steps.join(", ")),
                ],
            );
            writeln!(out, "{}", grid::paragraph(&note, look.width))?;
        }
        Ok(())
    }

    /// One row per resource; `YYYY-MM` columns hold the share of capacity used that month.
    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = ::csv::Writer::from_writer(out);
        let mut titles: Vec<String> = [
            "id",
            "name",
            "unit",
            "capacity",
            "peak",
            "average_utilisation",
        ]
        .map(String::from)
        .to_vec();
        if let Some(first) = self.resources.first() {
            titles.extend(first.months.iter().map(|m| m.month.clone()));
        }
        writer.write_record(&titles)?;
        for resource in &self.resources {
            let mut record = vec![
                neutralise(resource.id).into_owned(),
                neutralise(resource.name).into_owned(),
                neutralise(resource.unit.unwrap_or("")).into_owned(),
                resource.capacity.to_string(),
                resource.peak.to_string(),
                resource.average_utilisation.to_string(),
            ];
            record.extend(resource.months.iter().map(|m| m.utilisation.to_string()));
            writer.write_record(&record)?;
        }
        writer.flush()
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        write_json(out, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_steps_in_eighths() {
        let shares = [0.0, 0.01, 0.5, 1.0];
        assert_eq!(sparkline(shares.into_iter(), false), " ▁▄█");
        assert_eq!(sparkline(shares.into_iter(), true), " _-#");
    }
}
