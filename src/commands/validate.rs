//! `roadmap validate`: check files and print every finding, for people or for CI.

use anyhow::{Result, bail};

use crate::cli::{FindingsFormat, ValidateArgs};
use crate::commands::{Checked, check};
use crate::commands::{Context, Outcome};
use crate::diag::Severity;
use crate::diag::render::{self, FileReport};
use crate::display::terminal;
use crate::i18n::{Messages, Text};

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
                        writeln!(
                            stdout,
                            "{}",
                            summary(file, &Messages::new(context.lang_of(file)))
                        )?;
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

/// One line per file: valid or not, and what the roadmap holds, in `t`'s language.
fn summary(checked: &Checked, t: &Messages) -> String {
    let name = terminal(&checked.source.name);
    // `3 errors`, `1 проект`: each catalogue chooses the plural form.
    let count = |id: &'static str, n: usize| t.text(&Text::message(id, vec![("count", n.into())]));
    let (errors, warnings) = (
        checked.count(Severity::Error),
        checked.count(Severity::Warning),
    );
    let Some(roadmap) = &checked.roadmap else {
        return t.with(
            "validate-invalid",
            &[
                ("name", name.to_string()),
                ("errors", count("validate-errors", errors)),
                ("warnings", count("validate-warnings", warnings)),
            ],
        );
    };
    let verdict = if warnings == 0 {
        t.get("validate-valid")
    } else {
        t.with(
            "validate-valid-with",
            &[("warnings", count("validate-warnings", warnings))],
        )
    };
    let committed: f64 = roadmap.committed().iter().sum();
    let cost = roadmap.total_cost();
    let share = if cost > 0.0 {
        format!(" ({:.0}%)", committed / cost * 100.0)
    } else {
        String::new()
    };
    let money = if cost > 0.0 || committed > 0.0 {
        t.with(
            "validate-money",
            &[
                ("cost", t.amount(cost)),
                ("committed", t.amount(committed)),
                ("currency", terminal(&roadmap.currency).to_string()),
                ("share", share),
            ],
        )
    } else {
        String::new()
    };
    // Programmes and indicators are named only when the file has them.
    let strategy: String = [
        (roadmap.programmes.len(), "validate-programmes"),
        (roadmap.indicators.len(), "validate-indicators"),
    ]
    .into_iter()
    .filter(|&(n, _)| n > 0)
    .map(|(n, id)| format!(", {}", count(id, n)))
    .collect();
    format!(
        "{name}: {verdict}: {}, {}, {}, {}, {}{strategy}{money}",
        count("validate-projects", roadmap.projects.len()),
        count("validate-objectives", roadmap.objectives.len()),
        count("validate-actors", roadmap.actors.len()),
        count("validate-resources", roadmap.resources.len()),
        count("validate-sources", roadmap.funding.len()),
    )
}
