//! The plan's findings, added by the check pipeline after planning: missed deadlines (W001),
//! projects outside a paying source's window (W005), years over a yearly cap (W008), each
//! with what holds the project back, in the roadmap's words, and missed indicator targets
//! (W010) with the projects that would close them.

use crate::diag::{Code, Diagnostic};
use crate::display::amount;
use crate::funding::{YearlySpend, cap_findings};
use crate::model::Roadmap;
use crate::plan::targets::IndicatorPlan;
use crate::plan::{HeldBack, Missed, Plan};

/// Every finding of a plan: its missed due dates, then its years over a cap.
pub fn of(roadmap: &Roadmap, plan: &Plan) -> Vec<Diagnostic> {
    let mut findings = missed(roadmap, plan);
    findings.extend(cap_findings(roadmap, plan));
    let finishes: Vec<chrono::NaiveDate> = plan.projects.iter().map(|p| p.finish).collect();
    findings.extend(missed_targets(roadmap, &plan.indicators, &finishes));
    findings.extend(holidays_after_plan(roadmap, plan));
    findings
}

/// Days and ranges of `[calendar]` after the plan's last year (W014): they change nothing, and
/// a year off by one is the usual reason.
fn holidays_after_plan(roadmap: &Roadmap, plan: &Plan) -> Vec<Diagnostic> {
    use chrono::Datelike;
    let Some(last_year) = plan.projects.iter().map(|p| p.finish.year()).max() else {
        return Vec::new();
    };
    roadmap
        .calendar_dates
        .iter()
        .filter(|entry| entry.first.year() > last_year)
        .map(|entry| {
            Diagnostic::new(
                Code::HolidayAfterPlan,
                format!(
                    "{} is after {last_year}, the last year of the plan: it changes nothing",
                    entry.first
                ),
            )
            .at(entry.at.clone())
            .with_help("check the year, or remove it")
        })
        .collect()
}

/// Missed deadlines (W001) and projects running outside a paying source's window (W005), each
/// with the days of overrun and what holds the project back.
fn missed(roadmap: &Roadmap, plan: &Plan) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    for (i, project) in roadmap.projects.iter().enumerate() {
        let planned = &plan.projects[i];
        for missed in &planned.missed {
            let (code, message, at) = match *missed {
                Missed::Deadline { deadline, days } => {
                    let Some(at) = &project.deadline_at else {
                        continue;
                    };
                    (
                        Code::MissedDeadline,
                        format!(
                            "`{}` finishes {} in the best plan found, {days} days after its deadline {deadline}",
                            project.id, planned.finish
                        ),
                        at,
                    )
                }
                Missed::WindowOpens {
                    contribution,
                    source,
                    from,
                } => (
                    Code::OutsideFundingWindow,
                    format!(
                        "`{}` starts {}, before `{}`'s window opens {from}",
                        project.id, planned.start, roadmap.funding[source].id
                    ),
                    &project.funding[contribution].at,
                ),
                Missed::WindowCloses {
                    contribution,
                    source,
                    until,
                    days,
                } => (
                    Code::OutsideFundingWindow,
                    format!(
                        "`{}` finishes {}, {days} days after `{}`'s window closes {until}; {} {} at risk",
                        project.id,
                        planned.finish,
                        roadmap.funding[source].id,
                        amount(project.funding[contribution].amount),
                        roadmap.currency
                    ),
                    &project.funding[contribution].at,
                ),
            };
            findings.push(
                Diagnostic::new(code, message)
                    .at(at.clone())
                    .with_help(held_back_by(roadmap, plan, i)),
            );
        }
    }
    findings
}

/// "held back by …": the chain of links and resources that sets a project's start.
pub fn held_back_by(roadmap: &Roadmap, plan: &Plan, project: usize) -> String {
    let name = |i: usize| format!("`{}`", roadmap.projects[i].id);
    let mut chain = vec![name(project)];
    let mut at = project;
    let mut reason = None;
    // Each step moves to a project that starts earlier, so this ends within the project count.
    for _ in 0..roadmap.projects.len() {
        match plan.projects[at].held_back {
            HeldBack::Dependency { project, .. } => {
                at = project;
                chain.push(name(at));
            }
            HeldBack::Resource { resource, by } => {
                reason = Some(format!(
                    "{} waits for resource `{}`, busy with {} until {}",
                    name(at),
                    roadmap.resources[resource].id,
                    name(by),
                    plan.projects[by].finish
                ));
                break;
            }
            HeldBack::Capacity { resource } => {
                let resource = &roadmap.resources[resource];
                let start = plan.projects[at].start;
                reason = Some(format!(
                    "{} waits for resource `{}` to grow to {} on {start}",
                    name(at),
                    resource.id,
                    crate::display::units(resource.capacity_on(start)),
                ));
                break;
            }
            HeldBack::Release { date } => {
                reason = Some(format!("{} may not start before {date}", name(at)));
                break;
            }
            HeldBack::YearlyCap { source, year } => {
                let spend = YearlySpend::of(roadmap, plan);
                let cap = roadmap.funding[source]
                    .per_year
                    .as_ref()
                    .map_or(0.0, |l| l.value);
                reason = Some(format!(
                    "{} waits for the yearly cap of `{}`: starting earlier would pay out more than {} {} in {year} ({} {} paid that year in this plan)",
                    name(at),
                    roadmap.funding[source].id,
                    amount(cap),
                    roadmap.currency,
                    amount(spend.amount(source, year)),
                    roadmap.currency,
                ));
                break;
            }
            HeldBack::Nothing => break,
        }
    }
    chain.reverse();
    // A long chain reads as its start and its end; the middle only hides them.
    const SHOWN_AT_EACH_END: usize = 3;
    if chain.len() > 2 * SHOWN_AT_EACH_END + 1 {
        let hidden = chain.len() - 2 * SHOWN_AT_EACH_END;
        chain.splice(
            SHOWN_AT_EACH_END..chain.len() - SHOWN_AT_EACH_END,
            [format!("({hidden} more)")],
        );
    }
    let chain = chain.join(" -> ");
    match (chain.contains(" -> "), reason) {
        (false, Some(reason)) => format!("held back: {reason}"),
        (false, None) => "it already starts on the plan's first day".to_string(),
        (true, Some(reason)) => format!("held back by the dependency chain {chain}; {reason}"),
        (true, None) => format!("held back by the dependency chain {chain}"),
    }
}

/// A missed target (W010) for each target the plan does not reach, at the target.
fn missed_targets(
    roadmap: &Roadmap,
    plans: &[IndicatorPlan],
    finish: &[chrono::NaiveDate],
) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        let indicator = &roadmap.indicators[i];
        for (target, written) in plan.targets.iter().zip(&indicator.targets) {
            if target.reached {
                continue;
            }
            let message = format!(
                "`{}` reaches {} by the end of {} in the plan, {} short of its target {}",
                indicator.id,
                indicator.with_unit(&crate::plan::targets::number(target.planned)),
                target.year,
                indicator.with_unit(&crate::plan::targets::number(target.shortfall)),
                indicator.with_unit(&crate::plan::targets::number(target.target)),
            );
            let help = if target.would_close.is_empty() {
                if target.late.is_empty() {
                    "no project still to finish after that year contributes to it: add projects or contributions".to_string()
                } else {
                    format!(
                        "even if {} finished by {}-12-31 it would not be enough: add projects or contributions",
                        list(roadmap, &target.late, finish),
                        target.year
                    )
                }
            } else {
                format!(
                    "it would be reached if {} finished by {}-12-31",
                    list(roadmap, &target.would_close, finish),
                    target.year
                )
            };
            findings.push(
                Diagnostic::new(Code::MissedTarget, message)
                    .at(written.at.clone())
                    .with_help(help),
            );
        }
    }
    findings
}

/// "`a` (finishes 2024-06-30), `b` (finishes 2025-01-31)".
fn list(roadmap: &Roadmap, projects: &[usize], finish: &[chrono::NaiveDate]) -> String {
    projects
        .iter()
        .map(|&p| {
            format!(
                "`{}` (planned to finish {})",
                roadmap.projects[p].id, finish[p]
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}
