//! `roadmap plan`: schedule the roadmap and print it.

use anyhow::Result;

use crate::cli::PlanArgs;
use crate::run::{Context, Outcome};

pub fn run(args: &PlanArgs, context: &Context) -> Result<Outcome> {
    let _ = (args, context);
    anyhow::bail!("the planner is not wired in yet")
}
