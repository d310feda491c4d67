//! `roadmap schema`: print the JSON Schema of the roadmap file format.

use anyhow::Result;

use crate::commands::{Context, Outcome};
use crate::model::schema::json_schema;

pub fn run(_context: &Context) -> Result<Outcome> {
    crate::output::to_stdout(|out| out.write_all(json_schema().as_bytes()))?;
    Ok(Outcome::Success)
}
