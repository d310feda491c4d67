//! Model extensions for risk and what-if analysis: three-point estimates, progress and
//! scenarios, and how a scenario changes a roadmap.

use std::ops::Range;

use chrono::NaiveDate;

use super::Roadmap;
use crate::calendar::Span;

/// A three-point duration estimate. The deterministic plan uses `likely`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Estimate {
    pub optimistic: Span,
    pub likely: Span,
    pub pessimistic: Span,
}

impl Estimate {
    /// Each point scaled by `factor` (see [`stretch`]).
    pub fn stretched(self, factor: f64) -> Estimate {
        Estimate {
            optimistic: stretch(self.optimistic, factor),
            likely: stretch(self.likely, factor),
            pessimistic: stretch(self.pessimistic, factor),
        }
    }
}

/// Progress of a project.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [(&'static str, Status); 3] = [
        ("not-started", Status::NotStarted),
        ("in-progress", Status::InProgress),
        ("done", Status::Done),
    ];

    pub fn parse(text: &str) -> Option<Status> {
        Self::ALL
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, s)| *s)
    }

    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("not-started", |(name, _)| name)
    }
}

/// A what-if scenario: overrides applied to the validated roadmap. Indices are resolved.
#[derive(Clone, Debug, Default)]
pub struct Scenario {
    pub id: String,
    pub name: String,
    pub at: Range<usize>,
    /// Funding sources that do not come: contributions removed, amount 0.
    pub remove_funding: Vec<usize>,
    /// Funding sources scaled by a factor (amount and contributions).
    pub funding_factor: Vec<(usize, f64)>,
    /// Funding sources whose window opens on a new day, and where that day is written.
    pub funding_from: Vec<(usize, NaiveDate, Range<usize>)>,
    /// Resources with a new capacity (from the start).
    pub capacity: Vec<(usize, f64)>,
    /// Resources with new capacity steps, in place of their `changes`.
    pub changes: Vec<(usize, Vec<super::CapacityStep>)>,
    /// Projects whose duration is scaled by a factor, and where the factor is written.
    pub stretch: Vec<(usize, f64, Range<usize>)>,
    /// Projects with a new (fixed) duration, and where it is written.
    pub duration: Vec<(usize, Span, Range<usize>)>,
    /// A working calendar in place of the roadmap's.
    pub calendar: Option<crate::calendar::WorkCalendar>,
    /// Projects with a new effort: the duration it gives, the efforts, and where it is written.
    pub effort: Vec<(usize, Span, Vec<super::EffortDemand>, Range<usize>)>,
}

/// `span` scaled by `factor`: days are rounded to whole days; months stay months when the
/// result is a whole number of months, and otherwise become days (30.436875 days a month).
pub fn stretch(span: Span, factor: f64) -> Span {
    let clamp = |x: f64, max: u32| x.round().clamp(0.0, f64::from(max)) as u32;
    match span {
        Span::Days(d) => Span::Days(clamp(f64::from(d) * factor, Span::MAX_DAYS)),
        Span::WorkingDays(d) => Span::WorkingDays(clamp(f64::from(d) * factor, Span::MAX_DAYS)),
        Span::Months(m) => {
            let months = f64::from(m) * factor;
            if (months - months.round()).abs() < 1e-9 {
                Span::Months(clamp(months, Span::MAX_MONTHS))
            } else {
                Span::Days(clamp(months * 30.436_875, Span::MAX_DAYS))
            }
        }
    }
}

impl Roadmap {
    /// The scenario with this id.
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// A copy of the roadmap with the scenario's overrides applied.
    pub fn with_scenario(&self, scenario: &Scenario) -> Roadmap {
        let mut roadmap = self.clone();
        for &source in &scenario.remove_funding {
            roadmap.funding[source].amount = 0.0;
            for project in &mut roadmap.projects {
                project.funding.retain(|c| c.source != source);
            }
        }
        for &(source, factor) in &scenario.funding_factor {
            roadmap.funding[source].amount *= factor;
            for project in &mut roadmap.projects {
                for c in project.funding.iter_mut().filter(|c| c.source == source) {
                    c.amount *= factor;
                }
            }
        }
        // Values a scenario sets are found where the scenario writes them.
        for (source, from, at) in &scenario.funding_from {
            roadmap.funding[*source].from = Some(*from);
            roadmap.funding[*source].from_at = Some(at.clone());
        }
        if let Some(calendar) = &scenario.calendar {
            roadmap.calendar = Some(calendar.clone());
        }
        for &(resource, capacity) in &scenario.capacity {
            roadmap.resources[resource].capacity = capacity;
        }
        for (resource, steps) in &scenario.changes {
            roadmap.resources[*resource].changes = steps.clone();
        }
        for (project, span, effort, at) in &scenario.effort {
            let p = &mut roadmap.projects[*project];
            p.duration = *span;
            p.duration_at = at.clone();
            p.effort = effort.clone();
            p.estimate = None;
        }
        for (project, factor, at) in &scenario.stretch {
            let p = &mut roadmap.projects[*project];
            p.duration = stretch(p.duration, *factor);
            p.duration_at = at.clone();
            p.estimate = p.estimate.map(|e| e.stretched(*factor));
        }
        for (project, span, at) in &scenario.duration {
            let p = &mut roadmap.projects[*project];
            p.duration = *span;
            p.duration_at = at.clone();
            p.estimate = None;
            p.effort.clear();
        }
        roadmap
    }

    /// Does any project have a three-point estimate?
    pub fn has_estimates(&self) -> bool {
        self.projects.iter().any(|p| p.estimate.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretch_rounds_days_and_keeps_whole_months() {
        assert_eq!(stretch(Span::Days(10), 1.5), Span::Days(15));
        assert_eq!(stretch(Span::Months(6), 1.5), Span::Months(9));
        assert_eq!(stretch(Span::Months(3), 1.5), Span::Days(137));
        assert_eq!(stretch(Span::Days(0), 3.0), Span::Days(0));
    }
}
