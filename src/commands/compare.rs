//! `roadmap compare`: every scenario planned and compared with the baseline.

use anyhow::Result;

use crate::cli::{CompareArgs, VariantArgs};
use crate::commands::{check_for_output, look, print_report};
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
    let report = report::CompareReport {
        outcomes: &outcomes,
        currency: &roadmap.currency,
    };
    print_report(
        &args.output,
        &args.file,
        args.format,
        &look,
        &roadmap.name,
        &report,
    )?;
    Ok(Outcome::Success)
}
