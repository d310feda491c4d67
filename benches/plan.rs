//! `plan()` on synthetic portfolios (see `roadmap::schedule::synth::portfolio`) of 1k, 10k and
//! 100k projects, without resources (pure CPM) and with three scarce resources.
//!
//! `cargo bench --bench plan`

use roadmap::schedule::{Options, plan, synth};

fn main() {
    divan::main();
}

#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 5, sample_size = 1)]
fn without_resources(bencher: divan::Bencher, n: usize) {
    let problem = synth::portfolio(n, false, 1);
    bencher.bench(|| plan(divan::black_box(&problem), &Options::default()));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5, sample_size = 1)]
fn with_resources(bencher: divan::Bencher, n: usize) {
    let problem = synth::portfolio(n, true, 1);
    bencher.bench(|| plan(divan::black_box(&problem), &Options::default()));
}
