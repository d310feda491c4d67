//! Arbitrary bytes through every importer (MSPDI, CSV, XLSX) and the TOML writer: none may
//! panic or hang, and what the writer makes of any draft must be TOML that parses (the importer
//! may refuse input, but never write a broken file).

#![no_main]

use libfuzzer_sys::fuzz_target;
use roadmap::diag::Code;
use roadmap::import::{self, Extras, Format};
use roadmap::model::load::parse_str;

fuzz_target!(|data: &[u8]| {
    for format in [Format::Mspdi, Format::Csv, Format::Xlsx] {
        let Ok(draft) = import::read("fuzz", data, format, &Extras::default()) else {
            continue;
        };
        let written = import::writer::write(&draft);
        assert_eq!(
            written.origins.len(),
            written.text.lines().count(),
            "every line has an origin"
        );
        let parsed = parse_str("fuzz.toml".to_string(), written.text);
        assert!(
            parsed.findings.iter().all(|f| f.code != Code::TomlSyntax),
            "the writer produced invalid TOML: {:?}",
            parsed.findings
        );
    }
});
