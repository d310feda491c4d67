//! The plan's findings, added by the check pipeline after planning: missed deadlines (W001),
//! projects outside a paying source's window (W005), years over a yearly cap (W008), each
//! with what holds the project back, in the roadmap's words, and missed indicator targets
//! (W010) with the projects that would close them.

use crate::diag::{Arg, Code, Diagnostic, Text};
use crate::funding::{YearlySpend, cap_findings};
use crate::i18n::text;
use crate::i18n::{Lang, Messages};
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
                crate::i18n::text!(
                    "w-holiday-after-plan",
                    date = entry.first,
                    year = crate::i18n::Arg::Str(last_year.to_string()),
                ),
            )
            .at(entry.at.clone())
            .with_help(crate::i18n::text!("w-holiday-after-plan-help"))
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
                        text!(
                            "w-missed-deadline",
                            project = &project.id,
                            finish = planned.finish,
                            days = days,
                            deadline = deadline,
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
                    text!(
                        "w-before-window",
                        project = &project.id,
                        start = planned.start,
                        source = &roadmap.funding[source].id,
                        from = from,
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
                    text!(
                        "w-after-window",
                        project = &project.id,
                        finish = planned.finish,
                        days = days,
                        source = &roadmap.funding[source].id,
                        until = until,
                        amount = Arg::Amount(project.funding[contribution].amount),
                        currency = &roadmap.currency,
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
pub fn held_back_by(roadmap: &Roadmap, plan: &Plan, project: usize) -> Text {
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
                reason = Some(text!(
                    "held-resource",
                    project = name(at),
                    resource = &roadmap.resources[resource].id,
                    by = name(by),
                    until = plan.projects[by].finish,
                ));
                break;
            }
            HeldBack::Capacity { resource } => {
                let resource = &roadmap.resources[resource];
                let start = plan.projects[at].start;
                reason = Some(text!(
                    "held-capacity",
                    project = name(at),
                    resource = &resource.id,
                    capacity = crate::display::units(resource.capacity_on(start)),
                    date = start,
                ));
                break;
            }
            HeldBack::Release { date } => {
                reason = Some(text!("held-release", project = name(at), date = date));
                break;
            }
            HeldBack::YearlyCap { source, year } => {
                let spend = YearlySpend::of(roadmap, plan);
                let cap = roadmap.funding[source]
                    .per_year
                    .as_ref()
                    .map_or(0.0, |l| l.value);
                reason = Some(text!(
                    "held-yearly-cap",
                    project = name(at),
                    source = &roadmap.funding[source].id,
                    cap = Arg::Amount(cap),
                    currency = &roadmap.currency,
                    year = year.to_string(),
                    paid = Arg::Amount(spend.amount(source, year)),
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
            [Messages::new(Lang::En).with("n-more-brackets", &[("count", hidden.to_string())])],
        );
    }
    let chain = chain.join(" -> ");
    match (chain.contains(" -> "), reason) {
        (false, Some(reason)) => text!("held-reason", reason = reason),
        (false, None) => text!("held-nothing"),
        (true, Some(reason)) => text!("held-chain-reason", chain = chain, reason = reason),
        (true, None) => text!("held-chain", chain = chain),
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
            let message = text!(
                "w-missed-target",
                indicator = &indicator.id,
                planned = indicator.measure(target.planned),
                year = target.year.to_string(),
                shortfall = indicator.measure(target.shortfall),
                target = indicator.measure(target.target),
            );
            let year_end = chrono::NaiveDate::from_ymd_opt(target.year, 12, 31);
            let by =
                year_end.map_or_else(|| Arg::from(format!("{}-12-31", target.year)), Arg::Date);
            let help = if target.would_close.is_empty() {
                if target.late.is_empty() {
                    text!("w-missed-target-none")
                } else {
                    text!(
                        "w-missed-target-late",
                        projects = list(roadmap, &target.late, finish),
                        by = by,
                    )
                }
            } else {
                text!(
                    "w-missed-target-close",
                    projects = list(roadmap, &target.would_close, finish),
                    by = by,
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
fn list(roadmap: &Roadmap, projects: &[usize], finish: &[chrono::NaiveDate]) -> Arg {
    let items = projects
        .iter()
        .map(|&p| {
            text!(
                "planned-to-finish",
                project = &roadmap.projects[p].id,
                finish = finish[p]
            )
            .into()
        })
        .collect();
    Arg::Join(items, ", ")
}
