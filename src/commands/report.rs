//! `roadmap report`: the self-contained HTML report (the same as `export --format html`).

use std::io::Write;

use anyhow::Result;

use crate::cli::HtmlReportArgs;
use crate::cli::VariantArgs;
use crate::commands::{check_for_output, to_file};
use crate::output::emit;
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
        |out: &mut dyn Write| {
            html::write(
                out,
                &html::Input {
                    source: &checked.source,
                    roadmap,
                    plan,
                    findings: &checked.findings,
                    as_of: args.as_of,
                },
            )
        },
    )?;
    if to_file(&args.output)
        && !context.quiet
        && let Some(path) = &args.output.output
    {
        eprintln!("wrote {}", path.display());
    }
    Ok(Outcome::Success)
}
