//! `roadmap completions SHELL`: print a completion script for the shell.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::commands::{Context, Outcome};

pub fn run(args: &CompletionsArgs, _context: &Context) -> Result<Outcome> {
    // clap_complete writes to any `Write` and cannot fail on a Vec; writing it out can.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "roadmap", &mut script);
    crate::output::to_stdout(|out| out.write_all(&script))?;
    Ok(Outcome::Success)
}
