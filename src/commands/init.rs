//! `roadmap init [PATH]`: write a commented starter roadmap.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use crate::cli::{InitArgs, TemplateFormat};
use crate::commands::{Context, Outcome};

/// The starter roadmap: one small, valid example of every table, with comments.
pub const TEMPLATE: &str = include_str!("init.toml");

pub fn run(args: &InitArgs, context: &Context) -> Result<Outcome> {
    if let Some(template) = args.template {
        return spreadsheet(args, template, context);
    }
    let arg = args
        .path
        .clone()
        .unwrap_or_else(|| PathBuf::from("roadmap.toml"));
    if args.stdout || arg == Path::new("-") {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(TEMPLATE.as_bytes())
            .and_then(|()| stdout.flush())
            .context("cannot write the roadmap to stdout")?;
        return Ok(Outcome::Success);
    }

    // `roadmap init city/` writes city/roadmap.toml, as `git init DIR` works in DIR.
    let path = if arg.is_dir() {
        arg.join("roadmap.toml")
    } else {
        arg
    };
    write_atomically(&path, TEMPLATE, args.force)?;
    if !context.quiet {
        // The template's `#:schema ./roadmap.schema.json` line is resolved next to the file.
        let schema = path.with_file_name("roadmap.schema.json");
        let (shown, schema) = (path.display(), schema.display());
        eprintln!(
            "wrote {shown}: edit it, then run `roadmap validate {shown}` and `roadmap plan {shown}`"
        );
        eprintln!("for completion and checks in your editor: roadmap schema > {schema}");
    }
    Ok(Outcome::Success)
}

/// `roadmap init --template xlsx|csv [PATH]`: a spreadsheet to fill in for `roadmap import`.
fn spreadsheet(args: &InitArgs, template: TemplateFormat, context: &Context) -> Result<Outcome> {
    let file_name = match template {
        TemplateFormat::Xlsx => "projects.xlsx",
        TemplateFormat::Csv => "projects.csv",
    };
    let to_stdout = args.stdout || args.path.as_deref() == Some(Path::new("-"));
    if to_stdout && template == TemplateFormat::Xlsx {
        bail!(
            "a workbook is binary: give a file name, e.g. roadmap init --template xlsx projects.xlsx"
        );
    }
    let path = match &args.path {
        _ if to_stdout => None,
        Some(path) if path.is_dir() => Some(path.join(file_name)),
        Some(path) => Some(path.clone()),
        None => Some(PathBuf::from(file_name)),
    };
    let bytes = match template {
        #[cfg(feature = "xlsx")]
        TemplateFormat::Xlsx => {
            crate::import::template::xlsx().context("cannot build the workbook")?
        }
        #[cfg(not(feature = "xlsx"))]
        TemplateFormat::Xlsx => {
            bail!("this roadmap was built without XLSX support (cargo feature `xlsx`)")
        }
        TemplateFormat::Csv => {
            let mut out = Vec::new();
            crate::import::template::write_csv(&mut out)?;
            out
        }
    };
    crate::output::emit(
        path.as_deref(),
        args.force,
        Path::new(""),
        |out: &mut dyn Write| out.write_all(&bytes),
    )?;
    if let Some(path) = path
        && !context.quiet
    {
        let shown = path.display();
        eprintln!(
            "wrote {shown}: replace the example rows with your projects, then run `roadmap import {shown}`"
        );
    }
    Ok(Outcome::Success)
}

/// Writes `text` to `path` through a temporary file in the same directory renamed into place, so
/// a reader never sees half a file and a failed write leaves nothing behind. Without `force`, an
/// existing file is kept (checked again at the rename, so a file created meanwhile is kept too).
fn write_atomically(path: &Path, text: &str, force: bool) -> Result<()> {
    let shown = path.display();
    if !force && path.exists() {
        bail!("{shown} already exists; use --force to replace it");
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is not a directory"
        } else {
            "does not exist"
        };
        bail!("cannot write {shown}: {} {why}", dir.display());
    }

    let mut builder = tempfile::Builder::new();
    builder.prefix(".roadmap-init-").suffix(".tmp");
    // Temporary files are private (0600) by default; a roadmap is an ordinary file (0666 less
    // the umask, as any editor would create it).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder.tempfile_in(&dir).map_err(|err| {
        // Keep the reason ("permission denied"), not the temporary file's random name.
        anyhow::Error::new(std::io::Error::from(err.kind())).context(format!(
            "cannot write {shown}: cannot create a file in {}",
            dir.display()
        ))
    })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| format!("cannot write {shown}"))?;

    let persisted = if force {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    persisted.map_err(|err| {
        if err.error.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!("{shown} already exists; use --force to replace it")
        } else {
            anyhow::Error::new(err.error).context(format!("cannot write {shown}"))
        }
    })?;
    Ok(())
}
