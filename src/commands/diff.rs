use anyhow::Result;
use crate::cli::DiffArgs;
use crate::run::{Context, Outcome};
pub fn run(_args: &DiffArgs, _context: &Context) -> Result<Outcome> { todo!() }
