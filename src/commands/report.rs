//! `roadmap report`: the self-contained HTML report (the same as `export --format html`).

use std::io::{self, Write};

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use crate::cli::HtmlReportArgs;
use crate::cli::VariantArgs;
use crate::commands::{Checked, check_for_output, say_written};
use crate::commands::{Context, Outcome};
use crate::diag::Diagnostic;
use crate::model::Roadmap;
use crate::output::emit;
use crate::plan::Plan;
use crate::report::html;
use crate::risk::{self, Distribution, Risk};

pub fn run(args: &HtmlReportArgs, context: &Context) -> Result<Outcome> {
    // A PDF needs a browser: refuse before any planning when none is installed.
    let pdf = super::pdf::wants_pdf(args.output.output.as_deref())
        .then(super::pdf::browser)
        .transpose()?;
    let checked = check_for_output(
        &args.input.file,
        &args.planner,
        // `--as-of` plans the remaining work from that day, as `plan --as-of` does.
        &VariantArgs {
            as_of: args.as_of,
            ..VariantArgs::default()
        },
        context,
    )?;
    let (Some(roadmap), Some(plan)) = (&checked.roadmap, &checked.plan) else {
        return Ok(Outcome::Findings);
    };
    let risk = match html_risk(roadmap, plan, args.runs, args.planner.seed)? {
        Ok(risk) => risk,
        Err(finding) => return super::risk::refuse(&checked, finding, context),
    };
    let write = |out: &mut dyn Write| {
        write_html(
            out,
            &checked,
            roadmap,
            plan,
            args.as_of,
            risk.as_ref(),
            context.lang(Some(roadmap)),
        )
    };
    match pdf {
        Some(browser) => {
            let mut html = Vec::new();
            write(&mut html)?;
            let bytes = super::pdf::print(&browser, &html)?;
            emit(
                args.output.output.as_deref(),
                args.output.force,
                &args.input.file,
                |out: &mut dyn Write| out.write_all(&bytes),
            )?;
        }
        None => emit(
            args.output.output.as_deref(),
            args.output.force,
            &args.input.file,
            write,
        )?,
    }
    say_written(&args.output, context);
    Ok(Outcome::Success)
}

/// The schedule risk the HTML report shows: simulated only for roadmaps with three-point
/// durations (without them every run is the plan itself), PERT, `runs` runs seeded by `seed`.
/// A simulation that fails is an error of the command, never a section silently left out; one
/// whose runs pass the last supported day is its E011 finding (`Err` inside).
pub(super) fn html_risk(
    roadmap: &Roadmap,
    plan: &Plan,
    runs: u32,
    seed: u64,
) -> Result<Result<Option<Risk>, Diagnostic>> {
    if !roadmap.has_estimates() {
        return Ok(Ok(None));
    }
    let settings = super::risk::settings(roadmap, runs, seed, Distribution::Pert, None)?;
    let risk = risk::simulate(roadmap, plan, settings, &|_| {})
        .context("cannot simulate the schedule risk of the HTML report")?;
    Ok(match super::risk::past_last_day(roadmap, &risk) {
        Some(finding) => Err(finding),
        None => Ok(Some(risk)),
    })
}

/// The HTML report of a checked file, for `report` and `export --format html` alike.
pub(super) fn write_html(
    out: &mut dyn Write,
    checked: &Checked,
    roadmap: &Roadmap,
    plan: &Plan,
    as_of: Option<NaiveDate>,
    risk: Option<&Risk>,
    lang: crate::i18n::Lang,
) -> io::Result<()> {
    html::write(
        out,
        &html::Input {
            source: &checked.source,
            roadmap,
            plan,
            findings: &checked.findings,
            as_of,
            risk,
            lang,
        },
    )
}
