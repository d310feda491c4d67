//! The cash-flow-aware planner: `plan()` on a synthetic portfolio of 10,000 projects with
//! three scarce resources and three funding sources capped per calendar year (see
//! `roadmap::schedule::synth::portfolio_with_budgets`), next to the same portfolio without
//! caps.
//!
//! `cargo bench --bench money`

use roadmap::schedule::{Options, plan, synth};

fn main() {
    divan::main();
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5, sample_size = 1)]
fn with_yearly_caps(bencher: divan::Bencher, n: usize) {
    let problem = synth::portfolio_with_budgets(n, true, 1);
    bencher.bench(|| plan(divan::black_box(&problem), &Options::default()));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5, sample_size = 1)]
fn without_caps(bencher: divan::Bencher, n: usize) {
    let problem = synth::portfolio(n, true, 1);
    bencher.bench(|| plan(divan::black_box(&problem), &Options::default()));
}
