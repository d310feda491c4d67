//! The whole process, as a user runs it: the release binary reads a generated roadmap, validates
//! it, plans it and writes the plan as CSV. Each file is generated once, outside the timing.
//!
//! `cargo bench --bench whole` (build the binary first: `cargo build --release`). For peak
//! memory, generate a file with `cargo run --release --example gen_portfolio -- N > f.toml` and
//! run `/usr/bin/time -v target/release/roadmap plan f.toml --format csv -o plan.csv`.

#[path = "support/portfolio.rs"]
mod portfolio;

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    divan::main();
}

fn binary() -> PathBuf {
    // The benches are built in release mode, like the binary they run.
    PathBuf::from(env!("CARGO_BIN_EXE_roadmap"))
}

fn run(dir: &Path, text: &str, effort: &str) {
    let file = dir.join("roadmap.toml");
    std::fs::write(&file, text).expect("write the roadmap");
    let out = dir.join("plan.csv");
    let status = Command::new(binary())
        .args([
            "plan", "--format", "csv", "--force", "--effort", effort, "-o",
        ])
        .arg(&out)
        .arg(&file)
        .status()
        .expect("run roadmap");
    assert!(status.success(), "roadmap plan failed");
}

/// 100,000 projects, about 250,000 links, no resources; 10,000 with three resources.
#[divan::bench(args = [(100_000, false), (10_000, true)], sample_count = 5, sample_size = 1)]
fn portfolio(bencher: divan::Bencher, (n, resources): (usize, bool)) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = portfolio::portfolio_toml(n, resources);
    bencher.bench(|| run(dir.path(), &text, "default"));
}

/// 10,000 projects with three resources on a working calendar (Bulgaria's holidays, summer
/// closures) with stepped capacities, working-day durations and some effort-based projects:
/// the same projects as `portfolio(10000, true)`, which plans them on continuous days.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn calendar_and_steps(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = portfolio::calendar_portfolio_toml(10_000);
    bencher.bench(|| run(dir.path(), &text, "default"));
}

/// 40,000 projects queueing for one resource of capacity 1 (`--effort fast`).
#[divan::bench(args = [10_000, 40_000], sample_count = 3, sample_size = 1)]
fn one_pool(bencher: divan::Bencher, n: usize) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = portfolio::one_pool_toml(n, 2);
    bencher.bench(|| run(dir.path(), &text, "fast"));
}
