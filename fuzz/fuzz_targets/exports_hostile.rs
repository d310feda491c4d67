//! Arbitrary text in every name, unit and currency of a small valid roadmap, through the
//! writers that must escape it: iCalendar, SVG, MS Project XML and the terminal escaping. The
//! XML must parse back, the calendar must keep its events and fold every line at 75 octets, and
//! no control or bidi character may survive the terminal escaping.

#![no_main]

use libfuzzer_sys::fuzz_target;
use roadmap::check::{Settings, check_source};
use roadmap::model::load::parse_str;
use roadmap::schedule::{Effort, Options};

/// `text` as the inside of a TOML basic string: quotes, backslashes and every control character
/// escaped, so any text at all can be a name.
fn toml_string(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('|').map(toml_string);
    let mut next = || parts.next().unwrap_or_default();
    let (name, actor, project, unit, currency, other) =
        (next(), next(), next(), next(), next(), next());
    let source = format!(
        "[roadmap]\nname = \"{name}\"\nstart = 2025-01-01\ncurrency = \"{currency}\"\n\
         [[actor]]\nid = \"a\"\nname = \"{actor}\"\n\
         [[resource]]\nid = \"r\"\nname = \"{other}\"\ncapacity = 1\nunit = \"{unit}\"\n\
         [[project]]\nid = \"p\"\nname = \"{project}\"\nduration = \"3 months\"\nlead = \"a\"\nresources = {{ r = 1 }}\n\
         [[project]]\nid = \"q\"\nname = \"{other}\"\nduration = \"2 weeks\"\nlead = \"a\"\nresources = {{ r = 1 }}\n\
         [[project]]\nid = \"m\"\nname = \"{name}\"\nduration = \"0d\"\nlead = \"a\"\ndepends_on = [\"p\", \"q\"]\n"
    );
    let parsed = parse_str("fuzz.toml".to_string(), source);
    let settings = Settings {
        options: Options {
            effort: Effort::Fast,
            seed: 42,
        },
        ..Settings::default()
    };
    let checked = check_source(parsed, &settings).expect("a plan");
    let (Some(roadmap), Some(plan)) = (&checked.roadmap, &checked.plan) else {
        panic!("names never make a roadmap invalid: {:?}", checked.findings);
    };

    let mut svg = Vec::new();
    roadmap::report::svg::write(&mut svg, roadmap, plan, None).expect("svg");
    let svg = String::from_utf8(svg).expect("svg is UTF-8");
    roxmltree::Document::parse(&svg).expect("the SVG is well-formed");

    let mut mspdi = Vec::new();
    roadmap::report::mspdi::write(&mut mspdi, roadmap, plan).expect("mspdi");
    let mspdi = String::from_utf8(mspdi).expect("MSPDI is UTF-8");
    roxmltree::Document::parse(&mspdi).expect("the MSPDI is well-formed");

    let mut ics = Vec::new();
    let messages = roadmap::i18n::Messages::new(roadmap::i18n::Lang::En);
    roadmap::report::ics::write(&mut ics, roadmap, plan, None, &messages).expect("ics");
    let ics = String::from_utf8(ics).expect("ICS is UTF-8");
    assert!(ics.ends_with("\r\n"));
    for line in ics.split_terminator("\r\n") {
        assert!(line.len() <= 75, "a line of {} octets", line.len());
        assert!(!line.chars().any(|c| c.is_control() && c != '\t'), "{line:?}");
    }
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(unfolded.matches("\r\nBEGIN:VEVENT\r\n").count(), 5);
    assert_eq!(unfolded.matches("\r\nEND:VEVENT\r\n").count(), 5);

    let shown = roadmap::display::terminal(&text);
    assert!(!shown.chars().any(|c| c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')));
    let safe = roadmap.for_terminal();
    for p in &safe.projects {
        assert!(!p.name.chars().any(char::is_control));
    }
});
