//! The HTML report in a real browser: headless Chromium renders it to a PNG that is not blank,
//! and its DOM holds the Gantt chart. Skipped, with a notice, where Chromium is not installed
//! (`apt-get install -y chromium`), except under CI, where that fails.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Chromium binary, if one is installed.
fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let found = Command::new("which").arg(name).output().ok()?;
            let path = String::from_utf8(found.stdout).ok()?;
            let path = path.trim();
            (found.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
        })
}

fn headless(chromium: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
        "--force-device-scale-factor=1",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

#[test]
fn html_report_renders_in_chromium() {
    let found = chromium();
    if !support::tool_present(found.is_some(), "chromium", "apt-get install -y chromium") {
        return;
    }
    let chromium = found.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args([
            "--quiet",
            "report",
            "roadmap.toml",
            "--as-of",
            "2022-06-15",
            "-o",
        ])
        .arg(&html)
        .status()
        .unwrap();
    assert!(status.success());
    let url = format!("file://{}", html.display());
    let profile = dir.path().join("profile");

    let dom = headless(&chromium, &profile)
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("<svg"), "the DOM has no chart");
    assert!(dom.contains("rm-crit"), "the chart has no critical bars");
    assert!(dom.contains("g01-digital-governance"));

    let png = dir.path().join("report.png");
    let shot = headless(&chromium, &profile)
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1400,2000")
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        shot.status.success(),
        "{}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let (width, height, coloured) = non_white_pixels(&png);
    assert_eq!((width, height), (1400, 2000));
    // Text, bars and tables cover far more than 2% of the page; a blank page has none.
    assert!(
        coloured * 50 > (width * height) as usize,
        "only {coloured} non-white pixels"
    );
}

/// Width, height and the number of pixels that are not (nearly) white.
fn non_white_pixels(path: &Path) -> (u32, u32, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = info.color_type.samples();
    let pixels = &buffer[..info.buffer_size()];
    let coloured = pixels
        .chunks(channels)
        .filter(|px| px.iter().take(3).any(|&c| c < 235))
        .count();
    (info.width, info.height, coloured)
}
