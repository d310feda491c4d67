//! The dependency graph for Graphviz: one node per project (sorted by id), one edge per link
//! labelled with its type and lag when not a plain finish-to-start, critical path in red; each
//! programme a cluster around its projects and sub-programmes.

use std::collections::HashSet;
use std::io::{self, Write};

use crate::model::Roadmap;
use crate::plan::Plan;

const CRITICAL: &str = "#c0392b";

pub fn write(out: &mut dyn Write, roadmap: &Roadmap, plan: &Plan) -> io::Result<()> {
    writeln!(out, "digraph roadmap {{")?;
    writeln!(
        out,
        "    graph [rankdir=LR, fontname=\"Helvetica\", label={}, labelloc=t];",
        quoted(&roadmap.name)
    )?;
    writeln!(
        out,
        "    node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", fontname=\"Helvetica\", fontsize=10];"
    )?;
    writeln!(
        out,
        "    edge [fontname=\"Helvetica\", fontsize=9, color=\"#777777\"];"
    )?;

    let mut by_id: Vec<usize> = (0..roadmap.projects.len()).collect();
    by_id.sort_by(|&a, &b| roadmap.projects[a].id.cmp(&roadmap.projects[b].id));
    // Node lines by the programme they belong to (the last slot: none), drawn as clusters.
    let mut nodes: Vec<Vec<String>> = vec![Vec::new(); roadmap.programmes.len() + 1];
    for &p in &by_id {
        let project = &roadmap.projects[p];
        let planned = &plan.projects[p];
        let dates = if project.is_milestone() {
            planned.start.to_string()
        } else {
            format!("{} .. {}", planned.start, planned.finish)
        };
        let mut attributes = vec![format!(
            "label={}",
            quoted(&format!("{}\n{}\n{dates}", project.id, project.name))
        )];
        if project.is_milestone() {
            attributes.push("shape=diamond".to_string());
            attributes.push("style=filled".to_string());
            attributes.push("fillcolor=\"#fff3cd\"".to_string());
        }
        if planned.critical {
            attributes.push(format!("color=\"{CRITICAL}\", penwidth=2"));
            if !project.is_milestone() {
                attributes.push("fillcolor=\"#fdecea\"".to_string());
            }
        }
        nodes[project.programme.unwrap_or(roadmap.programmes.len())].push(format!(
            "{} [{}];",
            quoted(&project.id),
            attributes.join(", ")
        ));
    }
    write_clusters(out, roadmap, plan, &nodes)?;

    let mut edges = Vec::new();
    for (to, project) in roadmap.projects.iter().enumerate() {
        for dependency in &project.depends_on {
            edges.push((dependency.on, to, dependency));
        }
    }
    edges.sort_by(|a, b| {
        let id = |p: usize| roadmap.projects[p].id.as_str();
        (id(a.0), id(a.1)).cmp(&(id(b.0), id(b.1)))
    });
    let critical = critical_steps(plan);
    for (from, to, dependency) in edges {
        let mut attributes = Vec::new();
        if let Some(label) = crate::calendar::qualifier(dependency.kind, dependency.lag) {
            attributes.push(format!("label={}", quoted(&label)));
        }
        if critical.contains(&(from, to)) {
            attributes.push(format!("color=\"{CRITICAL}\", penwidth=2"));
        }
        let attributes = if attributes.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attributes.join(", "))
        };
        writeln!(
            out,
            "    {} -> {}{attributes};",
            quoted(&roadmap.projects[from].id),
            quoted(&roadmap.projects[to].id)
        )?;
    }
    writeln!(out, "}}")
}

/// Each programme as a cluster holding its projects and sub-programmes' clusters (in outline
/// order), then the projects outside programmes.
fn write_clusters(
    out: &mut dyn Write,
    roadmap: &Roadmap,
    plan: &Plan,
    nodes: &[Vec<String>],
) -> io::Result<()> {
    let mut open: Vec<usize> = Vec::new();
    let pad = |depth: usize| "    ".repeat(depth + 1);
    for row in &plan.outline {
        let crate::plan::rollup::Item::Programme(q) = row.item else {
            continue;
        };
        while open.len() > row.depth {
            open.pop();
            writeln!(out, "{}}}", pad(open.len()))?;
        }
        let programme = &roadmap.programmes[q];
        let depth = open.len();
        writeln!(
            out,
            "{}subgraph {} {{",
            pad(depth),
            quoted(&format!("cluster_{}", programme.id))
        )?;
        writeln!(
            out,
            "{}label={}; style=\"rounded\"; color=\"#9aa9bf\"; fontsize=11;",
            pad(depth + 1),
            quoted(&programme.name)
        )?;
        for node in &nodes[q] {
            writeln!(out, "{}{node}", pad(depth + 1))?;
        }
        open.push(q);
    }
    while open.pop().is_some() {
        writeln!(out, "{}}}", pad(open.len()))?;
    }
    for node in &nodes[roadmap.programmes.len()] {
        writeln!(out, "    {node}")?;
    }
    Ok(())
}

/// Is `from -> to` a step of one of the plan's critical chains?
/// The links `(from, to)` that are a step of a critical chain, gathered once rather than
/// searched for per edge.
fn critical_steps(plan: &Plan) -> HashSet<(usize, usize)> {
    plan.solution
        .critical_chains
        .iter()
        .flat_map(|chain| chain.windows(2).map(|step| (step[0], step[1])))
        .collect()
}

/// A DOT string: quotes and backslashes escaped, line breaks as `\n`.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn strings_are_escaped() {
        assert_eq!(super::quoted("a \"b\"\\\nc"), "\"a \\\"b\\\"\\\\\\nc\"");
    }
}
