//! `roadmap diff`: compare two plans, from two files or from a git revision and a file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use crate::check::check_source;
use crate::cli::{DiffArgs, DiffFormat};
use crate::commands::{Checked, look, print_findings, settings};
use crate::commands::{Context, Outcome};
use crate::diff::{Side, diff};
use crate::model::load::{self, Input};
use crate::output::emit;
use crate::report::diff as report;

pub fn run(args: &DiffArgs, context: &Context) -> Result<Outcome> {
    let format = super::output_format(args.format, &args.output)?;
    let new_path = args
        .new
        .clone()
        .unwrap_or_else(|| PathBuf::from("roadmap.toml"));
    if args.old == "-" && new_path.as_os_str() == "-" {
        bail!("`-` (standard input) can be read only once: give it for one side of the diff");
    }
    let old_path = Path::new(&args.old);
    let old_parsed = if args.old == "-" || old_path.exists() {
        load::load(&Input::from_arg(old_path))?
    } else {
        let text = git_show(&args.old, &new_path)?;
        let mut parsed = load::parse_str(format!("{}:{}", args.old, new_path.display()), text);
        // Files the old version names are read as they are now, next to the new file.
        load::attach(&mut parsed, &Input::from_arg(&new_path).directory());
        parsed
    };
    let new_parsed = load::load(&Input::from_arg(&new_path))?;
    let settings = settings(&args.planner, &args.variant);
    let old = check_source(old_parsed, &settings)?;
    let new = check_source(new_parsed, &settings)?;
    let mut failed = false;
    for checked in [&old, &new] {
        print_findings(checked, context)?;
        failed |= checked.plan.is_none();
    }
    let human = format == DiffFormat::Table;
    let (old, new) = (old.for_people(human), new.for_people(human));
    let (Some(old_side), Some(new_side)) = (side(&old), side(&new)) else {
        debug_assert!(failed);
        return Ok(Outcome::Findings);
    };
    let result = diff(&old_side, &new_side);
    let look = look(context, &args.output, &args.look, new.roadmap.as_ref());
    emit(
        args.output.output.as_deref(),
        args.output.force,
        &new_path,
        |out: &mut dyn Write| match format {
            DiffFormat::Table => report::table(out, &result, &look),
            DiffFormat::Json => report::json(out, &result),
            DiffFormat::Markdown => report::markdown(out, &result, &look),
        },
    )?;
    Ok(Outcome::Success)
}

fn side(checked: &Checked) -> Option<Side<'_>> {
    Some(Side {
        name: &checked.source.name,
        roadmap: checked.roadmap.as_ref()?,
        plan: checked.plan.as_ref()?,
    })
}

/// The file at a git revision: `git show REV:./FILE`, run in the file's directory.
fn git_show(revision: &str, file: &Path) -> Result<String> {
    if revision.starts_with('-') {
        bail!("`{revision}` is neither a file nor a git revision");
    }
    let dir = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = file
        .file_name()
        .with_context(|| format!("{} is not a file name", file.display()))?;
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .arg("show")
        .arg(format!("{revision}:./{}", name.to_string_lossy()))
        .output();
    let output = match output {
        Ok(output) => output,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            bail!("`{revision}` is not a file, and git is not installed to read it as a revision")
        }
        Err(err) => return Err(err).context("cannot run git"),
    };
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        bail!(
            "`{revision}` is not a file, and git cannot show {} at that revision: {}",
            file.display(),
            message.trim()
        );
    }
    String::from_utf8(output.stdout)
        .with_context(|| format!("{revision}:{} is not UTF-8 text", file.display()))
}
