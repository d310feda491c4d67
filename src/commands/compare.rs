//! `roadmap compare`: every scenario planned and compared with the baseline.

use std::io::Write;

use anyhow::Result;

use crate::cli::{CompareArgs, ReportFormat, VariantArgs};
use crate::commands::{check_for_output, look};
use crate::output::emit;
use crate::report::compare as report;
use crate::run::{Context, Outcome};
use crate::scenarios::compare;

pub fn run(args: &CompareArgs, context: &Context) -> Result<Outcome> {
    let variant = VariantArgs {
        scenario: None,
        as_of: args.as_of,
    };
    let checked = check_for_output(&args.file, &args.planner, &variant, context)?;
    let (Some(roadmap), Some(plan)) = (&checked.roadmap, &checked.plan) else {
        return Ok(Outcome::Findings);
    };
    if roadmap.scenarios.is_empty() && !context.quiet {
        eprintln!(
            "note: {} has no [[scenario]] tables; only the baseline is shown",
            checked.source.name
        );
    }
    let outcomes = compare(roadmap, plan, &args.planner.options(), args.as_of)?;
    let look = look(context, &args.output, args.width, args.ascii);
    emit(
        args.output.output.as_deref(),
        args.output.force,
        &args.file,
        |out: &mut dyn Write| match args.format {
            ReportFormat::Table => {
                writeln!(out, "{}\n", look.bold(&roadmap.name))?;
                report::table(out, &outcomes, &roadmap.currency, &look)
            }
            ReportFormat::Csv => report::csv(out, &outcomes),
            ReportFormat::Json => report::json(out, &outcomes),
        },
    )?;
    Ok(Outcome::Success)
}
