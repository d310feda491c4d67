//! Work resources and the assignments that give projects their `resources`.

use std::collections::HashMap;

use roxmltree::Node;

use chrono::NaiveDate;

use crate::calendar::Span;
use crate::import::draft::{Origins, Resource};
use crate::import::{Ids, slug};

use super::{Reader, child, children, flag, number, text};

impl<'a, 'i> Reader<'a, 'i> {
    /// Work resources, by UID → resource id; other kinds become notes.
    pub(super) fn resources(&mut self, root: Node<'a, 'i>) -> HashMap<String, String> {
        let mut by_uid = HashMap::new();
        let mut ids = Ids::default();
        for node in child(root, "Resources")
            .into_iter()
            .flat_map(|r| children(r, "Resource"))
        {
            let Some(uid) = text(node, "UID") else {
                continue;
            };
            let name = text(node, "Name");
            if flag(node, "IsNull") || (uid == "0" && name.is_none()) {
                continue;
            }
            let at = self.xml.at(node);
            let name = name.unwrap_or(uid).to_string();
            let kind = text(node, "Type").unwrap_or("1");
            if kind != "1" {
                let what = if kind == "0" { "material" } else { "cost" };
                self.draft.note(
                    at,
                    format!("resource \"{name}\" is a {what} resource: only work resources with a capacity can be expressed; left out (task costs are kept)"),
                );
                continue;
            }
            // `roadmap export` writes the resource's id as its initials; people's initials
            // ("IT", "JS") make poor ids, the name is better then.
            let initials = text(node, "Initials").filter(|i| {
                i.chars().count() >= 2
                    && i.chars().any(|c| c.is_lowercase() || c == '-' || c == '_')
            });
            let wanted = initials
                .filter(|i| crate::validate::is_well_formed(i))
                .map(str::to_string)
                .or_else(|| Some(slug(&name)).filter(|s| !s.is_empty()))
                .unwrap_or_else(|| format!("resource-{uid}"));
            let id = ids.unique(wanted);
            let mut origins = Origins::new(at.clone());
            if let Some(element) = child(node, "MaxUnits") {
                origins.set("capacity", self.xml.at(element));
            }
            let notes = text(node, "Notes").unwrap_or_default();
            let (unit, description) = match notes.strip_prefix("capacity in ") {
                Some(unit) if !unit.contains('\n') => (Some(unit.to_string()), None),
                _ => (None, (!notes.is_empty()).then(|| notes.to_string())),
            };
            let mut capacity = number(node, "MaxUnits").unwrap_or(1.0).max(0.0);
            let periods = self.availability(node);
            let mut changes = Vec::new();
            if periods.len() > 1
                && let Some(start) = self.draft.start
            {
                (capacity, changes) = capacity_steps(&periods, start);
                if let Some(element) = child(node, "AvailabilityPeriods") {
                    origins.set("changes", self.xml.at(element));
                }
            }
            self.draft.resources.push(Resource {
                id: id.clone(),
                name: Some(name),
                capacity,
                changes,
                unit,
                description,
                comments: Vec::new(),
                origins,
            });
            by_uid.insert(uid.to_string(), id);
        }
        by_uid
    }

    /// A resource's `<AvailabilityPeriods>`: `(first day, last day, units)` by first day; a
    /// period with no `<AvailableTo>`, or one in 2049 or later (MS Project writes its last
    /// date, 2049-12-31, for "no end"), runs on for ever.
    fn availability(&mut self, node: Node<'a, 'i>) -> Vec<(NaiveDate, NaiveDate, f64)> {
        let mut periods: Vec<(NaiveDate, NaiveDate, f64)> = Vec::new();
        for period in child(node, "AvailabilityPeriods")
            .into_iter()
            .flat_map(|a| children(a, "AvailabilityPeriod"))
        {
            let Some(from) = self.date(period, "AvailableFrom") else {
                continue;
            };
            let to = self
                .date(period, "AvailableTo")
                .map(|t| t.date())
                .filter(|&to| to < FAR)
                .unwrap_or(NaiveDate::MAX);
            let units = number(period, "AvailableUnits").unwrap_or(1.0).max(0.0);
            periods.push((from.date(), to, units));
        }
        periods.sort_by_key(|p| p.0);
        periods
    }

    pub(super) fn assignments(&mut self, root: Node<'a, 'i>, resources: &HashMap<String, String>) {
        for node in child(root, "Assignments")
            .into_iter()
            .flat_map(|a| children(a, "Assignment"))
        {
            let (Some(task), Some(resource)) = (text(node, "TaskUID"), text(node, "ResourceUID"))
            else {
                continue;
            };
            // -65535 is MS Project's "no resource" placeholder.
            if resource == "-65535" {
                continue;
            }
            let at = self.xml.at(node);
            let Some(&t) = self.by_uid.get(task) else {
                continue;
            };
            let Some(id) = resources.get(resource) else {
                continue;
            };
            let units = number(node, "Units").unwrap_or(1.0);
            if units <= 0.0 {
                continue;
            }
            let Some(p) = self.project_of[t] else {
                self.draft.note(
                    at,
                    format!("resource \"{id}\" is assigned to summary task \"{}\": summary tasks hold no resources; left out", self.tasks[t].name),
                );
                continue;
            };
            let project = &mut self.draft.projects[p];
            if project.duration == Some(Span::ZERO) {
                let message = format!(
                    "milestone \"{}\" holds no resources: the assignment of \"{id}\" is left out",
                    project.id
                );
                self.draft.note(at, message);
                continue;
            }
            project.origins.set("resources", at);
            match project.resources.iter_mut().find(|(r, _)| r == id) {
                Some((_, total)) => *total += units,
                None => project.resources.push((id.clone(), units)),
            }
        }
    }
}

/// From this day on, an availability period's end means "no end".
const FAR: NaiveDate = match NaiveDate::from_ymd_opt(2049, 12, 31) {
    Some(day) => day,
    None => NaiveDate::MAX,
};

/// The capacity on the roadmap's `start` and the steps after it, from availability periods
/// sorted by first day: outside every period the resource is unavailable (0), as in MS Project.
fn capacity_steps(
    periods: &[(NaiveDate, NaiveDate, f64)],
    start: NaiveDate,
) -> (f64, Vec<(NaiveDate, f64)>) {
    // Every day the level may change: each period's first day, and the day after its last.
    let mut days: Vec<NaiveDate> = periods
        .iter()
        .flat_map(|&(from, to, _)| [Some(from), to.succ_opt()])
        .flatten()
        .filter(|&day| day > start)
        .collect();
    days.sort_unstable();
    days.dedup();
    let level = |day: NaiveDate| {
        periods
            .iter()
            .rev()
            .find(|&&(from, to, _)| from <= day && day <= to)
            .map_or(0.0, |p| p.2)
    };
    let capacity = level(start);
    let mut steps: Vec<(NaiveDate, f64)> = Vec::new();
    let mut current = capacity;
    for day in days {
        let units = level(day);
        if units != current {
            steps.push((day, units));
            current = units;
        }
    }
    (capacity, steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn availability_periods_become_capacity_steps() {
        let periods = [
            (day("2024-01-01"), day("2024-06-30"), 2.0),
            (day("2024-07-01"), day("2025-06-30"), 4.0),
            (day("2025-07-01"), NaiveDate::MAX, 1.0),
        ];
        assert_eq!(
            capacity_steps(&periods, day("2024-01-01")),
            (
                2.0,
                vec![(day("2024-07-01"), 4.0), (day("2025-07-01"), 1.0)]
            )
        );
        // Starting inside the second period; a gap is unavailable.
        let gap = [
            (day("2024-01-01"), day("2024-03-31"), 2.0),
            (day("2024-05-01"), day("2024-12-31"), 2.0),
        ];
        assert_eq!(
            capacity_steps(&gap, day("2024-02-01")),
            (
                2.0,
                vec![
                    (day("2024-04-01"), 0.0),
                    (day("2024-05-01"), 2.0),
                    (day("2025-01-01"), 0.0)
                ]
            )
        );
        assert_eq!(capacity_steps(&periods, day("2023-01-01")).0, 0.0);
    }
}
