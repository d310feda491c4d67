//! `roadmap completions SHELL`: print a completion script for the shell.

use std::io::Write;

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::commands::{Context, Outcome};

pub fn run(args: &CompletionsArgs, _context: &Context) -> Result<Outcome> {
    // clap_complete writes to any `Write` and cannot fail on a Vec; writing it out can.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "roadmap", &mut script);
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&script)
        .and_then(|()| stdout.flush())
        .context("cannot write the completion script to stdout")?;
    Ok(Outcome::Success)
}
