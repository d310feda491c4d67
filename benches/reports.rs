//! Every report format of the 120-project bundled portfolio (`examples/portfolio.toml`), from a
//! checked and planned roadmap (the check and plan are not timed: `benches/whole.rs` and
//! `benches/plan.rs` time them). The PDF is the HTML printed by a browser, so its cost is the
//! HTML's plus the browser's and is not benchmarked here.
//!
//! `cargo bench --bench reports`

use roadmap::check::{Checked, Settings, check_path};
use roadmap::report;

fn main() {
    divan::main();
}

fn portfolio() -> Checked {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/portfolio.toml");
    let checked = check_path(&path, &Settings::default()).expect("checks");
    assert!(checked.plan.is_some(), "the portfolio plans");
    checked
}

#[divan::bench(
    args = ["html", "svg", "ics", "xlsx", "csv", "json", "mermaid", "dot", "mspdi"],
    sample_count = 10
)]
fn portfolio_report(bencher: divan::Bencher, format: &str) {
    let checked = portfolio();
    let (roadmap, plan) = (
        checked.roadmap.as_ref().unwrap(),
        checked.plan.as_ref().unwrap(),
    );
    bencher.bench(|| {
        // Built per run (it is not `Sync`), so parsing the catalogue is counted too.
        let messages = roadmap::i18n::Messages::new(roadmap::i18n::Lang::En);
        let mut out = Vec::with_capacity(1 << 20);
        match format {
            "html" => report::html::write(
                &mut out,
                &report::html::Input {
                    source: &checked.source,
                    roadmap,
                    plan,
                    findings: &checked.findings,
                    as_of: None,
                    risk: None,
                    lang: roadmap::i18n::Lang::En,
                },
            )
            .unwrap(),
            "svg" => {
                report::svg::write(&mut out, roadmap, plan, None, roadmap::i18n::Lang::En).unwrap()
            }
            "ics" => report::ics::write(&mut out, roadmap, plan, None, &messages).unwrap(),
            "xlsx" => {
                out = report::xlsx::workbook(
                    roadmap,
                    plan,
                    &checked.source,
                    &checked.findings,
                    &messages,
                )
                .unwrap();
            }
            "csv" => report::csv::write(&mut out, roadmap, plan).unwrap(),
            "json" => report::json::write(&mut out, &checked.source, roadmap, plan).unwrap(),
            "mermaid" => {
                report::mermaid::write(&mut out, roadmap, plan, report::gantt::GroupBy::Objective)
                    .unwrap()
            }
            "dot" => report::dot::write(&mut out, roadmap, plan).unwrap(),
            "mspdi" => report::mspdi::write(&mut out, roadmap, plan).unwrap(),
            other => unreachable!("{other}"),
        }
        divan::black_box(out.len())
    });
}
