//! Where output goes: stdout, or a file written atomically that never replaces an existing file
//! (or the input) unless asked to.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result, bail};

/// Renders to stdout (`None` or `-`) or to `path`.
///
/// A file is written to a temporary file beside it and renamed into place only when rendering
/// succeeded, so a failure never leaves a half-written file and never truncates an existing one.
/// Devices and pipes (`/dev/null`, a fifo) are written to directly: renaming over them would
/// replace the device with a file.
pub fn emit(
    path: Option<&Path>,
    force: bool,
    input: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let Some(path) = path.filter(|p| *p != Path::new("-")) else {
        let mut stdout = io::stdout().lock();
        render(&mut stdout)?;
        stdout.flush()?;
        return Ok(());
    };
    if same_file(path, input) {
        bail!(
            "refusing to write the output over the input file {}",
            path.display()
        );
    }
    if let Ok(metadata) = std::fs::metadata(path) {
        // A device or pipe (`-o /dev/stdout`, a fifo) is written into, never replaced.
        if !metadata.is_file() && !metadata.is_dir() {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            render(&mut file).with_context(|| format!("cannot write {}", path.display()))?;
            return Ok(());
        }
        if metadata.is_dir() {
            bail!("{} is a directory", path.display());
        }
        if !force {
            bail!(
                "{} already exists; use --force to replace it",
                path.display()
            );
        }
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".roadmap-");
    // Temporary files are private (0600); an output file gets the usual 0666 less the umask.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot write to {}", dir.display()))?;
    {
        let mut writer = io::BufWriter::new(file.as_file_mut());
        render(&mut writer).with_context(|| format!("cannot write {}", path.display()))?;
        writer
            .flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    file.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    let persisted = if force {
        file.persist(path).map(drop)
    } else {
        file.persist_noclobber(path).map(drop)
    };
    persisted
        .map_err(|err| err.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
