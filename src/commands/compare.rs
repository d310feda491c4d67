use anyhow::Result;
use crate::cli::CompareArgs;
use crate::run::{Context, Outcome};
pub fn run(_args: &CompareArgs, _context: &Context) -> Result<Outcome> { todo!() }
