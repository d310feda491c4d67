//! Indicators against the plan, part of the plan: an indicator's planned value in a year is its
//! baseline plus what every project finishing by the end of that year contributes; for each
//! target, the shortfall and the projects that would close it if they finished in time (the
//! finding, W010, is worded in `crate::findings`).

use chrono::{Datelike, NaiveDate};

use crate::model::{Indicator, Roadmap};

/// One target of an indicator, against the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetPlan {
    pub year: i32,
    pub target: f64,
    /// The planned value at the end of `year`.
    pub planned: f64,
    pub reached: bool,
    /// How far short of the target the plan is (0 when reached).
    pub shortfall: f64,
    /// How far ahead of the target the plan is: negative when short of it.
    pub gap: f64,
    /// Contributing projects that finish after `year`, whose contributions would count if
    /// they finished by its end.
    pub late: Vec<usize>,
    /// The fewest of `late` (largest contributions first) that would close the shortfall;
    /// empty when reached or when all of them would not be enough.
    pub would_close: Vec<usize>,
}

/// An indicator against the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorPlan {
    /// Projects that contribute to it, by planned finish.
    pub contributors: Vec<usize>,
    pub targets: Vec<TargetPlan>,
}

/// The value of `indicator` at the end of `year` when the projects finish on `finish`.
pub fn value_in(
    roadmap: &Roadmap,
    indicator: usize,
    year: i32,
    finish: impl Fn(usize) -> NaiveDate,
) -> f64 {
    roadmap.indicators[indicator].baseline.value
        + roadmap
            .projects
            .iter()
            .enumerate()
            .flat_map(|(p, project)| project.contributes.iter().map(move |c| (p, c)))
            .filter(|(p, c)| c.indicator == indicator && finish(*p).year() <= year)
            .map(|(_, c)| c.value)
            .sum::<f64>()
}

/// Every indicator against planned (or simulated) finishes.
pub fn indicators(roadmap: &Roadmap, finish: impl Fn(usize) -> NaiveDate) -> Vec<IndicatorPlan> {
    (0..roadmap.indicators.len())
        .map(|i| indicator_plan(roadmap, i, &finish))
        .collect()
}

fn indicator_plan(
    roadmap: &Roadmap,
    i: usize,
    finish: &impl Fn(usize) -> NaiveDate,
) -> IndicatorPlan {
    let indicator = &roadmap.indicators[i];
    let contribution = |p: usize| contribution(roadmap, p, i);
    let mut contributors: Vec<usize> = (0..roadmap.projects.len())
        .filter(|&p| {
            roadmap.projects[p]
                .contributes
                .iter()
                .any(|c| c.indicator == i)
        })
        .collect();
    contributors.sort_by_key(|&p| (finish(p), p));
    let targets = indicator
        .targets
        .iter()
        .map(|target| {
            let planned = value_in(roadmap, i, target.year, finish);
            let reached = indicator.reaches(planned, target.value);
            let late: Vec<usize> = contributors
                .iter()
                .copied()
                .filter(|&p| finish(p).year() > target.year)
                .collect();
            let gap = -indicator.shortfall(planned, target.value);
            let shortfall = if reached { 0.0 } else { -gap };
            let would_close = if reached {
                Vec::new()
            } else {
                closing_set(indicator, target.value, &late, shortfall, &contribution)
            };
            TargetPlan {
                year: target.year,
                target: target.value,
                planned,
                reached,
                shortfall,
                gap,
                late,
                would_close,
            }
        })
        .collect();
    IndicatorPlan {
        contributors,
        targets,
    }
}

/// What project `p` adds to indicator `i`.
pub fn contribution(roadmap: &Roadmap, p: usize, i: usize) -> f64 {
    roadmap.projects[p]
        .contributes
        .iter()
        .filter(|c| c.indicator == i)
        .map(|c| c.value)
        .sum()
}

/// The largest helpful contributions first, until the shortfall is closed; empty when even
/// all of them would not close it.
fn closing_set(
    indicator: &Indicator,
    target: f64,
    late: &[usize],
    shortfall: f64,
    contribution: &impl Fn(usize) -> f64,
) -> Vec<usize> {
    // A target below the baseline is reached by going down.
    let direction = if target >= indicator.baseline.value {
        1.0
    } else {
        -1.0
    };
    let mut helpful: Vec<(f64, usize)> = late
        .iter()
        .map(|&p| (contribution(p) * direction, p))
        .filter(|(gain, _)| *gain > 0.0)
        .collect();
    helpful.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut closed = 0.0;
    let mut chosen = Vec::new();
    for (gain, p) in helpful {
        if closed >= shortfall - 1e-9 {
            break;
        }
        closed += gain;
        chosen.push(p);
    }
    if closed >= shortfall - 1e-9 {
        chosen
    } else {
        Vec::new()
    }
}

/// An indicator value: whole numbers without decimals, others with up to two.
pub fn number(value: f64) -> String {
    crate::display::figure(value)
}
