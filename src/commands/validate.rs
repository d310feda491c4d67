//! `roadmap validate`: check files and print every finding, for people or for CI.

use anyhow::{Result, bail};

use crate::cli::{FindingsFormat, ValidateArgs};
use crate::commands::{Checked, check};
use crate::commands::{Context, Outcome};
use crate::diag::Severity;
use crate::diag::render::{self, FileReport};
use crate::display::{amount, terminal};

pub fn run(args: &ValidateArgs, context: &Context) -> Result<Outcome> {
    if args.files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        bail!("`-` (standard input) can be read only once; give it once");
    }
    // Read every file first: an unreadable one is a usage problem (exit 2) for the whole call.
    let checked = args
        .files
        .iter()
        .map(|path| check(path, &args.planner))
        .collect::<Result<Vec<_>>>()?;

    let reports: Vec<FileReport<'_>> = checked.iter().map(Checked::report).collect();
    crate::output::to_stdout(|stdout| {
        match args.format {
            FindingsFormat::Human => {
                let mut stderr = anstream::stderr().lock();
                for (report, file) in reports.iter().zip(&checked) {
                    render::human(
                        &mut stderr,
                        report,
                        context.color_stderr,
                        context.lang_of(file),
                    )?;
                    if !context.quiet {
                        writeln!(stdout, "{}", summary(file))?;
                    }
                }
            }
            FindingsFormat::Json => render::json(stdout, &reports)?,
            FindingsFormat::Github => {
                for report in &reports {
                    render::github(stdout, report)?;
                }
            }
        }
        Ok(())
    })?;

    let failed = checked
        .iter()
        .any(|c| c.has_errors() || (args.deny_warnings && c.count(Severity::Warning) > 0));
    Ok(if failed {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

/// One line per file: valid or not, and what the roadmap holds.
fn summary(checked: &Checked) -> String {
    let name = terminal(&checked.source.name);
    let (errors, warnings) = (
        checked.count(Severity::Error),
        checked.count(Severity::Warning),
    );
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let Some(roadmap) = &checked.roadmap else {
        return format!(
            "{name}: invalid ({}, {})",
            plural(errors, "error"),
            plural(warnings, "warning")
        );
    };
    let verdict = if warnings == 0 {
        "valid".to_string()
    } else {
        format!("valid with {}", plural(warnings, "warning"))
    };
    let committed: f64 = roadmap.committed().iter().sum();
    let cost = roadmap.total_cost();
    let share = if cost > 0.0 {
        format!(" ({:.0}%)", committed / cost * 100.0)
    } else {
        String::new()
    };
    let money = if cost > 0.0 || committed > 0.0 {
        format!(
            "; total cost {} {cur}, funding committed {} {cur}{share}",
            amount(cost),
            amount(committed),
            cur = terminal(&roadmap.currency)
        )
    } else {
        String::new()
    };
    // Programmes and indicators are named only when the file has them.
    let strategy: String = [
        (roadmap.programmes.len(), "programme"),
        (roadmap.indicators.len(), "indicator"),
    ]
    .into_iter()
    .filter(|&(n, _)| n > 0)
    .map(|(n, what)| format!(", {}", plural(n, what)))
    .collect();
    format!(
        "{name}: {verdict}: {}, {}, {}, {}, {}{strategy}{money}",
        plural(roadmap.projects.len(), "project"),
        plural(roadmap.objectives.len(), "objective"),
        plural(roadmap.actors.len(), "actor"),
        plural(roadmap.resources.len(), "resource"),
        plural(roadmap.funding.len(), "funding source"),
    )
}
