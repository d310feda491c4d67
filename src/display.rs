//! How numbers and amounts read in messages and reports, and how text from a file is made safe
//! for a terminal.

use std::borrow::Cow;

/// Text from a roadmap file made safe to print on a terminal: the one escaping step for every
/// name, unit or currency that reaches a terminal. C0 control characters (ESC, BEL, CR, BS,
/// NUL, ...) become their Unicode control pictures (`␛`, `␇`, `␍`), DEL becomes `␡`, and C1
/// controls and bidirectional overrides and isolates, which would reorder the rest of the
/// line, and the non-characters U+FFFE and U+FFFF, become `�`, as the findings' source excerpts show them. Applied before a table wraps
/// its cells, so no escape sequence can be cut in half or reach the terminal at all.
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape_for_terminal(text, false)
}

/// [`terminal`] for a run of whole lines (an excerpt of the file): line breaks are kept.
pub fn terminal_lines(text: &str) -> Cow<'_, str> {
    escape_for_terminal(text, true)
}

fn escape_for_terminal(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let escaped = |c: char| needs_escape(c) && !(keep_lines && matches!(c, '\n' | '\r'));
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if !escaped(c) => c,
                '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
                '\u{7f}' => '\u{2421}',
                c if needs_escape(c) => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{fffe}' | '\u{ffff}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `1234567.5` → `1,234,568`: money and amounts, rounded to whole units. An amount that is not
/// zero never shows as `0` (a cap of 0.01 is not a cap of 0): below one half it keeps its cents,
/// `0.01`, or reads `<0.01`.
pub fn amount(value: f64) -> String {
    let value = value + 0.0;
    if value != 0.0 && value.abs() < 0.5 {
        let cents = format!("{:.2}", value.abs());
        let cents = cents.trim_end_matches('0').trim_end_matches('.');
        let sign = if value < 0.0 { "-" } else { "" };
        return if cents == "0" {
            format!("{sign}<0.01")
        } else {
            format!("{sign}{cents}")
        };
    }
    let rounded = value.round();
    let digits = format!("{:.0}", rounded.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `150000`, `0.3`: an amount as a plain machine-readable number, without a `.0` on whole ones.
pub fn number(value: f64) -> String {
    // Adding 0.0 turns -0.0 (what summing no floats gives) into 0: a number, never `-0`.
    let value = value + 0.0;
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// An indicator value: whole numbers without decimals, others with up to two.
pub fn figure(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        amount(value.round())
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// "25%", "25 datasets", "25": `value` with `unit`.
pub fn with_unit(unit: Option<&str>, value: &str) -> String {
    match unit {
        None | Some("") => value.to_string(),
        Some("%") => format!("{value}%"),
        Some(unit) => format!("{value} {unit}"),
    }
}

/// `1.5`, `2`, `0.25`: resource units without trailing zeros.
pub fn units(value: f64) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// Two unit amounts with as many decimals as it takes to tell them apart (`3` and `2.9999`,
/// not `3` and `3`), at least as many as [`units`] shows.
pub fn units_apart(a: f64, b: f64) -> (String, String) {
    let trimmed = |value: f64, decimals: usize| {
        let text = format!("{value:.decimals$}");
        let text = text.trim_end_matches('0').trim_end_matches('.').to_string();
        if text == "-0" { "0".to_string() } else { text }
    };
    for decimals in 3..=12 {
        let (x, y) = (trimmed(a, decimals), trimmed(b, decimals));
        if x != y || decimals == 12 {
            return (x, y);
        }
    }
    (units(a), units(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_holds_no_control_or_bidi_character() {
        assert_eq!(terminal("Open data"), "Open data");
        assert!(matches!(terminal("plain"), Cow::Borrowed(_)));
        assert_eq!(
            terminal("a\u{1b}]0;t\u{7}b\u{1b}[2J\r\u{8}\u{0}\u{7f}"),
            "a␛]0;t␇b␛[2J␍␈␀␡"
        );
        assert_eq!(terminal("x\u{9b}31m\u{202e}y\u{2066}z"), "x�31m�y�z");
        assert_eq!(terminal("é€😀 ␛"), "é€😀 ␛");
        assert_eq!(terminal_lines("a\u{1b}\nb\r\n"), "a␛\nb\r\n");
    }

    #[test]
    fn amounts_have_thousands_separators() {
        assert_eq!(amount(0.0), "0");
        assert_eq!(amount(999.0), "999");
        assert_eq!(amount(1000.0), "1,000");
        assert_eq!(amount(12_000_000.0), "12,000,000");
        assert_eq!(amount(-1_234_567.4), "-1,234,567");
        assert_eq!(amount(0.01), "0.01");
        assert_eq!(amount(0.4), "0.4");
        assert_eq!(amount(0.001), "<0.01");
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(number(150_000.0), "150000");
        assert_eq!(number(0.3), "0.3");
        // What summing no floats gives: still a plain 0.
        assert_eq!(number(-0.0), "0");
        assert_eq!(number([0.0f64; 0].iter().sum()), "0");
        assert_eq!(amount(-0.0), "0");
    }

    #[test]
    fn units_apart_show_the_digits_that_differ() {
        assert_eq!(units_apart(3.0, 2.9999), ("3".into(), "2.9999".into()));
        assert_eq!(units_apart(1.5, 1.0), ("1.5".into(), "1".into()));
        assert_eq!(units_apart(2.0, 2.0), ("2".into(), "2".into()));
    }

    #[test]
    fn units_drop_trailing_zeros() {
        assert_eq!(units(1.5), "1.5");
        assert_eq!(units(2.0), "2");
        assert_eq!(units(0.25), "0.25");
    }
}
