//! One module per subcommand; each turns its arguments into output and an [`Outcome`].

pub mod completions;
pub mod init;
pub mod man;
pub mod plan;
pub mod schema;
pub mod validate;

use std::path::Path;

use crate::diag::{Diagnostic, Severity, SourceFile};
use crate::model::Roadmap;
use crate::model::load::{self, Input, ReadError};
use crate::validate::validate;

/// A roadmap file read and checked: the model when it has no errors, and every finding.
pub struct Checked {
    pub source: SourceFile,
    pub roadmap: Option<Roadmap>,
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

/// Reads, parses and validates one roadmap file.
pub fn check(path: &Path) -> Result<Checked, ReadError> {
    let parsed = load::load(&Input::from_arg(path))?;
    let (roadmap, findings) = match &parsed.raw {
        Some(raw) => {
            let validated = validate(raw, parsed.findings);
            (validated.roadmap, validated.findings)
        }
        None => (None, parsed.findings),
    };
    Ok(Checked {
        source: parsed.source,
        roadmap,
        findings,
    })
}
