//! From parsed arguments to an exit code: colour, dispatch, and how failures are reported.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::{Cli, ColorWhen, Command};
use crate::commands::{self, Context, Outcome};

pub fn run(cli: Cli) -> ExitCode {
    let context = Context {
        color_stdout: use_color(cli.color, std::io::stdout().is_terminal()),
        color_stderr: use_color(cli.color, std::io::stderr().is_terminal()),
        quiet: cli.quiet,
        verbose: cli.verbose,
        lang: cli.lang.map(Into::into),
    };
    anstream::ColorChoice::write_global(match cli.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
    let result = match &cli.command {
        Command::Plan(args) => commands::plan::run(args, &context),
        Command::Validate(args) => commands::validate::run(args, &context),
        Command::Actors(args) => commands::actors::run(args, &context),
        Command::Funding(args) => commands::funding::run(args, &context),
        Command::Calendar(args) => commands::calendar::run(args, &context),
        Command::Resources(args) => commands::resources::run(args, &context),
        Command::Order(args) => commands::order::run(args, &context),
        Command::Export(args) => commands::export::run(args, &context),
        Command::Report(args) => commands::report::run(args, &context),
        Command::Init(args) => commands::init::run(args, &context),
        Command::Import(args) => commands::import::run(args, &context),
        Command::Schema => commands::schema::run(&context),
        Command::Completions(args) => commands::completions::run(args, &context),
        Command::Man => commands::man::run(&context),
        Command::Risk(args) => commands::risk::run(args, &context),
        Command::Diff(args) => commands::diff::run(args, &context),
        Command::Compare(args) => commands::compare::run(args, &context),
        Command::Rank(args) => commands::rank::run(args, &context),
        Command::Indicators(args) => commands::indicators::run(args, &context),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let mut stderr = anstream::stderr();
            let style = anstyle::Style::new()
                .bold()
                .fg_color(Some(anstyle::AnsiColor::Red.into()));
            let _ = writeln!(stderr, "{style}error{style:#}: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// `--color`, then NO_COLOR / CLICOLOR_FORCE, then whether the stream is a terminal.
fn use_color(when: ColorWhen, is_terminal: bool) -> bool {
    let env_set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto if env_set("NO_COLOR") => false,
        ColorWhen::Auto if env_set("CLICOLOR_FORCE") => true,
        ColorWhen::Auto => is_terminal && std::env::var("TERM").map_or(true, |t| t != "dumb"),
    }
}

/// `roadmap plan | head` closes the pipe early; that is not an error worth a message. The csv
/// crate wraps the write error in its own, so look inside that too.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = |io: &std::io::Error| io.kind() == std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| {
            broken(io)
                || io
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<csv::Error>())
                    .is_some_and(|csv| matches!(csv.kind(), csv::ErrorKind::Io(io) if broken(io)))
        })
    })
}
