//! `report -o plan.pdf`: the HTML report printed by a headless Chromium (or Chrome) through its
//! own print path, so the PDF has the report's A4 landscape print layout, real text and the
//! system fonts. No browser, no PDF: a clear error, and nothing is written.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

/// Browsers tried in this order on `PATH` (after `ROADMAP_BROWSER`, when set).
const BROWSERS: [&str; 4] = ["chromium", "chromium-browser", "google-chrome", "chrome"];

/// Does `path` ask for a PDF (its extension is `pdf`, in any case)?
pub fn wants_pdf(path: Option<&Path>) -> bool {
    path.and_then(Path::extension)
        .is_some_and(|ext| ext.eq_ignore_ascii_case("pdf"))
}

/// The browser that prints the PDF: `ROADMAP_BROWSER`, else the first of [`BROWSERS`] on
/// `PATH`; an error that says what to install when there is none.
pub fn browser() -> Result<PathBuf> {
    if let Some(named) = std::env::var_os("ROADMAP_BROWSER").filter(|v| !v.is_empty()) {
        let named = PathBuf::from(named);
        if named.is_file() {
            return Ok(named);
        }
        bail!(
            "cannot write a PDF: ROADMAP_BROWSER names {}, which is not a file",
            named.display()
        );
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in BROWSERS {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    bail!(
        "cannot write a PDF: it is printed by a headless Chromium or Chrome, and none is installed \
         (looked for {} on PATH, and ROADMAP_BROWSER). Install one (e.g. `apt-get install chromium`), \
         or write the HTML report (`-o plan.html`) and print it from a browser",
        BROWSERS.join(", ")
    )
}

/// Prints `html` to PDF bytes with `browser`, in a private temporary directory.
pub fn print(browser: &Path, html: &[u8]) -> Result<Vec<u8>> {
    let dir = tempfile::tempdir().context("cannot create a temporary directory for the PDF")?;
    let page = dir.path().join("report.html");
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&page, html).context("cannot write the HTML to print")?;
    let ran = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .with_context(|| format!("cannot run {}", browser.display()))?;
    match std::fs::read(&pdf) {
        Ok(bytes) if ran.status.success() && bytes.starts_with(b"%PDF") => Ok(bytes),
        _ => bail!(
            "{} did not print the PDF: {}",
            browser.display(),
            String::from_utf8_lossy(&ran.stderr).trim()
        ),
    }
}
