//! Three-point estimates and recorded progress (`status`, `actual_start`, `actual_finish`,
//! `progress`): their values, their consistency (E012) and their order along dependencies (W006).

use std::ops::Range;

use chrono::NaiveDate;

use crate::calendar::LinkKind;
use crate::calendar::Span;
use crate::diag::{self, Code, Diagnostic, Text};
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
                    crate::i18n::text!("e-estimate-missing", key = key),
                )
                .at(e.at.clone())
                .with_help(crate::i18n::text!("find-progress-1")),
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
                crate::i18n::text!(
                    "e-optimistic-longer",
                    optimistic = o.value.to_string(),
                    likely = l.value.to_string()
                ),
            )
            .at(o.at.clone())
            .with_note(l.at.clone(), crate::i18n::text!("find-progress-2"))
            .with_help(crate::i18n::text!("find-progress-3")),
        );
        return None;
    }
    if longer(l.value, p.value) {
        findings.push(
            Diagnostic::error(
                Code::InvalidValue,
                crate::i18n::text!(
                    "e-pessimistic-shorter",
                    pessimistic = p.value.to_string(),
                    likely = l.value.to_string()
                ),
            )
            .at(p.at.clone())
            .with_note(l.at.clone(), crate::i18n::text!("find-progress-4"))
            .with_help(crate::i18n::text!("find-progress-5")),
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
                crate::i18n::text!("e-not-status", value = &status.value),
            )
            .at(status.at.clone());
            finding = match diag::suggest(&status.value, names) {
                Some(best) => {
                    finding.with_help(crate::i18n::text!("help-did-you-mean", name = best))
                }
                None => finding.with_help(crate::i18n::text!(
                    "help-use-one-of",
                    names = names.join(", ")
                )),
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
                crate::i18n::text!("e-progress-above-one", value = v.value.0.to_string()),
            )
            .at(v.at.clone())
            .with_help(crate::i18n::text!("find-progress-6")),
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
    let mut invalid = |at: std::ops::Range<usize>, message: Text, help: &'static str| {
        findings.push(
            Diagnostic::error(Code::InvalidProgress, message)
                .at(at)
                .with_help(Text::message(help, Vec::new())),
        );
    };
    match status {
        Status::NotStarted => {
            if let Some(d) = &p.actual_start {
                invalid(
                    d.at.clone(),
                    crate::i18n::text!("e-progress-1"),
                    "e-progress-1-help",
                );
            }
            if let Some(d) = &p.actual_finish {
                invalid(
                    d.at.clone(),
                    crate::i18n::text!("e-progress-2"),
                    "e-progress-2-help",
                );
            }
            if let Some(v) = &p.progress
                && v.value.0 > 0.0
            {
                invalid(
                    v.at.clone(),
                    crate::i18n::text!("e-progress-3"),
                    "e-progress-3-help",
                );
            }
        }
        Status::InProgress => {
            if actual_start.is_none() {
                invalid(
                    status_at.clone(),
                    crate::i18n::text!("e-progress-4"),
                    "e-progress-4-help",
                );
            }
            if let Some(d) = &p.actual_finish {
                invalid(
                    d.at.clone(),
                    crate::i18n::text!("e-progress-5"),
                    "e-progress-5-help",
                );
            }
        }
        Status::Done => {
            if actual_finish.is_none() {
                invalid(
                    status_at.clone(),
                    crate::i18n::text!("e-progress-6"),
                    "e-progress-6-help",
                );
            }
            if actual_start.is_none() && !milestone && actual_finish.is_some() {
                invalid(
                    status_at.clone(),
                    crate::i18n::text!("e-progress-7"),
                    "e-progress-7-help",
                );
            }
            if let Some(v) = &p.progress
                && v.value.0 < 1.0
            {
                invalid(
                    v.at.clone(),
                    crate::i18n::text!("e-progress-8", value = v.value.0.to_string()),
                    "e-progress-8-help",
                );
            }
        }
    }
}

/// The catalogue id of a status, as a sentence names it ("not started").
fn status_id(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "status-not-started",
        Status::InProgress => "status-in-progress",
        Status::Done => "status-done",
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
                crate::i18n::text!(
                    "e-finish-before-start",
                    finish = f.value.0,
                    start = s.value.0
                ),
            )
            .at(f.at.clone())
            .with_note(s.at.clone(), crate::i18n::text!("find-progress-7")),
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
                    Some(crate::i18n::text!(
                        "w-started-before-prerequisite",
                        project = &project.id,
                        started = started,
                        before = &before.id,
                        finish = finish,
                    ))
                }
                (Status::Done, _) => None,
                (status, _) => Some(crate::i18n::text!(
                    "w-prerequisite-not-done",
                    project = &project.id,
                    started = started,
                    before = &before.id,
                    status = crate::i18n::Text::message(status_id(status), Vec::new()),
                )),
            };
            if let Some(message) = problem {
                findings.push(
                    Diagnostic::new(Code::ProgressOutOfOrder, message)
                        .at(dep.at.clone())
                        .with_help(crate::i18n::text!("find-progress-8")),
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
