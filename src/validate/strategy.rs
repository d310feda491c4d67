//! Programmes and indicators: resolved from the file, then checked for what the strategy's
//! structure must be: parents without cycles, no empty programme, targets after their
//! baseline, and coverage (every objective measured, every indicator moved, every project
//! serving an objective).

use std::collections::BTreeSet;

use super::ids::IdIndex;
use super::resolve::{located_at, required, required_in, text, text_or};
use crate::diag::{Code, Diagnostic};
use crate::model::decode::Table;
use crate::model::raw::{IndicatorKey, PointKey, RawIndicator, RawPoint, RawProgramme};
use crate::model::{Indicator, Programme, Roadmap, YearValue};

pub(super) fn resolve_programmes(
    raw: &[RawProgramme],
    index: &IdIndex,
    actors: &IdIndex,
    findings: &mut Vec<Diagnostic>,
) -> Vec<Programme> {
    raw.iter()
        .zip(&index.ids)
        .map(|(p, id)| Programme {
            id: id.clone(),
            name: text_or(&p.name, id),
            parent: p
                .parent
                .as_ref()
                .and_then(|parent| index.resolve(parent, findings)),
            parent_at: p.parent.as_ref().map(|parent| parent.at.clone()),
            lead: p
                .lead
                .as_ref()
                .and_then(|lead| actors.resolve(lead, findings)),
            description: text(&p.description),
            at: located_at(&p.id, &p.at),
        })
        .collect()
}

pub(super) fn resolve_indicators(
    raw: &[RawIndicator],
    index: &IdIndex,
    objectives: &IdIndex,
    findings: &mut Vec<Diagnostic>,
) -> Vec<Indicator> {
    raw.iter()
        .zip(&index.ids)
        .map(|(i, id)| {
            let objective = required(i, &i.objective, IndicatorKey::objective, findings)
                .and_then(|o| objectives.resolve(o, findings))
                .unwrap_or(0);
            let baseline = if i.baseline.is_none() && !i.is_rejected(IndicatorKey::baseline) {
                findings.push(
                    Diagnostic::error(Code::MissingKey, crate::i18n::text!("find-strategy-1"))
                        .at(i.at.clone())
                        .with_help(crate::i18n::text!("find-strategy-2")),
                );
                None
            } else {
                i.baseline
                    .as_ref()
                    .and_then(|b| point(b, "baseline", findings))
            };
            let baseline = baseline.unwrap_or(YearValue {
                year: 1,
                value: 0.0,
                at: i.at.clone(),
            });
            let mut targets: Vec<YearValue> = i
                .targets
                .iter()
                .flatten()
                .filter_map(|t| point(t, "target", findings))
                .collect();
            check_target_years(i, &baseline, &targets, findings);
            targets.sort_by_key(|t| t.year);
            Indicator {
                id: id.clone(),
                name: text_or(&i.name, id),
                objective,
                unit: text(&i.unit),
                baseline,
                targets,
                description: text(&i.description),
                at: located_at(&i.id, &i.at),
            }
        })
        .collect()
}

/// A `{ year, value }` table, both keys required.
fn point(raw: &RawPoint, what: &str, findings: &mut Vec<Diagnostic>) -> Option<YearValue> {
    let table = format!("an indicator's {what}");
    let year = required_in(&table, raw, &raw.year, PointKey::year, findings);
    let value = required_in(&table, raw, &raw.value, PointKey::value, findings);
    Some(YearValue {
        year: year?.value.0,
        value: value?.value.0,
        at: raw.at.clone(),
    })
}

/// A target must come after the baseline it is measured from, and once per year.
fn check_target_years(
    raw: &RawIndicator,
    baseline: &YearValue,
    targets: &[YearValue],
    findings: &mut Vec<Diagnostic>,
) {
    let year_at = |t: &YearValue| {
        raw.targets
            .iter()
            .flatten()
            .find(|r| r.at == t.at)
            .and_then(|r| r.year.as_ref())
            .map_or(t.at.clone(), |y| y.at.clone())
    };
    let mut seen = BTreeSet::new();
    for target in targets {
        if raw.baseline.is_some() && target.year < baseline.year {
            findings.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    crate::i18n::text!(
                        "e-target-before-baseline",
                        target = target.year.to_string(),
                        baseline = baseline.year.to_string()
                    ),
                )
                .at(year_at(target))
                .with_note(baseline.at.clone(), crate::i18n::text!("find-strategy-3"))
                .with_help(crate::i18n::text!("find-strategy-4")),
            );
        }
        if !seen.insert(target.year) {
            findings.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    crate::i18n::text!("e-second-target", year = target.year.to_string()),
                )
                .at(year_at(target))
                .with_help(crate::i18n::text!("find-strategy-5")),
            );
        }
    }
}

pub(super) fn check(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    parent_cycles(roadmap, findings);
    empty_programmes(roadmap, findings);
    coverage(roadmap, findings);
}

/// Each cycle of `parent` links once, named as the path that closes it, at the `parent` of
/// its programme that comes first in the file.
fn parent_cycles(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    let mut reported = vec![false; roadmap.programmes.len()];
    for start in 0..roadmap.programmes.len() {
        let mut path = vec![start];
        let mut at = start;
        while let Some(parent) = roadmap.programmes[at].parent {
            if let Some(position) = path.iter().position(|&p| p == parent) {
                let cycle = &path[position..];
                if cycle.iter().any(|&p| reported[p]) {
                    break;
                }
                let first = *cycle.iter().min().unwrap_or(&parent);
                for &p in cycle {
                    reported[p] = true;
                }
                // Rotate so the path starts at the first programme of the file.
                let from = cycle.iter().position(|&p| p == first).unwrap_or(0);
                let mut names: Vec<&str> = cycle[from..]
                    .iter()
                    .chain(&cycle[..from])
                    .map(|&p| roadmap.programmes[p].id.as_str())
                    .collect();
                names.push(&roadmap.programmes[first].id);
                findings.push(
                    Diagnostic::error(
                        Code::ProgrammeCycle,
                        crate::i18n::text!("e-programme-cycle", path = names.join(" -> ")),
                    )
                    .at(roadmap.programmes[first]
                        .parent_at
                        .clone()
                        .unwrap_or_else(|| roadmap.programmes[first].at.clone()))
                    .with_help(crate::i18n::text!("find-strategy-6")),
                );
                break;
            }
            path.push(parent);
            at = parent;
        }
    }
}

/// A programme with no project in it or in any sub-programme.
fn empty_programmes(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    // A project naming an unknown programme (reported) was surely meant for one of them.
    if roadmap.projects.iter().any(|p| p.programme_unresolved) {
        return;
    }
    let mut filled = vec![false; roadmap.programmes.len()];
    for project in &roadmap.projects {
        if let Some(p) = project.programme {
            for q in roadmap.programme_path(p) {
                filled[q] = true;
            }
        }
    }
    for (p, programme) in roadmap.programmes.iter().enumerate() {
        if !filled[p] && !programme.id.is_empty() {
            findings.push(
                Diagnostic::new(
                    Code::EmptyProgramme,
                    crate::i18n::text!("w-empty-programme", id = &programme.id),
                )
                .at(programme.at.clone())
                .with_help(crate::i18n::text!(
                    "w-empty-programme-help",
                    id = &programme.id
                )),
            );
        }
    }
}

/// Strategy coverage. Indicator coverage applies once the roadmap has indicators at all, and a
/// project without an objective only matters when the roadmap has objectives.
fn coverage(roadmap: &Roadmap, findings: &mut Vec<Diagnostic>) {
    if !roadmap.indicators.is_empty() {
        let mut measured = vec![false; roadmap.objectives.len()];
        for indicator in &roadmap.indicators {
            if let Some(m) = measured.get_mut(indicator.objective) {
                *m = true;
            }
        }
        for (o, objective) in roadmap.objectives.iter().enumerate() {
            if !measured[o] && !objective.id.is_empty() {
                findings.push(
                    Diagnostic::new(
                        Code::UnmeasuredObjective,
                        crate::i18n::text!("w-unmeasured-objective", id = &objective.id),
                    )
                    .at(objective.at.clone())
                    .with_help(crate::i18n::text!(
                        "w-unmeasured-objective-help",
                        id = &objective.id
                    )),
                );
            }
        }
        let mut moved = vec![false; roadmap.indicators.len()];
        for c in roadmap.projects.iter().flat_map(|p| &p.contributes) {
            moved[c.indicator] = true;
        }
        for (i, indicator) in roadmap.indicators.iter().enumerate() {
            if !moved[i] && !indicator.id.is_empty() {
                findings.push(
                    Diagnostic::new(
                        Code::UnmovedIndicator,
                        crate::i18n::text!("w-unmoved-indicator", id = &indicator.id),
                    )
                    .at(indicator.at.clone())
                    .with_help(crate::i18n::text!(
                        "w-unmoved-indicator-help",
                        example = format!("{{ {} = ... }}", indicator.id)
                    )),
                );
            }
        }
    }
    if !roadmap.objectives.is_empty() {
        for project in &roadmap.projects {
            // A milestone is an event of the roadmap, not work that serves an objective.
            if project.objectives.is_empty() && !project.is_milestone() && !project.id.is_empty() {
                findings.push(
                    Diagnostic::new(
                        Code::AimlessProject,
                        crate::i18n::text!("w-aimless-project", id = &project.id),
                    )
                    .at(project.at.clone())
                    .with_help(crate::i18n::text!("find-strategy-7")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::diag::Code;

    fn programmes(extra: &str) -> String {
        format!(
            "{PREAMBLE}\n[[programme]]\nid = \"top\"\n\n[[programme]]\nid = \"sub\"\nparent = \"top\"\n{extra}{}",
            project("x", "programme = \"sub\"")
        )
    }

    #[test]
    fn nested_programmes_are_valid() {
        assert_eq!(findings(&programmes("")), vec![]);
    }

    #[test]
    fn unknown_parent_lead_and_programme() {
        let text = format!(
            "{PREAMBLE}\n[[programme]]\nid = \"top\"\nparent = \"nope\"\nlead = \"b\"\n{}",
            project("x", "programme = \"topp\"")
        );
        let got = findings(&text);
        assert_eq!(
            got,
            vec![
                (Code::UnknownReference, 14, 10),
                (Code::UnknownReference, 15, 8),
                (Code::UnknownReference, 22, 13),
            ]
        );
    }

    #[test]
    fn a_cycle_of_parents_is_named_as_a_path() {
        let text = format!(
            "{PREAMBLE}\n[[programme]]\nid = \"a\"\nparent = \"c\"\n\n[[programme]]\nid = \"b\"\nparent = \"a\"\n\n[[programme]]\nid = \"c\"\nparent = \"b\"\n{}",
            project("x", "programme = \"b\"")
        );
        let parsed = crate::model::load::parse_str("t.toml".into(), text.clone());
        let validated = super::super::validate(&parsed.raw.unwrap(), parsed.findings);
        let cycles: Vec<_> = validated
            .findings
            .iter()
            .filter(|f| f.code == Code::ProgrammeCycle)
            .collect();
        assert_eq!(cycles.len(), 1, "{:?}", validated.findings);
        assert!(
            cycles[0].message.ends_with("a -> c -> b -> a"),
            "{}",
            cycles[0].message
        );
    }

    #[test]
    fn indicators_need_known_objectives_and_sane_targets() {
        let text = format!(
            "{PREAMBLE}\n[[indicator]]\nid = \"k\"\nobjective = \"oo\"\nbaseline = {{ year = 2020, value = 1 }}\ntargets = [{{ year = 2019, value = 2 }}, {{ year = 2022, value = \"lots\" }}]\n{}",
            project("x", "contributes = { k = 1, kk = 2 }")
        );
        let got = findings(&text);
        assert_eq!(
            got,
            vec![
                (Code::UnknownReference, 14, 13),
                (Code::InvalidValue, 16, 21),
                (Code::InvalidValue, 16, 63),
                (Code::UnknownReference, 23, 24),
            ],
        );
    }

    #[test]
    fn coverage_warnings_once_indicators_exist() {
        let text = format!(
            "{PREAMBLE}\n[[objective]]\nid = \"o2\"\n\n[[indicator]]\nid = \"k\"\nobjective = \"o\"\nbaseline = {{ year = 2020, value = 1 }}\n{}\n[[project]]\nid = \"y\"\nduration = \"1d\"\nlead = \"a\"\n",
            project("x", "")
        );
        let codes: Vec<_> = findings(&text).into_iter().map(|f| f.0).collect();
        assert_eq!(
            codes,
            vec![
                Code::UnusedObjective,
                Code::UnmeasuredObjective,
                Code::UnmovedIndicator,
                Code::AimlessProject
            ]
        );
    }
}
