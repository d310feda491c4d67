//! `roadmap compare`: every scenario planned and compared with the baseline.

use anyhow::Result;

use crate::cli::{CompareArgs, ReportFormat, VariantArgs};
use crate::commands::{Context, Outcome};
use crate::commands::{check_for_output, look, print_report, settings};
use crate::diag::render::{self, FileReport};
use crate::report::compare as report;
use crate::scenarios::compare;

pub fn run(args: &CompareArgs, context: &Context) -> Result<Outcome> {
    let variant = VariantArgs {
        scenario: None,
        as_of: args.as_of,
    };
    let format = super::output_format(args.format, &args.output)?;
    let checked = check_for_output(&args.input.file, &args.planner, &variant, context)?
        .for_people(format == ReportFormat::Table);
    let (Some(roadmap), Some(_)) = (&checked.roadmap, &checked.plan) else {
        return Ok(Outcome::Findings);
    };
    if roadmap.scenarios.is_empty() && !context.quiet {
        let t = crate::i18n::Messages::new(context.lang_of(&checked));
        eprintln!(
            "{}",
            t.with(
                "compare-no-scenarios",
                &[("file", checked.source.name.clone())]
            )
        );
    }
    let comparison = compare(&checked, &settings(&args.planner, &variant))?;
    // Each scenario's findings that the file itself does not have: what the scenario breaks.
    let mut broken = false;
    for variant in &comparison.variants {
        let mut own = variant.checked.findings.clone();
        own.retain(|f| !checked.findings.contains(f));
        if own.is_empty() {
            continue;
        }
        broken |= variant.checked.plan.is_none();
        eprintln!(
            "scenario `{}`{}:",
            variant.scenario.id,
            if variant.checked.plan.is_none() {
                " (has errors, not planned)"
            } else {
                ""
            }
        );
        let report = FileReport {
            file: &checked.source,
            findings: &own,
        };
        render::human(
            &mut anstream::stderr().lock(),
            &report,
            context.color_stderr,
            context.lang_of(&checked),
        )?;
    }
    let outcomes = comparison.outcomes;
    let look = look(context, &args.output, &args.look, Some(roadmap));
    let report = report::CompareReport {
        outcomes: &outcomes,
        currency: &roadmap.currency,
    };
    print_report(
        &args.output,
        &args.input.file,
        format,
        &look,
        &roadmap.name,
        &report,
    )?;
    Ok(if broken {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}
