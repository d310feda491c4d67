//! From a validated roadmap to a plan: builds the engine's problem, runs it, and turns the
//! solution back into dates and findings. Reports and exports read [`Plan`] and never
//! recompute a schedule.

pub mod objectives;
pub mod progress;
pub mod rollup;
pub mod targets;

use chrono::NaiveDate;

use crate::calendar::LinkKind;
use crate::diag::{Code, Diagnostic};
use crate::model::{Project, Roadmap};
use crate::money;
use crate::schedule::budget::Budgets;
use crate::schedule::problem::{Activity, Link, Problem, UNITS_PER_ONE, Units};
use crate::schedule::{self, Hold, Options, ScheduleError, Solution};
use objectives::ObjectivePlan;
use rollup::{OutlineRow, ProgrammePlan};
use targets::IndicatorPlan;

/// Why a project starts when it does, in the model's terms (indices of the roadmap's projects,
/// resources and funding sources). The engine's reasons (link numbers, budget positions) are
/// translated once, here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeldBack {
    /// Nothing: it starts on the plan's first day with nothing before it.
    Nothing,
    /// Its own earliest day (`earliest_start`, a paying source's `from`, progress): `date`.
    Release { date: NaiveDate },
    /// A prerequisite `project`, through a dependency of this kind.
    Dependency { project: usize, kind: LinkKind },
    /// The capacity of `resource`, freed when project `by` finished.
    Resource { resource: usize, by: usize },
    /// The capacity of `resource` grows on the day it starts (a step of its `changes`).
    Capacity { resource: usize },
    /// The `per_year` cap of funding `source`: starting earlier would pay out more in `year`.
    YearlyCap { source: usize, year: i32 },
}

/// A due date the plan misses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missed {
    /// The project finishes `days` after its `deadline`.
    Deadline { deadline: NaiveDate, days: i64 },
    /// It starts before the window of the source paying its contribution number `contribution`
    /// opens on `from`.
    WindowOpens {
        contribution: usize,
        source: usize,
        from: NaiveDate,
    },
    /// It finishes `days` after that source's window closes on `until`.
    WindowCloses {
        contribution: usize,
        source: usize,
        until: NaiveDate,
        days: i64,
    },
}

impl Missed {
    /// The funding source whose window this is (`None` for a deadline).
    pub fn source(&self) -> Option<usize> {
        match *self {
            Missed::Deadline { .. } => None,
            Missed::WindowOpens { source, .. } | Missed::WindowCloses { source, .. } => {
                Some(source)
            }
        }
    }
}

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
    pub held_back: HeldBack,
    /// The due dates it misses: its deadline, then each paying source's window (one per
    /// contribution, the opening first), in the order of its `funding`.
    pub missed: Vec<Missed>,
}

/// What the lower bound proves about a plan: no plan can finish before `earliest_finish`, so
/// this one is at most `days_longer` days (`percent_longer` % of the shortest possible plan)
/// longer than the best; 0 means it is the shortest possible.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Bound {
    pub earliest_finish: NaiveDate,
    pub days_longer: i64,
    pub percent_longer: f64,
}

impl Bound {
    /// The sentence people read: "no plan can finish before D; this one is at most N days or
    /// X % longer" (or that it is the shortest possible).
    pub fn sentence(&self) -> crate::i18n::Text {
        if self.days_longer == 0 {
            crate::i18n::text!("bound-shortest", date = self.earliest_finish)
        } else {
            crate::i18n::text!(
                "bound-longer",
                date = self.earliest_finish,
                days = self.days_longer,
                percent = crate::i18n::Arg::Decimal(self.percent_longer, 1),
            )
        }
    }
}

/// A planned roadmap: per-project dates and analysis, plus what reports need to explain it.
pub struct Plan {
    pub problem: Problem,
    pub solution: Solution,
    /// Indexed like the roadmap's projects.
    pub projects: Vec<ProjectPlan>,
    /// Every project in the order a reader sees them: by start, then dependency order.
    pub start_order: Vec<usize>,
    /// Missed deadlines, funding windows and yearly caps: filled by the check pipeline
    /// ([`crate::check`], from [`crate::findings`]) once the plan is made; empty before.
    pub findings: Vec<Diagnostic>,
    /// Indexed like the roadmap's programmes: rolled up from their projects.
    pub programmes: Vec<ProgrammePlan>,
    /// Programmes and projects as a tree, in reading order.
    pub outline: Vec<OutlineRow>,
    /// Every objective's projects (shared ones under each objective they serve), then the
    /// projects serving none: see [`objectives`].
    pub objectives: Vec<ObjectivePlan>,
    /// Indexed like the roadmap's indicators: planned values at their targets.
    pub indicators: Vec<IndicatorPlan>,
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

    /// The implementation order people read: by wave, then start, then priority, then
    /// dependency order. Every prerequisite is in a lower wave, so this is a dependency order.
    pub fn wave_order(&self) -> Vec<usize> {
        let mut position = vec![0; self.projects.len()];
        for (rank, &p) in self.solution.order.iter().enumerate() {
            position[p] = rank;
        }
        let mut rows: Vec<usize> = (0..self.projects.len()).collect();
        rows.sort_by_key(|&p| {
            let planned = &self.projects[p];
            let priority = self.problem.activities.get(p).map_or(3, |a| a.priority);
            (planned.wave, planned.start, priority, position[p])
        });
        rows
    }

    /// Units of resource `r` in use, as change points `(first day, units)`.
    pub fn usage(&self, r: usize) -> Vec<(NaiveDate, f64)> {
        schedule::usage(&self.problem, &self.solution, r)
            .into_iter()
            .map(|(day, units)| (self.problem.date(day), f64::from(units) / UNITS_PER_ONE))
            .collect()
    }

    /// How far this plan can be from the shortest possible one, from the engine's lower bound;
    /// `None` for an empty roadmap.
    pub fn bound(&self) -> Option<Bound> {
        let bound = self.solution.stats.lower_bound?;
        if bound <= 0 || self.solution.makespan <= 0 {
            return None;
        }
        let days_longer = i64::from(self.solution.makespan.saturating_sub(bound).max(0));
        // Counted back from the plan's last day, so a closing milestone (whose last day is its
        // exclusive end) reads the same in both.
        Some(Bound {
            earliest_finish: self.finish() - chrono::Days::new(days_longer as u64),
            days_longer,
            percent_longer: 100.0 * days_longer as f64 / f64::from(bound),
        })
    }

    /// Most units of resource `r` in use on any day.
    pub fn peak(&self, r: usize) -> f64 {
        self.usage(r).iter().map(|u| u.1).fold(0.0, f64::max)
    }
}

/// Why a validated roadmap could not be planned.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// The plan runs past 9999-12-31: the E011 finding, pointing at the first project to pass it.
    #[error("{}", .0.message)]
    PastLastDay(Box<Diagnostic>),
}

/// Plans a validated roadmap.
pub fn plan(roadmap: &Roadmap, options: &Options) -> Result<Plan, PlanError> {
    plan_as_of(roadmap, options, None)
}

/// Plans a validated roadmap from recorded progress (see [`progress`]): done projects
/// stay at their actual dates, projects in progress keep their actual start, and with `as_of`
/// the remaining work runs from that day and nothing else starts before it.
pub fn plan_as_of(
    roadmap: &Roadmap,
    options: &Options,
    as_of: Option<NaiveDate>,
) -> Result<Plan, PlanError> {
    let mut problem = problem(roadmap);
    progress::apply(roadmap, &mut problem, as_of);
    let solution = schedule::plan(&problem, options)?;
    if let Some(finding) = past_last_day(roadmap, &problem, &solution) {
        return Err(PlanError::PastLastDay(Box::new(finding)));
    }
    let mut projects: Vec<ProjectPlan> = (0..roadmap.projects.len())
        .map(|i| project_plan(&problem, &solution, i))
        .collect();
    progress::restore_actual_starts(roadmap, &mut projects);
    let capped = money::capped(roadmap);
    for (i, planned) in projects.iter_mut().enumerate() {
        planned.held_back = match solution.held_back[i] {
            Hold::NotHeld => HeldBack::Nothing,
            Hold::Release => HeldBack::Release {
                date: planned.start,
            },
            Hold::Link(l) => HeldBack::Dependency {
                project: problem.links[l].from,
                kind: problem.links[l].kind,
            },
            Hold::Resource { resource, by } => HeldBack::Resource { resource, by },
            Hold::Capacity { resource } => HeldBack::Capacity { resource },
            Hold::Budget { budget, year } => HeldBack::YearlyCap {
                source: capped[budget],
                year,
            },
        };
        planned.missed = missed(roadmap, &roadmap.projects[i], planned);
    }
    let start_order = start_order(&solution.order, &projects);
    let mut position = vec![0; projects.len()];
    for (rank, &p) in solution.order.iter().enumerate() {
        position[p] = rank;
    }
    let (programmes, outline) = rollup::roll_up(roadmap, &projects, &position);
    let objectives = objectives::roll_up(roadmap, &projects, &start_order);
    let indicators = targets::indicators(roadmap, |p| projects[p].finish);
    let plan = Plan {
        problem,
        solution,
        projects,
        start_order,
        findings: Vec::new(),
        programmes,
        outline,
        objectives,
        indicators,
    };
    Ok(plan)
}

/// E011 when the plan runs past 9999-12-31, the last day dates can hold: the project that passes
/// it first (earliest start, then file order), with the value that took it there underlined
/// (see [`start_value_at`]). The engine works in day offsets (`i32`, saturating far beyond
/// year 9999), so any roadmap whose plan fits is planned, however long its durations add up to.
fn past_last_day(roadmap: &Roadmap, problem: &Problem, solution: &Solution) -> Option<Diagnostic> {
    let last = problem.day(crate::model::decode::Date::LAST);
    let first = (0..solution.end.len())
        .filter(|&i| solution.end[i].saturating_sub(1).max(solution.start[i]) > last)
        .min_by_key(|&i| (solution.start[i], i))?;
    let project = &roadmap.projects[first];
    if let Some(finding) = never_fits(roadmap, first) {
        return Some(finding);
    }
    let starts = match problem.checked_date(solution.start[first]) {
        Some(date) if solution.start[first] <= last => {
            crate::i18n::text!("starts-and", date = date)
        }
        _ => crate::i18n::Text::plain(""),
    };
    Some(
        Diagnostic::error(
            Code::TooLarge,
            crate::i18n::text!(
                "e-plan-past-last-day",
                project = &project.id,
                starts = starts
            ),
        )
        .at(start_value_at(roadmap, problem, solution, first)
            .unwrap_or_else(|| project.duration_at.clone()))
        .with_help(crate::i18n::text!("find-mod-1")),
    )
}

/// E008 for a project that needs more of a resource than it has from its last capacity step
/// on: it fits only in the periods before, and the planner found no room there (so it was
/// pushed past every date). Points at the demand, with the step that takes the room away.
fn never_fits(roadmap: &Roadmap, i: usize) -> Option<Diagnostic> {
    let project = &roadmap.projects[i];
    project.resources.iter().find_map(|demand| {
        let resource = &roadmap.resources[demand.resource];
        let last = resource.changes.last()?;
        if demand.units <= last.capacity {
            return None;
        }
        let (need, has) = crate::display::units_apart(demand.units, last.capacity);
        Some(
            Diagnostic::error(
                Code::OverCapacity,
                format!(
                    "`{}` needs {need} of `{}`, which has only {has} from {} on, and no plan finds room for it before",
                    project.id, resource.id, last.from
                ),
            )
            .at(demand.at.clone())
            .with_note(last.at.clone(), "capacity from here on")
            .with_help(format!(
                "lower the units, shorten `{}`, start it earlier, or keep more capacity after {}",
                project.id, last.from
            )),
        )
    })
}

/// Where the day project `i` starts on is written, when a value of the file sets it: its
/// recorded `actual_start`, its `earliest_start` or a paying source's `from` (a scenario's
/// value under that scenario). `None` when a prerequisite, a resource, a cap or `--as-of`
/// sets it; the project's duration is then what carries it past the last day.
fn start_value_at(
    roadmap: &Roadmap,
    problem: &Problem,
    solution: &Solution,
    i: usize,
) -> Option<std::ops::Range<usize>> {
    if solution.held_back[i] != Hold::Release {
        return None;
    }
    let project = &roadmap.projects[i];
    let sets_start = |date: NaiveDate| problem.day(date) == solution.start[i];
    let recorded = project
        .actual_start
        .filter(|&d| sets_start(d))
        .and(project.actual_start_at.clone());
    let earliest = || {
        project
            .earliest_start
            .filter(|&d| sets_start(d))
            .and(project.earliest_start_at.clone())
    };
    let window = || {
        project.funding.iter().find_map(|c| {
            let source = &roadmap.funding[c.source];
            source
                .from
                .filter(|&d| sets_start(d))
                .and(source.from_at.clone())
        })
    };
    recorded.or_else(earliest).or_else(window)
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
        capacity_changes: Vec::new(),
        budgets: budgets(roadmap),
        calendar: roadmap.calendar.clone(),
    };
    problem.capacity_changes = roadmap
        .resources
        .iter()
        .map(|r| {
            r.changes
                .iter()
                .map(|step| (problem.day(step.from), to_units(step.capacity)))
                .collect()
        })
        .collect();
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

/// The engine's yearly budgets: one per capped source (budget `b` is source
/// `money::capped(roadmap)[b]`), and what each project spends from it, in cents.
fn budgets(roadmap: &Roadmap) -> Budgets {
    let capped = money::capped(roadmap);
    if capped.is_empty() {
        return Budgets::default();
    }
    let mut budget_of = vec![None; roadmap.funding.len()];
    for (b, &s) in capped.iter().enumerate() {
        budget_of[s] = Some(b);
    }
    Budgets {
        caps: capped
            .iter()
            .map(|&s| {
                roadmap.funding[s]
                    .per_year
                    .as_ref()
                    .map_or(0, |l| money::to_cents(l.value))
            })
            .collect(),
        spend: roadmap
            .projects
            .iter()
            .map(|p| {
                p.funding
                    .iter()
                    .filter_map(|c| Some((budget_of[c.source]?, money::to_cents(c.amount))))
                    .collect()
            })
            .collect(),
    }
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
        held_back: HeldBack::Nothing,
        missed: Vec::new(),
    }
}

/// Projects by start, ties in dependency order (`order`, priority first among equals).
fn start_order(order: &[usize], projects: &[ProjectPlan]) -> Vec<usize> {
    let mut position = vec![0; projects.len()];
    for (rank, &p) in order.iter().enumerate() {
        position[p] = rank;
    }
    let mut rows: Vec<usize> = (0..projects.len()).collect();
    rows.sort_by_key(|&p| (projects[p].start, position[p]));
    rows
}

/// The due dates `planned` misses (see [`ProjectPlan::missed`]).
fn missed(roadmap: &Roadmap, project: &Project, planned: &ProjectPlan) -> Vec<Missed> {
    let mut missed = Vec::new();
    if let Some(deadline) = project.deadline
        && planned.finish > deadline
    {
        missed.push(Missed::Deadline {
            deadline,
            days: (planned.finish - deadline).num_days(),
        });
    }
    for (contribution, c) in project.funding.iter().enumerate() {
        let source = &roadmap.funding[c.source];
        if let Some(from) = source.from.filter(|&from| planned.start < from) {
            missed.push(Missed::WindowOpens {
                contribution,
                source: c.source,
                from,
            });
        } else if let Some(until) = source.until.filter(|&until| planned.finish > until) {
            missed.push(Missed::WindowCloses {
                contribution,
                source: c.source,
                until,
                days: (planned.finish - until).num_days(),
            });
        }
    }
    missed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::parse_str;
    use crate::schedule::Effort;
    use crate::validate::validate;

    fn planned(text: &str) -> (Roadmap, Plan) {
        let parsed = parse_str("t.toml".into(), text.to_string());
        let validated = validate(&parsed.raw.unwrap(), parsed.findings);
        let roadmap = validated.roadmap.expect("valid");
        let options = Options {
            effort: Effort::Fast,
            seed: 42,
        };
        let plan = plan(&roadmap, &options).unwrap();
        (roadmap, plan)
    }

    const HEAD: &str = "[roadmap]\nname = \"T\"\nstart = 2030-01-01\n[[objective]]\nid = \"o\"\n[[actor]]\nid = \"a\"\nkind = \"public\"\n[[resource]]\nid = \"team\"\ncapacity = 1\n[[funding]]\nid = \"open\"\namount = 10\n[[funding]]\nid = \"capped\"\namount = 1000\nper_year = 100\n[[funding]]\nid = \"late\"\namount = 10\nfrom = 2030-06-01\nuntil = 2030-06-30\n";

    fn project(id: &str, extra: &str) -> String {
        let duration = if extra.contains("duration") {
            ""
        } else {
            "duration = \"10 days\"\n"
        };
        format!(
            "[[project]]\nid = \"{id}\"\nlead = \"a\"\nobjectives = [\"o\"]\n{duration}{extra}\n"
        )
    }

    fn index(roadmap: &Roadmap, id: &str) -> usize {
        roadmap.projects.iter().position(|p| p.id == id).unwrap()
    }

    #[test]
    fn why_each_project_starts_when_it_does_is_in_model_terms() {
        let text = [
            HEAD.to_string(),
            project("first", "resources = { team = 1 }"),
            project("second", "resources = { team = 1 }\npriority = 5"),
            project(
                "after",
                "[[project.depends_on]]\nproject = \"first\"\ntype = \"SS\"",
            ),
            project("released", "earliest_start = 2030-03-01"),
            // A source paying at most 100 a year: once `paid` has taken 2030's cap, `waits`
            // (lower priority) is held to the next year by it.
            project("paid", "cost = 100\nfunding = { capped = 100 }"),
            project(
                "waits",
                "cost = 100\nfunding = { capped = 100 }\npriority = 5",
            ),
        ]
        .concat();
        let (roadmap, plan) = planned(&text);
        let held = |id: &str| plan.projects[index(&roadmap, id)].held_back;
        assert_eq!(held("first"), HeldBack::Nothing);
        assert_eq!(
            held("second"),
            HeldBack::Resource {
                resource: 0,
                by: index(&roadmap, "first")
            }
        );
        assert_eq!(
            held("after"),
            HeldBack::Dependency {
                project: index(&roadmap, "first"),
                kind: LinkKind::StartToStart
            }
        );
        assert_eq!(
            held("released"),
            HeldBack::Release {
                date: NaiveDate::from_ymd_opt(2030, 3, 1).unwrap()
            }
        );
        assert_eq!(
            held("waits"),
            HeldBack::YearlyCap {
                source: 1,
                year: 2030
            }
        );
    }

    #[test]
    fn missed_due_dates_are_computed_once_with_their_days() {
        let text = [
            HEAD.to_string(),
            project("slow", "duration = \"40 days\"\ndeadline = 2030-01-20"),
            project(
                "windowed",
                "duration = \"60 days\"\ncost = 10\nfunding = { late = 10 }",
            ),
        ]
        .concat();
        let (roadmap, plan) = planned(&text);
        assert_eq!(
            plan.projects[index(&roadmap, "slow")].missed,
            vec![Missed::Deadline {
                deadline: NaiveDate::from_ymd_opt(2030, 1, 20).unwrap(),
                days: 20
            }]
        );
        let windowed = &plan.projects[index(&roadmap, "windowed")];
        assert_eq!(windowed.start, NaiveDate::from_ymd_opt(2030, 6, 1).unwrap());
        assert_eq!(
            windowed.missed,
            vec![Missed::WindowCloses {
                contribution: 0,
                source: 2,
                until: NaiveDate::from_ymd_opt(2030, 6, 30).unwrap(),
                days: 30
            }]
        );
        // The findings say the same, one each.
        let codes: Vec<_> = crate::findings::of(&roadmap, &plan)
            .iter()
            .map(|f| f.code)
            .collect();
        assert_eq!(
            codes,
            [
                crate::diag::Code::MissedDeadline,
                crate::diag::Code::OutsideFundingWindow
            ]
        );
    }

    #[test]
    fn the_start_order_breaks_ties_by_dependency_order() {
        // Both start on day 0: the higher priority (1) comes first, although later in the file.
        let text = [
            HEAD.to_string(),
            project("low", "priority = 5"),
            project("high", "priority = 1"),
            project("later", "earliest_start = 2030-02-01"),
        ]
        .concat();
        let (roadmap, plan) = planned(&text);
        let ids: Vec<_> = plan
            .start_order
            .iter()
            .map(|&p| roadmap.projects[p].id.as_str())
            .collect();
        assert_eq!(ids, ["high", "low", "later"]);
    }
}
