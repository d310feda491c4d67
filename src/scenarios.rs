//! `roadmap compare`: the baseline and every `[[scenario]]` planned side by side.

use chrono::NaiveDate;
use serde::Serialize;

use crate::check::{CheckError, Checked, Settings};
use crate::model::{Roadmap, Scenario};
use crate::money;
use crate::plan::Plan;

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
    let mut missed_deadlines = Vec::new();
    let mut missed_windows = Vec::new();
    for (project, planned) in roadmap.projects.iter().zip(&plan.projects) {
        for missed in &planned.missed {
            match missed.source() {
                None => missed_deadlines.push(project.id.clone()),
                Some(source) => {
                    missed_windows.push(format!("{}@{}", project.id, roadmap.funding[source].id));
                }
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
        uncovered_cost: money::uncovered_cost(roadmap),
        over_committed: money::shortfall(roadmap).iter().sum(),
    }
}

/// A scenario checked as its own roadmap: every rule and the plan re-run on its variant.
pub struct Variant<'a> {
    pub scenario: &'a Scenario,
    pub checked: Checked,
}

/// The baseline beside every scenario: the outcomes of those that could be planned, and each
/// scenario's own check (its findings; no plan when the variant has errors).
pub struct Comparison<'a> {
    pub outcomes: Vec<Outcome>,
    pub variants: Vec<Variant<'a>>,
}

/// Compares the baseline (`checked`, planned) with every scenario of its roadmap, each checked
/// by the same pipeline (`settings.scenario` is ignored: every scenario is taken).
pub fn compare<'a>(
    checked: &'a Checked,
    settings: &Settings,
) -> Result<Comparison<'a>, CheckError> {
    let (Some(roadmap), Some(baseline)) = (&checked.roadmap, &checked.plan) else {
        return Ok(Comparison {
            outcomes: Vec::new(),
            variants: Vec::new(),
        });
    };
    let mut outcomes = vec![outcome("baseline", &roadmap.name, roadmap, baseline, None)];
    let mut variants = Vec::new();
    for scenario in &roadmap.scenarios {
        let Some(variant) = checked.variant(scenario, settings)? else {
            continue;
        };
        if let (Some(roadmap), Some(plan)) = (&variant.roadmap, &variant.plan) {
            let mut o = outcome(&scenario.id, &scenario.name, roadmap, plan, Some(baseline));
            o.slip_days = (plan.finish() - baseline.finish()).num_days();
            outcomes.push(o);
        }
        variants.push(Variant {
            scenario,
            checked: variant,
        });
    }
    Ok(Comparison { outcomes, variants })
}
