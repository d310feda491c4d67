//! `roadmap resources`: capacity, peak, average utilisation and a monthly profile.

use anyhow::Result;

use crate::cli::ReportArgs;
use crate::cli::VariantArgs;
use crate::commands::{Context, Outcome};
use crate::commands::{check_for_output, run_report};
use crate::report::programmes::{Measure, with_programmes};
use crate::report::resources::ResourcesReport;

pub fn run(args: &ReportArgs, context: &Context) -> Result<Outcome> {
    let checked = check_for_output(
        &args.input.file,
        &args.planner,
        &VariantArgs::default(),
        context,
    )?;
    run_report(args, context, &checked, |roadmap, plan| {
        with_programmes(
            Measure::Resources,
            Box::new(ResourcesReport::new(roadmap, plan)),
            roadmap,
            plan,
        )
    })
}
