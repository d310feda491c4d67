//! One module per subcommand; each turns its arguments into output and an [`Outcome`].

pub mod actors;
pub mod compare;
pub mod completions;
pub mod diff;
pub mod export;
pub mod funding;
pub mod init;
pub mod man;
pub mod order;
pub mod plan;
pub mod rank;
pub mod report;
pub mod resources;
pub mod risk;
pub mod schema;
pub mod validate;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::{EffortLevel, OutputArgs, PlannerArgs, ReportArgs, ReportFormat, VariantArgs};
use crate::diag::render::{self, FileReport};
use crate::diag::{self, Code, Diagnostic, Severity, SourceFile};
use crate::model::Roadmap;
use crate::model::load::{self, Input};
use crate::output::emit;
use crate::plan::Plan;
use crate::report::{Look, Report};
use crate::run::Outcome;
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

    /// The file and its findings, for the renderers.
    pub fn report(&self) -> FileReport<'_> {
        FileReport {
            file: &self.source,
            findings: &self.findings,
        }
    }

    /// Prints the findings for people on stderr.
    pub fn print_findings(&self, context: &crate::run::Context) -> Result<()> {
        render::human(
            &mut anstream::stderr().lock(),
            &self.report(),
            context.color_stderr,
        )?;
        Ok(())
    }
}

/// Reads, parses, validates and (when valid) plans one roadmap file.
pub fn check(path: &Path, planner: &PlannerArgs) -> Result<Checked> {
    check_with(path, planner, &VariantArgs::default())
}

/// [`check`] with a scenario applied and progress up to `--as-of` (see [`VariantArgs`]).
pub fn check_with(path: &Path, planner: &PlannerArgs, variant: &VariantArgs) -> Result<Checked> {
    let parsed = load::load(&Input::from_arg(path))?;
    check_source(parsed, planner, variant)
}

/// [`check_with`] on a file already loaded (e.g. from `git show`).
pub fn check_source(
    parsed: load::Parsed,
    planner: &PlannerArgs,
    variant: &VariantArgs,
) -> Result<Checked> {
    let (roadmap, mut findings) = match &parsed.raw {
        Some(raw) => {
            let validated = validate(raw, parsed.findings);
            (validated.roadmap, validated.findings)
        }
        None => (None, parsed.findings),
    };
    let roadmap = match (roadmap, &variant.scenario) {
        (Some(roadmap), Some(id)) => match roadmap.scenario(id) {
            Some(scenario) => {
                let variant = roadmap.with_scenario(scenario);
                findings.retain(|f| f.code != Code::FundingGap);
                findings.extend(crate::validate::scenario_funding_gaps(&variant));
                Some(variant)
            }
            None => {
                let known: Vec<_> = roadmap.scenarios.iter().map(|s| s.id.as_str()).collect();
                anyhow::bail!(
                    "{} has no scenario `{id}`{}",
                    parsed.source.name,
                    if known.is_empty() {
                        " (it has no [[scenario]] tables)".to_string()
                    } else {
                        format!("; its scenarios are: {}", known.join(", "))
                    }
                );
            }
        },
        (roadmap, _) => roadmap,
    };
    let plan = match &roadmap {
        Some(roadmap) => {
            let plan = crate::plan::plan_as_of(roadmap, &planner.options(), variant.as_of)
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

/// Checks and plans a file, printing its findings on stderr, for commands that need a plan.
pub fn check_for_output(
    path: &Path,
    planner: &PlannerArgs,
    variant: &VariantArgs,
    context: &crate::run::Context,
) -> Result<Checked> {
    let checked = check_with(path, planner, variant)?;
    checked.print_findings(context)?;
    Ok(checked)
}

/// How output for people looks: colour only on a terminal (never in files), the width from
/// `--width`, `$COLUMNS` or the terminal.
pub fn look(
    context: &crate::run::Context,
    output: &OutputArgs,
    width: Option<u16>,
    ascii: bool,
) -> Look {
    let to_file = to_file(output);
    Look {
        color: context.color_stdout && !to_file,
        ascii,
        width: context.width(width, to_file),
    }
}

/// Does the output go to a file (not stdout)?
pub fn to_file(output: &OutputArgs) -> bool {
    output.output.as_ref().is_some_and(|p| p.as_os_str() != "-")
}

/// Says on stderr which file was written (unless `--quiet` or the output went to stdout).
pub fn say_written(output: &OutputArgs, context: &crate::run::Context) {
    if to_file(output)
        && !context.quiet
        && let Some(path) = &output.output
    {
        eprintln!("wrote {}", path.display());
    }
}

/// Prints a report in the chosen format: for people, a bold title then the table.
pub fn print_report(
    output: &OutputArgs,
    input: &Path,
    format: ReportFormat,
    look: &Look,
    title: &str,
    report: &dyn Report,
) -> Result<()> {
    emit(
        output.output.as_deref(),
        output.force,
        input,
        |out: &mut dyn Write| match format {
            ReportFormat::Table => {
                writeln!(out, "{}\n", look.bold(title))?;
                report.table(out, look)
            }
            ReportFormat::Csv => report.csv(out),
            ReportFormat::Json => report.json(out),
        },
    )
}

/// Runs one of the [`Report`]s (actors, funding, resources, order, rank): build, print.
pub fn run_report<'a>(
    args: &ReportArgs,
    context: &crate::run::Context,
    checked: &'a Checked,
    build: impl FnOnce(&'a Roadmap, &'a Plan) -> Box<dyn Report + 'a>,
) -> Result<Outcome> {
    let (Some(roadmap), Some(plan)) = (&checked.roadmap, &checked.plan) else {
        return Ok(Outcome::Findings);
    };
    let look = look(context, &args.output, args.width, args.ascii);
    let report = build(roadmap, plan);
    print_report(
        &args.output,
        &args.file,
        args.format,
        &look,
        &roadmap.name,
        report.as_ref(),
    )?;
    Ok(Outcome::Success)
}
