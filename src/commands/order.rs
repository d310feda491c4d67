//! `roadmap order`: the implementation order, waves and prerequisites.

use anyhow::Result;

use crate::cli::ReportArgs;
use crate::cli::VariantArgs;
use crate::commands::{Context, Outcome};
use crate::commands::{check_for_output, run_report};
use crate::report::order::OrderReport;
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
            Measure::Order,
            Box::new(OrderReport::new(roadmap, plan)),
            roadmap,
            plan,
        )
    })
}
