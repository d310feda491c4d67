//! `roadmap actors`: the role matrix, projects led and joined, and busiest quarters.

use anyhow::Result;

use crate::cli::ReportArgs;
use crate::cli::VariantArgs;
use crate::commands::{Context, Outcome};
use crate::commands::{check_for_output, run_report};
use crate::report::actors::ActorsReport;
use crate::report::programmes::{Measure, with_programmes};

pub fn run(args: &ReportArgs, context: &Context) -> Result<Outcome> {
    let checked = check_for_output(
        &args.input.file,
        &args.planner,
        &VariantArgs::default(),
        context,
    )?;
    run_report(args, context, &checked, |roadmap, plan| {
        with_programmes(
            Measure::Actors,
            Box::new(ActorsReport::new(roadmap, plan)),
            roadmap,
            plan,
        )
    })
}
