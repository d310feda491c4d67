//! `roadmap compare`: the baseline and every `[[scenario]]` planned side by side.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Roadmap;
use crate::plan::{Plan, plan_as_of};
use crate::schedule::{Options, ScheduleError};

/// One column of the comparison.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Outcome {
    /// `baseline` or the scenario's id.
    pub id: String,
    pub name: String,
    pub finish: NaiveDate,
    /// Days later than the baseline (negative: earlier).
    pub slip_days: i64,
    /// Projects that finish later than in the baseline.
    pub slipped: Vec<String>,
    /// Projects that finish after their deadline.
    pub missed_deadlines: Vec<String>,
    /// `project@source` pairs finishing after the source's `until`.
    pub missed_windows: Vec<String>,
    /// Cost that no funding covers (removed or cut sources leave gaps).
    pub uncovered_cost: f64,
    /// Commitments beyond the sources' amounts.
    pub over_committed: f64,
}

fn outcome(
    id: &str,
    name: &str,
    roadmap: &Roadmap,
    plan: &Plan,
    baseline: Option<&Plan>,
) -> Outcome {
    let finish = plan.finish();
    let slipped = baseline.map_or_else(Vec::new, |base| {
        roadmap
            .projects
            .iter()
            .enumerate()
            .filter(|&(i, _)| plan.projects[i].finish > base.projects[i].finish)
            .map(|(_, p)| p.id.clone())
            .collect()
    });
    let missed_deadlines = roadmap
        .projects
        .iter()
        .enumerate()
        .filter(|(i, p)| p.deadline.is_some_and(|d| plan.projects[*i].finish > d))
        .map(|(_, p)| p.id.clone())
        .collect();
    let mut missed_windows = Vec::new();
    for (i, p) in roadmap.projects.iter().enumerate() {
        for c in &p.funding {
            let source = &roadmap.funding[c.source];
            if source.until.is_some_and(|u| plan.projects[i].finish > u)
                || source.from.is_some_and(|f| plan.projects[i].start < f)
            {
                missed_windows.push(format!("{}@{}", p.id, source.id));
            }
        }
    }
    Outcome {
        id: id.to_string(),
        name: name.to_string(),
        finish,
        slip_days: baseline.map_or(0, |b| (finish - b.finish()).num_days()),
        slipped,
        missed_deadlines,
        missed_windows,
        uncovered_cost: roadmap.uncovered_cost(),
        over_committed: roadmap.funding_shortfall().iter().sum(),
    }
}

/// Plans the baseline (already planned as `baseline`) and every scenario.
pub fn compare(
    roadmap: &Roadmap,
    baseline: &Plan,
    options: &Options,
    as_of: Option<NaiveDate>,
) -> Result<Vec<Outcome>, ScheduleError> {
    let mut outcomes = vec![outcome("baseline", &roadmap.name, roadmap, baseline, None)];
    for scenario in &roadmap.scenarios {
        let variant = roadmap.with_scenario(scenario);
        let plan = plan_as_of(&variant, options, as_of)?;
        let mut o = outcome(
            &scenario.id,
            &scenario.name,
            &variant,
            &plan,
            Some(baseline),
        );
        o.slip_days = (plan.finish() - baseline.finish()).num_days();
        outcomes.push(o);
    }
    Ok(outcomes)
}
