//! `roadmap risk`: Monte Carlo schedule risk of the planned roadmap.

use std::io::IsTerminal;

use anyhow::{Result, bail};

use crate::cli::{ReportFormat, RiskArgs};
use crate::commands::{Context, Outcome};
use crate::commands::{check_for_output, look, print_report};
use crate::diag::{Code, Diagnostic};
use crate::model::Roadmap;
use crate::report::risk as report;
use crate::risk::{self, Distribution, Settings};

/// Runs below this many are over before a progress bar would be worth drawing.
const PROGRESS_FROM: u32 = 2_000;

pub fn run(args: &RiskArgs, context: &Context) -> Result<Outcome> {
    let format = super::output_format(args.format, &args.output)?;
    let checked = check_for_output(&args.input.file, &args.planner, &args.variant, context)?
        .for_people(format == ReportFormat::Table);
    let (Some(roadmap), Some(plan)) = (&checked.roadmap, &checked.plan) else {
        return Ok(Outcome::Findings);
    };
    let settings = settings(
        roadmap,
        args.runs,
        args.planner.seed,
        args.distribution.into(),
        args.threads,
    )?;
    let bar = (!context.quiet && args.runs >= PROGRESS_FROM && std::io::stderr().is_terminal())
        .then(|| {
            let bar = indicatif::ProgressBar::new(u64::from(args.runs));
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{prefix} {bar:40} {pos}/{len} runs ({eta} left)",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.set_prefix("simulating");
            bar
        });
    let tick = |runs: u64| {
        if let Some(bar) = &bar {
            bar.inc(runs);
        }
    };
    let started = std::time::Instant::now();
    let result = risk::simulate(roadmap, plan, settings, &tick)?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if let Some(finding) = past_last_day(roadmap, &result) {
        return refuse(&checked, finding, context);
    }
    if context.verbose > 0 {
        eprintln!(
            "risk: {} runs on {} threads in {:.0?}",
            result.settings.runs,
            settings.threads,
            started.elapsed()
        );
    }
    let look = look(context, &args.output, &args.look, Some(roadmap));
    if !context.quiet && roadmap.projects.iter().all(|p| p.estimate.is_none()) {
        eprintln!("{}", look.messages().get("risk-no-estimates"));
    }
    let report = report::RiskReport {
        roadmap,
        plan,
        risk: &result,
    };
    print_report(
        &args.output,
        &args.input.file,
        format,
        &look,
        &roadmap.name,
        &report,
    )?;
    Ok(Outcome::Success)
}

/// Simulation settings from the arguments: `--runs` within what memory holds, every core by
/// default (results do not depend on the thread count).
pub(super) fn settings(
    roadmap: &Roadmap,
    runs: u32,
    seed: u64,
    distribution: Distribution,
    threads: Option<u16>,
) -> Result<Settings> {
    let max_runs = risk::max_runs(roadmap.projects.len());
    if runs as usize > max_runs {
        bail!(
            "{runs} runs of {} projects are more than the simulation keeps in memory; use --runs {max_runs} or fewer",
            roadmap.projects.len()
        );
    }
    Ok(Settings {
        runs: runs as usize,
        seed,
        distribution,
        threads: threads.map_or_else(crate::threads::count, usize::from),
    })
}

/// E011 when some simulated run ends after 9999-12-31, the last day supported (a far
/// pessimistic estimate): dates past it are never shown. Points at the duration of the project
/// whose 95th percentile finish is latest.
pub(super) fn past_last_day(roadmap: &Roadmap, result: &risk::Risk) -> Option<Diagnostic> {
    let last = crate::model::decode::Date::LAST;
    let latest_ok = result.finish_days.last().is_none_or(|&day| {
        let days = chrono::Days::new(u64::try_from(day).unwrap_or(0));
        result
            .origin
            .checked_add_days(days)
            .is_some_and(|d| d <= last)
    });
    if result.finish.p95 <= last && latest_ok {
        return None;
    }
    let (_, project) = roadmap
        .projects
        .iter()
        .enumerate()
        .max_by_key(|(i, _)| (result.projects[*i].finish.p95, std::cmp::Reverse(*i)))?;
    Some(
        Diagnostic::error(
            Code::TooLarge,
            crate::i18n::text!("e-runs-past-last-day", project = &project.id),
        )
        .at(project.duration_at.clone())
        .with_help(crate::i18n::text!("find-risk-1")),
    )
}

/// Prints a finding that stops the command (after the file's own findings) and ends it with
/// exit 1.
pub(super) fn refuse(
    checked: &crate::check::Checked,
    finding: Diagnostic,
    context: &Context,
) -> Result<Outcome> {
    let findings = [finding];
    let report = crate::diag::render::FileReport {
        file: &checked.source,
        findings: &findings,
    };
    crate::diag::render::human(
        &mut anstream::stderr().lock(),
        &report,
        context.color_stderr,
        context.lang_of(checked),
    )?;
    Ok(Outcome::Findings)
}
