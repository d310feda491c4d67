//! A Mermaid `gantt` chart of the plan, for Markdown on GitHub, GitLab and in wikis. Dates are
//! written out (no `after` links), so Mermaid draws exactly the plan's dates.

use std::collections::BTreeSet;
use std::io::{self, Write};

use crate::model::Roadmap;
use crate::plan::Plan;
use crate::plan::objectives::is_shared;
use crate::report::gantt::GroupBy;

pub fn write(
    out: &mut dyn Write,
    roadmap: &Roadmap,
    plan: &Plan,
    group_by: GroupBy,
) -> io::Result<()> {
    writeln!(out, "gantt")?;
    writeln!(out, "    title {}", text(&roadmap.name))?;
    writeln!(out, "    dateFormat YYYY-MM-DD")?;
    writeln!(out, "    axisFormat %Y-%m")?;
    // Mermaid would otherwise draw a line at the day the chart is viewed.
    writeln!(out, "    todayMarker off")?;
    let by_objective = group_by == GroupBy::Objective;
    if by_objective && roadmap.projects.iter().any(is_shared) {
        writeln!(
            out,
            "    %% (shared): the project serves several objectives and is drawn in the section of each"
        )?;
    }
    let mut used = BTreeSet::new();
    for (title, rows) in sections(roadmap, plan, group_by) {
        writeln!(out, "    section {}", text(&title))?;
        for p in rows {
            let project = &roadmap.projects[p];
            let planned = &plan.projects[p];
            let mut tags = Vec::new();
            if planned.critical {
                tags.push("crit".to_string());
            }
            if project.is_milestone() {
                tags.push("milestone".to_string());
            }
            tags.push(unique_id(&project.id, &mut used));
            tags.push(planned.start.to_string());
            tags.push(format!("{}d", planned.days));
            let name = if by_objective && is_shared(project) {
                format!("{} (shared)", text(&project.name))
            } else {
                text(&project.name)
            };
            writeln!(out, "    {name} :{}", tags.join(", "))?;
        }
    }
    Ok(())
}

/// Section titles and their rows (in start order), sections in roadmap order. By objective, a
/// section per objective that a project serves (a shared project in each), then the projects
/// serving none.
fn sections(roadmap: &Roadmap, plan: &Plan, group_by: GroupBy) -> Vec<(String, Vec<usize>)> {
    if group_by == GroupBy::Objective {
        return plan
            .objectives
            .iter()
            .filter(|group| !group.projects.is_empty())
            .map(|group| {
                let title = group.objective.map_or("No objective".to_string(), |o| {
                    roadmap.objectives[o].name.clone()
                });
                (title, group.projects.clone())
            })
            .collect();
    }
    let mut sections: Vec<(usize, String, Vec<usize>)> = Vec::new();
    for &p in &plan.start_order {
        let project = &roadmap.projects[p];
        let (key, title) = match group_by {
            GroupBy::None | GroupBy::Objective => (0, "Projects".to_string()),
            GroupBy::Lead => (project.lead, roadmap.actors[project.lead].name.clone()),
            // Mermaid sections do not nest: one per programme, titled with its whole path.
            GroupBy::Programme => {
                project
                    .programme
                    .map_or((usize::MAX, "No programme".to_string()), |q| {
                        let path: Vec<&str> = roadmap
                            .programme_path(q)
                            .iter()
                            .map(|&r| roadmap.programmes[r].name.as_str())
                            .collect();
                        let rank = plan
                            .outline
                            .iter()
                            .position(|row| row.item == crate::plan::rollup::Item::Programme(q))
                            .unwrap_or(usize::MAX - 1);
                        (rank, path.join(" / "))
                    })
            }
        };
        match sections.iter_mut().find(|s| s.0 == key) {
            Some(section) => section.2.push(p),
            None => sections.push((key, title, vec![p])),
        }
    }
    sections.sort_by_key(|s| s.0);
    sections
        .into_iter()
        .map(|(_, title, rows)| (title, rows))
        .collect()
}

/// Text on one line without the characters Mermaid reads as syntax (`:` ends a task name,
/// `#` and `;` start entities and statements, `%%` a comment).
fn text(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .map(|c| match c {
            ':' | ';' | '#' | '%' | '\n' | '\r' | '\t' => ' ',
            c => c,
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    if words.is_empty() {
        "-".to_string()
    } else {
        words.join(" ")
    }
}

/// A Mermaid task id: letters, digits and `_` only, starting with a letter, unique in the chart.
fn unique_id(id: &str, used: &mut BTreeSet<String>) -> String {
    let mut base: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
        base.insert_str(0, "p_");
    }
    let mut candidate = base.clone();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{base}_{n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_made_safe() {
        let mut used = BTreeSet::new();
        assert_eq!(
            unique_id("e01-integration.layer", &mut used),
            "e01_integration_layer"
        );
        assert_eq!(
            unique_id("e01_integration-layer", &mut used),
            "e01_integration_layer_2"
        );
        assert_eq!(unique_id("1st", &mut used), "p_1st");
        assert_eq!(text("Phase 2: pilot; #1 %%x"), "Phase 2 pilot 1 x");
    }
}
