//! `plan()` at each effort level on the PSPLIB instances committed under `benches/data/j30`
//! and on PSPLIB-like synthetic instances of 30 and 120 activities.
//!
//! `cargo bench --bench rcpsp`. For gaps over a whole PSPLIB directory use
//! `cargo run --release --example psplib -- DIR --reference TABLE`.

#[path = "support/psplib.rs"]
mod psplib;

use roadmap::schedule::{Effort, Options, Problem, plan, synth};

fn main() {
    divan::main();
}

const EFFORTS: [Effort; 3] = [Effort::Fast, Effort::Default, Effort::Thorough];

fn j301_1() -> Problem {
    psplib::read_instance("benches/data/j30/j301_1.sm".as_ref()).expect("valid PSPLIB file")
}

#[divan::bench(args = EFFORTS, sample_count = 5, sample_size = 1)]
fn psplib_j301_1(bencher: divan::Bencher, effort: Effort) {
    let problem = j301_1();
    bencher.bench(|| plan(divan::black_box(&problem), &Options { effort, seed: 42 }));
}

#[divan::bench(args = EFFORTS, sample_count = 5, sample_size = 1)]
fn synthetic_j30(bencher: divan::Bencher, effort: Effort) {
    let problem = synth::rcpsp_like(30, 3);
    bencher.bench(|| plan(divan::black_box(&problem), &Options { effort, seed: 42 }));
}

#[divan::bench(args = [Effort::Fast, Effort::Default], sample_count = 3, sample_size = 1)]
fn synthetic_j120(bencher: divan::Bencher, effort: Effort) {
    let problem = synth::rcpsp_like(120, 3);
    bencher.bench(|| plan(divan::black_box(&problem), &Options { effort, seed: 42 }));
}
