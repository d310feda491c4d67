//! `roadmap init [PATH]`: write a commented starter roadmap.

use std::path::Path;

use anyhow::Result;

use crate::cli::InitArgs;
use crate::commands::{Context, Outcome};
use crate::output;

/// The starter roadmap: one small, valid example of every table, with comments.
pub const TEMPLATE: &str = include_str!("init.toml");

pub fn run(args: &InitArgs, context: &Context) -> Result<Outcome> {
    if args.stdout || args.path == Path::new("-") {
        output::to_stdout(|out| out.write_all(TEMPLATE.as_bytes()))?;
        return Ok(Outcome::Success);
    }

    // `roadmap init city/` writes city/roadmap.toml, as `git init DIR` works in DIR.
    let path = if args.path.is_dir() {
        args.path.join("roadmap.toml")
    } else {
        args.path.clone()
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
