//! From a validated roadmap to a plan: builds the engine's problem, runs it, and turns the
//! solution back into dates and findings. Reports and exports read [`Plan`] and never
//! recompute a schedule.

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::display::amount;
use crate::model::{Project, Roadmap};
use crate::schedule::problem::{Activity, Link, Problem, UNITS_PER_ONE, Units};
use crate::schedule::{self, Hold, Options, ScheduleError, Solution};

/// The plan of one project, in calendar dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectPlan {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive); a milestone's is its start.
    pub finish: NaiveDate,
    /// Days it occupies (0 for a milestone).
    pub days: i32,
    pub early_start: NaiveDate,
    pub late_start: NaiveDate,
    /// Days it can slip without delaying the roadmap's end.
    pub total_slack: i32,
    /// Days it can slip without delaying any other project.
    pub free_slack: i32,
    pub critical: bool,
    /// Implementation wave: 0 for projects with no prerequisites.
    pub wave: u32,
    /// Why it starts when it does.
    pub held_back: Hold,
}

/// A planned roadmap: per-project dates and analysis, plus what reports need to explain it.
pub struct Plan {
    pub problem: Problem,
    pub solution: Solution,
    /// Indexed like the roadmap's projects.
    pub projects: Vec<ProjectPlan>,
    /// Missed deadlines and funding windows.
    pub findings: Vec<Diagnostic>,
}

impl Plan {
    /// First day of the plan (the roadmap's start).
    pub fn start(&self) -> NaiveDate {
        self.problem.origin
    }

    /// Last day on which any project runs (the start when there is nothing to do).
    pub fn finish(&self) -> NaiveDate {
        self.projects
            .iter()
            .map(|p| p.finish)
            .max()
            .unwrap_or(self.problem.origin)
    }

    /// Projects in dependency order (priority first among equals).
    pub fn order(&self) -> &[usize] {
        &self.solution.order
    }

    /// Units of resource `r` in use, as change points `(first day, units)`.
    pub fn usage(&self, r: usize) -> Vec<(NaiveDate, f64)> {
        schedule::usage(&self.problem, &self.solution, r)
            .into_iter()
            .map(|(day, units)| (self.problem.date(day), f64::from(units) / UNITS_PER_ONE))
            .collect()
    }

    /// Most units of resource `r` in use on any day.
    pub fn peak(&self, r: usize) -> f64 {
        self.usage(r).iter().map(|u| u.1).fold(0.0, f64::max)
    }
}

/// Plans a validated roadmap.
pub fn plan(roadmap: &Roadmap, options: &Options) -> Result<Plan, ScheduleError> {
    plan_as_of(roadmap, options, None)
}

/// Plans a validated roadmap from recorded progress (see [`crate::progress`]): done projects
/// stay at their actual dates, projects in progress keep their actual start, and with `as_of`
/// the remaining work runs from that day and nothing else starts before it.
pub fn plan_as_of(
    roadmap: &Roadmap,
    options: &Options,
    as_of: Option<NaiveDate>,
) -> Result<Plan, ScheduleError> {
    let mut problem = problem(roadmap);
    crate::progress::apply(roadmap, &mut problem, as_of);
    let solution = schedule::plan(&problem, options)?;
    let mut projects: Vec<ProjectPlan> = (0..roadmap.projects.len())
        .map(|i| project_plan(&problem, &solution, i))
        .collect();
    crate::progress::restore_actual_starts(roadmap, &mut projects);
    let mut plan = Plan {
        problem,
        solution,
        projects,
        findings: Vec::new(),
    };
    plan.findings = findings(roadmap, &plan);
    plan.findings
        .extend(crate::funding::cap_findings(roadmap, &plan));
    Ok(plan)
}

/// The engine's view of the roadmap: day offsets from the start, fixed-point units.
pub fn problem(roadmap: &Roadmap) -> Problem {
    let mut problem = Problem {
        origin: roadmap.start,
        activities: Vec::with_capacity(roadmap.projects.len()),
        links: Vec::new(),
        capacities: roadmap
            .resources
            .iter()
            .map(|r| to_units(r.capacity))
            .collect(),
        budgets: crate::funding::budgets(roadmap),
    };
    for (i, project) in roadmap.projects.iter().enumerate() {
        let release = release(roadmap, project).map_or(0, |date| problem.day(date).max(0));
        let due = due(roadmap, project).map(|date| problem.day(date));
        problem.activities.push(Activity {
            duration: project.duration,
            release,
            due,
            priority: project.priority,
            demands: project
                .resources
                .iter()
                .map(|d| (d.resource, to_units(d.units)))
                .collect(),
        });
        problem
            .links
            .extend(project.depends_on.iter().map(|dep| Link {
                from: dep.on,
                to: i,
                kind: dep.kind,
                lag: dep.lag,
            }));
    }
    problem
}

fn to_units(value: f64) -> Units {
    // Validated amounts are non-negative and at most 1e15; capacities that large saturate.
    (value * UNITS_PER_ONE).round().min(f64::from(Units::MAX)) as Units
}

/// The earliest day a project may start: its own `earliest_start` and every paying source's
/// `from`.
fn release(roadmap: &Roadmap, project: &Project) -> Option<NaiveDate> {
    let from = project
        .funding
        .iter()
        .filter_map(|c| roadmap.funding[c.source].from);
    project.earliest_start.into_iter().chain(from).max()
}

/// The latest exclusive end that meets the project's deadline and every paying source's
/// `until`. A milestone's end is its (only) day, so it must be on or before the date itself.
fn due(roadmap: &Roadmap, project: &Project) -> Option<NaiveDate> {
    let until = project
        .funding
        .iter()
        .filter_map(|c| roadmap.funding[c.source].until);
    let last_day = project.deadline.into_iter().chain(until).min()?;
    if project.is_milestone() {
        Some(last_day)
    } else {
        last_day.succ_opt()
    }
}

fn project_plan(problem: &Problem, solution: &Solution, i: usize) -> ProjectPlan {
    let (start, end) = (solution.start[i], solution.end[i]);
    ProjectPlan {
        start: problem.date(start),
        finish: problem.date(if end > start { end - 1 } else { start }),
        days: end - start,
        early_start: problem.date(solution.early_start[i]),
        late_start: problem.date(solution.late_start[i]),
        total_slack: solution.total_slack[i],
        free_slack: solution.free_slack[i],
        critical: solution.critical[i],
        wave: solution.wave[i],
        held_back: solution.held_back[i],
    }
}

/// Missed deadlines (W001) and projects running outside a paying source's window (W005), each
/// with the days of overrun and what holds the project back.
fn findings(roadmap: &Roadmap, plan: &Plan) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    for (i, project) in roadmap.projects.iter().enumerate() {
        let planned = &plan.projects[i];
        if let (Some(deadline), Some(at)) = (project.deadline, &project.deadline_at)
            && planned.finish > deadline
        {
            let late = (planned.finish - deadline).num_days();
            findings.push(
                Diagnostic::new(
                    Code::MissedDeadline,
                    format!(
                        "`{}` finishes {} in the best plan found, {late} days after its deadline {deadline}",
                        project.id, planned.finish
                    ),
                )
                .at(at.clone())
                .with_help(held_back_by(roadmap, plan, i)),
            );
        }
        for contribution in &project.funding {
            let source = &roadmap.funding[contribution.source];
            let early = source.from.filter(|&from| planned.start < from);
            let late = source.until.filter(|&until| planned.finish > until);
            let message = match (early, late) {
                (Some(from), _) => format!(
                    "`{}` starts {}, before `{}`'s window opens {from}",
                    project.id, planned.start, source.id
                ),
                (None, Some(until)) => format!(
                    "`{}` finishes {}, {} days after `{}`'s window closes {until}; {} {} at risk",
                    project.id,
                    planned.finish,
                    (planned.finish - until).num_days(),
                    source.id,
                    amount(contribution.amount),
                    roadmap.currency
                ),
                (None, None) => continue,
            };
            findings.push(
                Diagnostic::new(Code::OutsideFundingWindow, message)
                    .at(contribution.at.clone())
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
            Hold::Link(link) => {
                at = plan.problem.links[link].from;
                chain.push(name(at));
            }
            Hold::Resource { resource, by } => {
                reason = Some(format!(
                    "{} waits for resource `{}`, busy with {} until {}",
                    name(at),
                    roadmap.resources[resource].id,
                    name(by),
                    plan.projects[by].finish
                ));
                break;
            }
            Hold::Release => {
                reason = Some(format!(
                    "{} may not start before {}",
                    name(at),
                    plan.projects[at].start
                ));
                break;
            }
            Hold::Budget { budget, year } => {
                let source = crate::funding::capped(roadmap)[budget];
                let spend = crate::funding::YearlySpend::of(roadmap, plan);
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
                    amount(crate::funding::from_cents(spend.get(source, year))),
                    roadmap.currency,
                ));
                break;
            }
            Hold::NotHeld => break,
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
