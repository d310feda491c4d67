//! `roadmap plan`: schedule the roadmap and print it for people (table and timeline) or for
//! other tools (CSV, JSON).

use std::io::Write;

use anyhow::Result;

use crate::cli::{PlanArgs, ReportFormat};
use crate::commands::{Context, Outcome};
use crate::commands::{check_for_output, look, output_format};
use crate::output::emit;
use crate::report::gantt::GroupBy;
use crate::report::{self, gantt};

pub fn run(args: &PlanArgs, context: &Context) -> Result<Outcome> {
    let format = output_format(args.format, &args.output)?;
    let checked = check_for_output(&args.input.file, &args.planner, &args.variant, context)?
        .for_people(format == ReportFormat::Table);
    let (Some(roadmap), Some(plan)) = (&checked.roadmap, &checked.plan) else {
        return Ok(Outcome::Findings);
    };
    if context.verbose > 0 {
        let stats = &plan.solution.stats;
        let bound = stats.lower_bound.map_or("unknown".to_string(), |b| {
            plan.problem.date(b - 1).to_string()
        });
        eprintln!(
            "planner: {} schedules, {} generations, {:.0?}; plan ends {}, lower bound {bound}",
            stats.schedules,
            stats.iterations,
            stats.elapsed,
            plan.finish()
        );
    }
    let look = look(context, &args.output, &args.look, Some(roadmap));
    let group_by = GroupBy::or_default(args.group_by.map(Into::into), roadmap, GroupBy::None);
    emit(
        args.output.output.as_deref(),
        args.output.force,
        &args.input.file,
        |out: &mut dyn Write| match format {
            ReportFormat::Table => {
                writeln!(out, "{}\n", look.bold(&roadmap.name))?;
                if group_by == GroupBy::Programme {
                    report::table::write_outline(out, roadmap, plan, &look)?;
                } else {
                    report::table::write(out, roadmap, plan, &look)?;
                }
                if group_by == GroupBy::Objective {
                    writeln!(out)?;
                    report::objectives::write_table(out, roadmap, plan, &look)?;
                }
                writeln!(out)?;
                gantt::write(
                    out,
                    roadmap,
                    plan,
                    &look,
                    &gantt::Options {
                        scale: args.scale.map(Into::into),
                        group_by,
                    },
                )?;
                if context.verbose > 0 {
                    report::descriptions::write(out, roadmap, &look)?;
                    report::descriptions::write_effort(out, roadmap, &look)?;
                }
                Ok(())
            }
            ReportFormat::Csv => report::csv::write(out, roadmap, plan),
            ReportFormat::Json => report::json::write(out, &checked.source, roadmap, plan),
        },
    )?;
    Ok(Outcome::Success)
}
