//! Two planned roadmaps compared by project id: what was added, removed or changed, how far
//! every project's start and finish moved, the critical path, and funding and resource totals.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::display::{amount, units};
use crate::model::{Project, Roadmap};
use crate::plan::{HeldBack, Plan};

/// One side of the comparison.
pub struct Side<'a> {
    /// What to call it ("HEAD~1:roadmap.toml", a file name).
    pub name: &'a str,
    pub roadmap: &'a Roadmap,
    pub plan: &'a Plan,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Diff {
    pub old: String,
    pub new: String,
    pub finish: Moved,
    pub added: Vec<Listed>,
    pub removed: Vec<Listed>,
    /// Projects in both whose definition changed or whose dates moved, in the new plan's
    /// start order.
    pub changed: Vec<Changed>,
    pub critical_path: CriticalPath,
    pub cost: Totals,
    pub funding: Vec<Amounts>,
    pub resources: Vec<Amounts>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Moved {
    pub old: NaiveDate,
    pub new: NaiveDate,
    /// Days later (negative: earlier).
    pub slip_days: i64,
}

impl Moved {
    fn new(old: NaiveDate, new: NaiveDate) -> Moved {
        Moved {
            old,
            new,
            slip_days: (new - old).num_days(),
        }
    }
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Listed {
    pub id: String,
    pub name: String,
    pub start: NaiveDate,
    pub finish: NaiveDate,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Changed {
    pub id: String,
    pub name: String,
    pub start: Moved,
    pub finish: Moved,
    /// Keys whose value changed.
    pub fields: Vec<FieldChange>,
    /// Critical in the old plan / in the new plan.
    pub critical: (bool, bool),
    /// Why it starts when it does in the new plan, when its start moved: what now holds it.
    pub moved_by: Option<crate::i18n::Text>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FieldChange {
    pub key: &'static str,
    pub old: String,
    pub new: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CriticalPath {
    pub old: Vec<String>,
    pub new: Vec<String>,
    pub changed: bool,
    /// Projects in both plans that are critical only in the new one.
    pub now_critical: Vec<String>,
    /// Projects in both plans that are critical only in the old one.
    pub no_longer_critical: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Totals {
    pub old: f64,
    pub new: f64,
}

/// A funding source (amount, committed) or a resource (capacity, peak) in both plans; `None`
/// where it does not exist.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Amounts {
    pub id: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
    /// Committed (funding) or peak use (resources).
    pub old_used: Option<f64>,
    pub new_used: Option<f64>,
}

impl Amounts {
    pub fn is_changed(&self) -> bool {
        self.old != self.new || self.old_used != self.new_used
    }
}

/// The duration as written: `6m`, or `4m/6m/12m` for a three-point estimate.
pub fn duration_text(p: &Project) -> String {
    match p.estimate {
        Some(e) => format!("{}/{}/{}", e.optimistic, e.likely, e.pessimistic),
        None => p.duration.to_string(),
    }
}

/// The keys of a project as comparable text (ids instead of indices).
fn fields(roadmap: &Roadmap, p: &Project) -> Vec<(&'static str, String)> {
    let ids = |list: Vec<String>| list.join(", ");
    vec![
        ("name", p.name.clone()),
        ("duration", duration_text(p)),
        ("priority", p.priority.to_string()),
        (
            "depends_on",
            ids(p
                .depends_on
                .iter()
                .map(|d| crate::calendar::link_label(&roadmap.projects[d.on].id, d.kind, d.lag))
                .collect()),
        ),
        (
            "earliest_start",
            p.earliest_start.map_or(String::new(), |d| d.to_string()),
        ),
        (
            "deadline",
            p.deadline.map_or(String::new(), |d| d.to_string()),
        ),
        ("lead", roadmap.actors[p.lead].id.clone()),
        (
            "participants",
            ids(p
                .participants
                .iter()
                .map(|&a| roadmap.actors[a].id.clone())
                .collect()),
        ),
        (
            "resources",
            ids(p
                .resources
                .iter()
                .map(|d| format!("{}={}", roadmap.resources[d.resource].id, units(d.units)))
                .collect()),
        ),
        ("cost", p.cost.map_or(String::new(), amount)),
        (
            "funding",
            ids(p
                .funding
                .iter()
                .map(|c| format!("{}={}", roadmap.funding[c.source].id, amount(c.amount)))
                .collect()),
        ),
        ("status", p.status.as_str().to_string()),
    ]
}

pub fn diff(old: &Side, new: &Side) -> Diff {
    let (old_index, new_index) = (index(old), index(new));
    let changes = changes(old, new, &old_index);
    let (old_path, new_path) = (critical_path(old), critical_path(new));
    Diff {
        old: old.name.to_string(),
        new: new.name.to_string(),
        finish: Moved::new(old.plan.finish(), new.plan.finish()),
        added: only_in(new, &old_index),
        removed: only_in(old, &new_index),
        changed: changes.changed,
        critical_path: CriticalPath {
            changed: old_path != new_path,
            old: old_path,
            new: new_path,
            now_critical: changes.now_critical,
            no_longer_critical: changes.no_longer_critical,
        },
        cost: Totals {
            old: old.roadmap.total_cost(),
            new: new.roadmap.total_cost(),
        },
        funding: funding(old, new),
        resources: resources(old, new),
    }
}

/// Project ids of one side, to their index.
fn index<'a>(side: &Side<'a>) -> HashMap<&'a str, usize> {
    side.roadmap
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect()
}

/// The projects of `side` whose ids the other side (`other`) does not have, in start order.
fn only_in(side: &Side, other: &HashMap<&str, usize>) -> Vec<Listed> {
    side.plan
        .start_order
        .iter()
        .copied()
        .filter(|&i| !other.contains_key(side.roadmap.projects[i].id.as_str()))
        .map(|i| Listed {
            id: side.roadmap.projects[i].id.clone(),
            name: side.roadmap.projects[i].name.clone(),
            start: side.plan.projects[i].start,
            finish: side.plan.projects[i].finish,
        })
        .collect()
}

/// Projects on both sides that moved or changed, and those that became (or stopped being)
/// critical, in the new side's start order.
struct Changes {
    changed: Vec<Changed>,
    now_critical: Vec<String>,
    no_longer_critical: Vec<String>,
}

fn changes(old: &Side, new: &Side, old_index: &HashMap<&str, usize>) -> Changes {
    let mut out = Changes {
        changed: Vec::new(),
        now_critical: Vec::new(),
        no_longer_critical: Vec::new(),
    };
    for &j in &new.plan.start_order {
        let p = &new.roadmap.projects[j];
        let Some(&i) = old_index.get(p.id.as_str()) else {
            continue;
        };
        let (a, b) = (&old.plan.projects[i], &new.plan.projects[j]);
        let before = fields(old.roadmap, &old.roadmap.projects[i]);
        let after = fields(new.roadmap, p);
        let field_changes: Vec<FieldChange> = before
            .into_iter()
            .zip(after)
            .filter(|(x, y)| x.1 != y.1)
            .map(|((key, old), (_, new))| FieldChange { key, old, new })
            .collect();
        match (a.critical, b.critical) {
            (false, true) => out.now_critical.push(p.id.clone()),
            (true, false) => out.no_longer_critical.push(p.id.clone()),
            _ => {}
        }
        if field_changes.is_empty() && a.start == b.start && a.finish == b.finish {
            continue;
        }
        out.changed.push(Changed {
            id: p.id.clone(),
            name: p.name.clone(),
            start: Moved::new(a.start, b.start),
            finish: Moved::new(a.finish, b.finish),
            fields: field_changes,
            critical: (a.critical, b.critical),
            moved_by: (a.start != b.start).then(|| held_by(new, j, old, old_index)),
        });
    }
    out
}

/// What holds project `j` of the new side at its start, in words, from the plan's
/// [`HeldBack`]: "after `x` (FS), which moved +30 days", "`team` freed by `y`", "the yearly
/// cap of `erdf` in 2024", "its earliest day, 2024-01-01", or "nothing: starts with the plan".
fn held_by(
    new: &Side,
    j: usize,
    old: &Side,
    old_index: &HashMap<&str, usize>,
) -> crate::i18n::Text {
    use crate::i18n::{Arg, text};
    let id = |p: usize| new.roadmap.projects[p].id.as_str();
    // How far another project moved between the plans, when it is on both sides and moved.
    let moved = |p: usize, old_day: fn(&crate::plan::ProjectPlan) -> NaiveDate| {
        let i = *old_index.get(id(p))?;
        let days = (old_day(&new.plan.projects[p]) - old_day(&old.plan.projects[i])).num_days();
        (days != 0).then(|| {
            let sign = if days > 0 { "+" } else { "" };
            Arg::from(text!("moved-by-days", days = format!("{sign}{days}")))
        })
    };
    let none = || Arg::Str(String::new());
    match new.plan.projects[j].held_back {
        HeldBack::Nothing => text!("moved-nothing"),
        HeldBack::Release { date } => text!("moved-release", date = date),
        HeldBack::Dependency { project, kind } => {
            let day: fn(&crate::plan::ProjectPlan) -> NaiveDate = match kind {
                crate::calendar::LinkKind::StartToStart => |p: &crate::plan::ProjectPlan| p.start,
                _ => |p: &crate::plan::ProjectPlan| p.finish,
            };
            text!(
                "moved-after",
                project = id(project),
                kind = kind.code(),
                moved = moved(project, day).unwrap_or_else(none),
            )
        }
        HeldBack::Resource { resource, by } => text!(
            "moved-resource",
            resource = &new.roadmap.resources[resource].id,
            by = id(by),
            moved = moved(by, |p| p.finish).unwrap_or_else(none),
        ),
        HeldBack::Capacity { resource } => text!(
            "moved-capacity",
            resource = &new.roadmap.resources[resource].id
        ),
        HeldBack::YearlyCap { source, year } => text!(
            "moved-cap",
            source = &new.roadmap.funding[source].id,
            year = Arg::Str(year.to_string()),
        ),
    }
}

fn critical_path(side: &Side) -> Vec<String> {
    side.plan
        .solution
        .critical_chains
        .first()
        .map(|chain| {
            chain
                .iter()
                .map(|&i| side.roadmap.projects[i].id.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// Every funding source of either side: its amount and what is committed.
fn funding(old: &Side, new: &Side) -> Vec<Amounts> {
    amounts(
        old.roadmap.funding.iter().map(|f| f.id.as_str()),
        new.roadmap.funding.iter().map(|f| f.id.as_str()),
        |side_new, id| {
            let roadmap = if side_new { new.roadmap } else { old.roadmap };
            let s = roadmap.funding.iter().position(|f| f.id == id)?;
            Some((roadmap.funding[s].amount, roadmap.committed()[s]))
        },
    )
}

/// Every resource of either side: its capacity and the plan's peak use.
fn resources(old: &Side, new: &Side) -> Vec<Amounts> {
    amounts(
        old.roadmap.resources.iter().map(|r| r.id.as_str()),
        new.roadmap.resources.iter().map(|r| r.id.as_str()),
        |side_new, id| {
            let side = if side_new { new } else { old };
            let r = side.roadmap.resources.iter().position(|r| r.id == id)?;
            Some((side.roadmap.resources[r].capacity, side.plan.peak(r)))
        },
    )
}

/// Ids of both sides (old order, then new ones), with `values(is_new, id)`.
fn amounts<'a>(
    old: impl Iterator<Item = &'a str>,
    new: impl Iterator<Item = &'a str>,
    values: impl Fn(bool, &str) -> Option<(f64, f64)>,
) -> Vec<Amounts> {
    let mut ids: Vec<&str> = old.collect();
    for id in new {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.into_iter()
        .map(|id| {
            let (o, n) = (values(false, id), values(true, id));
            Amounts {
                id: id.to_string(),
                old: o.map(|v| v.0),
                new: n.map(|v| v.0),
                old_used: o.map(|v| v.1),
                new_used: n.map(|v| v.1),
            }
        })
        .collect()
}

impl Diff {
    /// Nothing changed at all.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.finish.slip_days == 0
            && !self.critical_path.changed
            && self.cost.old == self.cost.new
            && !self.funding.iter().any(Amounts::is_changed)
            && !self.resources.iter().any(Amounts::is_changed)
    }
}
