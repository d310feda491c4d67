//! Checks a decoded roadmap file against every rule of the format and resolves it into the
//! model. Every problem is collected (not just the first), each as its own check.

mod calendar;
mod capacity;
mod cofinancing;
mod criteria;
mod cycles;
mod funding;
mod ids;
mod limits;
mod progress;
mod resolve;
mod roles;
mod scenarios;
mod strategy;

use crate::diag::{self, Diagnostic, Severity};
use crate::model::Roadmap;
use crate::model::load::Attached;
use crate::model::raw::RawFile;
use resolve::resolve;

pub use ids::is_well_formed;
pub use limits::MAX_PROJECTS;

/// The outcome of validation: the model when the file has no errors, and every finding.
pub struct Validated {
    pub roadmap: Option<Roadmap>,
    pub findings: Vec<Diagnostic>,
}

/// Decodes and resolves a file into the model: `findings` are those found while decoding it,
/// returned with those found while resolving. The rules have not run yet (see [`rules`]).
pub fn resolve_file(
    raw: &RawFile,
    attached: &Attached,
    mut findings: Vec<Diagnostic>,
) -> (Roadmap, Vec<Diagnostic>) {
    let roadmap = resolve(raw, attached, &mut findings);
    (roadmap, findings)
}

/// Every rule over a resolved roadmap (the file's own, or a scenario's variant of it).
pub fn rules(roadmap: &Roadmap) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    cycles::check(roadmap, &mut findings);
    capacity::check(roadmap, &mut findings);
    funding::check(roadmap, &mut findings);
    roles::check(roadmap, &mut findings);
    limits::check(roadmap, &mut findings);
    progress::check(roadmap, &mut findings);
    cofinancing::check(roadmap, &mut findings);
    criteria::check(roadmap, &mut findings);
    strategy::check(roadmap, &mut findings);
    findings
}

/// Does any finding make the roadmap unusable?
pub fn has_errors(findings: &[Diagnostic]) -> bool {
    findings.iter().any(|f| f.severity() == Severity::Error)
}

/// Validates a decoded file that names no other file: resolve, then every rule. `findings` are
/// those already found while decoding it.
pub fn validate(raw: &RawFile, findings: Vec<Diagnostic>) -> Validated {
    let (roadmap, mut findings) = resolve_file(raw, &Attached::default(), findings);
    findings.extend(rules(&roadmap));
    diag::sort(&mut findings);
    Validated {
        roadmap: (!has_errors(&findings)).then_some(roadmap),
        findings,
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::diag::{Code, SourceFile};
    use crate::model::load::parse_str;

    /// Validates TOML text; returns each finding as (code, line, column).
    pub fn findings(text: &str) -> Vec<(Code, usize, usize)> {
        let parsed = parse_str("test.toml".into(), text.to_string());
        let findings = match parsed.raw {
            Some(raw) => super::validate(&raw, parsed.findings).findings,
            None => parsed.findings,
        };
        let file = SourceFile::new("test.toml", text);
        findings
            .iter()
            .map(|f| {
                let p = file.position(f.at.clone().map_or(0, |r| r.start));
                (f.code, p.line, p.column)
            })
            .collect()
    }

    /// Validates TOML text; returns each finding's message.
    pub fn messages(text: &str) -> Vec<String> {
        let parsed = parse_str("test.toml".into(), text.to_string());
        let findings = match parsed.raw {
            Some(raw) => super::validate(&raw, parsed.findings).findings,
            None => parsed.findings,
        };
        findings.into_iter().map(|f| f.message).collect()
    }

    /// A valid preamble: roadmap, one objective, one actor. Tests append projects to it.
    pub const PREAMBLE: &str = "[roadmap]\nname = \"T\"\nstart = 2020-01-01\n\n[[objective]]\nid = \"o\"\n\n[[actor]]\nid = \"a\"\nkind = \"public\"\n";

    /// A project serving the objective, led by the actor.
    pub fn project(id: &str, extra: &str) -> String {
        format!(
            "\n[[project]]\nid = \"{id}\"\nduration = \"1 month\"\nlead = \"a\"\nobjectives = [\"o\"]\n{extra}\n"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use crate::diag::Code;

    #[test]
    fn a_small_valid_roadmap_has_no_findings() {
        let text = format!(
            "{PREAMBLE}{}{}",
            project("x", ""),
            project("y", "depends_on = [\"x\"]")
        );
        assert_eq!(findings(&text), vec![]);
    }

    #[test]
    fn every_problem_is_reported_in_one_run() {
        let text = format!(
            "{PREAMBLE}{}",
            project(
                "x",
                "depends_on = [\"nope\"]\npriorty = 2\nparticipants = [\"b\"]"
            )
        );
        let codes: Vec<_> = findings(&text).into_iter().map(|f| f.0).collect();
        assert_eq!(
            codes,
            vec![
                Code::UnknownReference,
                Code::UnknownKey,
                Code::UnknownReference
            ]
        );
    }

    #[test]
    fn missing_roadmap_and_required_keys() {
        let text = "[[actor]]\nid = \"a\"\n\n[[project]]\nname = \"no id\"\n";
        let got = findings(text);
        assert!(got.contains(&(Code::MissingKey, 1, 1)), "{got:?}");
        // The project lacks id, duration and lead: each reported at its header.
        assert_eq!(
            got.iter()
                .filter(|f| **f == (Code::MissingKey, 4, 1))
                .count(),
            3,
            "{got:?}"
        );
    }

    #[test]
    fn bad_priority_type_and_kind_are_invalid_values() {
        let text = format!(
            "{PREAMBLE}{}",
            project(
                "x",
                "priority = 9\n[[project.depends_on]]\nproject = \"x\"\ntype = \"XX\""
            )
        );
        let codes: Vec<_> = findings(&text).into_iter().map(|f| f.0).collect();
        assert_eq!(codes, vec![Code::InvalidValue, Code::InvalidValue]);
    }
}
