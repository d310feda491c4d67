//! Monte Carlo schedule risk on the bundled roadmap (28 projects, 4 staff pools): 10,000 runs,
//! as written (fixed durations) and with every duration made a three-point estimate
//! (optimistic 0.8x, pessimistic 1.5x).
//!
//! `cargo bench --bench risk`

use roadmap::model::scenario::stretch;
use roadmap::model::{Estimate, Roadmap};
use roadmap::plan::{Plan, plan};
use roadmap::risk::{Settings, simulate};
use roadmap::schedule::Options;

fn main() {
    divan::main();
}

fn bundled(uncertain: bool) -> (Roadmap, Plan) {
    let text = std::fs::read_to_string("roadmap.toml").unwrap();
    let parsed = roadmap::model::load::parse_str("roadmap.toml".into(), text);
    let mut roadmap = roadmap::validate::validate(parsed.raw.as_ref().unwrap(), parsed.findings)
        .roadmap
        .unwrap();
    if uncertain {
        for p in &mut roadmap.projects {
            p.estimate = Some(Estimate {
                optimistic: stretch(p.duration, 0.8),
                likely: p.duration,
                pessimistic: stretch(p.duration, 1.5),
            });
        }
    }
    let plan = plan(&roadmap, &Options::default()).unwrap();
    (roadmap, plan)
}

#[divan::bench(args = [false, true], sample_count = 5, sample_size = 1)]
fn runs_10000(bencher: divan::Bencher, uncertain: bool) {
    let (roadmap, plan) = bundled(uncertain);
    bencher.bench(|| simulate(&roadmap, &plan, Settings::default(), &|_| {}).unwrap());
}

#[divan::bench(args = [1, 2], sample_count = 5, sample_size = 1)]
fn runs_10000_threads(bencher: divan::Bencher, threads: usize) {
    let (roadmap, plan) = bundled(true);
    let settings = Settings {
        threads,
        ..Settings::default()
    };
    bencher.bench(|| simulate(&roadmap, &plan, settings, &|_| {}).unwrap());
}
