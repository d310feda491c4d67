//! `roadmap calendar`: the non-working days of the plan and where each comes from.

use anyhow::Result;

use crate::cli::{CalendarArgs, VariantArgs};
use crate::commands::{Context, Outcome};
use crate::commands::{check_for_output, run_report};
use crate::report::calendar::CalendarReport;

pub fn run(args: &CalendarArgs, context: &Context) -> Result<Outcome> {
    let checked = check_for_output(
        &args.report.input.file,
        &args.report.planner,
        &VariantArgs::default(),
        context,
    )?;
    run_report(&args.report, context, &checked, |roadmap, plan| {
        Box::new(CalendarReport::new(roadmap, plan, args.year))
    })
}
