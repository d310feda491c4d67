//! `roadmap import FILE`: a plan from MS Project XML or a spreadsheet, as a commented
//! roadmap.toml. The text is validated and planned before anything is written; when it has
//! errors nothing is written, and every finding names its place in the imported file.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use crate::check;
use crate::cli::{ImportArgs, ImportFormat, VariantArgs};
use crate::commands::{Context, Outcome, settings};
use crate::diag::{Diagnostic, Severity};
use crate::display::terminal;
use crate::import::writer::{self, Written};
use crate::import::{self, Extras, Format, MAX_IMPORT_BYTES, Problem};
use crate::model::load;
use crate::output::emit;

/// Warnings of one kind printed before the rest are counted.
const WARNINGS_SHOWN: usize = 3;

impl From<ImportFormat> for Format {
    fn from(format: ImportFormat) -> Format {
        match format {
            ImportFormat::Mspdi => Format::Mspdi,
            ImportFormat::Csv => Format::Csv,
            ImportFormat::Xlsx => Format::Xlsx,
        }
    }
}

/// A file's bytes, at most [`MAX_IMPORT_BYTES`] + 1 of them (`-` is stdin).
enum Bytes {
    Read(Vec<u8>),
    TooLarge(u64),
}

fn read(path: &Path) -> Result<Bytes> {
    let shown = path.display();
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_IMPORT_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {shown}"))?;
        let metadata = file
            .metadata()
            .with_context(|| format!("cannot read {shown}"))?;
        if metadata.is_dir() {
            bail!("{shown} is a directory, not a file to import");
        }
        if metadata.len() > MAX_IMPORT_BYTES {
            return Ok(Bytes::TooLarge(metadata.len()));
        }
        file.take(MAX_IMPORT_BYTES + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {shown}"))?;
    }
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Ok(Bytes::TooLarge(bytes.len() as u64));
    }
    Ok(Bytes::Read(bytes))
}

fn extra(path: Option<&Path>) -> Result<Option<(String, Vec<u8>)>> {
    let Some(path) = path else { return Ok(None) };
    match read(path)? {
        Bytes::Read(bytes) => Ok(Some((path.display().to_string(), bytes))),
        Bytes::TooLarge(size) => bail!("{}: {}", path.display(), import::too_large(size).message),
    }
}

pub fn run(args: &ImportArgs, context: &Context) -> Result<Outcome> {
    let name = if args.file == Path::new("-") {
        "<stdin>".to_string()
    } else {
        args.file.display().to_string()
    };
    let format = match args
        .from
        .map(Format::from)
        .or_else(|| Format::from_path(&args.file))
    {
        Some(format) => format,
        None => {
            let extension = args
                .file
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            let hint = match extension.as_deref() {
                Some("mpp") => {
                    " (.mpp is MS Project's binary format: save the plan as XML in MS Project, or convert it with MPXJ)"
                }
                Some("gan") => {
                    " (.gan is GanttProject's own format: export the plan as MS Project XML)"
                }
                Some("pod") => {
                    " (.pod is ProjectLibre's own format: save the plan as MS Project XML)"
                }
                Some("xls" | "ods") => " (save the sheet as .xlsx or .csv)",
                _ => "",
            };
            bail!(
                "cannot tell the format of {name} from its name; add --from mspdi, csv or xlsx{hint}"
            )
        }
    };
    let extras = Extras {
        name: args.name.clone(),
        start: args.start,
        actors: extra(args.actors.as_deref())?,
        resources: extra(args.resources.as_deref())?,
        funding: extra(args.funding.as_deref())?,
        objectives: extra(args.objectives.as_deref())?,
        calendar: extra(args.calendar.as_deref())?,
        workdays: args.workdays,
    };
    if format != Format::Csv
        && [
            &extras.actors,
            &extras.resources,
            &extras.funding,
            &extras.objectives,
        ]
        .iter()
        .any(|e| e.is_some())
    {
        bail!(
            "--actors, --resources, --funding and --objectives are for CSV imports; a workbook has them as sheets"
        );
    }
    if format == Format::Mspdi && (extras.calendar.is_some() || extras.workdays.is_some()) {
        bail!(
            "--calendar and --workdays are for spreadsheet imports; an MS Project file brings its own calendar"
        );
    }

    let draft = match read(&args.file)? {
        Bytes::TooLarge(size) => Err(vec![import::too_large(size)]),
        Bytes::Read(bytes) => import::read(&name, &bytes, format, &extras),
    };
    let mut draft = match draft {
        Ok(draft) => draft,
        Err(problems) => {
            print_problems(&name, &problems, context)?;
            eprintln!("nothing written: {name} could not be imported");
            return Ok(Outcome::Findings);
        }
    };

    if let Some(name) = &args.name {
        draft.name = Some(name.clone());
    }
    let to_stdout = args.output == Path::new("-");
    let output_name = if to_stdout {
        "<stdout>".to_string()
    } else {
        args.output.display().to_string()
    };
    let written = writer::write(&draft);
    let parsed = load::parse_str(output_name.clone(), written.text.clone());
    let checked = check::check_source(parsed, &settings(&args.planner, &VariantArgs::default()))?;

    let mut stderr = anstream::stderr().lock();
    for note in &draft.notes {
        let at = note
            .at
            .describe()
            .map(|a| format!("{a}: "))
            .unwrap_or_default();
        writeln!(
            stderr,
            "{}: {}: {at}{}",
            terminal(&name),
            label(context, "note", anstyle::AnsiColor::Cyan),
            terminal(&note.message)
        )?;
    }
    // Every error; of each kind of warning the first few (an MSPDI file has no funding, so
    // every costed project is a funding gap), then how many more.
    let mut shown: std::collections::HashMap<crate::diag::Code, usize> = Default::default();
    for finding in &checked.findings {
        let count = shown.entry(finding.code).or_default();
        *count += 1;
        if finding.severity() == Severity::Error || *count <= WARNINGS_SHOWN {
            print_finding(
                &mut stderr,
                &name,
                &written,
                &checked.source,
                finding,
                context,
            )?;
        }
    }
    let mut more: Vec<_> = shown
        .into_iter()
        .filter(|(code, n)| code.severity() == Severity::Warning && *n > WARNINGS_SHOWN)
        .collect();
    more.sort();
    for (code, n) in more {
        writeln!(
            stderr,
            "{}: ... and {} more {} {} warnings (`roadmap validate` lists them all)",
            terminal(&name),
            n - WARNINGS_SHOWN,
            code.id(),
            code.name()
        )?;
    }
    if checked.has_errors() {
        writeln!(
            stderr,
            "nothing written: the roadmap imported from {} has errors (fix them in the source and import again)",
            terminal(&name)
        )?;
        return Ok(Outcome::Findings);
    }
    drop(stderr);

    emit(
        (!to_stdout).then_some(args.output.as_path()),
        args.force,
        &args.file,
        |out: &mut dyn Write| out.write_all(written.text.as_bytes()),
    )?;
    if !context.quiet {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let warnings = checked.count(Severity::Warning);
        eprintln!(
            "{} {output_name} from {}: {}, {}, {}, {}{}",
            if to_stdout { "printed" } else { "wrote" },
            terminal(&name),
            plural(draft.projects.len(), "project"),
            plural(draft.actors.len(), "actor"),
            plural(draft.resources.len(), "resource"),
            plural(draft.funding.len(), "funding source"),
            match (warnings, draft.notes.len()) {
                (0, 0) => String::new(),
                (w, n) => format!("; {} and {} above", plural(w, "warning"), plural(n, "note")),
            }
        );
    }
    Ok(Outcome::Success)
}

fn label(context: &Context, text: &str, color: anstyle::AnsiColor) -> String {
    if context.color_stderr {
        let style = anstyle::Style::new().bold().fg_color(Some(color.into()));
        format!("{style}{text}{style:#}")
    } else {
        text.to_string()
    }
}

fn print_problems(name: &str, problems: &[Problem], context: &Context) -> Result<()> {
    let mut stderr = anstream::stderr().lock();
    for problem in problems {
        let at = problem
            .at
            .describe()
            .map(|a| format!("{a}: "))
            .unwrap_or_default();
        writeln!(
            stderr,
            "{}: {}: {at}{}",
            terminal(name),
            label(context, "error", anstyle::AnsiColor::Red),
            terminal(&problem.message)
        )?;
    }
    Ok(())
}

/// A finding of the imported roadmap, at its place in the source file, with the line of
/// the generated TOML it is about.
fn print_finding(
    out: &mut dyn Write,
    name: &str,
    written: &Written,
    toml: &crate::diag::SourceFile,
    finding: &Diagnostic,
    context: &Context,
) -> Result<()> {
    let (severity, color) = match finding.severity() {
        Severity::Error => ("error", anstyle::AnsiColor::Red),
        Severity::Warning => ("warning", anstyle::AnsiColor::Yellow),
    };
    let line = finding.at.as_ref().map(|at| toml.position(at.start).line);
    let at = line
        .and_then(|l| written.origin_of_line(l).describe())
        .map(|a| format!("{a}: "))
        .unwrap_or_default();
    writeln!(
        out,
        "{}: {}: {at}{}",
        terminal(name),
        label(
            context,
            &format!("{severity}[{} {}]", finding.code.id(), finding.code.name()),
            color
        ),
        terminal(&finding.message)
    )?;
    if let Some(line) = line
        && let Some(text) = toml.text.lines().nth(line - 1)
    {
        writeln!(
            out,
            "  = in the imported roadmap, line {line}: {}",
            terminal(text.trim())
        )?;
    }
    if let Some(help) = &finding.help {
        writeln!(out, "  = help: {}", terminal(help))?;
    }
    Ok(())
}
