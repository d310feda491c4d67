//! Objective roll-ups, part of the plan: the projects serving each objective, with their dates,
//! cost, committed funding and criticality, for every view that groups or totals by objective.
//!
//! A project serving several objectives is *shared*: it is listed, and counted in full, under
//! each objective it serves (a project cannot be cut in parts that serve one objective each,
//! and each objective owner needs to see everything their objective depends on). So the
//! objectives' totals add up to more than the plan's, by the shared projects; the plan's own
//! total counts every project once. Projects serving no objective form a last group.

use chrono::NaiveDate;

use crate::model::{Project, Roadmap};
use crate::plan::ProjectPlan;

/// One objective's projects as planned, or (with `objective: None`) the projects serving none.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectivePlan {
    /// Index of the objective; `None` for the group of projects serving no objective.
    pub objective: Option<usize>,
    /// Every project serving it, in the plan's start order.
    pub projects: Vec<usize>,
    /// How many of `projects` also serve another objective.
    pub shared: usize,
    /// First day of its earliest project (`None` when no project serves it).
    pub start: Option<NaiveDate>,
    /// Last day of its latest project.
    pub finish: Option<NaiveDate>,
    /// The sum of its projects' costs, shared ones in full.
    pub cost: f64,
    /// The part of `cost` that shared projects bring.
    pub shared_cost: f64,
    /// The sum of its projects' funding contributions, shared ones in full.
    pub committed: f64,
    /// Does a critical project serve it?
    pub critical: bool,
}

impl ObjectivePlan {
    /// Days from its start to its finish, both included (0 when no project serves it).
    pub fn days(&self) -> i64 {
        match (self.start, self.finish) {
            (Some(start), Some(finish)) => (finish - start).num_days() + 1,
            _ => 0,
        }
    }
}

/// Does the project serve more than one objective?
pub fn is_shared(project: &Project) -> bool {
    project
        .objectives
        .iter()
        .any(|&o| o != project.objectives[0])
}

/// Every objective in roadmap order (also those no project serves), then the projects serving
/// no objective when there are any. `start_order` is the plan's reading order of projects.
pub fn roll_up(
    roadmap: &Roadmap,
    projects: &[ProjectPlan],
    start_order: &[usize],
) -> Vec<ObjectivePlan> {
    let empty = |objective| ObjectivePlan {
        objective,
        projects: Vec::new(),
        shared: 0,
        start: None,
        finish: None,
        cost: 0.0,
        shared_cost: 0.0,
        committed: 0.0,
        critical: false,
    };
    let mut groups: Vec<ObjectivePlan> = (0..roadmap.objectives.len())
        .map(|o| empty(Some(o)))
        .collect();
    let mut aimless = empty(None);
    for &p in start_order {
        let project = &roadmap.projects[p];
        let shared = is_shared(project);
        let mut serves: Vec<usize> = project.objectives.clone();
        serves.sort_unstable();
        serves.dedup();
        let targets: Vec<&mut ObjectivePlan> = if serves.is_empty() {
            vec![&mut aimless]
        } else {
            groups
                .iter_mut()
                .filter(|g| g.objective.is_some_and(|o| serves.contains(&o)))
                .collect()
        };
        let planned = &projects[p];
        for group in targets {
            group.start = Some(group.start.map_or(planned.start, |s| s.min(planned.start)));
            group.finish = Some(
                group
                    .finish
                    .map_or(planned.finish, |f| f.max(planned.finish)),
            );
            let cost = project.cost.unwrap_or(0.0);
            group.cost += cost;
            group.committed += project.funded();
            group.critical |= planned.critical;
            if shared {
                group.shared += 1;
                group.shared_cost += cost;
            }
            group.projects.push(p);
        }
    }
    if !aimless.projects.is_empty() {
        groups.push(aimless);
    }
    groups
}

#[cfg(test)]
mod tests {
    use crate::plan::plan;
    use crate::schedule::Options;

    #[test]
    fn a_shared_project_counts_in_full_under_each_objective() {
        let text = r#"
[roadmap]
start = 2020-01-01
[[objective]]
id = "a"
[[objective]]
id = "b"
[[objective]]
id = "c"
[[actor]]
id = "x"
[[project]]
id = "both"
duration = "10d"
lead = "x"
objectives = ["a", "b"]
cost = 100
[[project]]
id = "only-a"
duration = "5d"
lead = "x"
objectives = ["a"]
depends_on = ["both"]
cost = 50
[[project]]
id = "none"
duration = "3d"
lead = "x"
"#;
        let parsed = crate::model::load::parse_str("t.toml".into(), text.to_string());
        let validated = crate::validate::validate(&parsed.raw.unwrap(), parsed.findings);
        let roadmap = validated.roadmap.expect("valid");
        let plan = plan(&roadmap, &Options::default()).unwrap();
        let groups = &plan.objectives;
        assert_eq!(groups.len(), 4);
        let (a, b, c, none) = (&groups[0], &groups[1], &groups[2], &groups[3]);
        assert_eq!(
            (a.projects.clone(), a.shared, a.cost),
            (vec![0, 1], 1, 150.0)
        );
        assert_eq!(a.shared_cost, 100.0);
        assert_eq!((b.projects.clone(), b.shared, b.cost), (vec![0], 1, 100.0));
        assert_eq!((a.days(), b.days()), (15, 10));
        assert!(c.projects.is_empty() && c.start.is_none() && c.days() == 0);
        assert_eq!((none.objective, none.projects.clone()), (None, vec![2]));
    }
}
