//! PSPLIB single-mode `.sm` files as scheduling problems, and reference makespan tables.
//!
//! Shared by the `psplib` example, the `rcpsp` bench and the PSPLIB test (via `#[path]`).

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use roadmap::calendar::Span;
use roadmap::schedule::{Activity, Link, LinkKind, Problem, Units};

/// Parses a PSPLIB `.sm` file (jobs 1..N including the dummy source and sink, which become
/// milestones). Resource units are taken as they are (one PSPLIB unit = one `Units`).
pub fn parse_sm(text: &str) -> Result<Problem, String> {
    let lines: Vec<&str> = text.lines().collect();
    let section = |title: &str| {
        lines
            .iter()
            .position(|l| l.trim_start().starts_with(title))
            .ok_or_else(|| format!("missing section {title}"))
    };
    let numbers = |line: &str| -> Result<Vec<u32>, String> {
        line.split_whitespace()
            .map(|w| {
                w.parse::<u32>()
                    .map_err(|e| format!("bad number {w:?}: {e}"))
            })
            .collect()
    };
    let is_rule = |l: &str| l.starts_with('*') || l.starts_with('-');

    let precedence = section("PRECEDENCE RELATIONS:")? + 2;
    let mut successors: Vec<Vec<usize>> = Vec::new();
    for line in lines[precedence..].iter().take_while(|l| !is_rule(l)) {
        let row = numbers(line)?;
        let count = *row.get(2).ok_or("short precedence row")? as usize;
        let list = row.get(3..3 + count).ok_or("missing successors")?;
        successors.push(list.iter().map(|&j| j as usize - 1).collect());
    }
    let requests = section("REQUESTS/DURATIONS:")? + 3;
    let mut activities = Vec::new();
    for line in lines[requests..].iter().take_while(|l| !is_rule(l)) {
        let row = numbers(line)?;
        let duration = *row.get(2).ok_or("short request row")?;
        let demands = row[3..]
            .iter()
            .enumerate()
            .filter(|(_, u)| **u > 0)
            .map(|(r, &u)| (r, u as Units))
            .collect();
        activities.push(activity(duration, demands));
    }
    let availability = section("RESOURCEAVAILABILITIES:")? + 2;
    let capacities = numbers(lines.get(availability).ok_or("missing capacities")?)?;
    if successors.len() != activities.len() {
        return Err("precedence and request sections disagree on the number of jobs".into());
    }
    problem_of(activities, &successors, capacities)
}

/// Parses an instance in Patterson's format (`.rcp`, as the RG30/RG300 sets and the Patterson
/// set are published): the number of activities (dummies included) and of resources, the
/// capacities, then per activity its duration, its demand of each resource, its number of
/// successors and their 1-based numbers. Rows may wrap, so it reads one stream of numbers.
pub fn parse_patterson(text: &str) -> Result<Problem, String> {
    let mut numbers = text.split_whitespace().map(|w| {
        w.parse::<u32>()
            .map_err(|e| format!("bad number {w:?}: {e}"))
    });
    let mut next = |what: &str| -> Result<u32, String> {
        numbers
            .next()
            .unwrap_or_else(|| Err(format!("the file ends before {what}")))
    };
    let jobs = next("the number of activities")? as usize;
    let resources = next("the number of resources")? as usize;
    let capacities = (0..resources)
        .map(|_| next("the capacities"))
        .collect::<Result<Vec<_>, _>>()?;
    let mut activities = Vec::with_capacity(jobs);
    let mut successors = Vec::with_capacity(jobs);
    for job in 1..=jobs {
        let duration = next("a duration")?;
        let mut demands = Vec::new();
        for r in 0..resources {
            let units = next("a demand")?;
            if units > 0 {
                demands.push((r, units as Units));
            }
        }
        let count = next("a number of successors")?;
        let mut list = Vec::new();
        for _ in 0..count {
            let to = next("a successor")? as usize;
            if to == 0 || to > jobs {
                return Err(format!("activity {job} has successor {to} of {jobs}"));
            }
            list.push(to - 1);
        }
        activities.push(activity(duration, demands));
        successors.push(list);
    }
    problem_of(activities, &successors, capacities)
}

/// The instance formats the harness reads.
#[derive(Clone, Copy)]
enum Format {
    /// PSPLIB `.sm`.
    Psplib,
    /// Patterson `.rcp`.
    Patterson,
}

/// The format a file's extension names, in any case.
fn format_of(path: &Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?;
    if extension.eq_ignore_ascii_case("sm") {
        Some(Format::Psplib)
    } else if extension.eq_ignore_ascii_case("rcp") {
        Some(Format::Patterson)
    } else {
        None
    }
}

/// Parses `text` in the format its file name's extension says: `.sm` (PSPLIB) or `.rcp`
/// (Patterson), in any case.
pub fn parse_file(name: impl AsRef<Path>, text: &str) -> Result<Problem, String> {
    match format_of(name.as_ref()) {
        Some(Format::Psplib) => parse_sm(text),
        Some(Format::Patterson) => parse_patterson(text),
        None => Err("not a .sm or .rcp instance".into()),
    }
}

/// The instance files (`.sm`, `.rcp`) of directory `dir`, sorted by name.
pub fn instance_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if format_of(&path).is_some() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Reads and parses the instance file at `path`; errors name the file.
pub fn read_instance(path: &Path) -> Result<Problem, String> {
    std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|text| parse_file(path, &text))
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn activity(duration: u32, demands: Vec<(usize, Units)>) -> Activity {
    Activity {
        duration: Span::Days(duration),
        release: 0,
        due: None,
        priority: 3,
        demands,
    }
}

fn problem_of(
    activities: Vec<Activity>,
    successors: &[Vec<usize>],
    capacities: Vec<u32>,
) -> Result<Problem, String> {
    let links = successors
        .iter()
        .enumerate()
        .flat_map(|(from, list)| {
            list.iter().map(move |&to| Link {
                from,
                to,
                kind: LinkKind::FinishToStart,
                lag: Span::ZERO,
            })
        })
        .collect();
    Ok(Problem {
        origin: chrono::NaiveDate::from_ymd_opt(2000, 1, 1).ok_or("date")?,
        activities,
        links,
        capacities,
        capacity_changes: Vec::new(),
        budgets: Default::default(),
        calendar: None,
    })
}

/// Reference makespans by instance name: PSPLIB `j30opt.sm` / `j120hrs.sm` tables (`Par Inst
/// Makespan ...` rows, named `jXXP_I.sm` after `prefix`), or rows of a name and a makespan
/// separated by a comma, semicolon, tab or spaces (`j301_1.sm,43`, `RG300_1 1392`; a header row
/// is skipped). Look names up with [`reference_of`], which also tries the name without its
/// extension.
pub fn parse_reference(text: &str, prefix: &str) -> HashMap<String, u32> {
    let mut table = HashMap::new();
    for line in text.lines() {
        // PSPLIB tables first: their author column may hold commas.
        let words: Vec<&str> = line.split_whitespace().collect();
        if let [par, inst, makespan, ..] = words[..]
            && let (Ok(p), Ok(i), Ok(m)) =
                (par.parse::<u32>(), inst.parse::<u32>(), makespan.parse())
        {
            table.insert(format!("{prefix}{p}_{i}.sm"), m);
            continue;
        }
        let fields: Vec<&str> = line
            .split([',', ';', '\t', ' '])
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        if let [name, value, ..] = fields[..]
            && name.parse::<f64>().is_err()
            && let Ok(v) = value.parse()
        {
            table.insert(name.to_string(), v);
        }
    }
    table
}

/// The reference of instance file `name` in `table`: by its file name, else by its stem.
pub fn reference_of(table: &HashMap<String, u32>, name: &str) -> Option<u32> {
    let stem = Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(name);
    table.get(name).or_else(|| table.get(stem)).copied()
}

/// Whether `start`/`end` respect every link, duration and capacity of `problem`.
///
/// Deliberately written apart from the engine (it sums resource use itself rather than calling
/// `schedule::usage`), so the tests that use it check the engine against an independent oracle.
pub fn feasible(problem: &Problem, start: &[i32], end: &[i32]) -> Result<(), String> {
    for (a, activity) in problem.activities.iter().enumerate() {
        if end[a] != problem.end(a, start[a]) {
            return Err(format!("activity {a} has the wrong length"));
        }
        if start[a] < activity.release {
            return Err(format!("activity {a} starts before its release"));
        }
    }
    for link in &problem.links {
        let ok = match link.kind {
            LinkKind::FinishToStart => start[link.to] >= problem.add(end[link.from], link.lag),
            LinkKind::StartToStart => start[link.to] >= problem.add(start[link.from], link.lag),
            LinkKind::FinishToFinish => end[link.to] >= problem.add(end[link.from], link.lag),
        };
        if !ok {
            return Err(format!("link {} -> {} violated", link.from, link.to));
        }
    }
    for r in 0..problem.capacities.len() {
        let mut events: Vec<(i32, i64)> = Vec::new();
        for (a, activity) in problem.activities.iter().enumerate() {
            if start[a] >= end[a] {
                continue;
            }
            let units: i64 = activity
                .demands
                .iter()
                .filter(|d| d.0 == r)
                .map(|d| i64::from(d.1))
                .sum();
            if units > 0 {
                events.push((start[a], units));
                events.push((end[a], -units));
            }
        }
        // A capacity step is an event too: the level must fit each day's capacity.
        for &(day, _) in problem.changes_of(r) {
            events.push((day, 0));
        }
        events.sort();
        let mut level = 0;
        for (i, &(day, delta)) in events.iter().enumerate() {
            level += delta;
            let last_of_day = events.get(i + 1).is_none_or(|e| e.0 != day);
            if last_of_day && level > i64::from(problem.capacity_at(r, day)) {
                return Err(format!("resource {r} over capacity on day {day}"));
            }
        }
    }
    Ok(())
}

/// The critical-path length of a PSPLIB problem (finish-to-start links without lags, day
/// durations), computed here rather than by the engine, as a reference for its bounds.
pub fn critical_path(problem: &Problem) -> i32 {
    let n = problem.activities.len();
    let days = |a: usize| match problem.activities[a].duration {
        Span::Days(d) | Span::WorkingDays(d) => d as i32,
        Span::Months(m) => 31 * m as i32,
    };
    let mut finish: Vec<i32> = (0..n).map(days).collect();
    // Relax until nothing changes: at most n rounds on an acyclic graph.
    for _ in 0..n {
        let mut changed = false;
        for link in &problem.links {
            let candidate = finish[link.from] + days(link.to);
            if candidate > finish[link.to] {
                finish[link.to] = candidate;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    finish.into_iter().max().unwrap_or(0)
}
