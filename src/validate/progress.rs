//! Three-point estimates and recorded progress (`status`, `actual_start`, `actual_finish`,
//! `progress`): their values, their consistency (E012) and their order along dependencies (W006).

use std::ops::Range;

use chrono::NaiveDate;

use crate::calendar::LinkKind;
use crate::calendar::Span;
use crate::diag::{self, Code, Diagnostic};
use crate::model::decode::Table;
use crate::model::raw::{EstimateKey, RawDuration, RawEstimate, RawProject};
use crate::model::{Estimate, Roadmap, Status};

/// The plan's duration (`likely` for an estimate) and the estimate, from a written `duration`.
pub fn duration(
    value: Option<&RawDuration>,
    findings: &mut Vec<Diagnostic>,
) -> (Span, Option<Estimate>) {
    match value {
        None => (Span::ZERO, None),
        Some(RawDuration::Fixed(span)) => (*span, None),
        Some(RawDuration::Estimate(e)) => match estimate(e, findings) {
            Some(estimate) => (estimate.likely, Some(estimate)),
            None => (Span::ZERO, None),
        },
    }
}

fn estimate(e: &RawEstimate, findings: &mut Vec<Diagnostic>) -> Option<Estimate> {
    let mut point = |value: &Option<crate::model::decode::Located<Span>>, key: EstimateKey| {
        if value.is_none() && !e.is_rejected(key) {
            let key = key.name();
            findings.push(
                Diagnostic::error(
                    Code::MissingKey,
                    format!("a three-point duration has no `{key}`"),
                )
                .at(e.at.clone())
                .with_help("write { optimistic = \"4 months\", likely = \"6 months\", pessimistic = \"12 months\" }"),
            );
        }
        value.clone()
    };
    let optimistic = point(&e.optimistic, EstimateKey::optimistic);
    let likely = point(&e.likely, EstimateKey::likely);
    let pessimistic = point(&e.pessimistic, EstimateKey::pessimistic);
    let (o, l, p) = (optimistic?, likely?, pessimistic?);
    let longer = |a: Span, b: Span| a.approx_days() > b.approx_days() + 1e-9;
    if longer(o.value, l.value) {
        findings.push(
            Diagnostic::error(
                Code::InvalidValue,
                format!(
                    "the optimistic duration {} is longer than the likely one {}",
                    o.value, l.value
                ),
            )
            .at(o.at.clone())
            .with_note(l.at.clone(), "likely duration")
            .with_help("optimistic <= likely <= pessimistic"),
        );
        return None;
    }
    if longer(l.value, p.value) {
        findings.push(
            Diagnostic::error(
                Code::InvalidValue,
                format!(
                    "the pessimistic duration {} is shorter than the likely one {}",
                    p.value, l.value
                ),
            )
            .at(p.at.clone())
            .with_note(l.at.clone(), "likely duration")
            .with_help("optimistic <= likely <= pessimistic"),
        );
        return None;
    }
    Some(Estimate {
        optimistic: o.value,
        likely: l.value,
        pessimistic: p.value,
    })
}

/// Recorded progress of a project: status, actual start and finish, share done.
pub struct Progress {
    pub status: Status,
    pub actual_start: Option<NaiveDate>,
    pub actual_start_at: Option<Range<usize>>,
    pub actual_finish: Option<NaiveDate>,
    pub progress: Option<f64>,
}

/// Reads and checks a project's progress keys. Without `status`, it is inferred: `done` with an
/// `actual_finish`, `in-progress` with an `actual_start`, else `not-started`.
pub fn progress(p: &RawProject, milestone: bool, findings: &mut Vec<Diagnostic>) -> Progress {
    let actual_start = p.actual_start.as_ref().map(|d| d.value.0);
    let actual_finish = p.actual_finish.as_ref().map(|d| d.value.0);
    let share = p.progress.as_ref().map(|v| v.value.0);
    let status = status(p, findings);
    share_at_most_one(p, findings);
    keys_match_status(p, status, milestone, findings);
    finish_not_before_start(p, findings);
    Progress {
        status,
        actual_start: actual_start.or(if milestone { actual_finish } else { None }),
        actual_start_at: p
            .actual_start
            .as_ref()
            .or(if milestone {
                p.actual_finish.as_ref()
            } else {
                None
            })
            .map(|d| d.at.clone()),
        actual_finish,
        progress: share,
    }
}

/// The written `status`, or the one the dates imply.
fn status(p: &RawProject, findings: &mut Vec<Diagnostic>) -> Status {
    let actual_start = p.actual_start.as_ref().map(|d| d.value.0);
    let actual_finish = p.actual_finish.as_ref().map(|d| d.value.0);
    match &p.status {
        Some(status) => Status::parse(&status.value).unwrap_or_else(|| {
            let names = Status::ALL.map(|(name, _)| name);
            let mut finding = Diagnostic::error(
                Code::InvalidValue,
                format!("`{}` is not a status", status.value),
            )
            .at(status.at.clone());
            finding = match diag::suggest(&status.value, names) {
                Some(best) => finding.with_help(format!("did you mean `{best}`?")),
                None => finding.with_help(format!("use one of: {}", names.join(", "))),
            };
            findings.push(finding);
            Status::NotStarted
        }),
        None if actual_finish.is_some() => Status::Done,
        None if actual_start.is_some() => Status::InProgress,
        None => Status::NotStarted,
    }
}

/// `progress` is a share: at most 1.
fn share_at_most_one(p: &RawProject, findings: &mut Vec<Diagnostic>) {
    if let Some(v) = &p.progress
        && v.value.0 > 1.0
    {
        findings.push(
            Diagnostic::error(
                Code::InvalidValue,
                format!("progress {} is more than 1", v.value.0),
            )
            .at(v.at.clone())
            .with_help("progress is the share of the work done, from 0 to 1 (0.4 = 40%)"),
        );
    }
}

/// The dates and share a project's status requires, and none it rules out.
fn keys_match_status(
    p: &RawProject,
    status: Status,
    milestone: bool,
    findings: &mut Vec<Diagnostic>,
) {
    let actual_start = p.actual_start.as_ref().map(|d| d.value.0);
    let actual_finish = p.actual_finish.as_ref().map(|d| d.value.0);
    let status_at = p.status.as_ref().map_or(p.at.clone(), |s| s.at.clone());
    let mut invalid = |at: std::ops::Range<usize>, message: String, help: &str| {
        findings.push(
            Diagnostic::error(Code::InvalidProgress, message)
                .at(at)
                .with_help(help.to_string()),
        );
    };
    match status {
        Status::NotStarted => {
            if let Some(d) = &p.actual_start {
                invalid(
                    d.at.clone(),
                    "a project that has not started has an `actual_start`".into(),
                    "set `status = \"in-progress\"` or remove `actual_start`",
                );
            }
            if let Some(d) = &p.actual_finish {
                invalid(
                    d.at.clone(),
                    "a project that has not started has an `actual_finish`".into(),
                    "set `status = \"done\"` or remove `actual_finish`",
                );
            }
            if let Some(v) = &p.progress
                && v.value.0 > 0.0
            {
                invalid(
                    v.at.clone(),
                    "a project that has not started has progress".into(),
                    "set `status = \"in-progress\"` and its `actual_start`",
                );
            }
        }
        Status::InProgress => {
            if actual_start.is_none() {
                invalid(
                    status_at.clone(),
                    "a project in progress has no `actual_start`".into(),
                    "add `actual_start = YYYY-MM-DD`, the day it started",
                );
            }
            if let Some(d) = &p.actual_finish {
                invalid(
                    d.at.clone(),
                    "a project in progress has an `actual_finish`".into(),
                    "set `status = \"done\"` or remove `actual_finish`",
                );
            }
        }
        Status::Done => {
            if actual_finish.is_none() {
                invalid(
                    status_at.clone(),
                    "a done project has no `actual_finish`".into(),
                    "add `actual_finish = YYYY-MM-DD`, its last day",
                );
            }
            if actual_start.is_none() && !milestone && actual_finish.is_some() {
                invalid(
                    status_at.clone(),
                    "a done project has no `actual_start`".into(),
                    "add `actual_start = YYYY-MM-DD`, its first day",
                );
            }
            if let Some(v) = &p.progress
                && v.value.0 < 1.0
            {
                invalid(
                    v.at.clone(),
                    format!("a done project has progress {} (not 1)", v.value.0),
                    "remove `progress`, or set `status = \"in-progress\"`",
                );
            }
        }
    }
}

/// `actual_finish` is not before `actual_start`.
fn finish_not_before_start(p: &RawProject, findings: &mut Vec<Diagnostic>) {
    if let (Some(s), Some(f)) = (&p.actual_start, &p.actual_finish)
        && f.value < s.value
    {
        findings.push(
            Diagnostic::error(
                Code::InvalidProgress,
                format!(
                    "`actual_finish` {} is before `actual_start` {}",
                    f.value.0, s.value.0
                ),
            )
            .at(f.at.clone())
            .with_note(s.at.clone(), "started here"),
        );
    }
}

/// W006: a project recorded as started before a finish-to-start prerequisite finished (or
/// while the prerequisite has not started or is still running).
pub fn check(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    for project in &roadmap.projects {
        let Some(started) = project.actual_start else {
            continue;
        };
        for dep in &project.depends_on {
            if dep.kind != LinkKind::FinishToStart {
                continue;
            }
            let before = &roadmap.projects[dep.on];
            let problem = match (before.status, before.actual_finish) {
                (Status::Done, Some(finish)) if finish >= started && !before.is_milestone() => {
                    Some(format!(
                        "`{}` started {started}, but its prerequisite `{}` finished only {finish}",
                        project.id, before.id
                    ))
                }
                (Status::Done, _) => None,
                (status, _) => Some(format!(
                    "`{}` has started ({started}), but its prerequisite `{}` is {}",
                    project.id,
                    before.id,
                    status.as_str().replace('-', " ")
                )),
            };
            if let Some(message) = problem {
                findings.push(
                    Diagnostic::new(Code::ProgressOutOfOrder, message)
                        .at(dep.at.clone())
                        .with_help(
                            "check the recorded dates, or make the dependency a start-to-start link",
                        ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::validate::test_support::*;

    #[test]
    fn estimates_must_be_ordered() {
        let text = format!(
            "{PREAMBLE}{}",
            project("x", "").replace(
                "duration = \"1 month\"",
                "duration = { optimistic = \"3 months\", likely = \"2 months\", pessimistic = \"4 months\" }"
            )
        );
        let codes: Vec<_> = findings(&text).into_iter().map(|f| f.0).collect();
        assert_eq!(codes, vec![Code::InvalidValue]);
    }

    #[test]
    fn a_good_estimate_is_clean() {
        let text = format!(
            "{PREAMBLE}{}",
            project("x", "").replace(
                "duration = \"1 month\"",
                "duration = { optimistic = \"20d\", likely = \"1 month\", pessimistic = \"3 months\" }"
            )
        );
        assert_eq!(findings(&text), vec![]);
    }

    #[test]
    fn contradictory_progress_is_e012() {
        let text = format!(
            "{PREAMBLE}{}",
            project(
                "x",
                "status = \"done\"\nactual_start = 2020-02-01\nactual_finish = 2020-01-15"
            )
        );
        let codes: Vec<_> = findings(&text).into_iter().map(|f| f.0).collect();
        assert_eq!(codes, vec![Code::InvalidProgress]);
        let text = format!(
            "{PREAMBLE}{}",
            project("x", "status = \"in-progress\"\nprogress = 0.5")
        );
        let codes: Vec<_> = findings(&text).into_iter().map(|f| f.0).collect();
        assert_eq!(codes, vec![Code::InvalidProgress]);
    }

    #[test]
    fn started_before_prerequisite_is_w006() {
        let text = format!(
            "{PREAMBLE}{}{}",
            project("x", "status = \"in-progress\"\nactual_start = 2020-01-01"),
            project(
                "y",
                "depends_on = [\"x\"]\nstatus = \"in-progress\"\nactual_start = 2020-02-01"
            )
        );
        let codes: Vec<_> = findings(&text).into_iter().map(|f| f.0).collect();
        assert_eq!(codes, vec![Code::ProgressOutOfOrder]);
    }
}
