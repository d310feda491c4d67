//! Arbitrary bytes through the loader, the validator and the finding renderers: none may panic,
//! hang or overflow, whatever the input.

#![no_main]

use libfuzzer_sys::fuzz_target;
use roadmap::diag::render::{self, FileReport};
use roadmap::model::load::parse_bytes;
use roadmap::validate::validate;

fuzz_target!(|data: &[u8]| {
    let parsed = parse_bytes("fuzz.toml".to_string(), data.to_vec());
    let (roadmap, findings) = match &parsed.raw {
        Some(raw) => {
            let validated = validate(raw, parsed.findings);
            (validated.roadmap, validated.findings)
        }
        None => (None, parsed.findings),
    };

    // Rendering slices the source at every finding's position: a position outside the text or
    // inside a UTF-8 character would panic here.
    let report = FileReport {
        file: &parsed.source,
        findings: &findings,
    };
    let mut out = Vec::new();
    render::human(&mut out, &report, false).expect("writing to a Vec cannot fail");
    render::json(&mut out, std::slice::from_ref(&report)).expect("writing to a Vec cannot fail");
    render::github(&mut out, &report).expect("writing to a Vec cannot fail");

    if let Some(roadmap) = roadmap {
        // Plan every valid roadmap too (fast effort: same code paths, more inputs per second).
        let options = roadmap::schedule::Options {
            effort: roadmap::schedule::Effort::Fast,
            seed: 42,
        };
        // The plan's findings (missed deadlines, funding windows) point into the text as well.
        if let Ok(plan) = roadmap::plan::plan(&roadmap, &options) {
            let report = FileReport {
                file: &parsed.source,
                findings: &plan.findings,
            };
            render::human(&mut out, &report, false).expect("writing to a Vec cannot fail");
        }
    }
});
