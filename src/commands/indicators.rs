//! `roadmap indicators`: the strategy's indicators against the plan.

use anyhow::Result;

use crate::cli::ReportArgs;
use crate::cli::VariantArgs;
use crate::commands::{Context, Outcome};
use crate::commands::{check_for_output, run_report};
use crate::report::indicators::IndicatorsReport;

pub fn run(args: &ReportArgs, context: &Context) -> Result<Outcome> {
    let checked = check_for_output(
        &args.input.file,
        &args.planner,
        &VariantArgs::default(),
        context,
    )?;
    run_report(args, context, &checked, |roadmap, plan| {
        Box::new(IndicatorsReport::new(roadmap, plan))
    })
}
