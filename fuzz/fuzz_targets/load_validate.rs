//! Arbitrary bytes through the check pipeline (load, resolve, every rule, plan, plan findings)
//! and the finding renderers: none may panic, hang or overflow, whatever the input.

#![no_main]

use libfuzzer_sys::fuzz_target;
use roadmap::check::{Settings, check_source};
use roadmap::diag::render;
use roadmap::model::load::parse_bytes;
use roadmap::schedule::{Effort, Options};

fuzz_target!(|data: &[u8]| {
    let parsed = parse_bytes("fuzz.toml".to_string(), data.to_vec());
    // Fast effort: the same code paths, more inputs per second.
    let settings = Settings {
        options: Options {
            effort: Effort::Fast,
            seed: 42,
        },
        ..Settings::default()
    };
    // A plan the engine refuses is an error value, not a panic: nothing more to render then.
    let Ok(checked) = check_source(parsed, &settings) else {
        return;
    };

    // Rendering slices the source at every finding's position (the plan's findings included):
    // a position outside the text or inside a UTF-8 character would panic here.
    let report = checked.report();
    let mut out = Vec::new();
    render::human(&mut out, &report, false).expect("writing to a Vec cannot fail");
    render::json(&mut out, std::slice::from_ref(&report)).expect("writing to a Vec cannot fail");
    render::github(&mut out, &report).expect("writing to a Vec cannot fail");
});
