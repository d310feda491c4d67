//! `roadmap man` (hidden): print the man page, for packagers.

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use crate::cli::Cli;
use crate::commands::{Context, Outcome};

pub fn run(_context: &Context) -> Result<Outcome> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .context("cannot render the man page")?;
    crate::output::to_stdout(|out| out.write_all(&page))?;
    Ok(Outcome::Success)
}
