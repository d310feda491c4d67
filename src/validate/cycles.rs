//! Dependency cycles: projects that depend on each other in a circle can never be ordered.

use std::collections::{HashMap, HashSet, VecDeque};

// Kosaraju's algorithm in petgraph is iterative; its `tarjan_scc` recurses on the graph's depth.
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::diag::{Code, Diagnostic};
use crate::model::Roadmap;

/// Reports one finding per group of projects caught in a cycle, naming a whole circle.
pub fn check(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    let projects = &roadmap.projects;
    let mut graph = DiGraph::<usize, usize>::with_capacity(projects.len(), 0);
    for i in 0..projects.len() {
        graph.add_node(i);
    }
    for (i, project) in projects.iter().enumerate() {
        for (d, dep) in project.depends_on.iter().enumerate() {
            if dep.on == i {
                findings.push(
                    Diagnostic::error(
                        Code::DependencyCycle,
                        crate::i18n::text!("e-self-dependency", id = &project.id),
                    )
                    .at(dep.at.clone())
                    .with_help(crate::i18n::text!("e-self-dependency-help")),
                );
            } else {
                graph.add_edge(NodeIndex::new(i), NodeIndex::new(dep.on), d);
            }
        }
    }
    for component in kosaraju_scc(&graph) {
        if component.len() < 2 {
            continue;
        }
        // Start from the project written first, so the finding is stable.
        let Some(first) = component
            .iter()
            .copied()
            .min_by_key(|n| projects[n.index()].at.start)
        else {
            continue;
        };
        let path = circle_through(&graph, first, &component);
        let names = cycle_names(&path, |n| projects[n].id.as_str());
        let (from, to) = (path[0], path[1]);
        let entry = projects[from]
            .depends_on
            .iter()
            .find(|d| d.on == to)
            .map_or(projects[from].at.clone(), |d| d.at.clone());
        findings.push(
            Diagnostic::error(
                Code::DependencyCycle,
                crate::i18n::text!("e-dependency-cycle", path = names.join(" -> ")),
            )
            .at(entry)
            .with_help(crate::i18n::text!("e-dependency-cycle-help")),
        );
    }
}

/// Most ids a cycle's message names; a longer cycle shows its two ends and how many are between.
const CYCLE_IDS_SHOWN: usize = 40;

/// The ids of a cycle's path, or of its first and last stretches with a count between them.
fn cycle_names<'a>(path: &[usize], id: impl Fn(usize) -> &'a str) -> Vec<String> {
    if path.len() <= CYCLE_IDS_SHOWN {
        return path.iter().map(|&n| id(n).to_string()).collect();
    }
    let half = CYCLE_IDS_SHOWN / 2;
    let mut names: Vec<String> = path[..half].iter().map(|&n| id(n).to_string()).collect();
    names.push(format!("… {} more …", path.len() - 2 * half));
    names.extend(path[path.len() - half..].iter().map(|&n| id(n).to_string()));
    names
}

/// The shortest circle from `start` back to itself, staying inside its strongly connected
/// component. Returns project indices, first and last both `start`.
fn circle_through(
    graph: &DiGraph<usize, usize>,
    start: NodeIndex,
    component: &[NodeIndex],
) -> Vec<usize> {
    let inside: HashSet<NodeIndex> = component.iter().copied().collect();
    let mut came_from = HashMap::new();
    let mut queue = VecDeque::from([start]);
    // Breadth-first, visiting dependencies in the order they are written.
    while let Some(node) = queue.pop_front() {
        let mut next: Vec<_> = graph
            .edges(node)
            .map(|e| (*e.weight(), e.target()))
            .collect();
        next.sort();
        for (_, target) in next {
            if target == start {
                let mut chain = vec![start.index()];
                let mut at = node;
                while at != start {
                    chain.push(at.index());
                    at = came_from[&at];
                }
                chain.push(start.index());
                chain.reverse();
                return chain;
            }
            if inside.contains(&target) && !came_from.contains_key(&target) {
                came_from.insert(target, node);
                queue.push_back(target);
            }
        }
    }
    // Unreachable: a strongly connected component has a circle through each of its nodes.
    vec![start.index(), start.index()]
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::validate::test_support::*;

    #[test]
    fn self_dependency() {
        let text = format!("{PREAMBLE}{}", project("x", "depends_on = [\"x\"]"));
        let got = findings(&text);
        assert_eq!(got, vec![(Code::DependencyCycle, 17, 15)]);
    }

    #[test]
    fn self_loop_and_two_cycle_are_both_reported() {
        let text = format!(
            "{PREAMBLE}{}{}",
            project("a", "depends_on = [\"b\", \"a\"]"),
            project("b", "depends_on = [\"a\"]"),
        );
        assert_eq!(
            findings(&text),
            vec![
                (Code::DependencyCycle, 17, 15),
                (Code::DependencyCycle, 17, 20)
            ]
        );
    }

    #[test]
    fn three_cycle_is_named_as_a_path_from_the_first_project() {
        let text = format!(
            "{PREAMBLE}{}{}{}",
            project("a", "depends_on = [\"b\"]"),
            project("b", "depends_on = [{ project = \"c\", type = \"SS\" }]"),
            project("c", "depends_on = [\"a\"]"),
        );
        let parsed = crate::model::load::parse_str("t".into(), text.clone());
        let validated = crate::validate::validate(&parsed.raw.unwrap(), parsed.findings);
        let cycle: Vec<_> = validated
            .findings
            .iter()
            .filter(|f| f.code == Code::DependencyCycle)
            .collect();
        assert_eq!(cycle.len(), 1);
        assert_eq!(cycle[0].message, "dependency cycle: a -> b -> c -> a");
        assert_eq!(&text[cycle[0].at.clone().unwrap()], "\"b\"");
    }
}
