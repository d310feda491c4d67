//! Resolution: the raw file becomes the model, every id reference becomes an index, defaults are
//! filled in, and what cannot be resolved is a finding.

use std::ops::Range;

use super::ids::IdIndex;
use super::{progress, scenarios, strategy};
use crate::calendar::LinkKind;
use crate::calendar::Span;
use crate::diag::{self, Code, Diagnostic};
use crate::i18n::text;
use crate::model::decode::{Located, Table};
use crate::model::load::Attached;
use crate::model::raw::{
    FundingKey, LinkKey, ProjectKey, RawDependency, RawFile, RawFunding, RawProject, RawRoadmap,
    ResourceKey, RoadmapKey,
};
use crate::model::{
    Actor, ActorKind, Contribution, Demand, Dependency, FundingSource, Objective, Project,
    Resource, Roadmap,
};
use crate::model::{Criterion, IndicatorContribution, Limit, Score};

/// Builds the model, resolving every reference. What cannot be resolved is reported and left
/// out (a placeholder where a value is required), so later checks still see the rest; the
/// model is only handed on when there were no errors at all.
pub(super) fn resolve(
    raw: &RawFile,
    attached: &Attached,
    findings: &mut Vec<Diagnostic>,
) -> Roadmap {
    let header = raw.roadmap.clone().unwrap_or_default();
    let start = start_date(raw, &header, findings);

    let objective = raw.objective.as_deref().unwrap_or_default();
    let actor = raw.actor.as_deref().unwrap_or_default();
    let resource = raw.resource.as_deref().unwrap_or_default();
    let funding = raw.funding.as_deref().unwrap_or_default();
    let project = raw.project.as_deref().unwrap_or_default();
    let criterion = raw.criterion.as_deref().unwrap_or_default();

    let objectives_index = IdIndex::of(objective, findings);
    let actors_index = IdIndex::of(actor, findings);
    let resources_index = IdIndex::of(resource, findings);
    let funding_index = IdIndex::of(funding, findings);
    let projects_index = IdIndex::of(project, findings);

    let criteria_index = IdIndex::of(criterion, findings);
    let criteria: Vec<Criterion> = criterion
        .iter()
        .zip(&criteria_index.ids)
        .map(|(c, id)| Criterion {
            id: id.clone(),
            name: text_or(&c.name, id),
            weight: c.weight.as_ref().map_or(1.0, |w| w.value.0),
            at: located_at(&c.id, &c.at),
        })
        .collect();

    let objectives = objective
        .iter()
        .zip(&objectives_index.ids)
        .map(|(o, id)| Objective {
            id: id.clone(),
            name: text_or(&o.name, id),
            description: text(&o.description),
            at: located_at(&o.id, &o.at),
        })
        .collect();

    let actors = actor
        .iter()
        .zip(&actors_index.ids)
        .map(|(a, id)| Actor {
            id: id.clone(),
            name: text_or(&a.name, id),
            kind: a
                .kind
                .as_ref()
                .map_or(ActorKind::Other, |kind| actor_kind(kind, findings)),
            description: text(&a.description),
            at: located_at(&a.id, &a.at),
        })
        .collect();

    let resources: Vec<Resource> = resource
        .iter()
        .zip(&resources_index.ids)
        .map(|(r, id)| Resource {
            id: id.clone(),
            name: text_or(&r.name, id),
            capacity: required(r, &r.capacity, ResourceKey::capacity, findings)
                .map_or(0.0, |c| c.value.0),
            capacity_at: r
                .capacity
                .as_ref()
                .map_or_else(|| located_at(&r.id, &r.at), |c| c.at.clone()),
            changes: capacity_changes(r.changes.as_deref().unwrap_or_default(), start, findings),
            unit: r.unit.as_ref().map(|u| u.value.clone()),
            description: text(&r.description),
            at: located_at(&r.id, &r.at),
        })
        .collect();

    let funding_sources = funding
        .iter()
        .zip(&funding_index.ids)
        .map(|(f, id)| resolve_funding_source(f, id, &objectives_index, findings))
        .collect();

    let programme = raw.programme.as_deref().unwrap_or_default();
    let indicator = raw.indicator.as_deref().unwrap_or_default();
    let programmes_index = IdIndex::of(programme, findings);
    let indicators_index = IdIndex::of(indicator, findings);
    let programmes =
        strategy::resolve_programmes(programme, &programmes_index, &actors_index, findings);
    let indicators =
        strategy::resolve_indicators(indicator, &indicators_index, &objectives_index, findings);

    let refs = References {
        objectives: &objectives_index,
        actors: &actors_index,
        resources: &resources_index,
        funding: &funding_index,
        projects: &projects_index,
        criteria: &criteria_index,
        criteria_list: &criteria,
        programmes: &programmes_index,
        indicators: &indicators_index,
    };
    let projects: Vec<Project> = project
        .iter()
        .zip(&projects_index.ids)
        .map(|(p, id)| resolve_project(p, id, &refs, findings))
        .collect();
    let scenarios = scenarios::resolve(
        raw.scenario.as_deref().unwrap_or_default(),
        &refs,
        start,
        &resources,
        &projects,
        findings,
    );
    let (calendar, calendar_dates) = super::calendar::resolve(
        raw.calendar.as_ref(),
        attached.holidays.as_ref(),
        start,
        findings,
    );

    Roadmap {
        name: header
            .name
            .as_ref()
            .map_or_else(|| "Roadmap".to_string(), |n| n.value.clone()),
        start,
        currency: header
            .currency
            .as_ref()
            .map_or_else(|| "EUR".to_string(), |c| c.value.clone()),
        language: header
            .language
            .as_ref()
            .map_or(crate::i18n::Lang::En, |l| language(l, findings)),
        objectives,
        actors,
        resources,
        funding: funding_sources,
        projects,
        scenarios,
        criteria,
        programmes,
        indicators,
        calendar,
        calendar_dates,
    }
}

/// The first day of the plan, or a finding (and the earliest date) when the file has no
/// `[roadmap]` or no `start`.
fn start_date(
    raw: &RawFile,
    header: &RawRoadmap,
    findings: &mut Vec<Diagnostic>,
) -> chrono::NaiveDate {
    if raw.roadmap.is_none() {
        findings.push(
            Diagnostic::error(Code::MissingKey, crate::i18n::text!("find-resolve-1"))
                .at(0..0)
                .with_help(crate::i18n::text!("find-resolve-2")),
        );
    }
    match &header.start {
        Some(start) => start.value.0,
        None => {
            if raw.roadmap.is_some() && !header.is_rejected(RoadmapKey::start) {
                findings.push(
                    Diagnostic::error(Code::MissingKey, crate::i18n::text!("find-resolve-3"))
                        .at(header.at.clone())
                        .with_help(crate::i18n::text!("find-resolve-4")),
                );
            }
            chrono::NaiveDate::MIN
        }
    }
}

/// A `language`, or a finding (and English) when it is not one the reports are written in.
fn language(code: &Located<String>, findings: &mut Vec<Diagnostic>) -> crate::i18n::Lang {
    crate::i18n::Lang::parse(&code.value).unwrap_or_else(|| {
        let names = crate::i18n::Lang::ALL.map(|(name, _)| name);
        findings.push(
            Diagnostic::error(
                Code::InvalidValue,
                crate::i18n::text!("e-not-language", value = &code.value),
            )
            .at(code.at.clone())
            .with_help(crate::i18n::text!(
                "help-use-one-of",
                names = names.join(", ")
            )),
        );
        crate::i18n::Lang::En
    })
}

/// A `kind` of actor, or a finding (and `Other`) when it is not one of the kinds.
fn actor_kind(kind: &Located<String>, findings: &mut Vec<Diagnostic>) -> ActorKind {
    ActorKind::parse(&kind.value).unwrap_or_else(|| {
        let names = ActorKind::ALL.map(|(name, _)| name);
        let mut finding = Diagnostic::error(
            Code::InvalidValue,
            crate::i18n::text!("e-not-actor-kind", value = &kind.value),
        )
        .at(kind.at.clone());
        finding = match diag::suggest(&kind.value, names) {
            Some(best) => finding.with_help(crate::i18n::text!("help-did-you-mean", name = best)),
            None => finding.with_help(crate::i18n::text!(
                "help-use-one-of",
                names = names.join(", ")
            )),
        };
        findings.push(finding);
        ActorKind::Other
    })
}

/// A funding source, with its window and co-financing limits checked against each other.
fn resolve_funding_source(
    f: &RawFunding,
    id: &str,
    objectives: &IdIndex,
    findings: &mut Vec<Diagnostic>,
) -> FundingSource {
    let amount = required(f, &f.amount, FundingKey::amount, findings);
    let from = f.from.as_ref().map(|d| d.value.0);
    let until = f.until.as_ref().map(|d| d.value.0);
    if let (Some(from_date), Some(until_date)) = (&f.from, &f.until)
        && until_date.value < from_date.value
    {
        findings.push(
            Diagnostic::error(
                Code::InvalidValue,
                crate::i18n::text!(
                    "e-window-closes-before-opening",
                    until = until_date.value.0,
                    from = from_date.value.0
                ),
            )
            .at(until_date.at.clone())
            .with_note(from_date.at.clone(), crate::i18n::text!("find-resolve-5")),
        );
    }
    let limit = |value: &Option<Located<crate::model::decode::Amount>>| {
        value.as_ref().map(|v| Limit {
            value: v.value.0,
            at: v.at.clone(),
        })
    };
    let max_share = limit(&f.max_share);
    if let Some(share) = &max_share
        && share.value > 1.0
    {
        findings.push(
            Diagnostic::error(
                Code::InvalidValue,
                crate::i18n::text!("e-max-share-above-one", value = share.value.to_string()),
            )
            .at(share.at.clone())
            .with_help(crate::i18n::text!("find-resolve-6")),
        );
    }
    let (min_project, max_project) = (limit(&f.min_project), limit(&f.max_project));
    if let (Some(min), Some(max)) = (&min_project, &max_project)
        && max.value < min.value
    {
        findings.push(
            Diagnostic::error(
                Code::InvalidValue,
                crate::i18n::text!(
                    "e-max-below-min-project",
                    max = crate::i18n::Arg::Amount(max.value),
                    min = crate::i18n::Arg::Amount(min.value)
                ),
            )
            .at(max.at.clone())
            .with_note(min.at.clone(), crate::i18n::text!("find-resolve-7")),
        );
    }
    FundingSource {
        id: id.to_string(),
        name: text_or(&f.name, id),
        description: text(&f.description),
        amount: amount.map_or(0.0, |a| a.value.0),
        amount_unresolved: f.is_rejected(FundingKey::amount),
        from,
        from_at: f.from.as_ref().map(|d| d.at.clone()),
        until,
        at: located_at(&f.id, &f.at),
        amount_at: f.amount.as_ref().map_or(f.at.clone(), |a| a.at.clone()),
        max_share,
        min_project,
        max_project,
        per_year: limit(&f.per_year),
        eligible_objectives: f
            .eligible_objectives
            .iter()
            .flatten()
            .filter_map(|o| objectives.resolve(o, findings))
            .collect(),
    }
}

/// The ids of every table, for resolving references.
pub(super) struct References<'a> {
    pub objectives: &'a IdIndex,
    pub actors: &'a IdIndex,
    pub resources: &'a IdIndex,
    pub funding: &'a IdIndex,
    pub projects: &'a IdIndex,
    pub criteria: &'a IdIndex,
    pub criteria_list: &'a [Criterion],
    pub programmes: &'a IdIndex,
    pub indicators: &'a IdIndex,
}

fn resolve_project(
    p: &RawProject,
    id: &str,
    refs: &References<'_>,
    findings: &mut Vec<Diagnostic>,
) -> Project {
    let resources = demands(p, refs.resources, findings);
    let effort = effort(p, refs.resources, &resources, findings);
    let written = if p.effort.is_some() || p.is_rejected(ProjectKey::effort) {
        p.duration.as_ref()
    } else {
        required(p, &p.duration, ProjectKey::duration, findings)
    };
    let (duration, estimate) = progress::duration(written.map(|d| &d.value), findings);
    let (duration, effort) = match (&p.duration, effort) {
        (None, Some((span, effort))) => (span, effort),
        _ => (duration, Vec::new()),
    };
    let progress = progress::progress(p, duration.is_zero(), findings);
    let lead = required(p, &p.lead, ProjectKey::lead, findings)
        .and_then(|lead| refs.actors.resolve(lead, findings))
        .unwrap_or(0);

    let written_priority = written_priority(p, findings);
    let (scores, scores_unresolved) = scores(p, refs, findings);
    // Without a written priority, the scores set it (when there are criteria to weigh them).
    let priority = written_priority.unwrap_or_else(|| {
        if !refs.criteria_list.is_empty() && !scores.is_empty() {
            crate::rank::priority_for(crate::rank::weighted(refs.criteria_list, &scores))
        } else {
            3
        }
    });

    let depends_on = p
        .depends_on
        .iter()
        .flatten()
        .filter_map(|dep| resolve_dependency(dep, refs.projects, findings))
        .collect();

    let resolve_all = |list: &Option<Vec<Located<String>>>,
                       index: &IdIndex,
                       findings: &mut Vec<Diagnostic>|
     -> Vec<usize> {
        list.iter()
            .flatten()
            .filter_map(|r| index.resolve(r, findings))
            .collect()
    };

    let funding = contributions(p, refs.funding, findings);
    let programme = p
        .programme
        .as_ref()
        .and_then(|programme| refs.programmes.resolve(programme, findings));

    Project {
        id: id.to_string(),
        name: text_or(&p.name, id),
        objectives: resolve_all(&p.objectives, refs.objectives, findings),
        priority,
        duration,
        duration_at: p.duration.as_ref().map_or_else(
            || effort.first().map_or(p.at.clone(), |e| e.at.clone()),
            |d| d.at.clone(),
        ),
        effort,
        depends_on,
        earliest_start: p.earliest_start.as_ref().map(|d| d.value.0),
        earliest_start_at: p.earliest_start.as_ref().map(|d| d.at.clone()),
        deadline: p.deadline.as_ref().map(|d| d.value.0),
        deadline_at: p.deadline.as_ref().map(|d| d.at.clone()),
        lead,
        participants: resolve_all(&p.participants, refs.actors, findings),
        resources,
        cost: p.cost.as_ref().map(|c| c.value.0),
        cost_at: p.cost.as_ref().map(|c| c.at.clone()),
        funding_unresolved: p
            .funding
            .as_ref()
            .is_some_and(|map| !map.1.is_empty() || map.0.len() != funding.len())
            || p.is_rejected(ProjectKey::funding),
        funding,
        at: located_at(&p.id, &p.at),
        estimate,
        status: progress.status,
        actual_start: progress.actual_start,
        actual_start_at: progress.actual_start_at,
        actual_finish: progress.actual_finish,
        progress: progress.progress,
        scores,
        priority_explicit: p.priority.is_some(),
        scores_unresolved,
        programme,
        programme_unresolved: p.programme.is_some() && programme.is_none(),
        description: text(&p.description),
        contributes: indicator_contributions(p, refs.indicators, findings),
    }
}

/// What the project adds to each indicator (by id) when it finishes.
fn indicator_contributions(
    p: &RawProject,
    indicators: &IdIndex,
    findings: &mut Vec<Diagnostic>,
) -> Vec<IndicatorContribution> {
    p.contributes
        .iter()
        .flat_map(|map| &map.0)
        .filter_map(|(key, value)| {
            Some(IndicatorContribution {
                indicator: indicators.resolve(key, findings)?,
                value: value.value.0,
                at: value.at.clone(),
            })
        })
        .collect()
}

/// The written priority, checked to be 1 to 5 (3 when it is not).
fn written_priority(p: &RawProject, findings: &mut Vec<Diagnostic>) -> Option<u8> {
    let priority = p.priority.as_ref()?;
    if (1..=5).contains(&priority.value) {
        return Some(priority.value);
    }
    findings.push(
        Diagnostic::error(
            Code::InvalidValue,
            crate::i18n::text!("e-priority-range", value = priority.value.to_string()),
        )
        .at(priority.at.clone())
        .with_help(crate::i18n::text!("find-resolve-8")),
    );
    Some(3)
}

/// The project's scores on the criteria it names, and whether some criterion was unknown.
fn scores(
    p: &RawProject,
    refs: &References<'_>,
    findings: &mut Vec<Diagnostic>,
) -> (Vec<Score>, bool) {
    // A score that was wrong (E004) is not missing as well (no W007 beside it).
    let mut unresolved = p.scores.as_ref().is_some_and(|map| !map.1.is_empty());
    let scores = p
        .scores
        .iter()
        .flat_map(|map| &map.0)
        .filter_map(|(key, value)| {
            let criterion = refs.criteria.resolve(key, findings);
            unresolved |= criterion.is_none();
            Some(Score {
                criterion: criterion?,
                value: value.value.0,
                at: value.at.clone(),
            })
        })
        .collect();
    (scores, unresolved)
}

/// The units of each resource the project holds.
fn demands(p: &RawProject, resources: &IdIndex, findings: &mut Vec<Diagnostic>) -> Vec<Demand> {
    p.resources
        .iter()
        .flat_map(|map| &map.0)
        .filter_map(|(key, units)| {
            Some(Demand {
                resource: resources.resolve(key, findings)?,
                units: units.value.0,
                at: units.at.clone(),
            })
        })
        .collect()
}

/// A resource's capacity steps, checked to come after the roadmap start and after each other
/// (E016); a step out of order is reported and left out.
pub(super) fn capacity_changes(
    raw: &[crate::model::raw::RawCapacityStep],
    start: chrono::NaiveDate,
    findings: &mut Vec<Diagnostic>,
) -> Vec<crate::model::CapacityStep> {
    use crate::model::raw::CapacityStepKey;
    let mut steps: Vec<crate::model::CapacityStep> = Vec::new();
    for step in raw {
        let from = required(step, &step.from, CapacityStepKey::from, findings);
        let capacity = required(step, &step.capacity, CapacityStepKey::capacity, findings);
        let (Some(from), Some(capacity)) = (from, capacity) else {
            continue;
        };
        let day = from.value.0;
        if day <= start {
            findings.push(
                Diagnostic::error(
                    Code::CapacityStepOrder,
                    text!("e-step-before-start", day = day, start = start),
                )
                .at(from.at.clone())
                .with_help(text!("e-step-before-start-help")),
            );
            continue;
        }
        if let Some(previous) = steps.last().filter(|p| p.from >= day) {
            findings.push(
                Diagnostic::error(
                    Code::CapacityStepOrder,
                    text!("e-step-order", day = day, previous = previous.from),
                )
                .at(from.at.clone())
                .with_note(previous.at.clone(), text!("note-step-before"))
                .with_help(text!("e-step-order-help")),
            );
            continue;
        }
        steps.push(crate::model::CapacityStep {
            from: day,
            capacity: capacity.value.0,
            at: step.at.clone(),
        });
    }
    steps
}

/// The duration `effort` gives, and the effort itself, when the project has one and no
/// `duration`: per resource named, the effort over the units the project holds of it; the
/// longest wins. `effort` next to `duration`, or on a resource it holds no units of, is E017.
fn effort(
    p: &RawProject,
    resources: &IdIndex,
    demands: &[Demand],
    findings: &mut Vec<Diagnostic>,
) -> Option<(Span, Vec<crate::model::EffortDemand>)> {
    let map = p.effort.as_ref()?;
    if let Some(duration) = &p.duration {
        let at = map.0.first().map_or(duration.at.clone(), |(key, value)| {
            key.at.start..value.at.end
        });
        findings.push(
            Diagnostic::error(Code::InvalidEffort, text!("e-effort-and-duration"))
                .at(at)
                .with_note(duration.at.clone(), text!("note-duration-here"))
                .with_help(text!("e-effort-and-duration-help")),
        );
        return None;
    }
    let project = p.id.as_ref().map_or("the project", |id| id.value.as_str());
    derive_from_effort(map, project, &p.at, resources, demands, findings)
}

/// The duration an `effort` map gives at the units held (`demands`), and the efforts
/// resolved; `None` (with findings) when some part gives none. `at` is where the project is.
pub(super) fn derive_from_effort(
    map: &crate::model::decode::IdMap<crate::calendar::Effort>,
    project: &str,
    at: &Range<usize>,
    resources: &IdIndex,
    demands: &[Demand],
    findings: &mut Vec<Diagnostic>,
) -> Option<(Span, Vec<crate::model::EffortDemand>)> {
    let mut longest: Option<(f64, Span)> = None;
    let mut efforts = Vec::new();
    let mut complete = map.1.is_empty();
    for (key, value) in &map.0 {
        let Some(resource) = resources.resolve(key, findings) else {
            complete = false;
            continue;
        };
        let held = demands.iter().find(|d| d.resource == resource);
        let Some(span) = held.and_then(|d| value.value.duration(d.units)) else {
            let message = match held {
                Some(d) if d.units > 0.0 => text!(
                    "e-effort-too-long",
                    project = project,
                    resource = &key.value
                ),
                _ => text!(
                    "e-effort-no-units",
                    project = project,
                    resource = &key.value
                ),
            };
            let mut finding =
                Diagnostic::error(Code::InvalidEffort, message).at(key.at.start..value.at.end);
            finding = match held {
                Some(d) => finding.with_note(d.at.clone(), text!("note-units-held")),
                None => finding,
            };
            findings
                .push(finding.with_help(text!("e-effort-no-units-help", resource = &key.value)));
            complete = false;
            continue;
        };
        let days = span.approx_days();
        if longest.is_none_or(|(best, _)| days > best) {
            longest = Some((days, span));
        }
        efforts.push(crate::model::EffortDemand {
            resource,
            effort: value.value,
            at: key.at.start..value.at.end,
        });
    }
    if map.0.is_empty() && map.1.is_empty() {
        findings.push(
            Diagnostic::error(Code::InvalidEffort, text!("e-effort-empty"))
                .at(at.clone())
                .with_help(text!("e-effort-empty-help")),
        );
        return None;
    }
    // A part that failed was reported; the rest is not planned from a partial effort.
    complete.then(|| longest.map(|(_, span)| (span, efforts)))?
}

/// What each funding source pays the project.
fn contributions(
    p: &RawProject,
    funding: &IdIndex,
    findings: &mut Vec<Diagnostic>,
) -> Vec<Contribution> {
    p.funding
        .iter()
        .flat_map(|map| &map.0)
        .filter_map(|(key, amount)| {
            Some(Contribution {
                source: funding.resolve(key, findings)?,
                amount: amount.value.0,
                at: amount.at.clone(),
            })
        })
        .collect()
}

fn resolve_dependency(
    dep: &RawDependency,
    projects: &IdIndex,
    findings: &mut Vec<Diagnostic>,
) -> Option<Dependency> {
    let (target, kind, lag) = match dep {
        RawDependency::Id(id) => (id, LinkKind::FinishToStart, Span::ZERO),
        RawDependency::Link(link) => {
            let target = required_in(
                "a dependency table",
                link.as_ref(),
                &link.project,
                LinkKey::project,
                findings,
            )?;
            let kind = match &link.r#type {
                None => LinkKind::FinishToStart,
                Some(t) => match LinkKind::parse(&t.value) {
                    Some(kind) => kind,
                    None => {
                        let finding = Diagnostic::error(
                            Code::InvalidValue,
                            crate::i18n::text!("e-not-link-type", value = &t.value),
                        )
                        .at(t.at.clone())
                        .with_help(crate::i18n::text!("find-resolve-9"));
                        findings.push(finding);
                        return None;
                    }
                },
            };
            let lag = link.lag.as_ref().map_or(Span::ZERO, |l| l.value);
            (target, kind, lag)
        }
    };
    let on = projects.resolve(target, findings)?;
    Some(Dependency {
        on,
        kind,
        lag,
        at: target.at.clone(),
    })
}

/// A required key's value, or a missing-key finding at its table (unless the key was written
/// with a value already reported as invalid).
pub(super) fn required<'a, T: Table, V>(
    table: &T,
    value: &'a Option<Located<V>>,
    key: T::Key,
    findings: &mut Vec<Diagnostic>,
) -> Option<&'a Located<V>> {
    required_in(T::LABEL, table, value, key, findings)
}

/// [`required`], naming the table `label` in the finding.
pub(super) fn required_in<'a, T: Table, V>(
    label: &str,
    table: &T,
    value: &'a Option<Located<V>>,
    key: T::Key,
    findings: &mut Vec<Diagnostic>,
) -> Option<&'a Located<V>> {
    if value.is_none() && !table.is_rejected(key) {
        findings.push(
            Diagnostic::error(
                Code::MissingKey,
                crate::i18n::text!("e-table-lacks-key", table = label, key = T::key_name(key)),
            )
            .at(table.at().clone()),
        );
    }
    value.as_ref()
}

/// An optional text, without its position.
pub(super) fn text(text: &Option<Located<String>>) -> Option<String> {
    text.as_ref().map(|t| t.value.clone())
}

pub(super) fn text_or(text: &Option<Located<String>>, fallback: &str) -> String {
    text.as_ref()
        .map_or_else(|| fallback.to_string(), |t| t.value.clone())
}

/// Where findings about an entry point: its id, or its table header when it has none.
pub(super) fn located_at(id: &Option<Located<String>>, table_at: &Range<usize>) -> Range<usize> {
    id.as_ref()
        .map_or_else(|| table_at.clone(), |id| id.at.clone())
}
