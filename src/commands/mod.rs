//! One module per subcommand; each turns its arguments into output and an [`Outcome`].

pub mod actors;
pub mod calendar;
pub mod compare;
pub mod completions;
pub mod diff;
pub mod export;
pub mod funding;
pub mod import;
pub mod indicators;
pub mod init;
pub mod man;
pub mod order;
pub mod pdf;
pub mod plan;
pub mod rank;
pub mod report;
pub mod resources;
pub mod risk;
pub mod schema;
pub mod validate;

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Result;

use crate::check;
use crate::cli::{
    DiffFormat, DistributionName, EffortLevel, GroupByName, LookArgs, OutputArgs, PlannerArgs,
    ReportArgs, ReportFormat, ScaleName, VariantArgs,
};
use crate::diag::render;
use crate::i18n::Lang;
use crate::model::Roadmap;
use crate::output::emit;
use crate::plan::Plan;
use crate::report::gantt::{GroupBy, Scale};
use crate::report::{Look, Report};
use crate::risk::Distribution;
use crate::schedule::{Effort, Options};

/// How a command ended, when it could run at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: the roadmap has errors (or warnings under --deny-warnings).
    Findings,
}

/// Settings every command shares.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    /// Styled output on stdout (tables, timeline).
    pub color_stdout: bool,
    /// Styled output on stderr (findings).
    pub color_stderr: bool,
    pub quiet: bool,
    pub verbose: u8,
    /// `--lang`, when given.
    pub lang: Option<Lang>,
}

impl Context {
    /// The language of a file's findings: `--lang`, else the file's `language` (read even when
    /// the file has errors), else English.
    pub fn lang_of(&self, checked: &Checked) -> Lang {
        self.lang.unwrap_or(checked.language)
    }

    /// The language of text for people: `--lang`, else the roadmap's `language`, else English.
    pub fn lang(&self, roadmap: Option<&Roadmap>) -> Lang {
        self.lang
            .or_else(|| roadmap.map(|r| r.language))
            .unwrap_or_default()
    }

    /// Columns for output: `--width`, then `$COLUMNS`, then the terminal; 100 in pipes and files
    /// so output there does not depend on who runs it.
    pub fn width(&self, flag: Option<u16>, to_file: bool) -> u16 {
        let from_env = || std::env::var("COLUMNS").ok()?.trim().parse().ok();
        let from_terminal = || {
            (!to_file && std::io::stdout().is_terminal())
                .then(terminal_size::terminal_size)
                .flatten()
                .map(|(w, _)| w.0)
        };
        flag.or_else(from_env)
            .or_else(from_terminal)
            .unwrap_or(100)
            .max(40)
    }
}

pub use crate::check::Checked;

/// The library's check settings from the planner and variant arguments.
pub fn settings(planner: &PlannerArgs, variant: &VariantArgs) -> check::Settings {
    check::Settings {
        options: planner.options(),
        scenario: variant.scenario.clone(),
        as_of: variant.as_of,
    }
}

/// Reads, parses, validates and (when valid) plans one roadmap file.
pub fn check(path: &Path, planner: &PlannerArgs) -> Result<Checked> {
    Ok(check::check_path(
        path,
        &settings(planner, &VariantArgs::default()),
    )?)
}

/// Prints a file's findings for people on stderr.
pub fn print_findings(checked: &Checked, context: &Context) -> Result<()> {
    render::human(
        &mut anstream::stderr().lock(),
        &checked.report(),
        context.color_stderr,
        context.lang_of(checked),
    )?;
    Ok(())
}

// The clap-only types of `cli.rs` mapped to the library's types, here and nowhere else.

impl PlannerArgs {
    pub fn options(&self) -> Options {
        Options {
            effort: self.effort.into(),
            seed: self.seed,
        }
    }
}

impl From<EffortLevel> for Effort {
    fn from(level: EffortLevel) -> Effort {
        match level {
            EffortLevel::Fast => Effort::Fast,
            EffortLevel::Default => Effort::Default,
            EffortLevel::Thorough => Effort::Thorough,
        }
    }
}

impl From<DistributionName> for Distribution {
    fn from(name: DistributionName) -> Distribution {
        match name {
            DistributionName::Pert => Distribution::Pert,
            DistributionName::Triangular => Distribution::Triangular,
            DistributionName::Uniform => Distribution::Uniform,
        }
    }
}

impl From<ScaleName> for Scale {
    fn from(name: ScaleName) -> Scale {
        match name {
            ScaleName::Week => Scale::Week,
            ScaleName::Month => Scale::Month,
            ScaleName::Quarter => Scale::Quarter,
            ScaleName::Year => Scale::Year,
        }
    }
}

impl From<GroupByName> for GroupBy {
    fn from(name: GroupByName) -> GroupBy {
        match name {
            GroupByName::None => GroupBy::None,
            GroupByName::Objective => GroupBy::Objective,
            GroupByName::Lead => GroupBy::Lead,
            GroupByName::Programme => GroupBy::Programme,
        }
    }
}

/// Checks and plans a file, printing its findings on stderr, for commands that need a plan.
pub fn check_for_output(
    path: &Path,
    planner: &PlannerArgs,
    variant: &VariantArgs,
    context: &Context,
) -> Result<Checked> {
    let checked = check::check_path(path, &settings(planner, variant))?;
    print_findings(&checked, context)?;
    Ok(checked)
}

/// How output for people looks: colour only on a terminal (never in files), the width from
/// `--width`, `$COLUMNS` or the terminal.
pub fn look(
    context: &Context,
    output: &OutputArgs,
    look: &LookArgs,
    roadmap: Option<&Roadmap>,
) -> Look {
    let to_file = to_file(output);
    Look {
        color: context.color_stdout && !to_file,
        ascii: look.ascii,
        width: context.width(look.width, to_file),
        lang: context.lang(roadmap),
    }
}

/// Does the output go to a file (not stdout)?
pub fn to_file(output: &OutputArgs) -> bool {
    output.output.as_ref().is_some_and(|p| p.as_os_str() != "-")
}

/// Says on stderr which file was written (unless `--quiet` or the output went to stdout).
pub fn say_written(output: &OutputArgs, context: &Context) {
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
pub fn run_report(
    args: &ReportArgs,
    context: &Context,
    checked: &Checked,
    build: impl for<'a> FnOnce(&'a Roadmap, &'a Plan) -> Box<dyn Report + 'a>,
) -> Result<Outcome> {
    let format = output_format(args.format, &args.output)?;
    let (Some(roadmap), Some(plan)) = (&checked.roadmap, &checked.plan) else {
        return Ok(Outcome::Findings);
    };
    let look = look(context, &args.output, &args.look, Some(roadmap));
    // A table is read by people: its text from the file is escaped for the terminal.
    let safe;
    let roadmap = if format == ReportFormat::Table {
        safe = roadmap.for_terminal();
        &safe
    } else {
        roadmap
    };
    let report = build(roadmap, plan);
    print_report(
        &args.output,
        &args.input.file,
        format,
        &look,
        &roadmap.name,
        report.as_ref(),
    )?;
    Ok(Outcome::Success)
}

/// A command's output formats, as `-o` file names ask for them.
pub trait OutputFormat: Copy + PartialEq + clap::ValueEnum {
    /// Without `--format` and without an extension that names one.
    const DEFAULT: Self;
    /// The format an extension (lower case, no dot) names, if it is one of this command's.
    fn from_extension(extension: &str) -> Option<Self>;
}

impl OutputFormat for ReportFormat {
    const DEFAULT: Self = ReportFormat::Table;
    fn from_extension(extension: &str) -> Option<Self> {
        match extension {
            "csv" => Some(ReportFormat::Csv),
            "json" => Some(ReportFormat::Json),
            "txt" | "text" => Some(ReportFormat::Table),
            _ => None,
        }
    }
}

impl OutputFormat for DiffFormat {
    const DEFAULT: Self = DiffFormat::Table;
    fn from_extension(extension: &str) -> Option<Self> {
        match extension {
            "json" => Some(DiffFormat::Json),
            "md" | "markdown" => Some(DiffFormat::Markdown),
            "txt" | "text" => Some(DiffFormat::Table),
            _ => None,
        }
    }
}

/// The name people type after `--format`.
fn format_name(format: impl clap::ValueEnum) -> String {
    format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

/// The format to write: `--format`, else the one the extension of `-o` names, else the
/// command's default. A `--format` that contradicts the extension, or an extension that names a
/// format this command cannot write, is a usage error (exit 2) naming both.
pub fn output_format<F: OutputFormat>(flag: Option<F>, output: &OutputArgs) -> Result<F> {
    let Some(path) = output.output.as_deref().filter(|p| *p != Path::new("-")) else {
        return Ok(flag.unwrap_or(F::DEFAULT));
    };
    let Some(extension) = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    else {
        return Ok(flag.unwrap_or(F::DEFAULT));
    };
    // Formats other commands write (`export`), so a file named for one is no accident.
    let foreign = crate::cli::ExportFormat::from_path(path)
        .map(format_name)
        .or_else(|| matches!(extension.as_str(), "md" | "markdown").then(|| "markdown".into()));
    match (flag, F::from_extension(&extension), foreign) {
        (Some(flag), Some(named), _) if flag != named => anyhow::bail!(
            "--format {} contradicts the file name {} (a {} file); drop --format or change the extension",
            format_name(flag),
            path.display(),
            format_name(named)
        ),
        (_, Some(named), _) => Ok(named),
        (Some(flag), None, Some(other)) => anyhow::bail!(
            "--format {} contradicts the file name {} (a {other} file); drop --format or change the extension",
            format_name(flag),
            path.display()
        ),
        (None, None, Some(other)) => {
            let names: Vec<String> = F::value_variants()
                .iter()
                .map(|f| format_name(*f))
                .collect();
            let export = if crate::cli::ExportFormat::from_path(path).is_some() {
                format!("; `roadmap export -o {}` writes {other}", path.display())
            } else {
                String::new()
            };
            anyhow::bail!(
                "this command cannot write {} (a {other} file): it writes {}{export}",
                path.display(),
                names.join(", "),
            )
        }
        (flag, None, None) => Ok(flag.unwrap_or(F::DEFAULT)),
    }
}
