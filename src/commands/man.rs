//! `roadmap man` (hidden): print the man page, for packagers.

use std::io::Write;

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use crate::cli::Cli;
use crate::commands::{Context, Outcome};

pub fn run(_context: &Context) -> Result<Outcome> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .context("cannot render the man page")?;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&page)
        .and_then(|()| stdout.flush())
        .context("cannot write the man page to stdout")?;
    Ok(Outcome::Success)
}
