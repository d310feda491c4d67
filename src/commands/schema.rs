//! `roadmap schema`: print the JSON Schema of the roadmap file format.

use std::io::Write;

use anyhow::{Context as _, Result};

use crate::commands::{Context, Outcome};
use crate::model::schema::json_schema;

pub fn run(_context: &Context) -> Result<Outcome> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(json_schema().as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write the schema to stdout")?;
    Ok(Outcome::Success)
}
