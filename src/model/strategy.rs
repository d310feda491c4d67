//! The strategy's structure in the model: programmes that group projects (and nest), and
//! indicators of the objectives with their baselines and targets.

use std::ops::Range;

/// A programme: a pillar, measure or work package grouping projects and sub-programmes.
#[derive(Clone, Debug)]
pub struct Programme {
    pub id: String,
    pub name: String,
    /// The programme it belongs to.
    pub parent: Option<usize>,
    /// Where `parent` is written.
    pub parent_at: Option<Range<usize>>,
    /// The actor that leads it.
    pub lead: Option<usize>,
    pub description: Option<String>,
    pub at: Range<usize>,
}

/// An indicator's value in a year.
#[derive(Clone, Debug)]
pub struct YearValue {
    pub year: i32,
    pub value: f64,
    /// Where the table is written.
    pub at: Range<usize>,
}

/// A KPI of an objective.
#[derive(Clone, Debug)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub objective: usize,
    pub unit: Option<String>,
    pub baseline: YearValue,
    /// In year order.
    pub targets: Vec<YearValue>,
    pub description: Option<String>,
    pub at: Range<usize>,
}

impl Indicator {
    /// Is `value` at or beyond `target`, in the direction the target lies from the baseline?
    pub fn reaches(&self, value: f64, target: f64) -> bool {
        const EPSILON: f64 = 1e-9;
        if target >= self.baseline.value {
            value >= target - EPSILON
        } else {
            value <= target + EPSILON
        }
    }

    /// How far `value` is from `target`, positive when short of it (in the target's direction).
    pub fn shortfall(&self, value: f64, target: f64) -> f64 {
        if target >= self.baseline.value {
            target - value
        } else {
            value - target
        }
    }
}

/// What a project adds to an indicator when it finishes.
#[derive(Clone, Debug)]
pub struct IndicatorContribution {
    pub indicator: usize,
    pub value: f64,
    pub at: Range<usize>,
}

impl Indicator {
    /// "25%", "25 datasets", "25": a value with the indicator's unit.
    pub fn with_unit(&self, value: &str) -> String {
        with_unit(self.unit.as_deref(), value)
    }

    /// A value of this indicator as a message argument, written as each language writes numbers.
    pub fn measure(&self, value: f64) -> crate::i18n::Arg {
        crate::i18n::Arg::Measure(value, self.unit.clone())
    }
}

pub use crate::display::with_unit;

impl super::Roadmap {
    /// The programme's ancestors and itself, outermost first. Stops at a repeated programme,
    /// so a (reported) cycle of parents cannot loop.
    pub fn programme_path(&self, programme: usize) -> Vec<usize> {
        let mut path = vec![programme];
        let mut at = programme;
        while let Some(parent) = self.programmes[at].parent {
            if path.contains(&parent) {
                break;
            }
            path.push(parent);
            at = parent;
        }
        path.reverse();
        path
    }

    /// A project's programme path as ids joined by `/` ("digital-city/e-government"), empty
    /// when it belongs to no programme.
    pub fn programme_path_ids(&self, project: usize) -> String {
        self.projects[project]
            .programme
            .map(|p| {
                self.programme_path(p)
                    .iter()
                    .map(|&q| self.programmes[q].id.as_str())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_default()
    }

    /// Is `project` in `programme` or one of its sub-programmes?
    pub fn in_programme(&self, project: usize, programme: usize) -> bool {
        self.projects[project]
            .programme
            .is_some_and(|p| self.programme_path(p).contains(&programme))
    }
}
