//! `roadmap funding`: sources, commitments, spend per year against yearly caps, and project
//! cover; with `--opportunities`, the sources that could close each project's gap.

use anyhow::Result;

use crate::cli::{FundingArgs, VariantArgs};
use crate::commands::{Context, Outcome};
use crate::commands::{check_for_output, run_report};
use crate::report::funding::FundingReport;
use crate::report::opportunities::OpportunitiesReport;
use crate::report::programmes::{Measure, with_programmes};

pub fn run(args: &FundingArgs, context: &Context) -> Result<Outcome> {
    let report = &args.report;
    let checked = check_for_output(
        &report.input.file,
        &report.planner,
        &VariantArgs::default(),
        context,
    )?;
    if args.opportunities {
        run_report(report, context, &checked, |roadmap, plan| {
            Box::new(OpportunitiesReport::new(roadmap, plan))
        })
    } else {
        run_report(report, context, &checked, |roadmap, plan| {
            with_programmes(
                Measure::Funding,
                Box::new(FundingReport::new(roadmap, plan)),
                roadmap,
                plan,
            )
        })
    }
}
