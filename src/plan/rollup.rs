//! Programme roll-ups, part of the plan: each programme's dates, cost, committed funding and
//! criticality from the projects in it and in its sub-programmes, and the outline (programmes
//! and projects as a tree, with WBS codes) every view shows. Computed once when planning.

use chrono::NaiveDate;

use crate::model::Roadmap;
use crate::plan::ProjectPlan;

/// A programme as planned, rolled up from everything it contains.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammePlan {
    /// First day of its earliest project (`None` when it has no projects).
    pub start: Option<NaiveDate>,
    /// Last day of its latest project.
    pub finish: Option<NaiveDate>,
    /// The sum of its projects' costs.
    pub cost: f64,
    /// The sum of its projects' funding contributions.
    pub committed: f64,
    /// Does it contain a critical project?
    pub critical: bool,
    /// Every project in it or in its sub-programmes, in project order.
    pub projects: Vec<usize>,
    /// 0 for a top-level programme.
    pub depth: usize,
    /// Its outline number, e.g. "2.1".
    pub wbs: String,
}

impl ProgrammePlan {
    /// Days from its start to its finish, both included (0 when it has no projects).
    pub fn days(&self) -> i64 {
        match (self.start, self.finish) {
            (Some(start), Some(finish)) => (finish - start).num_days() + 1,
            _ => 0,
        }
    }
}

/// What one row of the outline shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Programme(usize),
    Project(usize),
}

/// A row of the outline: a programme or a project, at its depth, with its WBS code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineRow {
    pub item: Item,
    /// 0 at the top level.
    pub depth: usize,
    /// "1", "1.2", "1.2.3".
    pub wbs: String,
}

/// Rolls up every programme and lays out the outline. `position` is each project's place in
/// the plan's dependency order (ties among projects starting the same day).
pub fn roll_up(
    roadmap: &Roadmap,
    projects: &[ProjectPlan],
    position: &[usize],
) -> (Vec<ProgrammePlan>, Vec<OutlineRow>) {
    let mut plans: Vec<ProgrammePlan> = roadmap
        .programmes
        .iter()
        .map(|_| ProgrammePlan {
            start: None,
            finish: None,
            cost: 0.0,
            committed: 0.0,
            critical: false,
            projects: Vec::new(),
            depth: 0,
            wbs: String::new(),
        })
        .collect();
    for (p, project) in roadmap.projects.iter().enumerate() {
        let Some(programme) = project.programme else {
            continue;
        };
        let planned = &projects[p];
        for q in roadmap.programme_path(programme) {
            let plan = &mut plans[q];
            plan.start = Some(plan.start.map_or(planned.start, |s| s.min(planned.start)));
            plan.finish = Some(
                plan.finish
                    .map_or(planned.finish, |f| f.max(planned.finish)),
            );
            plan.cost += project.cost.unwrap_or(0.0);
            plan.committed += project.funded();
            plan.critical |= planned.critical;
            plan.projects.push(p);
        }
    }
    let outline = outline(roadmap, projects, position, &plans);
    for row in &outline {
        if let Item::Programme(q) = row.item {
            plans[q].depth = row.depth;
            plans[q].wbs.clone_from(&row.wbs);
        }
    }
    (plans, outline)
}

/// The tree in reading order: siblings by start (programmes without projects last), a
/// programme before a project starting the same day, then file or dependency order.
fn outline(
    roadmap: &Roadmap,
    projects: &[ProjectPlan],
    position: &[usize],
    plans: &[ProgrammePlan],
) -> Vec<OutlineRow> {
    // Children of each programme, and of the top level (the last slot).
    let top = roadmap.programmes.len();
    let mut children: Vec<Vec<Item>> = vec![Vec::new(); top + 1];
    for (q, programme) in roadmap.programmes.iter().enumerate() {
        children[programme.parent.unwrap_or(top)].push(Item::Programme(q));
    }
    for (p, project) in roadmap.projects.iter().enumerate() {
        children[project.programme.unwrap_or(top)].push(Item::Project(p));
    }
    let key = |item: &Item| match *item {
        Item::Programme(q) => (plans[q].start.is_none(), plans[q].start, 0, q),
        Item::Project(p) => (false, Some(projects[p].start), 1, position[p]),
    };
    for list in &mut children {
        list.sort_by_key(key);
    }
    let mut rows = Vec::new();
    let mut visited = vec![false; top];
    // Depth-first with an explicit stack: (item, depth, wbs).
    let mut stack: Vec<(Item, usize, String)> = children[top]
        .iter()
        .enumerate()
        .rev()
        .map(|(n, &item)| (item, 0, (n + 1).to_string()))
        .collect();
    while let Some((item, depth, wbs)) = stack.pop() {
        if let Item::Programme(q) = item {
            // A cycle of parents is an error, so never planned; this only guards the loop.
            if std::mem::replace(&mut visited[q], true) {
                continue;
            }
            for (n, &child) in children[q].iter().enumerate().rev() {
                stack.push((child, depth + 1, format!("{wbs}.{}", n + 1)));
            }
        }
        rows.push(OutlineRow { item, depth, wbs });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::plan;
    use crate::schedule::Options;

    fn planned(text: &str) -> (Roadmap, crate::plan::Plan) {
        let parsed = crate::model::load::parse_str("t.toml".into(), text.to_string());
        let validated = crate::validate::validate(&parsed.raw.unwrap(), parsed.findings);
        let roadmap = validated.roadmap.expect("valid");
        let plan = plan(&roadmap, &Options::default()).unwrap();
        (roadmap, plan)
    }

    #[test]
    fn a_programme_spans_its_projects_and_sums_their_money() {
        let (roadmap, plan) = planned(
            r#"
[roadmap]
start = 2020-01-01
[[actor]]
id = "a"
[[funding]]
id = "f"
amount = 1000
[[programme]]
id = "top"
[[programme]]
id = "sub"
parent = "top"
lead = "a"
[[project]]
id = "x"
duration = "10d"
lead = "a"
programme = "sub"
cost = 100
funding = { f = 60 }
[[project]]
id = "y"
duration = "5d"
lead = "a"
programme = "top"
depends_on = ["x"]
cost = 50
[[project]]
id = "z"
duration = "3d"
lead = "a"
"#,
        );
        let top = &plan.programmes[0];
        assert_eq!(top.start, Some("2020-01-01".parse().unwrap()));
        assert_eq!(top.finish, Some("2020-01-15".parse().unwrap()));
        assert_eq!((top.cost, top.committed), (150.0, 60.0));
        assert!(top.critical);
        assert_eq!(top.projects, vec![0, 1]);
        let sub = &plan.programmes[1];
        assert_eq!(sub.finish, Some("2020-01-10".parse().unwrap()));
        assert_eq!((sub.depth, sub.wbs.as_str()), (1, "1.1"));
        let rows: Vec<(Item, usize, &str)> = plan
            .outline
            .iter()
            .map(|r| (r.item, r.depth, r.wbs.as_str()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (Item::Programme(0), 0, "1"),
                (Item::Programme(1), 1, "1.1"),
                (Item::Project(0), 2, "1.1.1"),
                (Item::Project(1), 1, "1.2"),
                (Item::Project(2), 0, "2"),
            ]
        );
        let _ = roadmap;
    }
}
