//! One module per subcommand; each turns its arguments into output and an [`Outcome`].

pub mod plan;
pub mod validate;

use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::{EffortLevel, PlannerArgs};
use crate::diag::{self, Diagnostic, Severity, SourceFile};
use crate::model::Roadmap;
use crate::model::load::{self, Input};
use crate::plan::Plan;
use crate::schedule::{Effort, Options};
use crate::validate::validate;

/// A roadmap file read, checked and planned: the model and plan when it has no errors, and
/// every finding (the plan's missed deadlines and funding windows included).
pub struct Checked {
    pub source: SourceFile,
    pub roadmap: Option<Roadmap>,
    pub plan: Option<Plan>,
    pub findings: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity() == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == severity)
            .count()
    }
}

/// Reads, parses, validates and (when valid) plans one roadmap file.
pub fn check(path: &Path, planner: &PlannerArgs) -> Result<Checked> {
    let parsed = load::load(&Input::from_arg(path))?;
    let (roadmap, mut findings) = match &parsed.raw {
        Some(raw) => {
            let validated = validate(raw, parsed.findings);
            (validated.roadmap, validated.findings)
        }
        None => (None, parsed.findings),
    };
    let plan = match &roadmap {
        Some(roadmap) => {
            let plan = crate::plan::plan(roadmap, &planner.options())
                .with_context(|| format!("cannot plan {}", parsed.source.name))?;
            findings.extend(plan.findings.iter().cloned());
            diag::sort(&mut findings);
            Some(plan)
        }
        None => None,
    };
    Ok(Checked {
        source: parsed.source,
        roadmap,
        plan,
        findings,
    })
}

impl PlannerArgs {
    pub fn options(&self) -> Options {
        Options {
            effort: match self.effort {
                EffortLevel::Fast => Effort::Fast,
                EffortLevel::Default => Effort::Default,
                EffortLevel::Thorough => Effort::Thorough,
            },
            seed: self.seed,
        }
    }
}
