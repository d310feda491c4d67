use std::io::{self, Write};
use crate::model::Roadmap;
use crate::plan::Plan;
pub fn write(_out: &mut dyn Write, _roadmap: &Roadmap, _plan: &Plan) -> io::Result<()> { Ok(()) }
