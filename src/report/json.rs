//! The full plan as JSON (format version 1, documented in the README): roadmap, projects with
//! dates and analysis, resources with their usage, funding, actors and findings.

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::diag::SourceFile;
use crate::diag::render::JsonFinding;
use crate::model::{Roadmap, Status};
use crate::plan::{self, Plan};
use crate::report::indicators::IndicatorJson;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    roadmap: Summary<'a>,
    projects: Vec<ProjectJson<'a>>,
    /// The first of `critical_chains` (kept for readers of version 1).
    critical_path: Vec<&'a str>,
    order: Vec<&'a str>,
    resources: Vec<ResourceJson<'a>>,
    funding: Vec<FundingJson<'a>>,
    actors: Vec<ActorJson<'a>>,
    findings: Vec<JsonFinding<'a>>,
    /// Under-funded projects and the sources that could close their gaps (see
    /// `roadmap funding --opportunities`).
    opportunities: Vec<crate::report::opportunities::GapRow<'a>>,
    /// The strategy's objectives, with their descriptions.
    objectives: Vec<ObjectiveJson<'a>>,
    /// Programmes in outline order, rolled up from their projects.
    programmes: Vec<ProgrammeJson<'a>>,
    /// Indicators with their targets and the plan's values in the targets' years.
    indicators: Vec<IndicatorJson<'a>>,
    // Keys added later go last, so readers of the earlier order keep working.
    /// Every critical chain, first project to last (at most `MAX_CHAINS`).
    critical_chains: Vec<Vec<&'a str>>,
    /// How many critical chains there are in all.
    critical_chain_count: u64,
    /// The projects serving no objective (each objective lists its own in `objectives`).
    projects_without_objective: Vec<&'a str>,
}

#[derive(Serialize)]
struct ObjectiveJson<'a> {
    id: &'a str,
    name: &'a str,
    description: Option<&'a str>,
    // Added later: the roll-up. A shared project (serving several objectives) is listed and
    // counted in full under each objective it serves.
    /// Every project serving it, in start order.
    projects: Vec<&'a str>,
    /// How many of them also serve another objective.
    shared: usize,
    start: Option<NaiveDate>,
    finish: Option<NaiveDate>,
    days: i64,
    /// Its projects' costs, shared ones in full.
    cost: f64,
    /// The part of `cost` that shared projects bring.
    shared_cost: f64,
    committed: f64,
    critical: bool,
}

#[derive(Serialize)]
struct ProgrammeJson<'a> {
    id: &'a str,
    name: &'a str,
    parent: Option<&'a str>,
    /// Ids from the top level down to this programme.
    path: Vec<&'a str>,
    depth: usize,
    wbs: &'a str,
    lead: Option<&'a str>,
    description: Option<&'a str>,
    start: Option<NaiveDate>,
    finish: Option<NaiveDate>,
    days: i64,
    cost: f64,
    committed: f64,
    critical: bool,
    /// Every project in it and its sub-programmes.
    projects: Vec<&'a str>,
}

#[derive(Serialize)]
struct Summary<'a> {
    name: &'a str,
    currency: &'a str,
    start: NaiveDate,
    finish: NaiveDate,
    days: i64,
    total_cost: f64,
    /// No plan can finish before `earliest_finish`; this one is at most `days_longer` days
    /// (`percent_longer` %) longer. Absent for an empty roadmap.
    #[serde(skip_serializing_if = "Option::is_none")]
    lower_bound: Option<crate::plan::Bound>,
}

#[derive(Serialize)]
struct ProjectJson<'a> {
    id: &'a str,
    name: &'a str,
    priority: u8,
    lead: &'a str,
    participants: Vec<&'a str>,
    objectives: Vec<&'a str>,
    milestone: bool,
    duration: String,
    start: NaiveDate,
    finish: NaiveDate,
    days: i32,
    early_start: NaiveDate,
    late_start: NaiveDate,
    total_slack: i32,
    free_slack: i32,
    critical: bool,
    wave: u32,
    held_back: HeldBack<'a>,
    depends_on: Vec<DependencyJson<'a>>,
    resources: BTreeMap<&'a str, f64>,
    /// The work it needs from each resource, when its duration follows from it (left out for
    /// projects with a written `duration`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    effort: BTreeMap<&'a str, String>,
    cost: Option<f64>,
    funding: BTreeMap<&'a str, f64>,
    deadline: Option<NaiveDate>,
    /// The innermost programme it belongs to.
    programme: Option<&'a str>,
    /// Programme ids from the top level down.
    programme_path: Vec<&'a str>,
    description: Option<&'a str>,
    /// What it adds to each indicator (by id) when it finishes.
    contributes: BTreeMap<&'a str, f64>,
    /// Recorded progress: `not-started`, `in-progress` or `done`.
    status: &'static str,
    /// Share done (0..=1) recorded for a project in progress; 1 when done, 0 when not started.
    progress: Option<f64>,
}

#[derive(Serialize)]
struct DependencyJson<'a> {
    project: &'a str,
    #[serde(rename = "type")]
    kind: crate::calendar::LinkKind,
    lag: String,
}

/// Why a project starts when it does.
#[derive(Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
enum HeldBack<'a> {
    Nothing,
    Release,
    Dependency {
        project: &'a str,
    },
    Resource {
        resource: &'a str,
        project: &'a str,
    },
    /// The resource's capacity grows on the day it starts.
    Capacity {
        resource: &'a str,
    },
    /// The yearly cap of a funding source.
    Budget {
        source: &'a str,
        year: i32,
    },
}

#[derive(Serialize)]
struct ResourceJson<'a> {
    id: &'a str,
    name: &'a str,
    capacity: f64,
    /// Capacity steps: from `from` on, `units` are available (left out when it never changes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    capacity_changes: Vec<CapacityStepJson>,
    unit: Option<&'a str>,
    peak: f64,
    /// Change points: from `from` on, `units` are in use (until the next point).
    usage: Vec<Usage>,
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct CapacityStepJson {
    from: NaiveDate,
    capacity: f64,
}

#[derive(Serialize)]
struct Usage {
    from: NaiveDate,
    units: f64,
}

#[derive(Serialize)]
struct FundingJson<'a> {
    id: &'a str,
    name: &'a str,
    amount: f64,
    committed: f64,
    remaining: f64,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_share: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_project: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_project: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    per_year: Option<f64>,
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct ActorJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: crate::model::ActorKind,
    leads: Vec<&'a str>,
    participates: Vec<&'a str>,
    description: Option<&'a str>,
}

/// Writes the full plan as JSON: the document is assembled from one function per part.
pub fn write(
    out: &mut dyn Write,
    source: &SourceFile,
    roadmap: &Roadmap,
    plan: &Plan,
) -> io::Result<()> {
    let project_id = |p: usize| roadmap.projects[p].id.as_str();
    let projects = projects(roadmap, plan);
    let resources = resources(roadmap, plan);
    let funding = funding(roadmap);
    let actors = actors(roadmap);
    let document = Document {
        version: 1,
        roadmap: Summary {
            name: &roadmap.name,
            currency: &roadmap.currency,
            start: plan.start(),
            finish: plan.finish(),
            days: (plan.finish() - plan.start()).num_days() + 1,
            total_cost: roadmap.total_cost(),
            lower_bound: plan.bound(),
        },
        projects,
        critical_path: plan
            .solution
            .critical_chains
            .first()
            .map(|chain| chain.iter().map(|&p| project_id(p)).collect())
            .unwrap_or_default(),
        critical_chains: plan
            .solution
            .critical_chains
            .iter()
            .map(|chain| chain.iter().map(|&p| project_id(p)).collect())
            .collect(),
        critical_chain_count: plan.solution.critical_chain_count,
        order: plan.order().iter().map(|&p| project_id(p)).collect(),
        resources,
        funding,
        actors,
        findings: plan
            .findings
            .iter()
            .map(|f| JsonFinding::new(source, f))
            .collect(),
        opportunities: crate::report::opportunities::OpportunitiesReport::new(roadmap, plan)
            .projects,
        objectives: plan
            .objectives
            .iter()
            .filter_map(|group| {
                let o = &roadmap.objectives[group.objective?];
                Some(ObjectiveJson {
                    id: &o.id,
                    name: &o.name,
                    description: o.description.as_deref(),
                    projects: group.projects.iter().map(|&p| project_id(p)).collect(),
                    shared: group.shared,
                    start: group.start,
                    finish: group.finish,
                    days: group.days(),
                    cost: group.cost,
                    shared_cost: group.shared_cost,
                    committed: group.committed,
                    critical: group.critical,
                })
            })
            .collect(),
        projects_without_objective: plan
            .objectives
            .iter()
            .filter(|group| group.objective.is_none())
            .flat_map(|group| group.projects.iter().map(|&p| project_id(p)))
            .collect(),
        programmes: programmes(roadmap, plan),
        indicators: crate::report::indicators::rows(roadmap, plan),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

/// Every project with its dates, analysis and why it starts when it does.
fn projects<'a>(roadmap: &'a Roadmap, plan: &Plan) -> Vec<ProjectJson<'a>> {
    let project_id = |p: usize| roadmap.projects[p].id.as_str();
    let programme_ids = |q: usize| -> Vec<&str> {
        roadmap
            .programme_path(q)
            .iter()
            .map(|&r| roadmap.programmes[r].id.as_str())
            .collect()
    };
    roadmap
        .projects
        .iter()
        .zip(&plan.projects)
        .map(|(project, planned)| ProjectJson {
            id: &project.id,
            name: &project.name,
            priority: project.priority,
            lead: &roadmap.actors[project.lead].id,
            participants: project
                .participants
                .iter()
                .map(|&a| roadmap.actors[a].id.as_str())
                .collect(),
            objectives: project
                .objectives
                .iter()
                .map(|&o| roadmap.objectives[o].id.as_str())
                .collect(),
            milestone: project.is_milestone(),
            duration: project.duration.to_string(),
            start: planned.start,
            finish: planned.finish,
            days: planned.days,
            early_start: planned.early_start,
            late_start: planned.late_start,
            total_slack: planned.total_slack,
            free_slack: planned.free_slack,
            critical: planned.critical,
            wave: planned.wave,
            held_back: match planned.held_back {
                plan::HeldBack::Nothing => HeldBack::Nothing,
                plan::HeldBack::Release { .. } => HeldBack::Release,
                plan::HeldBack::Dependency { project, .. } => HeldBack::Dependency {
                    project: project_id(project),
                },
                plan::HeldBack::Resource { resource, by } => HeldBack::Resource {
                    resource: &roadmap.resources[resource].id,
                    project: project_id(by),
                },
                plan::HeldBack::Capacity { resource } => HeldBack::Capacity {
                    resource: &roadmap.resources[resource].id,
                },
                plan::HeldBack::YearlyCap { source, year } => HeldBack::Budget {
                    source: &roadmap.funding[source].id,
                    year,
                },
            },
            depends_on: project
                .depends_on
                .iter()
                .map(|d| DependencyJson {
                    project: project_id(d.on),
                    kind: d.kind,
                    lag: d.lag.to_string(),
                })
                .collect(),
            resources: project
                .resources
                .iter()
                .map(|d| (roadmap.resources[d.resource].id.as_str(), d.units))
                .collect(),
            effort: project
                .effort
                .iter()
                .map(|e| {
                    (
                        roadmap.resources[e.resource].id.as_str(),
                        e.effort.to_string(),
                    )
                })
                .collect(),
            cost: project.cost,
            funding: project
                .funding
                .iter()
                .map(|c| (roadmap.funding[c.source].id.as_str(), c.amount))
                .collect(),
            deadline: project.deadline,
            programme: project.programme.map(|q| roadmap.programmes[q].id.as_str()),
            programme_path: project.programme.map_or_else(Vec::new, &programme_ids),
            description: project.description.as_deref(),
            contributes: project
                .contributes
                .iter()
                .map(|c| (roadmap.indicators[c.indicator].id.as_str(), c.value))
                .collect(),
            status: project.status.as_str(),
            progress: match project.status {
                Status::Done => Some(1.0),
                Status::InProgress => project.progress,
                Status::NotStarted => Some(0.0),
            },
        })
        .collect()
}

/// Every resource with its peak and usage change points.
fn resources<'a>(roadmap: &'a Roadmap, plan: &Plan) -> Vec<ResourceJson<'a>> {
    roadmap
        .resources
        .iter()
        .enumerate()
        .map(|(r, resource)| {
            let usage: Vec<Usage> = plan
                .usage(r)
                .into_iter()
                .map(|(from, units)| Usage { from, units })
                .collect();
            ResourceJson {
                id: &resource.id,
                name: &resource.name,
                capacity: resource.capacity,
                capacity_changes: resource
                    .changes
                    .iter()
                    .map(|s| CapacityStepJson {
                        from: s.from,
                        capacity: s.capacity,
                    })
                    .collect(),
                unit: resource.unit.as_deref(),
                peak: plan.peak(r),
                usage,
                description: resource.description.as_deref(),
            }
        })
        .collect()
}

/// Every funding source with what is committed and its rules.
fn funding(roadmap: &Roadmap) -> Vec<FundingJson<'_>> {
    let committed = roadmap.committed();
    roadmap
        .funding
        .iter()
        .zip(committed)
        .map(|(source, committed)| FundingJson {
            id: &source.id,
            name: &source.name,
            amount: source.amount,
            committed,
            remaining: source.amount - committed,
            from: source.from,
            until: source.until,
            max_share: source.max_share.as_ref().map(|l| l.value),
            min_project: source.min_project.as_ref().map(|l| l.value),
            max_project: source.max_project.as_ref().map(|l| l.value),
            per_year: source.per_year.as_ref().map(|l| l.value),
            description: source.description.as_deref(),
        })
        .collect()
}

/// Every actor with the projects it leads and joins.
fn actors(roadmap: &Roadmap) -> Vec<ActorJson<'_>> {
    roadmap
        .actors
        .iter()
        .enumerate()
        .map(|(a, actor)| ActorJson {
            id: &actor.id,
            name: &actor.name,
            kind: actor.kind,
            leads: roadmap
                .projects
                .iter()
                .filter(|p| p.lead == a)
                .map(|p| p.id.as_str())
                .collect(),
            participates: roadmap
                .projects
                .iter()
                .filter(|p| p.participants.contains(&a))
                .map(|p| p.id.as_str())
                .collect(),
            description: actor.description.as_deref(),
        })
        .collect()
}

fn programmes<'a>(roadmap: &'a Roadmap, plan: &'a Plan) -> Vec<ProgrammeJson<'a>> {
    plan.outline
        .iter()
        .filter_map(|row| match row.item {
            crate::plan::rollup::Item::Programme(q) => Some(q),
            crate::plan::rollup::Item::Project(_) => None,
        })
        .map(|q| {
            let programme = &roadmap.programmes[q];
            let planned = &plan.programmes[q];
            ProgrammeJson {
                id: &programme.id,
                name: &programme.name,
                parent: programme.parent.map(|r| roadmap.programmes[r].id.as_str()),
                path: roadmap
                    .programme_path(q)
                    .iter()
                    .map(|&r| roadmap.programmes[r].id.as_str())
                    .collect(),
                depth: planned.depth,
                wbs: &planned.wbs,
                lead: programme.lead.map(|a| roadmap.actors[a].id.as_str()),
                description: programme.description.as_deref(),
                start: planned.start,
                finish: planned.finish,
                days: planned.days(),
                cost: planned.cost,
                committed: planned.committed,
                critical: planned.critical,
                projects: planned
                    .projects
                    .iter()
                    .map(|&p| roadmap.projects[p].id.as_str())
                    .collect(),
            }
        })
        .collect()
}
