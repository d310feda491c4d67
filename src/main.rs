use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    roadmap::run(roadmap::cli::Cli::parse())
}
