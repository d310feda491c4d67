//! `roadmap init [PATH]`: write a commented starter roadmap.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::cli::{InitArgs, TemplateFormat};
use crate::commands::{Context, Outcome};
use crate::output;

/// The starter roadmap: one small, valid example of every table, with comments.
pub const TEMPLATE: &str = include_str!("init.toml");

pub fn run(args: &InitArgs, context: &Context) -> Result<Outcome> {
    if let Some(template) = args.template {
        return spreadsheet(args, template, context);
    }
    let arg = args
        .path
        .clone()
        .unwrap_or_else(|| PathBuf::from("roadmap.toml"));
    if args.stdout || arg == Path::new("-") {
        output::to_stdout(|out| out.write_all(TEMPLATE.as_bytes()))?;
        return Ok(Outcome::Success);
    }

    // `roadmap init city/` writes city/roadmap.toml, as `git init DIR` works in DIR.
    let path = if arg.is_dir() {
        arg.join("roadmap.toml")
    } else {
        arg
    };
    // The one output path: atomic, never over an existing file without --force, and a device or
    // pipe is written into rather than replaced.
    output::emit_to(Some(&path), args.force, None, |out| {
        out.write_all(TEMPLATE.as_bytes())
    })?;
    if !context.quiet {
        // The template's `#:schema ./roadmap.schema.json` line is resolved next to the file.
        let schema = path.with_file_name("roadmap.schema.json");
        let (shown, schema) = (path.display(), schema.display());
        eprintln!(
            "wrote {shown}: edit it, then run `roadmap validate {shown}` and `roadmap plan {shown}`"
        );
        eprintln!("for completion and checks in your editor: roadmap schema > {schema}");
    }
    Ok(Outcome::Success)
}

/// `roadmap init --template xlsx|csv [PATH]`: a spreadsheet to fill in for `roadmap import`.
fn spreadsheet(args: &InitArgs, template: TemplateFormat, context: &Context) -> Result<Outcome> {
    let file_name = match template {
        TemplateFormat::Xlsx => "projects.xlsx",
        TemplateFormat::Csv => "projects.csv",
    };
    let to_stdout = args.stdout || args.path.as_deref() == Some(Path::new("-"));
    if to_stdout && template == TemplateFormat::Xlsx {
        bail!(
            "a workbook is binary: give a file name, e.g. roadmap init --template xlsx projects.xlsx"
        );
    }
    let path = match &args.path {
        _ if to_stdout => None,
        Some(path) if path.is_dir() => Some(path.join(file_name)),
        Some(path) => Some(path.clone()),
        None => Some(PathBuf::from(file_name)),
    };
    let bytes = match template {
        #[cfg(feature = "xlsx")]
        TemplateFormat::Xlsx => {
            use anyhow::Context as _;
            crate::import::template::xlsx().context("cannot build the workbook")?
        }
        #[cfg(not(feature = "xlsx"))]
        TemplateFormat::Xlsx => {
            bail!("this roadmap was built without XLSX support (cargo feature `xlsx`)")
        }
        TemplateFormat::Csv => {
            let mut out = Vec::new();
            crate::import::template::write_csv(&mut out)?;
            out
        }
    };
    crate::output::emit(
        path.as_deref(),
        args.force,
        Path::new(""),
        |out: &mut dyn Write| out.write_all(&bytes),
    )?;
    if let Some(path) = path
        && !context.quiet
    {
        let shown = path.display();
        eprintln!(
            "wrote {shown}: replace the example rows with your projects, then run `roadmap import {shown}`"
        );
    }
    Ok(Outcome::Success)
}
