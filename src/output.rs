//! Where output goes: stdout, or a file written atomically that never replaces an existing file
//! (or the input) unless asked to. Every byte the tool writes goes through here.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use anyhow::{Context, Result, anyhow, bail};

/// Renders to stdout (`None` or `-`) or to `path`, never over `input`.
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
    emit_to(path, force, Some(input), render)
}

/// [`emit`] for output that comes from no input file (`init`).
pub fn emit_to(
    path: Option<&Path>,
    force: bool,
    input: Option<&Path>,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let Some(path) = path.filter(|p| *p != Path::new("-")) else {
        return to_stdout(render);
    };
    let shown = path.display();
    if input.is_some_and(|input| same_file(path, input)) {
        bail!("refusing to write the output over the input file {shown}");
    }
    if path.as_os_str().as_encoded_bytes().ends_with(b"/") {
        bail!("cannot write {shown}: a name ending in `/` is a directory; give a file name");
    }
    match std::fs::symlink_metadata(path) {
        Ok(link) if link.file_type().is_symlink() && std::fs::metadata(path).is_err() => {
            let target = std::fs::read_link(path).unwrap_or_default();
            if !force {
                bail!(
                    "{shown} is a symbolic link to {}, which does not exist; use --force to replace the link",
                    target.display()
                );
            }
        }
        _ => {}
    }
    if let Ok(metadata) = std::fs::metadata(path) {
        // A device or pipe (`-o /dev/stdout`, a fifo) is written into, never replaced.
        if !metadata.is_file() && !metadata.is_dir() {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write {shown}"))?;
            let mut writer = BufWriter::with_capacity(1 << 16, file);
            render(&mut writer)
                .and_then(|()| writer.flush())
                .with_context(|| format!("cannot write {shown}"))?;
            return Ok(());
        }
        if metadata.is_dir() {
            bail!("{shown} is a directory");
        }
        if !force {
            bail!("{shown} already exists; use --force to replace it");
        }
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is not a directory"
        } else {
            "does not exist"
        };
        bail!("cannot write {shown}: {} {why}", dir.display());
    }
    // The OS error alone, never tempfile's wrapper that names the temporary file (the user
    // named `path`); registered before it exists, so a signal at any moment finds it.
    let mut pending = None;
    let mut file = tempfile::Builder::new()
        .prefix(".roadmap-")
        .make_in(dir, |temp| {
            pending = Some(Pending::register(temp));
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            // An output file gets the usual 0666 less the umask, not a temporary file's 0600.
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666);
            let opened = options.open(temp);
            if opened.is_err() {
                // Not ours (a name taken, or no file at all): never remove it.
                pending = None;
            }
            opened
        })
        .with_context(|| {
            format!(
                "cannot write {shown}: cannot create a file in {}",
                dir.display()
            )
        })?;
    debug_assert!(pending.is_some());
    {
        let mut writer = BufWriter::with_capacity(1 << 16, file.as_file_mut());
        render(&mut writer)
            .and_then(|()| writer.flush())
            .with_context(|| format!("cannot write {shown}"))?;
    }
    file.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {shown}"))?;
    let persisted = if force {
        file.persist(path).map(drop)
    } else {
        file.persist_noclobber(path).map(drop)
    };
    persisted.map_err(|err| {
        if err.error.kind() == io::ErrorKind::AlreadyExists {
            anyhow!("{shown} already exists; use --force to replace it")
        } else {
            anyhow::Error::new(err.error).context(format!("cannot write {shown}"))
        }
    })?;
    Ok(())
}

/// Renders to stdout through one buffer. A closed stdout (`roadmap plan >&-`) is an error: the
/// output would be lost.
pub fn to_stdout(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    if stdout_is_closed() {
        bail!("cannot write to stdout: it is closed");
    }
    let mut stdout = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    render(&mut stdout)
        .and_then(|()| stdout.flush())
        .context("cannot write to stdout")?;
    Ok(())
}

/// Rust's runtime opens `/dev/null` read-write on a standard stream it finds closed, so writes
/// to a closed stdout vanish. A shell redirect to `/dev/null` opens it write-only, so a
/// read-write `/dev/null` on descriptor 1 is the runtime's stand-in for a closed stdout.
#[cfg(target_os = "linux")]
fn stdout_is_closed() -> bool {
    let is_null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|t| t == Path::new("/dev/null"));
    is_null
        && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("flags:"))
                .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        })
}

#[cfg(not(target_os = "linux"))]
fn stdout_is_closed() -> bool {
    false
}

/// Temporary files being written, removed if SIGINT or SIGTERM ends the process first.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file registered in [`PENDING`] for as long as this guard lives.
struct Pending(PathBuf);

impl Pending {
    fn register(path: &Path) -> Pending {
        static HANDLER: Once = Once::new();
        HANDLER.call_once(install_signal_handler);
        lock_pending().push(path.to_path_buf());
        Pending(path.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        lock_pending().retain(|p| *p != self.0);
    }
}

fn lock_pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A thread that waits for SIGINT/SIGTERM, removes the pending temporary files, then lets the
/// signal end the process as it would have (so the parent sees the signal).
fn install_signal_handler() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            for path in lock_pending().drain(..) {
                let _ = std::fs::remove_file(path);
            }
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
