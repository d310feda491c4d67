//! `roadmap export`: the plan for other tools, written to stdout or atomically to a file.

use std::io::Write;

use anyhow::{Result, bail};

use crate::cli::VariantArgs;
use crate::cli::{ExportArgs, ExportFormat};
use crate::commands::report::{html_risk, write_html};
use crate::commands::{Context, Outcome};
use crate::commands::{check_for_output, say_written, to_file};
use crate::output::emit;
use crate::report;
use crate::report::gantt::GroupBy;

pub fn run(args: &ExportArgs, context: &Context) -> Result<Outcome> {
    let named = args
        .output
        .output
        .as_deref()
        .and_then(|path| ExportFormat::from_path(path).map(|f| (path, f)));
    let format = match (args.format, args.output.output.as_deref()) {
        (Some(format), _) => {
            if let Some((path, named)) = named.filter(|(_, named)| *named != format) {
                let name = |f: ExportFormat| {
                    use clap::ValueEnum;
                    f.to_possible_value()
                        .map_or_else(String::new, |v| v.get_name().to_string())
                };
                bail!(
                    "--format {} contradicts the file name {} (a {} file); drop --format or change the extension",
                    name(format),
                    path.display(),
                    name(named)
                );
            }
            format
        }
        (None, Some(path)) => match ExportFormat::from_path(path) {
            Some(format) => format,
            None => {
                // Every format clap accepts, so the list cannot fall behind.
                use clap::ValueEnum;
                let names: Vec<String> = ExportFormat::value_variants()
                    .iter()
                    .filter_map(|f| f.to_possible_value())
                    .map(|v| v.get_name().to_string())
                    .collect();
                bail!(
                    "cannot tell the export format from {}; add --format ({})",
                    path.display(),
                    names.join(", ")
                )
            }
        },
        (None, None) => {
            bail!("say which format to export with --format, or give -o with a known extension")
        }
    };
    if format == ExportFormat::Xlsx && !to_file(&args.output) {
        bail!("an XLSX workbook is binary: give a file with -o, e.g. -o plan.xlsx");
    }
    #[cfg(not(feature = "xlsx"))]
    if format == ExportFormat::Xlsx {
        bail!("this roadmap was built without XLSX support (cargo feature `xlsx`)");
    }

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
    let risk = match format {
        ExportFormat::Html => match html_risk(roadmap, plan, args.runs, args.planner.seed)? {
            Ok(risk) => risk,
            Err(finding) => return crate::commands::risk::refuse(&checked, finding, context),
        },
        _ => None,
    };
    let lang = context.lang(Some(roadmap));
    let messages = crate::i18n::Messages::new(lang);
    emit(
        args.output.output.as_deref(),
        args.output.force,
        &args.input.file,
        |out: &mut dyn Write| match format {
            ExportFormat::Csv => report::csv::write(out, roadmap, plan),
            ExportFormat::Json => report::json::write(out, &checked.source, roadmap, plan),
            ExportFormat::Mermaid => report::mermaid::write(
                out,
                roadmap,
                plan,
                GroupBy::or_default(args.group_by.map(Into::into), roadmap, GroupBy::Objective),
            ),
            ExportFormat::Dot => report::dot::write(out, roadmap, plan),
            ExportFormat::Svg => report::svg::write(out, roadmap, plan, args.as_of, lang),
            ExportFormat::Ics => report::ics::write(out, roadmap, plan, args.as_of, &messages),
            ExportFormat::Mspdi => report::mspdi::write(out, roadmap, plan),
            ExportFormat::Html => write_html(
                out,
                &checked,
                roadmap,
                plan,
                args.as_of,
                risk.as_ref(),
                lang,
            ),
            #[cfg(feature = "xlsx")]
            ExportFormat::Xlsx => {
                let bytes = report::xlsx::workbook(
                    roadmap,
                    plan,
                    &checked.source,
                    &checked.findings,
                    &messages,
                )
                .map_err(std::io::Error::other)?;
                out.write_all(&bytes)
            }
            #[cfg(not(feature = "xlsx"))]
            ExportFormat::Xlsx => Ok(()),
        },
    )?;
    say_written(&args.output, context);
    Ok(Outcome::Success)
}
