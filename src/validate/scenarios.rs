//! `[[scenario]]` tables: ids, references to funding sources, resources and projects, and
//! values a scenario cannot have (a zero stretch, a capacity below what a project needs).

use crate::diag::{Code, Diagnostic};
use crate::display::units;
use crate::model::raw::RawScenario;
use crate::model::{Demand, Project, Resource, Scenario};

use super::ids::IdIndex;
use super::resolve::References;

pub fn resolve(
    raw: &[RawScenario],
    refs: &References<'_>,
    start: chrono::NaiveDate,
    resources: &[Resource],
    projects: &[Project],
    findings: &mut Vec<Diagnostic>,
) -> Vec<Scenario> {
    let index = IdIndex::of(raw, findings);
    raw.iter()
        .zip(&index.ids)
        .map(|(s, id)| {
            let mut scenario = Scenario {
                id: id.clone(),
                name: s
                    .name
                    .as_ref()
                    .map_or_else(|| id.clone(), |n| n.value.clone()),
                at: s.id.as_ref().map_or(s.at.clone(), |i| i.at.clone()),
                ..Scenario::default()
            };
            scenario.remove_funding = s
                .remove_funding
                .iter()
                .flatten()
                .filter_map(|f| refs.funding.resolve(f, findings))
                .collect();
            for (key, value) in s.funding.iter().flat_map(|m| &m.0) {
                if let Some(source) = refs.funding.resolve(key, findings) {
                    scenario.funding_factor.push((source, value.value.0));
                }
            }
            for (key, value) in s.funding_from.iter().flat_map(|m| &m.0) {
                if let Some(source) = refs.funding.resolve(key, findings) {
                    scenario
                        .funding_from
                        .push((source, value.value.0, value.at.clone()));
                }
            }
            for (key, value) in s.capacity.iter().flat_map(|m| &m.0) {
                let Some(r) = refs.resources.resolve(key, findings) else {
                    continue;
                };
                let capacity = value.value.0;
                // The steps stay: the scenario's capacity replaces the one from the start.
                let most = resources[r]
                    .changes
                    .iter()
                    .map(|s| s.capacity)
                    .fold(capacity, f64::max);
                let need = largest_demand_over(projects, r, most);
                if let Some((project, demand)) = need {
                    findings.push(
                        Diagnostic::error(
                            Code::OverCapacity,
                            crate::i18n::text!(
                                "e-scenario-capacity",
                                id = id,
                                resource = &resources[r].id,
                                capacity = units(capacity),
                                project = &project.id,
                                need = units(demand.units),
                            ),
                        )
                        .at(value.at.clone())
                        .with_note(demand.at.clone(), crate::i18n::text!("note-needed-here")),
                    );
                    continue;
                }
                scenario.capacity.push((r, capacity));
            }
            // Only the roadmap's own calendar has its holidays file read with it.
            (scenario.calendar, _) =
                super::calendar::resolve(s.calendar.as_ref(), None, start, findings);
            for (key, value) in s.changes.iter().flat_map(|m| &m.0) {
                let Some(r) = refs.resources.resolve(key, findings) else {
                    continue;
                };
                let steps = super::resolve::capacity_changes(&value.value, start, findings);
                let from_start = scenario
                    .capacity
                    .iter()
                    .find(|c| c.0 == r)
                    .map_or(resources[r].capacity, |c| c.1);
                let most = steps.iter().map(|s| s.capacity).fold(from_start, f64::max);
                let need = largest_demand_over(projects, r, most);
                if let Some((project, demand)) = need {
                    findings.push(
                        Diagnostic::error(
                            Code::OverCapacity,
                            format!(
                                "scenario `{id}` leaves `{}` at most {} units, but `{}` needs {}",
                                resources[r].id,
                                units(most),
                                project.id,
                                units(demand.units)
                            ),
                        )
                        .at(value.at.clone())
                        .with_note(demand.at.clone(), "needed here"),
                    );
                    continue;
                }
                scenario.changes.push((r, steps));
            }
            for (key, value) in s.effort.iter().flat_map(|m| &m.0) {
                let Some(p) = refs.projects.resolve(key, findings) else {
                    continue;
                };
                let project = &projects[p];
                if let Some((span, effort)) = super::resolve::derive_from_effort(
                    &value.value,
                    &project.id,
                    &value.at,
                    refs.resources,
                    &project.resources,
                    findings,
                ) {
                    scenario.effort.push((p, span, effort, value.at.clone()));
                }
            }
            for (key, value) in s.stretch.iter().flat_map(|m| &m.0) {
                let Some(p) = refs.projects.resolve(key, findings) else {
                    continue;
                };
                if value.value.0 <= 0.0 || value.value.0 > 1000.0 {
                    findings.push(
                        Diagnostic::error(
                            Code::InvalidValue,
                            crate::i18n::text!(
                                "e-stretch-range",
                                factor = value.value.0.to_string()
                            ),
                        )
                        .at(value.at.clone())
                        .with_help(crate::i18n::text!("e-stretch-range-help")),
                    );
                    continue;
                }
                scenario.stretch.push((p, value.value.0, value.at.clone()));
            }
            for (key, value) in s.duration.iter().flat_map(|m| &m.0) {
                if let Some(p) = refs.projects.resolve(key, findings) {
                    scenario.duration.push((p, value.value, value.at.clone()));
                }
            }
            scenario
        })
        .collect()
}

/// The project needing the most of resource `r`, when that is more than `most`.
fn largest_demand_over(projects: &[Project], r: usize, most: f64) -> Option<(&Project, &Demand)> {
    projects
        .iter()
        .flat_map(|p| p.resources.iter().map(move |d| (p, d)))
        .filter(|(_, d)| d.resource == r && d.units > most)
        .max_by(|a, b| a.1.units.total_cmp(&b.1.units))
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::validate::test_support::*;

    #[test]
    fn scenario_references_are_checked() {
        let text = format!(
            "{PREAMBLE}{}\n[[scenario]]\nid = \"s\"\nstretch = {{ x = 1.5, nope = 2 }}\nremove_funding = [\"erdf\"]\n",
            project("x", "")
        );
        assert_eq!(
            findings(&text),
            vec![
                (Code::UnknownReference, 21, 22),
                (Code::UnknownReference, 22, 19)
            ]
        );
    }
}
