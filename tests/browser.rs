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

/// Measures the rendered report in the page itself: elements whose text runs out of their box,
/// sections with nothing but a heading, links to fiches that do not exist. Appended to a copy of
/// the report only (the report itself carries no script); the result replaces the body so
/// `--dump-dom` prints it.
const DOM_CHECKS: &str = r##"<script>
window.addEventListener('load', () => {
  const overflowing = [];
  for (const el of document.querySelectorAll('td, th, dt, dd, p, h1, h2, h3, li, .summary div')) {
    if (el.closest('svg')) continue;
    if (el.scrollWidth > el.clientWidth + 1) overflowing.push(el.tagName + ': ' + el.textContent.slice(0, 60));
  }
  const page = document.documentElement.scrollWidth > window.innerWidth + 1
    ? [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + '/' + window.innerWidth)
    : false;
  const empty = [];
  for (const s of document.querySelectorAll('section')) {
    const body = [...s.children].filter(c => c.tagName !== 'H2' && c.textContent.trim() !== '');
    if (body.length === 0) empty.push(s.id);
  }
  const missing = [];
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    if (!document.getElementById(a.getAttribute('href').slice(1))) missing.push(a.getAttribute('href'));
  }
  const fiches = document.querySelectorAll('article.fiche').length;
  const rows = document.querySelectorAll('svg a.rm-row').length;
  document.body.innerHTML = '<pre id="dom-checks">' + JSON.stringify({overflowing, page, empty, missing, fiches, rows}) + '</pre>';
});
</script>"##;

/// The DOM checks of a report rendered at `width` × `height` CSS pixels.
fn dom_checks(
    chromium: &Path,
    dir: &Path,
    html: &Path,
    width: u32,
    height: u32,
) -> serde_json::Value {
    let page = std::fs::read_to_string(html).unwrap();
    let checked = dir.join(format!("checked-{width}.html"));
    std::fs::write(
        &checked,
        page.replace("</body>", &format!("{DOM_CHECKS}</body>")),
    )
    .unwrap();
    let dom = headless(chromium, &dir.join(format!("profile-{width}")))
        .arg("--dump-dom")
        .arg("--virtual-time-budget=10000")
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("file://{}", checked.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    let start = dom.find("<pre id=\"dom-checks\">").expect("the checks ran") + 21;
    let end = start + dom[start..].find("</pre>").unwrap();
    let json = dom[start..end]
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    serde_json::from_str(&json).unwrap()
}

/// The bundled roadmap (28 projects, programmes, indicators) and the 100-project portfolio, at a
/// desktop width and at the width of an A4 landscape page: no text leaves its box, the page
/// does not scroll sideways, no section is only a heading, every project has a fiche and a
/// timeline row, and every in-page link lands.
#[test]
fn html_report_fits_its_boxes_at_desktop_and_a4_widths() {
    let found = chromium();
    if !support::tool_present(found.is_some(), "chromium", "apt-get install -y chromium") {
        return;
    }
    let chromium = found.unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (file, projects) in [("roadmap.toml", 28), ("examples/portfolio.toml", 120)] {
        let html = dir.path().join("report.html");
        let _ = std::fs::remove_file(&html);
        let status = Command::new(env!("CARGO_BIN_EXE_roadmap"))
            .args(["--quiet", "report", file, "--as-of", "2022-06-15", "-o"])
            .arg(&html)
            .status()
            .unwrap();
        assert!(status.success());
        // 1400 px: a desktop window; 1032 px: A4 landscape (297 mm less 2 × 12 mm margins) at 96 dpi.
        for width in [1400, 1032] {
            let checks = dom_checks(&chromium, dir.path(), &html, width, 900);
            assert_eq!(
                checks["overflowing"],
                serde_json::json!([]),
                "{file} at {width}px"
            );
            assert_eq!(
                checks["page"],
                serde_json::json!(false),
                "{file} scrolls sideways at {width}px"
            );
            assert_eq!(
                checks["empty"],
                serde_json::json!([]),
                "{file} at {width}px"
            );
            assert_eq!(
                checks["missing"],
                serde_json::json!([]),
                "{file} at {width}px"
            );
            assert_eq!(checks["fiches"], projects, "{file}: a fiche per project");
            assert_eq!(
                checks["rows"], projects,
                "{file}: a timeline row per project"
            );
        }
    }
}

/// `report -o plan.pdf` prints the report through Chromium: a PDF of A4 landscape pages
/// (842 × 595 pt) holding the report's text.
#[test]
fn report_writes_a_pdf_through_chromium() {
    let found = chromium();
    if !support::tool_present(found.is_some(), "chromium", "apt-get install -y chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("plan.pdf");
    let status = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(["--quiet", "report", "roadmap.toml", "-o"])
        .arg(&pdf)
        .env("ROADMAP_BROWSER", found.unwrap())
        .status()
        .unwrap();
    assert!(status.success());
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let text = String::from_utf8_lossy(&bytes);
    // Chromium writes one MediaBox per page: A4 landscape is 841.92 × 594.96 pt.
    let pages = text.matches("/MediaBox [0 0 841.9").count();
    assert!(pages > 5, "{pages} pages");
    assert_eq!(
        text.matches("/MediaBox").count(),
        pages,
        "every page is A4 landscape"
    );
}
