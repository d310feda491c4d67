//! Work resources and the assignments that give projects their `resources`.

use std::collections::HashMap;

use roxmltree::Node;

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
            let mut comments = Vec::new();
            if child(node, "AvailabilityPeriods")
                .is_some_and(|a| children(a, "AvailabilityPeriod").count() > 1)
            {
                let message = format!(
                    "resource \"{id}\": availability that changes over time is not kept; its capacity is its <MaxUnits>"
                );
                self.draft.note(at, message.clone());
                comments.push(format!("import: {message}"));
            }
            self.draft.resources.push(Resource {
                id: id.clone(),
                name: Some(name),
                capacity: number(node, "MaxUnits").unwrap_or(1.0).max(0.0),
                unit,
                description,
                comments,
                origins,
            });
            by_uid.insert(uid.to_string(), id);
        }
        by_uid
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
