//! `roadmap report`: the self-contained HTML report (the same as `export --format html`).

use std::io::{self, Write};

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::HtmlReportArgs;
use crate::cli::VariantArgs;
use crate::commands::{Checked, check_for_output, say_written};
use crate::model::Roadmap;
use crate::output::emit;
use crate::plan::Plan;
use crate::report::html;
use crate::run::{Context, Outcome};

pub fn run(args: &HtmlReportArgs, context: &Context) -> Result<Outcome> {
    let checked = check_for_output(&args.file, &args.planner, &VariantArgs::default(), context)?;
    let (Some(roadmap), Some(plan)) = (&checked.roadmap, &checked.plan) else {
        return Ok(Outcome::Findings);
    };
    emit(
        args.output.output.as_deref(),
        args.output.force,
        &args.file,
        |out: &mut dyn Write| write_html(out, &checked, roadmap, plan, args.as_of),
    )?;
    say_written(&args.output, context);
    Ok(Outcome::Success)
}

/// The HTML report of a checked file, for `report` and `export --format html` alike.
pub(super) fn write_html(
    out: &mut dyn Write,
    checked: &Checked,
    roadmap: &Roadmap,
    plan: &Plan,
    as_of: Option<NaiveDate>,
) -> io::Result<()> {
    html::write(
        out,
        &html::Input {
            source: &checked.source,
            roadmap,
            plan,
            findings: &checked.findings,
            as_of,
        },
    )
}
