//! Every objective should be served by a project and every actor should have a role.

use crate::diag::{Code, Diagnostic};
use crate::model::Roadmap;

pub fn check(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    let mut served = vec![false; roadmap.objectives.len()];
    let mut has_role = vec![false; roadmap.actors.len()];
    for project in &roadmap.projects {
        for &o in &project.objectives {
            served[o] = true;
        }
        // A project whose lead failed to resolve points at actor 0; that file has errors anyway.
        if let Some(lead) = has_role.get_mut(project.lead) {
            *lead = true;
        }
        for &a in &project.participants {
            has_role[a] = true;
        }
    }
    // Leading a programme is a role too.
    for lead in roadmap.programmes.iter().filter_map(|p| p.lead) {
        has_role[lead] = true;
    }
    let objective_ids = usable_ids(roadmap.objectives.iter().map(|o| o.id.as_str()));
    for (o, objective) in roadmap.objectives.iter().enumerate() {
        if served[o] || !objective_ids[o] {
            continue;
        }
        findings.push(
            Diagnostic::new(
                Code::UnusedObjective,
                crate::i18n::text!("w-unused-objective", id = &objective.id),
            )
            .at(objective.at.clone())
            .with_help(crate::i18n::text!(
                "w-unused-objective-help",
                id = &objective.id
            )),
        );
    }
    let actor_ids = usable_ids(roadmap.actors.iter().map(|a| a.id.as_str()));
    for (a, actor) in roadmap.actors.iter().enumerate() {
        if has_role[a] || !actor_ids[a] {
            continue;
        }
        findings.push(
            Diagnostic::new(
                Code::IdleActor,
                crate::i18n::text!("w-idle-actor", id = &actor.id),
            )
            .at(actor.at.clone())
            .with_help(crate::i18n::text!("w-idle-actor-help")),
        );
    }
}

/// Which entries have an id references can reach: present, and the first of its name (a
/// missing or duplicate id is an error reported already; no warning piles on top).
fn usable_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<bool> {
    let mut seen = std::collections::HashSet::new();
    ids.map(|id| !id.is_empty() && seen.insert(id)).collect()
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::validate::test_support::*;

    #[test]
    fn unserved_objective_and_idle_actor() {
        let text = format!(
            "{PREAMBLE}\n[[objective]]\nid = \"lonely\"\n\n[[actor]]\nid = \"idle\"\n{}",
            project("x", ""),
        );
        assert_eq!(
            findings(&text),
            vec![(Code::UnusedObjective, 13, 6), (Code::IdleActor, 16, 6)]
        );
    }
}
